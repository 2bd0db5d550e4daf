package app_test

import (
	"bytes"
	"fmt"
	"testing"

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
