package formula_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

// withCodes gives some of the staff categories, quotas and projects of a
// plan's text classification codes drawn from a few, leaving the others
// uncoded.
func withCodes(text []byte, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	functions := []string{"201", "20103", "2010301", "2080208", "2120501"}
	economics := []string{"301", "30101", "30201", "30227"}
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(text), "\n") {
		b.WriteString(line)
		switch strings.TrimSpace(line) {
		case "[[staff]]", "[[quota]]", "[[project]]":
			if r.IntN(4) > 0 {
				fmt.Fprintf(&b, "function_code = %q\n", functions[r.IntN(len(functions))])
			}
			if r.IntN(3) > 0 {
				fmt.Fprintf(&b, "economic_code = %q\n", economics[r.IntN(len(economics))])
			}
		}
	}
	return []byte(b.String())
}

// TestByCodeReconciles totals generated plans, with random codes, and the
// sample district by both classifications and checks: Σ rows + reserves
// = capacity; each component column adds up to the result's total of
// that component; and every coded row holds only items of its code
// (the block grant, incentive and damping by [classification.*]).
func TestByCodeReconciles(t *testing.T) {
	for _, tc := range []struct {
		n, std int
		seed   uint64
	}{{3, 20, 1}, {40, 60, 2}, {120, 140, 3}} {
		var buf bytes.Buffer
		if err := plangen.Write(&buf, tc.n, tc.std, tc.seed); err != nil {
			t.Fatal(err)
		}
		doc, err := standards.Parse("gen.toml", withCodes(buf.Bytes(), tc.seed), nil)
		if err != nil {
			t.Fatal(err)
		}
		checkByCode(t, doc)
	}
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	checkByCode(t, doc)
	// the money example (rules §6): managed lines are not in the rows,
	// transfers are, the district pool and managed amounts are reserves
	// (ByCode checks Σ rows + reserves = capacity + transfers itself)
	if doc, err = standards.LoadFile("../testdata/money/plan.toml"); err != nil {
		t.Fatal(err)
	}
	m, err := doc.Compile()
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	ct, err := res.ByCode(formula.FunctionCode)
	if err != nil {
		t.Fatalf("money example: %v", err)
	}
	if want := res.Reserve.Add(res.DistrictPool).Add(res.DistrictManaged); !ct.Reserves.Equal(want) || !ct.Transfers.Equal(res.Transfers) {
		t.Errorf("money example: reserves %s (want %s), transfers %s", ct.Reserves, want, ct.Transfers)
	}
}

func checkByCode(t *testing.T, doc *standards.Document) {
	t.Helper()
	m, err := doc.Compile()
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	coded := 0
	for _, k := range []formula.CodeKind{formula.FunctionCode, formula.EconomicCode} {
		ct, err := res.ByCode(k)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		sum := ct.Reserves
		var comps [6]decimal.Decimal
		for _, row := range ct.Rows {
			sum = sum.Add(row.Total)
			for c := range comps {
				comps[c] = comps[c].Add(row.Components[c])
			}
			if row.Code != "" {
				coded++
				checkItems(t, res.Plan, k, row)
			}
		}
		if !sum.Equal(res.Capacity.Add(ct.Transfers)) { // transfers (rules §6) are in the rows, not in capacity
			t.Errorf("%s: Σ rows + reserves = %s, capacity %s", k, sum, res.Capacity)
		}
		totals := res.Totals()
		for c := range comps {
			if !comps[c].Equal(totals[c]) {
				t.Errorf("%s: Σ %s = %s, result %s", k, formula.ComponentNames[c], comps[c], totals[c])
			}
		}
	}
	if coded == 0 {
		t.Errorf("no coded rows: the test checks nothing of the codes")
	}
}

// checkItems checks that every item in a coded row carries its code, the
// defaults of personnel (301) and public costs (302) filled in
// (formula.Plan.Classify) and the block grant, incentive and damping
// classified by [classification.*].
func checkItems(t *testing.T, p *formula.Plan, k formula.CodeKind, row formula.CodeTotal) {
	t.Helper()
	codes := map[string]formula.Codes{}
	withDefault := func(c formula.Codes, econ string) formula.Codes {
		if c.Economic == "" {
			c.Economic = econ
		}
		return c
	}
	for _, s := range p.Staff {
		codes["personnel."+s.ID] = withDefault(s.Codes, "301")
	}
	for _, q := range p.Quotas {
		codes["public."+q.ID] = withDefault(q.Codes, "302")
	}
	for _, pr := range p.Projects {
		codes["projects."+pr.ID] = pr.Codes
	}
	for _, tr := range p.Transfers {
		codes["transfers."+tr.ID] = tr.Codes
	}
	codes["block"], codes["incentive"], codes["damping"] = p.StageCodes.Block, p.StageCodes.Incentive, p.StageCodes.Damping
	for _, it := range row.Items {
		c, ok := codes[it]
		got := c.Function
		if k == formula.EconomicCode {
			got = c.Economic
		}
		if !ok || got != row.Code {
			t.Errorf("%s row %s holds %s (code %q)", k, row.Code, it, got)
		}
	}
}
