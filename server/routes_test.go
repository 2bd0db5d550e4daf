package server

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
)

func csvOf(t *testing.T, res *formula.Result, noBOM bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, res, report.CSVOptions{NoBOM: noBOM}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAllocationsCSVSameBytesAsReport(t *testing.T) {
	e := newEnv(t, "")
	whatIf := []string{"plan.capacity=58000000", "factor.workload.weight=0.5", "factor.area.weight=0.1"}
	query := "set.plan.capacity=58000000&set.factor.workload.weight=0.5&set.factor.area.weight=0.1"
	for _, tc := range []struct {
		plan, query string
		sets        []string
		noBOM       bool
	}{
		{plan: "tiny"},
		{plan: "split"},
		{plan: "tiny", query: "bom=0", noBOM: true},
		{plan: "tiny", query: query, sets: whatIf},
		{plan: "split", query: query + "&bom=0", sets: whatIf, noBOM: true},
	} {
		t.Run(tc.plan+"?"+tc.query, func(t *testing.T) {
			w := e.Get("/api/v1/plans/"+tc.plan+"/allocations.csv?"+tc.query, http.StatusOK)
			want := csvOf(t, compute(t, tc.plan+".toml", tc.sets...), tc.noBOM)
			if !bytes.Equal(w.Body.Bytes(), want) {
				t.Fatalf("CSV differs from report.WriteCSV:\n got %q\nwant %q", w.Body.String(), want)
			}
			if got := w.Header().Get("Content-Type"); got != "text/csv; charset=utf-8" {
				t.Errorf("Content-Type %q", got)
			}
			if got, want := w.Header().Get("Content-Disposition"), attachment(stampOf(t, tc.plan+".toml", tc.sets...).FileName(tc.plan, ".csv")); got != want {
				t.Errorf("Content-Disposition %q", got)
			}
			if hasBOM := bytes.HasPrefix(w.Body.Bytes(), []byte("\ufeff")); hasBOM == tc.noBOM {
				t.Errorf("BOM present = %v with noBOM = %v", hasBOM, tc.noBOM)
			}
			if !bytes.Contains(w.Body.Bytes(), []byte("\r\ntotal,合计,")) {
				t.Errorf("no CRLF totals row")
			}
		})
	}
}

// TestCSVInGB18030: encoding=gb18030 gives the same CSV in GB18030,
// without a BOM, labelled so; the cache keeps the two apart.
func TestCSVInGB18030(t *testing.T) {
	e := newEnv(t, "")
	for _, route := range []string{"allocations.csv", "compare.csv?set.plan.capacity=58000000"} {
		sep := "?"
		if strings.Contains(route, "?") {
			sep = "&"
		}
		utf := e.Get("/api/v1/plans/tiny/"+route, http.StatusOK).Body.Bytes()
		w := e.Get("/api/v1/plans/tiny/"+route+sep+"encoding=gb18030", http.StatusOK)
		back, err := simplifiedchinese.GB18030.NewDecoder().Bytes(w.Body.Bytes())
		if err != nil || !bytes.Equal(append([]byte("\ufeff"), back...), utf) {
			t.Errorf("%s: the GB18030 CSV is not the UTF-8 one re-encoded (err %v)", route, err)
		}
		if got := w.Header().Get("Content-Type"); got != "text/csv; charset=GB18030" {
			t.Errorf("%s: Content-Type %q", route, got)
		}
	}
	e.Get("/api/v1/plans/tiny/allocations.csv?encoding=latin1", http.StatusBadRequest)
	// header=zh: the same rows under the Chinese column names.
	zh := e.Get("/api/v1/plans/tiny/allocations.csv?header=zh", http.StatusOK).Body.String()
	ids := e.Get("/api/v1/plans/tiny/allocations.csv", http.StatusOK).Body.String()
	if !strings.HasPrefix(zh, "\ufeff编码,街道,人员经费,") || zh[strings.Index(zh, "\r\n"):] != ids[strings.Index(ids, "\r\n"):] {
		t.Errorf("header=zh:\n%s", zh)
	}
	cz := e.Get("/api/v1/plans/tiny/compare.csv?set.plan.capacity=58000000&header=zh", http.StatusOK).Body.String()
	if !strings.HasPrefix(cz, "\ufeff编码,街道,基准合计,方案合计,变化,变化%,人员经费变化") {
		t.Errorf("compare header=zh:\n%.200s", cz)
	}
	e.Get("/api/v1/plans/tiny/allocations.csv?header=en", http.StatusBadRequest)
	e.Get("/api/v1/plans/tiny/allocations.json?encoding=gb18030", http.StatusBadRequest)
}

func TestCell(t *testing.T) {
	e := newEnv(t, "")
	for _, tc := range []struct{ path, want string }{
		{"tiny/cell/east/total", "22659200"},
		{"tiny/cell/east/personnel", "16128000"},
		{"tiny/cell/east/public", "1680000"},
		{"tiny/cell/east/projects", "2640967"},
		{"tiny/cell/east/incentive", "300000"},
		{"tiny/cell/east/block", "1910233"},
		{"tiny/cell/east/damping", "0"},
		{"tiny/cell/north/damping", "-1089605"},
		{"tiny/cell/east/share", "0.392636"},
		{"tiny/cell/west/share", "0.321453"},
		{"tiny/cell/north/share", "0.285910"},
		{"split/cell/west/total", "18551195"},
		{"tiny/cell/east/total?set.plan.capacity=58000000", cellOf(t, "east", 6, "plan.capacity=58000000")},
	} {
		w := e.Get("/api/v1/plans/"+tc.path, http.StatusOK)
		if w.Body.String() != tc.want {
			t.Errorf("%s = %q, want %q", tc.path, w.Body.String(), tc.want)
		}
		if got := w.Header().Get("Content-Type"); got != "text/plain; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", tc.path, got)
		}
	}
}

// cellOf is column k (0–5 components, 6 total) of a sub-district of tiny
// with overrides, computed directly.
func cellOf(t *testing.T, id string, k int, sets ...string) string {
	res := compute(t, "tiny.toml", sets...)
	a, ok := res.Find(id)
	if !ok {
		t.Fatalf("no %s", id)
	}
	if k == 6 {
		return numfmt.NewFmt(res).Amount(a.Total)
	}
	return numfmt.NewFmt(res).Amount(a.Components()[k])
}

func TestSharesSumToAboutOne(t *testing.T) {
	e := newEnv(t, "")
	var sum float64
	for _, id := range []string{"east", "west", "north"} {
		var f float64
		if err := json.Unmarshal(e.Get("/api/v1/plans/tiny/cell/"+id+"/share", http.StatusOK).Body.Bytes(), &f); err != nil {
			t.Fatal(err)
		}
		sum += f
	}
	if sum < 0.999997 || sum > 1.000003 {
		t.Errorf("shares sum to %v", sum)
	}
}

func TestShareRounding(t *testing.T) {
	for _, tc := range []struct {
		part, whole int64
		want        string
	}{
		{1, 3, "0.333333"},
		{2, 3, "0.666667"},
		{1, 8, "0.125000"},
		{1, 2000000, "0.000001"},   // exactly half a unit: away from zero
		{-1, 2000000, "-0.000001"}, // and for negatives
		{1, 2000001, "0.000000"},   // just under half
		{5, 5, "1.000000"},
		{0, 5, "0.000000"},
		{3, 0, "0.000000"},
	} {
		if got := share(decimal.NewFromInt(tc.part), decimal.NewFromInt(tc.whole)); got != tc.want {
			t.Errorf("share(%d, %d) = %s, want %s", tc.part, tc.whole, got, tc.want)
		}
	}
}

func TestSubdistrict(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/api/v1/plans/tiny/subdistricts/east.json", http.StatusOK)
	var sj report.SubdistrictJSON
	if err := json.Unmarshal(w.Body.Bytes(), &sj); err != nil {
		t.Fatal(err)
	}
	if sj.ID != "east" || sj.Total != "22659200" || len(sj.Lines) == 0 || sj.Score == nil || len(sj.Score.Indicators) == 0 {
		t.Fatalf("sub-district lacks lines or score breakdown: %+v", sj)
	}
	res := compute(t, "tiny.toml")
	a, _ := res.Find("east")
	var want bytes.Buffer
	if err := report.EncodeJSON(&want, report.NewSubdistrict(res, a, true)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Body.Bytes(), want.Bytes()) {
		t.Errorf("sub-district JSON differs from report.NewSubdistrict")
	}
	e.Get("/api/v1/plans/tiny/subdistricts/east", http.StatusNotFound)
	e.Get("/api/v1/plans/tiny/subdistricts/nowhere.json", http.StatusNotFound)
	w = e.Get("/api/v1/plans/tiny/subdistricts/east.json?set.subdistrict.east.adjustment=2", http.StatusOK)
	if bytes.Contains(w.Body.Bytes(), []byte(`"total": "22659200"`)) {
		t.Errorf("override did not change the sub-district")
	}
}

func TestAllocationsJSONAndXML(t *testing.T) {
	e := newEnv(t, "")
	res := compute(t, "tiny.toml")
	var want bytes.Buffer
	if err := report.WriteJSONStamped(&want, res, stampOf(t, "tiny.toml")); err != nil {
		t.Fatal(err)
	}
	w := e.Get("/api/v1/plans/tiny/allocations.json", http.StatusOK)
	if !bytes.Equal(w.Body.Bytes(), want.Bytes()) {
		t.Errorf("JSON differs from report.WriteJSON")
	}
	w = e.Get("/api/v1/plans/tiny/allocations.xml", http.StatusOK)
	if got := w.Header().Get("Content-Type"); got != "application/xml; charset=utf-8" {
		t.Errorf("XML Content-Type %q", got)
	}
	var doc report.AllocationsXML
	if err := xml.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Subdistricts) != 3 || doc.Subdistricts[0].Total != "22659200" || doc.Totals.Total != "57710395" {
		t.Errorf("XML figures wrong: %+v", doc)
	}
}

func TestCompare(t *testing.T) {
	e := newEnv(t, "")
	base := compute(t, "tiny.toml")
	scen := compute(t, "tiny.toml", "plan.capacity=58000000")
	doc := report.NewCompare(report.Comparison{Base: base, Scenario: scen})
	var wantJSON, wantCSV bytes.Buffer
	if err := report.EncodeJSON(&wantJSON, doc); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteCompareCSV(&wantCSV, doc, report.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	w := e.Get("/api/v1/plans/tiny/compare.json?set.plan.capacity=58000000", http.StatusOK)
	if !bytes.Equal(w.Body.Bytes(), wantJSON.Bytes()) {
		t.Errorf("compare JSON differs:\n%s", w.Body.String())
	}
	w = e.Get("/api/v1/plans/tiny/compare.csv?set.plan.capacity=58000000", http.StatusOK)
	if !bytes.Equal(w.Body.Bytes(), wantCSV.Bytes()) {
		t.Errorf("compare CSV differs:\n%s", w.Body.String())
	}
	if got := w.Header().Get("Content-Disposition"); !strings.HasPrefix(got, `attachment; filename="tiny-compare-__-`) || !strings.Contains(got, "filename*=UTF-8''tiny-compare-%E8%B0%83%E6%95%B4-") {
		t.Errorf("Content-Disposition %q", got)
	}
	e.Get("/api/v1/plans/tiny/compare.json", http.StatusBadRequest)
}

func TestCalculate(t *testing.T) {
	e := newEnv(t, "")
	plan := readFile(t, "testdata/plans/tiny.toml")
	res := compute(t, "tiny.toml")
	doc, err := standards.Parse("body", plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wantJSON bytes.Buffer
	st := &report.Stamp{Plan: res.Plan.Name, Overrides: []string{}, SHA256: doc.Stamp(nil), Version: "test"}
	if err := report.WriteJSONStamped(&wantJSON, res, st); err != nil {
		t.Fatal(err)
	}
	w := e.do(http.MethodPost, "/api/v1/calculate", plan, "Content-Type", "application/toml")
	if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), wantJSON.Bytes()) {
		t.Fatalf("POST calculate: %d\n%s", w.Code, w.Body.String())
	}
	w = e.do(http.MethodPost, "/api/v1/calculate?format=csv", plan)
	if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), csvOf(t, res, false)) {
		t.Fatalf("POST calculate?format=csv: %d\n%s", w.Code, w.Body.String())
	}
	if got := w.Header().Get("Content-Type"); got != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}
	// A plan that names a standards file cannot be sent on its own.
	w = e.do(http.MethodPost, "/api/v1/calculate", readFile(t, "testdata/plans/split.toml"))
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("split plan posted: %d", w.Code)
	}
	if p := decodeError(t, w).Problems; len(p) == 0 || p[0].Path != "plan.standards" {
		t.Errorf("problems %+v, want plan.standards", p)
	}
	// Every problem of an invalid plan comes back with its line.
	bad := bytes.Replace(plan, []byte(`weight = "0.2"`), []byte(`weight = "0.3"`), 1)
	bad = bytes.Replace(bad, []byte(`capacity = "60000000"`), []byte(`capacity = "-1"`), 1)
	w = e.do(http.MethodPost, "/api/v1/calculate", bad)
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("invalid plan: %d", w.Code)
	}
	ps := decodeError(t, w).Problems
	if len(ps) < 2 || ps[0].Line == 0 || ps[0].File != "body" {
		t.Errorf("want every problem with file and line, got %+v", ps)
	}
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestListPlans(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/api/v1/plans", http.StatusOK)
	var out struct{ Plans []planJSON }
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range out.Plans {
		ids = append(ids, p.ID)
		if p.Status != "ok" || p.FiscalYear != 2025 || p.Name == "" {
			t.Errorf("plan %+v", p)
		}
	}
	// tiny-standards.toml has no [plan] table: a standards file, not listed.
	if strings.Join(ids, ",") != "split,tiny" {
		t.Errorf("plans %v, want split,tiny", ids)
	}
	if got := out.Plans[0].Files; strings.Join(got, ",") != "split.toml,tiny-standards.toml" {
		t.Errorf("split files %v", got)
	}
}

func TestHealthz(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/healthz", http.StatusOK)
	var h struct {
		Status  string
		Plans   int
		Version string
	}
	if err := json.Unmarshal(w.Body.Bytes(), &h); err != nil || h.Status != "ok" || h.Plans != 2 || h.Version != "test" {
		t.Errorf("healthz %s (%v)", w.Body.String(), err)
	}
}

func TestETagAndNotModified(t *testing.T) {
	e := newEnv(t, "")
	tags := map[string]string{}
	for _, u := range []string{
		"/api/v1/plans/tiny/allocations.csv",
		"/api/v1/plans/tiny/allocations.csv?bom=0",
		"/api/v1/plans/tiny/allocations.json",
		"/api/v1/plans/tiny/allocations.xml",
		"/api/v1/plans/tiny/allocations.csv?set.plan.capacity=58000000",
		"/api/v1/plans/tiny/cell/east/total",
		"/api/v1/plans/tiny/cell/east/share",
		"/api/v1/plans/tiny/subdistricts/east.json",
		"/api/v1/plans/tiny/compare.json?set.plan.capacity=58000000",
		"/api/v1/plans/split/allocations.csv",
	} {
		w := e.Get(u, http.StatusOK)
		tag := w.Header().Get("ETag")
		if !strings.HasPrefix(tag, `"`) || len(tag) < 10 {
			t.Fatalf("%s: ETag %q", u, tag)
		}
		if other, dup := tags[tag]; dup {
			t.Errorf("%s and %s share ETag %s", u, other, tag)
		}
		tags[tag] = u
		for _, inm := range []string{tag, "W/" + tag, `"x", ` + tag, "*"} {
			w2 := e.Get(u, http.StatusNotModified, "If-None-Match", inm)
			if w2.Body.Len() != 0 || w2.Header().Get("ETag") != tag {
				t.Errorf("%s 304 with body %q, ETag %q", u, w2.Body.String(), w2.Header().Get("ETag"))
			}
		}
		e.Get(u, http.StatusOK, "If-None-Match", `"something-else"`)
		if again := e.Get(u, http.StatusOK).Header().Get("ETag"); again != tag {
			t.Errorf("%s: ETag not stable: %s then %s", u, tag, again)
		}
	}
	// The same URL on a server of another version has another ETag.
	other, err := New(Config{PlansDir: e.plans, DataDir: e.data, Store: e.store, Version: "other", Logger: e.srv.log, PollInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	w := serve(other, http.MethodGet, "/api/v1/plans/tiny/allocations.csv", nil)
	if _, dup := tags[w.Header().Get("ETag")]; dup {
		t.Errorf("ETag does not depend on the version")
	}
}

func TestQueryOrderIsKept(t *testing.T) {
	e := newEnv(t, "")
	// The last of two values of the same path wins, as in the order given.
	w := e.Get("/api/v1/plans/tiny/cell/east/total?set.plan.capacity=1&set.plan.capacity=58000000", http.StatusOK)
	if want := cellOf(t, "east", 6, "plan.capacity=58000000"); w.Body.String() != want {
		t.Errorf("got %s, want %s", w.Body.String(), want)
	}
	// Escaped paths and values are decoded.
	q := url.Values{"set.performance.coefficients.中": {"0.95"}}.Encode()
	w = e.Get("/api/v1/plans/tiny/cell/north/total?"+q, http.StatusOK)
	if want := cellOf(t, "north", 6, "performance.coefficients.中=0.95"); w.Body.String() != want {
		t.Errorf("escaped override: got %s, want %s", w.Body.String(), want)
	}
}

// TestHeadAndOptions: HEAD answers like GET without the body; OPTIONS
// answers 204 with Allow; other methods stay 405 with Allow.
func TestHeadAndOptions(t *testing.T) {
	e := newEnv(t, "")
	get := e.Get("/api/v1/plans/tiny/allocations.csv", http.StatusOK)
	head := e.do(http.MethodHead, "/api/v1/plans/tiny/allocations.csv", nil)
	if head.Code != http.StatusOK || head.Body.Len() != 0 {
		t.Fatalf("HEAD: %d with %d body bytes", head.Code, head.Body.Len())
	}
	for _, h := range []string{"ETag", "Content-Type", "Content-Disposition"} {
		if head.Header().Get(h) != get.Header().Get(h) {
			t.Errorf("HEAD %s = %q, GET %q", h, head.Header().Get(h), get.Header().Get(h))
		}
	}
	if w := e.do(http.MethodHead, "/api/v1/plans/nope/allocations.csv", nil); w.Code != http.StatusNotFound || w.Body.Len() != 0 {
		t.Errorf("HEAD of an unknown plan: %d, %d body bytes", w.Code, w.Body.Len())
	}
	opt := e.do(http.MethodOptions, "/api/v1/plans/tiny/scenarios/x", nil)
	if opt.Code != http.StatusNoContent {
		t.Fatalf("OPTIONS: %d", opt.Code)
	}
	allow := opt.Header().Get("Allow")
	for _, m := range []string{"GET", "HEAD", "PUT", "DELETE", "OPTIONS"} {
		if !strings.Contains(allow, m) {
			t.Errorf("Allow %q lacks %s", allow, m)
		}
	}
	if w := e.do(http.MethodPatch, "/api/v1/plans/tiny/allocations.csv", nil); w.Code != http.StatusMethodNotAllowed || !strings.Contains(w.Header().Get("Allow"), "GET") {
		t.Errorf("PATCH: %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
}

// TestCORS: off by default; with an origin configured, that origin (and
// only it) may read answers, and a preflight is answered.
func TestCORS(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK, "Origin", "https://office.example")
	if h := w.Header().Get("Access-Control-Allow-Origin"); h != "" {
		t.Errorf("CORS on by default: %q", h)
	}
	e = newEnvWith(t, Config{CORSOrigin: "https://office.example"})
	w = e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK, "Origin", "https://office.example")
	if h := w.Header().Get("Access-Control-Allow-Origin"); h != "https://office.example" || !strings.Contains(w.Header().Get("Access-Control-Expose-Headers"), "ETag") {
		t.Errorf("allowed origin: %q, exposes %q", h, w.Header().Get("Access-Control-Expose-Headers"))
	}
	w = e.Get("/api/v1/plans/tiny/cell/east/total", http.StatusOK, "Origin", "https://evil.example")
	if h := w.Header().Get("Access-Control-Allow-Origin"); h != "" {
		t.Errorf("other origin allowed: %q", h)
	}
	req := httptest.NewRequest(http.MethodOptions, "/api/v1/plans/tiny/scenarios/x", nil)
	req.Header.Set("Origin", "https://office.example")
	req.Header.Set("Access-Control-Request-Method", "PUT")
	rec := httptest.NewRecorder()
	e.srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusNoContent || !strings.Contains(rec.Header().Get("Access-Control-Allow-Methods"), "PUT") {
		t.Errorf("preflight: %d, methods %q", rec.Code, rec.Header().Get("Access-Control-Allow-Methods"))
	}
}
