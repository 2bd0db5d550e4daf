package formula

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestToUnits: toUnits gives x ÷ U when that is a whole number that fits
// an int64 and says no otherwise (it may also refuse a coefficient or a
// count of 19 digits), for every rounding unit and amounts written with
// any exponent.
func TestToUnits(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 25))
	for _, places := range allowedUnits {
		u := unit{d: decimal.New(1, -places), places: places}
		cases := []decimal.Decimal{{}, decimal.Zero, decimal.New(1, 30), decimal.New(-7, -30), decimal.New(5, -3),
			decimal.New(1<<62, 0), decimal.New(-1<<62, 2), decimal.New(123, 25)}
		for range 5000 {
			v := r.Int64N(1 << uint(1+r.IntN(62)))
			if r.IntN(2) == 0 {
				v = -v
			}
			cases = append(cases, decimal.New(v, int32(r.IntN(12)-6)))
		}
		for _, x := range cases {
			q := x.Shift(places) // x ÷ U
			wantOK := q.IsInteger() && q.BigInt().IsInt64()
			got, ok := u.toUnits(x)
			big := x.NumDigits() > 18 || q.Abs().GreaterThanOrEqual(decimal.New(1, 18)) // may be refused
			if (ok && (!wantOK || got != q.BigInt().Int64())) || (!ok && wantOK && !big) {
				t.Fatalf("places %d, %s: got %d %v, want %s %v", places, x, got, ok, q, wantOK)
			}
		}
	}
}
