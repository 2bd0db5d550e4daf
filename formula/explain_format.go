package formula

import (
	"math/big"
	"strconv"

	"github.com/shopspring/decimal"
)

// This file writes the numbers of line text without math/big when they
// fit: a decimal whose coefficient has at most 18 digits is written from
// an int64, digit for digit what decimal's String and StringFixed write
// (tested against them), and a quota is cut from its numerator and
// denominator without reducing the fraction first. The lines of a large
// plan are mostly numbers, and reducing or printing a big.Int for each
// was most of their cost.

// maxFastDigits is the most digits a coefficient may have to be written
// from an int64; maxFastShift the most places it may be moved.
const (
	maxFastDigits = 18
	maxFastShift  = 18
)

// plainDecimal writes c × 10^exp as decimal does: the digits of |c| with
// the point placed by exp, trailing zeros of the fraction dropped when
// trim. It appends to dst and returns the result.
func plainDecimal(dst []byte, c int64, exp int32, trim bool) []byte {
	if c < 0 {
		dst = append(dst, '-')
		c = -c
	}
	var buf [20]byte
	digits := strconv.AppendInt(buf[:0], c, 10)
	if exp >= 0 {
		dst = append(dst, digits...)
		if c != 0 {
			for range exp {
				dst = append(dst, '0')
			}
		}
		return dst
	}
	places := int(-exp)
	var whole, frac []byte
	lead := 0
	if len(digits) > places {
		whole, frac = digits[:len(digits)-places], digits[len(digits)-places:]
	} else {
		whole, frac, lead = []byte{'0'}, digits, places-len(digits)
	}
	if trim {
		i := len(frac) - 1
		for i >= 0 && frac[i] == '0' {
			i--
		}
		frac = frac[:i+1]
		if len(frac) == 0 {
			lead = 0
		}
	}
	dst = append(dst, whole...)
	if lead+len(frac) > 0 {
		dst = append(dst, '.')
		for range lead {
			dst = append(dst, '0')
		}
		dst = append(dst, frac...)
	}
	return dst
}

// fastCoef returns d's coefficient when it fits the fast path.
func fastCoef(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > maxFastDigits || d.Exponent() > maxFastShift || d.Exponent() < -maxFastShift {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// decimalString is d.String() (with decimal's default settings).
// AppendDecimal appends d as d.String() writes it (without trailing
// zeros), from its int64 coefficient when that fits: for writers of many
// numbers, such as the data-collection template.
func AppendDecimal(dst []byte, d decimal.Decimal) []byte { return decimalString(dst, d) }

func decimalString(dst []byte, d decimal.Decimal) []byte {
	if c, ok := fastCoef(d); ok && decimal.TrimTrailingZeros && !decimal.UseScientificNotation {
		return plainDecimal(dst, c, d.Exponent(), true)
	}
	return append(dst, d.String()...)
}

// fixedString is d.StringFixed(places), places ≥ 0: rounded half away
// from zero.
func fixedString(dst []byte, d decimal.Decimal, places int32) []byte {
	c, ok := fastCoef(d)
	if !ok || places > maxFastShift {
		return append(dst, d.StringFixed(places)...)
	}
	e := d.Exponent()
	if e+places < 0 { // drop -(e+places) digits, rounding
		p := int64(pow10s[-(e + places)])
		q, r := c/p, c%p
		if r < 0 {
			r = -r
		}
		if 2*r >= p {
			if c < 0 {
				q--
			} else {
				q++
			}
		}
		return plainDecimal(dst, q, -places, false)
	}
	if k := e + places; k > 0 { // more places than it has: as decimal rescales
		if d.NumDigits()+int(k) > maxFastDigits {
			return append(dst, d.StringFixed(places)...)
		}
		c *= int64(pow10s[k])
		e = -places
	}
	return plainDecimal(dst, c, e, false)
}

// appendGrouped appends the number s with a comma between each three
// digits of its whole part: "-1234567.891" → "-1,234,567.891".
func appendGrouped(dst, s []byte) []byte {
	if len(s) > 0 && s[0] == '-' {
		dst = append(dst, '-')
		s = s[1:]
	}
	whole := len(s)
	for k, ch := range s {
		if ch == '.' {
			whole = k
			break
		}
	}
	lead := whole % 3
	if lead == 0 && whole > 0 {
		lead = 3
	}
	dst = append(dst, s[:lead]...)
	for i := lead; i < whole; i += 3 {
		dst = append(dst, ',')
		dst = append(dst, s[i:i+3]...)
	}
	return append(dst, s[whole:]...)
}

// cutFrac renders num/den (den > 0, not reduced) cut toward zero to the
// given decimal places (at least none) and reports whether that is all
// of it.
func cutFrac(num, den *big.Int, places int32) (string, bool) {
	places = max(places, 0)
	n := new(big.Int).Mul(num, pow10Int(places))
	r := new(big.Int)
	n.QuoRem(n, den, r)
	d := decimal.NewFromBigInt(n, -places)
	if r.Sign() == 0 {
		return d.String(), true
	}
	s := d.StringFixed(places)
	if n.Sign() == 0 && num.Sign() < 0 {
		s = "-" + s
	}
	return s, false
}

// fracEquals reports whether num/den (den > 0) equals the decimal a.
func fracEquals(num, den *big.Int, a decimal.Decimal) bool {
	// num/den = c·10^e  ⇔  num·10^-e = c·den (e ≤ 0), num = c·10^e·den (e > 0)
	c, e := a.Coefficient(), a.Exponent()
	l, r := new(big.Int).Set(num), c.Mul(c, den)
	if e < 0 {
		l.Mul(l, pow10Int(-e))
	} else if e > 0 {
		r.Mul(r, pow10Int(e))
	}
	return l.Cmp(r) == 0
}

// decFrac returns a × b ÷ c as a numerator and a positive denominator,
// not reduced; ok is false when c is not positive.
func decFrac(a, b, c decimal.Decimal) (num, den *big.Int, ok bool) {
	if c.Sign() <= 0 {
		return nil, nil, false
	}
	num = a.Coefficient()
	num.Mul(num, b.Coefficient())
	den = c.Coefficient()
	if s := a.Exponent() + b.Exponent() - c.Exponent(); s > 0 {
		num.Mul(num, pow10Int(s))
	} else if s < 0 {
		den.Mul(den, pow10Int(-s))
	}
	return num, den, true
}

// quotaFrac is Quota as a numerator and a positive denominator, not
// reduced.
func (s lrShare) quotaFrac() (num, den *big.Int) {
	sp := s.split
	if sp == nil || s.w == nil {
		return new(big.Int), big.NewInt(1)
	}
	num = new(big.Int)
	if sp.buB != nil {
		num.Mul(sp.buB, s.w)
	} else {
		num.Mul(big.NewInt(sp.bu), s.w)
	}
	den = new(big.Int)
	if sp.bigSum {
		den.Set(&sp.sumB)
	} else {
		den.SetInt64(sp.sum)
	}
	if den.Sign() == 0 {
		return num.SetInt64(0), den.SetInt64(1)
	}
	if den.Sign() < 0 {
		num.Neg(num)
		den.Neg(den)
	}
	u := sp.unit.d
	num.Mul(num, u.Coefficient())
	if e := u.Exponent(); e > 0 {
		num.Mul(num, pow10Int(e))
	} else if e < 0 {
		den.Mul(den, pow10Int(-e))
	}
	return num, den
}

// fracFloat is big.Rat's FloatString(places) of num/den (den > 0), not
// reduced: rounded to nearest, halves away from zero.
func fracFloat(num, den *big.Int, places int) string {
	a := new(big.Int).Abs(num)
	q, r := new(big.Int).QuoRem(a, den, new(big.Int))
	p := pow10Int(int32(places))
	r.Mul(r, p)
	r2 := new(big.Int)
	r.QuoRem(r, den, r2)
	if r2.Lsh(r2, 1).Cmp(den) >= 0 {
		r.Add(r, big.NewInt(1))
		if r.Cmp(p) >= 0 {
			q.Add(q, big.NewInt(1))
			r.Sub(r, p)
		}
	}
	var b []byte
	if num.Sign() < 0 {
		b = append(b, '-')
	}
	b = q.Append(b, 10)
	if places > 0 {
		b = append(b, '.')
		frac := r.Append(nil, 10)
		for range places - len(frac) {
			b = append(b, '0')
		}
		b = append(b, frac...)
	}
	return string(b)
}

// scoreFrac returns n × scale as a numerator and a positive denominator,
// not reduced (what scaled gives reduced); ok is false when the scale's
// denominator is not positive.
func (b *blockStage) scoreFrac(n *big.Int) (num, den *big.Int, ok bool) {
	if b.scaleDen.Sign() <= 0 {
		return nil, nil, false
	}
	return new(big.Int).Mul(n, b.scaleNum), b.scaleDen, true
}
