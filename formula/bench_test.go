package formula

import (
	"testing"
)

// BenchmarkEvaluateRandom evaluates a small random plan: the per-call cost
// of the engine on sample-sized input.
func BenchmarkEvaluateRandom(b *testing.B) {
	m, err := Compile(randomPlan(11))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Evaluate(); err != nil {
			b.Fatal(err)
		}
	}
}
