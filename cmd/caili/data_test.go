package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// The sample's data workbook gives the sample's results, byte for byte.
func TestSampleDataWorkbook(t *testing.T) {
	want, _, code := caili(t, "calc", "--plan", filepath.Join(wbRoot, "configs/plan.toml"), "--format", "json")
	if code != 0 {
		t.Fatalf("sample: exit %d", code)
	}
	got, stderr, code := caili(t, "calc", "--plan", filepath.Join(wbRoot, "configs/plan-xlsx.toml"), "--format", "json")
	if code != 0 {
		t.Fatalf("plan-xlsx.toml: exit %d\n%s", code, stderr)
	}
	if withoutStamp(t, got) != withoutStamp(t, want) {
		t.Error("configs/plan-xlsx.toml (data from subdistricts.xlsx) computes differently from configs/plan.toml; rewrite the workbook with `caili template --plan configs/plan.toml --out configs/subdistricts.xlsx`")
	}
}

// The quick start of docs/guide.md §3: a plan without sub-districts names a data
// file; `caili template` writes it with empty rows; a person fills it in
// Excel; `caili calc` reads it.
func TestQuickStartTemplateFillCalc(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "configs/plan-xlsx.toml"), filepath.Join(wbRoot, "configs/standards.toml"))
	src, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plan, []byte(strings.Replace(string(src), `"subdistricts.xlsx"`, `"街道数据.xlsx"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := caili(t, "calc", "--plan", plan)
	if code != 1 || !strings.Contains(stderr, "街道数据.xlsx") || !strings.Contains(stderr, "文件不存在") {
		t.Fatalf("calc before the data file exists: exit %d, want 1 naming the missing file\n%s", code, stderr)
	}
	if _, stderr, code := caili(t, "template", "--plan", plan, "--out", "街道数据.xlsx"); code != 0 {
		t.Fatalf("template: exit %d\n%s", code, stderr)
	}
	fillLikeAPerson(t, "街道数据.xlsx", sampleSubdistricts(t))
	got, stderr, code := caili(t, "calc", "--plan", plan, "--format", "csv")
	if code != 0 {
		t.Fatalf("calc: exit %d\n%s", code, stderr)
	}
	want, _, _ := caili(t, "calc", "--plan", filepath.Join(wbRoot, "configs/plan.toml"), "--format", "csv")
	if got != want {
		t.Errorf("the filled template computes differently from the sample:\n%s", got)
	}
}

// A template for a plan with no sub-districts and no data file has empty
// rows; a data file that is refused is refused by cell.
func TestDataFileProblemsByCell(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "configs/plan-xlsx.toml"), filepath.Join(wbRoot, "configs/standards.toml"),
		filepath.Join(wbRoot, "configs/subdistricts.xlsx"))
	f, err := excelize.OpenFile("subdistricts.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	cell := cellOf(t, f, workbook.SheetData, "area_km2", 0)
	if err := f.SetCellValue(workbook.SheetData, cell, -3.2); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := caili(t, "calc", "--plan", plan)
	if code != 1 || !strings.Contains(stderr, "subdistricts.xlsx: "+workbook.SheetData+"!"+cell) || !strings.Contains(stderr, "-3.2") {
		t.Errorf("a negative area: exit %d, want 1 naming %s!%s\n%s", code, workbook.SheetData, cell, stderr)
	}
}

// sampleSubdistricts is the sample plan's sub-districts.
func sampleSubdistricts(t *testing.T) []formula.Subdistrict {
	t.Helper()
	doc, err := standards.LoadFile(filepath.Join(wbRoot, "configs/plan.toml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	return p.Subdistricts
}

// fillLikeAPerson types the sub-districts into a template's rows, below
// the id row of each sheet, as numbers and text.
func fillLikeAPerson(t *testing.T, name string, subs []formula.Subdistrict) {
	t.Helper()
	f, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range []string{workbook.SheetData, workbook.SheetStaff, workbook.SheetRatings} {
		if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
			continue
		}
		row, keys := idRow(t, f, sheet)
		for i, s := range subs {
			for col, key := range keys {
				v, ok := valueOf(s, key)
				if !ok {
					continue
				}
				addr, _ := excelize.CoordinatesToCellName(col+1, row+1+i)
				if err := f.SetCellValue(sheet, addr, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// idRow finds a sheet's id row (1-based) and its keys by column.
func idRow(t *testing.T, f *excelize.File, sheet string) (int, []string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == "id" {
			return i + 1, r
		}
	}
	t.Fatalf("sheet %s has no id row", sheet)
	return 0, nil
}

// cellOf is the address of key's cell in the i-th data row of a sheet.
func cellOf(t *testing.T, f *excelize.File, sheet, key string, i int) string {
	t.Helper()
	row, keys := idRow(t, f, sheet)
	for col, k := range keys {
		if k == key {
			addr, _ := excelize.CoordinatesToCellName(col+1, row+1+i)
			return addr
		}
	}
	t.Fatalf("sheet %s has no column %s", sheet, key)
	return ""
}

// valueOf is what a person types for key in sub-district s's row: a
// number as a number, an absent value as nothing.
func valueOf(s formula.Subdistrict, key string) (any, bool) {
	num := func(m formula.Values, k string) (any, bool) {
		v, ok := m.Get(k)
		if !ok {
			return nil, false
		}
		f, _ := v.Float64()
		return f, true
	}
	switch key {
	case "id":
		return s.ID, true
	case "name":
		return s.Name, true
	case "performance":
		return s.Rating, s.Rating != ""
	case "adjustment":
		if s.Adjustment == nil {
			return nil, false
		}
		f, _ := s.Adjustment.Float64()
		return f, true
	}
	if k, ok := strings.CutPrefix(key, "staff."); ok {
		return num(s.Staff, k)
	}
	if k, ok := strings.CutPrefix(key, "payroll."); ok {
		return num(s.Payroll, k)
	}
	if k, ok := strings.CutPrefix(key, "project_ratings."); ok {
		v, ok := s.ProjectRatings[k]
		return v, ok
	}
	return num(s.Quantities, strings.TrimPrefix(key, "quantities."))
}

// Importing into a plan whose sub-districts come from a data file would
// give it both: refused, saying what to do instead.
func TestImportIntoDataPlan(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "configs/plan-xlsx.toml"), filepath.Join(wbRoot, "configs/standards.toml"),
		filepath.Join(wbRoot, "configs/subdistricts.xlsx"))
	_, stderr, code := caili(t, "import", "subdistricts.xlsx", "--plan", plan, "--out", "new.toml")
	if code != 1 || !strings.Contains(stderr, "请直接修改该文件") {
		t.Errorf("exit %d, want 1 saying to edit the data file\n%s", code, stderr)
	}
	if _, err := os.Stat("new.toml"); err == nil {
		t.Error("a refused import wrote the plan")
	}
}

// A new plan, standards and no sub-districts yet, gets its template.
func TestTemplateOfPlanWithoutSubdistricts(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "testdata/tiny/plan.toml"))
	src, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	if err := os.WriteFile(plan, []byte(text[:strings.Index(text, "[[subdistrict]]")]), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := caili(t, "calc", "--plan", plan); code != 1 || !strings.Contains(stderr, "至少要有一个 [[subdistrict]]") {
		t.Errorf("calc of a plan without sub-districts: exit %d\n%s", code, stderr)
	}
	out, stderr, code := caili(t, "template", "--plan", plan, "--out", "-")
	if code != 0 || len(out) == 0 {
		t.Fatalf("template: exit %d\n%s", code, stderr)
	}
	f, err := excelize.OpenReader(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	row, keys := idRow(t, f, workbook.SheetData)
	if row == 0 || !strings.Contains(strings.Join(keys, ","), "area_km2") {
		t.Errorf("the template has no quantity columns: %v", keys)
	}
}

// withoutStamp is a JSON result without its stamp (whose hash covers the
// files a result was read from), for results of different files.
func withoutStamp(t *testing.T, text string) string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "stamp")
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
