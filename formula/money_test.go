package formula

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// Hand-worked tests of rules §6, each rule alone and then together. The
// base plan: capacity 1000000, no reserve, no staff; one project p1 of
// unit cost 1 on area (a 100000, b 100000, c 200000: demand 400000); one
// factor on pop (a 1, b 1, c 2). So 600000 is left for stage 6.

func moneyBase() *Plan {
	sub := func(id, pop, area string) Subdistrict {
		return Subdistrict{ID: id, Name: id + "街道", Rating: "优",
			Quantities: ValuesOf(map[string]decimal.Decimal{"pop": dec(pop), "area": dec(area), "one": dec("1"), "zero": dec("0")})}
	}
	return &Plan{
		Name: "资金去向", FiscalYear: 2025, Capacity: dec("1000000"), RoundingUnit: dec("1"),
		Projects:     []Project{{ID: "p1", Name: "项目一", UnitCost: dec("1"), Basis: []string{"area"}, Tier: TierA}},
		Factors:      []Factor{{ID: "f", Name: "人口", Weight: dec("1"), Indicators: []Indicator{{Quantity: "pop", Weight: dec("1")}}}},
		Subdistricts: []Subdistrict{sub("a", "1", "100000"), sub("b", "1", "100000"), sub("c", "2", "200000")},
	}
}

// mustEval evaluates p with lines and without, on both arithmetic paths,
// and requires the four to agree and the identity to hold.
func mustEval(t *testing.T, p *Plan) *Result {
	t.Helper()
	res, err := fastMatchesExact(t, 0, p)
	if err != nil {
		t.Fatal(err)
	}
	checkMoneyIdentity(t, 0, p, res)
	if err := CheckLines(res); err != nil {
		t.Fatal(err)
	}
	return res
}

// amounts lists one field of every allocation.
func amounts(res *Result, f func(a *Allocation) decimal.Decimal) string {
	var out []string
	for i := range res.Subdistricts {
		out = append(out, f(&res.Subdistricts[i]).String())
	}
	return strings.Join(out, " ")
}

func block(a *Allocation) decimal.Decimal { return a.Block }

// TestBlockAmount: a block amount above, at and below what is left, and
// [block] without amount.
func TestBlockAmount(t *testing.T) {
	for _, tc := range []struct {
		amount      string // "" : [block] without amount; "-": no [block]
		blocks      string
		districtKey string
	}{
		{"-", "150000 150000 300000", "0"},
		{"", "150000 150000 300000", "0"},
		{"700000", "150000 150000 300000", "0"},
		{"600000", "150000 150000 300000", "0"},
		{"500000", "125000 125000 250000", "100000"},
		{"0", "0 0 0", "600000"},
	} {
		p := moneyBase()
		switch tc.amount {
		case "-":
		case "":
			p.Block = &Block{}
		default:
			amt := dec(tc.amount)
			p.Block = &Block{Amount: &amt}
		}
		res := mustEval(t, p)
		if got := amounts(res, block); got != tc.blocks {
			t.Errorf("amount %q: blocks %s, want %s", tc.amount, got, tc.blocks)
		}
		if !res.DistrictPool.Equal(dec(tc.districtKey)) {
			t.Errorf("amount %q: district pool %s, want %s", tc.amount, res.DistrictPool, tc.districtKey)
		}
	}
}

// TestBlockAmountPerformance: R = min(amount, remaining) is what both
// performance modes share: reserve keeps R − B, redistribute shares R.
func TestBlockAmountPerformance(t *testing.T) {
	for _, tc := range []struct {
		mode           PerformanceMode
		blocks, perfRs string
	}{
		// adj 1 : 0.5 : 2 of 500000; Σadj/Σbase = 3.5/4: B = 437500.
		{Reserve, "125000 62500 250000", "62500"},
		// 500000 × 1/3.5 = 142857.14…, × 0.5/3.5 = 71428.57… (+1), × 2/3.5 = 285714.28…
		{Redistribute, "142857 71429 285714", "0"},
	} {
		p := moneyBase()
		amt := dec("500000")
		p.Block = &Block{Amount: &amt}
		p.Performance = &Performance{Mode: tc.mode, Coefficients: map[string]decimal.Decimal{"优": dec("1"), "差": dec("0.5")}}
		p.Subdistricts[1].Rating = "差"
		res := mustEval(t, p)
		if got := amounts(res, block); got != tc.blocks {
			t.Errorf("%s: blocks %s, want %s", tc.mode, got, tc.blocks)
		}
		if !res.PerformanceReserve.Equal(dec(tc.perfRs)) || !res.DistrictPool.Equal(dec("100000")) {
			t.Errorf("%s: performance reserve %s (want %s), district pool %s (want 100000)", tc.mode, res.PerformanceReserve, tc.perfRs, res.DistrictPool)
		}
	}
}

// TestBlockAmountFloorKeepsRating: the neutral split of floor_keeps_rating
// shares R, not what remained.
func TestBlockAmountFloorKeepsRating(t *testing.T) {
	p := moneyBase()
	amt := dec("500000")
	p.Block = &Block{Amount: &amt}
	p.Performance = &Performance{Coefficients: map[string]decimal.Decimal{"优": dec("1"), "差": dec("0.5")}}
	p.Subdistricts[1].Rating = "差"
	floor := dec("0.5")
	p.Damping = &Damping{Baseline: "one", Floor: &floor, FloorKeepsRating: true}
	res := mustEval(t, p)
	// neutral = LR(500000, 1:1:2) = 125000, 125000, 250000.
	if got := res.Subdistricts[1].RatingEffect; got == nil || !got.Equal(dec("71429").Sub(dec("125000"))) {
		t.Errorf("rating effect %v, want -53571", got)
	}
}

// TestCapBaseAvailable: with cap_base = available a tier's cap is
// max_share × available, not × the project pool.
func TestCapBaseAvailable(t *testing.T) {
	for _, tc := range []struct {
		base     CapBase
		cap      string
		projects string
	}{
		// available 900000, public 400000: pool 500000; cap 0.5 × 500000.
		{CapPool, "250000", "62500 62500 125000"},
		{CapAvailable, "450000", "100000 100000 200000"},
	} {
		p := moneyBase()
		p.ReserveRate = dec("0.1")
		p.Quotas = []Quota{{ID: "q", Name: "定额", Rate: dec("1"), Basis: []string{"area"}}}
		p.TierCaps = map[Tier]decimal.Decimal{TierA: dec("0.5")}
		p.TierCapBase = tc.base
		res := mustEval(t, p)
		if c := res.Tiers[0].Cap; c == nil || !c.Equal(dec(tc.cap)) {
			t.Errorf("%s: cap %v, want %s", tc.base, c, tc.cap)
		}
		if got := amounts(res, func(a *Allocation) decimal.Decimal { return a.Projects }); got != tc.projects {
			t.Errorf("%s: projects %s, want %s", tc.base, got, tc.projects)
		}
		if f := res.Subdistricts[0].Lines[1].Formula(); tc.base == CapPool && (!strings.Contains(f, "超上限") || strings.Contains(f, "可用财力")) {
			t.Errorf("the line does not say the cap on the pool: %s", f)
		}
	}
}

// TestManagedDemoted: a district-managed item is demanded, capped and
// demoted like any other, but what it gets is the sub-district's managed
// figure, on a line of stage managed, outside its projects and total.
func TestManagedDemoted(t *testing.T) {
	p := moneyBase()
	p.Projects[0].Managed, p.Projects[0].Department = ManagedByDistrict, "区园林绿化局"
	p.Projects = append(p.Projects, Project{ID: "p2", Name: "项目二", UnitCost: dec("1"), Basis: []string{"one"}, Tier: TierB})
	p.TierCaps = map[Tier]decimal.Decimal{TierA: dec("0.1")} // cap 100000 of the pool's 1000000
	p.TierOverflow = OverflowDemote
	res := mustEval(t, p)
	// A: LR(100000, 1:1:2) = 25000, 25000, 50000; B takes the rest (300000) and p2's 1 each.
	if got := amounts(res, func(a *Allocation) decimal.Decimal { return a.Managed }); got != "100000 100000 200000" {
		t.Errorf("managed %s", got)
	}
	if got := amounts(res, func(a *Allocation) decimal.Decimal { return a.Projects }); got != "1 1 1" {
		t.Errorf("projects %s", got)
	}
	if !res.DistrictManaged.Equal(dec("400000")) || !res.Tiers[1].Demoted.Equal(dec("300000")) {
		t.Errorf("district managed %s, demoted %s", res.DistrictManaged, res.Tiers[1].Demoted)
	}
	a := &res.Subdistricts[2]
	i := slices.IndexFunc(a.Lines, func(l Line) bool { return l.Item == "p1" })
	if l := a.Lines[i]; l.Stage != StageManaged || !strings.Contains(l.Formula(), "转入B档") ||
		!strings.Contains(l.Formula(), "由区园林绿化局统筹安排") {
		t.Errorf("line %s: %s", l.Stage, l.Formula())
	}
	// 1000000 − 400003 projects = 599997 by factors.
	if !a.Total.Equal(dec("1").Add(dec("299999"))) {
		t.Errorf("c's total %s", a.Total)
	}
}

// TestTransfers: each transfer is split on its own by its basis, ties go
// to the sub-district that comes first, a zero amount on a zero basis
// hands out nothing, and nothing else changes.
func TestTransfers(t *testing.T) {
	p := moneyBase()
	p.Transfers = []Transfer{
		{ID: "tie", Name: "平分", Amount: dec("10"), Basis: []string{"one"}},   // 3.33… each: the leftover unit to a
		{ID: "area", Name: "按面积", Amount: dec("7"), Basis: []string{"area"}}, // 1.75, 1.75, 3.5: a and b tie for one unit
		{ID: "none", Name: "零", Amount: dec("0"), Basis: []string{"zero"}},
	}
	res := mustEval(t, p)
	if got := amounts(res, func(a *Allocation) decimal.Decimal { return a.Transfers }); got != "6 5 6" {
		t.Errorf("transfers %s, want 6 5 6", got)
	}
	if !res.Transfers.Equal(dec("17")) {
		t.Errorf("transfers %s", res.Transfers)
	}
	if got := amounts(res, block); got != "150000 150000 300000" {
		t.Errorf("blocks %s: transfers changed the block grant", got)
	}
	f := res.Subdistricts[0].Lines[len(res.Subdistricts[0].Lines)-3].Formula()
	if !strings.Contains(f, "尾差 +1 元（最大余额法）") {
		t.Errorf("the tie's line: %s", f)
	}
}

// TestExecutionBands: the first band whose below exceeds the rate cuts
// the demand, in one rounding with the rating's coefficient; a rate at a
// band's below is not in it.
func TestExecutionBands(t *testing.T) {
	for _, tc := range []struct {
		rate, demand string
	}{
		{"0.4999", "4"}, // 5 × 0.9 × 0.8 = 3.6
		{"0.5", "4"},    // at below 0.5: the next band, 5 × 0.9 × 0.9 = 4.05 (not round(4.5) × 0.9 = 4.5 → 5)
		{"0.79", "4"},
		{"0.8", "5"}, // at the last below: no cut, round(4.5) = 5
		{"1.3", "5"},
	} {
		p := moneyBase()
		p.Projects[0].Basis = []string{"five"}
		for i := range p.Subdistricts {
			p.Subdistricts[i].Quantities.Set("five", dec("5"))
		}
		p.ProjectPerformance = &ProjectPerformance{Coefficients: map[string]decimal.Decimal{"中": dec("0.9")}}
		p.Subdistricts[0].ProjectRatings = map[string]string{"p1": "中"}
		p.ProjectExecution = &ProjectExecution{Bands: []ExecutionBand{{Below: dec("0.5"), Coefficient: dec("0.8")}, {Below: dec("0.8"), Coefficient: dec("0.9")}}}
		p.Subdistricts[0].Execution = map[string]decimal.Decimal{"p1": dec(tc.rate)}
		res := mustEval(t, p)
		if got := res.Subdistricts[0].Projects; !got.Equal(dec(tc.demand)) {
			t.Errorf("rate %s: demand %s, want %s (%s)", tc.rate, got, tc.demand, res.Subdistricts[0].Lines[0].Formula())
		}
	}
}

// TestMoneyTogether: every rule of §6 in one plan, worked by hand.
func TestMoneyTogether(t *testing.T) {
	p := moneyBase()
	amt := dec("300000")
	p.Block = &Block{Amount: &amt}
	p.Projects[0].Managed = ManagedByDistrict
	p.Projects = append(p.Projects, Project{ID: "p2", Name: "项目二", UnitCost: dec("2"), Basis: []string{"area"}, Tier: TierB})
	p.TierCaps = map[Tier]decimal.Decimal{TierB: dec("0.5")}
	p.TierCapBase = CapAvailable
	p.ProjectExecution = &ProjectExecution{Bands: []ExecutionBand{{Below: dec("0.5"), Coefficient: dec("0.5")}}}
	p.Subdistricts[2].Execution = map[string]decimal.Decimal{"p2": dec("0.2")}
	p.Transfers = []Transfer{{ID: "t", Name: "专项", Amount: dec("1000"), Basis: []string{"pop"}}}
	res := mustEval(t, p)
	// A: p1 400000 managed. B: p2 demands 200000, 200000, 200000 (c cut
	// by half) = 600000 > cap 500000 (0.5 × available 1000000): LR gives
	// 166667, 166667, 166666 (ties to the first). 100000 is left, below
	// the amount: R = 100000, shared 1:1:2, and the district keeps 0.
	want := map[string]string{
		"managed":   "100000 100000 200000",
		"projects":  "166667 166667 166666",
		"transfers": "250 250 500",
		"block":     "25000 25000 50000",
	}
	got := map[string]string{
		"managed":   amounts(res, func(a *Allocation) decimal.Decimal { return a.Managed }),
		"projects":  amounts(res, func(a *Allocation) decimal.Decimal { return a.Projects }),
		"transfers": amounts(res, func(a *Allocation) decimal.Decimal { return a.Transfers }),
		"block":     amounts(res, block),
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %s, want %s", k, got[k], w)
		}
	}
	if !res.DistrictPool.IsZero() {
		t.Errorf("district pool %s, want 0", res.DistrictPool)
	}
}
