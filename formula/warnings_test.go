package formula_test

import (
	"slices"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// TestOverrideAbsorbed: on the sample, a dearer 病媒生物防制 raises every
// 街道's figure before damping; 德胜, at its ceiling, ends where it was,
// and the result compared with the plan's says so (and names it). The
// plan compared with itself, and a result not compared, say nothing of it.
func TestOverrideAbsorbed(t *testing.T) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	eval := func(sets ...string) *formula.Result {
		t.Helper()
		ovs, err := standards.ParseSets(sets...)
		if err != nil {
			t.Fatal(err)
		}
		m, err := doc.Model(ovs...)
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.EvaluateTotals()
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	base := eval()
	codes := func(r *formula.Result) (out []formula.Code, says []formula.Words) {
		for _, w := range r.Warnings() {
			out = append(out, w.Code)
			says = append(says, w.Says)
		}
		return out, says
	}
	res := eval("project.vector_control.unit_cost=3")
	if c, _ := codes(res); slices.Contains(c, formula.WarnAbsorbed) {
		t.Errorf("a result not compared warns %v", c)
	}
	res.CompareWith(base)
	c, says := codes(res)
	k := slices.Index(c, formula.WarnAbsorbed)
	if k < 0 {
		t.Fatalf("no %s among %v", formula.WarnAbsorbed, c)
	}
	if n := says[k].Args[0]; n != 1 || says[k].Args[1] != "德胜街道" {
		t.Errorf("absorbed for %v: %v", n, says[k].Args[1])
	}
	again := eval()
	again.CompareWith(base)
	if c, _ := codes(again); slices.Contains(c, formula.WarnAbsorbed) {
		t.Errorf("the plan compared with itself warns %v", c)
	}
}
