package report

import (
	"io"
	"slices"

	"github.com/caili/caili/internal/csvout"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"

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

// Rows returns the allocation table: one row a sub-district, then a
// totals row (id "total", name "合计").
func Rows(r *formula.Result) [][]string {
	f := numfmt.NewFmt(r)
	rows := make([][]string, 0, len(r.Subdistricts)+1)
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		c := a.Components()
		rows = append(rows, []string{a.ID, a.Name, f.Amount(c[0]), f.Amount(c[1]), f.Amount(c[2]),
			f.Amount(c[3]), f.Amount(c[4]), f.Amount(c[5]), f.Amount(a.Total)})
	}
	t := r.Totals()
	row := []string{"total", msg.RepColTotal.In(msg.Zh)}
	for _, x := range t {
		row = append(row, f.Amount(x))
	}
	return append(rows, row)
}

// WriteCSV writes the allocation table as CSV: UTF-8 with a BOM (unless
// opts.NoBOM), CRLF line ends, a header row and a totals row.
func WriteCSV(w io.Writer, r *formula.Result, opts CSVOptions) error {
	header := Header
	if opts.ZH {
		header = HeaderZH
	}
	return writeCSV(w, header, Rows(r), opts)
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
