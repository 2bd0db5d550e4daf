package formula_test

import (
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// BenchmarkCompilePlan validates and compiles the embedded sample
// district's plan, as every what-if does before it evaluates.
func BenchmarkCompilePlan(b *testing.B) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		b.Fatal(err)
	}
	m, err := doc.Compile()
	if err != nil {
		b.Fatal(err)
	}
	p := m.Plan()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := formula.Compile(p); err != nil {
			b.Fatal(err)
		}
	}
}
