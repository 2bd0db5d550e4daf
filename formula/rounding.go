package formula

import (
	"errors"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"
)

// unit is the rounding unit U = 10^-places: the smallest amount handed out.
type unit struct {
	d      decimal.Decimal
	places int32 // decimal places of U; negative for U ≥ 10
}

// allowedUnits are the rounding units SPEC §1 admits: powers of ten from 0.01 to 10000.
var allowedUnits = []int32{2, 1, 0, -1, -2, -3, -4}

// newUnit checks that d is a power of ten from 0.01 to 10000.
func newUnit(d decimal.Decimal) (unit, bool) {
	for _, p := range allowedUnits {
		u := decimal.New(1, -p)
		if d.Equal(u) {
			return unit{d: u, places: p}, true
		}
	}
	return unit{}, false
}

// round rounds x to the nearest multiple of U, halves away from zero.
func (u unit) round(x decimal.Decimal) decimal.Decimal { return x.Round(u.places) }

// floor rounds x down to a multiple of U.
func (u unit) floor(x decimal.Decimal) decimal.Decimal { return x.RoundFloor(u.places) }

// ceil rounds x up to a multiple of U.
func (u unit) ceil(x decimal.Decimal) decimal.Decimal { return x.RoundCeil(u.places) }

// isMultiple reports whether x is a whole number of units.
func (u unit) isMultiple(x decimal.Decimal) bool { return x.Shift(u.places).IsInteger() }

// units converts x, a multiple of U, to a count of units.
func (u unit) units(x decimal.Decimal) *big.Int { return x.Shift(u.places).BigInt() }

// amount converts a count of units back to 元.
func (u unit) amount(n *big.Int) decimal.Decimal { return decimal.NewFromBigInt(n, -u.places) }

// format renders an amount with the decimal places of U (none for U ≥ 1).
func (u unit) format(x decimal.Decimal) string {
	if u.places > 0 {
		return x.StringFixed(u.places)
	}
	return x.StringFixed(0)
}

// errNoWeight is returned by largestRemainder when there is something to
// split but every weight is zero.
var errNoWeight = errors.New("all weights are zero")

// lrShare is one item's part of a largest-remainder split.
type lrShare struct {
	Amount decimal.Decimal // what the item gets
	Extra  bool            // whether it got one of the units left over
	num    *big.Int        // B·w in units; the quota is num/den units
	den    *big.Int        // Σw (shared by all items of a split)
	unit   *unit
}

// Quota is the item's exact quota B·w/Σw in 元, before flooring.
func (s lrShare) Quota() *big.Rat {
	if s.den == nil || s.den.Sign() == 0 {
		return new(big.Rat)
	}
	q := new(big.Rat).SetFrac(s.num, s.den)
	return q.Mul(q, s.unit.d.Rat())
}

// largestRemainder splits b (a multiple of U) over items in proportion to
// weights w ≥ 0 (SPEC §1 LR): quotas are floored to units, the units left
// over go one each to the largest remainders, ties to the earlier item.
// It always hands out exactly b.
func (u unit) largestRemainder(b decimal.Decimal, w []*big.Int) ([]lrShare, error) {
	out := make([]lrShare, len(w))
	total := new(big.Int)
	for _, x := range w {
		total.Add(total, x)
	}
	bu := u.units(b)
	if total.Sign() == 0 {
		if bu.Sign() != 0 {
			return nil, errNoWeight
		}
		for i := range out {
			out[i] = lrShare{Amount: decimal.Zero}
		}
		return out, nil
	}
	floors := make([]*big.Int, len(w))
	rems := make([]*big.Int, len(w))
	given := new(big.Int)
	uu := &u
	for i, x := range w {
		q, r := new(big.Int), new(big.Int)
		num := new(big.Int).Mul(bu, x)
		q.QuoRem(num, total, r)
		floors[i], rems[i] = q, r
		given.Add(given, q)
		out[i].num, out[i].den, out[i].unit = num, total, uu
	}
	left := new(big.Int).Sub(bu, given).Int64() // fewer than len(w)
	if left > 0 {
		order := make([]int, len(w))
		for i := range order {
			order[i] = i
		}
		// Largest remainder first; equal remainders in item order.
		slices.SortFunc(order, func(a, b int) int {
			if c := rems[b].Cmp(rems[a]); c != 0 {
				return c
			}
			return a - b
		})
		for _, i := range order[:left] {
			floors[i].Add(floors[i], big.NewInt(1))
			out[i].Extra = true
		}
	}
	for i := range w {
		out[i].Amount = u.amount(floors[i])
	}
	return out, nil
}

// decimalWeights turns non-negative decimals into integers with the same
// ratios, by scaling all of them to the finest exponent among them.
func decimalWeights(ds []decimal.Decimal) []*big.Int {
	minExp := int32(0)
	for i, d := range ds {
		if i == 0 || d.Exponent() < minExp {
			minExp = d.Exponent()
		}
	}
	out := make([]*big.Int, len(ds))
	ten := big.NewInt(10)
	for i, d := range ds {
		c := d.Coefficient()
		if k := d.Exponent() - minExp; k > 0 {
			c.Mul(c, new(big.Int).Exp(ten, big.NewInt(int64(k)), nil))
		}
		out[i] = c
	}
	return out
}

// ratWeights turns non-negative rationals into integers with the same
// ratios, by multiplying through by the least common multiple of the
// denominators.
func ratWeights(rs []*big.Rat) []*big.Int {
	l := big.NewInt(1)
	g := new(big.Int)
	for _, r := range rs {
		d := r.Denom()
		g.GCD(nil, nil, l, d)
		l.Mul(l, new(big.Int).Quo(d, g))
	}
	out := make([]*big.Int, len(rs))
	for i, r := range rs {
		n := new(big.Int).Quo(l, r.Denom())
		out[i] = n.Mul(n, r.Num())
	}
	return out
}
