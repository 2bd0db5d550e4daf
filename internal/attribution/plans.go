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
// evaluated without lines. Both plans must have the same sub-districts.
//
// The attribution checks that the plan of all the differences gives the
// new plan's amounts, sub-district by sub-district: a difference this
// package failed to see would be an error, not a wrong answer.
func Plans(old, nw *formula.Plan, by By) (*Attribution, error) {
	es, err := diffPlans(old, nw)
	if err != nil {
		return nil, err
	}
	players := make([]Player, len(es))
	members := make([][]int, len(es))
	for i, e := range es {
		key, label := Bundle(e.path)
		players[i] = Player{Name: key, Label: label, Group: GroupOf(e.path), Paths: []string{e.path}}
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
		for i := range players {
			if c.Has(i) {
				for _, k := range members[i] {
					es[k].apply(p)
				}
			}
		}
		m, err := formula.Compile(p)
		if err != nil {
			return nil, err
		}
		return m.EvaluateTotals()
	}
	a, err := Attribute(players, grouped, eval)
	if err != nil {
		return nil, err
	}
	return a, checkNew(a, nw)
}

// checkNew compares the attribution's new side with the new plan's own
// result.
func checkNew(a *Attribution, nw *formula.Plan) error {
	m, err := formula.Compile(nw)
	if err != nil {
		return fmt.Errorf("new plan: %w", err)
	}
	res, err := m.EvaluateTotals()
	if err != nil {
		return fmt.Errorf("new plan: %w", err)
	}
	for i := range a.Rows {
		r := &a.Rows[i]
		s, _ := res.Find(r.ID)
		if got := columns(s); !slices.EqualFunc(got[:], r.New[:], decimal.Decimal.Equal) {
			return fmt.Errorf("attribution: the old plan with every difference made gives %s %s, the new plan %s", r.ID, r.New[ColTotal], s.Total)
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
		s.Staff, s.Payroll, s.Quantities = cloneMap(s.Staff), cloneMap(s.Payroll), cloneMap(s.Quantities)
		s.ProjectRatings = cloneMap(s.ProjectRatings)
	}
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
