package workbook

import (
	"github.com/shopspring/decimal"
)

// plainNumber reads the common form of a number cell's text without a
// regular expression or a big integer (issue 25 §2): ASCII digits with
// an optional leading minus and at most one decimal point inside, at most
// plainDigits digits in all. ok is false for any other text, which the
// general readers (readStored, readText) then read; for text it accepts,
// d and np are exactly what they would give (the same coefficient and
// exponent as decimal.NewFromString, the digit limits of checkDigits).
func plainNumber(s string) (d decimal.Decimal, np numProblem, ok bool) {
	d, np, _, ok = plainNumberIn(nil, s)
	return d, np, ok
}

// plainNumberIn is plainNumber, with the whole numbers that small holds
// taken from it (nil: none), and whether the number is negative (known
// from the text: asking the decimal reads its big.Int, which at 40,000
// rows was a tenth of reading's time in cache misses).
func plainNumberIn(small *smallInts, s string) (d decimal.Decimal, np numProblem, neg, ok bool) {
	const plainDigits = 15 // within a spreadsheet's digits, so readStored rounds nothing
	if len(s) > maxNumberText {
		return d, numOK, false, false
	}
	neg = len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return d, numOK, false, false
	}
	var v int64
	digits, frac, point, lead := 0, 0, false, true
	trailing := 0 // zeros at the end of the fraction
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if lead && c == '0' {
				// leading zeros count for nothing
			} else {
				lead = false
				if digits++; digits > plainDigits {
					return d, numOK, false, false
				}
			}
			v = v*10 + int64(c-'0')
			if point {
				frac++
				if c == '0' {
					trailing++
				} else {
					trailing = 0
				}
			}
		case c == '.' && !point:
			point = true
		default:
			return d, numOK, false, false
		}
	}
	if v == 0 {
		return decimal.Zero, numOK, false, true
	}
	if frac-trailing > maxFracDigits {
		return d, numDigits, neg, true
	}
	if neg {
		v = -v
	}
	if frac == 0 && small != nil {
		return small.get(v), numOK, neg, true
	}
	return decimal.New(v, int32(-frac)), numOK, neg, true
}

// smallInts shares the decimal of each whole number below smallIntLimit
// among the cells of one file: counts (headcounts, communities, schools)
// are most of a data file's numbers, and each decimal made anew carries
// a big.Int of its own — at 40,000 rows two thirds of the values, and a
// fifth of the memory held after reading (issue 25 §2). A decimal never
// changes its big.Int, so sharing one is safe, as copying a Decimal is.
type smallInts struct {
	d     []decimal.Decimal
	eager bool // make them all at the first (a large file)
}

// smallIntLimit bounds the numbers shared: 1 MiB of decimals, made when
// a file has a number to read (and 2.5 MiB of big.Int when it is eager).
const smallIntLimit = 1 << 16

// get is the decimal of the whole number v.
func (s *smallInts) get(v int64) decimal.Decimal {
	if v < 0 || v >= smallIntLimit {
		return decimal.New(v, 0)
	}
	if s.d == nil {
		s.d = make([]decimal.Decimal, smallIntLimit)
		if s.eager {
			// All made at once, side by side in memory: made one by one
			// they lie scattered among the rows' maps, farther apart for
			// the garbage collector to follow.
			for i := range s.d {
				s.d[i] = decimal.New(int64(i), 0)
			}
		}
	}
	if s.d[v] == (decimal.Decimal{}) { // not made yet
		s.d[v] = decimal.New(v, 0)
	}
	return s.d[v]
}
