package formula

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSplitCountsMatchesSplitUnits: selecting the items that get a
// leftover unit gives the amounts sorting them all gives, on random
// weights with many equal remainders and on large lists.
func TestSplitCountsMatchesSplitUnits(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 25))
	for k := range 2000 {
		n := 1 + r.IntN(50)
		if k%100 == 0 {
			n = 5000 + r.IntN(5000)
		}
		w := make([]int64, n)
		var total int64
		spread := int64(1 + r.IntN(1000))
		for i := range w {
			w[i] = r.Int64N(spread) // equal weights and zeros are common
			total += w[i]
		}
		if total == 0 {
			continue
		}
		b := r.Int64N(total + 1)
		want, _ := splitUnits(b, w, total)
		if got := splitCounts(b, w, total); !slices.Equal(got, want) {
			t.Fatalf("case %d: b=%d over %v: got %v, want %v", k, b, w, got, want)
		}
	}
}
