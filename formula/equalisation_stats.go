package formula

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// cv is the population-weighted coefficient of variation
// √(Σ p_i (y_i − μ)² / P) / μ with y_i = a_i / p_i: the variance is exact,
// its square root taken in big.Float to 128 bits before rounding.
func cv(people, amounts []decimal.Decimal, pop decimal.Decimal, mean *big.Rat) *decimal.Decimal {
	if mean.Sign() <= 0 {
		return nil
	}
	v := new(big.Rat)
	var y, d big.Rat
	for i := range people {
		p := people[i].Rat()
		y.Quo(amounts[i].Rat(), p)
		d.Sub(&y, mean)
		d.Mul(&d, &d)
		v.Add(v, d.Mul(&d, p))
	}
	v.Quo(v, pop.Rat())
	v.Quo(v, new(big.Rat).Mul(mean, mean)) // CV²
	f := new(big.Float).SetPrec(128).SetRat(v)
	f.Sqrt(f)
	s := f.Text('f', StatPlaces+4)
	out := decimal.RequireFromString(s).Round(StatPlaces)
	return &out
}

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
