package server

import (
	"bytes"
	"encoding/csv"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/testplan"
)

// TestExportRoutes: export.csv of the sample sums to its result: Σ rows =
// Σ totals + the district-managed amounts (a what-if's to other
// figures); the xlsx is a workbook attachment; an unknown profile, or
// two, are 400.
func TestExportRoutes(t *testing.T) {
	srv, err := New(withRecord(t, Config{Version: "test", Logger: slog.New(slog.DiscardHandler), PollInterval: -1}))
	if err != nil {
		t.Fatal(err)
	}
	e := &testEnv{t: t, srv: srv}
	doc, _ := testplan.Sample(t)
	res, err := testplan.Evaluate(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := res.DistrictManaged
	for _, a := range res.Subdistricts {
		want = want.Add(a.Total)
	}
	for _, target := range []string{
		"/api/v1/plans/sample/export.csv",
		"/api/v1/plans/sample/export.csv?profile=yitihua&set.plan.capacity=2600000000&bom=0",
	} {
		w := e.Get(target, http.StatusOK)
		if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "sample-yitihua") {
			t.Errorf("%s: Content-Disposition %q", target, cd)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(w.Body.Bytes(), []byte("\ufeff")))).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: %d rows, %v", target, len(rows), err)
		}
		amt := len(rows[0]) - 1 // the default profile's last column
		sum := decimal.Zero
		for _, r := range rows[1:] {
			sum = sum.Add(decimal.RequireFromString(r[amt]))
		}
		if strings.Contains(target, "set.") == sum.Equal(want) {
			t.Errorf("%s: Σ rows %s; the sample's Σ totals + managed %s", target, sum, want)
		}
	}
	w := e.Get("/api/v1/plans/sample/export.xlsx", http.StatusOK)
	if ct := w.Header().Get("Content-Type"); ct != typeXLSX || !bytes.HasPrefix(w.Body.Bytes(), []byte("PK")) {
		t.Errorf("xlsx: %s", ct)
	}
	e.Get("/api/v1/plans/sample/export.csv?profile=nosuch", http.StatusBadRequest)
	e.Get("/api/v1/plans/sample/export.xlsx?profile=a&profile=b", http.StatusBadRequest)
}
