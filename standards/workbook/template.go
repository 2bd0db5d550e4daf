package workbook

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// Format is a file format of sub-district data.
type Format int

// The formats.
const (
	XLSX Format = iota // the data-collection workbook
	CSV                // its CSV shape: one header row of column ids, one row a sub-district
)

// TemplateOptions say what [Template] writes.
type TemplateOptions struct {
	// Subdistrict, an id, writes only that sub-district's rows: the copy
	// to send to that 街道 (returned, it is read back with [Merge]).
	Subdistrict string
	// Labels name quantities in Chinese, with units, before the plan's
	// [quantity_labels]; a quantity without either is headed by its id.
	Labels map[string]Label
	// Format is XLSX (the default) or CSV.
	Format Format
	// BlankRows is how many empty rows a workbook for a plan without
	// sub-districts leaves to fill in (data validation covers them); 0
	// means 30.
	BlankRows int
}

// Template writes the data-collection workbook of plan p to w: sheet
// 街道数据 with one row a sub-district (id, name, rating, adjustment and
// one column per quantity the plan reads), 人员 (headcount, then actual
// payroll, per staff category), 项目绩效 when the plan rates projects, and
// 说明, which says what each column means and which standard reads it.
// Every sheet has a label row (Chinese label and unit) above the id row
// the import keys on, both frozen with the id and name columns; columns
// are as wide as their Chinese text; ratings are chosen from a list of
// the plan's, numbers must be ≥ 0 and headcounts whole (Excel's data
// validation).
//
// Rows are pre-filled with the plan's current values (numbers as number
// cells holding their exact decimal text; one with more than 15
// significant digits, which a spreadsheet would round, as text); a plan
// without sub-districts gets empty rows. With opts.Format CSV it writes
// the CSV shape instead (UTF-8 with a byte-order mark, CRLF, the id row as
// the header).
func Template(w io.Writer, p *formula.Plan, opts TemplateOptions) error {
	subs := p.Subdistricts
	if opts.Subdistrict != "" {
		i := slices.IndexFunc(subs, func(s formula.Subdistrict) bool { return s.ID == opts.Subdistrict })
		if i < 0 {
			hint := nearestSubdistrict(opts.Subdistrict, subs)
			if hint != "" {
				hint = msg.WbNoSubdistrictNear.In(msg.Zh, hint)
			}
			return errors.New(msg.WbNoSubdistrict.In(msg.Zh, quote(opts.Subdistrict), hint))
		}
		subs = subs[i : i+1]
	}
	lay := newLayout(p, opts.Labels)
	if opts.Format == CSV {
		return templateCSV(w, lay, subs)
	}
	blank := opts.BlankRows
	if blank <= 0 {
		blank = 30
	}
	return templateXLSX(w, lay, subs, blank)
}

// templateCSV writes the CSV shape: the header of column ids, then the
// sub-districts' values.
func templateCSV(w io.Writer, lay *layout, subs []formula.Subdistrict) error {
	cols := lay.csvColumns()
	rows := make([][]string, 0, 1+len(subs))
	head := make([]string, len(cols))
	for i := range cols {
		head[i] = cols[i].key
	}
	rows = append(rows, head)
	for i := range subs {
		row := make([]string, len(cols))
		for j := range cols {
			row[j] = valueOf(&subs[i], &cols[j])
		}
		rows = append(rows, row)
	}
	if err := writeCSV(w, rows); err != nil {
		return fmt.Errorf("%s: %w", msg.WbWriteCSV.In(msg.Zh), err)
	}
	return nil
}
