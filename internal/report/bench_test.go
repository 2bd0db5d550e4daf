package report

import (
	"bytes"
	"io"
	"testing"

	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

// BenchmarkWriteJSON is the streamed JSON of a generated plan of 1,000
// sub-districts × 140 standards (the shape of bench.sh's, a tenth of
// it), written to io.Discard: the text of every line and the encoding,
// without the load and the evaluation.
func BenchmarkWriteJSON(b *testing.B) {
	var plan bytes.Buffer
	if err := plangen.WriteOptions(&plan, nil, plangen.Options{N: 1000, Standards: 140, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	doc, err := standards.Parse("gen.toml", plan.Bytes(), nil)
	if err != nil {
		b.Fatal(err)
	}
	r, err := testplan.Evaluate(doc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteJSONStamped(io.Discard, r, nil); err != nil {
			b.Fatal(err)
		}
	}
}
