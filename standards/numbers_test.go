package standards

import (
	"testing"

	"github.com/caili/caili/formula"
)

// TestNumbersAsArrays: a 街道's numbers table written as an array of
// tables, or as an inline array of tables, is reported at its keys as
// unknown, as when the tables were decoded as maps (the decoder takes
// what a value that decodes itself holds as read).
func TestNumbersAsArrays(t *testing.T) {
	for _, c := range []struct{ name, add, path string }{
		{"array of tables", "[[subdistrict.payroll]]\ncivil_servant = 1\n", "subdistrict[east].payroll[1].civil_servant"},
		{"inline array", "payroll = [{a = 1}]\n", "subdistrict.payroll.a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := edit(t, tinyPlan(t), "[subdistrict.staff]\ncivil_servant = 40\n", c.add+"[subdistrict.staff]\ncivil_servant = 40\n")
			ps := compileProblems(t, text)
			if len(ps) != 1 || ps[0].Code != formula.CodeUnknownKey || ps[0].Path != c.path {
				t.Errorf("problems %v, want one unknown key at %s", ps, c.path)
			}
		})
	}
}

// TestNumbersPlain: a 街道 whose numbers are all plain is kept as a data
// file's (decimals shared by every conversion); one with a value that is
// not keeps its Numbers, and the value is reported at its path; an
// override of a plain one changes that value only.
func TestNumbersPlain(t *testing.T) {
	text := edit(t, tinyPlan(t), "communities = 6\n", "communities = \"six\"\n")
	doc, err := Parse("plan.toml", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	east, west := doc.doc.Subdistrict[0], doc.doc.Subdistrict[1]
	if east.data == nil || east.Quantities != nil || west.data != nil || west.Quantities == nil {
		t.Fatalf("east kept as data %v, west as Numbers %v: want data for east only", east.data != nil, west.Quantities != nil)
	}
	ps := compileProblems(t, text)
	if len(ps) != 1 || ps[0].Path != "subdistrict[west].quantities.communities" || ps[0].Code != formula.CodeBadValue {
		t.Errorf("problems %v, want one bad value at west's communities", ps)
	}

	doc, err = Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	base, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	ovs, err := ParseSets("subdistrict.east.quantities.communities=9")
	if err != nil {
		t.Fatal(err)
	}
	changed, err := doc.Apply(ovs...)
	if err != nil {
		t.Fatal(err)
	}
	p, err := changed.Plan()
	if err != nil {
		t.Fatal(err)
	}
	again, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Subdistricts[0].Quantities.Value("communities").String(); got != "9" {
		t.Errorf("east's communities after the override: %s, want 9", got)
	}
	for _, q := range []*formula.Plan{base, again} {
		if got := q.Subdistricts[0].Quantities.Value("communities").String(); got != "8" {
			t.Errorf("the plan's own east communities: %s, want 8", got)
		}
	}
	if !p.Subdistricts[1].Quantities.Value("communities").Equal(base.Subdistricts[1].Quantities.Value("communities")) {
		t.Errorf("west changed by east's override")
	}
}
