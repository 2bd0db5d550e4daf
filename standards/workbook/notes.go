package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// notes writes the 说明 sheet: the plan, how to fill in, then one row a
// column of each sheet: its sheet, letter, id, label, unit, whether it
// must be filled in, and what reads it.
func (x *writer) notes() error {
	const s = SheetNotes
	if _, err := x.f.NewSheet(s); err != nil {
		return fmt.Errorf("xlsx: sheet %s: %w", s, err)
	}
	p := x.lay.plan
	title := fmt.Sprintf(notesTitle, p.Name, p.FiscalYear)
	rows := [][]string{{title}, {}}
	for _, h := range howTo {
		rows = append(rows, []string{h})
	}
	rows = append(rows, []string{}, notesHead)
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
		return wordYes
	}
	return wordNo
}
