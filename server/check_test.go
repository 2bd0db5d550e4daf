package server

import (
	"bytes"
	"net/http"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/report/checkxlsx"
)

// TestAllocationsCheckXLSX serves the 复核 workbook of the plan and of a
// what-if: the bytes of checkxlsx.Write on the same result, as an
// attachment, with a strong ETag; bad queries and plans fail as the
// results workbook's route does.
func TestAllocationsCheckXLSX(t *testing.T) {
	e := newEnv(t, "")
	for _, tc := range []struct {
		query string
		sets  []string
	}{{"", nil}, {whatIfQuery, whatIfSets}} {
		u := "/api/v1/plans/tiny/allocations-check.xlsx?" + tc.query
		w := e.Get(u, http.StatusOK)
		if got := w.Header().Get("Content-Type"); got != typeXLSX {
			t.Errorf("Content-Type %q", got)
		}
		if got, want := w.Header().Get("Content-Disposition"), attachment(stampOf(t, "tiny.toml", tc.sets...).FileName("tiny-check", ".xlsx")); got != want {
			t.Errorf("Content-Disposition %q", got)
		}
		var want bytes.Buffer
		if err := checkxlsx.Write(&want, compute(t, "tiny.toml", tc.sets...)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.Body.Bytes(), want.Bytes()) {
			t.Errorf("?%s: workbook differs from checkxlsx.Write", tc.query)
		}
		f, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{checkxlsx.SheetSummary, checkxlsx.SheetInputs, checkxlsx.SheetProjects, checkxlsx.SheetDamping} {
			if !slices.Contains(f.GetSheetList(), s) {
				t.Errorf("no sheet %s in %v", s, f.GetSheetList())
			}
		}
		f.Close()
		tag := w.Header().Get("ETag")
		e.Get(u, http.StatusNotModified, "If-None-Match", tag)
	}
	e.Get("/api/v1/plans/tiny/allocations-check.xlsx?set.plan.capacity=1000", http.StatusUnprocessableEntity)
	e.Get("/api/v1/plans/tiny/allocations-check.xlsx?set.plan.nope=1", http.StatusBadRequest)
	e.Get("/api/v1/plans/tiny/allocations-check.xlsx?bom=0", http.StatusBadRequest)
	e.Get("/api/v1/plans/nope/allocations-check.xlsx", http.StatusNotFound)
}
