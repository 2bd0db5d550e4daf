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
// frozen panes and data validation.
func (x *writer) sheet(sl *sheetLayout, subs []formula.Subdistrict, blank int, first bool) error {
	name := sl.name
	if first {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return fmt.Errorf("xlsx: sheet %s: %w", name, err)
	}
	for i := range sl.cols {
		if !sl.cols[i].numeric() {
			if err := x.f.SetColStyle(name, colName(i), x.text); err != nil {
				return fmt.Errorf("xlsx: %w", err)
			}
		}
	}
	widths := make([]int, len(sl.cols))
	for i := range sl.cols {
		c := &sl.cols[i]
		widths[i] = max(runewidth.StringWidth(c.heading())/2+1, runewidth.StringWidth(c.key))
		if err := x.header(name, i, c); err != nil {
			return err
		}
	}
	for r := range subs {
		for i := range sl.cols {
			v := valueOf(&subs[r], &sl.cols[i])
			widths[i] = max(widths[i], runewidth.StringWidth(v))
			if err := x.value(name, i, firstRow+r, &sl.cols[i], v); err != nil {
				return err
			}
		}
	}
	last := firstRow + max(len(subs), blank) - 1
	return x.finish(sl, widths, last)
}

// header writes a column's label and id cells.
func (x *writer) header(sheet string, col int, c *column) error {
	for _, h := range []struct {
		row   int
		text  string
		style int
	}{{labelRow, c.heading(), x.label}, {keyRow, c.key, x.key}} {
		ref, _ := excelize.CoordinatesToCellName(col+1, h.row)
		if err := x.f.SetCellStr(sheet, ref, h.text); err != nil {
			return fmt.Errorf("xlsx: %s!%s: %w", sheet, ref, err)
		}
		if err := x.f.SetCellStyle(sheet, ref, ref, h.style); err != nil {
			return fmt.Errorf("xlsx: %s!%s: %w", sheet, ref, err)
		}
	}
	return nil
}

// value writes one value: a number as a number cell holding its exact
// decimal text, unless it has more significant digits than a spreadsheet
// keeps (then as text, which the import reads as the same number); text
// as text.
func (x *writer) value(sheet string, col, row int, c *column, v string) error {
	if v == "" {
		return nil
	}
	ref, _ := excelize.CoordinatesToCellName(col+1, row)
	var err error
	if d, e := decimal.NewFromString(v); c.numeric() && e == nil && significant(d) <= excelDigits {
		err = x.f.SetCellDefault(sheet, ref, v)
	} else {
		err = x.f.SetCellStr(sheet, ref, v)
		if err == nil && c.numeric() {
			err = x.f.SetCellStyle(sheet, ref, ref, x.text)
		}
	}
	if err != nil {
		return fmt.Errorf("xlsx: %s!%s: %w", sheet, ref, err)
	}
	return nil
}

// finish sets a sheet's widths, frozen panes and data validation down to
// row last.
func (x *writer) finish(sl *sheetLayout, widths []int, last int) error {
	name := sl.name
	for i := range sl.cols {
		cn := colName(i)
		if err := x.f.SetColWidth(name, cn, cn, float64(min(max(widths[i], 8), 40)+2)); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		if err := x.validation(name, i, &sl.cols[i], max(last, firstRow+999)); err != nil {
			return err
		}
	}
	if err := x.f.SetRowHeight(name, labelRow, 32); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := x.f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: keyRow,
		TopLeftCell: "C3", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "C3", ActiveCell: "C3", Pane: "bottomRight"}}}); err != nil {
		return fmt.Errorf("xlsx: %s panes: %w", name, err)
	}
	return nil
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
