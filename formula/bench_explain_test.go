package formula_test

import (
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/standards"
)

// BenchmarkExplainSample renders the text of every line and score of the
// sample district, as a statement of all sub-districts does.
func BenchmarkExplainSample(b *testing.B) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		b.Fatal(err)
	}
	m, err := doc.Compile()
	if err != nil {
		b.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, a := range res.Subdistricts {
			for _, l := range a.Lines {
				n += len(l.Formula())
			}
			n += len(a.Score.Formula())
		}
		if n == 0 {
			b.Fatal("no text")
		}
	}
}

// BenchmarkEqualisation measures a generated plan of 10,000 sub-districts
// (its population is resident_population).
func BenchmarkEqualisation(b *testing.B) {
	res, err := generated(b, 10000).Evaluate()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := res.Equalisation(); !ok {
			b.Fatal("no equalisation")
		}
	}
}
