package formula

import (
	"fmt"
	"math/bits"

	"github.com/shopspring/decimal"
)

// appendDemand's text of a project item on int64 mantissas (fixed.go),
// the way most items go: the unit cost, the basis and the coefficients
// multiplied without a big.Int, the demand rounded to units, the same
// bytes as the exact way (TestFastPathMatchesExact compares the lines of
// both ways). It reports false, having appended nothing, when a number
// does not fit or the model keeps to the exact path.

// appendDemandUnits is appendDemand with the projects' heads, on int64
// mantissas.
func (m *Model) appendDemandUnits(b []byte, i, j int, heads []string) (decimal.Decimal, []byte, bool) {
	if m.exactOnly {
		return decimal.Decimal{}, b, false
	}
	pr := m.plan.Projects[j]
	cost, ok := toSmall(pr.UnitCost)
	if !ok {
		return decimal.Decimal{}, b, false
	}
	s, ok := sumBasis(m.cols, m.projectCols[j], i)
	if !ok {
		return decimal.Decimal{}, b, false
	}
	exact, ok := mulSmall(cost, s)
	if !ok {
		return decimal.Decimal{}, b, false
	}
	start := len(b)
	b = m.appendBasis(append(b, heads[j]...), i, m.projectCols[j])
	if c, rated := m.projectCoef(i, j); rated {
		if exact, ok = mulCoef(exact, c); !ok {
			return decimal.Decimal{}, b[:start], false
		}
		b = fmt.Appendf(b, wordProjectRating, c.String(), m.plan.Subdistricts[i].ProjectRatings[pr.ID])
	}
	if e, k, cut := m.executionCoef(i, j); cut {
		if exact, ok = mulCoef(exact, e); !ok {
			return decimal.Decimal{}, b[:start], false
		}
		b = fmt.Appendf(b, wordExecution, e.String(), num(m.plan.Subdistricts[i].Execution[pr.ID]),
			num(m.plan.ProjectExecution.Bands[k].Below))
	}
	units, ok := mulRoundUnits(exact, small{1, 0}, m.u.places)
	if !ok {
		return decimal.Decimal{}, b[:start], false
	}
	same, ok := sameSmall(exact, small{units, -m.u.places})
	if !ok {
		return decimal.Decimal{}, b[:start], false
	}
	demand := m.u.unitsDecimal(units)
	b = append(b, " = "...)
	if !same {
		var plain [48]byte
		b = append(appendGrouped(b, plainDecimal(plain[:0], exact.m, exact.exp, true)), " → "...)
	}
	return demand, m.u.appendGroup(b, demand), true
}

// appendEqualsUnits is appendEquals(b, rate × Σ basis, amount) on
// mantissas: false, with b as it was, when a number does not fit.
func (m *Model) appendEqualsUnits(b []byte, rate decimal.Decimal, i int, cols []int, amount decimal.Decimal) ([]byte, bool) {
	if m.exactOnly {
		return b, false
	}
	r, ok := toSmall(rate)
	if !ok {
		return b, false
	}
	s, ok := sumBasis(m.cols, cols, i)
	if !ok {
		return b, false
	}
	exact, ok := mulSmall(r, s)
	if !ok {
		return b, false
	}
	a, ok := toSmall(amount)
	if !ok {
		return b, false
	}
	same, ok := sameSmall(exact, a)
	if !ok {
		return b, false
	}
	b = append(b, " = "...)
	if !same {
		var plain [48]byte
		b = append(appendGrouped(b, plainDecimal(plain[:0], exact.m, exact.exp, true)), " → "...)
	}
	return m.u.appendGroup(b, amount), true
}

// mulCoef is x × c on mantissas, c a non-negative coefficient.
func mulCoef(x small, c decimal.Decimal) (small, bool) {
	cs, ok := toSmall(c)
	if !ok {
		return small{}, false
	}
	return mulSmall(x, cs)
}

// sameSmall reports whether a and b are the same number; false when
// one does not fit at the other's exponent.
func sameSmall(a, b small) (same, ok bool) {
	e := min(a.exp, b.exp)
	x, ok1 := scaleUp(a.m, a.exp-e)
	y, ok2 := scaleUp(b.m, b.exp-e)
	return x == y, ok1 && ok2
}

// frac128 is a non-negative fraction (hi·2⁶⁴ + lo) / den, not reduced,
// den > 0: a tier's share budget × demand ÷ total demand on words.
type frac128 struct{ hi, lo, den uint64 }

// newFrac128 is decFrac(a, b, c) on words, for non-negative a and b and
// a positive c; false when a number does not fit.
func newFrac128(a, b, c decimal.Decimal) (frac128, bool) {
	as, ok1 := toSmall(a)
	bs, ok2 := toSmall(b)
	cs, ok3 := toSmall(c)
	if !ok1 || !ok2 || !ok3 || cs.m <= 0 {
		return frac128{}, false
	}
	f := frac128{den: uint64(cs.m)}
	f.hi, f.lo = bits.Mul64(uint64(as.m), uint64(bs.m))
	ok := true
	if s := as.exp + bs.exp - cs.exp; s > 0 {
		f.hi, f.lo, ok = mulPow10(f.hi, f.lo, s)
	} else if s < 0 {
		var hi uint64
		hi, f.den, ok = mulPow10(0, f.den, -s)
		ok = ok && hi == 0
	}
	return f, ok
}

// mulPow10 is (hi, lo) × 10^k on 128 bits; false when it does not fit.
func mulPow10(hi, lo uint64, k int32) (uint64, uint64, bool) {
	if k < 0 || int(k) >= len(pow10s) {
		return 0, 0, false
	}
	p := pow10s[k]
	h1, l := bits.Mul64(lo, p)
	h2, l2 := bits.Mul64(hi, p)
	h, carry := bits.Add64(h1, l2, 0)
	return h, l, h2 == 0 && carry == 0
}

// lrTail128 is appendLrTail (not about) on words: the text after a
// share's fraction, or false, having made nothing, when a number does not
// fit.
func (m *Model) lrTail128(f frac128, amount decimal.Decimal, extra bool) ([]byte, bool) {
	u := m.u
	a, ok := toSmall(amount)
	if !ok {
		return nil, false
	}
	if !extra {
		// f = a·10^e ⇔ num·10^-e = a·den (e ≤ 0), num = a·10^e·den (e > 0)
		lh, ll := f.hi, f.lo
		rh, rl := bits.Mul64(uint64(a.m), f.den)
		ok1, ok2 := true, true
		if a.exp < 0 {
			lh, ll, ok1 = mulPow10(lh, ll, -a.exp)
		} else if a.exp > 0 {
			rh, rl, ok2 = mulPow10(rh, rl, a.exp)
		}
		if !ok1 || !ok2 {
			return nil, false
		}
		if lh == rh && ll == rl {
			return u.appendGroup([]byte(" = "), amount), true
		}
	}
	places := max(u.places+2, 0)
	nh, nl, ok := mulPow10(f.hi, f.lo, places)
	if !ok || nh >= f.den {
		return nil, false
	}
	q, r := bits.Div64(nh, nl, f.den)
	if q > maxInt64 {
		return nil, false
	}
	var text [48]byte
	b := []byte(" ≈ ")
	if r == 0 {
		b = []byte(" = ")
	}
	b = appendGrouped(b, plainDecimal(text[:0], int64(q), -places, r == 0))
	b = u.appendGroup(append(b, " → "...), amount)
	if extra {
		b = fmt.Appendf(b, wordRemainderUnit, u.group(u.d))
	}
	return b, true
}
