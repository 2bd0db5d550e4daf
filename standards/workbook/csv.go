package workbook

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/csvout"
	"github.com/caili/caili/internal/msg"
)

// The CSV shape is one table: a header row of column ids (the id row of
// the workbook: the columns of 街道数据, then those of 人员 and 项目绩效
// without their id and name), then one row a sub-district. Rows above the
// header (a label row, a title) are allowed and not read, as in a sheet.

// decodeCSV turns a CSV file's bytes into UTF-8 text: UTF-8 with or
// without a byte-order mark (the bytes themselves, not a copy), UTF-16
// with one (Excel's "Unicode text"), or else GBK (read as GB18030, its
// superset), which Chinese Excel and WPS write by default.
func decodeCSV(data []byte) ([]byte, words) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, say(msg.WbCSVUTF16)
		}
		return out, words{}
	case !utf8.Valid(data):
		out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
		if err != nil {
			return nil, say(msg.WbCSVEncoding)
		}
		return out, words{}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, say(msg.WbCSVBinary)
	}
	return data, words{}
}

// delimiter guesses the field separator from the first line: a comma,
// or a tab (Excel's "text" files) or a semicolon when the line has more
// of those than commas.
func delimiter(text []byte) rune {
	line, _, _ := bytes.Cut(text, []byte("\n"))
	best, n := ',', bytes.Count(line, []byte(","))
	for _, d := range []rune{'\t', ';'} {
		if c := bytes.Count(line, []byte(string(d))); c > n {
			best, n = d, c
		}
	}
	return best
}

// readCSV reads a CSV file as one sheet with every column of the
// workbook. The rows are read as they are parsed (csvStream), not kept
// as a grid: at 40,000 rows of 127 columns the grid of text cells was a
// fifth of reading's memory (issue 25 §2).
func (r *reader) readCSV(data []byte) {
	text, bad := decodeCSV(data)
	if !none(bad) {
		r.addFile(formula.CodeUnreadable, "", bad)
		return
	}
	s := &csvStream{r: r, g: &grid{}, mark: len(r.ps)}
	err := csvScan(text, s.g, s.row)
	if err == nil && !s.g.tooLong && !s.g.tooWide {
		s.decide() // fewer rows than the header is searched in
	}
	if err != nil || s.g.tooLong || s.g.tooWide {
		// What the rows said is void: the file is refused as a whole, as
		// it was when the grid was read before any row.
		r.ps, r.recs, r.byID = r.ps[:s.mark], nil, map[string]*record{}
	}
	var rc *refusedCell
	var le *limitError
	switch {
	case errors.Is(err, errTooManyCells):
		r.addFile(codeTooLarge, "", msgTooManyCells())
	case errors.As(err, &rc) && errors.As(err, &le):
		r.add(codeTooLarge, rc.g, rc.col, rc.row, le.w)
	case errors.As(err, &le):
		r.addFile(codeTooLarge, "", le.w)
	case err != nil:
		r.addFile(formula.CodeSyntax, "", say(msg.WbCSVSyntax, err))
	case s.g.tooLong:
		r.addFile(codeTooLarge, "", msgTooLong(""))
	case s.g.tooWide:
		r.addFile(codeTooLarge, "", msgTooWide(""))
	case !s.found:
		r.addFile(formula.CodeMissing, "", msgNoHeader(""))
	}
}

// csvStream reads a CSV file's rows as csvScan gives them: the first
// maxHeaderRows are kept (the id row is searched among them, and the row
// above it may label its columns), every later one is read into its
// record and dropped.
type csvStream struct {
	r       *reader
	g       *grid // the rows up to maxHeaderRows
	mark    int   // the reader's problems before the file
	decided bool  // the header has been searched for
	found   bool  // … and found
	rows    *rowReader
}

// row takes one row of the file.
func (s *csvStream) row(gr *gridRow) {
	if !s.decided {
		if gr.num <= maxHeaderRows {
			keepRow(s.g, gr)
			if gr.num < maxHeaderRows {
				return
			}
		}
		s.decide()
		if gr.num <= maxHeaderRows {
			return
		}
	}
	if s.rows != nil {
		s.rows.row(s.g, gr)
	}
}

// decide finds the id row among the rows kept and reads the rows below
// it that were kept; the later ones are read as they come.
func (s *csvStream) decide() {
	if s.decided {
		return
	}
	s.decided = true
	row, byKey, ok := findHeader(s.g)
	if !ok {
		return
	}
	s.found = true
	s.rows = s.r.rowReader(s.r.resolveMain(s.g, row, byKey, s.r.lay.csvColumns(), true), true)
	if s.rows == nil {
		return
	}
	for i := range s.g.rows {
		s.rows.row(s.g, &s.g.rows[i])
	}
}

// keepRow appends a copy of row (its own text, not the line's) to g,
// after the empty rows before it.
func keepRow(g *grid, row *gridRow) {
	for len(g.rows) < row.num-1 {
		g.rows = append(g.rows, gridRow{num: len(g.rows) + 1})
	}
	gr := gridRow{num: row.num, cells: slices.Clone(row.cells)}
	for i := range gr.cells {
		gr.cells[i].text = strings.Clone(gr.cells[i].text)
	}
	g.rows = append(g.rows, gr)
}

// csvGrid reads CSV text into rows of text cells, numbered as a
// spreadsheet shows them: an empty line is a row, a quoted field that
// spans lines is one.
func csvGrid(text []byte) (*grid, error) {
	g := &grid{}
	if err := csvScan(text, g, func(row *gridRow) { keepRow(g, row) }); err != nil {
		return nil, err
	}
	return g, nil
}

// csvScan parses CSV text and gives each row that holds something to
// each, numbered as a spreadsheet shows it (an empty line is a row, a
// quoted field that spans lines is one); the row and its text are only
// lent, until each returns. A line longer than maxCSVLine is refused
// before anything is parsed, and a row keeps only its cells that hold
// something, so that a line of commas costs nothing. Past MaxRows or
// MaxColumns it sets g.tooLong (and stops) or g.tooWide.
func csvScan(text []byte, g *grid, each func(*gridRow)) error {
	if err := csvLines(text); err != nil {
		return err
	}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = delimiter(text)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	row, endLine, cells := 0, 0, 0
	var gr gridRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		line, _ := cr.FieldPos(0)
		row += 1 + max(0, line-endLine-1) // empty lines are rows too
		last, _ := cr.FieldPos(len(rec) - 1)
		endLine = last + strings.Count(rec[len(rec)-1], "\n")
		if row > MaxRows {
			if nonBlank(rec) {
				g.tooLong = true
				return nil
			}
			continue
		}
		if len(rec) > MaxColumns {
			g.tooWide = g.tooWide || nonBlank(rec[MaxColumns:])
			rec = rec[:MaxColumns]
		}
		gr.num, gr.cells = row, gr.cells[:0]
		for i, v := range rec {
			if c := textCell(v); c.kind != cellBlank {
				if len(v) > maxCellRunes && utf8.RuneCountInString(v) > maxCellRunes {
					return &refusedCell{g: g, col: i, row: row, err: beyond(msg.WbCellTooLong, maxCellRunes)}
				}
				c.col = int32(i)
				gr.cells = append(gr.cells, c)
				cells++
			}
		}
		if cells > MaxCells {
			return errTooManyCells
		}
		each(&gr)
	}
}

// maxCSVLine bounds one line of a CSV file: a thousand columns of long
// text fit, ten million commas do not.
const maxCSVLine = 1 << 20

// csvLines refuses text with a line longer than maxCSVLine.
func csvLines(text []byte) error {
	for n := 1; len(text) > 0; n++ {
		i := bytes.IndexByte(text, '\n')
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
