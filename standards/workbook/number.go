package workbook

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// Limits on one number, as the plan file has them (rules §2): at most
// maxIntDigits digits before the decimal point and maxFracDigits after
// it (trailing zeros not counted). Text longer than maxNumberText is not
// read at all.
const (
	maxIntDigits  = 30
	maxFracDigits = 12
	maxNumberText = 100
	maxExponent   = 400 // of a stored number such as 1E-3
	excelDigits   = 15  // significant digits a spreadsheet keeps and shows
)

// numProblem says why a cell is not a number the import can use.
type numProblem int

const (
	numOK     numProblem = iota
	numBad               // not a number at all
	numDigits            // beyond the digit limits
)

// storedPattern is a number as a spreadsheet stores it in a number cell:
// a double's decimal text, perhaps with an exponent.
var storedPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$`)

// textPattern is a number as a person types it into a text cell, once
// full-width characters are mapped and the ends trimmed: an optional
// sign, digits with or without thousands separators, an optional
// fraction.
var textPattern = regexp.MustCompile(`^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)(\.[0-9]*)?$`)

// readStored reads the text of a number cell (or a formula's cached
// number). A spreadsheet stores a double: text with more significant
// digits than a spreadsheet keeps (4.2400000000000002) is rounded to
// excelDigits significant digits, which is the number it shows (4.24).
// The rounding is decimal, on the text: no float is involved.
func readStored(s string) (decimal.Decimal, numProblem) {
	d, np, _ := readStoredIn(nil, s)
	return d, np
}

// readStoredIn is readStored, sharing small whole numbers (smallInts),
// and says whether the number is negative.
func readStoredIn(small *smallInts, s string) (decimal.Decimal, numProblem, bool) {
	if d, np, neg, ok := plainNumberIn(small, s); ok {
		return d, np, neg
	}
	d, np := readStoredText(s)
	return d, np, d.Sign() < 0
}

// readStoredText is readStored for any text, plain or not.
func readStoredText(s string) (decimal.Decimal, numProblem) {
	s = strings.TrimSpace(s)
	if len(s) > maxNumberText || !storedPattern.MatchString(s) {
		return decimal.Decimal{}, numBad
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > maxExponent || e < -maxExponent {
			return decimal.Decimal{}, numDigits
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, numBad
	}
	if d.IsZero() {
		return decimal.Zero, numOK
	}
	if d.NumDigits() > excelDigits {
		intPos := d.NumDigits() + int(d.Exponent()) // digits before the point
		d = d.Round(int32(excelDigits - intPos))
	}
	return checkDigits(d)
}

// readText reads a text cell as the number a person sees in it:
// full-width digits, points, commas and signs count as their ASCII
// forms, spaces at either end are ignored, and commas must group
// thousands (1,234,567.5); 12,5 is not a number.
func readText(s string) (decimal.Decimal, numProblem) {
	d, np, _ := readTextIn(nil, s)
	return d, np
}

// readTextIn is readText, sharing small whole numbers (smallInts), and
// says whether the number is negative.
func readTextIn(small *smallInts, s string) (decimal.Decimal, numProblem, bool) {
	if len(s) > maxNumberText {
		return decimal.Decimal{}, numDigits, false
	}
	if d, np, neg, ok := plainNumberIn(small, s); ok {
		return d, np, neg
	}
	d, np := readTypedText(s)
	return d, np, d.Sign() < 0
}

// readTypedText is readText for any text, plain or not.
func readTypedText(s string) (decimal.Decimal, numProblem) {
	s = strings.Map(halfWidth, s)
	s = strings.TrimFunc(s, isBlank)
	if !textPattern.MatchString(s) || !strings.ContainsAny(s, "0123456789") {
		return decimal.Decimal{}, numBad
	}
	s = strings.TrimPrefix(strings.ReplaceAll(s, ",", ""), "+")
	if strings.HasSuffix(s, ".") {
		s += "0"
	}
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "-.") {
		s = strings.Replace(s, ".", "0.", 1)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, numBad
	}
	return checkDigits(d)
}

// checkDigits holds d to the digit limits, trailing zeros not counted.
func checkDigits(d decimal.Decimal) (decimal.Decimal, numProblem) {
	if d.IsZero() {
		return decimal.Zero, numOK
	}
	coef := strings.TrimLeft(d.Coefficient().String(), "-")
	exp := int(d.Exponent())
	trimmed := strings.TrimRight(coef, "0")
	exp += len(coef) - len(trimmed)
	intDigits := len(trimmed) + exp
	fracDigits := -exp
	if intDigits > maxIntDigits || fracDigits > maxFracDigits {
		return decimal.Decimal{}, numDigits
	}
	return d, numOK
}

// halfWidth maps the full-width forms of digits, point, comma, signs and
// the ideographic space to ASCII, and the minus sign to a hyphen.
func halfWidth(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０')
	case r == '．' || r == '。':
		return '.'
	case r == '，':
		return ','
	case r == '－' || r == '−':
		return '-'
	case r == '＋':
		return '+'
	case r == '\u3000':
		return ' '
	}
	return r
}

// isBlank reports the spaces a cell may carry at either end.
func isBlank(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\u00a0', '\u2007', '\u2009', '\u202f', '\u3000', '\ufeff':
		return true
	}
	return false
}

// trimText trims a text cell's ends as readText does.
func trimText(s string) string {
	if s != "" && s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s // nothing to trim: the common case, without decoding the ends (isBlank is space or not ASCII)
	}
	return strings.TrimFunc(s, isBlank)
}

// formatNumber writes d as the plan's decimal text, without trailing
// zeros: d.String(), from the int64 coefficient when it fits (a
// 40,000-街道 template formats 4.8 million numbers twice, and the
// big.Int's text was a fifth of its time).
func formatNumber(d decimal.Decimal) string {
	var buf [48]byte
	return string(formula.AppendDecimal(buf[:0], d))
}

// significant counts d's significant digits, trailing zeros not counted.
func significant(d decimal.Decimal) int {
	if d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		if c < 0 {
			c = -c
		}
		for c != 0 && c%10 == 0 {
			c /= 10
		}
		n := 0
		for ; c != 0; c /= 10 {
			n++
		}
		return n
	}
	coef := strings.TrimLeft(d.Coefficient().String(), "-")
	return len(strings.TrimRight(strings.TrimLeft(coef, "0"), "0"))
}
