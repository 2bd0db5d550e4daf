package numfmt

import (
	"errors"
	"slices"

	"github.com/shopspring/decimal"
)

// Amounts in 万元 are shown with two decimals, so the smallest step is
// 0.01 万元 = 100 元: a "cent" of 万元. The functions here round amounts in
// 元 to whole cents of 万元 by the largest-remainder method, so that the
// rounded rows of a table add up to its rounded total (the 尾差 is put
// on the rows whose remainders are largest). The amounts in 元 stay the
// truth; these are what a person reads.

// wanCent is one cent of 万元 in 元.
var wanCent = decimal.NewFromInt(100)

// ErrWanRounding is returned when a table cannot be rounded with its
// margins (it cannot happen for margins LargestRemainder gives; it is
// returned rather than panicking).
var ErrWanRounding = errors.New("numfmt: no rounding of the table keeps its margins")

// WanCents is an amount in 元 as exact cents of 万元 (amount / 100).
func WanCents(d decimal.Decimal) decimal.Decimal { return d.Div(wanCent) }

// RoundWanTotal rounds an amount in 元 to cents of 万元, half away from
// zero: the rounded total a column adds up to.
func RoundWanTotal(d decimal.Decimal) int64 { return WanCents(d).Round(0).IntPart() }

// WanText formats cents of 万元 with two decimals and thousands
// separators: 123457 → "1,234.57".
func WanText(cents int64) string { return Group(decimal.New(cents, -2).StringFixed(2)) }

// WanPlain is WanText without separators, for CSV: "1234.57".
func WanPlain(cents int64) string { return decimal.New(cents, -2).StringFixed(2) }

// LargestRemainder rounds amounts in 元 to cents of 万元 so that they add
// up to their total rounded (RoundWanTotal of their sum): each is first
// rounded down, then the cents still missing go one each to the amounts
// with the largest remainders (the earlier first on a tie). Every result
// is within one cent of its exact value.
func LargestRemainder(xs []decimal.Decimal) (rows []int64, total int64) {
	sum := decimal.Zero
	for _, x := range xs {
		sum = sum.Add(x)
	}
	return lrTo(xs, RoundWanTotal(sum)), RoundWanTotal(sum)
}

// lrTo rounds xs to cents of 万元 adding up to target, which must lie
// between the sum of their floors and that plus len(xs).
func lrTo(xs []decimal.Decimal, target int64) []int64 {
	out := make([]int64, len(xs))
	rem := make([]decimal.Decimal, len(xs))
	var floors int64
	for i, x := range xs {
		c := WanCents(x)
		f := c.Floor()
		out[i], rem[i] = f.IntPart(), c.Sub(f)
		floors += out[i]
	}
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rem[b].Cmp(rem[a]) })
	for k := int64(0); k < target-floors && int(k) < len(order); k++ {
		out[order[k]]++
	}
	return out
}

// WanTable is a table of amounts rounded to cents of 万元 so that every
// row adds up to its row total, every column to its column total, and
// the totals to the grand total (controlled rounding): each cell, row
// total and column total is within one cent of its exact value.
type WanTable struct {
	Cells     [][]int64 // [row][column]
	RowTotals []int64
	ColTotals []int64
	Total     int64
}

// RoundWanTable rounds a table of amounts in 元 (rows of equal length)
// to cents of 万元 with consistent margins: the row totals and the
// column totals are each rounded by the largest-remainder method to the
// rounded grand total, then each cell is rounded down or up so that
// rows and columns meet them (a flow over the cells with a remainder,
// the largest remainders tried first). Such a rounding always exists.
func RoundWanTable(cells [][]decimal.Decimal) (WanTable, error) {
	nr := len(cells)
	nc := 0
	if nr > 0 {
		nc = len(cells[0])
	}
	rowSums := make([]decimal.Decimal, nr)
	colSums := make([]decimal.Decimal, nc)
	grand := decimal.Zero
	for i, row := range cells {
		if len(row) != nc {
			return WanTable{}, ErrWanRounding
		}
		for j, x := range row {
			rowSums[i] = rowSums[i].Add(x)
			colSums[j] = colSums[j].Add(x)
			grand = grand.Add(x)
		}
	}
	t := WanTable{Total: RoundWanTotal(grand)}
	t.RowTotals = lrTo(rowSums, t.Total)
	t.ColTotals = lrTo(colSums, t.Total)
	var err error
	t.Cells, err = fillCells(cells, t.RowTotals, t.ColTotals)
	return t, err
}

// fillCells rounds each cell down, then adds one cent to cells with a
// remainder so that rows and columns reach their totals: first greedily
// by largest remainder, then by augmenting paths for what is left.
func fillCells(cells [][]decimal.Decimal, rowT, colT []int64) ([][]int64, error) {
	nr, nc := len(rowT), len(colT)
	out := make([][]int64, nr)
	up := make([][]bool, nr)  // a cent added
	can := make([][]bool, nr) // a remainder: a cent may be added
	needR, needC := make([]int64, nr), make([]int64, nc)
	copy(needR, rowT)
	copy(needC, colT)
	type cell struct {
		i, j int
		rem  decimal.Decimal
	}
	var rems []cell
	for i, row := range cells {
		out[i], up[i], can[i] = make([]int64, nc), make([]bool, nc), make([]bool, nc)
		for j, x := range row {
			c := WanCents(x)
			f := c.Floor()
			out[i][j] = f.IntPart()
			needR[i] -= out[i][j]
			needC[j] -= out[i][j]
			if r := c.Sub(f); r.Sign() > 0 {
				can[i][j] = true
				rems = append(rems, cell{i, j, r})
			}
		}
	}
	slices.SortStableFunc(rems, func(a, b cell) int { return b.rem.Cmp(a.rem) })
	for _, c := range rems {
		if needR[c.i] > 0 && needC[c.j] > 0 {
			up[c.i][c.j] = true
			needR[c.i]--
			needC[c.j]--
		}
	}
	for i := range nr {
		for needR[i] > 0 {
			if !augment(i, up, can, needC) {
				return nil, ErrWanRounding
			}
			needR[i]--
		}
	}
	for i := range nr {
		if needR[i] != 0 {
			return nil, ErrWanRounding
		}
		for j := range nc {
			if up[i][j] {
				out[i][j]++
			}
		}
	}
	for j := range nc {
		if needC[j] != 0 {
			return nil, ErrWanRounding
		}
	}
	return out, nil
}

// augment finds a path from row start to a column that still needs a
// cent, alternating unused cells (row → column) and used ones (column →
// row), and flips it: the row gets one more cent, that column one more,
// every other row and column keeps its count.
func augment(start int, up, can [][]bool, needC []int64) bool {
	nr, nc := len(up), len(needC)
	prevRow := make([]int, nc) // the row a column was reached from, by an unused cell
	for j := range prevRow {
		prevRow[j] = -1
	}
	viaCol := make([]int, nr) // the column a row was reached from, by a used cell
	for i := range viaCol {
		viaCol[i] = -1
	}
	viaCol[start] = nc // the start, reached from nowhere
	queue := []int{start}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for j := range nc {
			if !can[i][j] || up[i][j] || prevRow[j] >= 0 {
				continue
			}
			prevRow[j] = i
			if needC[j] > 0 {
				needC[j]--
				for {
					r := prevRow[j]
					up[r][j] = true
					if r == start {
						return true
					}
					j = viaCol[r]
					up[r][j] = false
				}
			}
			for r := range nr {
				if up[r][j] && viaCol[r] < 0 {
					viaCol[r] = j
					queue = append(queue, r)
				}
			}
		}
	}
	return false
}
