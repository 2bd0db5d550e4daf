package workbook

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// CellError is why a correction cannot be written into a data file: a
// message of the table with its arguments.
type CellError struct {
	M    msg.Message
	Args []any
}

func (e *CellError) Error() string { return e.M.In(msg.Zh, e.Args...) }

func cellErr(m msg.Message, args ...any) error { return &CellError{M: m, Args: args} }

// Cell is one cell a correction wrote: where (`人员!C5`, `F7` in a CSV
// file), the key below the sub-district and the text before and after.
type Cell struct {
	Addr, Key, Old, New string
}

// Correct writes values (a key below sub-district id — quantities.X,
// staff.X, payroll.X — to its number) into the cells of id's rows of the
// data file name (an .xlsx workbook or its CSV shape) that plan p reads,
// found as [Read] finds them: the sheet of the key's column, the row of
// the id. Nothing else of the file changes: a workbook keeps its other
// cells, sheets and styles (the cell keeps its style), a CSV file every
// byte but those of the cell. A key without a column in the file, a cell
// holding a formula, a file that does not read, or a CSV file not in
// UTF-8 is refused with a [CellError]: the correction is then for a
// person to make.
func Correct(name string, data []byte, p *formula.Plan, id string, values map[string]string) ([]byte, []Cell, error) {
	r := newReader(name, p, true)
	r.readFile(data)
	if len(r.ps) > 0 {
		ps := r.problems()
		return nil, nil, cellErr(msg.WbCorrectUnreadable, name, msg.Say(msg.Zh, ps[0].Says[0]))
	}
	rec := r.byID[id]
	if rec == nil {
		return nil, nil, cellErr(msg.WbCorrectNoRow, name, id)
	}
	cols := r.lay.csvColumns()
	var cells []Cell
	at := map[string]pos{}
	for _, k := range slices.Sorted(maps.Keys(values)) {
		v, err := decimal.NewFromString(strings.TrimSpace(values[k]))
		if err != nil {
			return nil, nil, cellErr(msg.WbCorrectNotNumber, k, values[k])
		}
		i := slices.IndexFunc(cols, func(c column) bool { return pathKey(&c) == k && c.numeric() })
		if i < 0 {
			return nil, nil, cellErr(msg.WbCorrectNoColumn, name, k)
		}
		ps, ok := rec.cells.get(cols[i].key)
		if !ok {
			return nil, nil, cellErr(msg.WbCorrectNoColumn, name, k)
		}
		at[k] = ps
		old := ""
		for j := range ps.g.rows {
			if ps.g.rows[j].num == ps.row {
				old = r.text(ps.g, ps.g.rows[j].at(ps.col))
			}
		}
		cells = append(cells, Cell{Addr: ps.addr(), Key: k, Old: old, New: formatNumber(v)})
	}
	if bytes.HasPrefix(data, zipMagic) {
		out, err := correctXLSX(data, cells, at)
		return out, cells, err
	}
	out, err := correctCSV(name, data, cells, at)
	return out, cells, err
}

// correctXLSX writes the cells into the workbook with excelize: each
// keeps its style; a cell holding a formula is refused.
func correctXLSX(data []byte, cells []Cell, at map[string]pos) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, cellErr(msg.WbCorrectUnreadable, "", err.Error())
	}
	defer f.Close()
	for _, c := range cells {
		ps := at[c.Key]
		ref, err := excelize.CoordinatesToCellName(ps.col+1, ps.row)
		if err != nil {
			return nil, err
		}
		if fm, err := f.GetCellFormula(ps.g.sheet, ref); err != nil {
			return nil, err
		} else if fm != "" {
			return nil, cellErr(msg.WbCorrectFormula, c.Addr, fm)
		}
		if err := f.SetCellDefault(ps.g.sheet, ref, c.New); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// correctCSV splices the cells' new text into the CSV bytes in place of
// their fields: every other byte stays as it was. The file must be UTF-8
// (with or without a byte-order mark), as caili writes it.
func correctCSV(name string, data []byte, cells []Cell, at map[string]pos) ([]byte, error) {
	body := bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(body) {
		return nil, cellErr(msg.WbCorrectCSVEncoding, name)
	}
	bom := len(data) - len(body)
	comma := byte(delimiter(body))
	type span struct {
		from, to int
		text     string
	}
	var spans []span
	for _, c := range cells {
		ps := at[c.Key]
		from, to, ok := csvField(body, comma, ps.row, ps.col)
		if !ok {
			return nil, cellErr(msg.WbCorrectNoColumn, name, c.Key)
		}
		spans = append(spans, span{bom + from, bom + to, c.New})
	}
	slices.SortFunc(spans, func(a, b span) int { return b.from - a.from })
	out := bytes.Clone(data)
	for _, s := range spans {
		out = slices.Concat(out[:s.from], []byte(s.text), out[s.to:])
	}
	return out, nil
}

// csvField finds field col (0-based) of row (1-based, numbered as
// csvGrid numbers them: a line end outside quotes ends a row) in CSV
// bytes: the byte range of the field, quotes included. A row with fewer
// fields has the range at its end, where the field is appended.
func csvField(b []byte, comma byte, row, col int) (from, to int, ok bool) {
	r, c, i := 1, 0, 0
	for i <= len(b) && r < row { // skip to the row
		if i == len(b) {
			return 0, 0, false
		}
		switch b[i] {
		case '"':
			i = skipQuoted(b, i)
			continue
		case '\n':
			r++
		}
		i++
	}
	start := i
	for {
		// field c starts at start
		end := start
		if end < len(b) && b[end] == '"' {
			end = skipQuoted(b, end)
		}
		for end < len(b) && b[end] != comma && b[end] != '\n' && b[end] != '\r' {
			end++
		}
		if c == col {
			return start, end, true
		}
		if end >= len(b) || b[end] != comma {
			return 0, 0, false // the row ends before the column: nothing to splice into
		}
		start, c = end+1, c+1
	}
}

// skipQuoted is the index just past the quoted field starting at b[i].
func skipQuoted(b []byte, i int) int {
	for i++; i < len(b); i++ {
		if b[i] == '"' {
			if i+1 < len(b) && b[i+1] == '"' {
				i++
				continue
			}
			return i + 1
		}
	}
	return len(b)
}
