package workbook

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// cellsOf is every cell of every sheet of a workbook, with its style:
// sheet!A1 → value and style id.
func cellsOf(t *testing.T, data []byte) map[string][2]any {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	defer f.Close()
	out := map[string][2]any{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		must(t, err)
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				st, err := f.GetCellStyle(sh, ref)
				must(t, err)
				out[sh+"!"+ref] = [2]any{v, st}
			}
		}
	}
	return out
}

func TestCorrectXLSX(t *testing.T) {
	p := samplePlan(t)
	data := template(t, p, TemplateOptions{})
	id := p.Subdistricts[1].ID
	var q string
	for k := range p.Subdistricts[1].Quantities.All() {
		q = k
		break
	}
	staff := p.Staff[0].ID
	out, cells, err := Correct("subdistricts.xlsx", data, p, id, map[string]string{
		"quantities." + q: "12345.5", "staff." + staff: "77"})
	must(t, err)
	if len(cells) != 2 {
		t.Fatalf("cells %v", cells)
	}
	subs := mustRead(t, "subdistricts.xlsx", out, p)
	for _, s := range subs {
		if s.ID != id {
			continue
		}
		if !s.Quantities.Value(q).Equal(decimal.RequireFromString("12345.5")) || !s.Staff.Value(staff).Equal(decimal.NewFromInt(77)) {
			t.Errorf("read back %v %v", s.Quantities.Value(q), s.Staff.Value(staff))
		}
	}
	before, after := cellsOf(t, data), cellsOf(t, out)
	changed := map[string]bool{}
	for _, c := range cells {
		changed[c.Addr] = true
		if after[c.Addr][1] != before[c.Addr][1] {
			t.Errorf("%s: style %v, was %v", c.Addr, after[c.Addr][1], before[c.Addr][1])
		}
	}
	for k, v := range before {
		if !changed[k] && after[k] != v {
			t.Errorf("%s: %v, was %v", k, after[k], v)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d cells, were %d", len(after), len(before))
	}

	// A key the plan's workbook has no column for, a sub-district without a row.
	var ce *CellError
	if _, _, err := Correct("subdistricts.xlsx", data, p, id, map[string]string{"quantities.nope": "1"}); !errors.As(err, &ce) {
		t.Errorf("no column: %v", err)
	}
	if _, _, err := Correct("subdistricts.xlsx", data, p, "nowhere", map[string]string{"quantities." + q: "1"}); !errors.As(err, &ce) {
		t.Errorf("no row: %v", err)
	}
	// A formula cell is not overwritten.
	withFormula := edit(t, data, func(x *excelize.File) {
		must(t, x.SetCellFormula(cells[0].Addr[:len(SheetData)], cells[0].Addr[len(SheetData)+1:], "1+1"))
	})
	if _, _, err := Correct("subdistricts.xlsx", withFormula, p, id, map[string]string{cells[0].Key: "1"}); !errors.As(err, &ce) || ce.M.Key() != "WbCorrectFormula" {
		t.Errorf("formula: %v", err)
	}
}

func TestCorrectCSV(t *testing.T) {
	p := samplePlan(t)
	data := template(t, p, TemplateOptions{Format: CSV})
	id := p.Subdistricts[2].ID
	staff := p.Staff[0].ID
	out, cells, err := Correct("subdistricts.csv", data, p, id, map[string]string{"staff." + staff: "123"})
	must(t, err)
	subs := mustRead(t, "subdistricts.csv", out, p)
	for _, s := range subs {
		if s.ID == id && !s.Staff.Value(staff).Equal(decimal.NewFromInt(123)) {
			t.Errorf("read back %v", s.Staff.Value(staff))
		}
	}
	// Every other byte as it was.
	pre := 0
	for pre < min(len(out), len(data)) && out[pre] == data[pre] {
		pre++
	}
	suf := 0
	for suf < min(len(out), len(data))-pre && out[len(out)-1-suf] == data[len(data)-1-suf] {
		suf++
	}
	if !strings.Contains(cells[0].Old, string(data[pre:len(data)-suf])) || !strings.Contains(cells[0].New, string(out[pre:len(out)-suf])) ||
		len(out)-len(data) != len(cells[0].New)-len(cells[0].Old) {
		t.Errorf("CSV changed beyond the cell %s: %q → %q", cells[0].Addr, data[pre:len(data)-suf], out[pre:len(out)-suf])
	}
}
