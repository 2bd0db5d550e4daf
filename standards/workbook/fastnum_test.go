package workbook

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestPlainNumber checks that the fast reading of plain numbers gives
// exactly what the general readers give (the same coefficient and
// exponent, the same problem), on chosen and random texts, and that it
// leaves every other text to them.
func TestPlainNumber(t *testing.T) {
	cases := []string{"0", "-0", "0.000", "7", "007", "-5", "1.50", "1000", "0.5", "12.345678901234",
		"0.0000000000001", "0.000000000001", "123456789012345", "1234567890123456", "100000000000000.0",
		"1.", ".5", "-", "", "+5", " 5", "1e3", "1,000", "1.2.3", "--1", "１２", strings.Repeat("0", 120) + "1"}
	rng := rand.New(rand.NewPCG(7, 25))
	for range 20000 {
		var b strings.Builder
		if rng.IntN(4) == 0 {
			b.WriteByte('-')
		}
		for range rng.IntN(10) {
			b.WriteByte("0000123456789"[rng.IntN(13)])
		}
		if rng.IntN(2) == 0 {
			b.WriteByte('.')
			for range rng.IntN(16) {
				b.WriteByte("0001234567899"[rng.IntN(13)])
			}
		}
		cases = append(cases, b.String())
	}
	plain := 0
	var small smallInts
	for _, s := range cases {
		d, np, ok := plainNumber(s)
		if !ok {
			continue
		}
		plain++
		sd, snp, neg, sok := plainNumberIn(&small, s)
		if np == numOK && neg != (d.Sign() < 0) {
			t.Errorf("%q: negative %v, the decimal's sign %d", s, neg, d.Sign())
		}
		if !sok || snp != np || sd != d && (sd.Coefficient().Cmp(d.Coefficient()) != 0 || sd.Exponent() != d.Exponent()) {
			t.Errorf("%q: shared %v (%s e%d), made %v (%s e%d)", s, snp, sd.Coefficient(), sd.Exponent(), np, d.Coefficient(), d.Exponent())
		}
		for _, slow := range []func(string) (decimal.Decimal, numProblem){readStoredText, readTypedText} {
			wd, wnp := slow(s)
			if np != wnp || (np == numOK && (d.Coefficient().Cmp(wd.Coefficient()) != 0 || d.Exponent() != wd.Exponent())) {
				t.Errorf("%q: fast %v (%s e%d), general %v (%s e%d)", s, np, d.Coefficient(), d.Exponent(), wnp, wd.Coefficient(), wd.Exponent())
			}
		}
	}
	if plain < 10000 {
		t.Fatalf("only %d of %d texts read fast", plain, len(cases))
	}
	shared := 0
	for _, d := range small.d {
		if d != (decimal.Decimal{}) {
			shared++
		}
	}
	if shared < 100 {
		t.Fatalf("only %d small whole numbers shared", shared)
	}
}

// TestSmallIntsShared checks that a small whole number read twice is one
// decimal (one big.Int), and that others are made each time.
func TestSmallIntsShared(t *testing.T) {
	for _, eager := range []bool{false, true} {
		small := smallInts{eager: eager}
		a, _, _, _ := plainNumberIn(&small, "65535")
		b, _, _, _ := plainNumberIn(&small, "065535")
		if a != b || a.String() != "65535" {
			t.Errorf("eager %v: 65535 read twice: %v and %v, not one decimal", eager, a, b)
		}
		if c, _, _, _ := plainNumberIn(&small, "1"); c.String() != "1" || c.Exponent() != 0 {
			t.Errorf("eager %v: 1 read as %v e%d", eager, c, c.Exponent())
		}
		for _, s := range []string{"65536", "-7", "7.0"} {
			x, _, _, _ := plainNumberIn(&small, s)
			y, _, _, _ := plainNumberIn(&small, s)
			if x == y || !x.Equal(y) || x.String() != y.String() {
				t.Errorf("eager %v: %s read twice: %v and %v, want two equal decimals", eager, s, x, y)
			}
		}
	}
}

// TestTrimText checks trimText's quick way against trimming by isBlank,
// on texts with and without spaces (ASCII and not) at either end.
func TestTrimText(t *testing.T) {
	parts := []string{"", " ", "\t", "\r\n", "\u3000", "\u00a0", "a", "1", "东", "'", "x y", "\ufeff", "\x7f", "\v"}
	rng := rand.New(rand.NewPCG(25, 2))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(5) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := trimText(s), strings.TrimFunc(s, isBlank); got != want {
			t.Errorf("trimText(%q) = %q, want %q", s, got, want)
		}
	}
}
