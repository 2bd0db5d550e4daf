package server

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestByCodeRoutes: the totals by code of the sample, with and without a
// what-if, reconcile with the capacity they were computed for; the CSV is
// an attachment with the codes as rows; bad requests are 4xx.
func TestByCodeRoutes(t *testing.T) {
	srv, err := New(withRecord(t, Config{Version: "test", Logger: slog.New(slog.DiscardHandler), PollInterval: -1}))
	if err != nil {
		t.Fatal(err)
	}
	e := &testEnv{t: t, srv: srv} // the embedded sample plan, as `caili serve` serves it
	for _, tc := range []struct {
		target, capacity string
	}{
		{"/api/v1/plans/sample/by/function_code.json", "2680000000"},
		{"/api/v1/plans/sample/by/economic_code.json", "2680000000"},
		{"/api/v1/plans/sample/by/function_code.json?set.plan.capacity=2600000000", "2600000000"},
		{"/api/v1/plans/sample/by/economic_code.json?scenario=capacity_minus_5pct", ""},
	} {
		w := e.Get(tc.target, http.StatusOK)
		var doc struct {
			Kind, Capacity, Reserves, Transfers string
			IDs                                 []string `json:"subdistricts"`
			Rows                                []struct {
				Code          string
				Components    struct{ Total string }
				BySubdistrict []string `json:"by_subdistrict"`
			}
		}
		if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", tc.target, err)
		}
		if tc.capacity != "" && doc.Capacity != tc.capacity {
			t.Errorf("%s: capacity %s, want %s", tc.target, doc.Capacity, tc.capacity)
		}
		sum := decimal.RequireFromString(doc.Reserves)
		for _, r := range doc.Rows {
			sum = sum.Add(decimal.RequireFromString(r.Components.Total))
			if len(r.BySubdistrict) != len(doc.IDs) {
				t.Errorf("%s: row %s has %d sub-district amounts for %d sub-districts", tc.target, r.Code, len(r.BySubdistrict), len(doc.IDs))
			}
		}
		if !sum.Equal(decimal.RequireFromString(doc.Capacity).Add(decimal.RequireFromString(doc.Transfers))) { // transfers: rules §6
			t.Errorf("%s: Σ rows + reserves = %s, capacity %s + transfers %s", tc.target, sum, doc.Capacity, doc.Transfers)
		}
		if !strings.Contains(tc.target, doc.Kind) || len(doc.Rows) < 2 {
			t.Errorf("%s: kind %q, %d rows", tc.target, doc.Kind, len(doc.Rows))
		}
	}

	w := e.Get("/api/v1/plans/sample/by/function_code.csv?bom=0&header=zh", http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("CSV content type %q", ct)
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "function_code") {
		t.Errorf("CSV Content-Disposition %q", cd)
	}
	lines := strings.Split(w.Body.String(), "\r\n")
	if !strings.HasPrefix(lines[0], "支出功能分类,合计,") || !strings.HasPrefix(lines[1], "2010301,") {
		t.Errorf("CSV begins %q / %q", lines[0], lines[1])
	}
	if tag := w.Header().Get("ETag"); tag == "" {
		t.Error("no ETag")
	} else {
		e.Get("/api/v1/plans/sample/by/function_code.csv?bom=0&header=zh", http.StatusNotModified, "If-None-Match", tag)
	}

	e.Get("/api/v1/plans/nosuch/by/function_code.json", http.StatusNotFound)
	e.Get("/api/v1/plans/sample/by/function_code.json?set.plan.capacity=abc", http.StatusBadRequest)
	e.Get("/api/v1/plans/sample/by/function_code.json?bom=0", http.StatusBadRequest)
	e.Get("/api/v1/plans/sample/by/tier.json", http.StatusNotFound)
}
