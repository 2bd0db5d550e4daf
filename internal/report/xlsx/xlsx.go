// Package xlsx writes a result as an Excel workbook (分配结果, 测算明细,
// 参数) with excelize. It is the only package that imports excelize for
// results, so that the engine, the other formats and the server's views
// do not carry it. It must not import standards, internal/app, server or
// cmd.
package xlsx

import (
	"fmt"
	"io"
	"strconv"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/zipsort"

	"github.com/mattn/go-runewidth"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
)

// Sheet names of the workbook WriteXLSX writes.
const (
	SheetAllocations = "分配结果"
	SheetLines       = "测算明细"
	SheetParameters  = "参数"
)

// LinesHeaderZH is the header of the workbook's sheet of lines.
var LinesHeaderZH = []string{"街道编码", "街道", "阶段", "项目", "项目名称", "金额", "计算过程"}

// stageZH names each stage as the allocation table's header does.
var stageZH = func() map[formula.Stage]string {
	m := map[formula.Stage]string{}
	for k, name := range formula.ComponentNames {
		m[formula.Stage(name)] = report.HeaderZH[2+k]
	}
	m[formula.StageTransfers] = msg.RepColTransfers.In(msg.Zh)
	m[formula.StageManaged] = msg.RepColManaged.In(msg.Zh)
	return m
}()

// Write writes a result as an Excel workbook with three sheets:
//
//   - 分配结果: one row a sub-district (编码, 街道, the six components,
//     合计) under a frozen Chinese header, then a 合计 row;
//   - 测算明细: every line of every sub-district with its formula;
//   - 参数: the plan's name, year and the district-level amounts.
//
// Amounts are number cells in 元 with digit grouping (#,##0, or #,##0.00
// when the rounding unit is 0.01). A number cell holds exactly the
// amount's decimal text, which Excel reads as the nearest double: amounts
// are at most 2-decimal values, so this is the amount itself for any
// amount below 10^13 元 (15 significant digits, which Excel keeps). An
// amount beyond that is written as text rather than rounded. The 合计 row
// holds values, not formulas, so it shows the engine's totals even where
// formulas are not recalculated. Text cells are strings, never formulas,
// so names need no neutralising.
func Write(w io.Writer, res *formula.Result) error {
	return WriteStamped(w, res, nil)
}

// WriteStamped is Write with the result's stamp on the 参数 sheet: the
// scenario, each override, the hash and the version.
func WriteStamped(w io.Writer, res *formula.Result, st *report.Stamp) error {
	return write(w, res, st, maxLineRows)
}

// write is WriteStamped with lineRows lines a sheet of lines.
func write(w io.Writer, res *formula.Result, st *report.Stamp, lineRows int) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return zipsort.New(w) })
	x := &xlsx{f: f, res: res, stamp: st, lineRows: lineRows}
	if err := x.styles(); err != nil {
		return err
	}
	for _, step := range []func() error{x.allocations, x.lines, x.parameters} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	return nil
}

// xlsx builds one workbook; the first error stops it.
type xlsx struct {
	f                                 *excelize.File
	res                               *formula.Result
	stamp                             *report.Stamp
	header, amount, totalText, totalN int // style ids
	lineRows                          int // lines a sheet of lines holds: maxLineRows but in tests
}

func (x *xlsx) styles() error {
	numFmt := 3 // #,##0
	if -x.res.Unit.Exponent() > 0 {
		numFmt = 4 // #,##0.00
	}
	border := []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&x.header, &excelize.Style{Font: &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&x.amount, &excelize.Style{NumFmt: numFmt}},
		{&x.totalText, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border}},
		{&x.totalN, &excelize.Style{NumFmt: numFmt, Font: &excelize.Font{Bold: true}, Border: border}},
	} {
		id, err := x.f.NewStyle(s.style)
		if err != nil {
			return fmt.Errorf("xlsx: style: %w", err)
		}
		*s.id = id
	}
	return nil
}

// sheet creates a sheet with a bold header row, frozen above the rest and
// left of column freezeCols+1.
func (x *xlsx) sheet(name string, header []string, freezeCols int) error {
	if _, err := x.f.NewSheet(name); err != nil {
		return fmt.Errorf("xlsx: sheet %s: %w", name, err)
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = h
	}
	if err := x.f.SetSheetRow(name, "A1", &row); err != nil {
		return fmt.Errorf("xlsx: %s header: %w", name, err)
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	if err := x.f.SetCellStyle(name, "A1", last, x.header); err != nil {
		return fmt.Errorf("xlsx: %s header: %w", name, err)
	}
	topLeft, _ := excelize.CoordinatesToCellName(freezeCols+1, 2)
	pane := "bottomLeft"
	if freezeCols > 0 {
		pane = "bottomRight"
	}
	if err := x.f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: freezeCols, YSplit: 1,
		TopLeftCell: topLeft, ActivePane: pane}); err != nil {
		return fmt.Errorf("xlsx: %s panes: %w", name, err)
	}
	return nil
}

// cell writes one value with a style: a decimal.Decimal as an exact number
// (see WriteXLSX), anything else as excelize writes it.
func (x *xlsx) cell(sheet string, col, row int, v any, style int) error {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if d, ok := v.(decimal.Decimal); ok {
		v = exactNumber(d)
	}
	if err := x.f.SetCellValue(sheet, name, v); err != nil {
		return fmt.Errorf("xlsx: %s!%s: %w", sheet, name, err)
	}
	if style != 0 {
		if err := x.f.SetCellStyle(sheet, name, name, style); err != nil {
			return fmt.Errorf("xlsx: %s!%s: %w", sheet, name, err)
		}
	}
	return nil
}

// exactNumber returns d as a float64 when the shortest text of that
// float64 (what excelize writes into the file) is d exactly, else d's
// decimal text.
func exactNumber(d decimal.Decimal) any {
	v := d.InexactFloat64()
	back, err := decimal.NewFromString(strconv.FormatFloat(v, 'f', -1, 64))
	if err == nil && back.Equal(d) && d.NumDigits() <= 15 {
		return v
	}
	return d.String()
}

// allocations streams 分配结果: a row a sub-district and the 合计 row,
// measured first for the column widths.
func (x *xlsx) allocations() error {
	header := report.HeaderOf(x.res, true) // with transfers and managed where the plan has them (SPEC §6)
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = runewidth.StringWidth(h)
	}
	f := numfmt.NewFmt(x.res)
	n := len(x.res.Subdistricts)
	for i := range n + 1 {
		widen(widths, f, x.allocationValues(i))
	}
	s, err := x.newStream(SheetAllocations, header, widths, 40, 2)
	if err != nil {
		return err
	}
	for i := range n {
		if err := s.row(x.allocationValues(i), 0, x.amount); err != nil {
			return err
		}
	}
	if err := s.row(x.allocationValues(n), x.totalText, x.totalN); err != nil {
		return err
	}
	return s.end()
}

// allocationValues are the cells of sub-district i's row, or of the 合计
// row for i = the number of sub-districts.
func (x *xlsx) allocationValues(i int) []any {
	p := x.res.Plan
	transfers, managed := p != nil && p.HasTransfers(), p != nil && p.HasDistrictManaged()
	amounts := func(c [len(formula.ComponentNames)]decimal.Decimal, tr, total, mg decimal.Decimal) []any {
		var vals []any
		for _, v := range c {
			vals = append(vals, v)
		}
		if transfers {
			vals = append(vals, tr)
		}
		vals = append(vals, total)
		if managed {
			vals = append(vals, mg)
		}
		return vals
	}
	if i < len(x.res.Subdistricts) {
		a := &x.res.Subdistricts[i]
		return append([]any{a.ID, a.Name}, amounts(a.Components(), a.Transfers, a.Total, a.Managed)...)
	}
	t := x.res.Totals()
	n := len(formula.ComponentNames)
	return append([]any{"合计", ""}, amounts([len(formula.ComponentNames)]decimal.Decimal(t[:n]), x.res.Transfers, t[n], x.res.DistrictManaged)...)
}

// row writes one row: text with textStyle, decimals with amountStyle.
// It widens widths to the row's display widths.
func (x *xlsx) row(sheet string, row int, vals []any, textStyle, amountStyle int, widths []int) error {
	f := numfmt.NewFmt(x.res)
	for col, v := range vals {
		style, w := textStyle, 0
		switch v := v.(type) {
		case decimal.Decimal:
			style, w = amountStyle, len(numfmt.Group(f.Amount(v)))
		case string:
			w = runewidth.StringWidth(v)
		}
		if err := x.cell(sheet, col+1, row, v, style); err != nil {
			return err
		}
		if col < len(widths) {
			widths[col] = max(widths[col], w)
		}
	}
	return nil
}

// widths sets each column to its widest content plus a margin, at most
// limit characters.
func (x *xlsx) widths(sheet string, widths []int, limit int) error {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.f.SetColWidth(sheet, col, col, float64(min(w+3, limit))); err != nil {
			return fmt.Errorf("xlsx: %s width: %w", sheet, err)
		}
	}
	return nil
}

// itemNames maps each stage's line items to the names the plan gives them
// (formula.Plan.ItemNames); an indicator's line is named by its factor and
// the indicator's label, "工作任务量·社区数", as on the dashboard.
func itemNames(p *formula.Plan) formula.ItemNames {
	m := p.ItemNames()
	if p == nil {
		return m
	}
	for _, f := range p.Factors {
		for _, ind := range f.Indicators {
			if label := m.Of(formula.StageBlock, ind.Quantity); label != "" {
				m[formula.StageBlock][ind.Quantity] = f.Name + "·" + label
			} else {
				m[formula.StageBlock][ind.Quantity] = f.Name
			}
		}
	}
	return m
}

func (x *xlsx) parameters() error {
	const s = SheetParameters
	if err := x.sheet(s, []string{"项目", "数值"}, 0); err != nil {
		return err
	}
	r, p := x.res, x.res.Plan
	rows := [][]any{
		{"测算方案", p.Name},
		{"区", p.District},
		{"年度", p.FiscalYear},
		{"计算单位(元)", r.Unit.String()},
		{"街道数", len(r.Subdistricts)},
		{"可用财力", r.Capacity},
		{"预备费", r.Reserve},
		{"可分配财力", r.Available},
		{"项目资金池", r.Pool},
		{"激励", r.IncentivePool},
		{"因素分配资金", r.BlockPool},
		{"绩效预留", r.PerformanceReserve},
		{"封顶调减留存资金", r.DampingReserve},
	}
	rows = append(rows, x.stampRows()...)
	widths := []int{4, 4}
	for i, vals := range rows {
		if err := x.row(s, i+2, vals, 0, x.amount, widths); err != nil {
			return err
		}
	}
	return x.widths(s, widths, 60)
}

// stampRows are the stamp's rows of 参数: what the result is.
func (x *xlsx) stampRows() [][]any {
	st := x.stamp
	if st == nil {
		return nil
	}
	scenario := "方案原值 (无调整)"
	switch {
	case st.Scenario != "":
		scenario = st.Scenario
	case len(st.Overrides) > 0:
		scenario = "情景测算 (调整见下)"
	}
	rows := [][]any{{"情景", scenario}}
	for i, o := range st.Overrides {
		rows = append(rows, []any{fmt.Sprintf("调整 %d", i+1), o})
	}
	return append(rows, []any{"校验码 sha256", st.SHA256}, []any{"caili 版本", st.Version})
}
