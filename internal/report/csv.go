package report

import (
	"io"
	"slices"

	"github.com/caili/caili/internal/csvout"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// CSVOptions control the CSV bytes.
type CSVOptions struct {
	NoBOM bool // leave out the UTF-8 byte-order mark Excel needs to see UTF-8
	// GB18030 writes the file in GB18030 (which GBK is part of), without a
	// byte-order mark, for older Excel and WPS that do not read UTF-8 CSV.
	GB18030 bool
	// Title, when not empty, is written as a first row of one cell before
	// the header (the stamp's title, with --stamp): a title row, not a
	// comment, which Excel shows and Power Query can skip.
	Title string
	// ZH heads the columns with their Chinese names (编码, 街道, 人员经费, …)
	// instead of the ids scripts and Power Query key on (header=zh).
	ZH bool
}

// Header is the allocation table's column header, shared by CSV, XML and
// the terminal table.
var Header = slices.Concat([]string{"id", "name"}, formula.ComponentNames[:], []string{"total"})

// HeaderZH is the Chinese header of the terminal table.
var HeaderZH = slices.Concat(zh(msg.RepColID, msg.RepColSubdistrict), formula.ComponentLabels[:], zh(msg.RepColTotal))

// The columns of rules §6 (where the money goes), in a result's table
// when its plan has the feature: transfers before total (part of it),
// managed after it (not part of it).
const (
	colTransfers = "transfers"
	colManaged   = "managed"
)

// HeaderOf is the allocation table's header for result r: Header, with
// the transfers and managed columns when its plan has them (rules §6).
// zh heads the columns in Chinese (HeaderZH).
func HeaderOf(r *formula.Result, zh bool) []string {
	h := Header
	if zh {
		h = HeaderZH
	}
	transfers, managed := moneyColumns(r)
	if !transfers && !managed {
		return h
	}
	out := slices.Clone(h[:len(h)-1])
	if transfers {
		out = append(out, pick(zh, msg.RepColTransfers, colTransfers))
	}
	out = append(out, h[len(h)-1])
	if managed {
		out = append(out, pick(zh, msg.RepColManaged, colManaged))
	}
	return out
}

// pick is a heading in Chinese or its id.
func pick(zh bool, m msg.Message, id string) string {
	if zh {
		return m.In(msg.Zh)
	}
	return id
}

// moneyColumns says whether r's table has the transfers and the managed
// columns.
func moneyColumns(r *formula.Result) (transfers, managed bool) {
	if r.Plan == nil {
		return false, false
	}
	return r.Plan.HasTransfers(), r.Plan.HasDistrictManaged()
}

// Rows returns the allocation table: one row a sub-district, then a
// totals row (id "total", name "合计"), in the columns of HeaderOf. The
// amounts are numfmt's text of them (appendAmount), written into one
// buffer that every cell is a piece of; a column's total is the sum of
// its cells as written, or Result.Totals' when a cell had more decimals
// than the unit or did not fit (the same amount).
func Rows(r *formula.Result) [][]string {
	return fillTable(r).rows()
}

// fillTable writes r's table: its id and name cells and its amounts.
func fillTable(r *formula.Result) *table {
	t := newTable(r, len(r.Subdistricts)+1)
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		t.cells[i*t.cols], t.cells[i*t.cols+1] = a.ID, a.Name
		t.row(a.Components(), a.Transfers, a.Total, a.Managed, true)
	}
	n := len(r.Subdistricts)
	t.cells[n*t.cols], t.cells[n*t.cols+1] = "total", msg.RepColTotal.In(msg.Zh)
	t.totalRow(r)
	return t
}

// table is the allocation table being written.
type table struct {
	f                  numfmt.Fmt
	places             int32
	transfers, managed bool
	cols, n            int
	cells              []string
	ends               []int   // where each amount ends in buf
	buf                []byte  // the amounts' text
	sums               []int64 // [component…, total] Σ of the column as written, in 10^-places
	exact              []bool  // the column's sum is in sums
	over               bool    // a sum overflowed
}

// newTable starts r's table, its cells empty, with room for rows rows
// (its sub-districts' and the totals row, or fewer for a table written
// row by row).
func newTable(r *formula.Result, rows int) *table {
	t := &table{f: numfmt.NewFmt(r), places: max(-r.Unit.Exponent(), 0), n: rows}
	t.transfers, t.managed = moneyColumns(r)
	t.cols = 2 + len(formula.ComponentNames) + 1
	if t.transfers {
		t.cols++
	}
	if t.managed {
		t.cols++
	}
	t.cells = make([]string, t.n*t.cols)
	t.ends = make([]int, 0, t.n*(t.cols-2))
	t.buf = make([]byte, 0, t.n*(t.cols-2)*12)
	t.sums = make([]int64, len(formula.ComponentNames)+1)
	t.exact = make([]bool, len(t.sums))
	for k := range t.exact {
		t.exact[k] = true
	}
	return t
}

// add writes one amount; k ≥ 0 adds it to column k's sum.
func (t *table) add(x decimal.Decimal, k int) {
	v, ok := amountUnits(t.places, x)
	if ok {
		t.buf = appendUnits(t.buf, t.places, v)
	} else {
		t.buf = append(t.buf, t.f.Amount(x)...)
	}
	if k >= 0 {
		s := t.sums[k] + v
		t.over = t.over || (v > 0 && s < t.sums[k]) || (v < 0 && s > t.sums[k])
		t.sums[k], t.exact[k] = s, t.exact[k] && ok
	}
	t.ends = append(t.ends, len(t.buf))
}

// row writes a row's amounts, summing them into the columns when sum.
func (t *table) row(c [len(formula.ComponentNames)]decimal.Decimal, tr, total, mg decimal.Decimal, sum bool) {
	col := func(k int) int {
		if sum {
			return k
		}
		return -1
	}
	for k, x := range c {
		t.add(x, col(k))
	}
	if t.transfers {
		t.add(tr, -1)
	}
	t.add(total, col(len(c)))
	if t.managed {
		t.add(mg, -1)
	}
}

// totalRow writes the totals row: each column's sum as written when every
// cell was, else Result.Totals'.
func (t *table) totalRow(r *formula.Result) {
	k := len(formula.ComponentNames)
	var sums [len(formula.ComponentNames) + 1]decimal.Decimal
	ok := !t.over
	for c := range sums {
		ok = ok && t.exact[c]
		sums[c] = decimal.New(t.sums[c], -t.places)
	}
	if !ok {
		sums = r.Totals()
	}
	t.row([len(formula.ComponentNames)]decimal.Decimal(sums[:k]), r.Transfers, sums[k], r.DistrictManaged, false)
}

// rows cuts the cells into rows, the amounts into pieces of one string.
func (t *table) rows() [][]string {
	text, start := string(t.buf), 0
	rows := make([][]string, t.n)
	for i := range rows {
		rows[i] = t.cells[i*t.cols : (i+1)*t.cols : (i+1)*t.cols]
		for c := 2; c < t.cols; c++ {
			end := t.ends[i*(t.cols-2)+c-2]
			rows[i][c], start = text[start:end], end
		}
	}
	return rows
}

// WriteCSV writes the allocation table as CSV: UTF-8 with a BOM (unless
// opts.NoBOM), CRLF line ends, a header row and a totals row.
func WriteCSV(w io.Writer, r *formula.Result, opts CSVOptions) error {
	cw, err := startCSV(HeaderOf(r, opts.ZH), opts, min((len(r.Subdistricts)+3)*csvRowBytes, csvFlushAt+csvFlushAt/4))
	if err != nil {
		return err
	}
	t := newTable(r, 1)
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		t.row(a.Components(), a.Transfers, a.Total, a.Managed, true)
		t.writeRow(cw, a.ID, a.Name)
		if cw.Len() >= csvFlushAt {
			if err := cw.Flush(w); err != nil {
				return err
			}
		}
	}
	t.totalRow(r)
	t.writeRow(cw, "total", msg.RepColTotal.In(msg.Zh))
	_, err = cw.WriteTo(w)
	return err
}

// csvFlushAt is how much of a CSV file is held before it is written: a
// table of 40,000 街道 is written a piece at a time (issue 25 §3).
const csvFlushAt = 64 << 10

// csvRowBytes is about what a row of the allocation table takes (the
// sample's: 135 bytes), for the room made for the file at first: the
// title, the header and the rows, up to a piece and a quarter (the
// writer holds a piece and the row that goes over it).
const csvRowBytes = 160

// writeRow writes a row of the table written row by row: its id and
// name, then the amounts written since the last row, which it forgets.
func (t *table) writeRow(cw *csvout.Writer, id, name string) {
	cw.Text(id)
	cw.Text(name)
	start := 0
	for _, end := range t.ends {
		cw.Number(t.buf[start:end])
		start = end
	}
	cw.EndRow()
	t.buf, t.ends = t.buf[:0], t.ends[:0]
}

// writeCSV writes a title (when opts has one), a header and rows through
// the one CSV writer (internal/csvout), which keeps every cell from being
// run as a formula.
func writeCSV(w io.Writer, header []string, rows [][]string, opts CSVOptions) error {
	cw, err := startCSV(header, opts, 0)
	if err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	_, err = cw.WriteTo(w)
	return err
}

// startCSV starts a CSV file with its title (when opts has one) and
// header, with room for size bytes (csvout.Options.Size).
func startCSV(header []string, opts CSVOptions, size int) (*csvout.Writer, error) {
	cw := csvout.New(csvout.Options{NoBOM: opts.NoBOM, GB18030: opts.GB18030, Size: size})
	if opts.Title != "" {
		if err := cw.Write([]string{opts.Title}); err != nil {
			return nil, err
		}
	}
	return cw, cw.Write(header)
}

// SafeText neutralises a text cell that a spreadsheet would run as a
// formula (it begins with = + - @, or a tab or carriage return) by
// putting an apostrophe in front; a decimal number stays as it is
// (csvout.Cell).
func SafeText(s string) string { return csvout.Cell(s) }
