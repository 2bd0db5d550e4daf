package server

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/caili/caili/server/chart"
)

// TestChartCSVRoutes: every chart kind has a CSV beside it that serves the
// numbers chart.Data gives for the same result and parameters, with a BOM
// unless bom=0, as an attachment.
func TestChartCSVRoutes(t *testing.T) {
	e := newEnv(t, "")
	base := compute(t, "tiny.toml")
	scen := compute(t, "tiny.toml", whatIfSets...)
	for _, tc := range []struct {
		kind, query string
		in          chart.Input
		head        string
	}{
		{"components", "", chart.Input{Result: base}, "id,街道 name,人员经费 personnel"},
		{"compare", whatIfQuery, chart.Input{Result: scen, Base: base}, "id,街道 name,基准 base"},
		// without a what-if: against last year's baseline
		{"compare", "", chart.Input{Result: base}, "id,街道 name,上年基数 baseline"},
		{"composition", "", chart.Input{Result: base}, "项目 item,金额 amount"},
		{"per_capita", "", chart.Input{Result: base, Per: chart.DefaultPer(base)}, "id,街道 name,合计 total"},
		{"per_capita", "per=staff.civil_servant", chart.Input{Result: base, Per: "staff.civil_servant"}, "id,街道 name,合计 total,staff.civil_servant"},
		{"lorenz", "per=population", chart.Input{Result: base, Per: "population"}, "阶段 stage,阶段名称 label"},
		{"lorenz", "per=population&bom=0", chart.Input{Result: base, Per: "population", NoBOM: true}, "阶段 stage"},
	} {
		t.Run(tc.kind+"?"+tc.query, func(t *testing.T) {
			u := "/api/v1/plans/tiny/charts/" + tc.kind + ".csv"
			if tc.query != "" {
				u += "?" + tc.query
			}
			w := e.Get(u, http.StatusOK)
			if ct := w.Header().Get("Content-Type"); ct != chart.CSV.ContentType() {
				t.Errorf("Content-Type %q", ct)
			}
			// A what-if's download is named for it (report.Stamp FileName).
			if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "tiny-"+tc.kind+".csv") && !strings.Contains(cd, "tiny-"+tc.kind+"-%E8%B0%83%E6%95%B4-") {
				t.Errorf("Content-Disposition %q", cd)
			}
			k, _ := chart.ParseKind(tc.kind)
			want, err := chart.Render(k, chart.CSV, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			body := w.Body.Bytes()
			if !bytes.Equal(body, want) {
				t.Fatalf("body differs from chart.Render:\n%s\nwant\n%s", body, want)
			}
			if bom := bytes.HasPrefix(body, []byte("\uFEFF")); bom == tc.in.NoBOM {
				t.Errorf("BOM %v with NoBOM %v", bom, tc.in.NoBOM)
			}
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF")))).ReadAll()
			if err != nil || len(rows) < 2 {
				t.Fatalf("CSV %v, %d rows", err, len(rows))
			}
			if got := strings.Join(rows[0], ","); !strings.HasPrefix(got, tc.head) {
				t.Errorf("header %q, want it to start %q", got, tc.head)
			}
		})
	}
}

// TestCompareChartBaseline: without overrides the compare chart draws the
// damping measure against last year's baseline instead of refusing.
func TestCompareChartBaseline(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/api/v1/plans/tiny/charts/compare.svg", http.StatusOK)
	if !bytes.Contains(w.Body.Bytes(), []byte("较上年基数")) {
		t.Errorf("the compare chart without overrides does not say it compares with last year's baseline")
	}
}

// TestTornadoCSV: the tornado chart has its numbers beside it too.
func TestTornadoCSV(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/api/v1/plans/tiny/charts/tornado.csv", http.StatusOK)
	if ct := w.Header().Get("Content-Type"); ct != chart.CSV.ContentType() {
		t.Errorf("Content-Type %q", ct)
	}
	if body := w.Body.String(); !strings.HasPrefix(body, "\ufeff调节项 lever,") || strings.Count(body, "\n") < 3 {
		t.Errorf("tornado.csv:\n%s", body)
	}
}
