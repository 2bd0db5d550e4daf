package workbook

import (
	"bytes"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/golden"
	"github.com/caili/caili/internal/msg"
)

// failing is a workbook that breaks one rule, and the problems it gives:
// "path code", in order, and a text the first message must contain.
type failing struct {
	name string
	data func(t *testing.T, base []byte) []byte
	want []string
	says string
}

// setCells returns the workbook with cells set (as text, or as numbers
// when v is a number), in sheet!ref form.
func setCells(t *testing.T, base []byte, cells map[string]any) []byte {
	return edit(t, base, func(x *excelize.File) {
		for ref, v := range cells {
			sheet, cell, _ := strings.Cut(ref, "!")
			must(t, x.SetCellValue(sheet, cell, v))
		}
	})
}

// cells is a failing workbook made by setting some cells.
func cells(m map[string]any) func(t *testing.T, base []byte) []byte {
	return func(t *testing.T, base []byte) []byte { return setCells(t, base, m) }
}

// TestProblems: one failing workbook per rule of the import, each problem
// at its cell with its code.
func TestProblems(t *testing.T) {
	p := tinyPlan(t)
	base := template(t, p, TemplateOptions{})
	for _, tt := range []failing{
		{"not a number", cells(map[string]any{"街道数据!G3": "三点二"}), []string{"街道数据!G3 bad_value"}, "area_km2 不是数字 (“三点二”)"},
		{"a comma that groups no thousands", cells(map[string]any{"街道数据!G3": "3,2"}), []string{"街道数据!G3 bad_value"}, "不是数字"},
		{"a date in a number column", cells(map[string]any{"街道数据!G3": time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)}), []string{"街道数据!G3 bad_value"}, "area_km2 是日期 2024-03-15,不是数字"},
		{"negative", cells(map[string]any{"街道数据!G4": "-3.2"}), []string{"街道数据!G4 out_of_range"}, "area_km2 不能为负数 (-3.2)"},
		{"negative, with a label above", cells(map[string]any{"街道数据!G1": "辖区面积(平方公里)", "街道数据!G4": -3.2}),
			[]string{"街道数据!G4 out_of_range"}, "辖区面积 (area_km2) 不能为负数 (-3.2)"},
		{"negative headcount", cells(map[string]any{"人员!D4": -1}), []string{"人员!D4 out_of_range"}, "社区工作者人数 (staff.community_worker) 不能为负数 (-1)"},
		{"headcount not whole", cells(map[string]any{"人员!C3": "40.5"}), []string{"人员!C3 not_integer"}, "公务员人数 (staff.civil_servant) 须为整数 (40.5)"},
		{"too many fraction digits", cells(map[string]any{"街道数据!G3": "3.1234567890123"}), []string{"街道数据!G3 bad_value"}, "位数过多"},
		{"too many integer digits", cells(map[string]any{"人员!E4": strings.Repeat("9", 31)}), []string{"人员!E4 bad_value"}, "位数过多"},
		{"a number far too long", cells(map[string]any{"街道数据!L3": strings.Repeat("1", 5000)}), []string{"街道数据!L3 bad_value"}, "位数过多"},
		{"blank quantity", cells(map[string]any{"街道数据!H5": ""}), []string{"街道数据!H5 missing_quantity"}, "population 缺少数值（因素 服务人口 (population, 权重 0.4) 的指标,权重 1）"},
		{"blank name", cells(map[string]any{"街道数据!B4": ""}), []string{"街道数据!B4 missing"}, "街道名称 (name) 不能为空"},
		{"blank rating", cells(map[string]any{"街道数据!C5": ""}), []string{"街道数据!C5 missing"}, "绩效等级 (performance) 不能为空"},
		{"unknown rating", cells(map[string]any{"街道数据!C3": "忧"}), []string{"街道数据!C3 unknown_ref"}, "可选:优、良、中、差"},
		{"bad id", cells(map[string]any{"街道数据!A4": "West", "人员!A4": "West"}), []string{"街道数据!A4 bad_id"}, "街道编码 “West” 不合格式"},
		{"duplicate id", cells(map[string]any{"街道数据!A5": "east"}), []string{"街道数据!A5 duplicate_id", "人员!A5 unknown_ref"}, "已在 街道数据!A3 出现"},
		{"row without id", cells(map[string]any{"街道数据!B6": "南街道", "街道数据!F6": 100}), []string{"街道数据!A6 missing"}, "缺少街道编码"},
		{"unknown column", cells(map[string]any{"街道数据!H2": "populaton"}), []string{"街道数据!H2 unknown_column", "街道数据!2:2 missing"}, "您是不是要找 population?"},
		{"unknown column by label", cells(map[string]any{"人员!C2": "公务员人"}), []string{"人员!C2 unknown_column", "人员!2:2 missing"}, "staff.civil_servant / 公务员人数"},
		{"repeated column", cells(map[string]any{"街道数据!O2": "area_km2", "街道数据!O3": 1}), []string{"街道数据!O2 repeated"}, "已在 G 列"},
		{"missing column", func(t *testing.T, b []byte) []byte {
			return edit(t, b, func(x *excelize.File) { must(t, x.RemoveCol(SheetData, "N")) })
		}, []string{"街道数据!2:2 missing"}, "缺少列 last_year_total"},
		{"formula without a cached value", func(t *testing.T, b []byte) []byte {
			b = edit(t, b, func(x *excelize.File) { must(t, x.SetCellFormula(SheetData, "G4", "1.05*2")) })
			return withoutCache(t, b, "xl/worksheets/sheet1.xml", "G4")
		}, []string{"街道数据!G4 formula_no_value"}, "是公式 “=1.05*2”,但文件中没有它的计算结果"},
		{"error value", func(t *testing.T, b []byte) []byte {
			return rewritePart(t, b, "xl/worksheets/sheet1.xml", func(x string) string {
				return strings.Replace(x, `<c r="F4"><v>6100</v></c>`, `<c r="F4" t="e"><f>1/0</f><v>#DIV/0!</v></c>`, 1)
			})
		}, []string{"街道数据!F4 bad_value"}, "是错误值 #DIV/0!"},
		{"boolean", cells(map[string]any{"街道数据!D3": true}), []string{"街道数据!D3 bad_value"}, "是逻辑值 TRUE"},
		{"staff row of no sub-district", cells(map[string]any{"人员!A6": "south", "人员!C6": 3}), []string{"人员!A6 unknown_ref"}, "不在 街道数据 表中"},
		{"sub-district without staff row", func(t *testing.T, b []byte) []byte {
			return edit(t, b, func(x *excelize.File) { must(t, x.RemoveRow(SheetStaff, 4)) })
		}, []string{"人员 missing"}, "人员 表缺少街道 “west” 的行"},
		{"indicator zero everywhere", cells(map[string]any{"街道数据!F3": 0, "街道数据!F4": 0, "街道数据!F5": 0}), []string{"街道数据!F2 zero_indicator"}, "hotline_tickets 在所有街道都为 0"},
		{"value in a column without an id", cells(map[string]any{"街道数据!P4": 12}), []string{"街道数据!P4 unknown_column"}, "P 列没有编码"},
		{"no data sheet", func(t *testing.T, b []byte) []byte {
			return edit(t, b, func(x *excelize.File) { must(t, x.SetSheetName(SheetData, "Sheet1")) })
		}, []string{" missing"}, "缺少工作表 街道数据"},
		{"no staff sheet", func(t *testing.T, b []byte) []byte {
			return edit(t, b, func(x *excelize.File) { must(t, x.DeleteSheet(SheetStaff)) })
		}, []string{" missing"}, "缺少工作表 人员"},
		{"no id row", func(t *testing.T, b []byte) []byte {
			return edit(t, b, func(x *excelize.File) {
				must(t, x.RemoveRow(SheetData, 2))
				must(t, x.SetCellStr(SheetData, "A1", "编码"))
			})
		}, []string{"街道数据 missing"}, "找不到编码行"},
		{"no sub-district rows", func(t *testing.T, b []byte) []byte {
			return edit(t, b, func(x *excelize.File) {
				for range 3 {
					must(t, x.RemoveRow(SheetData, 3))
					must(t, x.RemoveRow(SheetStaff, 3))
				}
			})
		}, []string{"街道数据 missing"}, "没有街道数据行"},
		{"too many rows", cells(map[string]any{"街道数据!A" + strconv.Itoa(MaxRows+1): "x"}), []string{"街道数据 too_large"}, "超过 " + strconv.Itoa(MaxRows) + " 行"},
		{"too many columns", cells(map[string]any{"人员!ANN3": 1}), []string{"人员 too_large"}, "超过 1000 列"},
		{"an .xls file", func(t *testing.T, b []byte) []byte { return append(slices.Clone(oleMagic), make([]byte, 100)...) },
			[]string{" unreadable"}, "不能读取 .xls"},
		{"a broken zip", func(t *testing.T, b []byte) []byte { return b[:len(b)/2] }, []string{" unreadable"}, "不是有效的 .xlsx"},
		{"a file too large", func(t *testing.T, b []byte) []byte { return append(b, make([]byte, MaxFileBytes)...) }, []string{" too_large"}, "文件过大"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, tt, base, func(data []byte) []formula.Problem { _, ps := Read("x.xlsx", data, p); return ps })
		})
	}
}

// checkProblems reads a failing workbook and compares its problems.
func checkProblems(t *testing.T, tt failing, base []byte, read func([]byte) []formula.Problem) {
	t.Helper()
	ps := read(tt.data(t, base))
	var got []string
	for _, pb := range ps {
		got = append(got, pb.Path+" "+string(pb.Code))
		if pb.File != "x.xlsx" && pb.File != "x.csv" || msg.Problem(msg.Zh, pb) == "" || pb.Code == "" {
			t.Errorf("problem without file, code or message: %#v", pb)
		}
		// Every problem is said in both languages, from the message table.
		if msg.Problem(msg.En, pb) == "" || msg.Problem(msg.En, pb) == msg.Problem(msg.Zh, pb) {
			t.Errorf("problem not in both languages: %q / %q", msg.Problem(msg.Zh, pb), msg.Problem(msg.En, pb))
		}
	}
	if !slices.Equal(got, tt.want) {
		t.Fatalf("problems %q, want %q\n%s", got, tt.want, problemsText(ps))
	}
	if !strings.Contains(msg.Problem(msg.Zh, ps[0]), tt.says) {
		t.Errorf("message %q does not say %q", msg.Problem(msg.Zh, ps[0]), tt.says)
	}
}

// TestProblemsCSV: the rules are the same in a CSV file, located by cell.
func TestProblemsCSV(t *testing.T) {
	p := tinyPlan(t)
	base := template(t, p, TemplateOptions{Format: CSV})
	replace := func(old, new string) func(t *testing.T, b []byte) []byte {
		return func(t *testing.T, b []byte) []byte { return bytes.Replace(b, []byte(old), []byte(new), 1) }
	}
	for _, tt := range []failing{
		{"negative", replace(",3.2,", ",-3.2,"), []string{"G2 out_of_range"}, "area_km2 不能为负数 (-3.2)"},
		{"a shifted row", replace("north,北街道,", "north,北街道,,"), []string{"C4 missing", "D4 bad_value", "E4 missing_quantity", "S4 unknown_column"}, "绩效等级 (performance) 不能为空"},
		{"unknown column", replace("hotline_tickets", "hotline"), []string{"F1 unknown_column", "1:1 missing"}, "您是不是要找 hotline_tickets?"},
		{"blank headcount column missing", replace("staff.civil_servant", "staff.civil"), []string{"O1 unknown_column", "1:1 missing"}, "staff.civil_servant / 公务员人数"},
		{"not text", func(t *testing.T, b []byte) []byte { return []byte("id\x00,name\r\n") }, []string{" unreadable"}, "不是文本文件"},
		{"too many rows", func(t *testing.T, b []byte) []byte {
			return append(b, []byte(strings.Repeat("\r\n", MaxRows)+"x\r\n")...)
		}, []string{" too_large"}, "超过 " + strconv.Itoa(MaxRows) + " 行"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, tt, base, func(data []byte) []formula.Problem { _, ps := Read("x.csv", data, p); return ps })
		})
	}
}

// TestProblemsOfTheRules: problems the rules of formula find and the
// workbook does not check itself come back at their cells too.
func TestProblemsOfTheRules(t *testing.T) {
	p := tinyPlan(t)
	q := *p
	q.ProjectPerformance = &formula.ProjectPerformance{Coefficients: map[string]decimal.Decimal{"中": decimal.RequireFromString("0.9")}}
	base := template(t, &q, TemplateOptions{})
	_, ps := Read("x.xlsx", setCells(t, base, map[string]any{"项目绩效!C4": "差", "项目绩效!D3": "中"}), &q)
	var got []string
	for _, pb := range ps {
		got = append(got, pb.Path+" "+string(pb.Code))
	}
	if want := []string{"项目绩效!C4 unknown_ref"}; !slices.Equal(got, want) {
		t.Fatalf("problems %q, want %q\n%s", got, want, problemsText(ps))
	}
}

// TestProblemsGolden pins the messages of a workbook with many mistakes,
// in Chinese and then in English.
func TestProblemsGolden(t *testing.T) {
	p := tinyPlan(t)
	data := setCells(t, template(t, p, TemplateOptions{}), map[string]any{
		"街道数据!G4": "-3.2", "街道数据!H2": "populaton", "街道数据!C3": "忧", "街道数据!F5": "1,23",
		"人员!C3": "40.5", "人员!A6": "south", "人员!C6": 1,
	})
	_, ps := Read("subdistricts-2026.xlsx", data, p)
	golden.Check(t, filepath.Join("testdata", "problems.golden"), []byte(problemsText(ps)+"\n"+problemsTextIn(ps, msg.En)))
}
