package server

import (
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sampleServer serves the embedded sample plan, as `caili serve` does.
func sampleServer(t *testing.T) *Server {
	t.Helper()
	srv, err := New(withRecord(t, Config{Version: "test", Logger: slog.New(slog.DiscardHandler), PollInterval: -1}))
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// TestNamesInURLs: wherever a URL takes an id it takes the name, percent
// encoded in the path or the query (docs/names.md), with the same body.
func TestNamesInURLs(t *testing.T) {
	srv := sampleServer(t)
	esc := url.PathEscape
	qesc := url.QueryEscape
	const api = "/api/v1/plans/sample"
	for _, tt := range []struct{ byName, byID string }{
		{api + "/cell/" + esc("西长安街街道") + "/total", api + "/cell/xichangan/total"},
		{api + "/cell/" + esc(" 德胜街道") + "/block", api + "/cell/desheng/block"},
		{api + "/subdistricts/" + esc("德胜街道") + ".json", api + "/subdistricts/desheng.json"},
		{api + "/allocations.csv?set." + qesc("subdistrict.德胜街道.adjustment") + "=1.2", api + "/allocations.csv?set.subdistrict.desheng.adjustment=1.2"},
		{api + "/allocations.csv?set." + qesc("subdistrict.德胜街道.quantities.病媒防制面积") + "=3000000&set." + qesc("project.病媒生物防制.unit_cost") + "=3",
			api + "/allocations.csv?set.subdistrict.desheng.quantities.vector_area_m2=3000000&set.project.vector_control.unit_cost=3"},
		{api + "/allocations.json?scenario=" + qesc("财力总额减少 5%"), api + "/allocations.json?scenario=capacity_minus_5pct"},
		{api + "/allocations.json?scenario=" + qesc("病媒生物防制标准降至 1.5 元/平方米"), api + "/allocations.json?scenario=vector_control_1_5"},
		{api + "/cell/" + esc("德胜街道") + "/total?scenario=" + qesc("财力总额减少 5%"), api + "/cell/desheng/total?scenario=capacity_minus_5pct"},
		{api + "/charts/per_capita.svg?per=" + qesc("常住人口"), api + "/charts/per_capita.svg?per=resident_population"},
	} {
		a := serve(srv, http.MethodGet, tt.byName, nil)
		b := serve(srv, http.MethodGet, tt.byID, nil)
		if a.Code != http.StatusOK || b.Code != http.StatusOK || a.Body.String() != b.Body.String() {
			t.Errorf("GET %s: %d\n%.300s\nis not GET %s: %d\n%.300s", tt.byName, a.Code, a.Body.String(), tt.byID, b.Code, b.Body.String())
		}
	}
}

var hrefs = regexp.MustCompile(`href="[^"]*"`)

// TestNamesInPages: the statement page by name, with the quantities'
// labels; the what-if form's free rows take paths by name.
func TestNamesInPages(t *testing.T) {
	srv := sampleServer(t)
	w := serve(srv, http.MethodGet, "/plans/sample/subdistricts/"+url.PathEscape("德胜街道"), nil)
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, "desheng") || !strings.Contains(body, `title="resident_population">常住人口 (人)`) ||
		!strings.Contains(body, `title="last_year_formula">基数 上年保底封顶基数 (元)`) {
		t.Errorf("statement by name: %d\n%.2000s", w.Code, body)
	}
	table := func(target string) string {
		t.Helper()
		w := serve(srv, http.MethodGet, target, nil)
		body := w.Body.String()
		i := strings.Index(body, `id="allocations"`)
		j := strings.Index(body[max(i, 0):], "</table>")
		if w.Code != http.StatusOK || i < 0 || j < 0 {
			t.Fatalf("GET %s: %d, no allocations", target, w.Code)
		}
		return hrefs.ReplaceAllString(body[i:i+j], "") // links carry the what-if as written
	}
	byName := table("/plans/sample?path=" + url.QueryEscape("subdistrict.德胜街道.quantities.病媒防制面积") + "&value=3000000&scenario=" + url.QueryEscape("财力总额减少 5%"))
	byID := table("/plans/sample?path=subdistrict.desheng.quantities.vector_area_m2&value=3000000&scenario=capacity_minus_5pct")
	base := table("/plans/sample")
	if byName != byID || byName == base {
		t.Error("the form's what-if by name is not the what-if by id")
	}
	w = serve(srv, http.MethodGet, "/plans/sample", nil)
	if !strings.Contains(w.Body.String(), "德胜街道 病媒防制面积 (平方米) = ") {
		t.Error("the form's hints do not name quantities by their labels")
	}
}

// TestNameErrors: an unknown name is 404 with the nearest ids and names,
// a name two sub-districts share is 400 listing their ids, in the API
// and on the pages.
func TestNameErrors(t *testing.T) {
	e := newEnv(t, "")
	tiny, err := os.ReadFile(filepath.Join(e.plans, "tiny.toml"))
	if err != nil {
		t.Fatal(err)
	}
	twin := strings.Replace(string(tiny), `name = "西街道"`, `name = "东街道"`, 1)
	if err := os.WriteFile(filepath.Join(e.plans, "twin.toml"), []byte(twin), 0o644); err != nil {
		t.Fatal(err)
	}
	e.srv = e.start("")
	for _, tt := range []struct {
		target string
		status int
		says   string
	}{
		{"/api/v1/plans/tiny/cell/" + url.PathEscape("东街") + "/total", 404, "您是不是要找 east / 东街道"},
		{"/api/v1/plans/tiny/subdistricts/" + url.PathEscape("北街") + ".json", 404, "north / 北街道"},
		{"/api/v1/plans/twin/cell/" + url.PathEscape("东街道") + "/total", 400, "east、west"},
		{"/api/v1/plans/tiny/allocations.csv?set." + url.QueryEscape("subdistrict.东街.adjustment") + "=1", 400, "east / 东街道"},
		{"/api/v1/plans/twin/allocations.csv?set." + url.QueryEscape("subdistrict.东街道.adjustment") + "=1", 400, "east、west"},
		{"/api/v1/plans/tiny/allocations.csv?scenario=" + url.QueryEscape("没有的方案"), 404, "没有的方案"},
		{"/plans/twin/subdistricts/" + url.PathEscape("东街道"), 400, "east、west"},
		{"/plans/tiny/subdistricts/" + url.PathEscape("东街"), 404, "east / 东街道"},
	} {
		w := e.do(http.MethodGet, tt.target, nil)
		if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.says) {
			t.Errorf("GET %s: %d %.500s; want %d saying %q", tt.target, w.Code, w.Body.String(), tt.status, tt.says)
		}
	}
	if w := e.do(http.MethodGet, "/api/v1/plans/twin/cell/west/total", nil); w.Code != http.StatusOK {
		t.Errorf("by id beside a shared name: %d", w.Code)
	}
}

// TestNameProblemQuotesPath: a problem of an override written by name
// quotes the path as written, and suggests the nearest label.
func TestNameProblemQuotesPath(t *testing.T) {
	srv := sampleServer(t)
	path := "subdistrict.德胜街道.quantities.病媒防治面积"
	w := serve(srv, http.MethodGet, "/api/v1/plans/sample/allocations.json?set."+url.QueryEscape(path)+"=1", nil)
	e := decodeError(t, w)
	if w.Code != http.StatusBadRequest || len(e.Problems) != 1 || e.Problems[0].Path != path || !strings.Contains(e.Problems[0].Message, "您是不是要找 病媒防制面积?") {
		t.Errorf("%d %+v", w.Code, e)
	}
}
