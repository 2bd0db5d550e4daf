package dashboard

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// Form is the what-if form of the plan page (id="whatif", method GET,
// action /plans/{plan}), pre-filled from the page's query. Empty fields
// are not overrides.
type Form struct {
	Action    string
	Capacity  Field   // set.plan.capacity
	Weights   []Field // set.factor.<id>.weight, one per factor
	WeightSum string  // the base weights, such as "0.4 + 0.2 + 0.4 = 1"
	// Rules are the allocation rules a planner switches (overflow of
	// capped tiers, floors that keep the rating, what damping leaves
	// out), for a plan that uses any of them; nil otherwise (the free rows
	// still take their paths).
	Rules     []Field
	Rows      []Override        // the free "path = value" rows (ParamPath, ParamValue), at least FreeRows
	Scenario  string            // the scenario chosen; "" for none
	Scenarios []string          // the names offered
	Titles    map[string]string // their [scenario] names, shown for them
	Hints     []PathHint        // suggested paths for the free rows (a datalist)
	Reset     string            // the page without a what-if
}

// Field is one input of the form.
type Field struct {
	Name        string // the input's name, such as "set.plan.capacity"
	Label       string
	Value       string // the override, if any
	Placeholder string // the base plan's value
	// Options are the values suggested for the input (a datalist), for a
	// field of a few values such as a rule; none for a number.
	Options []Option
}

// Option is one suggested value of a field.
type Option struct{ Value, Label string }

// PathHint is a path the free rows can set, with what it is now.
type PathHint struct {
	Path  string
	Label string
}

// FreeRows is the least number of free "path = value" rows in the form.
const FreeRows = 3

// maxHints bounds the suggestions, so a plan of thousands of
// sub-districts does not send a huge page.
const maxHints = 400

// newForm builds the form from the base plan and the query.
func newForm(in PlanInput) Form {
	p, w := in.Base.Plan, in.WhatIf
	f := Form{Action: PlanPath(in.PlanID), Scenario: w.Scenario, Reset: PlanPath(in.PlanID)}
	taken := map[string]bool{pathCapacity: true}
	val := func(path string) string { v, _ := w.Value(path); return v }
	f.Capacity = Field{Name: ParamCapacity, Label: fieldLabel(pathCapacity, p), Value: val(pathCapacity), Placeholder: in.Base.Capacity.String()}
	for i, fc := range p.Factors {
		path := "factor." + fc.ID + ".weight"
		taken[path] = true
		f.Weights = append(f.Weights, Field{Name: ParamSetPrefix + path, Label: fieldLabel(path, p),
			Value: val(path), Placeholder: fc.Weight.String()})
		if i > 0 {
			f.WeightSum += " + "
		}
		f.WeightSum += fc.Weight.String()
	}
	f.WeightSum += " = 1"
	f.Rules = ruleFields(p, val)
	for _, r := range f.Rules {
		taken[strings.TrimPrefix(r.Name, ParamSetPrefix)] = true
	}
	for _, o := range w.Sets {
		if !taken[o.Path] {
			f.Rows = append(f.Rows, o)
		}
	}
	n := FreeRows
	if len(f.Rows) >= FreeRows {
		n = len(f.Rows) + 1
	}
	for len(f.Rows) < n {
		f.Rows = append(f.Rows, Override{})
	}
	f.Scenarios, f.Titles = slices.Clone(in.Scenarios), in.ScenarioTitles
	sort.Strings(f.Scenarios)
	if w.Scenario != "" && !slices.Contains(f.Scenarios, w.Scenario) {
		f.Scenarios = append(f.Scenarios, w.Scenario)
	}
	f.Hints = hints(p)
	return f
}

// usesRules reports whether a plan uses any of the rules added to [tiers],
// [damping] and project ratings (rules §2).
func usesRules(p *formula.Plan) bool {
	d := p.Damping
	return p.TierOverflow != formula.OverflowCut || p.ProjectPerformance != nil ||
		d != nil && (len(d.Exclude) > 0 || d.FloorKeepsRating)
}

// ruleFields are the form's rule switches, for a plan that uses any of
// the rules: what capped tiers do with what they refuse, and, with
// [damping], whether floors keep the rating and what the measure leaves
// out. val gives a path's override, if any.
func ruleFields(p *formula.Plan, val func(string) string) []Field {
	if !usesRules(p) {
		return nil
	}
	out := []Field{{Name: ParamSetPrefix + "tiers.overflow", Label: fieldLabel("tiers.overflow", p),
		Value: val("tiers.overflow"), Placeholder: p.TierOverflow.String(),
		Options: []Option{{"demote", msg.DashDemote.In(msg.Zh)}, {"cut", msg.DashCut.In(msg.Zh)}}}}
	d := p.Damping
	if d == nil {
		return out
	}
	exclude := "[]"
	if len(d.Exclude) > 0 {
		exclude = strings.Join(d.Exclude, ",")
	}
	return append(out,
		Field{Name: ParamSetPrefix + "damping.floor_keeps_rating", Label: fieldLabel("damping.floor_keeps_rating", p),
			Value: val("damping.floor_keeps_rating"), Placeholder: strconv.FormatBool(d.FloorKeepsRating),
			Options: []Option{{"true", msg.DashKeepsRating.In(msg.Zh)}, {"false", msg.DashFloorsFull.In(msg.Zh)}}},
		Field{Name: ParamSetPrefix + "damping.exclude", Label: fieldLabel("damping.exclude", p),
			Value: val("damping.exclude"), Placeholder: exclude,
			Options: []Option{{"personnel,public", msg.DashExcludeBoth.In(msg.Zh)}, {"personnel", msg.DashExcludePers.In(msg.Zh)}, {"[]", msg.DashExcludeNone.In(msg.Zh)}}})
}

// hints suggests the paths of every standard, then of each sub-district's
// quantities and staff, with their values in the base plan, each named as
// the path table names it (standards.PathLabel) with its unit.
func hints(p *formula.Plan) []PathHint {
	var out []PathHint
	hint := func(path, value string) {
		if len(out) < maxHints {
			out = append(out, PathHint{Path: path, Label: standards.PathLabel(path, p) + unitText(path, p) + " = " + value})
		}
	}
	add := func(path string, d decimal.Decimal) { hint(path, d.String()) }
	add("plan.reserve_rate", p.ReserveRate)
	for _, s := range p.Staff {
		add("staff."+s.ID+".annual_pay", s.AnnualPay)
		add("staff."+s.ID+".oncost_rate", s.OncostRate)
	}
	for _, q := range p.Quotas {
		add("quota."+q.ID+".rate", q.Rate)
	}
	for _, pr := range p.Projects {
		add("project."+pr.ID+".unit_cost", pr.UnitCost)
	}
	if pp := p.ProjectPerformance; pp != nil {
		for _, r := range sortedKeys(pp.Coefficients) {
			add("project_performance.coefficients."+r, pp.Coefficients[r])
		}
	}
	for _, t := range []formula.Tier{formula.TierA, formula.TierB, formula.TierC, formula.TierD} {
		if c, ok := p.TierCaps[t]; ok {
			add("tiers."+t.String()+".max_share", c)
		}
	}
	for _, fc := range p.Factors {
		for _, ind := range fc.Indicators {
			add("factor."+fc.ID+".indicator."+ind.Quantity+".weight", ind.Weight)
		}
	}
	if pf := p.Performance; pf != nil {
		for _, r := range sortedKeys(pf.Coefficients) {
			add("performance.coefficients."+r, pf.Coefficients[r])
		}
	}
	if ic := p.Incentive; ic != nil {
		add("incentive.rate", ic.Rate)
		if ic.Budget != nil {
			add("incentive.budget", *ic.Budget)
		}
	}
	if d := p.Damping; d != nil {
		if d.Floor != nil {
			add("damping.floor", *d.Floor)
		}
		if d.Ceiling != nil {
			add("damping.ceiling", *d.Ceiling)
		}
	}
	for _, s := range p.Subdistricts {
		for _, q := range s.Quantities.Names() {
			add("subdistrict."+s.ID+".quantities."+q, s.Quantities.Value(q))
		}
		for _, st := range p.Staff {
			add("subdistrict."+s.ID+".staff."+st.ID, s.Staff.Value(st.ID))
		}
		for _, id := range sortedKeys(s.ProjectRatings) {
			hint("subdistrict."+s.ID+".project_ratings."+id, s.ProjectRatings[id])
		}
	}
	return out
}

// fieldLabel is the label of a form field: the path's label in the plan's
// words (standards.PathLabel), the path and its unit, such as
// `可用财力 plan.capacity (元)`.
func fieldLabel(path string, p *formula.Plan) string {
	return standards.PathLabel(path, p) + " " + path + unitText(path, p)
}

// unitText is a path's unit in parentheses, ` (元)`, or "" when it has
// none.
func unitText(path string, p *formula.Plan) string {
	info, _ := standards.Describe(path)
	if u := info.UnitIn(msg.Zh, p); u != "" {
		return " (" + u + ")"
	}
	return ""
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// quantityLabel is a quantity's label with its unit, `病媒防制面积 (平方米)`,
// or "" when it has none.
func quantityLabel(p *formula.Plan, q string) string {
	name := p.QuantityName(q)
	if name == q {
		return ""
	}
	if u := p.QuantityUnit(q); u != "" {
		name += " (" + u + ")"
	}
	return name
}
