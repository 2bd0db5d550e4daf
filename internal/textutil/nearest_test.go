package textutil

import (
	"slices"
	"strings"
	"testing"
)

func TestNearest(t *testing.T) {
	cands := []string{"resident_population", "floating_population", "elderly_60plus", "优", "良", "中", "差", "area_km2", "C"}
	for _, tt := range []struct {
		typed string
		want  []string
	}{
		{"resident_populaton", []string{"resident_population"}},
		{"populaton", nil},
		{"忧", []string{"优", "良"}},
		{"area", []string{"area_km2"}},
		{"nothing_like_it", nil},
		{"优", []string{"良", "中"}}, // itself is not a suggestion
		{"colour", nil},           // does not run on from "C"
	} {
		if got := Nearest(tt.typed, cands, 2); !slices.Equal(got, tt.want) {
			t.Errorf("Nearest(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
	if d := Distance(strings.Repeat("a", 10000), strings.Repeat("b", 10000)); d != 64 {
		t.Errorf("texts are clipped to 64 runes: distance %d", d)
	}
}
