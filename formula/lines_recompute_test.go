package formula

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// CheckLines recomputes every line of a result, those a statement shows
// (ReadableLines: the block grant one line, by rounded scores) and those
// for machines (Lines: the block grant by indicator), from its text
// (Recompute), and reports the first that does not give its amount. It
// also checks the machine fields exactly (checkBlockExact). The external
// tests use it on generated and sample plans.
func CheckLines(res *Result) error {
	for _, a := range res.Subdistricts {
		for _, lines := range [][]Line{a.ReadableLines(), a.Lines} {
			for _, l := range lines {
				if err := checkText(l.Formula(), l.Amount, res.Unit); err != nil {
					return errors.New(a.ID + " " + string(l.Stage) + "/" + l.Item + ": " + err.Error())
				}
			}
		}
		if f := a.Score.Formula(); f != "" {
			if err := checkText(f, a.Block, res.Unit); err != nil {
				return errors.New(a.ID + " score: " + err.Error())
			}
		}
	}
	return checkBlockExact(res)
}

// checkBlockExact checks the block grant's machine fields with exact
// fractions: each sub-district's lines by indicator add up to its block
// amount, its parts add up to its score, and its block amount is within
// one unit of pool × adjusted score ÷ Σ adjusted scores, the exact share
// the readable line shows rounded.
func checkBlockExact(res *Result) error {
	sumAdj := new(big.Rat)
	var b *blockStage
	for _, a := range res.Subdistricts {
		sumAdj.Add(sumAdj, a.Score.Adjusted())
		if a.Score.b != nil {
			b = a.Score.b
		}
	}
	if b == nil || sumAdj.Sign() == 0 {
		return nil
	}
	unit := res.Unit.Rat()
	for _, a := range res.Subdistricts {
		lines, parts := decimal.Zero, new(big.Rat)
		for _, l := range a.Lines {
			if l.Stage == StageBlock {
				lines = lines.Add(l.Amount)
			}
		}
		for _, p := range a.Score.Parts {
			parts.Add(parts, p.Part())
		}
		if len(a.Score.Parts) > 0 && !lines.Equal(a.Block) {
			return errors.New(a.ID + ": block lines add up to " + lines.String() + ", block " + a.Block.String())
		}
		if parts.Cmp(a.Score.Total()) != 0 {
			return errors.New(a.ID + ": score parts add up to " + parts.RatString() + ", score " + a.Score.Total().RatString())
		}
		q := new(big.Rat).Mul(b.pool.Rat(), a.Score.Adjusted())
		q.Quo(q, sumAdj)
		q.Sub(q, a.Block.Rat())
		if q.Abs(q).Cmp(unit) >= 0 {
			return errors.New(a.ID + ": block " + a.Block.String() + " is a unit or more from its exact share")
		}
	}
	return nil
}

func checkText(text string, amount, unit decimal.Decimal) error {
	v, err := Recompute(text, unit)
	if err != nil {
		return err
	}
	if v == nil {
		v = new(big.Rat)
	}
	if v.Cmp(amount.Rat()) != 0 {
		return errors.New("recomputes to " + v.RatString() + ", amount " + amount.String() + ": " + text)
	}
	return nil
}

// TestLinesRecompute evaluates the text of every line of random plans as
// a calculator would, with the numbers it shows, and checks each step
// lands within one rounding unit and the last gives the line's amount
// exactly: the random plans of the
// property tests (all rounding units, both performance modes, damping),
// those of the rules tests with overflow = demote (items paid in parts),
// those whose floors keep the rating and those with the tables of rules
// §6 (execution cuts, district-managed projects, transfers, caps on the
// whole budget).
func TestLinesRecompute(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 100
	}
	demote := func(seed uint64) *Plan {
		p := randomRulesPlan(seed)
		p.TierOverflow = OverflowDemote
		return p
	}
	// every kind of step must have been met, or the test proves little
	seen := map[string]int{"最大余额法": 0, "按单位向下取整(": 0, "→": 0, "≈": 0, "调减": 0, "合计": 0, "向上取整": 0, ",": 0, "本项得分": 0,
		"执行率": 0, "统筹安排": 0, "÷ Σ ": 0, "可用财力": 0, "激励总额": 0}
	for name, gen := range map[string]func(uint64) *Plan{"random": randomPlan, "demote": demote, "floor": floorPlan, "money": randomMoneyPlan} {
		checked := 0
		for seed := uint64(1); seed <= uint64(n); seed++ {
			p := gen(seed)
			if p == nil {
				continue
			}
			res, err := evaluate(p)
			if err != nil {
				continue
			}
			if err := CheckLines(res); err != nil {
				t.Fatalf("%s seed %d (unit %s): %v", name, seed, res.Unit, err)
			}
			countSteps(res, seen)
			checked++
		}
		if checked < n/10 {
			t.Fatalf("%s: only %d of %d plans were accepted", name, checked, n)
		}
	}
	for step, n := range seen {
		if n == 0 {
			t.Errorf("no line has %q", step)
		}
	}
}

// countSteps counts the lines whose text has each step of seen.
func countSteps(res *Result, seen map[string]int) {
	for _, a := range res.Subdistricts {
		for _, l := range a.Lines {
			f := l.Formula()
			for step := range seen {
				if strings.Contains(f, step) {
					seen[step]++
				}
			}
		}
	}
}

// TestRecomputeTable pins the evaluator on hand-written text.
func TestRecomputeTable(t *testing.T) {
	for _, tc := range []struct {
		text, unit, want string
		fails            bool
	}{
		{"108 人 × 210,000 元 × (1 + 0.36) = 30,844,800", "1", "30844800", false},
		{"需求 1.5 元 × 3 [q] × 0.9（项目绩效 中） = 4.05 → 4 (A 档),全额保障", "1", "4", false},
		{"因素分配 10 元 × 1 ÷ 3 ≈ 3.33 → 4,尾差 +1 元（最大余额法）", "1", "4", false},
		{"因素分配 1,000 × 1 ÷ 3 ≈ 333.33 → 300", "100", "300", false},
		{"因素分配资金 27,706,144 元 × 本街道调整后得分 0.07885120 ÷ 全区合计 0.99999999 ≈ 2,184,662.72 → 2,184,663", "1", "2184663", false},
		{"调减 min(超出 5, 因素分配 9) = 5", "1", "-5", false},
		{"0.05 × max(0, 10 [a] − 30 [b]) = 0", "1", "0", false},
		{"测算 5 在 保底 3 之内,不调整", "1", "", false},
		{"10 × 1 ÷ 3 = 3.33", "1", "333/100", false},
		{"10 × 1 ÷ 3 = 3.32", "1", "", true},
		{"10 × 1 ÷ 3 ≈ 3.33 → 5", "1", "", true},
		{"27,706,144 × 0.0788 ÷ 0.9999 ≈ 2,184,707", "1", "", true},
		{"2 × 3 = 7", "1", "", true},
		{"round(2.5) = 3;round(−2.5) = −3;ceil_u(101) = 200", "100", "200", false},
	} {
		v, err := Recompute(tc.text, decimal.RequireFromString(tc.unit))
		if tc.fails {
			if err == nil {
				t.Errorf("%q: want an error, got %v", tc.text, v)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.text, err)
			continue
		}
		got := ""
		if v != nil {
			got = v.RatString()
		}
		if got != tc.want {
			t.Errorf("%q = %s, want %s", tc.text, got, tc.want)
		}
	}
}
