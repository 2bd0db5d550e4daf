package standards

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
)

// unknownKeys is the tiny plan with n unknown keys in [plan] and an
// unknown table of n keys.
func unknownKeys(t testing.TB, n int) string {
	var b strings.Builder
	for k := range n {
		fmt.Fprintf(&b, "k%d = 1\n", k)
	}
	return strings.Replace(tinyPlan(t), "[plan]\n", "[plan]\n"+b.String(), 1) + "\n[extra]\n" + b.String()
}

// compileProblems parses and compiles text, and returns its problems.
func compileProblems(t testing.TB, text string) []formula.Problem {
	t.Helper()
	doc, err := Parse("plan.toml", []byte(text), nil)
	if err == nil {
		_, err = doc.Compile()
	}
	var se *formula.InvalidPlanError
	if !errors.As(err, &se) {
		t.Fatalf("want problems, got %v", err)
	}
	return se.Problems
}

// TestManyUnknownKeys: every unknown key is reported once at its line, an
// unknown table once for all its keys; the reporting is linear (it was
// quadratic: 20,000 unknown keys took 40 s, see BenchmarkUnknownKeys).
func TestManyUnknownKeys(t *testing.T) {
	const n = 2000
	ps := compileProblems(t, unknownKeys(t, n))
	seen := map[string]int{}
	for _, p := range ps {
		if p.Code != formula.CodeUnknownKey {
			t.Fatalf("unexpected problem %s", p)
		}
		if p.Line == 0 {
			t.Errorf("no line: %s", p)
		}
		seen[p.Path]++
	}
	if len(ps) != n+1 || seen["extra"] != 1 || seen["plan.k0"] != 1 || seen[fmt.Sprintf("plan.k%d", n-1)] != 1 {
		t.Errorf("got %d problems, want %d: plan.k0 … plan.k%d and extra once each", len(ps), n+1, n-1)
	}
}

// BenchmarkUnknownKeys reports 20,000 unknown keys (a 240 KB file).
func BenchmarkUnknownKeys(b *testing.B) {
	text := unknownKeys(b, 20000)
	for b.Loop() {
		compileProblems(b, text)
	}
}
