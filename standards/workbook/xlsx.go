package workbook

import (
	"bytes"
	"errors"
	"strings"

	"github.com/caili/caili/internal/msg"
	"github.com/xuri/excelize/v2"
)

// book is an opened .xlsx file.
type book struct {
	f     *excelize.File
	cells int // cells with a value kept so far, at most MaxCells
}

// errTooManyCells stops reading a workbook of more than MaxCells values;
// msgTooManyCells says so.
var errTooManyCells = errors.New("too many cells")

func msgTooManyCells() words { return say(msg.WbTooManyCells, MaxCells) }

// errTooManyMerges stops reading a sheet of more than maxMerges merged
// ranges.
var errTooManyMerges = errors.New("too many merged ranges")

// errNoSheetPart is a sheet whose content the workbook lacks.
var errNoSheetPart = errors.New("no worksheet part")

// why says why a sheet could not be read: err, in both languages when it
// is one of ours.
func why(err error) words {
	switch {
	case errors.Is(err, errTooManyMerges):
		return say(msg.WbTooManyMerges)
	case errors.Is(err, errNoSheetPart):
		return say(msg.WbNoSheetPart)
	}
	return say(msg.Verbatim, err.Error())
}

// openBook opens an .xlsx within the limits of what it unpacks to.
func openBook(data []byte) (*book, words) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxUnzipBytes, UnzipXMLSizeLimit: maxUnzipBytes, RawCellValue: true})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "zip") {
			return nil, say(msg.WbNotXLSXBecause, err)
		}
		if strings.Contains(err.Error(), "unzip size") || strings.Contains(err.Error(), "size limit") {
			return nil, say(msg.WbUnzipTooBig, maxUnzipBytes>>20)
		}
		return nil, say(msg.WbCannotOpen, err)
	}
	return &book{f: f}, words{}
}

// close releases the workbook.
func (b *book) close() { b.f.Close() }

// has reports whether the workbook has a sheet of that name.
func (b *book) has(name string) bool {
	idx, err := b.f.GetSheetIndex(name)
	return err == nil && idx >= 0
}

// sheets lists the workbook's sheet names.
func (b *book) sheets() []string { return b.f.GetSheetList() }

// load reads a sheet's stored values as text cells, row by row, hidden
// rows included: what kind each cell is, the loader finds out later for
// the cells it reads (see kinds). Rows beyond MaxRows and columns beyond
// MaxColumns are not kept; tooLong and tooWide say whether they held
// anything.
func (b *book) load(name string) (*grid, error) {
	rows, err := b.f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	g := &grid{sheet: name}
	last := 0 // rows up to the last non-blank one are kept
	for n := 1; rows.Next(); n++ {
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if n > MaxRows {
			if nonBlank(vals) {
				g.tooLong = true
				break
			}
			continue
		}
		if len(vals) > MaxColumns {
			if nonBlank(vals[MaxColumns:]) {
				g.tooWide = true
			}
			vals = vals[:MaxColumns]
		}
		r := gridRow{num: n, cells: make([]cell, len(vals))}
		for i, v := range vals {
			if r.cells[i] = textCell(v); r.cells[i].kind != cellBlank {
				b.cells++
			}
		}
		if b.cells > MaxCells {
			return nil, errTooManyCells
		}
		g.rows = append(g.rows, r)
		if !r.blank() {
			last = len(g.rows)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	g.rows = g.rows[:last]
	return g, nil
}

// nonBlank reports whether any of the values is more than spaces.
func nonBlank(vals []string) bool {
	for _, v := range vals {
		if trimText(v) != "" {
			return true
		}
	}
	return false
}

// kinds finds out what the cells of the given columns below the header
// are: numbers, text, booleans, errors, dates, or formulas with no cached
// value (cells that look blank but hold a formula), from the worksheet's
// XML (xmlscan.go). It returns the sheet's merged ranges, for spread.
func (b *book) kinds(g *grid, header int, cols []int) ([][4]int, error) {
	x, err := b.sheetXML(g.sheet)
	if err != nil {
		return nil, err
	}
	metas, merges, err := scanSheet(x, b.dateStyles())
	if err != nil {
		return nil, err
	}
	in := make(map[int]bool, len(cols))
	for _, c := range cols {
		in[c] = true
	}
	for i := range g.rows {
		if r := &g.rows[i]; r.num > header {
			for _, col := range cols {
				if col < len(r.cells) && r.cells[col].kind != cellBlank {
					r.cells[col].kind = cellNumber // a cell with no type is a number
				}
			}
		}
	}
	for _, m := range metas {
		col := m.col - 1
		if m.row <= header || m.row > MaxRows || !in[col] {
			continue
		}
		for len(g.rows) < m.row {
			g.rows = append(g.rows, gridRow{num: len(g.rows) + 1})
		}
		r := &g.rows[m.row-1]
		switch c := r.at(col); {
		case m.kind == cellNoValue && c.kind == cellBlank:
			r.set(col, cell{kind: cellNoValue, formula: m.formula})
		case c.kind != cellBlank && m.kind != cellNoValue:
			r.cells[col].kind = m.kind
		}
	}
	return merges, nil
}

// set puts a cell in 0-based column col, growing the row if need be.
func (r *gridRow) set(col int, c cell) {
	for len(r.cells) <= col {
		r.cells = append(r.cells, cell{})
	}
	r.cells[col] = c
}

// spread gives every cell of a merged range below the header the value of
// the range's top-left cell, in the given columns: a merged range shows
// one value over all its cells, and that is what each of them holds.
// Ranges reaching beyond the rows read are cut to them.
func spread(g *grid, header int, cols []int, merges [][4]int) {
	// Ranges may overlap in a file made by hand: the cells visited are
	// bounded, so that overlapping ranges cannot multiply the work.
	budget := 2 * len(g.rows) * max(len(cols), 1)
	for _, m := range merges {
		c1, r1, c2, r2 := m[0]-1, m[1], m[2]-1, min(m[3], len(g.rows))
		if r1 <= header || r1 > len(g.rows) {
			continue
		}
		top := g.rows[r1-1].at(c1)
		if top.kind == cellBlank {
			continue
		}
		for row := r1; row <= r2 && budget > 0; row++ {
			budget -= len(cols)
			for _, col := range cols {
				if col >= c1 && col <= c2 && g.rows[row-1].at(col).kind == cellBlank {
					g.rows[row-1].set(col, top)
				}
			}
		}
	}
}
