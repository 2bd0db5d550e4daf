package xlsx

import (
	"fmt"
	"strconv"

	"github.com/mattn/go-runewidth"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/numfmt"
)

// The allocation and line sheets are streamed (issue 25 §3): excelize's
// StreamWriter writes each row as it comes, spilling to a temporary file
// beyond a few megabytes, so a plan of 10,000 sub-districts and 1.5
// million lines is written in bounded memory. A stream sets its column
// widths and panes before its first row, so the widths, which follow the
// content, are measured in a pass before (widths).

// maxLineRows is how many lines one sheet of lines holds: Excel's
// 1,048,576 rows less the header. More lines go on further sheets,
// 测算明细2, 测算明细3, … (LineSheetName), each with the same header.
const maxLineRows = excelize.TotalRows - 1

// LineSheetName is the name of the k-th sheet of lines (k from 0):
// SheetLines, then SheetLines followed by 2, 3, ….
func LineSheetName(k int) string {
	if k == 0 {
		return SheetLines
	}
	return SheetLines + strconv.Itoa(k+1)
}

// stream is one sheet being streamed; the first error stops it.
type stream struct {
	x    *xlsx
	name string
	sw   *excelize.StreamWriter
	rows int // the rows written
	f    numfmt.Fmt
	vals []any
}

// newStream creates sheet name with its column widths (each widest
// content plus a margin, at most limit characters), the header row in
// bold and panes frozen above row 2 and left of column freezeCols+1.
func (x *xlsx) newStream(name string, header []string, widths []int, limit, freezeCols int) (*stream, error) {
	if _, err := x.f.NewSheet(name); err != nil {
		return nil, fmt.Errorf("xlsx: sheet %s: %w", name, err)
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("xlsx: sheet %s: %w", name, err)
	}
	s := &stream{x: x, name: name, sw: sw, f: numfmt.NewFmt(x.res)}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, float64(min(w+3, limit))); err != nil {
			return nil, s.fail(err)
		}
	}
	topLeft, _ := excelize.CoordinatesToCellName(freezeCols+1, 2)
	pane := "bottomLeft"
	if freezeCols > 0 {
		pane = "bottomRight"
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: freezeCols, YSplit: 1,
		TopLeftCell: topLeft, ActivePane: pane}); err != nil {
		return nil, s.fail(err)
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: x.header, Value: h}
	}
	if err := s.put(cells); err != nil {
		return nil, err
	}
	return s, nil
}

// fail wraps an error of the sheet's stream.
func (s *stream) fail(err error) error {
	return fmt.Errorf("xlsx: %s: %w", s.name, err)
}

// put writes the next row.
func (s *stream) put(cells []any) error {
	s.rows++
	ref, _ := excelize.CoordinatesToCellName(1, s.rows)
	if err := s.sw.SetRow(ref, cells); err != nil {
		return s.fail(err)
	}
	return nil
}

// row writes the next row of values: text with textStyle, decimals as
// exact numbers (exactNumber) with amountStyle, anything else as excelize
// writes it; an empty string leaves its cell empty, as SetCellValue did.
func (s *stream) row(vals []any, textStyle, amountStyle int) error {
	s.vals = s.vals[:0]
	for _, v := range vals {
		style := textStyle
		if d, ok := v.(decimal.Decimal); ok {
			v, style = exactNumber(d), amountStyle
		}
		if str, ok := v.(string); ok && str == "" {
			v = nil
		}
		if style == 0 {
			s.vals = append(s.vals, v)
			continue
		}
		s.vals = append(s.vals, excelize.Cell{StyleID: style, Value: v})
	}
	return s.put(s.vals)
}

// end finishes the sheet.
func (s *stream) end() error {
	if err := s.sw.Flush(); err != nil {
		return s.fail(err)
	}
	return nil
}

// widen widens widths to a row's display widths: an amount as it shows
// with digit grouping, text by its display width.
func widen(widths []int, f numfmt.Fmt, vals []any) {
	for col, v := range vals {
		w := 0
		switch v := v.(type) {
		case decimal.Decimal:
			w = len(numfmt.Group(f.Amount(v)))
		case string:
			w = runewidth.StringWidth(v)
		}
		if col < len(widths) {
			widths[col] = max(widths[col], w)
		}
	}
}

// lineWidths measures the columns of the lines sheets: every column but
// the formula from every line, the formula until one reaches the limit
// of its column (80, so that the text of a large plan's lines is not
// made twice).
func (x *xlsx) lineWidths(names formula.ItemNames, limit int) []int {
	widths := make([]int, len(LinesHeaderZH))
	for i, h := range LinesHeaderZH {
		widths[i] = runewidth.StringWidth(h)
	}
	f := numfmt.NewFmt(x.res)
	last := len(widths) - 1
	full := false
	for i := range x.res.Subdistricts {
		a := &x.res.Subdistricts[i]
		for k := range a.Lines {
			vals := x.lineValues(a, &a.Lines[k], names, !full)
			widen(widths, f, vals)
			full = widths[last]+3 >= limit
		}
	}
	return widths
}

// lineValues are a line's cells; the formula's text only when withText.
func (x *xlsx) lineValues(a *formula.Allocation, l *formula.Line, names formula.ItemNames, withText bool) []any {
	stage, ok := stageZH[l.Stage]
	if !ok {
		stage = string(l.Stage)
	}
	text := ""
	if withText {
		text = l.Formula()
	}
	return []any{a.ID, a.Name, stage, l.Item, names.Of(l.Stage, l.Item), l.Amount, text}
}

// lines streams every line of every sub-district, x.lineRows a sheet.
func (x *xlsx) lines() error {
	const limit = 80
	names := itemNames(x.res.Plan)
	widths := x.lineWidths(names, limit)
	var s *stream
	sheets := 0
	for i := range x.res.Subdistricts {
		a := &x.res.Subdistricts[i]
		for k := range a.Lines {
			if s == nil || s.rows > x.lineRows {
				if err := x.endStream(s); err != nil {
					return err
				}
				var err error
				if s, err = x.newStream(LineSheetName(sheets), LinesHeaderZH, widths, limit, 2); err != nil {
					return err
				}
				sheets++
			}
			if err := s.row(x.lineValues(a, &a.Lines[k], names, true), 0, x.amount); err != nil {
				return err
			}
		}
	}
	if s == nil { // no lines: the sheet with its header
		var err error
		if s, err = x.newStream(SheetLines, LinesHeaderZH, widths, limit, 2); err != nil {
			return err
		}
	}
	return s.end()
}

// endStream ends s unless it is nil.
func (x *xlsx) endStream(s *stream) error {
	if s == nil {
		return nil
	}
	return s.end()
}
