package formula

import (
	"math"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"
)

// This file is the engine's fast path: amounts as int64 counts of the
// rounding unit, used for the (sub-district × project) items that dominate
// large plans. Every operation checks for overflow; when anything would not
// fit, the stage falls back to the exact big-number path, which gives the
// same result (TestFastPathMatchesExact holds both to it).

// small is a non-negative decimal as an int64 mantissa and an exponent.
type small struct {
	m   int64
	exp int32
}

// toSmall converts a non-negative decimal whose mantissa fits an int64.
func toSmall(d decimal.Decimal) (small, bool) {
	if d.NumDigits() <= 18 { // fits for sure; no copy of the coefficient
		if c := d.CoefficientInt64(); c >= 0 {
			return small{c, d.Exponent()}, true
		}
		return small{}, false
	}
	c := d.Coefficient()
	if c.Sign() < 0 || !c.IsInt64() {
		return small{}, false
	}
	return small{c.Int64(), d.Exponent()}, true
}

// column is one quantity column with every sub-district's value as an
// int64 mantissa at the column's finest exponent.
type column struct {
	v   []int64
	exp int32
	ok  bool // every value fits
}

func newColumn(vals []decimal.Decimal) column {
	col := column{v: make([]int64, len(vals)), ok: true}
	for i, d := range vals {
		if i == 0 || d.Exponent() < col.exp {
			col.exp = d.Exponent()
		}
	}
	for i, d := range vals {
		s, ok := toSmall(d)
		if !ok {
			return column{}
		}
		v, ok := scaleUp(s.m, s.exp-col.exp)
		if !ok {
			return column{}
		}
		col.v[i] = v
	}
	return col
}

var pow10s = func() []uint64 {
	p := make([]uint64, 20)
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// scaleUp multiplies m by 10^k (k ≥ 0) if the result fits an int64.
func scaleUp(m int64, k int32) (int64, bool) {
	if k == 0 {
		return m, true
	}
	if k < 0 || int(k) >= len(pow10s) {
		return 0, m == 0
	}
	hi, lo := bits.Mul64(uint64(m), pow10s[k])
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

// sumBasis adds basis columns for sub-district i at their finest exponent.
func sumBasis(cols []column, idx []int, i int) (small, bool) {
	if len(idx) == 1 {
		c := &cols[idx[0]]
		if !c.ok { // a column that did not fit has no values
			return small{}, false
		}
		return small{c.v[i], c.exp}, true
	}
	exp := int32(math.MaxInt32)
	for _, k := range idx {
		if !cols[k].ok {
			return small{}, false
		}
		exp = min(exp, cols[k].exp)
	}
	var s int64
	for _, k := range idx {
		v, ok := scaleUp(cols[k].v[i], cols[k].exp-exp)
		if !ok || s > math.MaxInt64-v {
			return small{}, false
		}
		s += v
	}
	return small{s, exp}, true
}

// mulRoundUnits returns round(a × b) as a count of units of 10^-places,
// halves away from zero (a, b ≥ 0), if it fits an int64.
func mulRoundUnits(a, b small, places int32) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a.m), uint64(b.m))
	k := a.exp + b.exp + places
	if k >= 0 {
		if hi != 0 || lo > math.MaxInt64 {
			return 0, false
		}
		return scaleUp(int64(lo), k)
	}
	if int(-k) >= len(pow10s) {
		return 0, false
	}
	d := pow10s[-k]
	if hi >= d {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, d)
	if r >= d-r { // r ≥ d/2: round half up
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}

// addUnits adds non-negative int64s, reporting overflow.
func addUnits(a, b int64) (int64, bool) {
	if a > math.MaxInt64-b {
		return 0, false
	}
	return a + b, true
}

// splitUnits is largest remainder on int64 units: b units over weights w
// (Σw = total > 0, b ≤ total). rank marks the items that got a leftover
// unit with their place in the order of remainders (1 = largest; 0: none).
func splitUnits(b int64, w []int64, total int64) (out []int64, rank []int32) {
	out = make([]int64, len(w))
	rems := make([]uint64, len(w))
	var given int64
	for i, x := range w {
		hi, lo := bits.Mul64(uint64(b), uint64(x))
		q, r := bits.Div64(hi, lo, uint64(total))
		out[i], rems[i] = int64(q), r
		given += int64(q)
	}
	rank = make([]int32, len(w))
	if left := b - given; left > 0 {
		order := make([]int32, len(w))
		for i := range order {
			order[i] = int32(i)
		}
		// Largest remainder first; equal remainders in item order.
		slices.SortFunc(order, func(x, y int32) int {
			switch {
			case rems[x] > rems[y]:
				return -1
			case rems[x] < rems[y]:
				return 1
			}
			return int(x - y)
		})
		for p, i := range order[:left] {
			out[i]++
			rank[i] = int32(p + 1)
		}
	}
	return out, rank
}

// unitsDecimal turns a count of units into 元.
func (u unit) unitsDecimal(n int64) decimal.Decimal { return decimal.New(n, -u.places) }

// accum sums amounts, on int64 units while they fit and on decimals after.
type accum struct {
	u    unit
	n    int64
	rest decimal.Decimal // what did not fit, exactly
}

// add adds d (any decimal; amounts are multiples of U) to the sum.
func (s *accum) add(d decimal.Decimal) {
	if d.NumDigits() <= 18 {
		if v, ok := scaleUp(abs64(d.CoefficientInt64()), d.Exponent()+s.u.places); ok && d.Exponent()+s.u.places >= 0 {
			if d.Sign() < 0 {
				v = -v
			}
			if (v >= 0 && s.n <= math.MaxInt64-v) || (v < 0 && s.n >= math.MinInt64-v) {
				s.n += v
				return
			}
		}
	}
	s.rest = s.rest.Add(d)
}

// sum returns the total.
func (s *accum) sum() decimal.Decimal {
	t := s.u.unitsDecimal(s.n)
	if s.rest.IsZero() {
		return t
	}
	return t.Add(s.rest)
}

// equals reports whether the sum is d: on units, without making the sum
// a decimal, when the sum and d are both whole units that fit.
func (s *accum) equals(d decimal.Decimal) bool {
	if s.rest.IsZero() {
		o := accum{u: s.u}
		if o.add(d); o.rest.IsZero() {
			return o.n == s.n
		}
	}
	return s.sum().Equal(d)
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// mulDiv128 divides x·w by d for w = w1:w0 and d shifted left by sh so
// that its top word d1 has its top bit set (d1:d0 = d·2^sh). It returns the
// quotient, which must fit 64 bits (x·w < 2^64·d, as when w ≤ d), and the
// remainder times 2^sh, which orders remainders as the remainder does.
func mulDiv128(x, w1, w0, d1, d0 uint64, sh uint) (q, r1, r0 uint64) {
	h0, n0 := bits.Mul64(x, w0)
	h1, l1 := bits.Mul64(x, w1)
	n1, c := bits.Add64(l1, h0, 0)
	n2 := h1 + c
	u2, u1, u0 := n2<<sh|n1>>(64-sh), n1<<sh|n0>>(64-sh), n0<<sh
	// Knuth's step D3: estimate q from the top words, then correct it. With
	// a two-word divisor the test is on the whole remainder, so q is exact.
	var rhat uint64
	if u2 >= d1 { // u2 = d1
		q = math.MaxUint64
		rhat, c = bits.Add64(u1, d1, 0)
	} else {
		q, rhat = bits.Div64(u2, u1, d1)
		c = 0
	}
	for c == 0 { // while rhat < 2^64
		ph, pl := bits.Mul64(q, d0)
		if ph < rhat || ph == rhat && pl <= u0 {
			break
		}
		q--
		rhat, c = bits.Add64(rhat, d1, 0)
	}
	_, p1 := bits.Mul64(q, d1)
	p0h, p0 := bits.Mul64(q, d0)
	r0, b := bits.Sub64(u0, p0, 0)
	r1, _ = bits.Sub64(u1, p1+p0h, b)
	return q, r1, r0
}
