package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/report"
)

// browserTimeout bounds the whole browser test: starting Chromium, every
// page and every wait. It is generous for a loaded 2-core machine; the
// test takes a few seconds when idle.
const browserTimeout = 90 * time.Second

// TestBrowserDashboard drives the dashboard in headless Chromium (Debian's
// `chromium`) as a planner would: the plans list, the sample plan's page,
// a what-if typed into the form and submitted by clicking, then a
// sub-district's statement reached by clicking its name, and last a
// what-if the rules reject. Every page must come with its status, every
// image (the charts) must load, and the figures the browser shows (the
// data-value cells) must equal the API's for the same query.
// Full-page screenshots go to $CAILI_SCREENSHOTS, or to a temporary
// directory.
//
// Without a chromium binary the test is skipped, except under CI=true,
// where it fails: CI must run it (.ci/run installs chromium).
func TestBrowserDashboard(t *testing.T) {
	exe, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but no chromium to run the browser test: %v", err)
		}
		t.Skipf("no chromium binary (%v); apt-get install chromium to run this test", err)
	}
	shots := os.Getenv("CAILI_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	srv, err := New(withRecord(t, Config{Version: "browser-test", Logger: slog.New(slog.DiscardHandler), PollInterval: -1}))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	b := &browser{t: t, ctx: bctx, base: ts.URL, shots: shots}

	// The plans list links to the sample plan.
	b.follow("open the plans list", http.StatusOK, chromedp.Navigate(ts.URL+"/"))
	b.do("see the plans", chromedp.WaitVisible(chromedp.CSS(`#plans tr[data-id="sample"]`)))
	b.screenshot("index.png")
	b.follow("click the sample plan", http.StatusOK, chromedp.Click(chromedp.CSS(`#plans tr[data-id="sample"] td.id a`)))
	b.do("see the plan", chromedp.WaitVisible(chromedp.CSS(`#allocations`)))
	b.wantPath("/plans/sample")
	b.imagesLoaded()
	b.checkTable("")
	b.screenshot("plan.png")

	// A what-if typed into the form: capacity 5% lower, the workload factor
	// weighing 0.5 and area 0.1 (so that the weights still sum to 1).
	capacity := b.apiAllocations("").Capacity
	lower := decimal.RequireFromString(capacity).Mul(decimal.RequireFromString("0.95")).Floor().String()
	b.do("fill the what-if form",
		chromedp.SendKeys(chromedp.CSS(`#whatif input[name="set.plan.capacity"]`), lower),
		chromedp.SendKeys(chromedp.CSS(`#whatif input[name="set.factor.workload.weight"]`), "0.5"),
		chromedp.SendKeys(chromedp.CSS(`#whatif input[name="set.factor.area.weight"]`), "0.1"))
	b.follow("submit the what-if", http.StatusOK, chromedp.Click(chromedp.CSS(`#whatif button[type="submit"]`)))
	b.do("see the what-if", chromedp.WaitVisible(chromedp.CSS(`#compare`)))
	b.wantPath("/plans/sample")
	if cls := b.eval(`document.getElementById("whatif-banner").className`); strings.Contains(cls, "bad") {
		t.Fatalf("the what-if was not applied (banner %q)", cls)
	}
	query := b.eval(`location.search.replace(/^\?/, "")`)
	for _, want := range []string{"set.plan.capacity=" + lower, "set.factor.workload.weight=0.5", "set.factor.area.weight=0.1"} {
		if !strings.Contains(query, want) {
			t.Errorf("what-if query %q lacks %s", query, want)
		}
	}
	b.imagesLoaded()
	whatIf := b.checkTable(query)
	if whatIf.Capacity != lower {
		t.Errorf("the API's what-if capacity is %s, want %s", whatIf.Capacity, lower)
	}
	b.screenshot("whatif.png")

	// A sub-district's statement, reached by clicking its name.
	first := whatIf.Subdistricts[0]
	b.follow("click a sub-district", http.StatusOK, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#allocations tr[data-id=%q] td.name a`, first.ID))))
	b.do("see the statement", chromedp.WaitVisible(chromedp.CSS(`article.statement`)))
	b.wantPath("/plans/sample/subdistricts/" + first.ID)
	if got := b.eval(`location.search.replace(/^\?/, "")`); got != query && !sameQuery(got, query) {
		t.Errorf("the statement's what-if is %q, want the plan page's %q", got, query)
	}
	if got := b.eval(`document.querySelector('#totals [data-col="total"]').dataset.value`); got != first.Total {
		t.Errorf("statement total %s, want the API's %s", got, first.Total)
	}
	if got := b.eval(`document.querySelector('article.statement h1').textContent`); !strings.Contains(got, first.Name) {
		t.Errorf("statement heading %q lacks %s", got, first.Name)
	}
	b.imagesLoaded()
	b.screenshot("statement.png")

	// A what-if the rules reject (capacity far too small) keeps the form
	// and lists why, with 422.
	b.follow("open a rejected what-if", http.StatusUnprocessableEntity, chromedp.Navigate(ts.URL+"/plans/sample?set.plan.capacity=1000"))
	b.do("see its problems", chromedp.WaitVisible(chromedp.CSS(`#problems`)), chromedp.WaitVisible(chromedp.CSS(`#whatif`)))
	if got := b.eval(`document.getElementById("problems").textContent`); !strings.Contains(got, "人员经费和公用经费超过可分配财力") {
		t.Errorf("the problems of a rejected what-if do not name the shortfall: %q", got)
	}
	b.screenshot("rejected.png")

	b.solveAndTornado() // the goal-seek page and its tornado chart (browser_solve_test.go)
	b.namesInForm()     // names in the form and the statement's URL (browser_names_test.go)
	t.Logf("screenshots in %s", shots)
}

// browser is one headless tab on the test server.
type browser struct {
	t     *testing.T
	ctx   context.Context
	base  string
	shots string
}

// do runs steps within browserTimeout, failing the test with what it
// was doing and what the page showed then.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v; the page: %s", what, err, b.shown())
	}
}

// shown is what the page shows, for a failure's message: its address and
// the start of its text (or why it could not be read).
func (b *browser) shown() string {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " " + (document.body ? document.body.innerText.slice(0, 600) : "(no body)")`))
	if err != nil {
		return "(unreadable: " + err.Error() + ")"
	}
	return s
}

// follow runs steps that load a page (a navigation, a click on a link or
// a submit button) and checks the page's HTTP status.
func (b *browser) follow(what string, status int, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	resp, err := chromedp.RunResponse(b.ctx, steps...)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	if resp.Status != int64(status) {
		b.t.Fatalf("%s: %s gave %d, want %d", what, resp.URL, resp.Status, status)
	}
}

// eval evaluates a JavaScript expression that gives a string.
func (b *browser) eval(expr string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return s
}

// wantPath checks the path of the page shown.
func (b *browser) wantPath(want string) {
	b.t.Helper()
	if got := b.eval(`location.pathname`); got != want {
		b.t.Fatalf("page %s, want %s", got, want)
	}
}

// imagesLoaded makes the lazy images load now (a full-page screenshot
// does not scroll), waits for every image to finish, and fails on any
// that did not decode: a broken chart is a broken link or a failing
// chart route.
func (b *browser) imagesLoaded() {
	b.t.Helper()
	b.do("load the images",
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("img").forEach(function (i) { i.loading = "eager"; }), null`),
		chromedp.Poll[chromedp.Void](`Array.from(document.images).every(function (i) { return i.complete; })`,
			chromedp.WithPollingInterval(50*time.Millisecond)))
	broken, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](
		`Array.from(document.images).filter(function (i) { return i.naturalWidth === 0; }).map(function (i) { return i.src; })`))
	if err != nil {
		b.t.Fatal(err)
	}
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.images.length`))
	if err != nil {
		b.t.Fatal(err)
	}
	if n == 0 || len(broken) > 0 {
		b.t.Errorf("%d images, broken: %v", n, broken)
	}
}

// shownRow is a row of the #allocations table as the browser has it.
type shownRow struct {
	ID    string            `json:"id"`
	Cells map[string]string `json:"cells"`
}

// checkTable reads every data-value cell of #allocations (the rows and
// the totals row) and compares it with the API's allocations.json for
// the same query, which it returns.
func (b *browser) checkTable(query string) report.Allocations {
	b.t.Helper()
	rows, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]shownRow](`Array.from(document.querySelectorAll("#allocations tr[data-id]")).map(function (tr) {
		var cells = {};
		tr.querySelectorAll("td[data-value]").forEach(function (td) { cells[td.dataset.col] = td.dataset.value; });
		return {id: tr.dataset.id, cells: cells};
	})`))
	if err != nil {
		b.t.Fatal(err)
	}
	api := b.apiAllocations(query)
	want := map[string]report.Columns{"total": api.Totals}
	for _, s := range api.Subdistricts {
		want[s.ID] = s.Columns
	}
	if len(rows) != len(want) {
		b.t.Fatalf("the table has %d rows, the API %d (sub-districts and totals)", len(rows), len(want))
	}
	cells := 0
	for _, r := range rows {
		w, ok := want[r.ID]
		if !ok {
			b.t.Errorf("table row %q is not in the API's result", r.ID)
			continue
		}
		for col, v := range columnsOf(w) {
			if got := r.Cells[col]; got != v {
				b.t.Errorf("row %s, %s: the page shows %q, the API %q", r.ID, col, got, v)
			}
			cells++
		}
	}
	if cells != 7*len(want) {
		b.t.Errorf("compared %d cells, want %d", cells, 7*len(want))
	}
	return api
}

// apiAllocations fetches the sample plan's allocations.json with a query.
func (b *browser) apiAllocations(query string) report.Allocations {
	b.t.Helper()
	u := b.base + "/api/v1/plans/sample/allocations.json"
	if query != "" {
		u += "?" + query
	}
	resp, err := http.Get(u)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.t.Fatalf("GET %s: %d %v\n%s", u, resp.StatusCode, err, body)
	}
	var doc report.Allocations
	if err := json.Unmarshal(body, &doc); err != nil {
		b.t.Fatal(err)
	}
	return doc
}

// screenshot saves a full-page PNG of the page shown.
func (b *browser) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// columnsOf maps the allocation table's data-col names to amounts.
func columnsOf(c report.Columns) map[string]string {
	return map[string]string{"personnel": c.Personnel, "public": c.Public, "projects": c.Projects,
		"incentive": c.Incentive, "block": c.Block, "damping": c.Damping, "total": c.Total}
}

// sameQuery reports whether two query strings hold the same parameters,
// in whatever order.
func sameQuery(a, b string) bool {
	qa, errA := url.ParseQuery(a)
	qb, errB := url.ParseQuery(b)
	if errA != nil || errB != nil || len(qa) != len(qb) {
		return false
	}
	for k, v := range qa {
		if strings.Join(v, "\x00") != strings.Join(qb[k], "\x00") {
			return false
		}
	}
	return true
}
