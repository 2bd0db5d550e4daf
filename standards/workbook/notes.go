package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// howTo is the 说明 sheet's text on filling in the workbook.
var howTo = []string{
	"填写说明 (how to fill in)",
	"1. 每个街道一行。第 2 行(灰色)是各列的编码,导入时据此识别各列,请勿修改或删除;第 1 行的名称可以改。",
	"2. 数字可以是数值或文本,可带千位分隔符(1,234,567)和全角数字;不能为负数;人数须为整数。小数最多 12 位、整数最多 30 位。",
	"3. 绩效等级、街道名称和标准所用的各项数量必须填写;区域调节系数空白即 1;人数空白即 0;实际工资空白按标准工资计算;项目绩效空白即不评级。",
	"4. 可以用公式,但须在 Excel 或 WPS 中保存(保存时会存下计算结果);没有计算结果的公式会被拒绝。",
	"5. 隐藏的行照常导入,不导入的行请删除;空行会被跳过;合并的单元格按其显示的值读取;增加的工作表不会被读取。",
	"6. 发给一个街道的副本(caili template --subdistrict)交回后,用 caili import --merge 只更新其中填写了的单元格。",
}

// notes writes the 说明 sheet: the plan, how to fill in, then one row a
// column of each sheet: its sheet, letter, id, label, unit, whether it
// must be filled in, and what reads it.
func (x *writer) notes() error {
	const s = SheetNotes
	if _, err := x.f.NewSheet(s); err != nil {
		return fmt.Errorf("xlsx: sheet %s: %w", s, err)
	}
	p := x.lay.plan
	title := fmt.Sprintf("%s —— 街道数据采集表(%d 年度)", p.Name, p.FiscalYear)
	rows := [][]string{{title}, {}}
	for _, h := range howTo {
		rows = append(rows, []string{h})
	}
	rows = append(rows, []string{}, []string{"工作表", "列", "编码", "名称", "单位", "必填", "含义与使用它的标准"})
	head := len(rows)
	for _, sl := range x.lay.sheets {
		for i := range sl.cols {
			c := &sl.cols[i]
			rows = append(rows, []string{sl.name, colName(i), c.key, c.label, c.unit, mustFill(c), strings.Join(c.uses, ";\n")})
		}
	}
	for i, row := range rows {
		for j, v := range row {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := x.f.SetCellStr(s, ref, v); err != nil {
				return fmt.Errorf("xlsx: %s!%s: %w", s, ref, err)
			}
		}
	}
	return x.notesStyle(head, len(rows))
}

// notesStyle styles the 说明 sheet: the title, the table's header row
// (row head) and its rows, and fixed widths (the text wraps).
func (x *writer) notesStyle(head, last int) error {
	const s = SheetNotes
	end, _ := excelize.CoordinatesToCellName(7, last)
	for _, st := range []struct {
		from, to string
		style    int
	}{
		{"A1", "A1", x.title},
		{fmt.Sprintf("A%d", head), fmt.Sprintf("G%d", head), x.label},
		{fmt.Sprintf("A%d", head+1), end, x.note},
	} {
		if err := x.f.SetCellStyle(s, st.from, st.to, st.style); err != nil {
			return fmt.Errorf("xlsx: %s: %w", s, err)
		}
	}
	for i, w := range []int{10, 5, 24, 24, 8, 6, 80} {
		cn := colName(i)
		if err := x.f.SetColWidth(s, cn, cn, float64(w)); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	return nil
}

// mustFill says whether a column must be filled in.
func mustFill(c *column) string {
	if c.required {
		return "是"
	}
	return "否"
}
