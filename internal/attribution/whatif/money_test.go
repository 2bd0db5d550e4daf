package whatif

import (
	"math/big"
	"testing"

	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/standards"
	"github.com/shopspring/decimal"
)

// TestMoneyPlanSplitsExactly: on the money example (rules §6: a fixed
// block grant, a district-managed project, transfers), a lower standard,
// a cut of the managed project's standard, a larger transfer and a lower
// execution rate are split exactly over the sub-districts' totals; the
// transfer's part is exactly each sub-district's change of transfers
// (transfers change nothing else), and what the sub-districts lost to the
// standards is what the district pool and the district-managed amounts
// gained (rules §1's identity).
func TestMoneyPlanSplitsExactly(t *testing.T) {
	doc, err := standards.LoadFile("../../../testdata/money/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	ovs := sets(t, "project.vector_control.unit_cost=1.45", "transfer.city_greening.amount=3300000",
		"project.greening.unit_cost=7", "subdistrict.west.execution.parking=0.4")
	a, err := Attribute(doc, ovs, attribution.ByPlayer)
	if err != nil {
		t.Fatal(err)
	}
	base, whatIf := totals(t, doc, nil), totals(t, doc, ovs)
	checkAgainst(t, a, base, whatIf)
	tr := -1
	for i, p := range a.Players {
		if p.Name == "transfer.city_greening.amount" {
			tr = i
		}
	}
	if tr < 0 {
		t.Fatalf("players %+v: no transfer", a.Players)
	}
	others := new(big.Rat)
	for i, r := range a.Rows {
		want := whatIf.Subdistricts[i].Transfers.Sub(base.Subdistricts[i].Transfers)
		if r.Parts[tr][attribution.ColTotal].Cmp(want.Rat()) != 0 {
			t.Errorf("%s: the transfer's part %s, its change of transfers %s", r.ID, r.Parts[tr][attribution.ColTotal].RatString(), want)
		}
		for p := range a.Players {
			if p != tr {
				others.Add(others, r.Parts[p][attribution.ColTotal])
			}
		}
	}
	// Σ totals + reserves + district pool + district-managed = capacity + transfers
	kept := whatIf.DistrictPool.Sub(base.DistrictPool).Add(whatIf.DistrictManaged.Sub(base.DistrictManaged)).
		Add(whatIf.DampingReserve.Sub(base.DampingReserve)).Add(whatIf.PerformanceReserve.Sub(base.PerformanceReserve))
	if !kept.IsPositive() || others.Cmp(kept.Neg().Rat()) != 0 {
		t.Errorf("the standards' parts sum to %s, the district kept %s more", others.RatString(), kept)
	}
	if d := whatIf.DistrictPool.Sub(base.DistrictPool); d.LessThanOrEqual(decimal.Zero) {
		t.Errorf("district pool change %s, want a saving", d)
	}
}
