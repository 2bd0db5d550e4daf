package report

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/numfmt"
)

// amountUnits is d × 10^places as an int64, ok false when d has more
// decimals than places or the product may not fit (a coefficient of
// more than 18 digits).
func amountUnits(places int32, d decimal.Decimal) (int64, bool) {
	shift := d.Exponent() + places // digits to add to the coefficient
	if d.NumDigits() > 18 || shift < 0 || shift > 18 {
		return 0, false
	}
	v := d.CoefficientInt64()
	for range shift {
		if v > maxAmount/10 || v < -maxAmount/10 {
			return 0, false
		}
		v *= 10
	}
	return v, true
}

// appendUnits appends v ÷ 10^places with places decimals, as
// decimal.Decimal's StringFixed writes it.
func appendUnits(buf []byte, places int32, v int64) []byte {
	neg := v < 0
	if neg {
		buf = append(buf, '-')
	}
	var digits [20]byte
	s := strconv.AppendUint(digits[:0], absUnits(v), 10)
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

// absUnits is |v| as an unsigned number (MinInt64 included).
func absUnits(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1
	}
	return uint64(v)
}

// appendAmount appends f.Amount(d), the amount with places decimals
// (places being f's), to buf: from d's coefficient when amountUnits can
// (an amount of a result always, a multiple of its rounding unit), the
// same text without big.Int's; else through f.Amount.
func appendAmount(buf []byte, f numfmt.Fmt, places int32, d decimal.Decimal) []byte {
	if v, ok := amountUnits(places, d); ok {
		return appendUnits(buf, places, v)
	}
	return append(buf, f.Amount(d)...)
}

// maxAmount bounds the coefficients amountUnits scales.
const maxAmount = 1<<63 - 1
