package checkxlsx

import (
	"fmt"
	"maps"
	"slices"

	"github.com/xuri/excelize/v2"
)

// A workbook of formulas has hundreds of thousands of cells; excelize
// keeps each cell it is given as a large structure, so the stages write
// into grids (one a sheet, in any order) that are streamed out row by row
// at the end (excelize.StreamWriter): a third of the memory.

// gridCell is one cell: a value, a formula (without =) and a style.
type gridCell struct {
	v     any
	f     string
	style int
}

// grid is one sheet being built.
type grid struct {
	cells  map[int]map[int]*gridCell // row → column → cell
	widths map[int]float64           // column → width
	freeze [2]int                    // the top-left unfrozen cell (col, row); 0: none
}

// cell returns the cell at (col, row) of sheet, making it if need be.
func (b *book) cell(sheet string, col, row int) *gridCell {
	g := b.grid(sheet)
	r := g.cells[row]
	if r == nil {
		r = map[int]*gridCell{}
		g.cells[row] = r
	}
	c := r[col]
	if c == nil {
		c = &gridCell{}
		r[col] = c
	}
	return c
}

// grid returns sheet's grid, making it if need be.
func (b *book) grid(sheet string) *grid {
	g := b.grids[sheet]
	if g == nil {
		g = &grid{cells: map[int]map[int]*gridCell{}, widths: map[int]float64{}}
		b.grids[sheet] = g
	}
	return g
}

// flush streams every sheet's grid into the workbook, in sheet order.
func (b *book) flush(sheets []string) error {
	for _, name := range sheets {
		g := b.grids[name]
		if g == nil {
			continue
		}
		sw, err := b.f.NewStreamWriter(name)
		if err != nil {
			return fmt.Errorf("checkxlsx: %s: %w", name, err)
		}
		for _, c := range slices.Sorted(maps.Keys(g.widths)) {
			if err := sw.SetColWidth(c, c, g.widths[c]); err != nil {
				return fmt.Errorf("checkxlsx: %s width: %w", name, err)
			}
		}
		if col, row := g.freeze[0], g.freeze[1]; col > 0 {
			if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: col - 1, YSplit: row - 1,
				TopLeftCell: cellName(col, row), ActivePane: "bottomRight"}); err != nil {
				return fmt.Errorf("checkxlsx: %s panes: %w", name, err)
			}
		}
		for _, r := range slices.Sorted(maps.Keys(g.cells)) {
			row := g.cells[r]
			vals := make([]any, slices.Max(slices.Collect(maps.Keys(row))))
			for c, cell := range row {
				vals[c-1] = excelize.Cell{StyleID: cell.style, Formula: cell.f, Value: cell.v}
			}
			if err := sw.SetRow(cellName(1, r), vals); err != nil {
				return fmt.Errorf("checkxlsx: %s row %d: %w", name, r, err)
			}
		}
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("checkxlsx: %s: %w", name, err)
		}
	}
	return nil
}
