// Package textutil holds the small text helpers that every layer's
// messages share. It imports nothing of caili.
package textutil

// Clip shortens text quoted back in a message to at most max runes,
// marking the cut with "…", so that a message never grows with what a
// person (or a program) typed.
func Clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
