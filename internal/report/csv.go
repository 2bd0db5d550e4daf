package report

import (
	"io"
	"slices"

	"github.com/caili/caili/internal/csvout"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
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
// buffer that every cell is a piece of.
func Rows(r *formula.Result) [][]string {
	f, places := numfmt.NewFmt(r), max(-r.Unit.Exponent(), 0)
	transfers, managed := moneyColumns(r)
	cols := 2 + len(formula.ComponentNames) + 1
	if transfers {
		cols++
	}
	if managed {
		cols++
	}
	n := len(r.Subdistricts) + 1
	cells := make([]string, n*cols)
	ends := make([]int, 0, n*(cols-2)) // where each amount ends in buf
	buf := make([]byte, 0, n*(cols-2)*12)
	add := func(x decimal.Decimal) {
		buf = appendAmount(buf, f, places, x)
		ends = append(ends, len(buf))
	}
	row := func(c [len(formula.ComponentNames)]decimal.Decimal, tr, total, mg decimal.Decimal) {
		for _, x := range c {
			add(x)
		}
		if transfers {
			add(tr)
		}
		add(total)
		if managed {
			add(mg)
		}
	}
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		cells[i*cols], cells[i*cols+1] = a.ID, a.Name
		row(a.Components(), a.Transfers, a.Total, a.Managed)
	}
	t := r.Totals()
	k := len(formula.ComponentNames)
	cells[(n-1)*cols], cells[(n-1)*cols+1] = "total", msg.RepColTotal.In(msg.Zh)
	row([len(formula.ComponentNames)]decimal.Decimal(t[:k]), r.Transfers, t[k], r.DistrictManaged)
	text, start := string(buf), 0
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = cells[i*cols : (i+1)*cols : (i+1)*cols]
		for c := 2; c < cols; c++ {
			end := ends[i*(cols-2)+c-2]
			rows[i][c], start = text[start:end], end
		}
	}
	return rows
}

// WriteCSV writes the allocation table as CSV: UTF-8 with a BOM (unless
// opts.NoBOM), CRLF line ends, a header row and a totals row.
func WriteCSV(w io.Writer, r *formula.Result, opts CSVOptions) error {
	return writeCSV(w, HeaderOf(r, opts.ZH), Rows(r), opts)
}

// writeCSV writes a title (when opts has one), a header and rows through
// the one CSV writer (internal/csvout), which keeps every cell from being
// run as a formula.
func writeCSV(w io.Writer, header []string, rows [][]string, opts CSVOptions) error {
	cw := csvout.New(csvout.Options{NoBOM: opts.NoBOM, GB18030: opts.GB18030})
	if opts.Title != "" {
		if err := cw.Write([]string{opts.Title}); err != nil {
			return err
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	_, err := cw.WriteTo(w)
	return err
}

// SafeText neutralises a text cell that a spreadsheet would run as a
// formula (it begins with = + - @, or a tab or carriage return) by
// putting an apostrophe in front; a decimal number stays as it is
// (csvout.Cell).
func SafeText(s string) string { return csvout.Cell(s) }
