package formula

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestSplitAmountProperty: for random amounts, weights and units, a
// split hands out exactly the amount, each part within one unit of its
// exact share, and a larger weight never gets less.
func TestSplitAmountProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 8))
	units := []string{"0.01", "1", "100", "10000"}
	for range 2000 {
		u := decimal.RequireFromString(units[r.IntN(len(units))])
		amount := decimal.NewFromInt(r.Int64N(1_000_000_000)).Mul(u)
		n := 1 + r.IntN(6)
		w := make([]decimal.Decimal, n)
		sum := decimal.Zero
		for i := range w {
			w[i] = decimal.New(r.Int64N(100000), -int32(r.IntN(3)))
			sum = sum.Add(w[i])
		}
		parts, err := SplitAmount(amount, w, u)
		if sum.IsZero() {
			if err == nil && amount.Sign() > 0 {
				t.Fatalf("split of %s over zero weights: no error", amount)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		total := decimal.Zero
		for i, p := range parts {
			total = total.Add(p)
			exact := amount.Mul(w[i]).Div(sum)
			if p.Sub(exact).Abs().GreaterThanOrEqual(u) {
				t.Fatalf("%s over %v by %s: part %d = %s, exact %s", amount, w, u, i, p, exact)
			}
			for j := range parts {
				if w[i].GreaterThan(w[j]) && p.LessThan(parts[j]) {
					t.Fatalf("%s over %v: weight %s gets %s < %s", amount, w, w[i], p, parts[j])
				}
			}
		}
		if !total.Equal(amount) {
			t.Fatalf("%s over %v by %s: parts add up to %s", amount, w, u, total)
		}
	}
}
