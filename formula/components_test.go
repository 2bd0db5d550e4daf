package formula

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestStageIndex holds stageIndex, which CheckIdentity uses for every
// line, to the order of ComponentNames.
func TestStageIndex(t *testing.T) {
	for k, name := range ComponentNames {
		if got := stageIndex(Stage(name)); got != k {
			t.Errorf("stageIndex(%q) = %d, want %d", name, got, k)
		}
	}
	if got := stageIndex("reserve"); got != -1 {
		t.Errorf("stageIndex(reserve) = %d, want -1", got)
	}
}

// TestComponentsOrder checks that Allocation.Components gives each
// component's amount where ComponentNames names it.
func TestComponentsOrder(t *testing.T) {
	a := Allocation{Personnel: decimal.NewFromInt(1), Public: decimal.NewFromInt(2), Projects: decimal.NewFromInt(3),
		Incentive: decimal.NewFromInt(4), Block: decimal.NewFromInt(5), Damping: decimal.NewFromInt(6)}
	want := map[Stage]int64{StagePersonnel: 1, StagePublic: 2, StageProjects: 3, StageIncentive: 4, StageBlock: 5, StageDamping: 6}
	for k, c := range a.Components() {
		if name := ComponentNames[k]; c.IntPart() != want[Stage(name)] {
			t.Errorf("Components()[%d] = %s, but ComponentNames[%d] is %s", k, c, k, name)
		}
	}
}
