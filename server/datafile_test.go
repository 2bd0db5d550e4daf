package server

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/standards/workbook"
)

// TestPlanWithDataFile: a plan in the plans folder may read its
// sub-districts from a workbook beside it ([plan] data); it serves the
// same figures as the plan with [[subdistrict]] tables, and a change to
// the workbook reloads it like a change to the plan.
func TestPlanWithDataFile(t *testing.T) {
	e := newEnv(t, "")
	for _, f := range []string{"plan.toml", "plan-xlsx.toml", "standards.toml", "subdistricts.xlsx"} {
		b, err := os.ReadFile(filepath.Join("..", "configs", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(e.plans, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	want := e.Get("/api/v1/plans/plan/allocations.csv", http.StatusOK).Body.String()
	if got := e.Get("/api/v1/plans/plan-xlsx/allocations.csv", http.StatusOK).Body.String(); got != want {
		t.Fatalf("the plan reading subdistricts.xlsx serves other figures:\n%s", got)
	}

	// A 街道 corrects its population in the workbook: the plan reloads.
	name := filepath.Join(e.plans, "subdistricts.xlsx")
	f, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(workbook.SheetData)
	if err != nil {
		t.Fatal(err)
	}
	col, row := -1, -1
	for i, r := range rows {
		for j, v := range r {
			switch {
			case v == "resident_population" && col < 0:
				col = j
			case v == "desheng":
				row = i
			}
		}
	}
	if col < 0 || row < 0 {
		t.Fatal("no desheng row or resident_population column in the sample workbook")
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, row+1)
	if err := f.SetCellValue(workbook.SheetData, cell, 150000); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	for range 2 { // a changed file is read once it stood still for a poll
		if err := e.srv.app.Plans.Scan(false); err != nil {
			t.Fatal(err)
		}
	}
	if got := e.Get("/api/v1/plans/plan-xlsx/allocations.csv", http.StatusOK).Body.String(); got == want {
		t.Error("the figures stayed the same after desheng's population changed in the workbook")
	}
}
