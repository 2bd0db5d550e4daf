package chart

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// TestWriteSamples writes one chart of each kind and format into
// $CAILI_CHART_DIR for a person to look at; it is skipped otherwise.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("CAILI_CHART_DIR")
	if dir == "" {
		t.Skip("set CAILI_CHART_DIR to write sample charts")
	}
	base := tiny(t)
	whatIf := tiny(t, "plan.capacity=55000000")
	many := synth(300, seqName, func(i int) [6]int64 {
		return [6]int64{int64(8000000 + 10000*i), 900000, 1500000, int64(i % 3 * 100000), 2000000, -int64(i % 2 * 300000)}
	})
	sets := map[string]Input{
		"tiny":  {Result: whatIf, Base: base, Per: "population"},
		"tiny0": {Result: base, Base: base, Per: "population"},
		"one":   {Result: synth(1, seqName, func(int) [6]int64 { return [6]int64{5000000, 500000, 800000, 0, 1200000, 0} }), Per: "population"},
		"many":  {Result: many, Base: synth(300, seqName, func(i int) [6]int64 { return [6]int64{8000000, 900000, 1500000, 0, 2000000, 0} }), Per: "population"},
	}
	zero := synth(4, seqName, func(int) [6]int64 { return [6]int64{} })
	sets["zero"] = Input{Result: zero, Base: zero, Per: "population"}
	sets["one"] = Input{Result: sets["one"].Result, Base: sets["one"].Result, Per: "population"}
	if sample, err := sampleResults(); err == nil {
		sets["sample"] = sample
	} else {
		t.Logf("no sample plan: %v", err)
	}
	for name, in := range sets {
		for _, k := range Kinds() {
			for _, f := range []Format{PNG, SVG} {
				b, err := Render(k, f, in)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name+"-"+k.String()+"."+f.String()), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// sampleResults evaluates the embedded sample plan and its workload
// scenario, for the sample charts.
func sampleResults() (Input, error) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		return Input{}, err
	}
	eval := func(d *standards.Document) (*formula.Result, error) {
		m, err := d.Compile()
		if err != nil {
			return nil, err
		}
		return m.Evaluate()
	}
	base, err := eval(doc)
	if err != nil {
		return Input{}, err
	}
	data, err := fs.ReadFile(configs.FS, configs.ScenarioDir+"/workload_weight_0_5.toml")
	if err != nil {
		return Input{}, err
	}
	sc, err := standards.ParseScenario("workload_weight_0_5.toml", data)
	if err != nil {
		return Input{}, err
	}
	what, err := doc.Apply(sc.Set...)
	if err != nil {
		return Input{}, err
	}
	res, err := eval(what)
	if err != nil {
		return Input{}, err
	}
	return Input{Result: res, Base: base, Per: DefaultPer(base)}, nil
}

func BenchmarkRender(b *testing.B) {
	res := tiny(b)
	many := synth(300, seqName, func(i int) [6]int64 { return [6]int64{int64(8000000 + 10000*i), 900000, 1500000, 0, 2000000, 0} })
	for _, c := range []struct {
		name string
		res  *formula.Result
	}{{"tiny", res}, {"300", many}} {
		for _, k := range Kinds() {
			for _, f := range []Format{PNG, SVG} {
				b.Run(c.name+"/"+k.String()+"/"+f.String(), func(b *testing.B) {
					in := Input{Result: c.res, Base: c.res, Per: "population"}
					for b.Loop() {
						if _, err := Render(k, f, in); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
