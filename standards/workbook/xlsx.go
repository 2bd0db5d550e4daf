package workbook

import (
	"errors"

	"github.com/caili/caili/internal/msg"
)

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
	var le *limitError
	switch {
	case errors.As(err, &le):
		return le.w
	case errors.Is(err, errTooManyMerges):
		return say(msg.WbTooManyMerges)
	case errors.Is(err, errNoSheetPart):
		return say(msg.WbNoSheetPart)
	}
	return say(msg.Verbatim, err.Error())
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

// kinds makes what the file says each cell of the given columns below
// the header is (load read it) the cell's kind: numbers, text, booleans,
// errors, dates, formulas reading another workbook, or formulas with no
// cached value (cells that look blank but hold a formula). Above the
// header, and in the other columns, every cell is text.
func kinds(g *grid, header int, cols []int) {
	for i := range g.rows {
		r := &g.rows[i]
		if r.num <= header {
			continue
		}
		for _, col := range cols {
			j, ok := r.find(col)
			if !ok {
				continue
			}
			switch c := &r.cells[j]; {
			case c.kind != cellBlank && c.typ != cellNoValue:
				c.kind = c.typ
			case c.kind == cellBlank && c.typ == cellNoValue:
				c.kind = cellNoValue
			}
		}
	}
}

// spread gives every cell of a merged range below the header the value of
// the range's top-left cell, in the given columns: a merged range shows
// one value over all its cells, and that is what each of them holds.
// Ranges reaching beyond the rows read are cut to them.
func spread(g *grid, header int, cols []int) {
	// Ranges may overlap in a file made by hand: the cells visited are
	// bounded, so that overlapping ranges cannot multiply the work.
	budget := 2 * len(g.rows) * max(len(cols), 1)
	for _, m := range g.merges {
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
