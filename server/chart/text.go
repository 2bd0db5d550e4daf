package chart

import "strings"

// Text from the input (the plan's name, sub-district names, quantity
// names) can be any length, and a chart shows at most a line of it. Each
// such text is cut to maxTextRunes runes before anything measures it, and
// shortened to the pixels it has by binary search on its prefixes, so
// fitting a text of n runes measures O(log n) prefixes of at most
// maxTextRunes runes however long the input is.

// maxTextRunes is the most runes of one text a chart considers; no chart
// has room for more (12000 pixels of 11-point title is under 1000
// ideographs, and labels are far narrower).
const maxTextRunes = 256

// ellipsis ends shortened text.
const ellipsis = "…"

// clampRunes returns the first n runes of s and whether s had more. It
// reads at most n+1 runes of s.
func clampRunes(s string, n int) (string, bool) {
	count := 0
	for i := range s {
		if count == n {
			return s[:i], true
		}
		count++
	}
	return s, false
}

// label returns a name as a chart keeps it: without surrounding spaces and
// at most maxTextRunes runes, ending in an ellipsis when cut. It is
// fitted to the pixels it gets when drawn (see fitText).
func label(name string) string {
	name = strings.TrimSpace(name)
	if s, cut := clampRunes(name, maxTextRunes); cut {
		return s + ellipsis
	}
	return name
}

// fitText returns s and its width when s is at most maxWidth pixels wide
// as width measures it, and otherwise the longest prefix of s that is so
// with an ellipsis after it (never less than one rune and the ellipsis).
// Only the first maxTextRunes runes of s are considered.
func fitText(s string, maxWidth int, width func(string) int) (string, int) {
	return fitAround(s, "", maxWidth, width)
}

// fitAround fits head+tail into maxWidth pixels as fitText does, shortening
// only head: the result is head+tail, or a prefix of head, an ellipsis and
// tail. The prefix is found by binary search, as widths grow with the
// prefix.
func fitAround(head, tail string, maxWidth int, width func(string) int) (string, int) {
	head, cut := clampRunes(head, maxTextRunes)
	if !cut {
		if w := width(head + tail); w <= maxWidth || head == "" {
			return head + tail, w
		}
	}
	r := []rune(head)
	// lo runes are known to fit (0 runes: trivially); more than hi do not
	lo, hi, loWidth := 0, len(r), -1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if w := width(string(r[:mid]) + ellipsis + tail); w <= maxWidth {
			lo, loWidth = mid, w
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		s := string(r[:1]) + ellipsis + tail
		return s, width(s)
	}
	return string(r[:lo]) + ellipsis + tail, loWidth
}

// fitTitle returns the title name+tail (the plan's name and what the chart
// shows) at the largest size from size down to minSize at which it is at
// most maxWidth pixels wide. When even minSize is too wide, the name is
// shortened with an ellipsis so that what the chart shows stays readable;
// when the tail alone is too wide, the whole title is shortened.
func (m *measurer) fitTitle(name, tail string, size, minSize float64, maxWidth int) (string, float64) {
	if s, cut := clampRunes(name, maxTextRunes); cut {
		name = s + ellipsis
	}
	for ; size > minSize; size-- {
		if m.width(name+tail, size) <= maxWidth {
			return name + tail, size
		}
	}
	width := func(s string) int { return m.width(s, minSize) }
	if width(ellipsis+tail) > maxWidth {
		s, _ := fitText(name+tail, maxWidth, width)
		return s, minSize
	}
	s, _ := fitAround(name, tail, maxWidth, width)
	return s, minSize
}
