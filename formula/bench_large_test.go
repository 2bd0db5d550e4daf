package formula_test

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

// BenchmarkSample evaluates the embedded sample district (target: < 1 ms).
func BenchmarkSample(b *testing.B) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		b.Fatal(err)
	}
	m, err := doc.Compile()
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

// BenchmarkEngine evaluates generated plans of ~140 standards: the engine
// alone, after parsing and compiling (target: 40,000 sub-districts < 5 s).
func BenchmarkEngine(b *testing.B) {
	for _, n := range []int{1000, 10000, 40000} {
		b.Run(fmt.Sprintf("subdistricts=%d", n), func(b *testing.B) {
			m := generated(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Evaluate(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func generated(b *testing.B, n int) *formula.Model {
	b.Helper()
	var buf bytes.Buffer
	if err := plangen.Write(&buf, n, 140, 1); err != nil {
		b.Fatal(err)
	}
	doc, err := standards.Parse("gen.toml", buf.Bytes(), nil)
	if err != nil {
		b.Fatal(err)
	}
	m, err := doc.Compile()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC() // measure the engine, not the garbage of parsing
	return m
}
