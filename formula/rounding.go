package formula

import (
	"errors"
	"math/big"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"
)

// unit is the rounding unit U = 10^-places: the smallest amount handed out.
type unit struct {
	d      decimal.Decimal
	places int32 // decimal places of U; negative for U ≥ 10
}

// allowedUnits are the rounding units rules §1.2 admits: powers of ten from 0.01 to 10000.
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
	Rank   int32           // with Extra, its place in the order of remainders (1 = largest)
	w      *big.Int        // the item's weight; the quota is B·w/Σw units
	split  *lrSplit        // shared by all items of a split; nil: nothing was split
}

// lrSplit is what the items of one split share, kept so that quotas are
// computed only when a line is explained.
type lrSplit struct {
	unit    unit
	bu, sum int64    // B in units and Σw, when they fit an int64
	buB     *big.Int // B in units otherwise (nil when it fits)
	sumB    big.Int  // Σw otherwise
	bigSum  bool     // whether Σw is sumB
}

// Quota is the item's exact quota B·w/Σw in 元, before flooring.
func (s lrShare) Quota() *big.Rat {
	sp := s.split
	if sp == nil || s.w == nil {
		return new(big.Rat)
	}
	bu, den := sp.buB, &sp.sumB
	if bu == nil {
		bu = big.NewInt(sp.bu)
	}
	if !sp.bigSum {
		den = big.NewInt(sp.sum)
	}
	if den.Sign() == 0 {
		return new(big.Rat)
	}
	q := new(big.Rat).SetFrac(new(big.Int).Mul(bu, s.w), den)
	return q.Mul(q, sp.unit.d.Rat())
}

// lrBuf is scratch space that consecutive splits can share.
type lrBuf struct {
	bu, num, q, r big.Int
	rems          []uint64 // remainders, stride words per item, least significant word first
	floors        []int64
	order         []int32
	// unitsOnly asks lrInto to leave the amounts unset when it splits on
	// int64 units, which it then reports in unitsLeft: each item's share
	// is floors[i] units (a split that only a difference in units reads).
	unitsOnly, unitsLeft bool
}

// largestRemainder splits b (a multiple of U) over items in proportion to
// weights w ≥ 0 (rules §1.3): quotas are floored to units, the units left
// over go one each to the largest remainders, ties to the earlier item.
// It always hands out exactly b. The shares keep w to explain their
// quotas, so w must not be changed afterwards.
func (u unit) largestRemainder(b decimal.Decimal, w []*big.Int) ([]lrShare, error) {
	out := make([]lrShare, len(w))
	return out, u.lrInto(out, b, w, new(lrBuf))
}

// lrInto is largestRemainder into out (len(out) = len(w)), with scratch
// space buf. It works on int64 units and words, and leaves to
// lrExactInto only the splits of more than an int64 of units. It runs in
// phases: sum the weights, floor every quota (on one word, two words or
// big integers, as Σw needs), hand out the units left over, and set the
// amounts.
func (u unit) lrInto(out []lrShare, b decimal.Decimal, w []*big.Int, buf *lrBuf) error {
	bu, ok := u.units64(b)
	if !ok {
		return u.lrExactInto(out, b, w)
	}
	sp, stride, ok := u.lrSum(bu, w, buf)
	if !ok {
		return u.lrExactInto(out, b, w)
	}
	if sp.bigSum && sp.sumB.Sign() == 0 || !sp.bigSum && sp.sum == 0 {
		return lrWeightless(out, bu != 0)
	}
	n := len(w)
	buf.rems = slices.Grow(buf.rems[:0], n*stride)[:n*stride]
	buf.floors = slices.Grow(buf.floors[:0], n)[:n]
	var given int64
	switch {
	case !sp.bigSum:
		given = sp.floors64(w, buf.floors, buf.rems)
	case stride == 2 && bits.UintSize == 64:
		given = sp.floors128(w, buf.floors, buf.rems)
	default:
		given = sp.floorsBig(w, buf, stride)
	}
	if left := bu - given; left > 0 { // fewer than n
		lrLeftovers(out, buf, n, stride, left)
	}
	if buf.unitsOnly {
		for i, x := range w {
			out[i].w, out[i].split = x, sp
		}
		buf.unitsLeft = true
		return nil
	}
	u.lrAmounts(out, w, buf.floors, sp)
	return nil
}

// lrSum starts a split of bu units over weights w: it sums Σw, as an
// int64 when it fits and else as a big integer of stride words. It
// reports false when a weight is negative.
func (u unit) lrSum(bu int64, w []*big.Int, buf *lrBuf) (sp *lrSplit, stride int, ok bool) {
	sp = &lrSplit{unit: u, bu: bu}
	fits := true
	for _, x := range w {
		if x.Sign() < 0 {
			return nil, 0, false
		}
		if fits {
			if fits = x.IsInt64(); fits {
				sp.sum, fits = addUnits(sp.sum, x.Int64())
			}
		}
	}
	stride = 1
	if !fits {
		buf.num.SetInt64(0)
		for _, x := range w {
			buf.num.Add(&buf.num, x)
		}
		sp.sum, sp.bigSum = 0, true
		sp.sumB.Set(&buf.num)
		stride = len(sp.sumB.Bits())
	}
	return sp, stride, true
}

// lrWeightless is the split when every weight is zero: an error when
// there is something to split, else nothing for everyone.
func lrWeightless(out []lrShare, something bool) error {
	if something {
		return errNoWeight
	}
	for i := range out {
		out[i] = lrShare{Amount: decimal.Zero}
	}
	return nil
}

// floors64 floors the quotas bu·x/Σw when Σw fits an int64, into floors
// with their remainders in rems, and returns the units given.
func (sp *lrSplit) floors64(w []*big.Int, floors []int64, rems []uint64) (given int64) {
	for i, x := range w {
		// x ≤ Σw, so the quotient is at most bu and fits.
		hi, lo := bits.Mul64(uint64(sp.bu), uint64(x.Int64()))
		q, r := bits.Div64(hi, lo, uint64(sp.sum))
		floors[i], rems[i] = int64(q), r
		given += int64(q)
	}
	return given
}

// floors128 is floors64 when Σw fits 128 bits: remainders take two words
// each and are kept times 2^sh (see mulDiv128).
func (sp *lrSplit) floors128(w []*big.Int, floors []int64, rems []uint64) (given int64) {
	s := sp.sumB.Bits()
	sh := uint(bits.LeadingZeros64(uint64(s[1])))
	d1, d0 := uint64(s[1])<<sh|uint64(s[0])>>(64-sh), uint64(s[0])<<sh
	for i, x := range w {
		var w1, w0 uint64
		switch xb := x.Bits(); len(xb) { // at most two words, as x ≤ Σw
		case 2:
			w1 = uint64(xb[1])
			fallthrough
		case 1:
			w0 = uint64(xb[0])
		}
		q, r1, r0 := mulDiv128(uint64(sp.bu), w1, w0, d1, d0, sh)
		floors[i], rems[2*i], rems[2*i+1] = int64(q), r0, r1
		given += int64(q)
	}
	return given
}

// floorsBig is floors64 on big integers, for any Σw: remainders take
// stride words each.
func (sp *lrSplit) floorsBig(w []*big.Int, buf *lrBuf, stride int) (given int64) {
	floors, rems := buf.floors, buf.rems
	buf.bu.SetInt64(sp.bu)
	for i, x := range w {
		buf.num.Mul(&buf.bu, x)
		buf.q.QuoRem(&buf.num, &sp.sumB, &buf.r)
		floors[i] = buf.q.Int64() // at most bu
		given += floors[i]
		rem := rems[i*stride : (i+1)*stride]
		clear(rem)
		for k, d := range buf.r.Bits() {
			rem[k] = uint64(d)
		}
	}
	return given
}

// lrLeftovers hands the left units, one each, to the n items with the
// largest remainders in buf (stride words each, most significant last);
// equal remainders go in item order.
func lrLeftovers(out []lrShare, buf *lrBuf, n, stride int, left int64) {
	rems, floors := buf.rems, buf.floors
	buf.order = slices.Grow(buf.order[:0], n)[:n]
	order := buf.order
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		ra, rb := rems[int(a)*stride:int(a+1)*stride], rems[int(b)*stride:int(b+1)*stride]
		for k := stride - 1; k >= 0; k-- {
			if ra[k] != rb[k] {
				if ra[k] > rb[k] {
					return -1
				}
				return 1
			}
		}
		return int(a - b)
	})
	for p, i := range order[:left] {
		floors[i]++
		out[i].Extra, out[i].Rank = true, int32(p+1)
	}
}

// lrAmounts sets every share's amount from its floored units, and keeps
// its weight and the split to explain its quota.
func (u unit) lrAmounts(out []lrShare, w []*big.Int, floors []int64, sp *lrSplit) {
	var zero decimal.Decimal // shared by the items that get nothing
	hasZero := false
	for i, x := range w {
		out[i].w, out[i].split = x, sp
		if floors[i] != 0 {
			out[i].Amount = u.unitsDecimal(floors[i])
			continue
		}
		if !hasZero {
			zero, hasZero = decimal.New(0, -u.places), true
		}
		out[i].Amount = zero
	}
}

// lrExactInto is largestRemainder on big integers throughout: the
// reference that lrInto must match, and its fallback.
func (u unit) lrExactInto(out []lrShare, b decimal.Decimal, w []*big.Int) error {
	sp := &lrSplit{unit: u, bigSum: true}
	total := &sp.sumB
	for _, x := range w {
		total.Add(total, x)
	}
	bu := u.units(b)
	sp.buB = bu
	if total.Sign() == 0 {
		return lrWeightless(out, bu.Sign() != 0)
	}
	floors := make([]*big.Int, len(w))
	rems := make([]*big.Int, len(w))
	given := new(big.Int)
	for i, x := range w {
		q, r := new(big.Int), new(big.Int)
		q.QuoRem(new(big.Int).Mul(bu, x), total, r)
		floors[i], rems[i] = q, r
		given.Add(given, q)
		out[i].w, out[i].split = x, sp
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
		for p, i := range order[:left] {
			floors[i].Add(floors[i], big.NewInt(1))
			out[i].Extra, out[i].Rank = true, int32(p+1)
		}
	}
	for i := range w {
		out[i].Amount = u.amount(floors[i])
	}
	return nil
}

// units64 converts b, a non-negative multiple of U, to a count of units if
// it fits an int64.
func (u unit) units64(b decimal.Decimal) (int64, bool) {
	if b.Sign() < 0 || b.NumDigits() > 18 {
		return 0, false
	}
	c, k := b.CoefficientInt64(), b.Exponent()+u.places
	if k >= 0 {
		return scaleUp(c, k)
	}
	if -k > 18 {
		return 0, c == 0
	}
	d := int64(pow10s[-k])
	if c%d != 0 {
		return 0, false
	}
	return c / d, true
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
