// Package numfmt formats money for people: the decimal places of a
// rounding unit, thousands separators and 万元. It is shared by the
// report formats, the charts and the dashboard so that an amount reads
// the same everywhere.
//
// It owns only text formatting of decimals and must not import anything
// of caili but formula.
package numfmt

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// Fmt formats amounts with the decimal places of a rounding unit.
type Fmt struct{ places int32 }

// NewFmt returns the formatter for a result's rounding unit.
func NewFmt(r *formula.Result) Fmt {
	return Fmt{places: max(-r.Unit.Exponent(), 0)}
}

// Amount formats one amount: "1200000", or "1200000.00" for U = 0.01.
func (f Fmt) Amount(d decimal.Decimal) string { return d.StringFixed(f.places) }

// Wan formats an amount in 万元 with two decimals and grouping:
// 12345678 → "1,234.57".
func Wan(d decimal.Decimal) string { return Group(d.Shift(-4).StringFixed(2)) }

// Group puts thousands separators into a decimal string: "-1089605" →
// "-1,089,605".
func Group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := sign + b.String()
	if hasFrac {
		out += "." + frac
	}
	return out
}
