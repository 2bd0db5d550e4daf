package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/caili/caili/internal/report"
)

// page is a parsed HTML page.
type page struct{ root *html.Node }

// getPage fetches a page, checks its status and content type, and parses
// it.
func (e *testEnv) getPage(target string, want int, hdr ...string) (page, *httptest.ResponseRecorder) {
	e.t.Helper()
	w := e.Get(target, want, hdr...)
	if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		e.t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	root, err := html.Parse(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		e.t.Fatal(err)
	}
	return page{root}, w
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// all returns the element nodes under n (n included) for which ok holds.
func all(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && ok(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// byID finds the element with an id.
func (p page) byID(id string) *html.Node {
	ns := all(p.root, func(n *html.Node) bool { v, _ := attr(n, "id"); return v == id })
	if len(ns) == 0 {
		return nil
	}
	return ns[0]
}

// textOf is the text of a node and its descendants, with runs of white
// space made one space.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// tableValues reads the data-value cells of a table: row data-id → data-col
// → data-value.
func tableValues(t *testing.T, table *html.Node) map[string]map[string]string {
	t.Helper()
	if table == nil {
		t.Fatal("no such table")
	}
	out := map[string]map[string]string{}
	for _, tr := range all(table, func(n *html.Node) bool { _, ok := attr(n, "data-id"); return n.Data == "tr" && ok }) {
		id, _ := attr(tr, "data-id")
		out[id] = map[string]string{}
		for _, td := range all(tr, func(n *html.Node) bool { _, ok := attr(n, "data-value"); return n.Data == "td" && ok }) {
			col, _ := attr(td, "data-col")
			out[id][col], _ = attr(td, "data-value")
		}
	}
	return out
}

// apiAllocations decodes allocations.json of a plan with a query.
func (e *testEnv) apiAllocations(plan, query string) report.Allocations {
	e.t.Helper()
	var doc report.Allocations
	if err := json.Unmarshal(e.Get("/api/v1/plans/"+plan+"/allocations.json?"+query, http.StatusOK).Body.Bytes(), &doc); err != nil {
		e.t.Fatal(err)
	}
	return doc
}

func TestPlanPageMatchesAPI(t *testing.T) {
	e := newEnv(t, "")
	for _, tc := range []struct{ plan, query string }{
		{"tiny", ""},
		{"split", ""},
		{"tiny", whatIfQuery},
		// The form's own shape: empty fields and a free path/value row.
		{"tiny", "set.plan.capacity=58000000&set.factor.population.weight=&scenario=&path=project.vector_control.unit_cost&value=1.5&path=&value="},
	} {
		p, _ := e.getPage("/plans/"+tc.plan+"?"+tc.query, http.StatusOK)
		got := tableValues(t, p.byID("allocations"))
		api := e.apiAllocations(tc.plan, canonical(t, tc.query))
		want := map[string]report.Columns{"total": api.Totals}
		for _, s := range api.Subdistricts {
			want[s.ID] = s.Columns
		}
		if len(got) != len(want) {
			t.Fatalf("%s?%s: %d table rows, want %d", tc.plan, tc.query, len(got), len(want))
		}
		for id, cols := range want {
			for col, v := range columnsOf(cols) {
				if got[id][col] != v {
					t.Errorf("%s?%s: %s %s is %q on the page, %q in the API", tc.plan, tc.query, id, col, got[id][col], v)
				}
			}
		}
		if tc.query != "" && p.byID("compare") == nil {
			t.Errorf("%s?%s: no comparison with the base", tc.plan, tc.query)
		}
		e.linksResolve(p, "/plans/"+tc.plan)
	}
}

// canonical is a page query as the API takes it: the what-if only, with
// the form's free rows as set. parameters and empty fields dropped.
func canonical(t *testing.T, q string) string {
	t.Helper()
	vs, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	out := url.Values{}
	for k, v := range vs {
		if strings.HasPrefix(k, "set.") && v[0] != "" {
			out[k] = v
		}
	}
	for i, p := range vs["path"] {
		if p != "" {
			out.Set("set."+p, vs["value"][i])
		}
	}
	return out.Encode()
}

// linksResolve fetches every chart image, download and statement link
// of a page: each must answer 200 with the right kind of body.
func (e *testEnv) linksResolve(p page, from string) {
	e.t.Helper()
	imgs := all(p.root, func(n *html.Node) bool { return n.Data == "img" })
	if len(imgs) < 3 {
		e.t.Errorf("%s: %d images, want the charts", from, len(imgs))
	}
	for _, img := range imgs {
		src, _ := attr(img, "src")
		w := e.Get(src, http.StatusOK)
		if ct := w.Header().Get("Content-Type"); ct != "image/svg+xml" && ct != "image/png" {
			e.t.Errorf("%s: image %s is %s", from, src, ct)
		}
	}
	for _, a := range all(p.root, func(n *html.Node) bool { _, ok := attr(n, "data-kind"); return n.Data == "a" && ok }) {
		href, _ := attr(a, "href")
		w := e.Get(href, http.StatusOK)
		if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") && !json.Valid(w.Body.Bytes()) {
			e.t.Errorf("%s: download %s is not JSON", from, href)
		}
	}
	for _, a := range all(p.root, func(n *html.Node) bool {
		h, _ := attr(n, "href")
		return n.Data == "a" && strings.Contains(h, "/subdistricts/")
	}) {
		href, _ := attr(a, "href")
		if !strings.HasPrefix(href, "/api/") {
			e.getPage(href, http.StatusOK)
		}
	}
}

func TestStatementPage(t *testing.T) {
	e := newEnv(t, "")
	p, w := e.getPage("/plans/tiny/subdistricts/east", http.StatusOK)
	text := textOf(p.root)
	for _, want := range []string{"22,659,200", "东街道", "40 人 × 160,000 元／人·年 × (1 + 0.35) = 8,640,000",
		"本街道调整后得分", "因素分配资金", "打印"} {
		if !strings.Contains(text, want) {
			t.Errorf("statement lacks %q", want)
		}
	}
	if !strings.Contains(w.Body.String(), `data-value="22659200"`) {
		t.Errorf("statement total is not 22659200")
	}
	if p.byID("vs-base") != nil {
		t.Errorf("a statement without a what-if compares with the base")
	}
	// Under a what-if, the total is the API's and the change is shown.
	p, _ = e.getPage("/plans/tiny/subdistricts/north?"+whatIfQuery, http.StatusOK)
	total := all(p.byID("totals"), func(n *html.Node) bool { v, _ := attr(n, "data-col"); return v == "total" })
	want := e.Get("/api/v1/plans/tiny/cell/north/total?"+whatIfQuery, http.StatusOK).Body.String()
	if len(total) == 0 {
		t.Fatal("no total on the statement")
	}
	if got, _ := attr(total[0], "data-value"); got != want {
		t.Errorf("what-if statement total %s, API %s", got, want)
	}
	if p.byID("vs-base") == nil || p.byID("whatif-banner") == nil {
		t.Errorf("a what-if statement lacks its banner or its change against the base")
	}
	for _, img := range all(p.root, func(n *html.Node) bool { return n.Data == "img" }) {
		src, _ := attr(img, "src")
		e.Get(src, http.StatusOK)
	}
}

func TestPageStatuses(t *testing.T) {
	e := rejectedEnv(t)
	if err := os.WriteFile(filepath.Join(e.plans, "broken.toml"), []byte("[plan]\nname = \"坏\"\nfiscal_year = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		target string
		status int
		says   string // on the page
	}{
		// The pages are Chinese (msg.AppNoPlan, AppRefUnknown, AppNoScenarioRef).
		{"/plans/nope", 404, "没有方案"},
		{"/plans/tiny/subdistricts/nope", 404, "的街道"},
		{"/plans/nope/subdistricts/east", 404, "没有方案"},
		{"/plans/tiny?scenario=nope", 404, "没有文件名或名称为"},
		{"/plans/tiny/subdistricts/east?scenario=nope", 404, "没有文件名或名称为"},
		{"/plans/tiny?scenario=x%01y", 400, "scenario"},
		{"/plans/tiny?scenario=..%2Fx", 404, "没有文件名或名称为"},
		{"/plans/tiny?set.plan.capacity=1000", 422, "capacity shortfall"},
		{"/plans/tiny/subdistricts/east?set.plan.capacity=1000", 422, "capacity shortfall"},
		{"/plans/tiny?set.plan.nope=1", 400, "plan.nope"},
		{"/plans/tiny?set.factor.area.weight=0.5", 400, "weight"},
		{"/plans/tiny/subdistricts/east?set.plan.nope=1", 400, "plan.nope"},
		{"/plans/tiny?path=plan.capacity", 400, "path[1]"},
		{"/plans/tiny/subdistricts/east?value=1", 400, "path[1]"},
		{"/plans/short", 422, "capacity shortfall"},
		{"/plans/short/subdistricts/east", 422, "capacity shortfall"},
		{"/plans/broken", 422, "fiscal_year"},
	} {
		_, w := e.getPage(tc.target, tc.status)
		if !strings.Contains(w.Body.String(), tc.says) {
			t.Errorf("%s: the %d page does not say %q", tc.target, tc.status, tc.says)
		}
		if w.Header().Get("ETag") != "" {
			t.Errorf("%s: an error page has an ETag", tc.target)
		}
	}
	// What-ifs that fail on the plan page keep the form to correct them.
	p, _ := e.getPage("/plans/tiny?set.plan.capacity=1000", http.StatusUnprocessableEntity)
	if p.byID("whatif") == nil || p.byID("problems") == nil || p.byID("allocations") != nil {
		t.Errorf("a rejected what-if should show its problems and the form, not a table")
	}
	// The list says which plans work and why the others do not.
	p, w := e.getPage("/", http.StatusOK)
	for _, want := range []string{`href="/plans/tiny"`, `href="/plans/split"`, "capacity shortfall", "fiscal_year"} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("index lacks %q", want)
		}
	}
	if rows := all(p.byID("plans"), func(n *html.Node) bool { _, ok := attr(n, "data-id"); return ok }); len(rows) != 4 {
		t.Errorf("index lists %d plans, want 4", len(rows))
	}
	// Unknown paths: a page for a browser, JSON for a client.
	e.getPage("/plans/tiny/nope", http.StatusNotFound, "Accept", "text/html,application/xhtml+xml")
	decodeError(t, e.Get("/plans/tiny/nope", http.StatusNotFound))
	decodeError(t, e.Get("/api/v1/nope", http.StatusNotFound, "Accept", "text/html"))
}

func TestIndexShowsLastGoodServing(t *testing.T) {
	e := newEnv(t, "")
	path := filepath.Join(e.plans, "tiny.toml")
	if err := os.WriteFile(path, []byte("[plan]\nname = \"半截\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	_, w := e.getPage("/", http.StatusOK)
	if !strings.Contains(w.Body.String(), "serving the last good version") || !strings.Contains(w.Body.String(), "沿用上次版本") {
		t.Errorf("index does not say tiny serves its last good version")
	}
	e.getPage("/plans/tiny", http.StatusOK) // still served
}

func TestPageETag(t *testing.T) {
	e := newEnv(t, "secret")
	tags := map[string]string{}
	for _, u := range []string{
		"/plans/tiny",
		"/plans/tiny?" + whatIfQuery,
		"/plans/split",
		"/plans/tiny/subdistricts/east",
		"/plans/tiny/subdistricts/west",
		"/plans/tiny/subdistricts/east?" + whatIfQuery,
	} {
		_, w := e.getPage(u, http.StatusOK)
		tag := w.Header().Get("ETag")
		if !strings.HasPrefix(tag, `"`) {
			t.Fatalf("%s: ETag %q", u, tag)
		}
		if other, dup := tags[tag]; dup {
			t.Errorf("%s and %s share ETag %s", u, other, tag)
		}
		tags[tag] = u
		if w := e.Get(u, http.StatusNotModified, "If-None-Match", tag); w.Body.Len() != 0 {
			t.Errorf("%s: 304 with a body", u)
		}
	}
	// The same what-if written another way is the same page.
	_, w := e.getPage("/plans/tiny?set.factor.area.weight=0.1&set.factor.workload.weight=0.5&path=plan.capacity&value=58000000", http.StatusOK)
	if tag := w.Header().Get("ETag"); tags[tag] != "/plans/tiny?"+whatIfQuery {
		t.Errorf("a reordered what-if has ETag %s, not that of the same what-if", tag)
	}
	// A new saved scenario is offered in the form: the page changed.
	_, before := e.getPage("/plans/tiny", http.StatusOK)
	put := e.do(http.MethodPut, "/api/v1/plans/tiny/scenarios/lean", []byte(tighter), "Authorization", "Bearer secret")
	if put.Code != http.StatusCreated {
		t.Fatalf("PUT scenario: %d %s", put.Code, put.Body.String())
	}
	_, after := e.getPage("/plans/tiny", http.StatusOK, "If-None-Match", before.Header().Get("ETag"))
	if !strings.Contains(after.Body.String(), `value="lean"`) {
		t.Errorf("the saved scenario is not offered in the form")
	}
	_, w = e.getPage("/plans/tiny?scenario=lean", http.StatusOK)
	if !strings.Contains(w.Body.String(), `id="compare"`) {
		t.Errorf("the saved scenario is not applied")
	}
}
