package formula

import (
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// This file holds how the line text writes numbers and rounding steps, so
// that a person with a 12-digit calculator can check every line with the
// numbers it shows (docs/audit.md):
//
//   - numbers carry thousands separators ("27,706,144") and no number has
//     more than twelve significant digits where the plan allows it;
//   - an exact result is written after "="; a value that is not exact
//     (a share cut to two places below the rounding unit, or a product of
//     rounded scores) after "≈", and lands within one rounding unit of
//     the exact value;
//   - the rounding step is written after "→" with the amount it gave; a
//     unit the largest-remainder method added is said after it:
//     ",尾差 +1 元(最大余额法)";
//   - damping's bounds keep their rounding functions, floor(…) and ceil(…)
//     (floor_u, ceil_u to a rounding unit U other than 1 元), which are
//     exact;
//   - "调减 …" gives the amount taken off: the line's amount is its negative.
//
// The exact fractions are not line text: they are in the JSON's fields
// for machines and in the 复核 workbook.

// fn names a rounding function for the unit in words: "向下取整" (floor)
// when U = 1, else "按单位向下取整" (floor_u, to a multiple of U, rules
// §1.2).
func (u unit) fn(name string) string {
	if u.places == 0 {
		return fnWords[name]
	}
	return fnWords[name+"_u"]
}

// group renders an amount with the decimal places of U and thousands
// separators: "27,706,144".
func (u unit) group(x decimal.Decimal) string {
	var out [48]byte
	return string(u.appendGroup(out[:0], x))
}

// num renders a quantity, a rate or an exact value with thousands
// separators: "1,650,000,000", "0.36".
func num(d decimal.Decimal) string {
	var out [48]byte
	return string(appendNum(out[:0], d))
}

// groupDigits puts a comma between each three digits of a number's
// whole part: "-1234567.891" → "-1,234,567.891".
func groupDigits(s string) string {
	if len(s) <= 3 || len(s) == 4 && s[0] == '-' {
		return s
	}
	return string(appendGrouped(make([]byte, 0, len(s)+len(s)/3), []byte(s)))
}

// equals renders " = exact", or " = exact → rounded" when rounding to the
// unit changed it.
func (m *Model) equals(exact, rounded decimal.Decimal) string {
	return string(m.appendEquals(nil, exact, rounded))
}

// lrText renders the tail of a largest-remainder line:
// " ≈ 4,229,616.55 → 4,229,617,尾差 +1 元(最大余额法)".
func (m *Model) lrText(s lrShare) string {
	num, den := s.quotaFrac()
	return m.lrTail(num, den, s.Amount, s.Extra, false)
}

// lrAbout is lrText after a share by rounded scores: the share shown is
// the exact one, which the rounded scores give only about ("≈").
func (m *Model) lrAbout(s lrShare) string {
	num, den := s.quotaFrac()
	return m.lrTail(num, den, s.Amount, s.Extra, true)
}

// lrTail renders an exact quota num/den (den > 0) cut to two places below the unit, the
// amount it became and, when the largest-remainder method added a unit,
// where that unit came from; about says the quota is only about what the
// numbers before it give.
func (m *Model) lrTail(num, den *big.Int, amount decimal.Decimal, extra, about bool) string {
	return string(m.appendLrTail(nil, num, den, amount, extra, about))
}

// scorePlaces is how many decimal places the scores of a share
// amount × a ÷ s must show (a ≤ s) so that a 12-digit calculator fed the
// rounded scores lands within half a unit of the exact share, less the
// part cutFrac takes off: amount × 10^-p / s ≤ 0.4 U (each score rounded
// by at most ½·10^-p moves the share by at most amount·10^-p/s). At least
// six places.
func (u unit) scorePlaces(amount decimal.Decimal, s *big.Rat) int32 {
	return u.scorePlacesFrac(amount, s.Num(), s.Denom())
}

// scorePlacesFrac is scorePlaces of s = num/den (den > 0), not reduced.
func (u unit) scorePlacesFrac(amount decimal.Decimal, num, den *big.Int) int32 {
	if num.Sign() <= 0 || amount.Sign() == 0 {
		return ratPlaces
	}
	// The least p ≥ 6 with 10^p ≥ ⌈|amount| ÷ (0.4 U s)⌉ = ⌈N / D⌉.
	n := amount.Coefficient()
	n.Abs(n)
	n.Mul(n, big.NewInt(5))
	n.Mul(n, den)
	d := u.d.Coefficient()
	d.Mul(d, big.NewInt(2))
	d.Mul(d, num)
	if e := amount.Exponent() - u.d.Exponent(); e > 0 {
		n.Mul(n, pow10Int(e))
	} else if e < 0 {
		d.Mul(d, pow10Int(-e))
	}
	n.Add(n, d)
	n.Sub(n, big.NewInt(1))
	n.Quo(n, d) // ⌈N / D⌉ ≥ 1
	n.Sub(n, big.NewInt(1))
	p := int32(ratPlaces)
	if n.Sign() > 0 {
		p = max(p, int32(len(n.Text(10)))) // 10^len(c−1) ≥ c > 10^(len−1)
	}
	return min(p, 60)
}

// scoreText renders a score rounded to the given places: "0.07885120".
func scoreText(q *big.Rat, places int32) string { return groupDigits(q.FloatString(int(places))) }

// SharePlaces is how many decimal places a table of scores shows.
const SharePlaces = 6

// ShareText renders a score or an indicator's part of it rounded to
// SharePlaces places, "0.007820": the 因素得分 table a person reads
// beside the one block line (Allocation.ReadableLines). Exact fractions
// are for machines (Fraction).
func ShareText(q *big.Rat) string { return q.FloatString(SharePlaces) }

// Fraction renders an exact rational as a fraction of whole numbers in
// lowest terms: "12/1205", or "7" when it is whole.
func Fraction(q *big.Rat) string {
	if q.IsInt() {
		return q.Num().String()
	}
	return q.Num().String() + "/" + q.Denom().String()
}

// ratPlaces is how many decimal places RatText shows of a value that does
// not terminate within exactPlaces.
const (
	ratPlaces   = 6
	exactPlaces = 12
)

// RatText renders an exact rational as a decimal: all of it when it
// terminates within twelve places, else cut toward zero after six places
// and marked "…" ("4229616.553232…"): a prefix of the exact value, never a
// rounding of it.
func RatText(q *big.Rat) string {
	if q.IsInt() {
		return q.Num().String()
	}
	for _, places := range []int{exactPlaces, ratPlaces} {
		n := new(big.Int).Mul(q.Num(), pow10Int(int32(places)))
		r := new(big.Int)
		n.QuoRem(n, q.Denom(), r)
		if places == exactPlaces && r.Sign() != 0 {
			continue
		}
		d := decimal.NewFromBigInt(n, -int32(places))
		if r.Sign() != 0 {
			s := d.StringFixed(int32(places))
			if n.Sign() == 0 && q.Sign() < 0 {
				s = "-" + s
			}
			return s + "…"
		}
		return d.String()
	}
	return ""
}

// FormatRat shows an exact rational as a decimal: exactly when it
// terminates within six places, else "≈" and six places. It is for tables
// that show a score beside its exact fraction, never for line text.
func FormatRat(q *big.Rat) string {
	if q.IsInt() {
		return q.Num().String()
	}
	s := q.FloatString(6)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if new(big.Int).Rem(pow10Int(6), q.Denom()).Sign() == 0 { // q·10^6 is whole: s is all of q
		return s
	}
	return "≈" + s
}
