package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
)

// TestBrowserYearWalk walks one whole budget year through the pages in
// headless Chromium, each person with their own token (issue 23's "Done
// when"): east uploads its data with a problem (shown by cell), then
// fixed; west tries east's row and is refused naming both, then sends
// its own; the planner sees each 街道's status and accepts both into a
// new draft; the approver publishes the 控制数 from the page, which
// closes 一上; east reads its own figure, uploads a breakdown one unit off
// with a use not permitted (both shown), then the right one, west its
// own; the planner accepts both; the approver publishes the 批复; the
// planner signs in, imports three months of execution on the 执行监控
// page (one line below the plan's rule: one warning) and sees each
// 街道's execution on the 预算年度 page; the approver publishes an
// adjustment of a new version with its reason and date, whose diff the
// page shows; the planner writes next year's plan with the button, which
// the server loads and calculates; the audit page shows every step.
//
// Skipped without a chromium binary, except under CI=true.
func TestBrowserYearWalk(t *testing.T) {
	exe, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but no chromium to run the browser test: %v", err)
		}
		t.Skipf("no chromium binary (%v)", err)
	}
	e := newRecordEnv(t)
	writeBudget(t, e, tinyText(t)+"\n[[execution_rule]]\nmonth = 3\nmin_rate = \"0.2\"\n")
	ts := httptest.NewServer(e.srv.Handler())
	defer ts.Close()
	// The whole year is a long walk: four times the other walks' bound,
	// as the print test has, for a loaded CI machine under -race.
	ctx, cancel := context.WithTimeout(context.Background(), 4*browserTimeout)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	shots := os.Getenv("CAILI_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	w := &yearWalk{walk: &walk{browser: &browser{t: t, ctx: bctx, base: ts.URL, shots: shots}, e: e}, dir: t.TempDir()}
	e.call("POST", "/api/v1/plans/budget/versions", e.planner, http.StatusCreated)
	w.collect()
	w.control()
	w.breakdownStep()
	w.approve()
	w.execute()
	w.adjust()
	w.nextYear()
	w.openAs("/audit", e.approver, "1")
	for _, a := range []string{"year.stage", "year.submit.data", "year.accept.data", "year.publish.control", "year.submit.breakdown",
		"year.accept.breakdown", "year.publish.approval", "execution.import", "year.publish.adjust", "year.next"} {
		if w.count(`#audit tr[data-action="`+a+`"]`) == 0 {
			t.Errorf("the audit page lacks %s", a)
		}
	}
}

// yearWalk is the record walk with a folder for the files uploaded.
type yearWalk struct {
	*walk
	dir        string
	breakdowns map[string][]breakdownLine // accepted, by 街道
}

const yearPath = "/plans/budget/year"

// upload chooses a file for the upload form (kind: submissions or
// breakdowns), sends it and waits for the page's answer.
func (w *yearWalk) upload(name string, data []byte, kind string) {
	w.t.Helper()
	path := filepath.Join(w.dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		w.t.Fatal(err)
	}
	w.eval(`document.getElementById("error").hidden = true, document.getElementById("notice").hidden = true, ""`)
	w.do("choose "+name, chromedp.SetUploadFiles(chromedp.CSS(`#upload-file`), []string{path}),
		chromedp.Click(chromedp.CSS(`input[name=upload-kind][value=`+kind+`]`)),
		chromedp.Click(chromedp.CSS(`#upload-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#error:not([hidden]), #notice:not([hidden])`)))
}

// collect: 一上 through the page.
func (w *yearWalk) collect() {
	t, e := w.t, w.e
	tmpl := e.Get("/api/v1/plans/budget/template.csv", http.StatusOK).Body.String()
	w.openAs(yearPath, e.east, "1")
	w.upload("east.csv", []byte(editCSV(t, tmpl, "east", "population", "many")), "submissions")
	if got := w.text("#error"); !strings.Contains(got, "unprocessable") || !strings.Contains(got, "population") {
		t.Errorf("east's bad file: the page says %q", got)
	}
	w.upload("east.csv", []byte(editCSV(t, tmpl, "east", "population", "90000")), "submissions")
	w.noError("east's good file")
	w.screenshot("year-east-submitted.png")
	w.openAs(yearPath, e.west, "1")
	w.upload("west.csv", []byte(editCSV(t, tmpl, "east", "population", "1")), "submissions")
	if got := w.text("#error"); !strings.Contains(got, "东街道") || !strings.Contains(got, "西街道") {
		t.Errorf("west's file of east's row: the page says %q", got)
	}
	w.upload("west.csv", []byte(editCSV(t, tmpl, "west", "communities", "7")), "submissions")
	w.noError("west's own file")
	w.openAs(yearPath, e.planner, "1")
	for id, want := range map[string]string{"east": "已提交", "west": "已提交", "north": "未提交"} {
		if got := w.text(`#year-rows tr[data-id="` + id + `"] td[data-status]`); !strings.HasPrefix(got, want) {
			t.Errorf("%s's data: the page says %q, want %s", id, got, want)
		}
	}
	w.click(`#accept-all`, `#notice:not([hidden])`)
	for _, id := range []string{"east", "west"} {
		if got := w.waitText(`#year-rows tr[data-id="`+id+`"] td[data-status]`, "已采纳(第 2 版)"); got != "已采纳(第 2 版)" {
			t.Errorf("%s after acceptance: %q", id, got)
		}
	}
	if got := w.text("#stage"); !strings.Contains(got, "一上") {
		t.Errorf("the stage says %q", got)
	}
	w.screenshot("year-planner.png")
}

// publishAs fills the publish form (date "" for today) and waits for the publication's row.
func (w *yearWalk) publishAs(version, kind, wenhao, reason, date, wantKind string) {
	w.t.Helper()
	w.eval(fmt.Sprintf(`(function () { var v = {"publish-kind": %q, "publish-version": %q, "publish-wenhao": %q, "publish-reason": %q,
		"publish-date": %q}; Object.keys(v).forEach(function (k) { document.getElementById(k).value = v[k]; }); return ""; })()`,
		kind, version, wenhao, reason, date))
	w.do("publish "+kind, chromedp.Click(chromedp.CSS(`#publish-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#publications tr[data-kind="`+wantKind+`"]`)))
	w.noError("publish " + kind)
}

// control: the approver approves version 2 and publishes its 控制数 from
// the page; east's data is refused after it.
func (w *yearWalk) control() {
	e := w.e
	e.call("POST", "/api/v1/plans/budget/versions/2/approve", e.approver, http.StatusOK)
	w.openAs(yearPath, e.approver, "1")
	w.publishAs("2", "控制数", "示财预〔2025〕1号", "", "2025-01-10", "control")
	if got := w.text(`#publications tr[data-kind="control"] td:nth-child(3)`); got != "示财预〔2025〕1号" {
		w.t.Errorf("the 控制数's 文号 shows %q", got)
	}
	// 一上 is over: east's data is refused, saying why.
	tmpl := e.Get("/api/v1/plans/budget/template.csv", http.StatusOK).Body.String()
	w.openAs(yearPath, e.east, "1")
	w.upload("east.csv", []byte(editCSV(w.t, tmpl, "east", "population", "91000")), "submissions")
	if got := w.text("#error"); !strings.Contains(got, "一上报送已结束") {
		w.t.Errorf("data after the 控制数: the page says %q", got)
	}
}

// breakdowns: east reads its own figure and breaks it down (wrong, then
// right), west its own; the planner accepts both.
func (w *yearWalk) breakdownStep() {
	t, e := w.t, w.e
	var row struct {
		Row struct{ Incentive, Block, Damping, Total string } `json:"subdistrict"`
	}
	w.api("/api/v1/plans/budget/year/publications/1/subdistricts/east", e.east, &row)
	fig := decimal.RequireFromString(row.Row.Incentive).Add(decimal.RequireFromString(row.Row.Block)).Add(decimal.RequireFromString(row.Row.Damping))
	w.openAs(yearPath, e.east, "1")
	w.click(`#publications tr[data-kind="control"] button`, `#own-figures`)
	if got := w.text("#own-figures"); !strings.Contains(got, group(row.Row.Total)) {
		t.Errorf("east's own figure: %q, want %s", got, row.Row.Total)
	}
	half := fig.Div(decimal.NewFromInt(2)).Floor()
	w.upload("b.xlsx", breakdownXLSX(t, [][]string{{"社区养老服务", "community", "2080208", "", half.String(), "服务老人"},
		{"烟花燃放", "fireworks", "2080208", "", fig.Sub(half).Sub(decimal.NewFromInt(1)).String(), "节日"}}), "breakdowns")
	if got := w.text("#error"); !strings.Contains(got, "fireworks") || !strings.Contains(got, "相差 -1 元") {
		t.Errorf("the wrong breakdown: the page says %q", got)
	}
	w.upload("b.xlsx", breakdownXLSX(t, [][]string{{"社区养老服务", "community", "2080208", "", half.String(), "服务老人"},
		{"治安巡防", "public_safety", "2040299", "", fig.Sub(half).String(), "巡防"}}), "breakdowns")
	w.noError("the right breakdown")
	w.screenshot("year-breakdown.png")
	w.breakdowns = map[string][]breakdownLine{"east": {{"社区养老服务", half}, {"治安巡防", fig.Sub(half)}}}
	w.api("/api/v1/plans/budget/year/publications/1/subdistricts/west", e.west, &row)
	westFig := decimal.RequireFromString(row.Row.Incentive).Add(decimal.RequireFromString(row.Row.Block)).Add(decimal.RequireFromString(row.Row.Damping))
	w.openAs(yearPath, e.west, "1")
	w.upload("w.xlsx", breakdownXLSX(t, [][]string{{"社区服务中心运行", "社区服务", "2080208", "30227", westFig.String(), "全年开放"}}), "breakdowns")
	w.noError("west's breakdown")
	w.breakdowns["west"] = []breakdownLine{{"社区服务中心运行", westFig}}
	w.openAs(yearPath, e.planner, "1")
	for _, id := range []string{"east", "west"} {
		w.click(`#year-rows tr[data-id="`+id+`"] button[data-act="accept"]`, `#notice:not([hidden])`)
		if got := w.waitText(`#year-rows tr[data-id="`+id+`"] td[data-status]:nth-child(3)`, "已采纳"); !strings.HasPrefix(got, "已采纳") {
			t.Errorf("%s's breakdown after acceptance: %q", id, got)
		}
	}
}

// breakdownLine is a line of an accepted breakdown: what execution names.
type breakdownLine struct {
	name   string
	amount decimal.Decimal
}

// group is a decimal with thousands separators, as the page writes it.
func group(s string) string {
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		return b.String() + "." + frac
	}
	return b.String()
}

// approve: the 批复 of version 2, carrying both breakdowns.
func (w *yearWalk) approve() {
	w.openAs(yearPath, w.e.approver, "1")
	w.publishAs("2", "批复", "示财预〔2025〕9号", "", "2025-01-20", "approval")
}

// adjust: an adjustment of a new version dated in March, with its reason,
// and its diff on the page.
func (w *yearWalk) adjust() {
	t, e := w.t, w.e
	disk, err := os.ReadFile(filepath.Join(e.plans, "budget.toml"))
	if err != nil {
		t.Fatal(err)
	}
	e.write("budget.toml", strings.Replace(string(disk), `capacity = "60000000"`, `capacity = "61000000"`, 1))
	for range 2 {
		if err := e.srv.app.Plans.Scan(false); err != nil {
			t.Fatal(err)
		}
	}
	e.call("POST", "/api/v1/plans/budget/versions", e.planner, http.StatusCreated)
	e.call("POST", "/api/v1/plans/budget/versions/3/approve", e.approver, http.StatusOK)
	w.openAs(yearPath, e.approver, "1")
	w.publishAs("3", "调整", "示财预〔2025〕30号", "年中追加 100 万元", "2025-03-20", "adjust")
	w.click(`#publications tr[data-kind="adjust"] button`, `#adjust-diff`)
	if n := w.count(`#adjust-diff tr[data-id]`); n != 3 {
		t.Errorf("the adjustment's diff shows %d 街道", n)
	}
	if got := w.text("#stage"); !strings.Contains(got, "调整") {
		t.Errorf("the stage says %q", got)
	}
	w.screenshot("year-adjust.png")
}
