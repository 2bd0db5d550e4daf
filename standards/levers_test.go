package standards

import (
	"testing"

	"github.com/caili/caili/configs"
)

// TestNumberPathsCoverTable: every numeric field of the path table with a
// fast setter is expanded, except the aliases with an empty segment.
func TestNumberPathsCoverTable(t *testing.T) {
	for _, f := range fields {
		if f.kind != kindNumber || f.plan == nil {
			continue
		}
		_, ok := expanders[f.path]
		if ok == aliasPattern(f.path) {
			t.Errorf("%s: expander %v, alias %v", f.path, ok, aliasPattern(f.path))
		}
	}
}

// TestNumberPathsSample: every listed path of the sample plan is one the
// fast path takes, and setting it to its own value keeps the plan.
func TestNumberPathsSample(t *testing.T) {
	d, err := LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	nps, err := d.NumberPaths()
	if err != nil {
		t.Fatal(err)
	}
	if len(nps) < 20 {
		t.Fatalf("only %d number paths", len(nps))
	}
	seen := map[string]bool{}
	for _, np := range nps {
		if seen[np.Path] {
			t.Errorf("%s listed twice", np.Path)
		}
		seen[np.Path] = true
		if d.patch([]Override{{Path: np.Path, Value: np.Value.String()}}) == nil {
			t.Errorf("%s (%s): not taken by the fast path", np.Path, np.Pattern)
		}
	}
	for _, want := range []string{"plan.capacity", "project.vector_control.unit_cost", "tiers.A.max_share"} {
		if !seen[want] {
			t.Errorf("%s not listed", want)
		}
	}
}
