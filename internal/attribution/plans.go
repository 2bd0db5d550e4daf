package attribution

import (
	"fmt"
	"maps"
	"slices"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

// Plans attributes the change from the plan old (such as last year's) to
// the plan nw (this year's) in every sub-district's allocation. The
// players are the differences between the two plans (see diffPlans),
// bundled as overrides are (factor weights together), or their groups. A
// coalition's plan is a copy of old with the coalition's differences set
// to nw's values, compiled (formula.Compile validates it in full) and
// evaluated without lines; label names the differences
// (standards.PathLabel). Both plans must have the same sub-districts.
// Keys of sub-district maps that only one plan has at all are first left
// out of the differences (see loneKeys).
//
// The attribution checks that its sides are the two plans' own amounts,
// sub-district by sub-district: a difference this package failed to see
// would be an error, not a wrong answer.
func Plans(old, nw *formula.Plan, by By, label Labeller) (*Attribution, error) {
	oldRes, err := evaluatePlan(old)
	if err != nil {
		return nil, fmt.Errorf("old plan: %w", err)
	}
	newRes, err := evaluatePlan(nw)
	if err != nil {
		return nil, fmt.Errorf("new plan: %w", err)
	}
	if lone := findLoneKeys(old, nw); lone != nil {
		if a, err := plans(old, nw, by, label, lone, oldRes, newRes); err == nil {
			return a, nil
		}
	}
	return plans(old, nw, by, label, nil, oldRes, newRes)
}

// plans is Plans with the given lone keys left out of the differences.
func plans(old, nw *formula.Plan, by By, label Labeller, lone loneKeys, oldRes, newRes *formula.Result) (*Attribution, error) {
	es, common, err := diffPlans(old, nw, lone)
	if err != nil {
		return nil, err
	}
	players := make([]Player, len(es))
	members := make([][]int, len(es))
	for i, e := range es {
		key, name := Bundle(e.path, old, label)
		players[i] = Player{Name: key, Label: name, Group: GroupOf(e.path), Paths: []string{e.path}}
		members[i] = []int{i}
	}
	grouped, err := Choose(by, len(players), len(old.Subdistricts), "differences")
	if err != nil {
		return nil, err
	}
	if grouped {
		players, members = GroupPlayers(players, members)
	}
	eval := func(c Coalition) (*formula.Result, error) {
		p := clonePlan(old)
		for _, e := range common {
			e.apply(p)
		}
		for i := range players {
			if c.Has(i) {
				for _, k := range members[i] {
					es[k].apply(p)
				}
			}
		}
		return evaluatePlan(p)
	}
	a, err := Attribute(players, grouped, eval)
	if err != nil {
		return nil, err
	}
	return a, checkSides(a, oldRes, newRes)
}

func evaluatePlan(p *formula.Plan) (*formula.Result, error) {
	m, err := formula.Compile(p)
	if err != nil {
		return nil, err
	}
	return m.EvaluateTotals()
}

// checkSides compares the attribution's sides with the plans' own
// results.
func checkSides(a *Attribution, oldRes, newRes *formula.Result) error {
	for i := range a.Rows {
		r := &a.Rows[i]
		o, _ := oldRes.Find(r.ID)
		n, _ := newRes.Find(r.ID)
		if o == nil || n == nil {
			return fmt.Errorf("attribution: no sub-district %s in a plan's result", r.ID)
		}
		if got := columns(o); !slices.EqualFunc(got[:], r.Base[:], decimal.Decimal.Equal) {
			return fmt.Errorf("attribution: the old plan rebuilt gives %s %s, the old plan %s", r.ID, r.Base[ColTotal], o.Total)
		}
		if got := columns(n); !slices.EqualFunc(got[:], r.New[:], decimal.Decimal.Equal) {
			return fmt.Errorf("attribution: the old plan with every difference made gives %s %s, the new plan %s", r.ID, r.New[ColTotal], n.Total)
		}
	}
	return nil
}

// clonePlan copies a plan deeply enough that edits to the copy (diffPlans)
// never touch the original: every list, table and map an edit may write.
func clonePlan(p *formula.Plan) *formula.Plan {
	c := *p
	c.Staff = slices.Clone(p.Staff)
	c.Quotas = slices.Clone(p.Quotas)
	c.Projects = slices.Clone(p.Projects)
	c.Factors = slices.Clone(p.Factors)
	c.TierCaps = cloneMap(p.TierCaps)
	if p.Performance != nil {
		perf := *p.Performance
		perf.Coefficients = cloneMap(perf.Coefficients)
		c.Performance = &perf
	}
	if p.ProjectPerformance != nil {
		pp := *p.ProjectPerformance
		pp.Coefficients = cloneMap(pp.Coefficients)
		c.ProjectPerformance = &pp
	}
	c.Subdistricts = slices.Clone(p.Subdistricts)
	for i := range c.Subdistricts {
		s := &c.Subdistricts[i]
		s.Staff, s.Payroll, s.Quantities = s.Staff.Clone(), s.Payroll.Clone(), s.Quantities.Clone()
		s.ProjectRatings, s.Execution = cloneMap(s.ProjectRatings), cloneMap(s.Execution)
	}
	c.Transfers = slices.Clone(p.Transfers)
	return &c
}

// cloneMap copies a map; a nil map becomes an empty one, so that an edit
// can add keys.
func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	return maps.Clone(m)
}
