package server

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/xlsx"
	"github.com/caili/caili/server/chart"
)

// whatIfQuery and whatIfSets are one what-if, as a query and as the
// CLI's --set arguments.
const whatIfQuery = "set.plan.capacity=58000000&set.factor.workload.weight=0.5&set.factor.area.weight=0.1"

var whatIfSets = []string{"plan.capacity=58000000", "factor.workload.weight=0.5", "factor.area.weight=0.1"}

// wellFormedXML parses a document to its end, failing on any error.
func wellFormedXML(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}

func TestChartRoutes(t *testing.T) {
	e := newEnv(t, "")
	base := compute(t, "tiny.toml")
	scen := compute(t, "tiny.toml", whatIfSets...)
	for _, k := range chart.Kinds() {
		for _, f := range []chart.Format{chart.PNG, chart.SVG} {
			u := "/api/v1/plans/tiny/charts/" + k.String() + "." + f.String()
			in := chart.Input{Result: base}
			if k == chart.KindLorenz { // tiny has no resident_population
				u += "?per=population"
				in.Per = "population"
			}
			if k == chart.KindCompare {
				u += "?" + whatIfQuery
				in = chart.Input{Result: scen, Base: base}
			}
			t.Run(k.String()+"."+f.String(), func(t *testing.T) {
				w := e.Get(u, http.StatusOK)
				if got := w.Header().Get("Content-Type"); got != f.ContentType() {
					t.Errorf("Content-Type %q, want %q", got, f.ContentType())
				}
				want, err := chart.Render(k, f, in)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(w.Body.Bytes(), want) {
					t.Errorf("body differs from chart.Render of the same result")
				}
				if f == chart.PNG {
					img, err := png.Decode(bytes.NewReader(w.Body.Bytes()))
					if err != nil {
						t.Fatalf("PNG does not decode: %v", err)
					}
					if b := img.Bounds(); b.Dx() < 200 || b.Dy() < 150 {
						t.Errorf("PNG of %v", b)
					}
					return
				}
				wellFormedXML(t, w.Body.Bytes())
				name := "东街道" // a sub-district of tiny
				switch k {
				case chart.KindComposition:
					name = "人员经费" // the donut is district-wide
				case chart.KindLorenz:
					name = "基尼系数"
				}
				if !bytes.Contains(w.Body.Bytes(), []byte(name)) {
					t.Errorf("SVG lacks %s", name)
				}
			})
		}
	}
}

func TestChartPer(t *testing.T) {
	e := newEnv(t, "")
	res := compute(t, "tiny.toml")
	def := e.Get("/api/v1/plans/tiny/charts/per_capita.svg", http.StatusOK)
	want, err := chart.PerCapita(res, chart.DefaultPer(res), chart.SVG)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(def.Body.Bytes(), want) {
		t.Errorf("per_capita without per is not the DefaultPer chart (%s)", chart.DefaultPer(res))
	}
	w := e.Get("/api/v1/plans/tiny/charts/per_capita.svg?per=communities", http.StatusOK)
	if want, err = chart.PerCapita(res, "communities", chart.SVG); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Body.Bytes(), want) || bytes.Equal(w.Body.Bytes(), def.Body.Bytes()) {
		t.Errorf("per=communities is not the chart per community")
	}
	if w.Header().Get("ETag") == def.Header().Get("ETag") {
		t.Errorf("per does not change the ETag")
	}
	for _, q := range []string{"per=nope", "per=", "per=population&per=communities"} {
		w := e.Get("/api/v1/plans/tiny/charts/per_capita.png?"+q, http.StatusBadRequest)
		if p := decodeError(t, w).Problems; len(p) == 0 || p[0].Path != "per" {
			t.Errorf("%s: problems %+v, want one at per", q, p)
		}
	}
	e.Get("/api/v1/plans/tiny/charts/components.png?per=population", http.StatusBadRequest)
}

// rejectedEnv is a test environment with one more plan, "short", whose
// base the rules reject (capacity shortfall).
func rejectedEnv(t *testing.T) *testEnv {
	t.Helper()
	e := newEnv(t, "")
	tiny := readFile(t, "testdata/plans/tiny.toml")
	short := bytes.Replace(tiny, []byte(`capacity = "60000000"`), []byte(`capacity = "1000"`), 1)
	if bytes.Equal(short, tiny) {
		t.Fatal("tiny.toml has no capacity line to change")
	}
	if err := os.WriteFile(filepath.Join(e.plans, "short.toml"), short, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestChartErrors(t *testing.T) {
	e := rejectedEnv(t)
	for _, tc := range []struct {
		target string
		status int
	}{
		{"/api/v1/plans/tiny/charts/nope.png", 404},
		{"/api/v1/plans/tiny/charts/components.gif", 404},
		{"/api/v1/plans/tiny/charts/components", 404},
		{"/api/v1/plans/tiny/charts/.svg", 404},
		{"/api/v1/plans/nope/charts/components.png", 404},
		{"/api/v1/plans/tiny/charts/components.png?scenario=nope", 404},
		{"/api/v1/plans/tiny/charts/lorenz.png", 400}, // no population quantity
		{"/api/v1/plans/tiny/charts/lorenz.csv?per=nope", 400},
		{"/api/v1/plans/tiny/charts/components.csv?per=population", 400},
		{"/api/v1/plans/tiny/charts/components.svg?set.plan.nope=1", 400},
		{"/api/v1/plans/tiny/charts/components.svg?nope=1", 400},
		{"/api/v1/plans/tiny/charts/components.png?set.plan.capacity=1000", 422},
		{"/api/v1/plans/short/charts/components.png", 422},
		{"/api/v1/plans/short/charts/compare.svg?set.plan.capacity=60000000", 422},
	} {
		w := e.Get(tc.target, tc.status, "Accept-Language", "en")
		if ae := decodeError(t, w); tc.status == 422 && !strings.Contains(ae.Error, "exceed what is available") {
			t.Errorf("%s: error %q does not say why", tc.target, ae.Error)
		}
	}
	// A what-if of a rejected base still draws, except against the base.
	e.Get("/api/v1/plans/short/charts/components.svg?set.plan.capacity=60000000", http.StatusOK)
}

func TestChartETag(t *testing.T) {
	e := newEnv(t, "")
	tags := map[string]string{}
	for _, u := range []string{
		"/api/v1/plans/tiny/charts/components.png",
		"/api/v1/plans/tiny/charts/components.svg",
		"/api/v1/plans/tiny/charts/composition.png",
		"/api/v1/plans/tiny/charts/per_capita.png",
		"/api/v1/plans/tiny/charts/components.png?set.plan.capacity=58000000",
		"/api/v1/plans/tiny/charts/compare.png?set.plan.capacity=58000000",
		"/api/v1/plans/tiny/charts/compare.svg?set.plan.capacity=58000000",
		"/api/v1/plans/tiny/allocations.xlsx",
		"/api/v1/plans/tiny/allocations.xlsx?set.plan.capacity=58000000",
	} {
		w := e.Get(u, http.StatusOK)
		tag := w.Header().Get("ETag")
		if !strings.HasPrefix(tag, `"`) || strings.HasPrefix(tag, "W/") {
			t.Fatalf("%s: ETag %q is not strong", u, tag)
		}
		if other, dup := tags[tag]; dup {
			t.Errorf("%s and %s share ETag %s", u, other, tag)
		}
		tags[tag] = u
		w = e.Get(u, http.StatusNotModified, "If-None-Match", tag)
		if w.Body.Len() != 0 || w.Header().Get("ETag") != tag {
			t.Errorf("%s: 304 with %d bytes, ETag %q", u, w.Body.Len(), w.Header().Get("ETag"))
		}
		if again := e.Get(u, http.StatusOK); !bytes.Equal(again.Body.Bytes(), e.Get(u, http.StatusOK).Body.Bytes()) {
			t.Errorf("%s: body not stable", u)
		}
	}
}

func TestAllocationsXLSX(t *testing.T) {
	e := newEnv(t, "")
	for _, tc := range []struct {
		query string
		sets  []string
	}{{"", nil}, {whatIfQuery, whatIfSets}} {
		w := e.Get("/api/v1/plans/tiny/allocations.xlsx?"+tc.query, http.StatusOK)
		if got := w.Header().Get("Content-Type"); got != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Errorf("Content-Type %q", got)
		}
		st := stampOf(t, "tiny.toml", tc.sets...)
		if got := w.Header().Get("Content-Disposition"); got != attachment(st.FileName("tiny", ".xlsx")) {
			t.Errorf("Content-Disposition %q", got)
		}
		res := compute(t, "tiny.toml", tc.sets...)
		var want bytes.Buffer
		if err := xlsx.WriteStamped(&want, res, st); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.Body.Bytes(), want.Bytes()) {
			t.Errorf("?%s: workbook differs from xlsx.Write", tc.query)
		}
		f, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		sheets := strings.Join(f.GetSheetList(), ",")
		if !strings.Contains(sheets, xlsx.SheetAllocations) || !strings.Contains(sheets, xlsx.SheetLines) {
			t.Errorf("sheets %s lack 分配结果 or 测算明细", sheets)
		}
		// Every sub-district's total in the workbook is the API's.
		var doc report.Allocations
		if err := json.Unmarshal(e.Get("/api/v1/plans/tiny/allocations.json?"+tc.query, http.StatusOK).Body.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(xlsx.SheetAllocations, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		totals := map[string]string{}
		for _, r := range rows {
			if len(r) >= 9 {
				totals[r[0]] = r[8]
			}
		}
		for _, s := range doc.Subdistricts {
			if totals[s.ID] != s.Total {
				t.Errorf("?%s: workbook total of %s is %q, the API's %s", tc.query, s.ID, totals[s.ID], s.Total)
			}
		}
		f.Close()
	}
	e.Get("/api/v1/plans/tiny/allocations.xlsx?set.plan.capacity=1000", http.StatusUnprocessableEntity)
	e.Get("/api/v1/plans/tiny/allocations.xlsx?set.plan.nope=1", http.StatusBadRequest)
	e.Get("/api/v1/plans/nope/allocations.xlsx", http.StatusNotFound)
}
