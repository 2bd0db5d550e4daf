package whatif

import (
	"math/big"

	"github.com/caili/caili/internal/attribution"
	"github.com/shopspring/decimal"
)

type decimalT = decimal.Decimal

func decimalFromPct(p int) decimal.Decimal { return decimal.New(int64(p), -2) }

// bruteForce averages each player's marginal contribution over all k!
// orders of joining.
func bruteForce(k int, v func(attribution.Coalition) []*big.Int) [][]*big.Rat {
	dims := len(v(0))
	sum := make([][]*big.Rat, k)
	for i := range sum {
		sum[i] = make([]*big.Rat, dims)
		for d := range sum[i] {
			sum[i][d] = new(big.Rat)
		}
	}
	orders := 0
	var perm func(order []int, used attribution.Coalition)
	perm = func(order []int, used attribution.Coalition) {
		if len(order) == k {
			orders++
			c := attribution.Coalition(0)
			for _, i := range order {
				before, after := v(c), v(c|1<<i)
				for d := range dims {
					m := new(big.Int).Sub(after[d], before[d])
					sum[i][d].Add(sum[i][d], new(big.Rat).SetInt(m))
				}
				c |= 1 << i
			}
			return
		}
		for i := range k {
			if !used.Has(i) {
				perm(append(order, i), used|1<<i)
			}
		}
	}
	perm(nil, 0)
	for i := range sum {
		for d := range sum[i] {
			sum[i][d].Quo(sum[i][d], big.NewRat(int64(orders), 1))
		}
	}
	return sum
}
