package standards

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/report"
)

// resultJSON computes a document and renders it, failing on error.
func resultJSON(t *testing.T, doc *Document) string {
	t.Helper()
	res, err := evaluate(doc)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestOverrideEqualsEdit checks that every kind of override path gives
// exactly the result of editing the plan file by hand.
func TestOverrideEqualsEdit(t *testing.T) {
	base := tinyPlan(t)
	tests := []struct {
		set      []string
		old, new []string
	}{
		{[]string{"plan.capacity=59000000"}, []string{`capacity = "60000000"`}, []string{`capacity = "59000000"`}},
		{[]string{"project.vector_control.unit_cost=1.0"}, []string{`unit_cost = "1.5"`}, []string{`unit_cost = "1.0"`}},
		{[]string{"tiers.A.max_share=0.3"}, []string{`max_share = "0.25"`}, []string{`max_share = "0.3"`}},
		{[]string{"tiers.B.max_share=0.1"}, []string{`[tiers.A]`}, []string{"[tiers.B]\nmax_share = \"0.1\"\n[tiers.A]"}},
		{[]string{"factor.workload.weight=0.5", "factor.area.weight=0.1"},
			[]string{`weight = "0.4"`, `weight = "0.2"`}, []string{`weight = "0.5"`, `weight = "0.1"`}},
		{[]string{"factor.workload.indicator.communities.weight=0.7", "factor.workload.indicator.hotline_tickets.weight=0.3"},
			[]string{`quantity = "communities"` + "\n  weight = \"0.5\"", `quantity = "hotline_tickets"` + "\n  weight = \"0.5\""},
			[]string{`quantity = "communities"` + "\n  weight = \"0.7\"", `quantity = "hotline_tickets"` + "\n  weight = \"0.3\""}},
		{[]string{"performance.coefficients.中=0.8"}, []string{`"中" = "0.9"`}, []string{`"中" = "0.8"`}},
		{[]string{"performance.mode=reserve", "performance.coefficients.优=1"},
			[]string{`mode = "redistribute"`, `"优" = "1.05"`}, []string{`mode = "reserve"`, `"优" = "1"`}},
		{[]string{"subdistrict.east.quantities.population=90000"}, []string{"population = 82000"}, []string{"population = 90000"}},
		{[]string{"subdistrict.east.staff.civil_servant=42"}, []string{"civil_servant = 40"}, []string{"civil_servant = 42"}},
		{[]string{"subdistrict.west.payroll.civil_servant=5000000"}, []string{"community_worker = 48\n"}, []string{"community_worker = 48\n[subdistrict.payroll]\ncivil_servant = \"5000000\"\n"}},
		{[]string{"subdistrict.north.performance=优"}, []string{`performance = "中"`}, []string{`performance = "优"`}},
		{[]string{"damping.ceiling=1.2"}, []string{`ceiling = "1.10"`}, []string{`ceiling = "1.2"`}},
		{[]string{"incentive.budget=100000"}, []string{`budget = "500000"`}, []string{`budget = "100000"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.set, "&"), func(t *testing.T) {
			doc, err := Parse("plan.toml", []byte(base), nil)
			if err != nil {
				t.Fatal(err)
			}
			var ovs []Override
			for _, s := range tt.set {
				o, err := ParseSet(s)
				if err != nil {
					t.Fatal(err)
				}
				ovs = append(ovs, o)
			}
			over, err := doc.Apply(ovs...)
			if err != nil {
				t.Fatal(err)
			}
			text := base
			for i := range tt.old {
				text = edit(t, text, tt.old[i], tt.new[i])
			}
			edited, err := Parse("plan.toml", []byte(text), nil)
			if err != nil {
				t.Fatal(err)
			}
			got, want := resultJSON(t, over), resultJSON(t, edited)
			if got != want {
				t.Errorf("override result differs from the edited plan")
			}
			if got == resultJSON(t, doc) {
				t.Errorf("override changed nothing")
			}
		})
	}
}

func TestOverrideProblems(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ set, path, msg string }{
		{"nope.x=1", "nope.x", "unknown path"},
		{"project.nope.unit_cost=1", "project.nope.unit_cost", "unknown path"},
		{"project.vector_control.colour=1", "project.vector_control.colour", "unknown path"},
		{"plan.capacity=lots", "plan.capacity", "not a number"},
		{"factor.workload.weight=0.5", "factor", "sum to exactly 1"},
		{"subdistrict.east.staff.civil_servant=1.5", "subdistrict[east].staff.civil_servant", "whole number"},
		{"tiers.Q.max_share=0.5", "tiers.Q", "unknown tier"},
		{"plan.standards=x.toml", "plan.standards", "unknown path"},
	}
	for _, tt := range tests {
		o, err := ParseSet(tt.set)
		if err != nil {
			t.Fatal(err)
		}
		_, err = doc.Apply(o)
		var se *formula.InvalidPlanError
		if !errors.As(err, &se) || caili.KindOf(err) != caili.KindBadRequest {
			t.Fatalf("%s: want problems of the overrides, got %v", tt.set, err)
		}
		found := false
		for _, p := range se.Problems {
			found = found || (p.Path == tt.path && says(p, tt.msg))
		}
		if !found {
			t.Errorf("%s: no problem at %s with %q; got:\n%s", tt.set, tt.path, tt.msg, listProblems(se.Problems))
		}
	}
	// The base document is untouched by a failed or successful Apply.
	if _, err := doc.Apply(Override{Path: "plan.capacity", Value: "1"}); err == nil {
		t.Log("capacity 1 accepted at validation (rejected only when evaluated)")
	}
	if got := resultJSON(t, doc); !strings.Contains(got, `"capacity": "60000000"`) {
		t.Errorf("base document changed by Apply")
	}
}

func TestParseScenario(t *testing.T) {
	good := "[scenario]\nname = \"病媒标准下调\"\ndescription = \"2.4 → 1.5\"\n[set]\n\"project.vector_control.unit_cost\" = \"1.0\"\n\"plan.capacity\" = 59000000\n"
	sc, err := ParseScenario("s.toml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "病媒标准下调" || len(sc.Set) != 2 || sc.Set[0].Path != "project.vector_control.unit_cost" || sc.Set[1].Line != 6 {
		t.Fatalf("scenario = %+v", sc)
	}
	for _, bad := range []struct{ text, path string }{
		{"[set]\n\"plan.capacity\" = 1\n", "scenario.name"},
		{"[scenario]\nname = \"x\"\ncolour = 1\n", "scenario.colour"},
		{"[scenario]\nname = 5\n", "scenario.name"},
		{"[scenario\n", ""},
	} {
		_, err := ParseScenario("s.toml", []byte(bad.text))
		var se *formula.InvalidPlanError
		if !errors.As(err, &se) || se.Problems[0].Path != bad.path {
			t.Errorf("%q: want a problem at %q, got %v", bad.text, bad.path, err)
		}
	}
}

func TestParseSet(t *testing.T) {
	for _, bad := range []string{"", "plan.capacity", "=5"} {
		if _, err := ParseSet(bad); err == nil {
			t.Errorf("ParseSet(%q) accepted", bad)
		}
	}
	o, err := ParseSet("performance.coefficients.中 = 0.8")
	if err != nil || o.Path != "performance.coefficients.中" || o.Value != "0.8" {
		t.Errorf("ParseSet = %+v, %v", o, err)
	}
}
