package chart

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/testplan"
)

// TestMoneyCharts: with rules §6, the composition keeps the district pool
// (the savings) and the district-managed amount as their own slices and
// still adds up to the capacity; the components chart and its CSV carry
// the transfers, so that each row adds up to the total.
func TestMoneyCharts(t *testing.T) {
	res := testplan.File(t, "../../testdata/money/plan.toml")
	slices, _ := compositionSlices(res)
	sum, labels := decimal.Zero, map[string]decimal.Decimal{}
	for _, s := range slices {
		sum = sum.Add(s.amount)
		labels[s.label] = s.amount
	}
	if !sum.Equal(res.Capacity) {
		t.Errorf("slices add up to %s, capacity is %s", sum, res.Capacity)
	}
	if got := labels["区级统筹（节省）"]; !got.Equal(decimal.NewFromInt(928600)) {
		t.Errorf("district pool slice = %s, want 928600", got)
	}
	if got := labels["区级部门统筹"]; !got.Equal(decimal.NewFromInt(2992000)) {
		t.Errorf("district-managed slice = %s, want 2992000", got)
	}
	comp, err := Data(KindComposition, Input{Result: res})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range comp.Rows {
		found = found || r[0] == "区级统筹（节省）" && r[1] == "928600"
	}
	if !found {
		t.Errorf("composition CSV lacks the district pool: %v", comp.Rows)
	}
	tab, err := Data(KindComponents, Input{Result: res})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tab.Header); tab.Header[n-2] != "专项转移支付 transfers" {
		t.Fatalf("components header = %v", tab.Header)
	}
	fm := numfmt.NewFmt(res)
	for i, row := range tab.Rows {
		a := &res.Subdistricts[i]
		if row[len(row)-2] != fm.Amount(a.Transfers) || row[len(row)-1] != fm.Amount(a.Total) {
			t.Errorf("%s: row %v, transfers %s total %s", a.ID, row, a.Transfers, a.Total)
		}
		s := decimal.Zero
		for _, cell := range row[2 : len(row)-1] {
			s = s.Add(decimal.RequireFromString(cell))
		}
		if !s.Equal(a.Total) {
			t.Errorf("%s: the row adds up to %s, total %s", a.ID, s, a.Total)
		}
	}
	b, err := Components(res, SVG)
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, svgText(t, b), "专项转移支付")
	b, err = Composition(res, SVG)
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, svgText(t, b), "区级统筹（节省）", "92.86")
}
