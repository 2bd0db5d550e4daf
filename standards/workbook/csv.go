package workbook

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/csvout"
	"github.com/caili/caili/internal/msg"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// The CSV shape is one table: a header row of column ids (the id row of
// the workbook: the columns of 街道数据, then those of 人员 and 项目绩效
// without their id and name), then one row a sub-district. Rows above the
// header (a label row, a title) are allowed and not read, as in a sheet.

// decodeCSV turns a CSV file's bytes into UTF-8 text: UTF-8 with or
// without a byte-order mark, UTF-16 with one (Excel's "Unicode text"), or
// else GBK (read as GB18030, its superset), which Chinese Excel and WPS
// write by default.
func decodeCSV(data []byte) (string, words) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", say(msg.WbCSVUTF16)
		}
		return string(out), words{}
	case !utf8.Valid(data):
		out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
		if err != nil {
			return "", say(msg.WbCSVEncoding)
		}
		return string(out), words{}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", say(msg.WbCSVBinary)
	}
	return string(data), words{}
}

// delimiter guesses the field separator from the first line: a comma,
// or a tab (Excel's "text" files) or a semicolon when the line has more
// of those than commas.
func delimiter(text string) rune {
	line, _, _ := strings.Cut(text, "\n")
	best, n := ',', strings.Count(line, ",")
	for _, d := range []rune{'\t', ';'} {
		if c := strings.Count(line, string(d)); c > n {
			best, n = d, c
		}
	}
	return best
}

// readCSV reads a CSV file as one sheet with every column of the
// workbook.
func (r *reader) readCSV(data []byte) {
	text, bad := decodeCSV(data)
	if !none(bad) {
		r.addFile(formula.CodeUnreadable, "", bad)
		return
	}
	g, err := csvGrid(text)
	var rc *refusedCell
	var le *limitError
	switch {
	case errors.Is(err, errTooManyCells):
		r.addFile(codeTooLarge, "", msgTooManyCells())
		return
	case errors.As(err, &rc) && errors.As(err, &le):
		r.add(codeTooLarge, rc.g, rc.col, rc.row, le.w)
		return
	case errors.As(err, &le):
		r.addFile(codeTooLarge, "", le.w)
		return
	}
	if err != nil {
		r.addFile(formula.CodeSyntax, "", say(msg.WbCSVSyntax, err))
		return
	}
	h := r.header(g, r.lay.csvColumns(), true)
	if h == nil {
		return
	}
	r.rows(g, h, true)
}

// csvGrid reads CSV text into rows of text cells, numbered as a
// spreadsheet shows them: an empty line is a row, a quoted field that
// spans lines is one. A line longer than maxCSVLine is refused before it
// is parsed, and a row keeps only its cells that hold something, so that
// a line of commas costs nothing.
func csvGrid(text string) (*grid, error) {
	if err := csvLines(text); err != nil {
		return nil, err
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = delimiter(text)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	g := &grid{}
	row, endLine, cells := 0, 0, 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return g, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		row += 1 + max(0, line-endLine-1) // empty lines are rows too
		last, _ := cr.FieldPos(len(rec) - 1)
		endLine = last + strings.Count(rec[len(rec)-1], "\n")
		if row > MaxRows {
			if nonBlank(rec) {
				g.tooLong = true
				return g, nil
			}
			continue
		}
		if len(rec) > MaxColumns {
			g.tooWide = g.tooWide || nonBlank(rec[MaxColumns:])
			rec = rec[:MaxColumns]
		}
		for len(g.rows) < row-1 {
			g.rows = append(g.rows, gridRow{num: len(g.rows) + 1})
		}
		gr := gridRow{num: row}
		for i, v := range rec {
			if c := textCell(v); c.kind != cellBlank {
				if utf8.RuneCountInString(v) > maxCellRunes {
					return nil, &refusedCell{g: g, col: i, row: row, err: beyond(msg.WbCellTooLong, maxCellRunes)}
				}
				c.text = strings.Clone(v) // not the whole line's
				gr.set(i, c)
				cells++
			}
		}
		if cells > MaxCells {
			return nil, errTooManyCells
		}
		g.rows = append(g.rows, gr)
	}
}

// maxCSVLine bounds one line of a CSV file: a thousand columns of long
// text fit, ten million commas do not.
const maxCSVLine = 1 << 20

// csvLines refuses text with a line longer than maxCSVLine.
func csvLines(text string) error {
	for n := 1; text != ""; n++ {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		if i > maxCSVLine {
			return beyond(msg.WbCSVLineTooLong, n, maxCSVLine>>10)
		}
		text = text[min(i+1, len(text)):]
	}
	return nil
}

// writeCSV writes rows as CSV the way caili writes CSV for Excel, through
// the one CSV writer (internal/csvout): UTF-8 with a byte-order mark,
// CRLF line ends, and text that Excel would take for a formula kept as
// text with a leading '.
func writeCSV(w io.Writer, rows [][]string) error {
	cw := csvout.New(csvout.Options{})
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	_, err := cw.WriteTo(w)
	return err
}
