package report_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/testplan"
)

// sample is the sample plan's result, with the overrides sets.
func sample(t *testing.T, sets ...string) *formula.Result {
	t.Helper()
	doc, _ := testplan.Sample(t)
	res, err := testplan.Sets(t, doc, sets...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// withoutManaged drops the last column, district-managed amounts (not
// part of the total, rules §6), when r's plan has them.
func withoutManaged(r *formula.Result, rows [][]string) [][]string {
	if !r.Plan.HasDistrictManaged() {
		return rows
	}
	out := make([][]string, len(rows))
	for i, row := range rows {
		out[i] = row[:len(row)-1]
	}
	return out
}

// addsUp checks that in rows (the last the totals) the cells from
// column from up to the last add up to the last, and each column's rows
// to its totals row.
func addsUp(t *testing.T, rows [][]string, from int) {
	t.Helper()
	d := func(s string) decimal.Decimal {
		x, err := decimal.NewFromString(strings.ReplaceAll(s, ",", ""))
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return x
	}
	last := len(rows[0]) - 1
	col := make([]decimal.Decimal, len(rows[0]))
	for i, row := range rows {
		s := decimal.Zero
		for k := from; k < last; k++ {
			s = s.Add(d(row[k]))
		}
		if !s.Equal(d(row[last])) {
			t.Errorf("row %d %v adds to %s", i, row, s)
		}
		if i < len(rows)-1 {
			for k := from; k <= last; k++ {
				col[k] = col[k].Add(d(row[k]))
			}
		}
	}
	for k := from; k <= last; k++ {
		if !col[k].Equal(d(rows[len(rows)-1][k])) {
			t.Errorf("column %d adds to %s, total %s", k, col[k], rows[len(rows)-1][k])
		}
	}
}

func TestWanRowsAddUp(t *testing.T) {
	for _, sets := range [][]string{nil, {"plan.capacity=2680000017"}, {"plan.rounding_unit=1"}} {
		res := sample(t, sets...)
		rows, err := report.WanRows(res)
		if err != nil {
			t.Fatal(err)
		}
		addsUp(t, withoutManaged(res, rows), 2)
		// Each amount within 0.01 万元 of the exact one.
		exact := report.Rows(res)
		for i, row := range rows {
			for k := 2; k < len(row); k++ {
				a, _ := decimal.NewFromString(row[k])
				e, _ := decimal.NewFromString(exact[i][k])
				if a.Sub(e.Shift(-4)).Abs().GreaterThanOrEqual(decimal.New(1, -2)) {
					t.Errorf("%v: %s 万元 for %s 元", sets, row[k], exact[i][k])
				}
			}
		}
	}
}

func TestWanCSVAndTable(t *testing.T) {
	res := sample(t)
	var b bytes.Buffer
	if err := report.WriteCSVWan(&b, res, report.CSVOptions{NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&b)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rows[0][0], "最大余数法") || rows[1][0] != "id" {
		t.Fatalf("title and header: %q", rows[:2])
	}
	addsUp(t, withoutManaged(res, rows[2:]), 2)
	b.Reset()
	if err := report.WriteTableWan(&b, res, nil); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); !strings.Contains(s, "单位: 万元") || !strings.Contains(s, "259,097.44") || !strings.Contains(s, "尾差") {
		t.Errorf("table:\n%s", s)
	}
}

func TestCompareWanAddsUp(t *testing.T) {
	base, scen := sample(t), sample(t, "project.vector_control.unit_cost=1.5")
	doc, err := report.NewCompareWan(report.Comparison{Base: base, Scenario: scen})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteCompareCSV(&b, doc, report.CSVOptions{NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&b)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var changes, sides [][]string
	for _, row := range rows[2:] {
		// the components' changes add up to the change
		changes = append(changes, append(append([]string{}, withoutManaged(scen, [][]string{row[6:]})[0]...), row[4]))
		// base + change = scenario
		sides = append(sides, []string{row[2], row[4], row[3]})
	}
	addsUp(t, changes, 0)
	addsUp(t, sides, 0)
}

// TestWanRowsOfWhereTheMoneyGoes: in a plan with transfers and
// district-managed projects (rules §6), the 万元 table has their columns
// in the places of the 元 table; the transfers are part of each total and
// add up with the components, the managed column (not part of the total)
// adds up on its own, and every amount is within 0.01 万元 of the exact one.
func TestWanRowsOfWhereTheMoneyGoes(t *testing.T) {
	res := testplan.File(t, "../../testdata/money/plan.toml")
	rows, err := report.WanRows(res)
	if err != nil {
		t.Fatal(err)
	}
	header, exact := report.HeaderOf(res, false), report.Rows(res)
	if len(rows[0]) != len(header) || header[len(header)-1] != "managed" || header[len(header)-3] != "transfers" {
		t.Fatalf("header %v, row %v", header, rows[0])
	}
	withoutManaged := make([][]string, len(rows))
	managed := decimal.Zero
	for i, row := range rows {
		withoutManaged[i] = row[:len(row)-1]
		m, _ := decimal.NewFromString(row[len(row)-1])
		if i < len(rows)-1 {
			managed = managed.Add(m)
		} else if !managed.Equal(m) {
			t.Errorf("the managed column adds to %s, total %s", managed, m)
		}
		for k := 2; k < len(row); k++ {
			a, _ := decimal.NewFromString(row[k])
			e, _ := decimal.NewFromString(exact[i][k])
			if a.Sub(e.Shift(-4)).Abs().GreaterThanOrEqual(decimal.New(1, -2)) {
				t.Errorf("%s: %s 万元 for %s 元", header[k], row[k], exact[i][k])
			}
		}
	}
	addsUp(t, withoutManaged, 2)
}
