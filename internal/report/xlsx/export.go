package xlsx

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// WriteExport writes the 预算管理一体化 export (caili export --out F.xlsx,
// docs/classification.md) as a workbook of one sheet: the profile's
// header, bold and frozen, then one row per 街道 × line. Amounts are
// number cells in 元 with the column's number format (exactNumber: the
// amount itself, or its text beyond 15 digits); every other cell is text,
// codes included, so that 科目 keep their leading digits.
func WriteExport(w io.Writer, res *formula.Result, prof *formula.ExportProfile) error {
	header, rows, err := report.ExportTable(res, prof)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := prof.Sheet
	if sheet == "" {
		sheet = msg.ExportSheet.In(msg.Zh)
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // @: text
	if err != nil {
		return err
	}
	formats := map[string]int{}
	for _, c := range prof.Columns {
		if c.Field != formula.AmountField {
			continue
		}
		nf := c.Format
		if nf == "" {
			nf = "0"
		}
		if _, ok := formats[c.Format]; !ok {
			s, err := f.NewStyle(&excelize.Style{CustomNumFmt: &nf})
			if err != nil {
				return err
			}
			formats[c.Format] = s
		}
	}
	for i, h := range header {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(sheet, ref, h); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, ref, ref, bold); err != nil {
			return err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, float64(max(10, len(h)))); err != nil {
			return err
		}
	}
	for r, row := range rows {
		for i, c := range row {
			ref, _ := excelize.CoordinatesToCellName(i+1, r+2)
			if c.Amount != nil {
				if err := f.SetCellValue(sheet, ref, exactNumber(*c.Amount)); err != nil {
					return err
				}
				if err := f.SetCellStyle(sheet, ref, ref, formats[c.Format]); err != nil {
					return err
				}
				continue
			}
			if err := f.SetCellStr(sheet, ref, c.Text); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, ref, ref, text); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
