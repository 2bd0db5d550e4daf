package formula

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestAccumEquals: whether a sum equals an amount is told on units as the
// decimal sum tells it, for sums that fit an int64 and sums that do not,
// amounts with more decimals than the unit, and amounts equal, one unit
// off and far off.
func TestAccumEquals(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 9))
	for _, unitText := range []string{"1", "0.01", "100"} {
		u, ok := newUnit(decimal.RequireFromString(unitText))
		if !ok {
			t.Fatal(unitText)
		}
		for range 3000 {
			s := accum{u: u}
			for range r.IntN(6) {
				d := decimal.New(r.Int64N(1<<uint(1+r.IntN(62)))-(1<<40), int32(r.IntN(6))-u.places)
				if r.IntN(20) == 0 {
					d = d.Add(decimal.New(1, -u.places-3)) // more decimals than the unit
				}
				s.add(d)
			}
			sum := s.sum()
			for _, d := range []decimal.Decimal{sum, sum.Add(u.d), sum.Sub(u.d), sum.Mul(decimal.New(3, 0)), sum.Add(decimal.New(1, -u.places-2)), {}} {
				if got, want := s.equals(d), sum.Equal(d); got != want {
					t.Fatalf("unit %s: Σ %s equals %s: %v, want %v", unitText, sum, d, got, want)
				}
			}
		}
	}
}
