package textutil

import (
	"strings"
	"unicode/utf8"
)

// Distance is the Levenshtein distance between two short texts, by runes;
// texts are clipped to 64 runes so that it stays cheap whatever was typed.
func Distance(a, b string) int {
	ra, rb := []rune(clipRunes(a, 64)), []rune(clipRunes(b, 64))
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Near reports whether a typed text is near enough a candidate to suggest
// it: within a third of the candidate's length (at least 2 edits), or cut
// short or run on by a few characters (both of 3 or more: a typed
// "colour" does not run on from a candidate "C").
func Near(typed, candidate string) (int, bool) {
	t, c := strings.ToLower(typed), strings.ToLower(candidate)
	d := Distance(t, c)
	if min(utf8.RuneCountInString(t), utf8.RuneCountInString(c)) >= 3 && (strings.HasPrefix(c, t) || strings.HasPrefix(t, c)) {
		d = min(d, 1)
	}
	return d, d <= max(2, utf8.RuneCountInString(c)/3)
}

// Nearest returns the candidates nearest to a typed text, best first
// (ties in the candidates' order), at most n of them; none when nothing
// is near.
func Nearest(typed string, candidates []string, n int) []string {
	type scored struct {
		s string
		d int
	}
	var best []scored
	for _, c := range candidates {
		d, ok := Near(typed, c)
		if !ok || c == typed {
			continue
		}
		i := len(best)
		for i > 0 && best[i-1].d > d {
			i--
		}
		if i < n {
			best = append(best[:i], append([]scored{{c, d}}, best[i:]...)...)
			if len(best) > n {
				best = best[:n]
			}
		}
	}
	out := make([]string, len(best))
	for i, b := range best {
		out[i] = b.s
	}
	return out
}

func clipRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}
