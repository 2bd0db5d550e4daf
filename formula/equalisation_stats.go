package formula

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// cv is the population-weighted coefficient of variation
// √(Σ p_i (y_i − μ)² / P) / μ with y_i = a_i / p_i and μ = A / P, computed
// as √(P · Σ a_i² / p_i / A² − 1). The sums are exact decimals but the
// quotients a_i² / p_i would need the least common multiple of every
// population as a denominator, so they, and the square root, are taken in
// big.Float of cvPrec bits, far beyond the StatPlaces the result is
// rounded to.
func cv(people, amounts []decimal.Decimal, pop, total decimal.Decimal) *decimal.Decimal {
	f := func(d decimal.Decimal) *big.Float { return new(big.Float).SetPrec(cvPrec).SetRat(d.Rat()) }
	sum := new(big.Float).SetPrec(cvPrec)
	var q big.Float
	q.SetPrec(cvPrec)
	for i := range people {
		q.Quo(f(amounts[i].Mul(amounts[i])), f(people[i]))
		sum.Add(sum, &q)
	}
	a := f(total)
	sum.Mul(sum, f(pop))
	sum.Quo(sum, a.Mul(a, a))
	sum.Sub(sum, new(big.Float).SetPrec(cvPrec).SetInt64(1))
	if sum.Sign() < 0 { // all equal, but for the last bits
		sum.SetInt64(0)
	}
	sum.Sqrt(sum)
	out := decimal.RequireFromString(sum.Text('f', StatPlaces+4)).Round(StatPlaces)
	return &out
}

// cvPrec is the precision of the coefficient of variation's arithmetic.
const cvPrec = 256

// theil is the population-weighted Theil T index
// Σ s_i ln(s_i / π_i), s_i = a_i / A the amount share and π_i = p_i / P
// the population share (a sub-district with nothing adds 0). The shares
// are exact; only the logarithm is float64, a statistic, never money.
func theil(people, amounts []decimal.Decimal, pop, total decimal.Decimal) *decimal.Decimal {
	t := 0.0
	var r big.Rat
	for i := range people {
		if amounts[i].Sign() == 0 {
			continue
		}
		s := new(big.Rat).Quo(amounts[i].Rat(), total.Rat())
		// s / π = a_i · P / (A · p_i), exactly, then as a float.
		r.Quo(amounts[i].Mul(pop).Rat(), total.Mul(people[i]).Rat())
		rf, _ := r.Float64()
		sf, _ := s.Float64()
		t += sf * math.Log(rf)
	}
	out := decimal.NewFromFloat(t).Round(StatPlaces)
	return &out
}
