package standards

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestIsPlainNumber holds isPlainNumber to the pattern of rules §2 it
// replaced, on chosen and random texts.
func TestIsPlainNumber(t *testing.T) {
	pattern := regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	cases := []string{"", "-", "0", "-0", "1.5", "1.", ".5", "-.5", "1.2.3", "+1", "1e3", "1_000", " 1", "１", "--1", "12345678901234567890.123"}
	rng := rand.New(rand.NewPCG(2, 5))
	for range 50000 {
		b := make([]byte, rng.IntN(7))
		for i := range b {
			b[i] = "0123456789.-+e _"[rng.IntN(16)]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := isPlainNumber(s), pattern.MatchString(s); got != want {
			t.Errorf("%q: %v, the pattern says %v", s, got, want)
		}
	}
}
