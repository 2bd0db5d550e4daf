package formula

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzEvaluate perturbs a random valid plan's numbers with fuzzed values
// and evaluates it: no panic, and the result is either invalid, rejected
// with a typed error, or balanced, and the same without lines
// (EvaluateTotals). The plans draw the rules added later
// (project ratings, demote, floors that keep the rating, exclude) too.
func FuzzEvaluate(f *testing.F) {
	f.Add(uint64(1), int64(0), int64(0), uint8(0))
	f.Add(uint64(7), int64(-5), int64(1000000), uint8(3))
	f.Add(uint64(42), int64(123456789012), int64(1), uint8(9))
	f.Fuzz(func(t *testing.T, seed uint64, a, b int64, which uint8) {
		p := randomRulesPlan(seed % 5000) // randomPlan, with the rules added later drawn too
		v := decimal.New(a, int32(which%5)-2)
		switch which % 6 {
		case 0:
			p.Capacity = v
		case 1:
			p.ReserveRate = decimal.New(b%1000, -3)
		case 2:
			if len(p.Projects) > 0 {
				p.Projects[0].UnitCost = v
			}
		case 3:
			p.Subdistricts[0].Quantities.Set("q0", v)
		case 4:
			if p.Damping != nil {
				p.Damping.Floor, p.Damping.Ceiling = &v, nil
			}
		case 5:
			p.Factors[0].Weight = v
		}
		m, err := Compile(p)
		if err != nil {
			var inv *InvalidPlanError
			if !errors.As(err, &inv) || len(inv.Problems) == 0 {
				t.Fatalf("compile failed untyped: %v", err)
			}
			return
		}
		res, err := m.Evaluate()
		totalsMatch(t, seed, m, res, err) // the same without lines
		if err != nil {
			var rej *RejectedError
			if !errors.As(err, &rej) {
				t.Fatalf("evaluate failed untyped: %v", err)
			}
			return
		}
		if err := res.CheckIdentity(); err != nil {
			t.Fatal(err)
		}
	})
}
