package formula

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rule every line of a statement keeps (issue 21 §3): at most
// MaxLineRunes characters (not counting the note of a unit the
// largest-remainder method added, ",尾差 +1 元（最大余额法）"), counted as runes (a CJK character counts one,
// as on a printed page, not two as in a terminal), whole parts of four
// digits or more grouped by thousands, and no number of more than
// maxSigDigits significant digits. Quantity labels in [brackets] and the
// citation of a standard's source at the end are not numbers of the
// line.
const (
	MaxLineRunes = 120
	maxSigDigits = 12
)

// CheckReadable reports every line a statement shows (ReadableLines),
// line by indicator of the block grant (the JSON's) or score formula of a
// result that breaks the rule. A project paid at several tiers is one
// line a part on a statement; its one JSON line says every part and is
// longer.
func CheckReadable(res *Result) error {
	var errs []error
	for _, a := range res.Subdistricts {
		// What a statement shows, and the JSON's lines by indicator.
		lines := a.ReadableLines()
		for _, l := range a.Lines {
			if l.Stage == StageBlock {
				lines = append(lines, l)
			}
		}
		for _, l := range lines {
			if err := readable(l.Formula()); err != nil {
				errs = append(errs, fmt.Errorf("%s %s/%s: %w", a.ID, l.Stage, l.Item, err))
			}
		}
		if err := readable(a.Score.Formula()); err != nil {
			errs = append(errs, fmt.Errorf("%s score: %w", a.ID, err))
		}
	}
	return errors.Join(errs...)
}

func readable(text string) error {
	// The note of a unit the largest-remainder method added is not
	// counted: "about 120" leaves room for it.
	note := fmt.Sprintf(wordRemainderUnit, "1")
	if n := utf8.RuneCountInString(strings.Replace(text, note, "", 1)); n > MaxLineRunes {
		return fmt.Errorf("%d characters: %s", n, text)
	}
	rs := []rune(unbracketed(uncited(text)))
	for i := 0; i < len(rs); i++ {
		if !unicode.IsDigit(rs[i]) || i > 0 && (isWordRune(rs[i-1]) || rs[i-1] == ',') {
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.' ||
			rs[j] == ',' && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
			j++
		}
		if err := readableNumber(string(rs[i:j])); err != nil {
			return fmt.Errorf("%w: %s", err, text)
		}
		i = j
	}
	return nil
}

// readableNumber checks one number as shown: "27,706,144", "0.07885120".
func readableNumber(s string) error {
	whole, frac, _ := strings.Cut(s, ".")
	groups := strings.Split(whole, ",")
	for k, g := range groups {
		if k == 0 && (len(g) == 0 || len(g) > 3 && len(groups) > 1) || k > 0 && len(g) != 3 {
			return errors.New("badly grouped " + s)
		}
	}
	if len(groups) == 1 && len(whole) > 3 {
		return errors.New("not grouped " + s)
	}
	digits := strings.TrimLeft(strings.ReplaceAll(whole, ",", "")+frac, "0")
	if len(digits) > maxSigDigits {
		return fmt.Errorf("%d significant digits in %s", len(digits), s)
	}
	return nil
}

// unbracketed drops the [labels] of quantities.
func unbracketed(text string) string {
	var b strings.Builder
	depth := 0
	for _, r := range text {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
