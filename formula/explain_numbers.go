package formula

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// This file holds how the line text writes numbers and rounding steps, so
// that every formula, evaluated as written with the numbers it shows,
// gives its amount (docs/audit.md):
//
//   - shares are fractions of whole numbers or of the exact decimals they
//     are made of: "35945275 × 1158247628697600 / 9843334261546663";
//   - an exact value that does not terminate is shown cut (not rounded)
//     after six decimal places and marked "…": "4229616.553232…" stands
//     for the exact value just computed and is only its first digits;
//   - the rounding step is written out after "→": "round(…)",
//     "floor(…)", "floor(…) + 1 (最大余额, 第 3 位)"; with a rounding unit
//     U other than 1 元 the functions are floor_u, ceil_u, round_u (to a
//     multiple of U) and a leftover unit adds U;
//   - "调减 …" gives the amount taken off: the line's amount is its negative.

// fn names a rounding function for the unit: "floor" when U = 1, else
// "floor_u" (to a multiple of U, rules §1.2).
func (u unit) fn(name string) string {
	if u.places == 0 {
		return name
	}
	return name + "_u"
}

// equals renders " = exact", or " = exact → round(exact) = rounded" when
// rounding to the unit changed it.
func (m *Model) equals(exact, rounded decimal.Decimal) string {
	if exact.Equal(rounded) {
		return " = " + m.u.format(rounded)
	}
	e := exact.String()
	return " = " + e + " → " + m.u.fn("round") + "(" + e + ") = " + m.u.format(rounded)
}

// shareText renders " = b × n / d" for a share b × q with q = n/d in
// lowest terms, then the largest-remainder step of s.
func (m *Model) shareText(b decimal.Decimal, q *big.Rat, s lrShare) string {
	return " = " + m.u.format(b) + " × " + q.Num().String() + " / " + q.Denom().String() + m.lrText(s)
}

// lrText renders the tail of a largest-remainder line:
// " = 4229616.553232… → floor(4229616.553232…) + 1 = 4229617 (最大余额, 第 2 位)".
func (m *Model) lrText(s lrShare) string {
	var rank int32
	if s.Extra {
		rank = s.Rank
	}
	return m.lrTail(s.Quota(), s.Amount, rank)
}

// lrTail renders an exact quota, the rounding step and the amount it
// became; rank > 0 is the place of the item's remainder among those that
// got a leftover unit.
func (m *Model) lrTail(quota *big.Rat, amount decimal.Decimal, rank int32) string {
	u := m.u
	if rank == 0 && quota.Cmp(amount.Rat()) == 0 {
		return " = " + u.format(amount)
	}
	q := RatText(quota)
	t := " = " + q + " → " + u.fn("floor") + "(" + q + ")"
	if rank > 0 {
		t += " + " + u.format(u.d)
	}
	t += " = " + u.format(amount)
	if rank > 0 {
		t += fmt.Sprintf(wordRemainderRank, strconv.Itoa(int(rank)))
	}
	return t
}

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
	exact, _ := new(big.Rat).SetString(s)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if exact.Cmp(q) == 0 {
		return s
	}
	return "≈" + s
}
