package app_test

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/report"

	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

// BenchmarkWhatIfLarge is one CSV what-if (a new capacity, evaluated
// without lines) on generated plans of 1,000 and 10,000 sub-districts,
// as ComputeTotals does it, the base model compiled beforehand.
func BenchmarkWhatIfLarge(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var buf bytes.Buffer
			if err := plangen.Write(&buf, n, 140, 1); err != nil {
				b.Fatal(err)
			}
			doc, err := standards.Parse("plan.toml", buf.Bytes(), nil)
			if err != nil {
				b.Fatal(err)
			}
			base, err := doc.Compile()
			if err != nil {
				b.Fatal(err)
			}
			capacity := base.Plan().Capacity.IntPart()
			i := int64(0)
			for b.Loop() {
				i++
				ovs, err := standards.ParseSets(fmt.Sprintf("plan.capacity=%d", capacity+i))
				if err != nil {
					b.Fatal(err)
				}
				m, err := doc.Model(ovs...)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := m.EvaluateTotals(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWhatIfServed is BenchmarkWhatIfLarge as the server does it:
// the plan loaded from a folder, the job resolved from the query, its key
// and stamp, ComputeTotals and the CSV rendered.
func BenchmarkWhatIfServed(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			var buf bytes.Buffer
			if err := plangen.Write(&buf, n, 140, 1); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "p.toml"), buf.Bytes(), 0o644); err != nil {
				b.Fatal(err)
			}
			e, err := app.New(app.Config{PlansDir: dir, DataDir: b.TempDir(), Version: "bench", Logger: slog.New(slog.DiscardHandler)})
			if err != nil {
				b.Fatal(err)
			}
			v, err := e.Plan("p")
			if err != nil {
				b.Fatal(err)
			}
			capacity := v.Base.Res.Plan.Capacity.IntPart()
			i, sign := int64(0), int64(1)
			if os.Getenv("BENCH_LESS") != "" {
				sign = -1 // less capacity: the capped tiers are split again
			}
			for b.Loop() {
				i++
				q, err := app.ParseQuery(fmt.Sprintf("set.plan.capacity=%d", capacity+sign*i), app.ParamSet)
				if err != nil {
					b.Fatal(err)
				}
				j, err := e.Resolve("p", q)
				if err != nil {
					b.Fatal(err)
				}
				key := e.Key(j)
				_ = e.Stamp(j)
				c, _ := e.ComputeTotals(j, key)
				if c.Err != nil {
					b.Fatal(c.Err)
				}
				if err := report.WriteCSV(io.Discard, c.Res, report.CSVOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
