package standards_test

import (
	"io"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards"
)

// BenchmarkWhatIf is one what-if on the sample plan, as the server does
// it: three numeric overrides, evaluated and written as CSV. "patch" is
// Document.Evaluate, which patches the converted base plan; "general"
// applies the overrides to the document, converts and validates it again.
func BenchmarkWhatIf(b *testing.B) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		b.Fatal(err)
	}
	ovs, err := standards.ParseSets("plan.capacity=2600000000", "factor.workload.weight=0.5", "factor.area.weight=0.1")
	if err != nil {
		b.Fatal(err)
	}
	general := func() (*formula.Result, error) {
		d, err := doc.Apply(ovs...)
		if err != nil {
			return nil, err
		}
		m, err := d.Compile()
		if err != nil {
			return nil, err
		}
		return m.Evaluate()
	}
	for _, bm := range []struct {
		name string
		eval func() (*formula.Result, error)
	}{
		{"patch", func() (*formula.Result, error) { return testplan.Evaluate(doc, ovs...) }},
		{"general", general},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := bm.eval()
				if err != nil {
					b.Fatal(err)
				}
				if err := report.WriteCSV(io.Discard, res, report.CSVOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
