package dashboard

import (
	"strings"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/standards"
)

// TestStatementNames: on the sample, whose [quantity_labels] name its
// quantities, the statement names each line by the plan's name (the block
// grant's one line by what it does) and the line text names
// quantities by their labels and headcounts by their staff categories.
func TestStatementNames(t *testing.T) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	res := mustEvaluate(t, doc)
	a := &res.Subdistricts[0]
	got := map[string]LineRow{}
	for _, sl := range stageLines(res, a) {
		for _, l := range sl.Lines {
			got[sl.Stage+"/"+l.Item] = l
		}
	}
	for _, tc := range []struct{ key, name, inFormula string }{
		{"personnel/civil_servant", "公务员", ""},
		{"public/office", "办公经费", "[公务员]"},
		{"projects/vector_control", "病媒生物防制 · A档", "[病媒防制面积]"},
		{"block/by_score", "按调整后得分分配", "本街道调整后得分"},
		{"incentive/tax_growth", "税源增长激励", "[本年区级税收]"},
	} {
		l, ok := got[tc.key]
		if !ok {
			t.Errorf("%s: no line", tc.key)
			continue
		}
		if l.Name != tc.name {
			t.Errorf("%s: name %q, want %q", tc.key, l.Name, tc.name)
		}
		if !strings.Contains(l.Formula, tc.inFormula) {
			t.Errorf("%s: formula %q lacks %q", tc.key, l.Formula, tc.inFormula)
		}
	}
	if _, sv := score(res.Plan, a); sv == nil || sv.Parts[0].QuantityLabel == "" || sv.Parts[0].QuantityLabel == sv.Parts[0].Quantity {
		t.Errorf("score parts are not labelled: %+v", sv)
	}
}
