package attribution

import (
	"github.com/caili/caili/formula"
)

// loneKeys are, per kind of sub-district map ("staff", "payroll",
// "quantities", "project_ratings"), the keys that one plan has in some
// sub-district and the other plan in none: a quantity collected only
// this year for a new project, say, or one no longer collected.
//
// Such a key means nothing to the plan without it: the old plan's
// standards cannot use a quantity only the new plan has. Set in the old
// plan, it changes no amount; kept in the new plan, neither. Treated as
// differences of data, they would make the new project's coalitions
// without them invalid plans, and the attribution undefined; so Plans
// first tries leaving them out of the differences: the new plan's lone
// keys are set in every coalition, the old plan's kept in every
// coalition, and the new project's cost counts with the standards that
// brought it. If that changes a side (a plan rejects a key it does not
// use), Plans attributes them as differences after all.
type loneKeys map[string]map[string]bool

// findLoneKeys finds the lone keys of two plans; nil when there are none.
func findLoneKeys(old, nw *formula.Plan) loneKeys {
	o, n := mapKeys(old), mapKeys(nw)
	var lone loneKeys
	for kind := range n {
		for k := range n[kind] {
			if !o[kind][k] {
				lone = lone.add(kind, k)
			}
		}
	}
	for kind := range o {
		for k := range o[kind] {
			if !n[kind][k] {
				lone = lone.add(kind, k)
			}
		}
	}
	return lone
}

func (l loneKeys) add(kind, key string) loneKeys {
	if l == nil {
		l = loneKeys{}
	}
	if l[kind] == nil {
		l[kind] = map[string]bool{}
	}
	l[kind][key] = true
	return l
}

// mapKeys are the keys of each kind of map over a plan's sub-districts.
func mapKeys(p *formula.Plan) map[string]map[string]bool {
	out := map[string]map[string]bool{"staff": {}, "payroll": {}, "quantities": {}, "project_ratings": {}}
	for _, s := range p.Subdistricts {
		for k := range s.Staff.All() {
			out["staff"][k] = true
		}
		for k := range s.Payroll.All() {
			out["payroll"][k] = true
		}
		for k := range s.Quantities.All() {
			out["quantities"][k] = true
		}
		for k := range s.ProjectRatings {
			out["project_ratings"][k] = true
		}
	}
	return out
}

// loneEdits set, in sub-district i of a copy of the old plan, the new
// plan's values of the lone keys only the new plan has.
func loneEdits(old, nw *formula.Plan, i int, lone loneKeys) []edit {
	if lone == nil {
		return nil
	}
	o, n := &old.Subdistricts[i], twin(nw, old.Subdistricts[i].ID)
	at := func(d *formula.Plan) *formula.Subdistrict { return &d.Subdistricts[i] }
	var es []edit
	p := "subdistrict." + o.ID + "."
	for k, v := range n.Staff.All() {
		if lone["staff"][k] {
			es = append(es, edit{p + "staff." + k, func(d *formula.Plan) { at(d).Staff.Set(k, v) }})
		}
	}
	for k, v := range n.Payroll.All() {
		if lone["payroll"][k] {
			es = append(es, edit{p + "payroll." + k, func(d *formula.Plan) { at(d).Payroll.Set(k, v) }})
		}
	}
	for k, v := range n.Quantities.All() {
		if lone["quantities"][k] {
			es = append(es, edit{p + "quantities." + k, func(d *formula.Plan) { at(d).Quantities.Set(k, v) }})
		}
	}
	for k, v := range n.ProjectRatings {
		if lone["project_ratings"][k] {
			es = append(es, edit{p + "project_ratings." + k, func(d *formula.Plan) { at(d).ProjectRatings[k] = v }})
		}
	}
	return es
}
