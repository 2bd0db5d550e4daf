package workbook

import (
	"bytes"
	"errors"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file reads a file another system exported — a budget system's
// execution report (internal/execution) — as a plain table of text
// cells: the first sheet of an .xlsx, or a CSV file in UTF-8, UTF-16 or
// GBK, within the same limits as a data file (MaxFileBytes, MaxRows,
// MaxColumns, MaxCells). What the columns mean is for the caller.

// Table is a sheet, or a CSV file, as rows of text.
type Table struct {
	// Sheet is the sheet's name; "" for a CSV file.
	Sheet string
	// Rows are the rows that hold something, in order.
	Rows []TableRow
}

// TableRow is one row of a Table.
type TableRow struct {
	N     int      // the 1-based row number, as a spreadsheet shows it
	Cells []string // by 0-based column; "" for a blank cell
}

// Cell is the text of 0-based column col ("" past the row's end).
func (r TableRow) Cell(col int) string {
	if col < 0 || col >= len(r.Cells) {
		return ""
	}
	return r.Cells[col]
}

// Addr names a cell of the table for a problem: 执行数!C7, or C7 in a
// CSV file (0-based col, 1-based row).
func (t *Table) Addr(col, row int) string {
	return (&grid{sheet: t.Sheet}).addr(col, row)
}

// ReadTable reads the first sheet of a workbook, or a CSV file, as text.
// A number cell gives its stored digits, a date cell its ISO text, a
// formula without a saved value or an error value a blank (the caller
// reports a blank where it needs a value). A file beyond the limits, not
// a workbook or CSV, or unreadable, gives problems and no table.
func ReadTable(name string, data []byte) (*Table, []formula.Problem) {
	r := newReader(name, &formula.Plan{}, true)
	lower := strings.ToLower(name)
	var g *grid
	switch {
	case len(data) > MaxFileBytes:
		r.addFile(codeTooLarge, "", msgTooBig(len(data)))
	case bytes.HasPrefix(data, zipMagic):
		g = r.firstSheet(data)
	case bytes.HasPrefix(data, oleMagic) || strings.HasSuffix(lower, ".xls"):
		r.addFile(formula.CodeUnreadable, "", say(msg.WbXLS))
	case strings.HasSuffix(lower, ".xlsx") || strings.HasSuffix(lower, ".xlsm"):
		r.addFile(formula.CodeUnreadable, "", say(msg.WbNotXLSX))
	default:
		g = r.csvTable(data)
	}
	if g == nil || len(r.ps) > 0 {
		return nil, r.problems()
	}
	if g.tooLong {
		r.addFile(codeTooLarge, g.sheet, msgTooLong(g.sheet))
	}
	if g.tooWide {
		r.addFile(codeTooLarge, g.sheet, msgTooWide(g.sheet))
	}
	if len(r.ps) > 0 {
		return nil, r.problems()
	}
	t := &Table{Sheet: g.sheet}
	for _, row := range g.rows {
		if len(row.cells) == 0 {
			continue
		}
		tr := TableRow{N: row.num, Cells: make([]string, row.width())}
		for _, c := range row.cells {
			switch c.kind {
			case cellText, cellNumber, cellBool, cellDate:
				tr.Cells[c.col] = strings.TrimSpace(c.text)
			}
		}
		t.Rows = append(t.Rows, tr)
	}
	return t, nil
}

// firstSheet loads the workbook's first sheet.
func (r *reader) firstSheet(data []byte) *grid {
	b, bad := openBook(data)
	if bad != nil {
		r.addFile(bad.code, "", bad.w)
		return nil
	}
	defer b.close()
	names := b.sheets()
	if len(names) == 0 {
		r.addFile(formula.CodeMissing, "", msgNoSheet("", names))
		return nil
	}
	g, err := b.load(names[0])
	if r.refused(err, names[0]) {
		return nil
	}
	return g
}

// csvTable reads a CSV file's grid.
func (r *reader) csvTable(data []byte) *grid {
	text, bad := decodeCSV(data)
	if !none(bad) {
		r.addFile(formula.CodeUnreadable, "", bad)
		return nil
	}
	g, err := csvGrid(text)
	if r.refused(err, "") {
		return nil
	}
	return g
}

// refused records why a sheet could not be loaded, if it could not.
func (r *reader) refused(err error, sheet string) bool {
	var rc *refusedCell
	var le *limitError
	switch {
	case err == nil:
		return false
	case errors.Is(err, errTooManyCells):
		r.addFile(codeTooLarge, sheet, msgTooManyCells())
	case errors.As(err, &rc) && errors.As(err, &le):
		r.add(le.code, rc.g, rc.col, rc.row, le.w)
	case errors.As(err, &le):
		r.addFile(le.code, sheet, le.w)
	case sheet == "":
		r.addFile(formula.CodeSyntax, "", say(msg.WbCSVSyntax, err))
	default:
		r.addFile(formula.CodeUnreadable, sheet, sayWith(msg.WbCannotReadSheet, why(err), sheet))
	}
	return true
}
