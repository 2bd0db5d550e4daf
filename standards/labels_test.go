package standards

import (
	"strings"
	"testing"

	"github.com/caili/caili/formula"
)

// TestQuantityLabels: [quantity_labels] reaches the engine's plan, from
// the plan file or the standards file (the sample keeps it there).
func TestQuantityLabels(t *testing.T) {
	text := tinyPlan(t) + "\n[quantity_labels]\n" +
		`vector_area_m2 = { name = "病媒防制面积", unit = "平方米" }` + "\n" +
		`unread_thing = { name = "无人读取" }` + "\n" + // a label nothing reads is fine
		"[quantity_labels.area_km2]\nname = \"辖区面积\"\nunit = \"平方公里\"\n"
	p := planOfText(t, text)
	want := map[string]formula.QuantityLabel{
		"vector_area_m2": {Name: "病媒防制面积", Unit: "平方米"},
		"unread_thing":   {Name: "无人读取"},
		"area_km2":       {Name: "辖区面积", Unit: "平方公里"},
	}
	if len(p.QuantityLabels) != len(want) {
		t.Fatalf("labels %v, want %v", p.QuantityLabels, want)
	}
	for q, lb := range want {
		if p.QuantityLabels[q] != lb {
			t.Errorf("%s: %+v, want %+v", q, p.QuantityLabels[q], lb)
		}
	}
	if p.QuantityName("area_km2") != "辖区面积" || p.QuantityName("communities") != "communities" || p.QuantityUnit("area_km2") != "平方公里" {
		t.Error("QuantityName / QuantityUnit")
	}
	if q, ok := p.QuantityByLabel(" 辖区面积"); !ok || q != "area_km2" {
		t.Errorf("QuantityByLabel = %q, %v", q, ok)
	}
	sp, err := sample(t).Plan()
	if err != nil {
		t.Fatal(err)
	}
	if lb := sp.QuantityLabels["resident_population"]; lb.Name != "常住人口" || lb.Unit != "人" {
		t.Errorf("the sample's label of resident_population: %+v", lb)
	}
	for q := range sp.QuantitiesRead() {
		if _, ok := sp.QuantityLabels[q]; !ok && !strings.HasPrefix(q, formula.StaffRefPrefix) {
			t.Errorf("the sample has no label for %s", q)
		}
	}
}

// TestQuantityLabelProblems: labels are checked strictly, each problem at
// its path.
func TestQuantityLabelProblems(t *testing.T) {
	for _, tt := range []struct {
		name, labels string
		path         string
		code         formula.Code
	}{
		{"unknown key", `area_km2 = { name = "辖区面积", units = "平方公里" }`, "quantity_labels.area_km2.units", formula.CodeUnknownKey},
		{"not a table", `area_km2 = "辖区面积"`, "quantity_labels.area_km2", formula.CodeBadValue},
		{"empty name", `area_km2 = { name = "  ", unit = "平方公里" }`, "quantity_labels.area_km2.name", formula.CodeMissing},
		{"no name", `area_km2 = { unit = "平方公里" }`, "quantity_labels.area_km2.name", formula.CodeMissing},
		{"name not text", `area_km2 = { name = 3 }`, "quantity_labels.area_km2.name", formula.CodeBadValue},
		{"one name for two", "area_km2 = { name = \"面积\" }\ngreen_area_m2 = { name = \"面积\" }", "quantity_labels.green_area_m2.name", formula.CodeRepeated},
		{"a label that is another quantity", `area_km2 = { name = "communities" }`, "quantity_labels.area_km2.name", formula.CodeRepeated},
		{"a headcount", `"staff.civil_servant" = { name = "公务员人数" }`, "quantity_labels.staff.civil_servant", formula.CodeBadValue},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ps := compileProblems(t, tinyPlan(t)+"\n[quantity_labels]\n"+tt.labels+"\n")
			for _, p := range ps {
				if p.Path == tt.path && p.Code == tt.code {
					return
				}
			}
			t.Errorf("problems %s; want %s at %s", listProblems(ps), tt.code, tt.path)
		})
	}
}

// planOfText parses a plan file's text as plan.toml and converts it,
// failing the test on any problem.
func planOfText(t *testing.T, text string) *formula.Plan {
	t.Helper()
	doc, err := Parse("plan.toml", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
