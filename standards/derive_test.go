package standards

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards/plangen"
)

// TestDeriveMatchesCompile: a what-if compiled incrementally (the base
// model's sub-districts and memos reused, formula.Model.Derive) gives the
// result of compiling the same overridden plan in full, with and without
// lines, byte for byte as JSON and CSV, and the same errors; on the
// sample, the tiny, rules and money examples and generated plans, with
// random numeric overrides, several in a row on one document so that the
// memos a first what-if fills serve the next.
func TestDeriveMatchesCompile(t *testing.T) {
	docs := map[string]*Document{}
	sample, err := LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	docs["sample"] = sample
	for name, text := range map[string]string{"tiny": tinyPlan(t), "rules": rulesPlan(t), "money": moneyPlan(t)} {
		if docs[name], err = Parse("plan.toml", []byte(text), nil); err != nil {
			t.Fatal(err)
		}
	}
	for seed := range uint64(4) {
		var b bytes.Buffer
		if err := plangen.Write(&b, 20+int(seed)*7, 12+int(seed)*5, seed+1); err != nil {
			t.Fatal(err)
		}
		if docs[fmt.Sprint("gen", seed)], err = Parse("plan.toml", b.Bytes(), nil); err != nil {
			t.Fatal(err)
		}
	}
	r := rand.New(rand.NewPCG(25, 4))
	for name, doc := range docs {
		base, err := doc.Compile()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		paths := numericPaths(base.Plan())
		derived := 0
		for k := range 30 {
			ovs := randomOverrides(r, base.Plan(), paths)
			fast := deriveOutcome(t, func() (*formula.Model, error) { return doc.Model(ovs...) })
			full := deriveOutcome(t, func() (*formula.Model, error) {
				if p := doc.patch(ovs); p != nil {
					if m, err := formula.Compile(p); err == nil {
						if ps := noEffect(ovs, p, doc.doc); len(ps) > 0 {
							return nil, invalidOverrides(ps)
						}
						return m, nil
					}
				}
				// What the what-if does then: the general way.
				over, err := doc.Apply(ovs...)
				if err != nil {
					return nil, asWritten(err, ovs, ovs)
				}
				m, err := over.Compile()
				return m, asWritten(err, ovs, ovs)
			})
			if fast != full {
				t.Fatalf("%s, what-if %d %v: the incremental what-if differs from compiling in full:\nincremental: %.400s\nfull:        %.400s", name, k, ovs, fast, full)
			}
			if p := doc.patch(ovs); p != nil {
				if _, err := formula.Compile(p); err == nil {
					derived++
				}
			}
		}
		if derived == 0 {
			t.Errorf("%s: no random what-if took the incremental path", name)
		}
	}
}

// deriveOutcome evaluates a model with lines (JSON) and without (CSV),
// or says its error.
func deriveOutcome(t *testing.T, model func() (*formula.Model, error)) string {
	t.Helper()
	m, err := model()
	if err != nil {
		return "error: " + err.Error()
	}
	var b bytes.Buffer
	totals, err := m.EvaluateTotals()
	if err != nil {
		fmt.Fprintf(&b, "totals error: %v\n", err)
	} else if err := report.WriteCSV(&b, totals, report.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	} else if err := report.WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// numericPath is a path an override may set to a number, with the base
// value it scales.
type numericPath struct {
	path string
	base decimal.Decimal
}

// numericPaths lists the plan's numeric override paths the fast path
// patches: outside the sub-districts, and a few sub-districts' values.
func numericPaths(p *formula.Plan) []numericPath {
	ps := []numericPath{{"plan.capacity", p.Capacity}, {"plan.reserve_rate", p.ReserveRate}}
	for _, s := range p.Staff {
		ps = append(ps, numericPath{"staff." + s.ID + ".annual_pay", s.AnnualPay}, numericPath{"staff." + s.ID + ".oncost_rate", s.OncostRate})
	}
	for _, q := range p.Quotas {
		ps = append(ps, numericPath{"quota." + q.ID + ".rate", q.Rate})
	}
	for _, pr := range p.Projects {
		ps = append(ps, numericPath{"project." + pr.ID + ".unit_cost", pr.UnitCost})
	}
	for t, c := range p.TierCaps {
		ps = append(ps, numericPath{"tiers." + t.String() + ".max_share", c})
	}
	if perf := p.Performance; perf != nil {
		for rating, c := range perf.Coefficients {
			ps = append(ps, numericPath{"performance.coefficients." + rating, c})
		}
	}
	if pp := p.ProjectPerformance; pp != nil {
		for rating, c := range pp.Coefficients {
			ps = append(ps, numericPath{"project_performance.coefficients." + rating, c})
		}
	}
	if in := p.Incentive; in != nil {
		ps = append(ps, numericPath{"incentive.rate", in.Rate})
	}
	if d := p.Damping; d != nil && d.Floor != nil {
		ps = append(ps, numericPath{"damping.floor", *d.Floor})
	}
	for _, tr := range p.Transfers {
		ps = append(ps, numericPath{"transfer." + tr.ID + ".amount", tr.Amount})
	}
	if b := p.Block; b != nil && b.Amount != nil {
		ps = append(ps, numericPath{"block.amount", *b.Amount})
	}
	return append(ps, subdistrictPaths(p)...)
}

// subdistrictPaths are a few sub-districts' values (the first, the last
// and one between): one quantity, one headcount, one payroll, one
// execution rate and the adjustment of each that has them, which the
// incremental what-if reads again for those rows only.
func subdistrictPaths(p *formula.Plan) []numericPath {
	var ps []numericPath
	n := len(p.Subdistricts)
	for _, i := range []int{0, n / 2, n - 1} {
		s := p.Subdistricts[i]
		at := "subdistrict." + s.ID + "."
		for _, q := range s.Quantities.Names()[:min(2, s.Quantities.Len())] {
			ps = append(ps, numericPath{at + "quantities." + q, s.Quantities.Value(q)})
		}
		for _, k := range s.Staff.Names()[:min(1, s.Staff.Len())] {
			ps = append(ps, numericPath{at + "staff." + k, s.Staff.Value(k)})
		}
		for _, k := range s.Payroll.Names()[:min(1, s.Payroll.Len())] {
			ps = append(ps, numericPath{at + "payroll." + k, s.Payroll.Value(k)})
		}
		for _, k := range sortedKeys(s.Execution)[:min(1, len(s.Execution))] {
			ps = append(ps, numericPath{at + "execution." + k, s.Execution[k]})
		}
		if s.Adjustment != nil {
			ps = append(ps, numericPath{at + "adjustment", *s.Adjustment})
		}
	}
	return ps
}

// sortedKeys are a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// randomOverrides picks one to three paths and scales their values by
// 0.5 to 1.5 (amounts rounded to whole 元, shares to 0.01), and sometimes
// moves weight between the first two factors (keeping the sum).
func randomOverrides(r *rand.Rand, p *formula.Plan, paths []numericPath) []Override {
	var ovs []Override
	for range 1 + r.IntN(3) {
		np := paths[r.IntN(len(paths))]
		v := np.base.Mul(decimal.NewFromFloat(0.5 + r.Float64()))
		if np.base.GreaterThan(decimal.NewFromInt(10)) {
			v = v.Round(0)
		} else {
			v = v.Round(2)
		}
		ovs = append(ovs, Override{Path: np.path, Value: v.String()})
	}
	if len(p.Factors) >= 2 && r.IntN(2) == 0 {
		a, b := p.Factors[0], p.Factors[1]
		d := decimal.NewFromInt(int64(r.IntN(5))).Div(decimal.NewFromInt(100))
		if a.Weight.GreaterThan(d) {
			ovs = append(ovs, Override{Path: "factor." + a.ID + ".weight", Value: a.Weight.Sub(d).String()},
				Override{Path: "factor." + b.ID + ".weight", Value: b.Weight.Add(d).String()})
		}
	}
	return ovs
}

// TestDeriveConcurrent: what-ifs derived at once from a fresh document
// fill the base model's memos once and each give the result the same
// what-if gives alone (TestDeriveMatchesCompile holds that to compiling
// in full); run with -race.
func TestDeriveConcurrent(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(rulesPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Parse("plan.toml", []byte(rulesPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	base, err := fresh.Compile()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, 8)
	sets := make([][]Override, 8)
	for g := range want {
		sets[g] = []Override{{Path: "plan.capacity", Value: base.Plan().Capacity.Sub(decimal.NewFromInt(int64(g) * 1000)).String()}}
		want[g] = deriveOutcome(t, func() (*formula.Model, error) { return fresh.Model(sets[g]...) })
		if strings.HasPrefix(want[g], "error") {
			t.Fatalf("what-if %d: %.300s", g, want[g])
		}
	}
	got := make([]string, 8)
	var wg sync.WaitGroup
	for g := range got {
		wg.Go(func() {
			m, err := doc.Model(sets[g]...)
			if err != nil {
				got[g] = "error: " + err.Error()
				return
			}
			res, err := m.EvaluateTotals()
			if err != nil {
				got[g] = "error: " + err.Error()
				return
			}
			var b bytes.Buffer
			if err := report.WriteCSV(&b, res, report.CSVOptions{}); err != nil {
				got[g] = "error: " + err.Error()
				return
			}
			got[g] = b.String()
		})
	}
	wg.Wait()
	for g := range got {
		if !strings.HasPrefix(want[g], got[g]) {
			t.Errorf("what-if %d at once differs:\n got %.300s\nwant %.300s", g, got[g], want[g])
		}
	}
}
