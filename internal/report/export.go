package report

import (
	"io"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/csvout"
)

// The 预算管理一体化 export (caili export, docs/classification.md): one
// row per 街道 × line, its columns as an export profile lays them out.

// ExportCell is one cell of the export: text, or for the amount column
// the amount with the column's number format.
type ExportCell struct {
	Text   string
	Amount *decimal.Decimal // nil: a text cell
	Format string           // the amount's number format (formula.ExportFormats)
}

// ExportTable is the export of a result by a profile: its header and
// rows, in the order of formula.Result.ExportRows.
func ExportTable(res *formula.Result, prof *formula.ExportProfile) ([]string, [][]ExportCell, error) {
	lines, err := res.ExportRows()
	if err != nil {
		return nil, nil, err
	}
	header := make([]string, len(prof.Columns))
	for i, c := range prof.Columns {
		header[i] = c.Header
	}
	rows := make([][]ExportCell, 0, len(lines))
	for _, l := range lines {
		row := make([]ExportCell, len(prof.Columns))
		for i, c := range prof.Columns {
			if c.Field == formula.AmountField {
				a := l.Amount
				row[i] = ExportCell{Amount: &a, Format: c.Format}
				continue
			}
			row[i] = ExportCell{Text: l.Field(res.Plan, c.Field)}
		}
		rows = append(rows, row)
	}
	return header, rows, nil
}

// ExportAmountText is an amount as a CSV writes it: the format's
// decimals (never fewer than the amount has, so that nothing is rounded
// away) and no digit grouping.
func ExportAmountText(a decimal.Decimal, format string) string {
	places := formula.FormatDecimals(format)
	if e := -a.Exponent(); e > places && !a.Equal(a.Round(places)) {
		places = e
	}
	return a.StringFixed(places)
}

// WriteExportCSV writes the export as CSV, through csvout: UTF-8 with a
// byte-order mark (unless opts.NoBOM), or GB18030; opts' Title and ZH do
// not apply (the profile heads the columns).
func WriteExportCSV(w io.Writer, res *formula.Result, prof *formula.ExportProfile, opts CSVOptions) error {
	header, rows, err := ExportTable(res, prof)
	if err != nil {
		return err
	}
	cw := csvout.New(csvout.Options{NoBOM: opts.NoBOM, GB18030: opts.GB18030})
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	for _, row := range rows {
		for i, c := range row {
			if c.Amount != nil {
				rec[i] = ExportAmountText(*c.Amount, c.Format)
			} else {
				rec[i] = c.Text
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	_, err = cw.WriteTo(w)
	return err
}
