package formula

import (
	"errors"
	"fmt"
	"math/rand/v2"
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
			Staff: map[string]decimal.Decimal{}, Quantities: map[string]decimal.Decimal{}}
		for _, st := range p.Staff {
			h := d(0, 60)
			s.Staff[st.ID] = h
			cost = cost.Add(h.Mul(st.AnnualPay).Mul(decimal.NewFromInt(2)))
		}
		if r.IntN(4) == 0 {
			s.Payroll = map[string]decimal.Decimal{"s0": d(0, 5000000)}
			cost = cost.Add(s.Payroll["s0"].Mul(decimal.NewFromInt(2)))
		}
		if r.IntN(3) == 0 {
			a := decimal.New(80+r.Int64N(50), -2)
			s.Adjustment = &a
		}
		for _, q := range quantities {
			s.Quantities[q] = d(1, 100000).Add(frac(1))
		}
		s.Quantities["tax"] = d(0, 10000000)
		s.Quantities["tax_prev"] = d(0, 10000000)
		s.Quantities["last"] = d(1000000, 30000000)
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
		base := p.Subdistricts[i].Quantities[d.Baseline]
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
	for _, t := range r.Tiers {
		fmt.Fprintf(&b, "tier %s %s %s\n", t.Tier, t.Demand, t.Budget)
	}
	for _, a := range r.Subdistricts {
		fmt.Fprintf(&b, "%s %v %s %s\n", a.ID, a.Components(), a.Total, a.Score.Formula())
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
}

func TestRandomPlansValid(t *testing.T) {
	for seed := uint64(1); seed <= 50; seed++ {
		if ps := randomPlan(seed).Validate(); len(ps) > 0 {
			t.Fatalf("seed %d: %v", seed, ps)
		}
	}
}
