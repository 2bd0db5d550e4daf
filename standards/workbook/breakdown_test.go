package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/msg"
)

// breakdownFile is a breakdown workbook with a title row, the header at
// row 3 and rows below it (on sheet, SheetBreakdown when "").
func breakdownFile(t testing.TB, sheet string, header bool, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet == "" {
		sheet = SheetBreakdown
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue(sheet, "A1", "title")
	if header {
		hs := make([]any, len(breakdownHeadings))
		for i, h := range breakdownHeadings {
			hs[i] = h
		}
		f.SetSheetRow(sheet, "A3", &hs)
	}
	for i, r := range rows {
		c, _ := excelize.CoordinatesToCellName(1, 4+i)
		f.SetSheetRow(sheet, c, &r)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadBreakdown: lines below the header row, numbers as numbers or
// text; blank rows skipped; each problem at its cell.
func TestReadBreakdown(t *testing.T) {
	good := breakdownFile(t, "", true, []any{"养老", "shequ", "2080208", "30299", 600, "目标"}, []any{}, []any{"巡防", "平安建设", 2040299, "", "400.5", "目标"})
	lines, ps := ReadBreakdown("b.xlsx", good)
	if len(ps) > 0 || len(lines) != 2 || lines[0].Amount.String() != "600" || lines[1].Amount.String() != "400.5" ||
		lines[1].Function != "2040299" || lines[1].Use != "平安建设" || lines[0].Cells[ColAmount] != "项目分解!E4" || lines[1].Row != 6 {
		t.Fatalf("lines %+v, problems %v", lines, ps)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string // path: code
	}{
		{"no sheet", breakdownFile(t, "Sheet", true), ": missing"},
		{"no header", breakdownFile(t, "", false, []any{"养老"}), "项目分解: missing"},
		{"no lines", breakdownFile(t, "", true), "项目分解: missing"},
		{"a blank amount", breakdownFile(t, "", true, []any{"养老", "shequ", "2080208", "", "", "目标"}), "项目分解!E4: missing"},
		{"a negative amount", breakdownFile(t, "", true, []any{"养老", "shequ", "2080208", "", -5, "目标"}), "项目分解!E4: bad_value"},
		{"no goal", breakdownFile(t, "", true, []any{"养老", "shequ", "2080208", "", 5}), "项目分解!F4: missing"},
		{"not a workbook", []byte("PK\x03\x04broken"), ": unreadable"},
	} {
		_, ps := ReadBreakdown("b.xlsx", tc.data)
		var got []string
		for _, p := range ps {
			got = append(got, p.Path+": "+string(p.Code))
		}
		if len(ps) == 0 || got[0] != tc.want || ps[0].File != "b.xlsx" {
			t.Errorf("%s: %v, want %s", tc.name, got, tc.want)
		}
	}
}

// TestBreakdownTemplateReadsBack: the template caili writes is read back
// as no lines, and with lines added as those lines.
func TestBreakdownTemplateReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := BreakdownTemplate(&buf, "东街道", 2025, "1000", "文号", []BreakdownUse{{ID: "shequ", Name: "社区建设", Codes: "2080208"}}); err != nil {
		t.Fatal(err)
	}
	_, ps := ReadBreakdown("t.xlsx", buf.Bytes())
	if len(ps) != 1 || !strings.Contains(ps[0].Path, SheetBreakdown) {
		t.Fatalf("the empty template: %v", ps)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow(SheetBreakdown, "A4", &[]any{"养老", "shequ", "2080208", "", 1000, "目标"})
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	lines, ps := ReadBreakdown("t.xlsx", out.Bytes())
	if len(ps) != 0 || len(lines) != 1 || lines[0].Use != "shequ" {
		t.Errorf("lines %+v problems %v", lines, ps)
	}
}

// FuzzReadBreakdown reads any bytes as a breakdown: it must not panic;
// every problem has a file, a code and a message; lines come back only
// without problems, each with a positive amount and its cells.
func FuzzReadBreakdown(f *testing.F) {
	var tmpl bytes.Buffer
	if err := BreakdownTemplate(&tmpl, "东街道", 2025, "1000", "文号", nil); err != nil {
		f.Fatal(err)
	}
	f.Add(tmpl.Bytes())
	f.Add(breakdownFile(f, "", true, []any{"养老", "shequ", "2080208", "", 1000, "目标"}))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("项目名称,金额\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, ps := ReadBreakdown("f.xlsx", data)
		for _, p := range ps {
			if p.File != "f.xlsx" || p.Code == "" || msg.Problem(msg.Zh, p) == "" {
				t.Fatalf("problem without file, code or message: %#v", p)
			}
		}
		if len(ps) > 0 {
			return
		}
		for _, l := range lines {
			if l.Amount.Sign() <= 0 || l.Cells[ColAmount] == "" {
				t.Fatalf("a line accepted: %+v", l)
			}
		}
	})
}
