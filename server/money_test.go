package server

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// TestMoneyPlanServes: a plan with the tables of SPEC §6 (where the money
// goes) is served on every page and export without a failure, and its
// JSON carries the new figures. How each page shows them is a later step
// of issue 22; this holds that nothing breaks on them meanwhile.
func TestMoneyPlanServes(t *testing.T) {
	e := newEnv(t, "")
	b, err := os.ReadFile("../testdata/money/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(e.plans, "money.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	e.srv = e.start("") // a restart reads the plans folder again
	for _, target := range []string{
		"/api/v1/plans/money/allocations.json", "/api/v1/plans/money/allocations.csv", "/api/v1/plans/money/allocations.xlsx",
		"/api/v1/plans/money/allocations-check.xlsx", "/api/v1/plans/money/subdistricts/west.json",
		"/api/v1/plans/money/cell/east/total", "/api/v1/plans/money/sensitivity.json",
		"/api/v1/plans/money/compare.json?set.block.amount=3900000", "/api/v1/plans/money/compare.csv?set.transfer.city_greening.amount=0",
		"/api/v1/plans/money/charts/components.svg", "/api/v1/plans/money/charts/per_capita.svg", "/api/v1/plans/money/charts/components.csv",
		"/plans/money", "/plans/money?set.tiers.cap_base=pool", "/plans/money/subdistricts/east", "/plans/money/subdistricts/west",
	} {
		w := e.do(http.MethodGet, target, nil)
		if w.Code != http.StatusOK {
			t.Errorf("GET %s: status %d: %.300s", target, w.Code, w.Body.String())
		}
	}
}
