package attribution

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

// This file finds the differences between two plans (last year's and this
// year's, say) as edits: each sets one part of a copy of the old plan to
// the new plan's value. A coalition's plan is the old plan with the edits
// of the coalition's players made.

// edit is one difference between two plans.
type edit struct {
	path  string                  // where, in the words of override paths (rules §4)
	apply func(dst *formula.Plan) // set the new plan's value in dst, a copy of the old plan (clonePlan)
}

// diffPlans lists the differences between old and nw that can change an
// amount (names, the district and the fiscal year cannot). Lists of
// standards whose ids differ are one difference each (the whole list);
// sub-districts must be the same in both plans, as each is a row of the
// attribution.
//
// Keys of sub-districts' maps that only one plan has at all (a quantity
// only the new plan's new project uses, say; see loneKeys) are left out
// of the differences when lone is given: a key only the new plan has is
// set in every coalition (common), one only the old plan has is kept in
// every coalition. Plans checks that this changes neither side.
func diffPlans(old, nw *formula.Plan, lone loneKeys) (es, common []edit, err error) {
	if err := sameSubdistricts(old, nw); err != nil {
		return nil, nil, err
	}
	top := func(path string, differ bool, set func(dst *formula.Plan)) {
		if differ {
			es = append(es, edit{path, set})
		}
	}
	top("plan.capacity", !old.Capacity.Equal(nw.Capacity), func(d *formula.Plan) { d.Capacity = nw.Capacity })
	top("plan.reserve_rate", !old.ReserveRate.Equal(nw.ReserveRate), func(d *formula.Plan) { d.ReserveRate = nw.ReserveRate })
	top("plan.rounding_unit", !old.RoundingUnit.Equal(nw.RoundingUnit), func(d *formula.Plan) { d.RoundingUnit = nw.RoundingUnit })
	es = append(es, staffEdits(old, nw)...)
	es = append(es, quotaEdits(old, nw)...)
	es = append(es, projectEdits(old, nw)...)
	es = append(es, tierEdits(old, nw)...)
	es = append(es, factorEdits(old, nw)...)
	es = append(es, ratingTableEdits(old, nw)...)
	es = append(es, incentiveEdits(old, nw)...)
	es = append(es, dampingEdits(old, nw)...)
	es = append(es, moneyEdits(old, nw)...)
	for i := range old.Subdistricts {
		es = append(es, subdistrictEdits(old, nw, i, lone)...)
		common = append(common, loneEdits(old, nw, i, lone)...)
	}
	return es, common, nil
}

// sameSubdistricts requires the same sub-district ids in both plans.
func sameSubdistricts(old, nw *formula.Plan) error {
	ids := func(p *formula.Plan) map[string]bool {
		m := map[string]bool{}
		for _, s := range p.Subdistricts {
			m[s.ID] = true
		}
		return m
	}
	o, n := ids(old), ids(nw)
	var only []string
	for id := range o {
		if !n[id] {
			only = append(only, fmt.Sprintf(errOldOnly, id))
		}
	}
	for id := range n {
		if !o[id] {
			only = append(only, fmt.Sprintf(errNewOnly, id))
		}
	}
	if len(only) > 0 {
		slices.Sort(only)
		more := ""
		if len(only) > 10 {
			more = fmt.Sprintf(" … (%d in all)", len(only))
			only = only[:10]
		}
		return fmt.Errorf(errDifferentSubdistricts, strings.Join(only, ", "), more)
	}
	return nil
}

// field is one numeric or list field of an entry of a standards list.
type field[T any] struct {
	name  string
	equal func(a, b *T) bool
	set   func(dst, src *T)
}

// listEdits diffs one list of standards: field by field when both lists
// have the same ids in the same order, else the whole list at once.
func listEdits[T any](table string, old, nw []T, id func(*T) string, list func(*formula.Plan) *[]T, fields []field[T]) []edit {
	same := len(old) == len(nw)
	for i := 0; same && i < len(old); i++ {
		same = id(&old[i]) == id(&nw[i])
	}
	if !same {
		return []edit{{table, func(d *formula.Plan) { *list(d) = slices.Clone(nw) }}}
	}
	var es []edit
	for i := range old {
		for _, f := range fields {
			if !f.equal(&old[i], &nw[i]) {
				es = append(es, edit{table + "." + id(&old[i]) + "." + f.name, func(d *formula.Plan) { f.set(&(*list(d))[i], &nw[i]) }})
			}
		}
	}
	return es
}

func decField[T any](name string, get func(*T) *decimal.Decimal) field[T] {
	return field[T]{name, func(a, b *T) bool { return get(a).Equal(*get(b)) }, func(dst, src *T) { *get(dst) = *get(src) }}
}

func namesField[T any](name string, get func(*T) *[]string) field[T] {
	return field[T]{name, func(a, b *T) bool { return slices.Equal(*get(a), *get(b)) }, func(dst, src *T) { *get(dst) = *get(src) }}
}

func staffEdits(old, nw *formula.Plan) []edit {
	return listEdits("staff", old.Staff, nw.Staff, func(s *formula.Staff) string { return s.ID },
		func(p *formula.Plan) *[]formula.Staff { return &p.Staff }, []field[formula.Staff]{
			decField("annual_pay", func(s *formula.Staff) *decimal.Decimal { return &s.AnnualPay }),
			decField("oncost_rate", func(s *formula.Staff) *decimal.Decimal { return &s.OncostRate }),
		})
}

func quotaEdits(old, nw *formula.Plan) []edit {
	return listEdits("quota", old.Quotas, nw.Quotas, func(q *formula.Quota) string { return q.ID },
		func(p *formula.Plan) *[]formula.Quota { return &p.Quotas }, []field[formula.Quota]{
			decField("rate", func(q *formula.Quota) *decimal.Decimal { return &q.Rate }),
			namesField("basis", func(q *formula.Quota) *[]string { return &q.Basis }),
		})
}

func projectEdits(old, nw *formula.Plan) []edit {
	return listEdits("project", old.Projects, nw.Projects, func(p *formula.Project) string { return p.ID },
		func(p *formula.Plan) *[]formula.Project { return &p.Projects }, []field[formula.Project]{
			decField("unit_cost", func(p *formula.Project) *decimal.Decimal { return &p.UnitCost }),
			namesField("basis", func(p *formula.Project) *[]string { return &p.Basis }),
			{"tier", func(a, b *formula.Project) bool { return a.Tier == b.Tier }, func(d, s *formula.Project) { d.Tier = s.Tier }},
			{"managed", func(a, b *formula.Project) bool { return a.Managed == b.Managed }, func(d, s *formula.Project) { d.Managed = s.Managed }},
		})
}

// tierEdits diffs the tier caps, one per tier, and the overflow.
func tierEdits(old, nw *formula.Plan) []edit {
	var es []edit
	for _, t := range []formula.Tier{formula.TierA, formula.TierB, formula.TierC, formula.TierD, formula.TierMandatory} {
		o, ok1 := old.TierCaps[t]
		n, ok2 := nw.TierCaps[t]
		if ok1 == ok2 && o.Equal(n) {
			continue
		}
		es = append(es, edit{"tiers." + t.String() + ".max_share", func(d *formula.Plan) {
			if ok2 {
				d.TierCaps[t] = n
			} else {
				delete(d.TierCaps, t)
			}
		}})
	}
	if old.TierOverflow != nw.TierOverflow {
		es = append(es, edit{"tiers.overflow", func(d *formula.Plan) { d.TierOverflow = nw.TierOverflow }})
	}
	return es
}

// factorEdits diffs the factors: all their weights together (they sum to
// 1 in every valid plan), then each factor's indicators together (so do
// their weights); factors whose ids differ are one difference.
func factorEdits(old, nw *formula.Plan) []edit {
	same := len(old.Factors) == len(nw.Factors)
	for i := 0; same && i < len(old.Factors); i++ {
		same = old.Factors[i].ID == nw.Factors[i].ID
	}
	if !same {
		return []edit{{"factor", func(d *formula.Plan) { d.Factors = slices.Clone(nw.Factors) }}}
	}
	var es []edit
	weights := false
	for i := range old.Factors {
		weights = weights || !old.Factors[i].Weight.Equal(nw.Factors[i].Weight)
	}
	if weights {
		es = append(es, edit{"factor.*.weight", func(d *formula.Plan) {
			for i := range d.Factors {
				d.Factors[i].Weight = nw.Factors[i].Weight
			}
		}})
	}
	for i := range old.Factors {
		o, n := old.Factors[i].Indicators, nw.Factors[i].Indicators
		if !slices.EqualFunc(o, n, func(a, b formula.Indicator) bool { return a.Quantity == b.Quantity && a.Weight.Equal(b.Weight) }) {
			es = append(es, edit{"factor." + old.Factors[i].ID + ".indicator", func(d *formula.Plan) { d.Factors[i].Indicators = n }})
		}
	}
	return es
}

// ratingTableEdits diffs [performance] and [project_performance]: the
// mode and each coefficient, or the whole table when one plan lacks it.
func ratingTableEdits(old, nw *formula.Plan) []edit {
	var es []edit
	switch o, n := old.Performance, nw.Performance; {
	case (o == nil) != (n == nil):
		es = append(es, edit{"performance", func(d *formula.Plan) { d.Performance = n }})
	case o != nil:
		if o.Mode != n.Mode {
			es = append(es, edit{"performance.mode", func(d *formula.Plan) { d.Performance.Mode = n.Mode }})
		}
		es = append(es, mapEdits("performance.coefficients.", o.Coefficients, n.Coefficients, nil, decimal.Decimal.Equal,
			asMap(func(d *formula.Plan) map[string]decimal.Decimal { return d.Performance.Coefficients }))...)
	}
	switch o, n := old.ProjectPerformance, nw.ProjectPerformance; {
	case (o == nil) != (n == nil):
		es = append(es, edit{"project_performance", func(d *formula.Plan) { d.ProjectPerformance = n }})
	case o != nil:
		es = append(es, mapEdits("project_performance.coefficients.", o.Coefficients, n.Coefficients, nil, decimal.Decimal.Equal,
			asMap(func(d *formula.Plan) map[string]decimal.Decimal { return d.ProjectPerformance.Coefficients }))...)
	}
	return es
}

// mapEdits diffs a map key by key: a key set in the new map is set, a key
// only in the old one deleted; keys in skip are left out. m reaches the
// map in the copy.
// valuesOf lets mapEdits change a sub-district's values as a map: the
// edit sets or deletes one name of them.
func valuesOf(at func(*formula.Plan) *formula.Values) func(*formula.Plan) mapLike[decimal.Decimal] {
	return func(d *formula.Plan) mapLike[decimal.Decimal] { return at(d) }
}

// mapLike is what an edit changes: a map, or values.
type mapLike[V any] interface {
	Set(k string, v V)
	Delete(k string)
}

// goMap is a map as a mapLike.
type goMap[V any] map[string]V

func (m goMap[V]) Set(k string, v V) { m[k] = v }
func (m goMap[V]) Delete(k string)   { delete(m, k) }

// asMap lets mapEdits change a map of the plan.
func asMap[V any](at func(*formula.Plan) map[string]V) func(*formula.Plan) mapLike[V] {
	return func(d *formula.Plan) mapLike[V] { return goMap[V](at(d)) }
}

func mapEdits[V any](prefix string, old, nw map[string]V, skip map[string]bool, equal func(a, b V) bool, m func(*formula.Plan) mapLike[V]) []edit {
	keys := slices.Sorted(maps.Keys(old))
	for k := range nw {
		if _, ok := old[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var es []edit
	for _, k := range keys {
		if skip[k] {
			continue
		}
		o, ok1 := old[k]
		n, ok2 := nw[k]
		if ok1 && ok2 && equal(o, n) {
			continue
		}
		es = append(es, edit{prefix + k, func(d *formula.Plan) {
			if ok2 {
				m(d).Set(k, n)
			} else {
				m(d).Delete(k)
			}
		}})
	}
	return es
}

// subdistrictEdits diffs the sub-district at index i of the old plan
// with the new plan's sub-district of the same id, leaving out lone keys.
func subdistrictEdits(old, nw *formula.Plan, i int, lone loneKeys) []edit {
	o, n := &old.Subdistricts[i], twin(nw, old.Subdistricts[i].ID)
	at := func(d *formula.Plan) *formula.Subdistrict { return &d.Subdistricts[i] }
	p := "subdistrict." + o.ID + "."
	var es []edit
	if o.Rating != n.Rating {
		es = append(es, edit{p + "performance", func(d *formula.Plan) { at(d).Rating = n.Rating }})
	}
	if !equalOpt(o.Adjustment, n.Adjustment) {
		es = append(es, edit{p + "adjustment", func(d *formula.Plan) { at(d).Adjustment = n.Adjustment }})
	}
	eq := decimal.Decimal.Equal
	es = append(es, mapEdits(p+"staff.", o.Staff.Map(), n.Staff.Map(), lone["staff"], eq, valuesOf(func(d *formula.Plan) *formula.Values { return &at(d).Staff }))...)
	es = append(es, mapEdits(p+"payroll.", o.Payroll.Map(), n.Payroll.Map(), lone["payroll"], eq, valuesOf(func(d *formula.Plan) *formula.Values { return &at(d).Payroll }))...)
	es = append(es, mapEdits(p+"quantities.", o.Quantities.Map(), n.Quantities.Map(), lone["quantities"], eq, valuesOf(func(d *formula.Plan) *formula.Values { return &at(d).Quantities }))...)
	es = append(es, mapEdits(p+"project_ratings.", o.ProjectRatings, n.ProjectRatings, lone["project_ratings"], func(a, b string) bool { return a == b },
		asMap(func(d *formula.Plan) map[string]string { return at(d).ProjectRatings }))...)
	es = append(es, mapEdits(p+"execution.", o.Execution, n.Execution, nil, eq, asMap(func(d *formula.Plan) map[string]decimal.Decimal { return at(d).Execution }))...)
	return es
}

// twin is the sub-district of a plan with the id (sameSubdistricts has
// checked there is one).
func twin(p *formula.Plan, id string) *formula.Subdistrict {
	return &p.Subdistricts[slices.IndexFunc(p.Subdistricts, func(s formula.Subdistrict) bool { return s.ID == id })]
}

func equalOpt(a, b *decimal.Decimal) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// tableEdits diffs an optional table field by field, or as a whole when
// one plan lacks it. get reaches the table in a plan; the copy's table is
// copied before its first field is set.
func tableEdits[T any](table string, old, nw *formula.Plan, get func(*formula.Plan) **T, fields []field[T]) []edit {
	o, n := *get(old), *get(nw)
	if (o == nil) != (n == nil) {
		return []edit{{table, func(d *formula.Plan) { *get(d) = n }}}
	}
	if o == nil {
		return nil
	}
	var es []edit
	for _, f := range fields {
		if !f.equal(o, n) {
			es = append(es, edit{table + "." + f.name, func(d *formula.Plan) {
				c := **get(d) // copy: the copy of the plan shares the table with the old plan
				f.set(&c, n)
				*get(d) = &c
			}})
		}
	}
	return es
}

func optField[T any](name string, get func(*T) **decimal.Decimal) field[T] {
	return field[T]{name, func(a, b *T) bool { return equalOpt(*get(a), *get(b)) }, func(d, s *T) { *get(d) = *get(s) }}
}

func incentiveEdits(old, nw *formula.Plan) []edit {
	type in = formula.Incentive
	return tableEdits("incentive", old, nw, func(p *formula.Plan) **in { return &p.Incentive }, []field[in]{
		decField("rate", func(x *in) *decimal.Decimal { return &x.Rate }),
		{"current", func(a, b *in) bool { return a.Current == b.Current }, func(d, s *in) { d.Current = s.Current }},
		{"previous", func(a, b *in) bool { return a.Previous == b.Previous }, func(d, s *in) { d.Previous = s.Previous }},
		optField("budget", func(x *in) **decimal.Decimal { return &x.Budget }),
	})
}

func dampingEdits(old, nw *formula.Plan) []edit {
	type dm = formula.Damping
	return tableEdits("damping", old, nw, func(p *formula.Plan) **dm { return &p.Damping }, []field[dm]{
		{"baseline", func(a, b *dm) bool { return a.Baseline == b.Baseline }, func(d, s *dm) { d.Baseline = s.Baseline }},
		optField("floor", func(x *dm) **decimal.Decimal { return &x.Floor }),
		optField("ceiling", func(x *dm) **decimal.Decimal { return &x.Ceiling }),
		namesField("exclude", func(x *dm) *[]string { return &x.Exclude }),
		{"floor_keeps_rating", func(a, b *dm) bool { return a.FloorKeepsRating == b.FloorKeepsRating },
			func(d, s *dm) { d.FloorKeepsRating = s.FloorKeepsRating }},
	})
}
