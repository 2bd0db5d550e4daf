package analysis

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// This file decides the levers of a sensitivity sweep and the values
// each is moved to.

// lever is one numeric standard, weight, coefficient or the capacity.
type lever struct {
	path    string
	pattern string
	label   string
	value   decimal.Decimal
}

// leverPatterns are the path-table entries a sweep moves: the standards,
// not the sub-districts' data, the rounding unit or the fiscal year.
var leverPatterns = map[string]bool{
	"plan.capacity": true, "plan.reserve_rate": true,
	"staff.*.annual_pay": true, "staff.*.oncost_rate": true,
	"quota.*.rate": true, "project.*.unit_cost": true, "tiers.*.max_share": true,
	"project_performance.coefficients.**": true,
	"factor.*.weight":                     true, "factor.*.indicator.**.weight": true,
	"performance.coefficients.**": true,
	"incentive.rate":              true, "incentive.budget": true,
	"damping.floor": true, "damping.ceiling": true,
}

// levers lists the plan's levers in the order of the path table, each
// named as the path table names it (standards.PathLabel).
func levers(nps []standards.NumberPath, p *formula.Plan) []lever {
	var out []lever
	for _, np := range nps {
		if leverPatterns[np.Pattern] {
			out = append(out, lever{path: np.Path, pattern: np.Pattern, value: np.Value, label: standards.PathLabel(np.Path, p)})
		}
	}
	return out
}

// weightDecimals is the precision of the weights rescaled to keep a sum
// of 1.
const weightDecimals = 10

// moved is the overrides that move a lever by the factor (1 + s), or a
// reason it cannot be moved. The capacity stays a multiple of the
// rounding unit (rounded down). A weight's siblings (the other factors,
// or the other indicators of its factor) are rescaled in proportion so
// that the weights still sum to exactly 1, the last taking the rounding.
func (l lever) moved(s decimal.Decimal, p *formula.Plan) (decimal.Decimal, []standards.Override, string) {
	v := l.value.Mul(decimal.NewFromInt(1).Add(s))
	if l.pattern == "plan.capacity" {
		v = v.Div(p.RoundingUnit).Floor().Mul(p.RoundingUnit)
	}
	ov := func(path string, v decimal.Decimal) standards.Override {
		return standards.Override{Path: path, Value: v.String(), File: "--sensitivity"}
	}
	ovs := []standards.Override{ov(l.path, v)}
	sibs, ok := l.siblings(p)
	if !ok {
		return v, ovs, ""
	}
	if len(sibs) == 0 {
		return v, nil, msg.AnaOnlyWeight.In(msg.Zh)
	}
	one := decimal.NewFromInt(1)
	rest, restOld := one.Sub(v), one.Sub(l.value)
	if restOld.IsZero() {
		return v, nil, msg.AnaOtherWeightsZero.In(msg.Zh)
	}
	sum := decimal.Zero
	for i, sb := range sibs {
		w := sb.value.Mul(rest).DivRound(restOld, weightDecimals)
		if i == len(sibs)-1 {
			w = rest.Sub(sum)
		}
		sum = sum.Add(w)
		ovs = append(ovs, ov(sb.path, w))
	}
	return v, ovs, ""
}

// weight is a weight lever's path and value.
type weight struct {
	path  string
	value decimal.Decimal
}

// siblings are the weights that share a sum of 1 with a weight lever;
// ok is false for a lever that is not a weight.
func (l lever) siblings(p *formula.Plan) ([]weight, bool) {
	var out []weight
	switch l.pattern {
	case "factor.*.weight":
		for _, f := range p.Factors {
			if path := "factor." + f.ID + ".weight"; path != l.path {
				out = append(out, weight{path, f.Weight})
			}
		}
		return out, true
	case "factor.*.indicator.**.weight":
		for _, f := range p.Factors {
			prefix := "factor." + f.ID + ".indicator."
			if !strings.HasPrefix(l.path, prefix) || !slices.ContainsFunc(f.Indicators, func(in formula.Indicator) bool {
				return prefix+in.Quantity+".weight" == l.path
			}) {
				continue
			}
			for _, in := range f.Indicators {
				if path := prefix + in.Quantity + ".weight"; path != l.path {
					out = append(out, weight{path, in.Weight})
				}
			}
		}
		return out, true
	}
	return nil, false
}

// IsLever reports whether a pattern of the path table is one a sweep
// moves (a standard, a weight, a coefficient or the capacity).
func IsLever(pattern string) bool { return leverPatterns[pattern] }

// Labels are the Chinese labels of the plan's levers, by path.
func Labels(doc *standards.Document) map[string]string {
	out := map[string]string{}
	m, err := doc.Compile()
	if err != nil {
		return out
	}
	nps, err := doc.NumberPaths()
	if err != nil {
		return out
	}
	for _, l := range levers(nps, m.Plan()) {
		out[l.path] = l.label
	}
	return out
}

// weightPath reports whether a path is a factor's or an indicator's
// weight, which must sum to 1 with its siblings.
func weightPath(path string) bool {
	return strings.HasPrefix(path, "factor.") && strings.HasSuffix(path, ".weight")
}
