package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"

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
	return writeCSV(w, header, Rows(r), []bool{true, true}, opts)
}

// writeCSV writes a header and rows; text[k] marks column k as free text,
// whose cells are neutralised against formula injection.
func writeCSV(w io.Writer, header []string, rows [][]string, text []bool, opts CSVOptions) error {
	var buf bytes.Buffer
	if !opts.NoBOM && !opts.GB18030 {
		buf.WriteString("\ufeff")
	}
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	if opts.Title != "" {
		if err := cw.Write([]string{SafeText(opts.Title)}); err != nil {
			return err
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range rows {
		out := row
		for k := range row {
			if k < len(text) && text[k] {
				if out[k] != SafeText(row[k]) {
					out = append([]string(nil), row...)
					out[k] = SafeText(row[k])
				}
			}
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	out := buf.Bytes()
	if opts.GB18030 {
		var err error
		if out, err = simplifiedchinese.GB18030.NewEncoder().Bytes(out); err != nil {
			return fmt.Errorf("encode CSV as GB18030: %w", err)
		}
	}
	_, err := w.Write(out)
	return err
}

// SafeText neutralises a text cell that a spreadsheet would run as a
// formula (it begins with = + - @, or a tab or carriage return) by
// putting an apostrophe in front.
func SafeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
