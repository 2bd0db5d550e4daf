package textutil_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/caili/caili/internal/textutil"
)

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"", 3, ""},
		{"abc", 3, "abc"},
		{"abcd", 3, "abc…"},
		{"广安门内街道", 6, "广安门内街道"},
		{"广安门内街道", 4, "广安门内…"},
		{"a广安门", 2, "a广…"},
		{strings.Repeat("x", 10000), 80, strings.Repeat("x", 80) + "…"},
	} {
		if got := textutil.Clip(c.in, c.max); got != c.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

func ExampleClip() {
	fmt.Println(textutil.Clip("subdistrict.广安门内街道.quantities.resident_population", 20))
	// Output: subdistrict.广安门内街道.q…
}
