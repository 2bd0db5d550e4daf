package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/zipsort"
)

// Rows of a sheet of the workbook.
const (
	labelRow = 1 // Chinese labels with units
	keyRow   = 2 // the column ids the import keys on
	firstRow = 3 // the first sub-district
)

// writer builds the workbook; the first error stops it.
type writer struct {
	f                      *excelize.File
	lay                    *layout
	label, key, text, note int // style ids
	title                  int
}

// templateXLSX writes the workbook of the layout with the sub-districts'
// rows, or blank rows to fill in when there are none.
func templateXLSX(w io.Writer, lay *layout, subs []formula.Subdistrict, blank int) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return zipsort.New(w) }) // the streamed sheets in order
	x := &writer{f: f, lay: lay}
	if err := x.styles(); err != nil {
		return err
	}
	for i := range lay.sheets {
		if err := x.sheet(&lay.sheets[i], subs, blank, i == 0); err != nil {
			return err
		}
	}
	if err := x.notes(); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Title: lay.plan.Name + docTitle, Creator: "caili"}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("%s: %w", msg.WbWriteWorkbook.In(msg.Zh), err)
	}
	return nil
}

// styles makes the styles: the label row, the id row, text columns, the
// notes' text and title.
func (x *writer) styles() error {
	border := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&x.label, &excelize.Style{Font: &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&x.key, &excelize.Style{Font: &excelize.Font{Color: "808080", Size: 9},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center"}, NumFmt: 49}},
		{&x.text, &excelize.Style{NumFmt: 49}}, // @: what is typed stays text
		{&x.note, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&x.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
	} {
		id, err := x.f.NewStyle(s.style)
		if err != nil {
			return fmt.Errorf("xlsx: style: %w", err)
		}
		*s.id = id
	}
	return nil
}

// sheet writes one sheet: the label and id rows, the rows, widths, the
// frozen panes and data validation. The rows are streamed (excelize's
// StreamWriter): at 40,000 街道 a workbook built cell by cell held 3 GB
// and took 22 s (issue 25 §3). What the stream needs before its first
// row — the widths, the data validation down to the last row — comes
// first, the widths from a pass over the values.
func (x *writer) sheet(sl *sheetLayout, subs []formula.Subdistrict, blank int, first bool) error {
	name := sl.name
	if first {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return fmt.Errorf("xlsx: sheet %s: %w", name, err)
	}
	last := firstRow + max(len(subs), blank) - 1
	for i := range sl.cols {
		if err := x.validation(name, i, &sl.cols[i], max(last, firstRow+999)); err != nil {
			return err
		}
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("xlsx: %s: %w", name, err)
	}
	if err := x.columns(sw, sl, subs); err != nil {
		return fmt.Errorf("xlsx: %s: %w", name, err)
	}
	if err := x.rows(sw, sl, subs); err != nil {
		return fmt.Errorf("xlsx: %s: %w", name, err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: %s: %w", name, err)
	}
	return nil
}

// columns sets a streamed sheet's column styles and widths (as wide as
// the widest text, heading or value, within 8 to 40) and its frozen panes.
func (x *writer) columns(sw *excelize.StreamWriter, sl *sheetLayout, subs []formula.Subdistrict) error {
	for i := range sl.cols {
		c := &sl.cols[i]
		width := max(runewidth.StringWidth(c.heading())/2+1, runewidth.StringWidth(c.key))
		var cur numCursor
		var text []byte
		for r := 0; r < len(subs) && width < maxColWidth; r++ {
			if !c.numeric() {
				width = max(width, runewidth.StringWidth(valueOf(&subs[r], c)))
			} else if d, ok := cur.number(&subs[r], c); ok {
				text = formula.AppendDecimal(text[:0], d) // ASCII: as wide as long
				width = max(width, len(text))
			}
		}
		if !c.numeric() {
			if err := sw.SetColStyle(i+1, i+1, x.text); err != nil {
				return err
			}
		}
		if err := sw.SetColWidth(i+1, i+1, float64(min(max(width, 8), maxColWidth)+2)); err != nil {
			return err
		}
	}
	return sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: keyRow,
		TopLeftCell: "C3", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "C3", ActiveCell: "C3", Pane: "bottomRight"}}})
}

// rows streams the label and id rows, then one row a sub-district.
func (x *writer) rows(sw *excelize.StreamWriter, sl *sheetLayout, subs []formula.Subdistrict) error {
	row := make([]any, len(sl.cols))
	for i := range sl.cols {
		row[i] = excelize.Cell{StyleID: x.label, Value: sl.cols[i].heading()}
	}
	if err := sw.SetRow("A1", row, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	for i := range sl.cols {
		row[i] = excelize.Cell{StyleID: x.key, Value: sl.cols[i].key}
	}
	if err := sw.SetRow("A2", row); err != nil {
		return err
	}
	curs := make([]numCursor, len(sl.cols))
	for r := range subs {
		for i := range sl.cols {
			c := &sl.cols[i]
			if !c.numeric() {
				row[i] = x.value(c, valueOf(&subs[r], c))
			} else if d, ok := curs[i].number(&subs[r], c); ok {
				row[i] = x.number(d)
			} else {
				row[i] = nil
			}
		}
		ref, _ := excelize.CoordinatesToCellName(1, firstRow+r)
		if err := sw.SetRow(ref, row); err != nil {
			return err
		}
	}
	return nil
}

// value is one value's cell: nothing for none; a number as a number cell
// — a float64 that the stream writes as the shortest text that reads
// back as it, which for a decimal of at most 15 significant digits is
// that decimal — unless it has more significant digits than a
// spreadsheet keeps (then as text, which the import reads as the same
// number); text as text (the column's text style applies).
func (x *writer) value(c *column, v string) any {
	if v == "" {
		return nil
	}
	if !c.numeric() {
		return v
	}
	if d, err := decimal.NewFromString(v); err == nil {
		return x.number(d)
	}
	return excelize.Cell{StyleID: x.text, Value: v}
}

// number is a number's cell, as value gives it for the number's text.
func (x *writer) number(d decimal.Decimal) any {
	if significant(d) <= excelDigits {
		f, _ := d.Float64()
		return f
	}
	return excelize.Cell{StyleID: x.text, Value: formatNumber(d)}
}

// maxColWidth is the widest a column is made, in characters.
const maxColWidth = 40

// numCursor reads one numeric column's values down the sub-districts,
// looking its name's number up once for each numbering of values it meets
// (the 街道 of a data file share one).
type numCursor struct {
	names *formula.Names
	i     int  // the name's number in names
	has   bool // names has the name
}

// number is s's value in numeric column c; false for none.
func (cur *numCursor) number(s *formula.Subdistrict, c *column) (decimal.Decimal, bool) {
	if c.kind == kindAdjustment {
		if s.Adjustment == nil {
			return decimal.Decimal{}, false
		}
		return *s.Adjustment, true
	}
	m, ok := valuesIn(s, c) // merge.go
	if !ok {
		return decimal.Decimal{}, false
	}
	if n := m.Numbering(); n != cur.names {
		cur.names = n
		cur.i, cur.has = n.Number(c.ref)
	}
	if !cur.has {
		return decimal.Decimal{}, false // not one of the numbering's names: absent
	}
	return m.GetNumbered(cur.i, c.ref)
}

// validation adds a column's data validation: a list of ratings, a number
// ≥ 0, a whole number ≥ 0.
func (x *writer) validation(sheet string, col int, c *column, last int) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s%d:%s%d", colName(col), firstRow, colName(col), last)
	var err error
	prompt := ""
	switch c.kind {
	case kindRating, kindProjectRating:
		list := x.lay.ratings
		if c.kind == kindProjectRating {
			list = x.lay.pratings
		}
		if len(list) == 0 || len(strings.Join(list, ",")) > 200 {
			return nil
		}
		err = dv.SetDropList(list)
		prompt = promptChoose + strings.Join(list, "、")
	case kindAdjustment, kindQuantity, kindPayroll:
		err = dv.SetRange(0, 0, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
		prompt = promptNumber
	case kindHeadcount:
		err = dv.SetRange(0, 0, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual)
		prompt = promptHeadcount
	default:
		return nil
	}
	if err == nil {
		dv.SetError(excelize.DataValidationErrorStyleStop, c.label, prompt)
		err = x.f.AddDataValidation(sheet, dv)
	}
	if err != nil {
		return fmt.Errorf("xlsx: %s validation: %w", sheet, err)
	}
	return nil
}
