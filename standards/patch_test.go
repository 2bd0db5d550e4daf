package standards

import (
	"bytes"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
)

// outcome renders what a what-if gives: the JSON result, or the error.
func outcome(t testing.TB, eval func() (*formula.Result, error)) string {
	t.Helper()
	res, err := eval()
	if err != nil {
		return "error: " + err.Error()
	}
	var b bytes.Buffer
	if err := report.WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// fastAndGeneral evaluates the overrides both ways: through Evaluate
// (which takes the fast path when it can) and through Apply, the general
// way.
func fastAndGeneral(t testing.TB, doc *Document, ovs []Override) (fast, general string) {
	t.Helper()
	fast = outcome(t, func() (*formula.Result, error) { return evaluate(doc, ovs...) })
	general = outcome(t, func() (*formula.Result, error) {
		over, err := doc.Apply(ovs...)
		if err != nil {
			return nil, err
		}
		return evaluate(over)
	})
	return fast, general
}

// patchCases are what-ifs for TestPatchMatchesApply: every numeric path
// kind, and overrides the fast path must leave to the general way.
var patchCases = []struct {
	set  string // &-separated --set arguments
	fast bool   // whether the fast path patches the plan
}{
	{"plan.capacity=59000000", true},
	{"plan.capacity=59000000&factor.workload.weight=0.5&factor.area.weight=0.1", true},
	{"plan.reserve_rate=0.05", true},
	{"plan.rounding_unit=100", true},
	{"staff.civil_servant.annual_pay=170000", true},
	{"staff.community_worker.oncost_rate=0.25", true},
	{"quota.office.rate=10000", true},
	{"project.vector_control.unit_cost=1.0", true},
	{"project.vector_control.unit_cost=2.4&project.greening.unit_cost=9", true},
	{"tiers.A.max_share=0.3", true},
	{"tiers.B.max_share=0.1", true},
	{"factor.workload.indicator.communities.weight=0.7&factor.workload.indicator.hotline_tickets.weight=0.3", true},
	{"performance.coefficients.中=0.8", true},
	{"performance.coefficients.优=1.2&performance.coefficients.差=0.7", true},
	{"incentive.rate=0.2", true},
	{"incentive.budget=100000", true},
	{"damping.floor=0.9&damping.ceiling=1.2", true},
	{"subdistrict.east.adjustment=1.1", true},
	{"subdistrict.east.quantities.population=90000", true},
	{"subdistrict.east.quantities.population=90000&subdistrict.east.quantities.area_km2=3&subdistrict.west.quantities.population=1", true},
	{"subdistrict.east.staff.civil_servant=42", true},
	{"subdistrict.west.payroll.civil_servant=5000000", true},
	{"plan.capacity=1", true}, // rejected: capacity shortfall, the same way both ways
	// Left to the general way: text, lists, tiers, unknown paths, bad values, broken rules.
	{"plan.name=x", false},
	{"plan.fiscal_year=2026", false},
	{"project.greening.tier=C", false},
	{"project.greening.basis=green_area_m2,area_km2", false},
	{"performance.mode=reserve", false},
	{"subdistrict.north.performance=优", false},
	{"tiers.mandatory.max_share=0.1", false},
	{"tiers.E.max_share=0.1", false},
	{"plan.capacity=abc", false},
	{"plan.capacity=1e9", false},
	{"plan.capacity.x=1", false},
	{"staff.nobody.annual_pay=1", false},
	{"subdistrict.east.quantities.=1", false},
	{"performance.coefficients.=1", false},
	{"factor.workload.indicator.nothing.weight=0.5", false},
	{"factor.workload.weight=0.5", true}, // patched, but the weights no longer sum to 1: the general way reports it
	{"a.b=1", false},
	{"subdistrict.east=1", false},
	{"factor.workload=1", false},
	{"factor.workload.indicator.weight=1", false},
	{"performance.coefficients=1", false},
	{"performance.x.y=1", false},
	{"plan=1", false},
	// An empty quantity or map name names the entry itself (see paths.go).
	{"factor.workload.indicator..weight=0.5&factor.area.weight=0.1", true},
	{"subdistrict.east..adjustment=1.1", true},
	{"subdistrict.east..name=x", false},
}

// TestPatchMatchesApply holds the fast path to the general one: the same
// result byte for byte, or the same problems, for every numeric path kind
// and for overrides the fast path must leave to the general way.
func TestPatchMatchesApply(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range patchCases {
		t.Run(tt.set, func(t *testing.T) {
			ovs, err := ParseSets(strings.Split(tt.set, "&")...)
			if err != nil {
				t.Fatal(err)
			}
			p := doc.patch(ovs)
			if took := p != nil; took && !tt.fast {
				t.Errorf("the fast path took %s", tt.set)
			} else if !took && tt.fast {
				t.Errorf("the fast path refused %s", tt.set)
			}
			fast, general := fastAndGeneral(t, doc, ovs)
			if fast != general {
				t.Errorf("fast path differs from the general way:\nfast:    %.300s\ngeneral: %.300s", fast, general)
			}
			if fast == resultJSON(t, doc) {
				t.Errorf("the override changed nothing")
			}
		})
	}
	// The base plan is untouched by any of it.
	fresh, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resultJSON(t, doc) != resultJSON(t, fresh) {
		t.Error("a what-if changed the base plan")
	}
}
