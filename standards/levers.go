package standards

import (
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// This file lists the numeric override paths of one plan: every entry of
// the path table (paths.go) that takes a number and has a fast setter,
// expanded over the plan's staff, quotas, projects, tiers, factors,
// coefficients and sub-districts. Goal-seek and sensitivity
// (internal/analysis) vary these paths through [Document.Model].

// NumberPath is one numeric field of a plan that an override may set,
// with the plan's value there.
type NumberPath struct {
	Path    string          // a concrete path, e.g. project.vector_control.unit_cost
	Pattern string          // its entry in the path table, e.g. project.*.unit_cost
	Value   decimal.Decimal // the plan's value
}

// expander lists the concrete paths of one numeric pattern in a plan.
type expander func(pattern string, p *formula.Plan) []NumberPath

// expanders expand the numeric patterns of the path table. The aliases
// with an empty segment (factor.*.indicator..weight,
// subdistrict.*..adjustment) name fields listed under their plain path
// and have none; TestNumberPathsCoverTable holds the two in step.
var expanders = map[string]expander{
	"plan.capacity":      top(func(p *formula.Plan) decimal.Decimal { return p.Capacity }),
	"plan.rounding_unit": top(func(p *formula.Plan) decimal.Decimal { return p.RoundingUnit }),
	"plan.reserve_rate":  top(func(p *formula.Plan) decimal.Decimal { return p.ReserveRate }),
	"staff.*.annual_pay": each(func(p *formula.Plan) []formula.Staff { return p.Staff },
		func(s formula.Staff) (string, decimal.Decimal) { return s.ID, s.AnnualPay }),
	"staff.*.oncost_rate": each(func(p *formula.Plan) []formula.Staff { return p.Staff },
		func(s formula.Staff) (string, decimal.Decimal) { return s.ID, s.OncostRate }),
	"quota.*.rate": each(func(p *formula.Plan) []formula.Quota { return p.Quotas },
		func(q formula.Quota) (string, decimal.Decimal) { return q.ID, q.Rate }),
	"project.*.unit_cost": each(func(p *formula.Plan) []formula.Project { return p.Projects },
		func(pr formula.Project) (string, decimal.Decimal) { return pr.ID, pr.UnitCost }),
	"tiers.*.max_share": tierCaps,
	"project_performance.coefficients.**": keyed(func(p *formula.Plan) map[string]decimal.Decimal {
		if p.ProjectPerformance == nil {
			return nil
		}
		return p.ProjectPerformance.Coefficients
	}),
	"factor.*.weight": each(func(p *formula.Plan) []formula.Factor { return p.Factors },
		func(f formula.Factor) (string, decimal.Decimal) { return f.ID, f.Weight }),
	"factor.*.indicator.**.weight": indicatorWeights,
	"performance.coefficients.**": keyed(func(p *formula.Plan) map[string]decimal.Decimal {
		if p.Performance == nil {
			return nil
		}
		return p.Performance.Coefficients
	}),
	"incentive.rate": optional(func(p *formula.Plan) *decimal.Decimal {
		if p.Incentive == nil {
			return nil
		}
		return &p.Incentive.Rate
	}),
	"incentive.budget": optional(func(p *formula.Plan) *decimal.Decimal {
		if p.Incentive == nil {
			return nil
		}
		return p.Incentive.Budget
	}),
	"damping.floor": optional(func(p *formula.Plan) *decimal.Decimal {
		if p.Damping == nil {
			return nil
		}
		return p.Damping.Floor
	}),
	"damping.ceiling": optional(func(p *formula.Plan) *decimal.Decimal {
		if p.Damping == nil {
			return nil
		}
		return p.Damping.Ceiling
	}),
	"subdistrict.*.adjustment":    subdistrictAdjustments,
	"subdistrict.*.staff.**":      subdistrictValues(func(s *formula.Subdistrict) formula.Values { return s.Staff }),
	"subdistrict.*.payroll.**":    subdistrictValues(func(s *formula.Subdistrict) formula.Values { return s.Payroll }),
	"subdistrict.*.quantities.**": subdistrictValues(func(s *formula.Subdistrict) formula.Values { return s.Quantities }),
	"subdistrict.*.execution.**":  subdistrictValues(func(s *formula.Subdistrict) formula.Values { return formula.ValuesOf(s.Execution) }),
	"block.amount": optional(func(p *formula.Plan) *decimal.Decimal {
		if p.Block == nil {
			return nil
		}
		return p.Block.Amount
	}),
	"transfer.*.amount": each(func(p *formula.Plan) []formula.Transfer { return p.Transfers },
		func(t formula.Transfer) (string, decimal.Decimal) { return t.ID, t.Amount }),
}

// NumberPaths lists every numeric field of the plan as written that an
// override may set by the fast path, in the order of the path table and,
// within a pattern, of the plan (map keys sorted). A plan with problems
// gives its *caili.Error.
func (d *Document) NumberPaths() ([]NumberPath, error) {
	m, err := d.Compile()
	if err != nil {
		return nil, err
	}
	return PlanNumberPaths(m.Plan()), nil
}

// PlanNumberPaths is [Document.NumberPaths] of a compiled plan, such as
// one with overrides applied ([Document.Model]): the same paths, with
// the plan's values.
func PlanNumberPaths(p *formula.Plan) []NumberPath {
	var out []NumberPath
	for _, f := range fields {
		if f.kind != kindNumber || f.plan == nil {
			continue
		}
		if ex, ok := expanders[f.path]; ok {
			for _, np := range ex(f.path, p) {
				np.Pattern = f.path
				out = append(out, np)
			}
		}
	}
	return out
}

// fill puts an id for "*" and a key for "**" into a pattern.
func fill(pattern, id, key string) string {
	segs := strings.Split(pattern, ".")
	for i, s := range segs {
		switch s {
		case "*":
			segs[i] = id
		case "**":
			segs[i] = key
		}
	}
	return strings.Join(segs, ".")
}

// top expands a number of the plan itself.
func top(get func(*formula.Plan) decimal.Decimal) expander {
	return func(pattern string, p *formula.Plan) []NumberPath {
		return []NumberPath{{Path: pattern, Value: get(p)}}
	}
}

// optional expands a number of an optional table (nil: none).
func optional(get func(*formula.Plan) *decimal.Decimal) expander {
	return func(pattern string, p *formula.Plan) []NumberPath {
		if v := get(p); v != nil {
			return []NumberPath{{Path: pattern, Value: *v}}
		}
		return nil
	}
}

// each expands a number of every entry of a list, by its id.
func each[T any](list func(*formula.Plan) []T, get func(T) (string, decimal.Decimal)) expander {
	return func(pattern string, p *formula.Plan) []NumberPath {
		var out []NumberPath
		for _, e := range list(p) {
			id, v := get(e)
			out = append(out, NumberPath{Path: fill(pattern, id, ""), Value: v})
		}
		return out
	}
}

// keyed expands every key of a map of numbers, sorted.
func keyed(get func(*formula.Plan) map[string]decimal.Decimal) expander {
	return func(pattern string, p *formula.Plan) []NumberPath {
		m := get(p)
		var out []NumberPath
		for _, k := range sortedNames(m) {
			out = append(out, NumberPath{Path: fill(pattern, "", k), Value: m[k]})
		}
		return out
	}
}

// tierCaps expands the cap of every capped tier, in tier order.
func tierCaps(pattern string, p *formula.Plan) []NumberPath {
	ts := make([]formula.Tier, 0, len(p.TierCaps))
	for t := range p.TierCaps {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	var out []NumberPath
	for _, t := range ts {
		out = append(out, NumberPath{Path: fill(pattern, t.String(), ""), Value: p.TierCaps[t]})
	}
	return out
}

// indicatorWeights expands the weight of every indicator of every factor.
func indicatorWeights(pattern string, p *formula.Plan) []NumberPath {
	var out []NumberPath
	for _, f := range p.Factors {
		for _, in := range f.Indicators {
			out = append(out, NumberPath{Path: fill(pattern, f.ID, in.Quantity), Value: in.Weight})
		}
	}
	return out
}

// subdistrictAdjustments expands the regional coefficients that are set.
func subdistrictAdjustments(pattern string, p *formula.Plan) []NumberPath {
	var out []NumberPath
	for _, s := range p.Subdistricts {
		if s.Adjustment != nil {
			out = append(out, NumberPath{Path: fill(pattern, s.ID, ""), Value: *s.Adjustment})
		}
	}
	return out
}

// subdistrictMaps expands every key of one of each sub-district's maps.
func subdistrictValues(get func(*formula.Subdistrict) formula.Values) expander {
	return func(pattern string, p *formula.Plan) []NumberPath {
		var out []NumberPath
		for i := range p.Subdistricts {
			s := &p.Subdistricts[i]
			for k, v := range get(s).All() {
				out = append(out, NumberPath{Path: fill(pattern, s.ID, k), Value: v})
			}
		}
		return out
	}
}

// aliasPattern reports whether a pattern is an alias with an empty
// segment, whose fields are listed under their plain path.
func aliasPattern(pattern string) bool { return slices.Contains(strings.Split(pattern, "."), "") }
