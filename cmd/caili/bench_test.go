package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/caili/caili/standards/plangen"
)

// BenchmarkCalcCSV runs `caili calc --plan F --format csv` in-process on
// generated plans of ~140 standards: parse, validate, compute and write
// (target: 10,000 sub-districts < 10 s; 1,000 → 10,000 at most 13×).
func BenchmarkCalcCSV(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("subdistricts=%d", n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "plan.toml")
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			if err := plangen.Write(f, n, 140, 1); err != nil {
				b.Fatal(err)
			}
			if err := f.Close(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := run(context.Background(), []string{"calc", "--plan", path, "--format", "csv"}, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSampleTable runs `caili calc` on the embedded sample.
func BenchmarkSampleTable(b *testing.B) {
	for b.Loop() {
		if err := run(context.Background(), []string{"calc"}, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
