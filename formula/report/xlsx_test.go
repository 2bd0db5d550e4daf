package report_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/formula/report"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// xlsxResult is a hand-made two-sub-district result with unit u; its
// amounts are given as decimal text. It exercises formatting only.
func xlsxResult(u string, amounts [2][6]string) *formula.Result {
	plan := &formula.Plan{Name: "测试区 2025 年街道财力测算", District: "测试区", FiscalYear: 2025,
		Staff:  []formula.Staff{{ID: "civil_servant", Name: "公务员"}},
		Quotas: []formula.Quota{{ID: "office", Name: "办公经费"}}}
	res := &formula.Result{Plan: plan, Unit: dec(u), Capacity: dec("100000000"), Reserve: dec("2000000"),
		Available: dec("98000000"), DampingReserve: dec("12345")}
	for i, name := range []string{"东&西<街>", "=危险街道"} {
		a := formula.Allocation{ID: fmt.Sprintf("s%d", i+1), Name: name}
		c := amounts[i]
		a.Personnel, a.Public, a.Projects = dec(c[0]), dec(c[1]), dec(c[2])
		a.Incentive, a.Block, a.Damping = dec(c[3]), dec(c[4]), dec(c[5])
		for _, x := range a.Components() {
			a.Total = a.Total.Add(x)
		}
		a.Lines = []formula.Line{
			{Stage: formula.StagePersonnel, Item: "civil_servant", Amount: a.Personnel, Formula: "40 人 × 160000 元 × (1 + 0.35) = " + a.Personnel.String()},
			{Stage: formula.StagePublic, Item: "office", Amount: a.Public, Formula: "40 人 × 12000 元 = " + a.Public.String()},
		}
		res.Subdistricts = append(res.Subdistricts, a)
	}
	return res
}

func openXLSX(t *testing.T, res *formula.Result) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, res); err != nil {
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
	res := xlsxResult("1", [2][6]string{
		{"16128000", "1680000", "2640967", "300000", "1910233", "0"},
		{"11680000", "1110000", "3317848", "200000", "1281757", "-1089605"},
	})
	f := openXLSX(t, res)

	want := []string{report.SheetAllocations, report.SheetLines, report.SheetParameters}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	rows, err := f.GetRows(report.SheetAllocations)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], report.HeaderZH) {
		t.Errorf("header %v, want %v", rows[0], report.HeaderZH)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want header, 2 sub-districts and totals", len(rows))
	}
	for cell, want := range map[string]string{
		"A2": "s1", "B2": "东&西<街>", "C2": "16128000", "I2": "22659200",
		"B3": "=危险街道", "H3": "-1089605", "I3": "16500000",
		"A4": "合计", "C4": "27808000", "H4": "-1089605", "I4": "39159200",
	} {
		if got := raw(t, f, report.SheetAllocations, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	// amounts are numbers shown with digit grouping; names are text
	if got, _ := f.GetCellValue(report.SheetAllocations, "I2"); got != "22,659,200" {
		t.Errorf("I2 shows %q, want 22,659,200", got)
	}
	if typ, _ := f.GetCellType(report.SheetAllocations, "B3"); typ != excelize.CellTypeSharedString {
		t.Errorf("B3 (=危险街道) has type %v, want a string", typ)
	}
	if formula, _ := f.GetCellFormula(report.SheetAllocations, "B3"); formula != "" {
		t.Errorf("B3 became a formula: %q", formula)
	}
	for _, cell := range []string{"C2", "I4"} {
		if n := numFmt(t, f, report.SheetAllocations, cell); n != 3 {
			t.Errorf("%s number format %d, want 3 (#,##0)", cell, n)
		}
	}
	panes, err := f.GetPanes(report.SheetAllocations)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 2 {
		t.Errorf("panes %+v, %v; want the header row and two columns frozen", panes, err)
	}
	if w, _ := f.GetColWidth(report.SheetAllocations, "B"); w < 10 {
		t.Errorf("name column width %v", w)
	}

	lines, err := f.GetRows(report.SheetLines)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 5 || !slices.Equal(lines[0], report.LinesHeaderZH) {
		t.Fatalf("lines sheet %v", lines)
	}
	wantLine := []string{"s1", "东&西<街>", "人员经费", "civil_servant", "公务员", "16,128,000",
		"40 人 × 160000 元 × (1 + 0.35) = 16128000"}
	if !slices.Equal(lines[1], wantLine) {
		t.Errorf("first line %q, want %q", lines[1], wantLine)
	}

	params, err := f.GetRows(report.SheetParameters)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	for _, r := range params[1:] {
		if len(r) == 2 {
			found[r[0]] = r[1]
		}
	}
	if found["测算方案"] != res.Plan.Name || found["财力总额"] != "100,000,000" || found["封顶结余"] != "12,345" {
		t.Errorf("parameters %v", found)
	}
}

func TestWriteXLSXCents(t *testing.T) {
	res := xlsxResult("0.01", [2][6]string{
		{"0.1", "0.2", "1234567.89", "0", "0.07", "0"},
		{"99999999999.99", "0.01", "0", "0", "0", "-0.03"},
	})
	f := openXLSX(t, res)
	for cell, want := range map[string]string{
		"C2": "0.1", "D2": "0.2", "E2": "1234567.89", "I2": "1234568.26",
		"C3": "99999999999.99", "H3": "-0.03", "I3": "99999999999.97",
		"C4": "100000000000.09", "I4": "100001234568.23",
	} {
		if got := raw(t, f, report.SheetAllocations, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if n := numFmt(t, f, report.SheetAllocations, "E2"); n != 4 {
		t.Errorf("number format %d, want 4 (#,##0.00)", n)
	}
	if got, _ := f.GetCellValue(report.SheetAllocations, "C2"); got != "0.10" {
		t.Errorf("C2 shows %q, want 0.10", got)
	}
}

func TestWriteXLSXTooPreciseIsText(t *testing.T) {
	// 16 significant digits: Excel would round a number, so it is text
	res := xlsxResult("0.01", [2][6]string{
		{"12345678901234.56", "0", "0", "0", "0", "0"},
		{"1", "0", "0", "0", "0", "0"},
	})
	f := openXLSX(t, res)
	if got := raw(t, f, report.SheetAllocations, "C2"); got != "12345678901234.56" {
		t.Errorf("C2 = %q", got)
	}
	if typ, _ := f.GetCellType(report.SheetAllocations, "C2"); typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
		t.Errorf("C2 has type %v; a 16-digit amount should be text", typ)
	}
	if got := raw(t, f, report.SheetAllocations, "C3"); got != "1" {
		t.Errorf("C3 = %q", got)
	}
}

func ExampleWriteXLSX() {
	res := xlsxResult("1", [2][6]string{
		{"16128000", "1680000", "2640967", "300000", "1910233", "0"},
		{"11680000", "1110000", "3317848", "200000", "1281757", "-1089605"},
	})
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, res); err != nil {
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
	total, _ := f.GetCellValue(report.SheetAllocations, "I4")
	fmt.Println("合计", total)
	// Output:
	// [分配结果 测算明细 参数]
	// 合计 39,159,200
}
