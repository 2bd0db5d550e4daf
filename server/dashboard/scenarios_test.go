package dashboard

import (
	"bytes"
	"testing"

	"github.com/caili/caili/internal/report"
)

// The page of scenarios side by side of two what-ifs of the tiny plan,
// in 元 and in 万元.
func TestScenariosGolden(t *testing.T) {
	doc := loadTiny(t)
	base := mustEvaluate(t, doc)
	var docs, wans []*report.CompareJSON
	for _, set := range []string{"plan.capacity=59000000", "project.vector_control.unit_cost=2.4"} {
		r := mustEvaluate(t, doc, set)
		docs = append(docs, report.NewCompare(report.Comparison{Base: base, Scenario: r}))
		w, err := report.NewCompareWan(report.Comparison{Base: base, Scenario: r})
		if err != nil {
			t.Fatal(err)
		}
		wans = append(wans, w)
	}
	for name, ds := range map[string][]*report.CompareJSON{"scenarios": docs, "scenarios_wan": wans} {
		s, err := report.NewScenarios([]string{"cut5", "vector"}, ds)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := testRenderer(t).Scenarios(&b, NewScenariosView("tiny", "示例区", []string{"cut5", "vector", "other"}, s)); err != nil {
			t.Fatal(err)
		}
		goldenPage(t, name, b.String())
	}
}
