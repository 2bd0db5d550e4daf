package formula

import (
	"regexp"
	"testing"
)

// TestValidID holds the hand-written id check to the pattern SPEC §2 gives.
func TestValidID(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	for _, id := range []string{"", "a", "east", "east-1", "east_2", "a9", "9a", "-a", "_a", "East", "eAst",
		"east ", " east", "街道", "a.b", "a/b", "z-", "a\x00", "a\n"} {
		if got, want := validID(id), pattern.MatchString(id); got != want {
			t.Errorf("validID(%q) = %v, want %v", id, got, want)
		}
	}
}
