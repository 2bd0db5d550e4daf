package attribution

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards"
)

func samplePlan(t testing.TB) *formula.Plan {
	t.Helper()
	_, p := testplan.Sample(t)
	return p
}

func planFile(t testing.TB, path string) *formula.Plan {
	t.Helper()
	doc, err := standards.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPlansLastYear attributes the sample plan against its illustrative
// last year (testdata/lastyear), one by one and by group: both sides are
// the plans' own results and the parts sum to the change.
func TestPlansLastYear(t *testing.T) {
	old, nw := planFile(t, "../../testdata/lastyear/plan.toml"), samplePlan(t)
	evalOf := func(p *formula.Plan) *formula.Result {
		m, err := formula.Compile(p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.EvaluateTotals()
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	or, nr := evalOf(old), evalOf(nw)
	for _, by := range []By{ByPlayer, ByGroup} {
		a, err := Plans(old, nw, by, standards.PathLabel)
		if by == ByPlayer && errors.Is(err, ErrTooManyPlayers) {
			// the sample adopted rules §6 (its baseline restated, greening
			// district-managed, a block amount, a transfer …): more
			// differences than can be attributed one by one
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Check(); err != nil {
			t.Fatal(err)
		}
		if a.Grouped != (by == ByGroup) || len(a.Players) == 0 {
			t.Fatalf("by %v: grouped %v, %d players", by, a.Grouped, len(a.Players))
		}
		for i, r := range a.Rows {
			if !r.Base[ColTotal].Equal(or.Subdistricts[i].Total) || !r.New[ColTotal].Equal(nr.Subdistricts[i].Total) {
				t.Fatalf("%s: %s → %s, plans give %s → %s", r.ID, r.Base[ColTotal], r.New[ColTotal], or.Subdistricts[i].Total, nr.Subdistricts[i].Total)
			}
		}
	}
	// The old plan against itself: no players, no change.
	a, err := Plans(old, old, ByAuto, standards.PathLabel)
	if err != nil || len(a.Players) != 0 || a.Evaluations != 1 {
		t.Fatalf("a plan against itself: %v, %d players", err, len(a.Players))
	}
}

// TestPlansStructuralDifferences: lists of standards whose ids differ are
// one difference each; the old plan is never written to.
func TestPlansStructuralDifferences(t *testing.T) {
	old := samplePlan(t)
	nw := clonePlan(old)
	nw.Projects = nw.Projects[:len(nw.Projects)-1] // a project dropped
	nw.Subdistricts[0].Quantities.Set("resident_population", nw.Subdistricts[0].Quantities.Value("resident_population").Add(old.Capacity.Div(old.Capacity)))
	before := clonePlan(old)
	a, err := Plans(old, nw, ByPlayer, standards.PathLabel)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range a.Players {
		names = append(names, p.Name)
	}
	if len(names) != 2 || names[0] != "project" {
		t.Fatalf("players %v", names)
	}
	if len(old.Projects) != len(before.Projects) || !old.Subdistricts[0].Quantities.Value("resident_population").Equal(before.Subdistricts[0].Quantities.Value("resident_population")) {
		t.Fatal("the old plan was changed")
	}
}

// TestPlansDifferentSubdistricts refuses plans of other sub-districts.
func TestPlansDifferentSubdistricts(t *testing.T) {
	op := samplePlan(t)
	np := clonePlan(op)
	np.Subdistricts = np.Subdistricts[1:]
	if _, err := Plans(op, np, ByAuto, standards.PathLabel); err == nil {
		t.Fatal("no error")
	}
}

// BenchmarkLastYearByGroup attributes the sample plan against its last
// year by group: 16 plans built from the differences and evaluated.
func BenchmarkLastYearByGroup(b *testing.B) {
	old, nw := planFile(b, "../../testdata/lastyear/plan.toml"), samplePlan(b)
	for b.Loop() {
		if _, err := Plans(old, nw, ByGroup, standards.PathLabel); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPlansLoneKeys: a new project whose basis is a quantity collected
// only this year. As a difference of data, the coalition of the new
// standards without it is no valid plan; left out of the differences
// (loneKeys), the project's cost counts with the standards.
func TestPlansLoneKeys(t *testing.T) {
	old := samplePlan(t)
	nw := clonePlan(old)
	nw.Projects = append(nw.Projects, formula.Project{ID: "bike_parking", Name: "非机动车停放管理", UnitCost: decimal.NewFromInt(40),
		Basis: []string{"bike_racks"}, Tier: formula.TierB})
	for i := range nw.Subdistricts {
		nw.Subdistricts[i].Quantities.Set("bike_racks", decimal.NewFromInt(int64(1000+100*i)))
	}
	oldRes, err := evaluatePlan(old)
	if err != nil {
		t.Fatal(err)
	}
	newRes, err := evaluatePlan(nw)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plans(old, nw, ByGroup, standards.PathLabel, nil, oldRes, newRes); err == nil {
		t.Fatal("the new quantity as data: no error, want the standards' coalition refused")
	}
	a, err := Plans(old, nw, ByAuto, standards.PathLabel)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Players) != 1 || a.Players[0].Name != "project" {
		t.Fatalf("players %+v, want the project list alone", a.Players)
	}
	if err := a.Check(); err != nil {
		t.Fatal(err)
	}
}
