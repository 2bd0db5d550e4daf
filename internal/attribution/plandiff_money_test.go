package attribution

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// TestPlansMoney: a plan diff finds each difference in the tables of
// rules §6 as its own player, named by its override path, and the parts
// sum to the change.
func TestPlansMoney(t *testing.T) {
	old := planFile(t, "../../testdata/money/plan.toml")
	floor := decimal.RequireFromString("0.7") // low enough that every coalition's floors can be funded
	d := *old.Damping
	d.Floor = &floor
	old.Damping = &d
	nw := clonePlan(old)
	amt := decimal.NewFromInt(4100000)
	nw.Block = &formula.Block{Amount: &amt}
	nw.TierCapBase = formula.CapPool
	nw.Projects[2].Managed = formula.ManagedBySubdistrict
	nw.Transfers[0].Amount = decimal.NewFromInt(2500000)
	nw.ProjectExecution = &formula.ProjectExecution{Bands: []formula.ExecutionBand{{Below: decimal.RequireFromString("0.5"), Coefficient: decimal.RequireFromString("0.7")}}}
	nw.Subdistricts[1].Execution["vector_control"] = decimal.RequireFromString("0.3")
	a, err := Plans(old, nw, ByPlayer, standards.PathLabel)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Check(); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range a.Players {
		names = append(names, p.Name)
	}
	for _, want := range []string{"block.amount", "tiers.cap_base", "project.greening.managed", "transfer.city_greening.amount",
		"project_execution.bands", "subdistrict.west.execution.vector_control"} {
		if !slices.Contains(names, want) {
			t.Errorf("no player %s in %v", want, names)
		}
	}
	if old.Subdistricts[1].Execution["vector_control"].String() != "0.7" || old.Block.Amount.String() != "4000000" {
		t.Error("the old plan was changed")
	}
}
