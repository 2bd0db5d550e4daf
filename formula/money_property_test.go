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

// randomMoneyPlan is randomRulesPlan with the tables of rules §6 drawn
// at random: [block] amount, cap_base, district-managed projects,
// execution bands (coefficients rising with below, so that a lower rate
// is never cut less) with rates, and transfers. It draws from its own
// generator, so the other generators' plans stay what they were.
func randomMoneyPlan(seed uint64) *Plan {
	p := randomRulesPlan(seed)
	r := rand.New(rand.NewPCG(seed^0x2545f491, seed+101))
	u, _ := p.unit()
	if r.IntN(2) == 0 {
		amt := u.floor(p.Capacity.Mul(decimal.New(r.Int64N(40), -2)))
		p.Block = &Block{Amount: &amt}
	}
	if r.IntN(2) == 0 {
		p.TierCapBase = CapAvailable
		if r.IntN(2) == 0 { // caps that bind on the whole budget
			p.TierCaps = map[Tier]decimal.Decimal{TierA: decimal.New(1+r.Int64N(5), -3), TierB: decimal.New(1+r.Int64N(5), -3)}
		}
	}
	for j := range p.Projects {
		if r.IntN(3) == 0 {
			p.Projects[j].Managed = ManagedByDistrict
			p.Projects[j].Department = "区级部门"
		}
	}
	if r.IntN(2) == 0 {
		p.ProjectExecution = randomBands(r)
		rates := []string{"0", "0.3", "0.5", "0.79", "0.8", "1", "1.2"}
		for i := range p.Subdistricts {
			for _, pr := range p.Projects {
				if pr.Tier != TierMandatory && r.IntN(2) == 0 {
					s := &p.Subdistricts[i]
					if s.Execution == nil {
						s.Execution = map[string]decimal.Decimal{}
					}
					s.Execution[pr.ID] = decimal.RequireFromString(rates[r.IntN(len(rates))])
				}
			}
		}
	}
	for k := range r.IntN(3) {
		amt := u.floor(decimal.NewFromInt(r.Int64N(5000000)))
		p.Transfers = append(p.Transfers, Transfer{ID: fmt.Sprintf("t%d", k), Name: "专项",
			Amount: amt, Basis: []string{[]string{"q0", "q1", "q2", "q3"}[r.IntN(4)]}})
	}
	return p
}

// randomBands draws one to three execution bands, below rising and
// coefficients rising with it.
func randomBands(r *rand.Rand) *ProjectExecution {
	pe := &ProjectExecution{}
	below, coef := int64(0), int64(r.IntN(60))
	for range 1 + r.IntN(3) {
		below += 1 + r.Int64N(50)
		coef = min(100, coef+r.Int64N(30))
		pe.Bands = append(pe.Bands, ExecutionBand{Below: decimal.New(below, -2), Coefficient: decimal.New(coef, -2)})
	}
	return pe
}

// checkMoneyIdentity recomputes rules §1's identity with §6's terms,
// independently of CheckIdentity: Σ total + reserve + performance
// reserve + damping reserve + district pool + district managed =
// capacity + transfers, each total the six components and transfers.
func checkMoneyIdentity(t *testing.T, seed uint64, p *Plan, res *Result) {
	t.Helper()
	sum := res.Reserve.Add(res.PerformanceReserve).Add(res.DampingReserve).Add(res.DistrictPool).Add(res.DistrictManaged)
	managed, transfers := decimal.Zero, decimal.Zero
	for _, a := range res.Subdistricts {
		parts := a.Personnel.Add(a.Public).Add(a.Projects).Add(a.Incentive).Add(a.Block).Add(a.Damping).Add(a.Transfers)
		if !parts.Equal(a.Total) {
			t.Fatalf("seed %d: %s components and transfers %s ≠ total %s", seed, a.ID, parts, a.Total)
		}
		for _, l := range a.Lines {
			if !l.Amount.Mod(res.Unit).IsZero() || l.Formula() == "" {
				t.Fatalf("seed %d: %s line %s/%s amount %s, formula %q", seed, a.ID, l.Stage, l.Item, l.Amount, l.Formula())
			}
		}
		sum, managed, transfers = sum.Add(a.Total), managed.Add(a.Managed), transfers.Add(a.Transfers)
	}
	want := decimal.Zero
	for _, tr := range p.Transfers {
		want = want.Add(tr.Amount)
	}
	if !transfers.Equal(want) || !res.Transfers.Equal(want) || !managed.Equal(res.DistrictManaged) {
		t.Fatalf("seed %d: transfers %s (top %s), want %s; managed %s, district %s", seed, transfers, res.Transfers, want, managed, res.DistrictManaged)
	}
	if !sum.Equal(p.Capacity.Add(want)) {
		t.Fatalf("seed %d: Σ totals + reserves + district = %s, capacity + transfers %s", seed, sum, p.Capacity.Add(want))
	}
	if p.Block == nil && !res.DistrictPool.IsZero() {
		t.Fatalf("seed %d: district pool %s without [block]", seed, res.DistrictPool)
	}
}

// TestPropertyMoney evaluates random plans with the tables of rules §6:
// each is valid, accepted or rejected with a typed error; an accepted
// one satisfies the identity (recomputed here), the fast path, the exact
// path and EvaluateTotals agree, and every line recomputes from its text.
func TestPropertyMoney(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 100
	}
	accepted := 0
	seen := map[string]int{"执行率": 0, "统筹安排": 0, "÷ Σ ": 0, "可用财力": 0}
	for seed := uint64(1); seed <= uint64(n); seed++ {
		p := randomMoneyPlan(seed)
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
		checkMoneyIdentity(t, seed, p, res)
		if err := CheckLines(res); err != nil {
			t.Fatalf("seed %d (unit %s): %v", seed, res.Unit, err)
		}
		countSteps(res, seen)
	}
	if accepted < n/4 {
		t.Errorf("only %d of %d random plans accepted", accepted, n)
	}
	for step, k := range seen {
		if k == 0 {
			t.Errorf("no line has %q", step)
		}
	}
}

// fundedInFull reports whether every tier of a result was funded in full.
func fundedInFull(res *Result) bool {
	for _, to := range res.Tiers {
		if !to.Budget.Equal(to.Demand) {
			return false
		}
	}
	return true
}

// shortfall reports whether damping took a shortfall from anyone.
func shortfall(res *Result) bool {
	for _, a := range res.Subdistricts {
		for _, l := range a.Lines {
			if l.Stage == StageDamping && l.Item == "floor_funding" {
				return true
			}
		}
	}
	return false
}

// TestPropertyBlockSaving: with a binding [block] amount, lowering a
// project's standard never raises any sub-district's total, and raises
// district_pool by exactly what the projects (managed ones included)
// lost. Plans where a tier is not funded in full are left out (a capped
// tier shares its cap over the other items, so one sub-district's
// projects may rise when another project's standard falls), and so are
// plans where damping takes a shortfall by largest remainder (whose
// Alabama paradox may hand one unit back).
func TestPropertyBlockSaving(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 120
	}
	checked := 0
	for seed := uint64(1); seed <= uint64(n); seed++ {
		p := randomMoneyPlan(seed)
		if p.Block == nil || len(p.Projects) == 0 {
			continue
		}
		base, err := evaluate(p)
		if err != nil || !fundedInFull(base) || shortfall(base) || base.DistrictPool.Sign() <= 0 {
			continue
		}
		j := int(seed % uint64(len(p.Projects)))
		low := *p
		low.Projects = slices.Clone(p.Projects)
		low.Projects[j].UnitCost = low.Projects[j].UnitCost.Mul(decimal.RequireFromString("0.6")).Truncate(1)
		res, err := evaluate(&low)
		if err != nil {
			t.Fatalf("seed %d: the lower standard is rejected: %v", seed, err)
		}
		if shortfall(res) {
			continue
		}
		lost := decimal.Zero
		for i, a := range res.Subdistricts {
			b := base.Subdistricts[i]
			if a.Total.GreaterThan(b.Total) {
				t.Fatalf("seed %d: %s's total rose from %s to %s", seed, a.ID, b.Total, a.Total)
			}
			lost = lost.Add(b.Projects.Sub(a.Projects)).Add(b.Managed.Sub(a.Managed))
		}
		if got := res.DistrictPool.Sub(base.DistrictPool); !got.Equal(lost) {
			t.Fatalf("seed %d: district pool rose by %s, the projects lost %s", seed, got, lost)
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d plans checked", checked)
	}
}

// TestPropertyTransfersAlone: transfers change nothing but transfers
// (and the totals by exactly each sub-district's transfers).
func TestPropertyTransfersAlone(t *testing.T) {
	checked := 0
	for seed := uint64(1); seed <= 200; seed++ {
		p := randomMoneyPlan(seed)
		if len(p.Transfers) == 0 {
			continue
		}
		with, err := evaluate(p)
		if err != nil {
			continue
		}
		bare := *p
		bare.Transfers = nil
		without, err := evaluate(&bare)
		if err != nil {
			t.Fatalf("seed %d: accepted with transfers, rejected without: %v", seed, err)
		}
		if got, want := strip(with), fingerprint(without); got != want {
			t.Fatalf("seed %d: transfers changed more than transfers:\n%s\nwant\n%s", seed, got, want)
		}
		checked++
	}
	if checked < 20 {
		t.Fatalf("only %d plans checked", checked)
	}
}

// strip is the fingerprint of a result with its transfers taken out.
func strip(r *Result) string {
	c := *r
	c.Transfers = decimal.Zero
	c.Subdistricts = slices.Clone(r.Subdistricts)
	for i := range c.Subdistricts {
		a := &c.Subdistricts[i]
		a.Total, a.Transfers = a.Total.Sub(a.Transfers), decimal.Zero
		a.Lines = slices.DeleteFunc(slices.Clone(a.Lines), func(l Line) bool { return l.Stage == StageTransfers })
	}
	return fingerprint(&c)
}

// TestPropertyExecutionMonotone: with bands whose coefficients rise with
// below, a lower execution rate never raises an item's demand.
func TestPropertyExecutionMonotone(t *testing.T) {
	rates := []string{"0", "0.1", "0.25", "0.49", "0.5", "0.51", "0.8", "0.99", "1", "3"}
	for seed := uint64(1); seed <= 150; seed++ {
		p := randomMoneyPlan(seed)
		r := rand.New(rand.NewPCG(seed, 7))
		p.ProjectExecution = randomBands(r)
		var items []int
		for j, pr := range p.Projects {
			if pr.Tier != TierMandatory {
				items = append(items, j)
			}
		}
		if len(items) == 0 {
			continue
		}
		j := items[r.IntN(len(items))]
		id := p.Projects[j].ID
		var last decimal.Decimal
		for k, rate := range rates {
			q := *p
			q.Subdistricts = slices.Clone(p.Subdistricts)
			s := &q.Subdistricts[0]
			s.Execution = map[string]decimal.Decimal{id: decimal.RequireFromString(rate)}
			m, err := Compile(&q)
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			d, text := m.projectDemand(0, j)
			if k > 0 && d.LessThan(last) {
				t.Fatalf("seed %d: rate %s gives demand %s, a lower rate gave %s (%s)", seed, rate, d, last, text)
			}
			if rate == "0" && !strings.Contains(text, "执行率") && d.Sign() > 0 && p.ProjectExecution.Bands[0].Coefficient.LessThan(decimal.NewFromInt(1)) {
				t.Fatalf("seed %d: a rate of 0 is not cut: %s", seed, text)
			}
			last = d
		}
	}
}
