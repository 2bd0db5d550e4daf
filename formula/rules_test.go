package formula

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// handPlan is the plan of the hand-worked cases of the rules added later
// (rules §3 stages 4 and 7). Two sub-districts, U = 1, no reserve:
//
//	capacity 1000001
//	personnel a 10 × 10000 = 100000, b 20 × 10000 = 200000
//	public    1000 × headcount: a 10000, b 20000
//	pool      1000001 − 330000 = 670001
//	m (三保)  1 × m_base: a 10000, b 20000
//	x (A)     10 × x_base: a 30000, b 60000; cap floor(0.1 × 670001) = 67000
//	y (B)     1 × y_base: a 50000, b 30000 (cap 0.05 when set: 33500)
//	block     one indicator, equal in a and b; a rated 优 (1), b 中 (0.5)
//
// The remaining 1000001 − … is odd, so the split without ratings ties
// (a and b have equal weights): the leftover unit goes to a, the earlier.
func handPlan(mode PerformanceMode) *Plan {
	d := decimal.RequireFromString
	sub := func(id string, heads, m, x, y int64, rating string) Subdistrict {
		return Subdistrict{ID: id, Name: id + " 街道", Rating: rating,
			Staff: ValuesOf(map[string]decimal.Decimal{"s": decimal.NewFromInt(heads)}),
			Quantities: ValuesOf(map[string]decimal.Decimal{"m_base": decimal.NewFromInt(m), "x_base": decimal.NewFromInt(x),
				"y_base": decimal.NewFromInt(y), "pop": d("1"), "last": d("0")})}
	}
	return &Plan{
		Name: "手算", FiscalYear: 2025, Capacity: d("1000001"), RoundingUnit: d("1"),
		Staff:  []Staff{{ID: "s", Name: "公务员", AnnualPay: d("10000")}},
		Quotas: []Quota{{ID: "q", Name: "办公", Rate: d("1000"), Basis: []string{"staff.s"}}},
		Projects: []Project{
			{ID: "m", Name: "三保", UnitCost: d("1"), Basis: []string{"m_base"}, Tier: TierMandatory},
			{ID: "x", Name: "病媒", UnitCost: d("10"), Basis: []string{"x_base"}, Tier: TierA},
			{ID: "y", Name: "绿化", UnitCost: d("1"), Basis: []string{"y_base"}, Tier: TierB},
		},
		TierCaps:           map[Tier]decimal.Decimal{TierA: d("0.1")},
		Factors:            []Factor{{ID: "f", Name: "人口", Weight: d("1"), Indicators: []Indicator{{Quantity: "pop", Weight: d("1")}}}},
		Performance:        &Performance{Mode: mode, Coefficients: map[string]decimal.Decimal{"优": d("1"), "中": d("0.5"), "差": d("0")}},
		ProjectPerformance: &ProjectPerformance{Coefficients: map[string]decimal.Decimal{"中": d("0.9"), "差": d("0")}},
		Subdistricts:       []Subdistrict{sub("a", 10, 10000, 3000, 50000, "优"), sub("b", 20, 20000, 6000, 30000, "中")},
	}
}

// The rules of the hand-worked cases, applied to handPlan.
func rateProjects(p *Plan) {
	p.Subdistricts[0].ProjectRatings = map[string]string{"y": "差"} // 1 × 50000 × 0 = 0
	p.Subdistricts[1].ProjectRatings = map[string]string{"x": "中"} // 10 × 6000 × 0.9 = 54000
}

func demote(p *Plan) {
	p.TierOverflow = OverflowDemote
	p.TierCaps[TierB] = decimal.RequireFromString("0.05")
}

func damp(p *Plan, floor, ceiling string, lastA, lastB int64, keeps bool, exclude ...string) {
	dm := &Damping{Baseline: "last", FloorKeepsRating: keeps, Exclude: exclude}
	if floor != "" {
		f := decimal.RequireFromString(floor)
		dm.Floor = &f
	}
	if ceiling != "" {
		c := decimal.RequireFromString(ceiling)
		dm.Ceiling = &c
	}
	p.Damping = dm
	p.Subdistricts[0].Quantities.Set("last", decimal.NewFromInt(lastA))
	p.Subdistricts[1].Quantities.Set("last", decimal.NewFromInt(lastB))
}

// TestHandWorkedRules checks each rule added later alone and all of them
// together, in both performance modes, to the unit, against amounts
// worked by hand (see the comment of each case; docs/rules.md §3).
func TestHandWorkedRules(t *testing.T) {
	type want struct {
		rows         [2][4]int64 // a, b: projects, block, damping, total
		perfReserve  int64
		dampReserve  int64
		effect       []int64 // block − block without ratings; nil: not computed
		lineContains map[string]string
	}
	tests := []struct {
		name  string
		mode  PerformanceMode
		rules func(p *Plan)
		want  want
	}{
		// Ratings: b's x is 54000, a's y 0. A: T = 84000 > cap 67000:
		// LR(67000, [30000, 54000]) = 23928.57 → 23929 (+1), 43071.43 → 43071.
		// B: y 0 + 30000 in full. Remaining 670001 − 30000 − 67000 − 30000 = 543001:
		// LR(543001, [1, 0.5]) = 362000.67 → 362001 (+1), 181000.33 → 181000.
		{"ratings", Redistribute, rateProjects, want{rows: [2][4]int64{{33929, 362001, 0, 505930}, {93071, 181000, 0, 494071}},
			lineContains: map[string]string{"b/x": "需求 10 元 × 6,000 [x_base] × 0.9（项目绩效 中） = 54,000,A档",
				"a/y": "需求 1 元 × 50,000 [y_base] × 0（项目绩效 差） = 0,B档,全额保障"}}},
		// Reserve: B = floor(543001 × 1.5 / 2) = 407250; LR(407250, [1, 0.5]) = 271500, 135750.
		{"ratings", Reserve, rateProjects, want{rows: [2][4]int64{{33929, 271500, 0, 415429}, {93071, 135750, 0, 448821}}, perfReserve: 135751}},
		// Demote: A gives LR(67000, [30000, 60000]) = 22333, 44667 (+1);
		// B (cap 33500) has a/x 7667, a/y 50000, b/x 15333, b/y 30000 = 103000:
		// LR(33500, …) = 2493.64 → 2494 (+1), 16262.14 → 16262, 4986.95 → 4987 (+1), 9757.28 → 9757;
		// C (no projects, no cap) pays what B refused in full. Every item whole.
		{"demote", Redistribute, demote, want{rows: [2][4]int64{{90000, 313334, 0, 513334}, {110000, 156667, 0, 486667}},
			lineContains: map[string]string{"a/x": "A档,超上限按比例 67,000 × 30,000 ÷ 90,000 ≈ 22,333.33 → 22,333;余 7,667 转入B档,"}}},
		{"demote", Reserve, demote, want{rows: [2][4]int64{{90000, 235000, 0, 435000}, {110000, 117500, 0, 447500}}, perfReserve: 117501}},
		// Floors keep the rating: without ratings the block is LR(493001, [1, 1])
		// = 246501 (tie: a, the earlier), 246500; b's effect 164334 − 246500 = −82166.
		// b: measure 479001, without the effect 561167, floor 630000: +68833, so b
		// ends at 630000 − 82166 = 547834; a funds it (room 161000).
		{"keeps", Redistribute, func(p *Plan) { damp(p, "0.9", "", 400000, 700000, true) },
			want{rows: [2][4]int64{{82333, 328667, -68833, 452167}, {94667, 164334, 68833, 547834}}, effect: []int64{82166, -82166},
				lineContains: map[string]string{"b/floor": "测算 479,001,不计绩效等级影响为 561,167,补足 630,000 − 561,167 = 68,833"}}},
		// Reserve: block LR(369750, [1, 0.5]) = 246500, 123250; effects −1, −123250.
		{"keeps", Reserve, func(p *Plan) { damp(p, "0.9", "", 400000, 700000, true) },
			want{rows: [2][4]int64{{82333, 246500, -68833, 370000}, {94667, 123250, 68833, 506750}}, perfReserve: 123251, effect: []int64{-1, -123250}}},
		// Exclude personnel and public: a measures 82333 + 328667 = 411000,
		// ceiling 330000: −81000; b 94667 + 164334 = 259001, floor 270000: +10999.
		{"exclude", Redistribute, func(p *Plan) { damp(p, "0.9", "1.1", 300000, 300000, false, "personnel", "public") },
			want{rows: [2][4]int64{{82333, 328667, -81000, 440000}, {94667, 164334, 10999, 490000}}, dampReserve: 70001,
				lineContains: map[string]string{"a/ceiling": "调减 取较小者(测算 411,000 − 330,000, 因素分配 328,667) = 81,000"}}},
		// Reserve: b measures 94667 + 123250 = 217917, +52083, taken from a.
		{"exclude", Reserve, func(p *Plan) { damp(p, "0.9", "1.1", 300000, 300000, false, "personnel", "public") },
			want{rows: [2][4]int64{{82333, 246500, -52083, 386750}, {94667, 123250, 52083, 490000}}, perfReserve: 123251}},
		// All four: A as in "ratings"; B (cap 33500): a/x 6071, a/y 0, b/x 10929,
		// b/y 30000 = 47000 → 4327, 0, 7790, 21383; C pays the rest.
		{"together", Redistribute, together, want{rows: [2][4]int64{{40000, 350667, -70667, 430000}, {104000, 175334, 18000, 517334}},
			dampReserve: 52667, effect: []int64{87666, -87666},
			lineContains: map[string]string{"b/y": "按比例 33,500 × 30,000 ÷ 47,000 ≈ 21,382.97 → 21,383,尾差 +1 元（最大余额法）;余 8,617 转入C档,全额保障;合计 21,383 + 8,617 = 30,000"}}},
		{"together", Reserve, together, want{rows: [2][4]int64{{40000, 263000, -18000, 395000}, {104000, 131500, 18000, 473500}},
			perfReserve: 131501, effect: []int64{-1, -131500}}},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.mode.String(), func(t *testing.T) {
			p := handPlan(tt.mode)
			tt.rules(p)
			res, err := fastMatchesExact(t, 0, p)
			if err != nil {
				t.Fatal(err)
			}
			for i, row := range tt.want.rows {
				a := res.Subdistricts[i]
				got := [4]decimal.Decimal{a.Projects, a.Block, a.Damping, a.Total}
				for k, w := range row {
					if !got[k].Equal(decimal.NewFromInt(w)) {
						t.Errorf("%s: got projects, block, damping, total %v, want %v", a.ID, got, row)
						break
					}
				}
				if tt.want.effect == nil {
					if a.RatingEffect != nil {
						t.Errorf("%s: a rating effect %s without floor_keeps_rating", a.ID, a.RatingEffect)
					}
				} else if a.RatingEffect == nil || !a.RatingEffect.Equal(decimal.NewFromInt(tt.want.effect[i])) {
					t.Errorf("%s: rating effect %v, want %d", a.ID, a.RatingEffect, tt.want.effect[i])
				}
			}
			if !res.PerformanceReserve.Equal(decimal.NewFromInt(tt.want.perfReserve)) || !res.DampingReserve.Equal(decimal.NewFromInt(tt.want.dampReserve)) {
				t.Errorf("reserves %s, %s; want %d, %d", res.PerformanceReserve, res.DampingReserve, tt.want.perfReserve, tt.want.dampReserve)
			}
			for where, text := range tt.want.lineContains {
				if f := lineFormula(t, res, where); !strings.Contains(f, text) {
					t.Errorf("%s: %q\nlacks %q", where, f, text)
				}
			}
		})
	}
}

func together(p *Plan) {
	rateProjects(p)
	demote(p)
	damp(p, "0.9", "1.1", 300000, 450000, true, "personnel")
}

// lineFormula returns the formula of the line "sub-district/item".
func lineFormula(t *testing.T, res *Result, where string) string {
	t.Helper()
	id, item, _ := strings.Cut(where, "/")
	a, ok := res.Find(id)
	if !ok {
		t.Fatalf("no sub-district %s", id)
	}
	for _, l := range a.Lines {
		if l.Item == item {
			return l.Formula()
		}
	}
	t.Fatalf("%s has no line %s", id, item)
	return ""
}

// TestDemoteTie: a demoted part and an item of the tier below with equal
// demands tie in the largest remainder, and the unit goes to the earlier
// item in rules order (by sub-district, then project file order), so the
// demoted x beats y. Pool 200: A (cap 100) gives x 100 of 150; B (cap
// floor(0.495 × 200) = 99) has x 50 and y 50: 49.5 each, x gets the unit;
// C and D (caps 0) fund nothing, y ends at 49, and the unit left goes to
// the block grant.
func TestDemoteTie(t *testing.T) {
	d := decimal.RequireFromString
	p := &Plan{Name: "并列", FiscalYear: 2025, Capacity: d("200"), RoundingUnit: d("1"),
		Projects: []Project{
			{ID: "x", Name: "病媒", UnitCost: d("1"), Basis: []string{"qx"}, Tier: TierA},
			{ID: "y", Name: "绿化", UnitCost: d("1"), Basis: []string{"qy"}, Tier: TierB},
		},
		TierCaps:     map[Tier]decimal.Decimal{TierA: d("0.5"), TierB: d("0.495"), TierC: d("0.001"), TierD: d("0.001")},
		TierOverflow: OverflowDemote,
		Factors:      []Factor{{ID: "f", Name: "人口", Weight: d("1"), Indicators: []Indicator{{Quantity: "pop", Weight: d("1")}}}},
		Subdistricts: []Subdistrict{{ID: "a", Name: "甲", Quantities: ValuesOf(map[string]decimal.Decimal{"qx": d("150"), "qy": d("50"), "pop": d("1")})}},
	}
	res, err := fastMatchesExact(t, 0, p)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Subdistricts[0]
	if !a.Projects.Equal(d("199")) || !a.Block.Equal(d("1")) || !a.Total.Equal(d("200")) {
		t.Errorf("projects %s, block %s, total %s; want 199, 1, 200", a.Projects, a.Block, a.Total)
	}
	for item, want := range map[string]string{
		"x": "需求 1 元 × 150 [qx] = 150,A档,超上限按比例 100 × 150 ÷ 150 = 100;" +
			"余 50 转入B档,超上限按比例 99 × 50 ÷ 100 = 49.5 → 50,尾差 +1 元（最大余额法）;合计 100 + 50 = 150",
		"y": "需求 1 元 × 50 [qy] = 50,B档,超上限按比例 99 × 50 ÷ 100 = 49.5 → 49;" +
			"余 1 转入C档,超上限按比例 0 × 1 ÷ 1 = 0;" +
			"余 1 转入D档,超上限按比例 0 × 1 ÷ 1 = 0;合计 49 + 0 + 0 = 49;余下 1 未安排（D档之后不再顺延）",
	} {
		if got := lineFormula(t, res, "a/"+item); got != want {
			t.Errorf("%s:\n got %s\nwant %s", item, got, want)
		}
	}
	// A statement shows each part on its own line (ReadableLines).
	var got []string
	for _, l := range a.ReadableLines() {
		if l.Stage == StageProjects {
			got = append(got, l.Item+" "+l.Amount.String()+": "+l.Formula())
		}
	}
	want := []string{
		"x 100: 需求 1 元 × 150 [qx] = 150,A档,超上限按比例 100 × 150 ÷ 150 = 100",
		"x 50: 未安排 150 − 100 = 50 转入B档,超上限按比例 99 × 50 ÷ 100 = 49.5 → 50,尾差 +1 元（最大余额法）",
		"y 49: 需求 1 元 × 50 [qy] = 50,B档,超上限按比例 99 × 50 ÷ 100 = 49.5 → 49",
		"y 0: 未安排 50 − 49 = 1 转入C档,超上限按比例 0 × 1 ÷ 1 = 0",
		"y 0: 未安排 50 − 49 − 0 = 1 转入D档,超上限按比例 0 × 1 ÷ 1 = 0;余下 1 未安排（D档之后不再顺延）",
	}
	if !slices.Equal(got, want) {
		t.Errorf("readable lines:\n got %q\nwant %q", got, want)
	}
	if len(res.Tiers) != 4 {
		t.Errorf("%d tiers, want A, B, C and D (C and D with demoted demand only)", len(res.Tiers))
	}
}

// TestRuleProblems checks the problems of the rules added later: a rated
// mandatory project, a rating nothing lists, an unknown or repeated
// component, coefficients out of range and a rounding unit of 0.
func TestRuleProblems(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name string
		edit func(p *Plan)
		path string
		code Code
		msg  string
	}{
		{"mandatory rated", func(p *Plan) { p.Subdistricts[0].ProjectRatings = map[string]string{"m": "中"} },
			"subdistrict[a].project_ratings.m", CodeRatedMandatory, `project "m" (三保) is mandatory`},
		{"unknown rating", func(p *Plan) { p.Subdistricts[1].ProjectRatings = map[string]string{"x": "优"} },
			"subdistrict[b].project_ratings.x", CodeUnknownRef, `rating "优" has no coefficient in [project_performance.coefficients]`},
		{"unknown project", func(p *Plan) { p.Subdistricts[1].ProjectRatings = map[string]string{"z": "中"} },
			"subdistrict[b].project_ratings.z", CodeUnknownRef, `"z" is not a [[project]] id`},
		{"no table", func(p *Plan) { p.ProjectPerformance = nil; rateProjects(p) },
			"subdistrict[a].project_ratings.y", CodeUnknownRef, "needs a [project_performance.coefficients] table"},
		{"coefficient above 1", func(p *Plan) { p.ProjectPerformance.Coefficients["中"] = d("1.1") },
			"project_performance.coefficients.中", CodeOutOfRange, "must be in [0, 1]"},
		{"no coefficients", func(p *Plan) { p.ProjectPerformance.Coefficients = nil },
			"project_performance.coefficients", CodeMissing, "at least one rating"},
		{"unknown component", func(p *Plan) { damp(p, "0.9", "", 1, 1, false, "block") },
			"damping.exclude", CodeUnknownRef, `"block" is not a component the measure can leave out`},
		{"repeated component", func(p *Plan) { damp(p, "0.9", "", 1, 1, false, "public", "public") },
			"damping.exclude", CodeRepeated, `"public" is listed twice`},
		{"bad overflow", func(p *Plan) { p.TierOverflow = 7 }, "tiers.overflow", CodeBadValue, "must be cut or demote"},
		{"rounding unit 0", func(p *Plan) { p.RoundingUnit = decimal.Zero }, "plan.rounding_unit", CodeOutOfRange, "power of ten"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := handPlan(Redistribute)
			tt.edit(p)
			ps := p.Validate()
			for _, pr := range ps {
				if pr.Path == tt.path && pr.Code == tt.code && strings.Contains(english(t, pr), tt.msg) {
					return
				}
			}
			t.Errorf("want %s %s %q, got %v", tt.path, tt.code, tt.msg, ps)
		})
	}
}

// TestCeilingWithoutBlock: a sub-district over its ceiling whose block
// grant is 0 (rated 差) gets a ceiling line of 0 saying nothing could be
// cut, not "within bounds"; a block line of 0 shows its amount.
func TestCeilingWithoutBlock(t *testing.T) {
	p := handPlan(Redistribute)
	p.Subdistricts[1].Rating = "差"
	damp(p, "", "1.1", 1000000, 100000, false)
	res, err := fastMatchesExact(t, 0, p)
	if err != nil {
		t.Fatal(err)
	}
	b := res.Subdistricts[1]
	want := "封顶 110,000 = 向下取整(1.1 × 基数 100,000);调减 取较小者(测算 314,667 − 110,000, 因素分配 0) = 0,无因素分配可调减"
	if got := lineFormula(t, res, "b/ceiling"); got != want || !b.Damping.IsZero() {
		t.Errorf("damping %s, line %q\nwant %q", b.Damping, got, want)
	}
	if got := lineFormula(t, res, "b/pop"); !strings.HasSuffix(got, "本街道因素分配 0 元,本行 = 0") {
		t.Errorf("block line of 0: %q", got)
	}
}
