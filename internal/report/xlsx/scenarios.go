package xlsx

import (
	"fmt"
	"io"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// WriteScenarios writes scenarios side by side (issue 24 §6) as a
// workbook of one sheet: the title, the unit, a two-row header (the 街道,
// the base total, then each scenario's name over its group: its total,
// the change against the base, the change in per cent), one row per 街道,
// the totals row, and the notes (the 万元 note; st's title when given).
// Amounts are numbers; printed as the 人大 table is (A4 landscape, one
// page wide, the title and header rows repeated).
func WriteScenarios(w io.Writer, s *report.ScenariosJSON, st *report.Stamp) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := msg.RepScenariosSheet.In(msg.Zh)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	rw := &rendaWriter{f: f, sheet: sheet}
	cols := 2 + 3*len(s.Scenarios)
	lastCol, _ := excelize.ColumnNumberToName(cols)
	cell := func(c, r int) string {
		n, _ := excelize.CoordinatesToCellName(c, r)
		return n
	}
	rw.do(f.SetCellValue(sheet, "A1", s.Plan+"  "+s.Title()))
	rw.do(f.MergeCell(sheet, "A1", lastCol+"1"))
	rw.do(f.SetCellValue(sheet, lastCol+"2", msg.RepScenariosUnit.In(msg.Zh, s.Unit)))
	head := s.Header(true)
	rw.do(f.SetCellValue(sheet, "A3", head[1]))
	rw.do(f.MergeCell(sheet, "A3", "A4"))
	rw.do(f.SetCellValue(sheet, "B3", head[2]))
	rw.do(f.MergeCell(sheet, "B3", "B4"))
	for i, name := range s.Scenarios {
		c := 3 + 3*i
		rw.do(f.SetCellValue(sheet, cell(c, 3), name))
		rw.do(f.MergeCell(sheet, cell(c, 3), cell(c+2, 3)))
		for k, m := range []msg.Message{msg.RepColTotal, msg.RepColChange, msg.RepColChangePct} {
			rw.do(f.SetCellValue(sheet, cell(c+k, 4), m.In(msg.Zh)))
		}
	}
	rows := s.Rows()
	for i, r := range rows {
		cells := []any{r[1]}
		for _, c := range r[2:] {
			if c == "" {
				cells = append(cells, "")
				continue
			}
			d, err := decimal.NewFromString(c)
			if err != nil {
				return fmt.Errorf("xlsx: %w", err)
			}
			v, _ := d.Float64()
			cells = append(cells, v)
		}
		rw.do(f.SetSheetRow(sheet, fmt.Sprintf("A%d", 5+i), &cells))
	}
	notes := s.Notes()
	if st != nil {
		notes = append(notes, st.Title())
	}
	for k, note := range notes {
		rw.do(f.SetCellValue(sheet, fmt.Sprintf("A%d", 6+len(rows)+k), note))
	}
	rw.scenarioStyles(cols, len(rows))
	rw.print(lastCol)
	rw.do(f.DeleteDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet})) // the header has two rows here
	rw.do(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$4", Scope: sheet}))
	if rw.err != nil {
		return fmt.Errorf("xlsx: %w", rw.err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	return nil
}

// scenarioStyles styles the sheet of scenarios side by side (cols
// columns, n rows of 街道 and the totals row last), as the 人大 table is.
func (w *rendaWriter) scenarioStyles(cols, n int) {
	f, s := w.f, w.sheet
	st := w.newTableStyles()
	title, unit, head, text, amount, totalText, totalAmount := st.title, st.unit, st.head, st.text, st.amount, st.totalText, st.totalAmount
	at := func(c, r int) string {
		name, _ := excelize.CoordinatesToCellName(c, r)
		return name
	}
	w.do(f.SetCellStyle(s, "A1", at(cols, 1), title))
	w.do(f.SetCellStyle(s, at(cols, 2), at(cols, 2), unit))
	w.do(f.SetCellStyle(s, "A3", at(cols, 4), head))
	w.do(f.SetRowHeight(s, 3, 30))
	for r := 5; r < 5+n; r++ {
		tx, am := text, amount
		if r == 4+n {
			tx, am = totalText, totalAmount
		}
		w.do(f.SetCellStyle(s, at(1, r), at(1, r), tx))
		w.do(f.SetCellStyle(s, at(2, r), at(cols, r), am))
	}
	lastCol, _ := excelize.ColumnNumberToName(cols)
	w.do(f.SetColWidth(s, "A", "A", 16))
	w.do(f.SetColWidth(s, "B", lastCol, 12))
}
