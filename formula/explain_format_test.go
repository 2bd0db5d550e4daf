package formula

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// refGroup is the plain way to group a number's digits, the reference
// for appendGrouped.
func refGroup(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	var b strings.Builder
	for k := range len(whole) {
		if k > 0 && (len(whole)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[k])
	}
	if dot {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}

// randDecimal draws a decimal of up to 25 digits and exponent −22…22,
// often zero, one or a round number.
func randDecimal(r *rand.Rand) decimal.Decimal {
	digits := r.IntN(26)
	var b strings.Builder
	if r.IntN(3) == 0 {
		b.WriteByte('-')
	}
	b.WriteByte('0')
	for range digits {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	if r.IntN(4) == 0 {
		b.WriteString("00000")
	}
	c, _ := new(big.Int).SetString(b.String(), 10)
	return decimal.NewFromBigInt(c, int32(r.IntN(45)-22))
}

// TestNumberTextMatchesDecimal checks that the line text's numbers are
// written as decimal's String and StringFixed with grouped digits would
// write them, on random decimals of every size, fast path or not.
func TestNumberTextMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 3))
	for n := range 20000 {
		d := randDecimal(r)
		if got, want := num(d), refGroup(d.String()); got != want {
			t.Fatalf("%d: num(%s) = %q, want %q", n, d.String(), got, want)
		}
		for _, places := range []int32{-2, 0, 1, 2} {
			u := unit{d: decimal.New(1, -places), places: places}
			if got, want := u.group(d), refGroup(u.format(d)); got != want {
				t.Fatalf("%d: group(%s) at %d places = %q, want %q", n, d.String(), places, got, want)
			}
		}
		if s := d.String(); groupDigits(s) != refGroup(s) {
			t.Fatalf("%d: groupDigits(%q) = %q", n, s, groupDigits(s))
		}
	}
}

// TestFractionsMatchRat checks the unreduced fractions against big.Rat:
// decFrac, fracEquals, cutFrac and fracFloat beside the reduced quotient, and
// scorePlaces beside the search it replaces.
func TestFractionsMatchRat(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 4))
	for n := range 5000 {
		a, b, c := randDecimal(r), randDecimal(r), randDecimal(r).Abs()
		num, den, ok := decFrac(a, b, c)
		if ok != (c.Sign() > 0) {
			t.Fatalf("%d: decFrac ok = %v for %s", n, ok, c.String())
		}
		if !ok {
			continue
		}
		q := new(big.Rat).Mul(a.Rat(), b.Rat())
		q.Quo(q, c.Rat())
		if new(big.Rat).SetFrac(num, den).Cmp(q) != 0 {
			t.Fatalf("%d: decFrac(%s, %s, %s) = %s/%s", n, a, b, c, num, den)
		}
		for _, places := range []int32{0, 2, 4} {
			got, gotExact := cutFrac(num, den, places)
			want, wantExact := refCut(q, places)
			if got != want || gotExact != wantExact {
				t.Fatalf("%d: cutFrac(%s, %d) = %q %v, want %q %v", n, q.RatString(), places, got, gotExact, want, wantExact)
			}
		}
		for _, places := range []int{0, 3, 6, 9} {
			if got, want := fracFloat(num, den, places), q.FloatString(places); got != want {
				t.Fatalf("%d: fracFloat(%s, %d) = %q, want %q", n, q.RatString(), places, got, want)
			}
		}
		if got, want := FormatRat(q), refFormatRat(q); got != want {
			t.Fatalf("%d: FormatRat(%s) = %q, want %q", n, q.RatString(), got, want)
		}
		if got, want := fracEquals(num, den, a), q.Cmp(a.Rat()) == 0; got != want {
			t.Fatalf("%d: fracEquals = %v, want %v", n, got, want)
		}
		for _, places := range []int32{-2, 0, 2} {
			u := unit{d: decimal.New(1, -places), places: places}
			if got, want := u.scorePlaces(a, q), refScorePlaces(u, a, q); got != want {
				t.Fatalf("%d: scorePlaces(%s, %s) = %d, want %d", n, a, q.RatString(), got, want)
			}
		}
	}
}

// refCut cuts q toward zero to places, from the reduced fraction.
func refCut(q *big.Rat, places int32) (string, bool) {
	n := new(big.Int).Mul(q.Num(), pow10Int(places))
	r := new(big.Int)
	n.QuoRem(n, q.Denom(), r)
	d := decimal.NewFromBigInt(n, -places)
	if r.Sign() == 0 {
		return d.String(), true
	}
	s := d.StringFixed(places)
	if n.Sign() == 0 && q.Sign() < 0 {
		s = "-" + s
	}
	return s, false
}

// refScorePlaces searches p = 6, 7, … for amount × 10^-p ≤ 0.4 U s.
func refScorePlaces(u unit, amount decimal.Decimal, s *big.Rat) int32 {
	if s.Sign() <= 0 {
		return ratPlaces
	}
	bound := new(big.Rat).Mul(big.NewRat(2, 5), u.d.Rat())
	bound.Mul(bound, s)
	a := amount.Abs().Rat()
	p := int32(ratPlaces)
	for ; p < 60; p++ {
		if new(big.Rat).Mul(a, ratPow10(-p)).Cmp(bound) <= 0 {
			break
		}
	}
	return p
}

// refFormatRat is FormatRat checking exactness by parsing its text back.
func refFormatRat(q *big.Rat) string {
	if q.IsInt() {
		return q.Num().String()
	}
	s := q.FloatString(6)
	exact, _ := new(big.Rat).SetString(s)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if exact.Cmp(q) == 0 {
		return s
	}
	return "≈" + s
}
