package xlsx

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// A workbook that pulls a plan's figures live from a running caili with
// WEBSERVICE (docs/api.md): one row a 街道, one column a component and the
// total, each cell =--WEBSERVICE("…/cell/<id>/<column>"). Excel 2013 and
// later, WPS and LibreOffice read it; the function is written as
// _xlfn.WEBSERVICE, the name the xlsx format gives functions newer than
// Excel 2007 (without the prefix LibreOffice shows #NAME?). LibreOffice
// fetches only once links are allowed (docs/api.md).

// WebServiceColumns are the columns a WEBSERVICE workbook pulls, the
// cell route's column names (the components, then the total).
var WebServiceColumns = append(append([]string{}, formula.ComponentNames[:]...), "total")

// WebServiceFormula is the formula of one cell: the cell route of base
// (the server's address, such as http://127.0.0.1:8080) for the plan, the
// 街道 and the column, turned into a number (--).
func WebServiceFormula(base, plan, id, column string) string {
	u := strings.TrimRight(base, "/") + "/api/v1/plans/" + url.PathEscape(plan) + "/cell/" + url.PathEscape(id) + "/" + url.PathEscape(column)
	return `--_xlfn.WEBSERVICE("` + strings.ReplaceAll(u, `"`, `""`) + `")`
}

// WriteWebService writes the workbook of res's 街道 for the plan on the
// server at base.
func WriteWebService(w io.Writer, res *formula.Result, base, plan string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := msg.WebServiceSheet.In(msg.Zh)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	header := append([]string{msg.RepColID.In(msg.Zh), msg.RepColSubdistrict.In(msg.Zh)}, formula.ComponentLabels[:]...)
	header = append(header, msg.RepColTotal.In(msg.Zh))
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	for i, a := range res.Subdistricts {
		row := i + 2
		if err := f.SetSheetRow(sheet, cellName(1, row), &[]string{a.ID, a.Name}); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		for k, col := range WebServiceColumns {
			if err := f.SetCellFormula(sheet, cellName(3+k, row), WebServiceFormula(base, plan, a.ID, col)); err != nil {
				return fmt.Errorf("xlsx: %w", err)
			}
		}
	}
	note := msg.WebServiceNote.In(msg.Zh, base)
	if err := f.SetCellStr(sheet, cellName(1, len(res.Subdistricts)+3), note); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	return nil
}

// cellName is the name of the cell of a 1-based column and row.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
