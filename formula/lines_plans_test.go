package formula_test

import (
	"bytes"
	"io/fs"
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

// TestSampleLinesReadable checks that every line of the sample's
// statements, for every sub-district, in the sample plan, each of its
// scenarios and the example plans, fits the rule of
// CheckReadable and recomputes.
func TestSampleLinesReadable(t *testing.T) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*standards.Document{"sample": doc}
	names, err := fs.Glob(configs.FS, configs.ScenarioDir+"/*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	for _, n := range names {
		data, _ := fs.ReadFile(configs.FS, n)
		sc, err := standards.ParseScenario(n, data)
		if err != nil {
			t.Fatal(err)
		}
		if docs[n], err = doc.Apply(sc.Set...); err != nil {
			t.Fatal(err)
		}
	}
	// The example plans (the shared examples' copies; the sample's
	// workbook plan gives the sample's lines, server/datafile_test.go).
	for _, n := range []string{"../testdata/tiny/plan.toml", "../testdata/rules/plan.toml", "../testdata/money/plan.toml"} {
		if docs[n], err = standards.LoadFile(n); err != nil {
			t.Fatal(err)
		}
	}
	for name, d := range docs {
		m, err := d.Compile()
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.Evaluate()
		if err != nil {
			t.Fatal(err)
		}
		if err := formula.CheckReadable(res); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if err := formula.CheckLines(res); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
