package workbook

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestReadText reads text cells as the number a person sees.
func TestReadText(t *testing.T) {
	for _, c := range []struct {
		in, want string
		p        numProblem
	}{
		{"1234", "1234", numOK},
		{"1,234,567.5", "1234567.5", numOK},
		{"12,5", "", numBad},
		{"1,23,456", "", numBad},
		{"１２３．５", "123.5", numOK},
		{"１，２３４", "1234", numOK},
		{"4。24", "4.24", numOK},
		{"－5", "-5", numOK},
		{"+5", "5", numOK},
		{".5", "0.5", numOK},
		{"-.5", "-0.5", numOK},
		{"5.", "5", numOK},
		{" 42\u00a0\u3000", "42", numOK},
		{"1e3", "", numBad},
		{"5%", "", numBad},
		{"1 234", "", numBad},
		{"-", "", numBad},
		{".", "", numBad},
		{"", "", numBad},
		{"0.000000000001", "0.000000000001", numOK},
		{"0.0000000000001", "", numDigits},
		{"1.500000000000000000", "1.5", numOK},
		{strings.Repeat("9", 30), strings.Repeat("9", 30), numOK},
		{strings.Repeat("9", 31), "", numDigits},
		{"000000000000000000000000000000001", "1", numOK},
		{strings.Repeat("1", maxNumberText+1), "", numDigits},
	} {
		d, p := readText(c.in)
		if p != c.p || p == numOK && d.String() != c.want {
			t.Errorf("readText(%q) = %s, %d; want %s, %d", c.in, d, p, c.want, c.p)
		}
	}
}

// TestReadStored reads number cells' stored text: a double's digits,
// rounded to the 15 significant digits a spreadsheet shows.
func TestReadStored(t *testing.T) {
	for _, c := range []struct {
		in, want string
		p        numProblem
	}{
		{"4.24", "4.24", numOK},
		{"4.2400000000000002", "4.24", numOK},
		{"0.30000000000000004", "0.3", numOK},
		{"1E-3", "0.001", numOK},
		{"1.5e3", "1500", numOK},
		{"-3.2", "-3.2", numOK},
		{"123456789012345678", "123456789012346000", numOK},
		{"1E+400", "", numDigits},
		{"1E+4000000000", "", numDigits},
		{"1E-20", "", numDigits},
		{"-0", "0", numOK},
		{"1,234", "", numBad},
		{"#N/A", "", numBad},
		{" 7 ", "7", numOK},
	} {
		d, p := readStored(c.in)
		if p != c.p || p == numOK && d.String() != c.want {
			t.Errorf("readStored(%q) = %s, %d; want %s, %d", c.in, d, p, c.want, c.p)
		}
	}
}

// TestFormatNumberAsDecimal: formatNumber and significant on int64
// coefficients give what decimal's own text gives, for random numbers of
// every size and exponent, negative ones and zeros included.
func TestFormatNumberAsDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 7))
	slow := func(d decimal.Decimal) int {
		coef := strings.TrimLeft(d.Coefficient().String(), "-")
		return len(strings.TrimRight(strings.TrimLeft(coef, "0"), "0"))
	}
	for range 100000 {
		c := r.Int64N(1 << uint(1+r.IntN(62)))
		if r.IntN(10) == 0 {
			c = 0
		}
		if r.IntN(4) == 0 {
			c = -c
		}
		for r.IntN(3) == 0 {
			c *= 10
		}
		d := decimal.New(c, int32(r.IntN(60)-45))
		if got, want := formatNumber(d), d.String(); got != want {
			t.Fatalf("formatNumber(%s e%d) = %q, want %q", d.Coefficient(), d.Exponent(), got, want)
		}
		if got, want := significant(d), slow(d); got != want {
			t.Fatalf("significant(%s) = %d, want %d", d, got, want)
		}
	}
}
