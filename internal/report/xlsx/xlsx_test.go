package xlsx_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/caili/caili/internal/numfmt"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/xlsx"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// evaluated computes a small two-sub-district plan built in Go, so the
// test needs no plan files. The names need escaping in XML and would be a
// formula in a careless spreadsheet.
func evaluated(t testing.TB) *formula.Result {
	t.Helper()
	sub := func(id, name string, staff, pop int64) formula.Subdistrict {
		return formula.Subdistrict{ID: id, Name: name,
			Staff:      formula.ValuesOf(map[string]decimal.Decimal{"civil_servant": decimal.NewFromInt(staff)}),
			Quantities: formula.ValuesOf(map[string]decimal.Decimal{"population": decimal.NewFromInt(pop)})}
	}
	plan := &formula.Plan{Name: "测试区 2025年街道财力测算", District: "测试区", FiscalYear: 2025,
		Capacity: dec("60000000"), ReserveRate: dec("0.02"), RoundingUnit: dec("1"),
		Staff:  []formula.Staff{{ID: "civil_servant", Name: "公务员", AnnualPay: dec("160000"), OncostRate: dec("0.35")}},
		Quotas: []formula.Quota{{ID: "office", Name: "办公经费", Rate: dec("12000"), Basis: []string{"staff.civil_servant"}}},
		Factors: []formula.Factor{{ID: "population", Name: "服务人口", Weight: dec("1"),
			Indicators: []formula.Indicator{{Quantity: "population", Weight: dec("1")}}}},
		Subdistricts: []formula.Subdistrict{sub("east", "东&西<街>", 40, 82000), sub("west", "=危险街道", 35, 64000)},
	}
	m, err := formula.Compile(plan)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// handMade is a two-sub-district result with rounding unit u and the
// given component amounts (decimal text), without lines. It exercises
// number formatting only.
func handMade(u string, amounts [2][6]string) *formula.Result {
	plan := &formula.Plan{Name: "测试区", FiscalYear: 2025}
	res := &formula.Result{Plan: plan, Unit: dec(u)}
	for i := range amounts {
		a := formula.Allocation{ID: fmt.Sprintf("s%d", i+1), Name: fmt.Sprintf("第%d街道", i+1)}
		c := amounts[i]
		a.Personnel, a.Public, a.Projects = dec(c[0]), dec(c[1]), dec(c[2])
		a.Incentive, a.Block, a.Damping = dec(c[3]), dec(c[4]), dec(c[5])
		for _, x := range a.Components() {
			a.Total = a.Total.Add(x)
		}
		res.Subdistricts = append(res.Subdistricts, a)
	}
	return res
}

func openXLSX(t *testing.T, res *formula.Result) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("open written workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// raw returns a cell's stored value, without its number format.
func raw(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func numFmt(t *testing.T, f *excelize.File, sheet, cell string) int {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.NumFmt
}

func TestWriteXLSX(t *testing.T) {
	res := evaluated(t)
	f := openXLSX(t, res)
	fm := numfmt.NewFmt(res)

	want := []string{xlsx.SheetAllocations, xlsx.SheetLines, xlsx.SheetParameters}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	rows, err := f.GetRows(xlsx.SheetAllocations)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], report.HeaderZH) {
		t.Errorf("header %v, want %v", rows[0], report.HeaderZH)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want header, 2 sub-districts and totals", len(rows))
	}
	cols := "CDEFGHI"
	cells := map[string]string{"A2": "east", "B2": "东&西<街>", "A3": "west", "B3": "=危险街道", "A4": "合计"}
	for i, a := range res.Subdistricts {
		comps := a.Components()
		for k, x := range append(comps[:], a.Total) {
			cells[fmt.Sprintf("%c%d", cols[k], i+2)] = fm.Amount(x)
		}
	}
	for k, x := range res.Totals() {
		cells[fmt.Sprintf("%c4", cols[k])] = fm.Amount(x)
	}
	for cell, want := range cells {
		if got := raw(t, f, xlsx.SheetAllocations, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if res.Totals()[6].IsZero() || res.Subdistricts[0].Personnel.String() != "8640000" {
		t.Fatalf("the test plan did not evaluate as expected: %v", res.Totals())
	}
	// amounts are numbers shown with digit grouping; names are text
	if got, _ := f.GetCellValue(xlsx.SheetAllocations, "C2"); got != "8,640,000" {
		t.Errorf("C2 shows %q, want 8,640,000", got)
	}
	if typ, _ := f.GetCellType(xlsx.SheetAllocations, "B3"); typ != excelize.CellTypeInlineString {
		t.Errorf("B3 (=危险街道) has type %v, want a string", typ)
	}
	if formula, _ := f.GetCellFormula(xlsx.SheetAllocations, "B3"); formula != "" {
		t.Errorf("B3 became a formula: %q", formula)
	}
	for _, cell := range []string{"C2", "I4"} {
		if n := numFmt(t, f, xlsx.SheetAllocations, cell); n != 3 {
			t.Errorf("%s number format %d, want 3 (#,##0)", cell, n)
		}
	}
	panes, err := f.GetPanes(xlsx.SheetAllocations)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 2 {
		t.Errorf("panes %+v, %v; want the header row and two columns frozen", panes, err)
	}
	if w, _ := f.GetColWidth(xlsx.SheetAllocations, "B"); w < 10 {
		t.Errorf("name column width %v", w)
	}

	lines, err := f.GetRows(xlsx.SheetLines)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range res.Subdistricts {
		n += len(a.Lines)
	}
	if len(lines) != n+1 || !slices.Equal(lines[0], xlsx.LinesHeaderZH) {
		t.Fatalf("lines sheet has %d rows, want %d; header %v", len(lines), n+1, lines[0])
	}
	l := res.Subdistricts[0].Lines[0]
	wantLine := []string{"east", "东&西<街>", "人员经费", "civil_servant", "公务员", "8,640,000", l.Formula()}
	if !slices.Equal(lines[1], wantLine) {
		t.Errorf("first line %q, want %q", lines[1], wantLine)
	}
	for _, row := range lines[1:] {
		if len(row) < 5 || row[4] == "" || row[4] == row[3] {
			t.Errorf("line %q: every item is named beside its id (formula.Plan.ItemNames)", row)
		}
	}
	if !strings.Contains(l.Formula(), "160,000") {
		t.Errorf("first line's formula %q does not show the pay", l.Formula())
	}

	params, err := f.GetRows(xlsx.SheetParameters)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	for _, r := range params[1:] {
		if len(r) == 2 {
			found[r[0]] = r[1]
		}
	}
	if found["测算方案"] != res.Plan.Name || found["可用财力"] != "60,000,000" || found["预备费"] != "1,200,000" || found["年度"] != "2025" {
		t.Errorf("parameters %v", found)
	}
}

func TestWriteXLSXCents(t *testing.T) {
	res := handMade("0.01", [2][6]string{
		{"0.1", "0.2", "1234567.89", "0", "0.07", "0"},
		{"99999999999.99", "0.01", "0", "0", "0", "-0.03"},
	})
	f := openXLSX(t, res)
	for cell, want := range map[string]string{
		"C2": "0.1", "D2": "0.2", "E2": "1234567.89", "I2": "1234568.26",
		"C3": "99999999999.99", "H3": "-0.03", "I3": "99999999999.97",
		"C4": "100000000000.09", "I4": "100001234568.23",
	} {
		if got := raw(t, f, xlsx.SheetAllocations, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if n := numFmt(t, f, xlsx.SheetAllocations, "E2"); n != 4 {
		t.Errorf("number format %d, want 4 (#,##0.00)", n)
	}
	if got, _ := f.GetCellValue(xlsx.SheetAllocations, "C2"); got != "0.10" {
		t.Errorf("C2 shows %q, want 0.10", got)
	}
}

func TestWriteXLSXTooPreciseIsText(t *testing.T) {
	// 16 significant digits: Excel would round a number, so it is text
	res := handMade("0.01", [2][6]string{
		{"12345678901234.56", "0", "0", "0", "0", "0"},
		{"1", "0", "0", "0", "0", "0"},
	})
	f := openXLSX(t, res)
	if got := raw(t, f, xlsx.SheetAllocations, "C2"); got != "12345678901234.56" {
		t.Errorf("C2 = %q", got)
	}
	if typ, _ := f.GetCellType(xlsx.SheetAllocations, "C2"); typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
		t.Errorf("C2 has type %v; a 16-digit amount should be text", typ)
	}
	if got := raw(t, f, xlsx.SheetAllocations, "C3"); got != "1" {
		t.Errorf("C3 = %q", got)
	}
}

func ExampleWrite() {
	res := handMade("1", [2][6]string{
		{"16128000", "1680000", "2640967", "300000", "1910233", "0"},
		{"11680000", "1110000", "3317848", "200000", "1281757", "-1089605"},
	})
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, res); err != nil {
		fmt.Println(err)
		return
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	damping, _ := f.GetCellValue(xlsx.SheetAllocations, "H3")
	total, _ := f.GetCellValue(xlsx.SheetAllocations, "I4")
	fmt.Println(damping, total)
	// Output:
	// [分配结果 测算明细 参数]
	// -1,089,605 39,159,200
}
