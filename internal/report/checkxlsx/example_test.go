package checkxlsx_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/report/checkxlsx"
	"github.com/caili/caili/standards"
)

// Example writes the 复核 workbook of the tiny example plan and lists its
// sheets; the 汇总 sheet's first district figure is the capacity, as a
// formula on the 输入 sheet.
func Example() {
	doc, err := standards.LoadFile("../../../testdata/tiny/plan.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := doc.Model()
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := m.Evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := checkxlsx.Write(&buf, res); err != nil {
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
	fx, _ := f.GetCellFormula(checkxlsx.SheetSummary, "B3")
	fmt.Println(fx)
	// Output:
	// [说明 汇总 输入 人员经费 公用经费 项目分档 项目经费 激励 因素法 因素法明细 增减幅控制]
	// '输入'!$B$4
}
