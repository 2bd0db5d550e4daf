package formula

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// randomPlan builds a valid plan from a seed: a few sub-districts, staff
// categories, quotas, projects in random tiers, factors whose weights sum
// to 1, and optional performance, incentive and damping.
func randomPlan(seed uint64) *Plan {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	d := func(lo, hi int64) decimal.Decimal { return decimal.NewFromInt(lo + r.Int64N(hi-lo+1)) }
	frac := func(places int32) decimal.Decimal { return decimal.New(r.Int64N(pow10(places)), -places) }
	units := []string{"0.01", "0.1", "1", "10", "100", "1000", "10000"}
	p := &Plan{
		Name: fmt.Sprintf("random %d", seed), FiscalYear: 2025,
		RoundingUnit: decimal.RequireFromString(units[r.IntN(len(units))]),
		ReserveRate:  decimal.New(r.Int64N(10), -2),
	}
	nSub := 1 + r.IntN(7)
	quantities := []string{"q0", "q1", "q2", "q3"}
	for k := range 1 + r.IntN(3) {
		p.Staff = append(p.Staff, Staff{ID: fmt.Sprintf("s%d", k), Name: "人员", AnnualPay: d(50000, 200000), OncostRate: frac(3)})
	}
	basis := func() []string {
		b := []string{quantities[r.IntN(len(quantities))]}
		if r.IntN(3) == 0 {
			b = append(b, "staff.s0")
		}
		return b
	}
	for k := range r.IntN(3) {
		p.Quotas = append(p.Quotas, Quota{ID: fmt.Sprintf("u%d", k), Name: "定额", Rate: d(0, 5000).Add(frac(2)), Basis: basis()})
	}
	for k := range r.IntN(6) {
		p.Projects = append(p.Projects, Project{ID: fmt.Sprintf("p%d", k), Name: "项目", UnitCost: d(0, 50).Add(frac(1)),
			Basis: basis(), Tier: Tier(r.IntN(5))})
	}
	if r.IntN(2) == 0 {
		p.TierCaps = map[Tier]decimal.Decimal{}
		for _, t := range []Tier{TierA, TierB, TierC, TierD} {
			if r.IntN(2) == 0 {
				p.TierCaps[t] = decimal.New(1+r.Int64N(100), -2)
			}
		}
	}
	// Factor weights that sum to exactly 1.
	nf := 1 + r.IntN(3)
	left := int64(100)
	for k := range nf {
		w := left
		if k < nf-1 {
			w = r.Int64N(left + 1)
		}
		left -= w
		f := Factor{ID: fmt.Sprintf("f%d", k), Name: "因素", Weight: decimal.New(w, -2)}
		// Indicators on distinct quantities, weights summing to 1.
		perm := r.Perm(len(quantities))[:1+r.IntN(2)]
		ileft := int64(1000)
		for j, qi := range perm {
			iw := ileft
			if j < len(perm)-1 {
				iw = r.Int64N(ileft + 1)
			}
			ileft -= iw
			f.Indicators = append(f.Indicators, Indicator{Quantity: quantities[qi], Weight: decimal.New(iw, -3)})
		}
		p.Factors = append(p.Factors, f)
	}
	if r.IntN(2) == 0 {
		perf := &Performance{Mode: PerformanceMode(r.IntN(2)), Coefficients: map[string]decimal.Decimal{
			"优": decimal.RequireFromString("1.05"), "良": decimal.NewFromInt(1), "中": decimal.RequireFromString("0.9"), "差": decimal.Zero}}
		if perf.Mode == Reserve {
			perf.Coefficients["优"] = decimal.NewFromInt(1)
		}
		p.Performance = perf
	}
	ratings := []string{"优", "良", "中", "差"}
	if r.IntN(2) == 0 {
		inc := &Incentive{Rate: frac(2), Current: "tax", Previous: "tax_prev"}
		if r.IntN(2) == 0 {
			b := d(0, 100000)
			inc.Budget = &b
		}
		p.Incentive = inc
	}
	if r.IntN(2) == 0 {
		dm := &Damping{Baseline: "last"}
		if r.IntN(3) > 0 {
			f := decimal.New(50+r.Int64N(50), -2)
			dm.Floor = &f
		}
		if dm.Floor == nil || r.IntN(2) == 0 {
			c := decimal.New(100+r.Int64N(60), -2)
			dm.Ceiling = &c
		}
		p.Damping = dm
	}
	cost := decimal.Zero
	for i := range nSub {
		s := Subdistrict{ID: fmt.Sprintf("d%d", i), Name: "街道", Rating: ratings[r.IntN(4)],
			Staff: ValuesOf(map[string]decimal.Decimal{}), Quantities: ValuesOf(map[string]decimal.Decimal{})}
		for _, st := range p.Staff {
			h := d(0, 60)
			s.Staff.Set(st.ID, h)
			cost = cost.Add(h.Mul(st.AnnualPay).Mul(decimal.NewFromInt(2)))
		}
		if r.IntN(4) == 0 {
			s.Payroll = ValuesOf(map[string]decimal.Decimal{"s0": d(0, 5000000)})
			cost = cost.Add(s.Payroll.Value("s0").Mul(decimal.NewFromInt(2)))
		}
		if r.IntN(3) == 0 {
			a := decimal.New(80+r.Int64N(50), -2)
			s.Adjustment = &a
		}
		for _, q := range quantities {
			s.Quantities.Set(q, d(1, 100000).Add(frac(1)))
		}
		s.Quantities.Set("tax", d(0, 10000000))
		s.Quantities.Set("tax_prev", d(0, 10000000))
		s.Quantities.Set("last", d(1000000, 30000000))
		p.Subdistricts = append(p.Subdistricts, s)
	}
	for _, q := range p.Quotas {
		for _, s := range p.Subdistricts {
			cost = cost.Add(q.Rate.Mul(decimal.NewFromInt(200000)).Mul(decimal.NewFromInt(int64(len(q.Basis)))))
			_ = s
		}
	}
	extra := d(0, 50000000)
	u, _ := p.unit()
	p.Capacity = u.ceil(cost.Mul(decimal.New(int64(80+r.IntN(100)), -2)).Add(extra))
	return p
}

func pow10(n int32) int64 {
	x := int64(1)
	for range n {
		x *= 10
	}
	return x
}

// TestPropertyIdentity evaluates many random valid plans: each is accepted
// or rejected with a typed error; an accepted one satisfies the accounting
// identity exactly, recomputed here independently of CheckIdentity, and
// the same plan always gives the same result.
func TestPropertyIdentity(t *testing.T) {
	n := 600
	if testing.Short() {
		n = 100
	}
	accepted := 0
	for seed := uint64(1); seed <= uint64(n); seed++ {
		p := randomPlan(seed)
		m, err := Compile(p)
		if err != nil {
			t.Fatalf("seed %d: generated plan invalid: %v", seed, err)
		}
		res, err := m.Evaluate()
		if err != nil {
			var rej *RejectedError
			if !errors.As(err, &rej) || rej.Gap.Sign() <= 0 {
				t.Fatalf("seed %d: want a RejectedError with a positive gap, got %v", seed, err)
			}
			continue
		}
		accepted++
		sum := res.Reserve.Add(res.PerformanceReserve).Add(res.DampingReserve)
		for _, a := range res.Subdistricts {
			parts := a.Personnel.Add(a.Public).Add(a.Projects).Add(a.Incentive).Add(a.Block).Add(a.Damping)
			if !parts.Equal(a.Total) {
				t.Fatalf("seed %d: %s components %s ≠ total %s", seed, a.ID, parts, a.Total)
			}
			for _, l := range a.Lines {
				if !res.Unit.Equal(decimal.Zero) && !l.Amount.Mod(res.Unit).IsZero() {
					t.Fatalf("seed %d: %s line %s/%s amount %s is not a multiple of %s", seed, a.ID, l.Stage, l.Item, l.Amount, res.Unit)
				}
				if l.Formula() == "" {
					t.Fatalf("seed %d: %s line %s/%s has no formula", seed, a.ID, l.Stage, l.Item)
				}
			}
			sum = sum.Add(a.Total)
		}
		if !sum.Equal(p.Capacity) {
			t.Fatalf("seed %d: Σ totals + reserves = %s, capacity %s", seed, sum, p.Capacity)
		}
		checkDamping(t, seed, p, res)
		again, err := m.Evaluate()
		if err != nil || fingerprint(res) != fingerprint(again) {
			t.Fatalf("seed %d: a second evaluation differs (err %v)", seed, err)
		}
	}
	if accepted < n/4 {
		t.Errorf("only %d of %d random plans accepted; the generator should make most feasible", accepted, n)
	}
}

// checkDamping verifies that accepted totals respect the floors, and the
// ceilings wherever the block grant was large enough to cut.
func checkDamping(t *testing.T, seed uint64, p *Plan, res *Result) {
	t.Helper()
	d := p.Damping
	if d == nil {
		return
	}
	u, _ := p.unit()
	for i, a := range res.Subdistricts {
		base := p.Subdistricts[i].Quantities.Value(d.Baseline)
		if d.Floor != nil && a.Total.LessThan(u.ceil(d.Floor.Mul(base))) {
			t.Fatalf("seed %d: %s total %s below floor", seed, a.ID, a.Total)
		}
		if d.Ceiling != nil && a.Total.GreaterThan(u.floor(d.Ceiling.Mul(base))) && !a.Block.Add(a.Damping).IsZero() && a.Damping.Sign() >= 0 {
			t.Fatalf("seed %d: %s total %s above ceiling with block left", seed, a.ID, a.Total)
		}
	}
}

// fingerprint renders every amount and formula of a result.
func fingerprint(r *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s %s %s\n", r.Capacity, r.Reserve, r.PerformanceReserve, r.DampingReserve, r.Pool)
	fmt.Fprintf(&b, "district %s %s %s\n", r.DistrictPool, r.DistrictManaged, r.Transfers)
	for _, t := range r.Tiers {
		fmt.Fprintf(&b, "tier %s %s %s %s\n", t.Tier, t.Demand, t.Budget, t.Demoted)
	}
	for _, a := range r.Subdistricts {
		fmt.Fprintf(&b, "%s %v %s %s %s %s\n", a.ID, a.Components(), a.Managed, a.Transfers, a.Total, a.Score.Formula())
		if a.RatingEffect != nil {
			fmt.Fprintf(&b, "  rating effect %s\n", a.RatingEffect)
		}
		for _, sp := range a.Score.Parts {
			fmt.Fprintf(&b, "  part %s %s\n", sp.Quantity, sp.Part().RatString())
		}
		for _, l := range a.Lines {
			fmt.Fprintf(&b, "  %s %s %s %s\n", l.Stage, l.Item, l.Amount, l.Formula())
		}
	}
	return b.String()
}

// TestFastPathMatchesExact evaluates random plans on the int64 fast path
// and on the exact path and requires identical results, formulas included.
func TestFastPathMatchesExact(t *testing.T) {
	for seed := uint64(1); seed <= 300; seed++ {
		fastMatchesExact(t, seed, randomPlan(seed))
	}
}

// fastMatchesExact evaluates p with the int64 fast paths and on the exact
// path only, fails the test unless both give the same error or the same
// result (formulas included), and returns the result.
func fastMatchesExact(t *testing.T, seed uint64, p *Plan) (*Result, error) {
	t.Helper()
	fast, err := Compile(p)
	if err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	exact, _ := Compile(p)
	exact.exactOnly = true
	r1, err1 := fast.Evaluate()
	r2, err2 := exact.Evaluate()
	if (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
		t.Fatalf("seed %d: fast err %v, exact err %v", seed, err1, err2)
	}
	if err1 == nil && fingerprint(r1) != fingerprint(r2) {
		t.Fatalf("seed %d: fast and exact paths differ", seed)
	}
	totalsMatch(t, seed, fast, r1, err1)
	totalsMatch(t, seed, exact, r2, err2)
	return r1, err1
}

// TestOverflowFallsBack gives amounts too large for int64 units and
// checks that the exact path takes over and balances.
func TestOverflowFallsBack(t *testing.T) {
	p := randomPlan(3)
	p.RoundingUnit = decimal.RequireFromString("0.01")
	huge := decimal.RequireFromString("123456789012345678901234567890")
	p.Capacity = huge
	p.Projects = append(p.Projects, Project{ID: "big", Name: "大项目", UnitCost: decimal.RequireFromString("98765432109876543210.5"),
		Basis: []string{"q0"}, Tier: TierB})
	m, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.demandUnits(); ok {
		t.Fatal("the fast path accepted demands beyond int64")
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if err := res.CheckIdentity(); err != nil {
		t.Fatal(err)
	}
	totalsMatch(t, 3, m, res, nil)
}

func TestRandomPlansValid(t *testing.T) {
	for seed := uint64(1); seed <= 50; seed++ {
		if ps := randomPlan(seed).Validate(); len(ps) > 0 {
			t.Fatalf("seed %d: %v", seed, ps)
		}
	}
}

// randomRulesPlan is randomPlan with the rules added later drawn at
// random too (rules §2): project ratings, overflow demoted, floors that
// keep the rating and damping without some components. It draws from its
// own generator, so randomPlan's plans stay what they were.
func randomRulesPlan(seed uint64) *Plan {
	p := randomPlan(seed)
	r := rand.New(rand.NewPCG(seed^0x5bd1e995, seed+17))
	if r.IntN(2) == 0 {
		p.TierOverflow = OverflowDemote
	}
	if r.IntN(3) > 0 {
		p.ProjectPerformance = &ProjectPerformance{Coefficients: map[string]decimal.Decimal{
			"优": decimal.NewFromInt(1), "中": decimal.RequireFromString("0.9"), "差": decimal.Zero, "低": decimal.RequireFromString("0.35")}}
		ratings := []string{"优", "中", "差", "低"}
		for i := range p.Subdistricts {
			for _, pr := range p.Projects {
				if pr.Tier != TierMandatory && r.IntN(3) == 0 {
					if p.Subdistricts[i].ProjectRatings == nil {
						p.Subdistricts[i].ProjectRatings = map[string]string{}
					}
					p.Subdistricts[i].ProjectRatings[pr.ID] = ratings[r.IntN(len(ratings))]
				}
			}
		}
	}
	if d := p.Damping; d != nil {
		c := *d
		c.FloorKeepsRating = r.IntN(2) == 0
		for _, name := range DampingExcludable {
			if r.IntN(3) == 0 {
				c.Exclude = append(c.Exclude, name)
			}
		}
		p.Damping = &c
		// A measure without some components is smaller than the total:
		// scale the baselines so that floors stay mostly feasible.
		if len(c.Exclude) > 0 {
			for i := range p.Subdistricts {
				s := &p.Subdistricts[i]
				s.Quantities = s.Quantities.Clone()
				s.Quantities.Set("last", s.Quantities.Value("last").Div(decimal.NewFromInt(int64(2+r.IntN(6)))).Round(0))
			}
		}
	}
	return p
}

// TestPropertyRules evaluates random plans with the rules added later:
// each is valid, accepted or rejected with a typed error; an accepted one
// satisfies the accounting identity (recomputed here), every line is a
// multiple of U with a formula, the measure respects its floor, and the
// fast path gives what the exact path gives, formulas included.
func TestPropertyRules(t *testing.T) {
	n := 500
	if testing.Short() {
		n = 100
	}
	accepted := 0
	for seed := uint64(1); seed <= uint64(n); seed++ {
		p := randomRulesPlan(seed)
		if ps := p.Validate(); len(ps) > 0 {
			t.Fatalf("seed %d: generated plan invalid: %v", seed, ps)
		}
		res, err := fastMatchesExact(t, seed, p)
		if err != nil {
			var rej *RejectedError
			if !errors.As(err, &rej) || rej.Gap.Sign() <= 0 {
				t.Fatalf("seed %d: want a RejectedError with a positive gap, got %v", seed, err)
			}
			continue
		}
		accepted++
		checkIdentity(t, seed, p, res)
		checkMeasure(t, seed, p, res)
	}
	if accepted < n/4 {
		t.Errorf("only %d of %d random plans accepted", accepted, n)
	}
}

// checkIdentity recomputes the accounting identity and checks every line.
func checkIdentity(t *testing.T, seed uint64, p *Plan, res *Result) {
	t.Helper()
	sum := res.Reserve.Add(res.PerformanceReserve).Add(res.DampingReserve)
	for _, a := range res.Subdistricts {
		parts := a.Personnel.Add(a.Public).Add(a.Projects).Add(a.Incentive).Add(a.Block).Add(a.Damping)
		if !parts.Equal(a.Total) {
			t.Fatalf("seed %d: %s components %s ≠ total %s", seed, a.ID, parts, a.Total)
		}
		for _, l := range a.Lines {
			if !l.Amount.Mod(res.Unit).IsZero() || l.Formula() == "" {
				t.Fatalf("seed %d: %s line %s/%s amount %s, formula %q", seed, a.ID, l.Stage, l.Item, l.Amount, l.Formula())
			}
		}
		sum = sum.Add(a.Total)
	}
	if !sum.Equal(p.Capacity) {
		t.Fatalf("seed %d: Σ totals + reserves = %s, capacity %s", seed, sum, p.Capacity)
	}
}

// checkMeasure checks rules §3 stage 7 on a result: the measure after
// damping (the total less the excluded components) is at least its
// floor, or, when floors keep the rating, its floor plus the rating's
// effect if that is negative; what the ceiling cut is taken off.
func checkMeasure(t *testing.T, seed uint64, p *Plan, res *Result) {
	t.Helper()
	d := p.Damping
	if d == nil || d.Floor == nil {
		return
	}
	u, _ := p.unit()
	for i, a := range res.Subdistricts {
		measure := a.Total
		for k, c := range a.Components() {
			if k < 4 && slices.Contains(d.Exclude, ComponentNames[k]) {
				measure = measure.Sub(c)
			}
		}
		lo := u.ceil(d.Floor.Mul(p.Subdistricts[i].Quantities.Value(d.Baseline)))
		if a.RatingEffect != nil && a.RatingEffect.Sign() < 0 {
			lo = lo.Add(*a.RatingEffect)
		}
		for _, l := range a.Lines {
			if l.Stage == StageDamping && l.Item == "ceiling" {
				lo = lo.Add(l.Amount)
			}
		}
		if measure.LessThan(lo) {
			t.Fatalf("seed %d: %s measure %s below %s", seed, a.ID, measure, lo)
		}
		if (a.RatingEffect != nil) != (d.FloorKeepsRating && p.Performance != nil) {
			t.Fatalf("seed %d: %s rating effect %v with floor_keeps_rating %v", seed, a.ID, a.RatingEffect, d.FloorKeepsRating)
		}
	}
}

// TestPropertyWorseRating: with floor_keeps_rating, a worse rating (a
// lower coefficient) never gives a sub-district a higher total, and gives
// a floored sub-district whose block grant without ratings is > 0 a
// strictly lower one: it ends at its floor plus its rating's effect. (A
// block grant of a rounding unit or two could hide a small change of
// coefficient in its rounding; the plans here share millions.)
func TestPropertyWorseRating(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	compared, strict := 0, 0
	for seed := uint64(1); seed <= uint64(n); seed++ {
		p := floorPlan(seed)
		if p == nil {
			continue
		}
		base, err := evaluate(p)
		if err != nil {
			continue
		}
		for i := range p.Subdistricts {
			totals := map[string]*Result{}
			for rating := range p.Performance.Coefficients {
				q := *p
				q.Subdistricts = slices.Clone(p.Subdistricts)
				q.Subdistricts[i].Rating = rating
				if res, err := evaluate(&q); err == nil {
					totals[rating] = res
				}
			}
			c, s := compareRatings(t, seed, i, p, base, totals)
			compared, strict = compared+c, strict+s
		}
	}
	t.Logf("%d comparisons, %d strict", compared, strict)
	if compared < 1000 || strict < 50 {
		t.Errorf("only %d comparisons, %d of them strict: the generator should make more", compared, strict)
	}
}

// floorPlan is randomRulesPlan with performance ratings and floors that
// keep them, one sub-district's baseline raised so that its floor binds;
// nil when the plan as drawn is rejected.
func floorPlan(seed uint64) *Plan {
	p := randomRulesPlan(seed)
	if p.Performance == nil {
		p.Performance = &Performance{Mode: PerformanceMode(seed % 2), Coefficients: map[string]decimal.Decimal{
			"优": decimal.NewFromInt(1), "良": decimal.RequireFromString("0.95"), "中": decimal.RequireFromString("0.9"), "差": decimal.Zero}}
	}
	d := &Damping{Baseline: "last"}
	if p.Damping != nil {
		d.Exclude = p.Damping.Exclude
	}
	floor := decimal.RequireFromString("0.95")
	d.Floor, d.FloorKeepsRating = &floor, true
	p.Damping = d
	res, err := evaluate(p)
	if err != nil {
		return nil
	}
	// Raise one baseline above what the sub-district gets: its floor binds.
	k := int(seed % uint64(len(p.Subdistricts)))
	a := res.Subdistricts[k]
	measure := a.Total
	for c, x := range a.Components() {
		if c < 4 && slices.Contains(d.Exclude, ComponentNames[c]) {
			measure = measure.Sub(x)
		}
	}
	p.Subdistricts = slices.Clone(p.Subdistricts)
	s := &p.Subdistricts[k]
	s.Quantities = s.Quantities.Clone()
	s.Quantities.Set("last", measure.Mul(decimal.New(int64(102+seed%20), -2)).Div(floor).Ceil())
	return p
}

// compareRatings checks every pair of ratings of sub-district i, and
// returns how many pairs it compared and how many had to differ.
func compareRatings(t *testing.T, seed uint64, i int, p *Plan, base *Result, by map[string]*Result) (compared, strict int) {
	t.Helper()
	coef := p.Performance.Coefficients
	for better, rb := range by {
		for worse, rw := range by {
			if !coef[worse].LessThan(coef[better]) {
				continue
			}
			compared++
			tb, tw := rb.Subdistricts[i].Total, rw.Subdistricts[i].Total
			if tw.GreaterThan(tb) {
				t.Fatalf("seed %d: %s rated %s has %s, more than %s rated %s", seed, p.Subdistricts[i].ID, worse, tw, tb, better)
			}
			a := base.Subdistricts[i]
			neutral := a.Block.Sub(*a.RatingEffect)
			if neutral.Sign() > 0 && floored(rb.Subdistricts[i]) {
				strict++
				if !tw.LessThan(tb) {
					t.Fatalf("seed %d: floored %s rated %s has %s, not less than %s rated %s", seed, a.ID, worse, tw, tb, better)
				}
			}
		}
	}
	return compared, strict
}

// floored reports whether an allocation was topped up to its floor.
func floored(a Allocation) bool {
	return slices.ContainsFunc(a.Lines, func(l Line) bool { return l.Stage == StageDamping && l.Item == "floor" })
}

func evaluate(p *Plan) (*Result, error) {
	m, err := Compile(p)
	if err != nil {
		return nil, err
	}
	return m.Evaluate()
}

// TestPropertyDemote: with overflow = demote, a higher-tier item gets at
// least the share of its demand that any lower-tier item gets, to within
// one rounding unit: a₁ + U ≥ d₁ × a₂ / d₂.
func TestPropertyDemote(t *testing.T) {
	n := 500
	if testing.Short() {
		n = 100
	}
	pairs := 0
	for seed := uint64(1); seed <= uint64(n); seed++ {
		p := randomRulesPlan(seed)
		p.TierOverflow = OverflowDemote
		m, err := Compile(p)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		res, err := m.Evaluate()
		if err != nil {
			continue
		}
		pairs += checkPriority(t, seed, m, res)
	}
	if pairs < 1000 {
		t.Errorf("only %d pairs of items compared", pairs)
	}
}

// checkPriority compares every pair of items of tiers A–D with positive
// demands, and returns how many pairs it compared.
func checkPriority(t *testing.T, seed uint64, m *Model, res *Result) int {
	t.Helper()
	type item struct {
		tier      Tier
		d, a      decimal.Decimal
		sub, proj string
	}
	var items []item
	x := newExactDemands(m)
	for i := range res.Subdistricts {
		for _, l := range res.Subdistricts[i].Lines {
			if l.Stage != StageProjects || m.plan.Projects[l.j].Tier == TierMandatory {
				continue
			}
			if d := x.d[i][l.j]; d.Sign() > 0 {
				items = append(items, item{m.plan.Projects[l.j].Tier, d, l.Amount, res.Subdistricts[i].ID, l.Item})
			}
		}
	}
	pairs := 0
	for _, hi := range items {
		for _, lo := range items {
			if hi.tier >= lo.tier {
				continue
			}
			pairs++
			if hi.a.Add(res.Unit).Mul(lo.d).LessThan(lo.a.Mul(hi.d)) {
				t.Fatalf("seed %d: %s/%s (tier %s) got %s of %s, less than %s/%s (tier %s) %s of %s",
					seed, hi.sub, hi.proj, hi.tier, hi.a, hi.d, lo.sub, lo.proj, lo.tier, lo.a, lo.d)
			}
		}
	}
	return pairs
}

// TestFastPathMatchesExactRules holds the int64 and exact paths equal on
// the rules added later, demote and project ratings above all.
func TestFastPathMatchesExactRules(t *testing.T) {
	for seed := uint64(1); seed <= 300; seed++ {
		p := randomRulesPlan(seed)
		p.TierOverflow = OverflowDemote
		if _, err := fastMatchesExact(t, seed, p); err != nil && !errors.As(err, new(*RejectedError)) {
			t.Fatal(fmt.Errorf("seed %d: %w", seed, err))
		}
	}
}
