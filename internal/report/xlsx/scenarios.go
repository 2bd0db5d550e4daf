package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// WriteScenarios writes scenarios side by side (issue 24 §6) as a
// workbook of one sheet: the title, the unit, then per 街道 its base total
// and one column group per scenario (its total, the change against the
// base, the change in per cent), the totals row, and the notes (the 万元
// note; st's title when given). Amounts are numbers; printed as the 人大
// table is (A4 landscape, one page wide, title rows repeated).
func WriteScenarios(w io.Writer, s *report.ScenariosJSON, st *report.Stamp) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := msg.RepScenariosSheet.In(msg.Zh)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	rw := &rendaWriter{f: f, sheet: sheet}
	head := s.Header(true)[1:] // the 街道's name, not its code
	last, _ := excelize.CoordinatesToCellName(len(head), 1)
	lastCol := strings.TrimRight(last, "0123456789")
	rw.do(f.SetCellValue(sheet, "A1", s.Plan+"  "+s.Title()))
	rw.do(f.MergeCell(sheet, "A1", lastCol+"1"))
	rw.do(f.SetCellValue(sheet, lastCol+"2", msg.RepScenariosUnit.In(msg.Zh, s.Unit)))
	rw.do(f.SetSheetRow(sheet, "A3", &head))
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
		rw.do(f.SetSheetRow(sheet, fmt.Sprintf("A%d", 4+i), &cells))
	}
	notes := s.Notes()
	if st != nil {
		notes = append(notes, st.Title())
	}
	for k, note := range notes {
		rw.do(f.SetCellValue(sheet, fmt.Sprintf("A%d", 5+len(rows)+k), note))
	}
	rw.styles(len(head), len(rows)-1)
	rw.print(lastCol)
	if rw.err != nil {
		return fmt.Errorf("xlsx: %w", rw.err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	return nil
}
