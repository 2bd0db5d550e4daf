package workbook

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/golden"
)

// open opens a workbook Template wrote.
func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	t.Cleanup(func() { x.Close() })
	return x
}

// TestTemplateLayout checks the workbook's sheets, header rows, frozen
// panes, data validation, widths and cell types.
func TestTemplateLayout(t *testing.T) {
	p := tinyPlan(t)
	x := open(t, template(t, p, TemplateOptions{}))
	if got, want := x.GetSheetList(), []string{SheetData, SheetStaff, SheetNotes}; !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	rows, err := x.GetRows(SheetData)
	must(t, err)
	if got := strings.Join(rows[1], ","); got != "id,name,performance,adjustment,communities,hotline_tickets,area_km2,population,"+
		"elderly_80plus,vector_area_m2,green_area_m2,tax_revenue,tax_revenue_prev,last_year_total" {
		t.Errorf("id row %s", got)
	}
	if got := strings.Join(rows[0][:4], ","); got != "街道编码,街道名称,绩效等级,区域调节系数" || rows[0][13] != "last_year_total(元)" {
		t.Errorf("label row %q", rows[0])
	}
	if len(rows) != 5 || rows[4][0] != "north" || rows[3][3] != "1.1" {
		t.Errorf("rows %q", rows)
	}
	staff, _ := x.GetRows(SheetStaff)
	if got := strings.Join(staff[0], ","); got != "街道编码,街道名称,公务员人数(人),社区工作者人数(人),公务员实际工资总额(元),社区工作者实际工资总额(元)" {
		t.Errorf("staff labels %s", got)
	}
	for _, sheet := range []string{SheetData, SheetStaff} {
		panes, err := x.GetPanes(sheet)
		must(t, err)
		if !panes.Freeze || panes.XSplit != 2 || panes.YSplit != 2 {
			t.Errorf("%s panes %+v, want the id row and the id and name columns frozen", sheet, panes)
		}
	}
	checkValidation(t, x)
	if w, _ := x.GetColWidth(SheetData, "B"); w < 8 {
		t.Errorf("name column width %v", w)
	}
	if ty, _ := x.GetCellType(SheetData, "G3"); ty != excelize.CellTypeUnset && ty != excelize.CellTypeNumber {
		t.Errorf("a quantity is written as %v, want a number cell", ty)
	}
}

// checkValidation checks the data validation of the tiny workbook.
func checkValidation(t *testing.T, x *excelize.File) {
	t.Helper()
	dvs, err := x.GetDataValidations(SheetData)
	must(t, err)
	kinds := map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Sqref] = dv.Type + " " + dv.Operator + " " + dv.Formula1
	}
	for ref, want := range map[string]string{
		"C3:C1002": `list  "优,良,中,差"`,
		"D3:D1002": "decimal greaterThanOrEqual 0",
		"G3:G1002": "decimal greaterThanOrEqual 0",
	} {
		if kinds[ref] != want {
			t.Errorf("validation of %s: %q, want %q", ref, kinds[ref], want)
		}
	}
	staff, err := x.GetDataValidations(SheetStaff)
	must(t, err)
	if len(staff) != 4 || staff[0].Type != "whole" || staff[2].Type != "decimal" {
		t.Errorf("staff validation: %d, %+v", len(staff), staff[0])
	}
}

// TestTemplateBlank: a plan without sub-districts gets header rows and
// room to fill in (data validation below them).
func TestTemplateBlank(t *testing.T) {
	p := withSubs(tinyPlan(t), nil)
	x := open(t, template(t, p, TemplateOptions{BlankRows: 50}))
	rows, _ := x.GetRows(SheetData)
	if len(rows) != 2 {
		t.Errorf("%d rows, want the two header rows", len(rows))
	}
	dvs, _ := x.GetDataValidations(SheetData)
	if len(dvs) == 0 || dvs[0].Sqref != "C3:C1002" {
		t.Errorf("validation %+v", dvs)
	}
	// Filled in, it reads as any workbook.
	data := edit(t, template(t, p, TemplateOptions{}), func(f *excelize.File) {
		must(t, f.SetSheetRow(SheetData, "A3", &[]any{"east", "东街道", "优", nil, 8, 5200, 3.2, 82000, 1900, 900000, 120000, 81000000, 75000000, 22500000}))
		must(t, f.SetSheetRow(SheetStaff, "A3", &[]any{"east", "东街道", 40, 60}))
	})
	subs := mustRead(t, "x.xlsx", data, p)
	if len(subs) != 1 || subs[0].Staff.Value("community_worker").String() != "60" {
		t.Errorf("read %+v", subs)
	}
}

// TestTemplateLongNumbers: a number with more significant digits than a
// spreadsheet keeps is written as text and read back exactly.
func TestTemplateLongNumbers(t *testing.T) {
	p := tinyPlan(t)
	subs := []formula.Subdistrict{clone(p.Subdistricts[0]), clone(p.Subdistricts[1]), clone(p.Subdistricts[2])}
	subs[0].Quantities.Set("tax_revenue", decimal.RequireFromString("123456789012345678901234.5"))
	subs[1].Quantities.Set("area_km2", decimal.RequireFromString("0.123456789012"))
	q := withSubs(p, subs)
	data := template(t, q, TemplateOptions{})
	if ty, _ := open(t, data).GetCellType(SheetData, "L3"); ty != excelize.CellTypeSharedString && ty != excelize.CellTypeInlineString {
		t.Errorf("a 25-digit number is written as %v, want text", ty)
	}
	sameSubs(t, q, mustRead(t, "x.xlsx", data, q), subs)
}

// TestTemplateBytesStable: the sample's template (three streamed sheets)
// is the same bytes every time it is written.
func TestTemplateBytesStable(t *testing.T) {
	p := samplePlan(t)
	first := template(t, p, TemplateOptions{})
	for range 10 {
		if !bytes.Equal(template(t, p, TemplateOptions{}), first) {
			t.Fatal("the template's bytes differ from one writing to the next")
		}
	}
}

// TestTemplateNumbersExact: random numbers of up to 15 significant
// digits at exponents from 10^-12 to 10^12, in every quantity column of
// the tiny example, are written as number cells and read back exactly
// (the streamed sheet writes them from float64s: the shortest text that
// reads back as the float is the decimal).
func TestTemplateNumbersExact(t *testing.T) {
	p := tinyPlan(t)
	r := rand.New(rand.NewPCG(25, 4))
	for round := range 20 {
		subs := []formula.Subdistrict{clone(p.Subdistricts[0]), clone(p.Subdistricts[1]), clone(p.Subdistricts[2])}
		for i := range subs {
			for _, name := range subs[i].Quantities.Names() {
				m := r.Int64N(pow10(1 + r.IntN(15)))
				subs[i].Quantities.Set(name, decimal.New(m, int32(r.IntN(25)-12)))
			}
		}
		q := withSubs(p, subs)
		data := template(t, q, TemplateOptions{})
		x := open(t, data)
		numbers := 0
		for col := 1; col <= 40; col++ {
			ref, _ := excelize.CoordinatesToCellName(col, 3)
			key, _ := excelize.CoordinatesToCellName(col, 2)
			if k, _ := x.GetCellValue(SheetData, key); !subs[0].Quantities.Has(k) {
				continue
			}
			if ty, _ := x.GetCellType(SheetData, ref); ty != excelize.CellTypeUnset && ty != excelize.CellTypeNumber {
				t.Errorf("round %d: %s is written as %v, want a number", round, ref, ty)
			}
			numbers++
		}
		if numbers == 0 {
			t.Fatal("no quantity column found")
		}
		sameSubs(t, q, mustRead(t, "x.xlsx", data, q), subs)
	}
}

// pow10 is 10^n for 0 ≤ n ≤ 18.
func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// TestTemplateGolden pins the CSV shape, the 说明 sheet and the TOML of
// the tiny example.
func TestTemplateGolden(t *testing.T) {
	p := tinyPlan(t)
	golden.Check(t, filepath.Join("testdata", "tiny.csv"), template(t, p, TemplateOptions{Format: CSV}))
	x := open(t, template(t, p, TemplateOptions{}))
	rows, err := x.GetRows(SheetNotes)
	must(t, err)
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	golden.Check(t, filepath.Join("testdata", "tiny-notes.txt"), []byte(b.String()))
	golden.Check(t, filepath.Join("testdata", "tiny-subdistricts.toml"), SubdistrictsTOML(p, p.Subdistricts))
}

// TestTemplateSample: the sample district's workbook has the project
// ratings sheet when the plan rates projects, and every quantity the
// standards read.
func TestTemplateSample(t *testing.T) {
	p := samplePlan(t)
	x := open(t, template(t, p, TemplateOptions{Labels: map[string]Label{"area_km2": {"辖区面积", "平方公里"}}}))
	want := []string{SheetData, SheetStaff, SheetNotes}
	if p.ProjectPerformance != nil {
		want = []string{SheetData, SheetStaff, SheetRatings, SheetNotes}
	}
	if got := x.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	rows, _ := x.GetRows(SheetData)
	if !slices.Contains(rows[0], "辖区面积(平方公里)") || len(rows) != 2+len(p.Subdistricts) {
		t.Errorf("labels %q, %d rows", rows[0], len(rows))
	}
	uses := quantityUses(p)
	for _, q := range uses.order {
		if !slices.Contains(rows[1], q) {
			t.Errorf("no column for %s", q)
		}
	}
}

// TestTemplatePlanLabels: the plan's [quantity_labels] head the columns
// (an explicit label wins); the id row is unchanged, so an import keys
// on the same text.
func TestTemplatePlanLabels(t *testing.T) {
	p := samplePlan(t)
	if len(p.QuantityLabels) == 0 {
		t.Fatal("the sample has no [quantity_labels]")
	}
	x := open(t, template(t, p, TemplateOptions{Labels: map[string]Label{"area_km2": {"面积", "km²"}}}))
	rows, _ := x.GetRows(SheetData)
	for _, h := range []string{"病媒防制面积(平方米)", "常住人口(人)", "面积(km²)"} {
		if !slices.Contains(rows[0], h) {
			t.Errorf("no heading %s in %q", h, rows[0])
		}
	}
	if !slices.Contains(rows[1], "vector_area_m2") {
		t.Errorf("id row %q", rows[1])
	}
}
