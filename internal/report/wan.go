package report

import (
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
)

// Unit is the unit amounts are shown to a person in. The computed amounts
// are in 元 and stay so (JSON's amounts are always 元); 万元 is for what a
// person reads: two decimals, rows rounded with 尾差 so that they add up
// (numfmt.RoundWanTable).
type Unit uint8

// The units.
const (
	UnitYuan Unit = iota // 元, as computed (the default)
	UnitWan              // 万元, two decimals, rounded to add up
)

// ParseUnit reads a unit's name: 元 or yuan, 万元 or wan ("" is 元).
func ParseUnit(s string) (Unit, bool) {
	s = strings.TrimSpace(s)
	switch {
	case s == "" || s == msg.UnitYuan.In(msg.Zh) || strings.EqualFold(s, msg.UnitYuan.In(msg.En)):
		return UnitYuan, true
	case s == msg.UnitWan.In(msg.Zh) || strings.EqualFold(s, msg.UnitWan.In(msg.En)):
		return UnitWan, true
	}
	return UnitYuan, false
}

// UnitNames are the units' names, for a message listing the choices.
func UnitNames() []string { return []string{msg.UnitYuan.In(msg.Zh), msg.UnitWan.In(msg.Zh)} }

// wanFmt formats amounts already in 万元 with two decimals.
var wanFmt = numfmt.NewFmt(&formula.Result{Unit: decimal.New(1, -2)})

// WanColumns are the columns of an allocation table that add up to each
// sub-district's total, one row a sub-district, in 元: the components and,
// when the plan has transfers (rules §6, part of the total), the
// transfers; labels are their Chinese headings and excluded says which
// lie outside the damping measure of a plan whose damping excludes them
// (transfers always do). The 万元 tables (calc, the 人大 table, the
// notices) round these, so that they agree with each other.
func WanColumns(r *formula.Result) (cells [][]decimal.Decimal, labels []string, excluded []bool) {
	transfers, _ := moneyColumns(r)
	labels = slices.Clone(formula.ComponentLabels[:])
	excluded = make([]bool, len(labels))
	if d := r.Plan; d != nil && d.Damping != nil {
		for _, x := range d.Damping.Exclude {
			if k := slices.Index(formula.ComponentNames[:], x); k >= 0 {
				excluded[k] = true
			}
		}
	}
	if transfers {
		labels = append(labels, msg.RepColTransfers.In(msg.Zh))
		excluded = append(excluded, true)
	}
	cells = make([][]decimal.Decimal, len(r.Subdistricts))
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		c := a.Components()
		cells[i] = c[:]
		if transfers {
			cells[i] = append(cells[i], a.Transfers)
		}
	}
	return cells, labels, excluded
}

// WanRows is the allocation table of Rows in 万元, in the columns of
// HeaderOf: the components (and transfers) rounded to two decimals so
// that every row adds up to its total and every column to its total
// (numfmt.RoundWanTable); the district-managed column, which is not part
// of the total, rounded on its own to add up to its total
// (numfmt.LargestRemainder). Amounts without separators.
func WanRows(r *formula.Result) ([][]string, error) {
	_, managed := moneyColumns(r)
	cells, _, _ := WanColumns(r)
	t, err := numfmt.RoundWanTable(cells)
	if err != nil {
		return nil, err
	}
	var mg []int64
	var mgTotal int64
	if managed {
		xs := make([]decimal.Decimal, len(r.Subdistricts))
		for i := range r.Subdistricts {
			xs[i] = r.Subdistricts[i].Managed
		}
		mg, mgTotal = numfmt.LargestRemainder(xs)
	}
	row := func(id, name string, cells []int64, total int64, m func() int64) []string {
		out := []string{id, name}
		for _, c := range cells {
			out = append(out, numfmt.WanPlain(c))
		}
		out = append(out, numfmt.WanPlain(total))
		if managed {
			out = append(out, numfmt.WanPlain(m()))
		}
		return out
	}
	rows := make([][]string, 0, len(r.Subdistricts)+1)
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		rows = append(rows, row(a.ID, a.Name, t.Cells[i], t.RowTotals[i], func() int64 { return mg[i] }))
	}
	return append(rows, row("total", msg.RepColTotal.In(msg.Zh), t.ColTotals, t.Total, func() int64 { return mgTotal })), nil
}

// WriteCSVWan is WriteCSV in 万元 (WanRows): the title row says the unit
// and how the rows were rounded, after the stamp's title if any.
func WriteCSVWan(w io.Writer, r *formula.Result, opts CSVOptions) error {
	rows, err := WanRows(r)
	if err != nil {
		return err
	}
	opts.Title = wanTitle(opts.Title)
	return writeCSV(w, HeaderOf(r, opts.ZH), rows, opts)
}

// wanTitle is a CSV title row in 万元: the title, if any, then the note.
func wanTitle(title string) string {
	if title != "" {
		return title + " | " + msg.RepWanNote.In(msg.Zh)
	}
	return msg.RepWanNote.In(msg.Zh)
}

// WriteTableWan is WriteTableStamped in 万元, with the note under it.
func WriteTableWan(w io.Writer, r *formula.Result, st *Stamp) error {
	rows, err := WanRows(r)
	if err != nil {
		return err
	}
	var b strings.Builder
	p := r.Plan
	b.WriteString(p.Name + "  ")
	if p.FiscalYear > 0 {
		b.WriteString(msg.RepYearUnitWan.In(msg.Zh, p.FiscalYear))
	} else {
		b.WriteString(msg.RepUnitWanOnly.In(msg.Zh))
	}
	if st.WhatIf() {
		b.WriteString("\n" + st.Title())
	}
	b.WriteString("\n\n")
	for _, row := range rows {
		for k := 2; k < len(row); k++ {
			row[k] = numfmt.Group(row[k])
		}
	}
	header := HeaderOf(r, true)
	total := rows[len(rows)-1][slices.Index(header, msg.RepColTotal.In(msg.Zh))]
	writeAligned(&b, header, rows, 2, true)
	b.WriteString("\n")
	summary := summaryRows(r, wanOne, total)
	writeAligned(&b, nil, summary, 1, false)
	b.WriteString("\n" + msg.RepWanNote.In(msg.Zh) + "\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// wanOne is one amount alone in 万元, rounded half away from zero.
func wanOne(d decimal.Decimal) string { return numfmt.WanText(numfmt.RoundWanTotal(d)) }

// sideCells are the components of a comparison's side in 元, one row
// per sub-district of the base (a sub-district the side lacks is zero).
// With transfers (rules §6, part of the total) they follow the
// components, so that a row adds up to its total.
func sideCells(base, side *formula.Result, transfers bool) [][]decimal.Decimal {
	cells := make([][]decimal.Decimal, len(base.Subdistricts))
	for i := range base.Subdistricts {
		a, ok := side.Find(base.Subdistricts[i].ID)
		if !ok {
			a = &formula.Allocation{}
		}
		c := a.Components()
		cells[i] = c[:]
		if transfers {
			cells[i] = append(cells[i], a.Transfers)
		}
	}
	return cells
}

// NewCompareWan is NewCompare in 万元. The base's table and the table of
// changes are each rounded with 尾差 (their rows and columns add up, an
// unchanged amount shows no change); the scenario is shown as the base
// plus the change, so that it adds up too and every row reads 基准 + 变化
// = 方案. The change in per cent is of the exact amounts; the district's
// amounts are each rounded alone.
func NewCompareWan(c Comparison) (*CompareJSON, error) {
	exact := NewCompare(c)
	base := sideCells(c.Base, c.Base, exact.money.transfers)
	scen := sideCells(c.Base, c.Scenario, exact.money.transfers)
	change := make([][]decimal.Decimal, len(base))
	for i := range base {
		change[i] = make([]decimal.Decimal, len(base[i]))
		for k := range base[i] {
			change[i][k] = scen[i][k].Sub(base[i][k])
		}
	}
	bt, err := numfmt.RoundWanTable(base)
	if err != nil {
		return nil, err
	}
	ct, err := numfmt.RoundWanTable(change)
	if err != nil {
		return nil, err
	}
	one := func(d decimal.Decimal) string { return numfmt.WanPlain(numfmt.RoundWanTotal(d)) }
	oneD := func(d decimal.Decimal) string { return one(d) }
	m := exact.money
	doc := &CompareJSON{Plan: exact.Plan, FiscalYear: exact.FiscalYear, Base: districtSide(oneD, m, c.Base), Scenario: districtSide(oneD, m, c.Scenario),
		wan: true, money: m, Where: exact.Where}
	if exact.Change != nil {
		ch := districtJSON(oneD, m, districtChange(c))
		doc.Change = &ch
	}
	mgRows, mgTotal := managedChangeWan(c, m)
	row := func(id, name string, b, d []int64, btot, dtot int64, pct string) CompareRow {
		var bc, sc [len(formula.ComponentNames)]decimal.Decimal
		for k := range min(len(b), len(bc)) {
			bc[k], sc[k] = decimal.New(b[k], -2), decimal.New(b[k]+d[k], -2)
		}
		r := compareRow(wanFmt, id, name, bc, decimal.New(btot, -2), sc, decimal.New(btot+dtot, -2))
		r.ChangePct = pct
		if m.transfers && len(d) > len(bc) {
			r.Components.Transfers = optAmount(wanFmt, true, decimal.New(d[len(bc)], -2))
		}
		return r
	}
	for i, e := range exact.Subdistricts {
		r := row(e.ID, e.Name, bt.Cells[i], ct.Cells[i], bt.RowTotals[i], ct.RowTotals[i], e.ChangePct)
		if m.managed {
			r.Components.Managed = optAmount(wanFmt, true, decimal.New(mgRows[i], -2))
		}
		doc.Subdistricts = append(doc.Subdistricts, r)
	}
	doc.Totals = row(exact.Totals.ID, exact.Totals.Name, bt.ColTotals, ct.ColTotals, bt.Total, ct.Total, exact.Totals.ChangePct)
	if m.managed {
		doc.Totals.Components.Managed = optAmount(wanFmt, true, decimal.New(mgTotal, -2))
	}
	return doc, nil
}

// compareTitle is a comparison table's title after the plan's name.
func (c *CompareJSON) compareTitle() string {
	if c.wan {
		return msg.RepCompareTitleWan.In(msg.Zh)
	}
	return msg.RepCompareTitle.In(msg.Zh)
}

// compareNote is the note under a comparison table: how 万元 were
// rounded, or nothing.
func (c *CompareJSON) compareNote() string {
	if c.wan {
		return "\n" + msg.RepWanNote.In(msg.Zh) + "\n"
	}
	return ""
}
