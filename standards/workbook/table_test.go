package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
)

// TestReadTable: the first sheet of a workbook reads as text cells with
// their addresses; numbers as stored; a CSV file the same way.
func TestReadTable(t *testing.T) {
	x := excelize.NewFile()
	x.SetSheetName("Sheet1", "执行")
	for cell, v := range map[string]any{"A1": "街道", "B1": "支出数", "A3": "东街道", "B3": 1234.5} {
		if err := x.SetCellValue("执行", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tb, ps := ReadTable("执行.xlsx", buf.Bytes())
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if len(tb.Rows) != 2 || tb.Rows[1].N != 3 || tb.Rows[1].Cell(0) != "东街道" || tb.Rows[1].Cell(1) != "1234.5" || tb.Rows[1].Cell(7) != "" {
		t.Errorf("rows %+v", tb.Rows)
	}
	if got := tb.Addr(1, 3); got != "执行!B3" {
		t.Errorf("address %q", got)
	}
	tb, ps = ReadTable("x.csv", []byte("a,b\n\n1,2\n"))
	if len(ps) > 0 || len(tb.Rows) != 2 || tb.Rows[1].N != 3 || tb.Addr(0, 3) != "A3" {
		t.Errorf("csv: %+v %v", tb, ps)
	}
	for _, bad := range []struct{ name, data string }{{"x.xls", "x"}, {"x.xlsx", "not a zip"}, {"x.csv", strings.Repeat("a,", MaxColumns+5) + "\n"}} {
		if _, ps := ReadTable(bad.name, []byte(bad.data)); len(ps) == 0 {
			t.Errorf("%s: no problem", bad.name)
		}
	}
}

// TestReplaceKeepsExecution: [subdistrict.execution] is kept when the
// sub-districts carry no rates (a workbook does not read them), and
// replaced when they do.
func TestReplaceKeepsExecution(t *testing.T) {
	src := "[plan]\nname = \"x\"\n\n[[subdistrict]]\nid = \"east\"\nname = \"东\"\n[subdistrict.execution]\nparking = \"0.45\"   # 上年\n[subdistrict.quantities]\npop = 1\n"
	sub := formula.Subdistrict{ID: "east", Name: "东", Quantities: formula.ValuesOf(map[string]decimal.Decimal{"pop": decimal.NewFromInt(1)})}
	p := &formula.Plan{Subdistricts: []formula.Subdistrict{sub}}
	if got := string(ReplaceSubdistricts([]byte(src), p, []formula.Subdistrict{sub})); got != src {
		t.Errorf("without rates:\n%s", got)
	}
	sub.Execution = map[string]decimal.Decimal{"parking": decimal.RequireFromString("0.3")}
	got := string(ReplaceSubdistricts([]byte(src), p, []formula.Subdistrict{sub}))
	if !strings.Contains(got, "parking = \"0.3\"") || !strings.Contains(got, "# 上年") {
		t.Errorf("with a rate:\n%s", got)
	}
}
