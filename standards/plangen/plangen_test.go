package plangen

import (
	"bytes"
	"testing"

	"github.com/caili/caili/standards"
)

// TestGeneratedPlansAreAccepted checks that generated plans load, validate
// and are funded by the rules, and that a seed always gives the same bytes.
func TestGeneratedPlansAreAccepted(t *testing.T) {
	for _, tc := range []struct {
		n, std int
		seed   uint64
	}{{1, 3, 1}, {3, 20, 2}, {50, 140, 3}, {200, 60, 4}} {
		var a, b bytes.Buffer
		if err := Write(&a, tc.n, tc.std, tc.seed); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, tc.n, tc.std, tc.seed); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("n=%d: same seed, different bytes", tc.n)
		}
		doc, err := standards.Parse("gen.toml", a.Bytes(), nil)
		if err != nil {
			t.Fatalf("n=%d: %v", tc.n, err)
		}
		m, err := doc.Compile()
		if err != nil {
			t.Fatalf("n=%d: %v", tc.n, err)
		}
		res, err := m.Evaluate()
		if err != nil {
			t.Fatalf("n=%d: %v", tc.n, err)
		}
		if len(res.Subdistricts) != tc.n {
			t.Fatalf("n=%d: %d sub-districts", tc.n, len(res.Subdistricts))
		}
	}
	if err := Write(&bytes.Buffer{}, 0, 140, 1); err == nil {
		t.Error("n = 0 accepted")
	}
}
