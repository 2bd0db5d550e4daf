package formula_test

import (
	"bytes"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

// TestGeneratedLinesRecompute recomputes every line of plans from
// standards/plangen, and of the sample district, from their text.
func TestGeneratedLinesRecompute(t *testing.T) {
	for _, tc := range []struct {
		n, std int
		seed   uint64
	}{{3, 20, 1}, {40, 60, 2}, {120, 140, 3}, {300, 30, 4}} {
		var buf bytes.Buffer
		if err := plangen.Write(&buf, tc.n, tc.std, tc.seed); err != nil {
			t.Fatal(err)
		}
		doc, err := standards.Parse("gen.toml", buf.Bytes(), nil)
		if err != nil {
			t.Fatal(err)
		}
		checkDoc(t, doc)
	}
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, doc)
}

func checkDoc(t *testing.T, doc *standards.Document) {
	t.Helper()
	m, err := doc.Compile()
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if err := formula.CheckLines(res); err != nil {
		t.Fatal(err)
	}
}
