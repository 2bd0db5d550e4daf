package workbook

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/msg"
)

// This file reads a worksheet's cells in one pass over its XML, with no
// document tree: a cell costs memory only when it holds something, a
// blank cell (however far right it names its column) costs nothing, a
// row is never allocated wider than its cells, and one cell's text and
// the shared strings are bounded by count and bytes.

// load reads a sheet's cells, row by row, hidden rows included: each
// cell's text and what the file says it is (typ; kinds makes it the
// cell's kind in the columns read), formulas saved without a value, and
// the merged ranges. Rows beyond MaxRows and columns beyond MaxColumns
// are not kept; tooLong and tooWide say whether they held anything.
func (b *book) load(name string) (*grid, error) {
	x, err := b.sheetXML(name)
	if err != nil {
		return nil, err
	}
	s := &xmlScanner{x: x, dates: b.dateStyles()}
	g := &grid{sheet: name}
	row, col := 0, 0
	for {
		t, ok := s.next()
		if !ok {
			return g, nil
		}
		switch {
		case t.end:
		case t.name == "row":
			row, col = rowNumber(t.attr("r"), row), 0
		case t.name == "c":
			if c, r, err := excelize.CellNameToCoordinates(t.attr("r")); err == nil {
				col, row = c, r
			} else {
				col++
			}
			c, err := b.cell(s, t)
			if err != nil {
				return nil, &refusedCell{g: g, col: col - 1, row: row, err: err}
			}
			if stop := b.keep(g, row, col-1, c); stop != nil {
				return nil, stop
			}
			if g.tooLong || g.tooWide {
				return g, nil
			}
		case t.name == "mergeCell":
			if len(g.merges) == maxMerges {
				return nil, errTooManyMerges
			}
			if m, ok := mergeRange(t.attr("ref")); ok {
				g.merges = append(g.merges, m)
			}
		}
	}
}

// keep puts a cell read in its row, unless it is blank (and not a
// formula without a value); one beyond the limits marks the grid too long
// or too wide instead.
func (b *book) keep(g *grid, row, col int, c cell) error {
	if c.kind == cellBlank && c.typ != cellNoValue {
		return nil
	}
	switch {
	case row > MaxRows || row < 1:
		g.tooLong = true
		return nil
	case col >= MaxColumns || col < 0:
		g.tooWide = true
		return nil
	}
	if c.kind != cellBlank {
		if b.cells++; b.cells > MaxCells {
			return errTooManyCells
		}
	}
	for len(g.rows) < row {
		g.rows = append(g.rows, gridRow{num: len(g.rows) + 1})
	}
	g.rows[row-1].set(col, c)
	return nil
}

// refusedCell is a cell the reader refused (its text too long).
type refusedCell struct {
	g        *grid
	col, row int // 0-based column, 1-based row
	err      error
}

func (e *refusedCell) Error() string { return e.g.addr(e.col, e.row) + ": " + e.err.Error() }

func (e *refusedCell) Unwrap() error { return e.err }

// cell reads a <c> element: its type, its text (a shared string's, an
// inline string's, or the stored value), and a formula.
func (b *book) cell(s *xmlScanner, t tag) (cell, error) {
	c := cell{typ: kindOfType(t.attr("t"))}
	if c.typ == cellNumber && len(s.dates) > 0 && s.dates[styleIndex(t.attr("s"))] {
		c.typ = cellDate
	}
	if t.empty {
		return cell{}, nil
	}
	shared := t.attr("t") == "s"
	hasF, hasV, ok := false, false, true
	var text []byte
	for {
		e, more := s.next()
		if !more || (e.end && e.name == "c") {
			break
		}
		switch {
		case e.name == "f" && !e.end:
			hasF = true
			if !e.empty {
				c.formula = clip(string(unescape(s.raw())))
			}
		case e.name == "v" && !e.end:
			hasV = true
			if !e.empty {
				text, ok = appendRaw(text, s.raw())
			}
		case e.name == "is" && !e.end && !e.empty:
			hasV = true
			text, ok = s.runs(text, "is")
		}
		if !ok {
			return cell{}, beyond(msg.WbCellTooLong, maxCellRunes)
		}
	}
	v := string(unescape(text))
	if shared {
		n, err := strconv.Atoi(v)
		if v, err = b.sharedString(n, err); err != nil {
			return cell{}, err
		}
		c.text = v
	} else {
		c.text = v
	}
	if utf8.RuneCountInString(c.text) > maxCellRunes {
		return cell{}, beyond(msg.WbCellTooLong, maxCellRunes)
	}
	if trimText(c.text) != "" {
		c.kind = cellText
	} else {
		c.text = ""
	}
	switch {
	case hasF && !hasV:
		c.typ = cellNoValue
		if c.formula == "" {
			c.formula = msg.WbSharedFormula.In(msg.Zh)
		}
	case hasF && external(c.formula):
		c.typ = cellExternal
	}
	return c, nil
}

// external reports whether a formula reads another workbook: Excel saves
// such a reference as [n]Sheet!A1, the n-th external link of the
// workbook, or with the other file's name in brackets.
func external(f string) bool {
	quoted := false
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case '"':
			quoted = !quoted
		case '[':
			if !quoted && bytes.IndexByte([]byte(f[i:]), ']') > 0 {
				return true
			}
		}
	}
	return false
}

// raw returns an element's text up to the next tag, as it is stored.
func (s *xmlScanner) raw() []byte {
	j := bytes.IndexByte(s.x[s.i:], '<')
	if j < 0 {
		j = len(s.x) - s.i
	}
	out := s.x[s.i : s.i+j]
	s.i += j
	return out
}

// maxRawCell bounds a cell's text as stored, before its entities are
// decoded: &#x10FFFF; is 10 bytes for one character, but no real cell
// comes near.
const maxRawCell = 6 * maxCellRunes

// appendRaw appends raw to text; false, appending nothing, when text
// would be longer than maxRawCell.
func appendRaw(text, raw []byte) ([]byte, bool) {
	if len(text)+len(raw) > maxRawCell {
		return text, false
	}
	return append(text, raw...), true
}

// runs appends the text of the <t> elements inside the element just
// opened (an inline string, a shared string), up to its end; phonetic
// runs (<rPh>) are not part of the text. False: the text is longer than
// maxRawCell.
func (s *xmlScanner) runs(text []byte, end string) ([]byte, bool) {
	phonetic, fits := false, true
	for {
		e, ok := s.next()
		switch {
		case !ok, e.end && e.name == end:
			return text, true
		case e.name == "rPh":
			phonetic = !e.end && !e.empty
		case e.name == "t" && !e.end && !e.empty && !phonetic:
			if text, fits = appendRaw(text, s.raw()); !fits {
				return text, false
			}
		}
	}
}

// unescape decodes XML's five entities and character references; any
// other entity stays as it is written.
func unescape(raw []byte) []byte {
	if bytes.IndexByte(raw, '&') < 0 {
		return raw
	}
	out := make([]byte, 0, len(raw))
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			return append(out, raw...)
		}
		out = append(out, raw[:i]...)
		raw = raw[i:]
		j := bytes.IndexByte(raw, ';')
		if j < 0 || j > 12 {
			out, raw = append(out, '&'), raw[1:]
			continue
		}
		if r, ok := entity(string(raw[1:j])); ok {
			out, raw = utf8.AppendRune(out, r), raw[j+1:]
			continue
		}
		out, raw = append(out, '&'), raw[1:]
	}
	return out
}

// entity is the character of an entity's name (lt, #20013, #x4E2D).
func entity(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	base, digits := 10, name[1:]
	if digits[0] == 'x' || digits[0] == 'X' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}
