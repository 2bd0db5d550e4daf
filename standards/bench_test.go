package standards_test

import (
	"io"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula/report"
	"github.com/caili/caili/standards"
)

// BenchmarkWhatIf is one what-if on the sample plan, as the server does
// it: three overrides applied (and the plan validated again), evaluated and
// written as CSV.
func BenchmarkWhatIf(b *testing.B) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		b.Fatal(err)
	}
	var ovs []standards.Override
	for _, s := range []string{"plan.capacity=2600000000", "factor.workload.weight=0.5", "factor.area.weight=0.1"} {
		o, err := standards.ParseSet(s)
		if err != nil {
			b.Fatal(err)
		}
		ovs = append(ovs, o)
	}
	b.ReportAllocs()
	for b.Loop() {
		d, err := doc.Apply(ovs...)
		if err != nil {
			b.Fatal(err)
		}
		m, err := d.Compile()
		if err != nil {
			b.Fatal(err)
		}
		res, err := m.Evaluate()
		if err != nil {
			b.Fatal(err)
		}
		if err := report.WriteCSV(io.Discard, res, report.CSVOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
