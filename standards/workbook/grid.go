package workbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on a file, so that a hostile one costs bounded work: its bytes,
// what its zip unpacks to, the rows and columns of a sheet (or a CSV),
// and the merged ranges of a sheet. They are set from a memory budget
// (docs/operations.md, "Memory budget"): a cell with a value cost about
// 440 bytes at the peak of `caili calc` (2.2 GB for the 5.1 million cells
// of 40,000 sub-districts with 127 columns each; about 180 since a CSV
// file is read row by row), so 10 million cells stay within about
// 4.5 GB; 100,000 rows are every township-level unit
// of a province and then some. The server keeps a tighter limit on what
// is uploaded (MaxUploadBytes).
const (
	MaxFileBytes   = 64 << 20  // the file as given
	MaxUploadBytes = 16 << 20  // a file posted to the server
	maxUnzipBytes  = 512 << 20 // everything an .xlsx unpacks to (8 × MaxFileBytes) …
	minUnzipBytes  = 96 << 20  // … though a small one may unpack to this …
	maxUnzipRatio  = 32        // … and a larger one to 32 times its size (unzipLimit)
	MaxRows        = 100000    // rows of a sheet, headers included
	MaxColumns     = 1000      // columns of a sheet
	MaxCells       = 10000000  // cells with a value, in all the sheets read
	maxMerges      = 1000      // merged ranges of a sheet
	maxHeaderRows  = 30        // rows searched for the id row
)

// cellKind is what a cell holds.
type cellKind uint8

const (
	cellBlank    cellKind = iota
	cellText              // text (a shared or inline string, a formula's text result, CSV)
	cellNumber            // a number cell: text is the stored value
	cellBool              // TRUE or FALSE
	cellError             // #DIV/0!, #N/A …
	cellDate              // an ISO 8601 date cell
	cellNoValue           // a formula without a cached value
	cellExternal          // a formula reading another workbook: its cached value is not taken
)

// cell is one cell as stored.
type cell struct {
	kind    cellKind
	typ     cellKind // what the file says the cell is; kinds makes it its kind
	col     int32    // 0-based column
	text    string   // the stored text: a number's digits, a string, an error's code
	formula string   // for cellNoValue and cellExternal: the formula
}

// gridRow is one row of a sheet: its 1-based number and the cells that
// hold something, by 0-based column: a row costs what its cells hold,
// not the column the last one names.
type gridRow struct {
	num   int
	cells []cell // in order of col
}

// find is the index of the row's cell in 0-based column col, or where it
// would go.
func (r *gridRow) find(col int) (int, bool) {
	n := len(r.cells)
	if n > 0 && int(r.cells[n-1].col) < col {
		return n, false
	}
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if int(r.cells[h].col) < col {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && int(r.cells[i].col) == col
}

// at returns the row's cell in 0-based column col.
func (r *gridRow) at(col int) cell {
	if i, ok := r.find(col); ok {
		return r.cells[i]
	}
	return cell{col: int32(col)}
}

// set puts a cell in 0-based column col.
func (r *gridRow) set(col int, c cell) {
	c.col = int32(col)
	i, ok := r.find(col)
	switch {
	case ok:
		r.cells[i] = c
	case i == len(r.cells):
		r.cells = append(r.cells, c)
	default:
		r.cells = slices.Insert(r.cells, i, c)
	}
}

// width is one more than the row's last column that holds something.
func (r *gridRow) width() int {
	if len(r.cells) == 0 {
		return 0
	}
	return int(r.cells[len(r.cells)-1].col) + 1
}

// grid is a sheet (or a CSV file) as rows of cells.
type grid struct {
	sheet   string // the sheet's name; "" for a CSV file
	rows    []gridRow
	tooWide bool     // some row had cells beyond MaxColumns
	tooLong bool     // the sheet had rows beyond MaxRows
	merges  [][4]int // the sheet's merged ranges (c1, r1, c2, r2, 1-based)
}

// addr names a cell for a problem: 街道数据!F7, or F7 in a CSV file.
func (g *grid) addr(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		name = "R" + strconv.Itoa(row) + "C" + strconv.Itoa(col+1)
	}
	if g.sheet == "" {
		return name
	}
	return g.sheet + "!" + name
}

// pos is a cell of a grid, named only when a message needs it.
type pos struct {
	g        *grid
	col, row int // 0-based column, 1-based row
}

// addr names the cell; "" for no cell.
func (p pos) addr() string {
	if p.g == nil {
		return ""
	}
	return p.g.addr(p.col, p.row)
}

// rowAddr names a whole row: 街道数据!2:2, or 2:2 in a CSV file.
func (g *grid) rowAddr(row int) string {
	r := strconv.Itoa(row)
	if g.sheet == "" {
		return r + ":" + r
	}
	return g.sheet + "!" + r + ":" + r
}

// colName is a 0-based column's letters (F).
func colName(col int) string {
	name, err := excelize.ColumnNumberToName(col + 1)
	if err != nil {
		return strconv.Itoa(col + 1)
	}
	return name
}

// textCell is a text cell, or a blank one when s is only spaces.
func textCell(s string) cell {
	if trimText(s) == "" {
		return cell{}
	}
	return cell{kind: cellText, text: s}
}

// display is the cell's text as a message quotes it.
func (c cell) display() string {
	switch c.kind {
	case cellBool:
		if c.text == "1" || strings.EqualFold(c.text, "true") {
			return "TRUE"
		}
		return "FALSE"
	case cellNoValue, cellExternal:
		return "=" + c.formula
	}
	return c.text
}
