package workbook

import (
	"strings"
	"testing"

	"github.com/caili/caili/formula"
)

// TestProblemsOfBoundedReading: issue 20 §6 and §9, each problem at its
// cell with its code.
func TestProblemsOfBoundedReading(t *testing.T) {
	p := tinyPlan(t)
	base := template(t, p, TemplateOptions{})
	for _, tt := range []failing{
		{"a name that differs between sheets", cells(map[string]any{"人员!B4": "别的街道"}),
			[]string{"人员!B4 bad_value"}, "不一致"},
		{"an external link's cached value", func(t *testing.T, b []byte) []byte {
			return rewritePart(t, b, "xl/worksheets/sheet1.xml", func(x string) string {
				return strings.Replace(x, `<c r="F4"><v>6100</v></c>`, `<c r="F4"><f>[1]Sheet1!A1</f><v>6100</v></c>`, 1)
			})
		}, []string{"街道数据!F4 bad_value"}, "引用其他工作簿的公式"},
		{"a value at XFD", cells(map[string]any{"街道数据!XFD3": 1}), []string{"街道数据 too_large"}, "超过 1000 列"},
		{"a blank styled cell at XFD", func(t *testing.T, b []byte) []byte {
			return rewritePart(t, b, "xl/worksheets/sheet1.xml", func(x string) string {
				return strings.Replace(x, `<c r="F4"><v>6100</v></c>`, `<c r="F4"><v>6100</v></c><c r="XFD4" s="1"/>`, 1)
			})
		}, nil, ""},
		{"a cell's text too long", func(t *testing.T, b []byte) []byte {
			return rewritePart(t, b, "xl/worksheets/sheet1.xml", func(x string) string {
				return strings.Replace(x, `<c r="F4"><v>6100</v></c>`,
					`<c r="F4" t="inlineStr"><is><t>`+strings.Repeat("长", maxCellRunes+1)+`</t></is></c>`, 1)
			})
		}, []string{"街道数据!F4 too_large"}, "超过 32767 个字符"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want == nil {
				_, ps := Read("x.xlsx", tt.data(t, base), p)
				if len(ps) > 0 {
					t.Fatalf("problems %v", ps)
				}
				return
			}
			checkProblems(t, tt, base, func(data []byte) []formula.Problem { _, ps := Read("x.xlsx", data, p); return ps })
		})
	}
}
