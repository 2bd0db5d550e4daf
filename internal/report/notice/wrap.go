package notice

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// noLineStart are the marks a line must not begin with (禁则): a closing
// mark or punctuation stays at the end of the line before.
const noLineStart = "，。、；：？！）》〉」』】〕,.;:?!)]%"

// wrap breaks text into lines no wider than w in the current font: at
// its line breaks, then at a space or between any two characters (Chinese
// has no spaces), never before a closing mark. fpdf's MultiCell drops a
// character where it breaks a line without a space, so notices break
// their own lines.
func wrap(pdf *fpdf.Fpdf, text string, w float64) []string {
	var out []string
	for para := range strings.SplitSeq(text, "\n") {
		out = append(out, wrapLine(pdf, []rune(strings.TrimRight(para, " \t\r")), w)...)
	}
	return out
}

// wrapLine breaks one paragraph.
func wrapLine(pdf *fpdf.Fpdf, rs []rune, w float64) []string {
	var out []string
	for len(rs) > 0 {
		n := fit(pdf, rs, w)
		for n < len(rs) && n > 1 && strings.ContainsRune(noLineStart, rs[n]) {
			n-- // carry the character before the mark over with it
		}
		if n < len(rs) && rs[n] != ' ' { // break at a space in a Latin word
			if k := lastSpace(rs[:n]); k > 0 && isLatin(rs[n]) && isLatin(rs[n-1]) {
				n = k
			}
		}
		out = append(out, string(rs[:n]))
		rs = rs[n:]
		for len(rs) > 0 && rs[0] == ' ' && len(out) > 0 {
			rs = rs[1:]
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// fit is how many of rs fit in w (at least one).
func fit(pdf *fpdf.Fpdf, rs []rune, w float64) int {
	lo, hi := 1, len(rs)
	for lo < hi { // the widest prefix that fits
		mid := (lo + hi + 1) / 2
		if pdf.GetStringWidth(string(rs[:mid])) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func lastSpace(rs []rune) int {
	for k := len(rs) - 1; k > 0; k-- {
		if rs[k] == ' ' {
			return k
		}
	}
	return -1
}

func isLatin(r rune) bool { return r < 0x2E80 && r != ' ' }

// paragraph draws text across the body's width, lh apart, aligned as
// align ("L" or "C"); lines that do not fit the page go on to the next.
func paragraph(pdf *fpdf.Fpdf, lh float64, text, align string) {
	for _, line := range wrap(pdf, text, bodyW-0.5) {
		pdf.CellFormat(0, lh, line, "", 1, align, false, 0, "")
	}
}
