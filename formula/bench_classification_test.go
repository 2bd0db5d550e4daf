package formula_test

import (
	"bytes"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

// BenchmarkByCode totals a generated plan of 1,000 sub-districts and 140
// standards, some of them coded, by function code.
func BenchmarkByCode(b *testing.B) {
	var buf bytes.Buffer
	if err := plangen.Write(&buf, 1000, 140, 1); err != nil {
		b.Fatal(err)
	}
	doc, err := standards.Parse("gen.toml", withCodes(buf.Bytes(), 1), nil)
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
		if _, err := res.ByCode(formula.FunctionCode); err != nil {
			b.Fatal(err)
		}
	}
}
