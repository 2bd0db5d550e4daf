package report

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/numfmt"
)

// appendAmount appends f.Amount(d), the amount with places decimals
// (places being f's), to buf: directly from d's coefficient when it fits
// an int64 and d has no more decimals than places (an amount of the
// result always: a multiple of its rounding unit), the same text without
// big.Int's; else through f.Amount.
func appendAmount(buf []byte, f numfmt.Fmt, places int32, d decimal.Decimal) []byte {
	shift := d.Exponent() + places // digits to add to the coefficient
	if d.NumDigits() > 18 || shift < 0 || shift > 18 {
		return append(buf, f.Amount(d)...)
	}
	v := d.CoefficientInt64()
	for range shift {
		if v > maxAmount/10 || v < -maxAmount/10 {
			return append(buf, f.Amount(d)...)
		}
		v *= 10
	}
	if v < 0 {
		buf = append(buf, '-')
		v = -v
	}
	var digits [20]byte
	s := strconv.AppendInt(digits[:0], v, 10)
	if places == 0 {
		return append(buf, s...)
	}
	if len(s) <= int(places) { // no digit before the point: 0.05
		buf = append(buf, '0', '.')
		for range int(places) - len(s) {
			buf = append(buf, '0')
		}
		return append(buf, s...)
	}
	cut := len(s) - int(places)
	buf = append(buf, s[:cut]...)
	buf = append(buf, '.')
	return append(buf, s[cut:]...)
}

// maxAmount bounds the coefficients appendAmount scales.
const maxAmount = 1<<63 - 1
