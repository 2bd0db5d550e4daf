package formula

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestValidID holds the hand-written id check to the pattern rules §2 gives.
func TestValidID(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	for _, id := range []string{"", "a", "east", "east-1", "east_2", "a9", "9a", "-a", "_a", "East", "eAst",
		"east ", " east", "街道", "a.b", "a/b", "z-", "a\x00", "a\n"} {
		if got, want := validID(id), pattern.MatchString(id); got != want {
			t.Errorf("validID(%q) = %v, want %v", id, got, want)
		}
	}
}

// codePlan is a small valid plan for TestProblemCodes to break.
func codePlan() *Plan {
	d := decimal.RequireFromString
	floor, ceiling := d("0.9"), d("1.2")
	return &Plan{
		Name: "例", FiscalYear: 2025, Capacity: d("10000000"), RoundingUnit: d("1"),
		Staff:    []Staff{{ID: "civil", Name: "公务员", AnnualPay: d("100000"), OncostRate: d("0.3")}},
		Quotas:   []Quota{{ID: "office", Name: "办公", Rate: d("100"), Basis: []string{"staff.civil"}}},
		Projects: []Project{{ID: "clean", Name: "保洁", UnitCost: d("2"), Basis: []string{"area"}, Tier: TierA}},
		TierCaps: map[Tier]decimal.Decimal{TierA: d("0.5")},
		Factors: []Factor{{ID: "people", Name: "人口", Weight: d("1"),
			Indicators: []Indicator{{Quantity: "pop", Weight: d("0.5")}, {Quantity: "area", Weight: d("0.5")}}}},
		Performance: &Performance{Mode: Reserve, Coefficients: map[string]decimal.Decimal{"good": d("1"), "poor": d("0.9")}},
		Incentive:   &Incentive{Rate: d("0.1"), Current: "tax", Previous: "tax_prev"},
		Damping:     &Damping{Baseline: "last", Floor: &floor, Ceiling: &ceiling},
		Subdistricts: []Subdistrict{
			{ID: "east", Name: "东", Rating: "good", Staff: ValuesOf(map[string]decimal.Decimal{"civil": d("10")}),
				Quantities: ValuesOf(map[string]decimal.Decimal{"pop": d("100"), "area": d("5"), "tax": d("10"), "tax_prev": d("8"), "last": d("3000000")})},
			{ID: "west", Name: "西", Rating: "poor", Staff: ValuesOf(map[string]decimal.Decimal{"civil": d("12")}),
				Quantities: ValuesOf(map[string]decimal.Decimal{"pop": d("80"), "area": d("7"), "tax": d("9"), "tax_prev": d("9"), "last": d("3500000")})},
		},
	}
}

// codeBreak breaks a valid plan (codePlan) in one way, and names the
// problem it gives.
type codeBreak struct {
	name      string
	breakPlan func(p *Plan)
	path      string
	msg       string // a part of the message, in English
	code      Code
}

// codeBreaks are the ways TestProblemCodes breaks codePlan.
func codeBreaks() []codeBreak {
	d := decimal.RequireFromString
	return []codeBreak{
		{"blank plan name", func(p *Plan) { p.Name = " " }, "plan.name", "must not be empty", CodeMissing},
		{"year not positive", func(p *Plan) { p.FiscalYear = 0 }, "plan.fiscal_year", "positive year", CodeOutOfRange},
		{"rounding unit", func(p *Plan) { p.RoundingUnit = d("5") }, "plan.rounding_unit", "power of ten", CodeOutOfRange},
		{"negative capacity", func(p *Plan) { p.Capacity = d("-1") }, "plan.capacity", "must not be negative", CodeOutOfRange},
		{"capacity not a multiple", func(p *Plan) { p.Capacity = d("10000000.5") }, "plan.capacity", "multiple of the rounding unit", CodeNotMultiple},
		{"reserve rate of 1", func(p *Plan) { p.ReserveRate = d("1") }, "plan.reserve_rate", "must be in [0, 1)", CodeOutOfRange},
		{"missing id", func(p *Plan) { p.Staff[0].ID = "" }, "staff[1].id", "missing", CodeMissing},
		{"bad id", func(p *Plan) { p.Quotas[0].ID = "Office" }, "quota[Office].id", "must match", CodeBadID},
		{"duplicate id", func(p *Plan) { p.Subdistricts[1].ID = "east" }, "subdistrict[2].id", "duplicate id", CodeDuplicateID},
		{"blank name", func(p *Plan) { p.Projects[0].Name = "" }, "project[clean].name", "must not be empty", CodeMissing},
		{"negative pay", func(p *Plan) { p.Staff[0].AnnualPay = d("-1") }, "staff[civil].annual_pay", "must not be negative", CodeOutOfRange},
		{"empty basis", func(p *Plan) { p.Quotas[0].Basis = nil }, "quota[office].basis", "at least one quantity", CodeMissing},
		{"bad tier", func(p *Plan) { p.Projects[0].Tier = Tier(9) }, "project[clean].tier", "mandatory, A, B, C or D", CodeBadValue},
		{"cap on mandatory", func(p *Plan) { p.TierCaps[TierMandatory] = d("0.5") }, "tiers.mandatory", "only tiers A, B, C and D", CodeUnknownRef},
		{"cap of 0", func(p *Plan) { p.TierCaps[TierA] = d("0") }, "tiers.A.max_share", "must be in (0, 1]", CodeOutOfRange},
		{"no factor", func(p *Plan) { p.Factors = nil }, "factor", "at least one [[factor]]", CodeMissing},
		{"factor weights", func(p *Plan) { p.Factors[0].Weight = d("0.9") }, "factor", "factor weights must sum to exactly 1", CodeWeightsNotOne},
		{"no indicator", func(p *Plan) { p.Factors[0].Indicators = nil }, "factor[people].indicator", "at least one [[factor.indicator]]", CodeMissing},
		{"indicator without quantity", func(p *Plan) { p.Factors[0].Indicators[1].Quantity = "" }, "factor[people].indicator[2].quantity", "missing", CodeMissing},
		{"indicator twice", func(p *Plan) { p.Factors[0].Indicators[1].Quantity = "pop" }, "factor[people].indicator[2].quantity", "appears twice", CodeDuplicateID},
		{"indicator weights", func(p *Plan) { p.Factors[0].Indicators[1].Weight = d("0.4") }, "factor[people].indicator", "indicator weights must sum to exactly 1", CodeWeightsNotOne},
		{"no rating", func(p *Plan) { p.Performance.Coefficients = nil }, "performance.coefficients", "at least one rating", CodeMissing},
		{"coefficient above 1 in reserve mode", func(p *Plan) { p.Performance.Coefficients["good"] = d("1.1") }, "performance.coefficients.good", "at most 1", CodeOutOfRange},
		{"incentive without current", func(p *Plan) { p.Incentive.Current = "" }, "incentive.current", "missing", CodeMissing},
		{"negative budget", func(p *Plan) { b := d("-1"); p.Incentive.Budget = &b }, "incentive.budget", "must not be negative", CodeOutOfRange},
		{"damping without baseline", func(p *Plan) { p.Damping.Baseline = "" }, "damping.baseline", "missing", CodeMissing},
		{"damping without bounds", func(p *Plan) { p.Damping.Floor, p.Damping.Ceiling = nil, nil }, "damping", "needs a floor, a ceiling or both", CodeMissing},
		{"floor above ceiling", func(p *Plan) { f := d("1.3"); p.Damping.Floor = &f }, "damping.floor", "must not exceed the ceiling", CodeOutOfRange},
		{"unknown staff in a basis", func(p *Plan) { p.Quotas[0].Basis = []string{"staff.police"} }, "quota[office].basis", "names no [[staff]] category", CodeUnknownRef},
		{"no sub-district", func(p *Plan) { p.Subdistricts = nil }, "subdistrict", "at least one [[subdistrict]]", CodeMissing},
		{"no rating given", func(p *Plan) { p.Subdistricts[0].Rating = "" }, "subdistrict[east].performance", "needs every sub-district's rating", CodeMissing},
		{"unknown rating", func(p *Plan) { p.Subdistricts[0].Rating = "fair" }, "subdistrict[east].performance", "has no coefficient", CodeUnknownRef},
		{"negative adjustment", func(p *Plan) { a := d("-0.1"); p.Subdistricts[0].Adjustment = &a }, "subdistrict[east].adjustment", "must not be negative", CodeOutOfRange},
		{"unknown staff headcount", func(p *Plan) { p.Subdistricts[0].Staff.Set("police", d("1")) }, "subdistrict[east].staff.police", "is not a [[staff]] id", CodeUnknownRef},
		{"fractional headcount", func(p *Plan) { p.Subdistricts[0].Staff.Set("civil", d("1.5")) }, "subdistrict[east].staff.civil", "whole number", CodeNotInteger},
		{"unknown staff payroll", func(p *Plan) { p.Subdistricts[0].Payroll = ValuesOf(map[string]decimal.Decimal{"police": d("1")}) }, "subdistrict[east].payroll.police", "is not a [[staff]] id", CodeUnknownRef},
		{"negative payroll", func(p *Plan) { p.Subdistricts[0].Payroll = ValuesOf(map[string]decimal.Decimal{"civil": d("-1")}) }, "subdistrict[east].payroll.civil", "must not be negative", CodeOutOfRange},
		{"negative quantity", func(p *Plan) { p.Subdistricts[0].Quantities.Set("unused", d("-1")) }, "subdistrict[east].quantities.unused", "must not be negative", CodeOutOfRange},
		{"missing quantity", func(p *Plan) { p.Subdistricts[1].Quantities.Delete("area") }, "subdistrict[west].quantities.area", "missing (used by project[clean].basis)", CodeMissingQuantity},
		{"indicator zero everywhere", func(p *Plan) {
			for _, s := range p.Subdistricts {
				s.Quantities.Set("pop", d("0"))
			}
		}, "factor[people].indicator[pop]", "is zero in every sub-district", CodeZeroIndicator},
	}
}

// TestProblemCodes breaks a valid plan one rule at a time and checks the
// code of the problem each kind of break gives: codes are stable, so
// programs may rely on them.
func TestProblemCodes(t *testing.T) {
	if ps := codePlan().Validate(); len(ps) > 0 {
		t.Fatalf("the base plan is invalid: %v", ps)
	}
	for _, tc := range codeBreaks() {
		t.Run(tc.name, func(t *testing.T) {
			p := codePlan()
			tc.breakPlan(p)
			ps := p.Validate()
			found := false
			for _, pr := range ps {
				if pr.Code == "" || pr.Code == CodeInvalid {
					t.Errorf("%s: %s has code %q; validation gives every problem a specific code", pr.Path, english(t, pr), pr.Code)
				}
				if pr.Path == tc.path && strings.Contains(english(t, pr), tc.msg) {
					found = true
					if pr.Code != tc.code {
						t.Errorf("%s: %s has code %q, want %q", pr.Path, english(t, pr), pr.Code, tc.code)
					}
				}
			}
			if !found {
				t.Errorf("no problem at %s saying %q; got %v", tc.path, tc.msg, ps)
			}
		})
	}
}

// TestQuantitiesRead: every quantity a sub-district must have (whose
// absence is a missing_quantity) is one the plan reads, and only those.
func TestQuantitiesRead(t *testing.T) {
	p := codePlan()
	p.Subdistricts[0].Quantities.Set("households", decimal.NewFromInt(40)) // read by nothing
	got := p.QuantitiesRead()
	if len(got) == 0 {
		t.Fatal("no quantities read")
	}
	s := p.Subdistricts[0]
	for name := range s.Quantities.All() {
		q := *p
		q.Subdistricts = slices.Clone(p.Subdistricts)
		q.Subdistricts[0].Quantities = s.Quantities.Clone()
		q.Subdistricts[0].Quantities.Delete(name)
		missing := slices.ContainsFunc(q.Validate(), func(pr Problem) bool { return pr.Code == CodeMissingQuantity })
		if _, read := got[name]; read != missing {
			t.Errorf("quantity %q: read %v, but a sub-district without it is a missing_quantity: %v", name, read, missing)
		}
	}
}
