// Package checkxlsx writes the 复核 workbook (allocations-check.xlsx): a
// result's plan as inputs on one sheet (输入) and every stage of rules §3 as
// live Excel formulas on those inputs, so that a sub-district office or a
// bureau clerk can check the allocation in Excel or LibreOffice, change an
// input and see everything follow. Beside each formula the workbook writes
// caili's exact figure as a constant and a check column (一致 / 不一致)
// comparing the two; docs/check-workbook.md describes the sheets and where
// spreadsheet floating point may differ from caili's exact arithmetic.
//
// It may import formula and excelize only (internal/archtest); it must not
// import standards, internal/app, server or cmd.
package checkxlsx

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// MaxSubdistricts and MaxRows bound the workbook: a row per (街道,
// staff category, quota, project or indicator) is some 40 formulas, and
// beyond MaxRows rows the workbook takes LibreOffice minutes to
// recalculate and caili hundreds of megabytes to write (200 街道 × 52
// items: about 10,000 rows, 3.7 MB, 180 MB to write, 25 s of LibreOffice).
const (
	MaxSubdistricts = 1000
	MaxRows         = 12000
)

// ErrTooLarge is returned for a plan of more than MaxSubdistricts 街道 or
// MaxRows item rows.
var ErrTooLarge = errors.New("checkxlsx: plan too large for a check workbook")

// Write writes res's 复核 workbook to w. res must carry its lines (from
// formula.Model.Evaluate, not EvaluateTotals): the check columns compare
// each line.
func Write(w io.Writer, res *formula.Result) error {
	if res == nil || res.Plan == nil {
		return errors.New("checkxlsx: no result")
	}
	if n := len(res.Subdistricts); n > MaxSubdistricts {
		return fmt.Errorf("%s: %w", msg.RepCheckTooManySubdistricts.In(msg.Zh, MaxSubdistricts, n), ErrTooLarge)
	}
	if rows := itemRows(res.Plan); rows > MaxRows {
		return fmt.Errorf("%s: %w", msg.RepCheckTooManyRows.In(msg.Zh, MaxRows, rows), ErrTooLarge)
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newSortedZip(w) })
	b := newBook(f, res)
	b.build()
	if b.err != nil {
		return b.err
	}
	if err := b.flush(b.sheets()); err != nil {
		return err
	}
	fullCalc := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &fullCalc}); err != nil {
		return fmt.Errorf("checkxlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("checkxlsx: write: %w", err)
	}
	return nil
}

// itemRows is the number of (sub-district, item) rows of the workbook.
func itemRows(p *formula.Plan) int {
	items := len(p.Staff) + len(p.Quotas) + len(p.Projects)
	for _, f := range p.Factors {
		items += len(f.Indicators)
	}
	return len(p.Subdistricts) * items
}

// book builds one workbook; the first error stops it (later calls do
// nothing).
type book struct {
	f     *excelize.File
	res   *formula.Result
	p     *formula.Plan
	err   error
	grids map[string]*grid
	in    *inputs
	// refs to the stage results other sheets use
	personnelSum, publicSum []string // [sub-district] its component, qualified
	projectSum              []string
	incentive, block        []string
	neutral                 []string // [sub-district] block grant without ratings
	damping                 []string
	managed                 []string   // [sub-district] its district-managed sum (rules §6)
	transfers               [][]string // [sub-district] its share of each transfer
	districtPool            string
	// cells of district figures
	available, pool, afterProjects, blockStart, blockPool, perfReserve, dampReserve string
	incentivePool                                                                   string
	checks                                                                          []string // qualified ranges of check cells, for the summary's count
	header, title, note, number                                                     int
}

func newBook(f *excelize.File, res *formula.Result) *book {
	return &book{f: f, res: res, p: res.Plan, grids: map[string]*grid{}}
}

// build writes every sheet in order.
func (b *book) build() {
	b.styles()
	// The first sheet is excelize's Sheet1 renamed: deleting it, or
	// choosing the active sheet, after the sheets are streamed would make
	// excelize read every streamed sheet back.
	if err := b.f.SetSheetName("Sheet1", sheetOrder[0]); err != nil {
		b.fail(fmt.Errorf("checkxlsx: sheet %s: %w", sheetOrder[0], err))
	}
	for _, name := range b.sheets()[1:] {
		if _, err := b.f.NewSheet(name); err != nil {
			b.fail(fmt.Errorf("checkxlsx: sheet %s: %w", name, err))
		}
	}
	b.inputs()
	b.layoutSummary()
	b.personnel()
	b.public()
	b.tiers()
	b.projects()
	b.incentiveSheet()
	b.blockSheet()
	b.blockRows()
	b.dampingSheet()
	b.transfersSheet()
	b.summary()
	b.guide()
}

func (b *book) styles() {
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&b.header, &excelize.Style{Font: &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
		{&b.note, &excelize.Style{Font: &excelize.Font{Color: "7F7F7F"}}},
		{&b.number, &excelize.Style{NumFmt: 4}},
	} {
		id, err := b.f.NewStyle(s.style)
		if err != nil {
			b.fail(fmt.Errorf("checkxlsx: style: %w", err))
			return
		}
		*s.id = id
	}
}

func (b *book) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

// cellName is the A1 name of (col, row), both from 1.
func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// absName is the $A$1 name of (col, row).
func absName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row, true)
	return n
}

// qual is the absolute reference to (col, row) of a sheet, usable from
// any sheet.
func qual(sheet string, col, row int) string { return "'" + sheet + "'!" + absName(col, row) }

// qualRange is the absolute reference to column col, rows r0 to r1.
func qualRange(sheet string, col, r0, r1 int) string {
	return "'" + sheet + "'!" + absName(col, r0) + ":" + absName(col, r1)
}

// set writes a value: a decimal.Decimal as a number (see number), a
// string as text, anything else as excelize writes it.
func (b *book) set(sheet string, col, row int, v any) {
	if d, ok := v.(decimal.Decimal); ok {
		v = number(d)
	}
	b.cell(sheet, col, row).v = v
}

// formula writes a formula (without the leading =).
func (b *book) formula(sheet string, col, row int, f string) {
	b.cell(sheet, col, row).f = f
}

// style styles a range.
func (b *book) style(sheet string, c0, r0, c1, r1, style int) {
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			b.cell(sheet, c, r).style = style
		}
	}
}

// headerRow writes a bold header from column 1 of row.
func (b *book) headerRow(sheet string, row int, labels ...string) {
	for k, l := range labels {
		b.set(sheet, k+1, row, l)
	}
	if len(labels) > 0 {
		b.style(sheet, 1, row, len(labels), row, b.header)
	}
}

// titleRow writes a section title in column 1.
func (b *book) titleRow(sheet string, row int, text string) {
	b.set(sheet, 1, row, text)
	b.style(sheet, 1, row, 1, row, b.title)
}

// noteRow writes a grey note in column 1.
func (b *book) noteRow(sheet string, row int, text string) {
	b.set(sheet, 1, row, text)
	b.style(sheet, 1, row, 1, row, b.note)
}

// widths sets the widths of columns 1.. of a sheet.
func (b *book) widths(sheet string, ws ...float64) {
	g := b.grid(sheet)
	for k, w := range ws {
		g.widths[k+1] = w
	}
}

// freeze freezes the rows above row and the columns left of col.
func (b *book) freeze(sheet string, col, row int) {
	b.grid(sheet).freeze = [2]int{col, row}
}

// number is a decimal as a spreadsheet number when a double holds it
// exactly in 15 significant digits (what Excel keeps), else as text: an
// input or figure beyond that cannot be checked by floating point, and
// the check cell beside it says so (不一致).
func number(d decimal.Decimal) any {
	v := d.InexactFloat64()
	back, err := decimal.NewFromString(strconv.FormatFloat(v, 'f', -1, 64))
	if err == nil && back.Equal(d) && d.NumDigits() <= 15 {
		return v
	}
	return d.String()
}

// check writes, at (col, row), the caili figure want and, at col+1, a
// check cell comparing it with the formula's value at ref: 一致 when they
// differ by less than half a rounding unit. It records the check cell for
// the summary's count.
func (b *book) check(sheet string, col, row int, ref string, want decimal.Decimal) {
	b.set(sheet, col, row, want)
	b.formula(sheet, col+1, row, fmt.Sprintf(`IF(ABS(%s-%s)<%s/2,"%s","%s")`, ref, cellName(col, row), b.in.unit, Same, Differ))
}

// checkColumn records column col, rows r0–r1 of sheet as check cells.
func (b *book) checkColumn(sheet string, col, r0, r1 int) {
	if r1 >= r0 {
		b.checks = append(b.checks, qualRange(sheet, col, r0, r1))
	}
}

// sum is the formula text adding the given terms ("0" for none).
func sum(terms []string) string {
	if len(terms) == 0 {
		return "0"
	}
	return strings.Join(terms, "+")
}

// yes is the text of a yes/no input.
func yes(v bool) string {
	if v {
		return wordYes
	}
	return wordNo
}
