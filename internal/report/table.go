package report

import (
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"

	"github.com/mattn/go-runewidth"

	"github.com/caili/caili/formula"
)

// WriteTable writes the allocation table for a terminal: Chinese headers,
// columns aligned by display width (a Chinese character is two columns),
// amounts right-aligned with digits grouped in thousands, and a summary of
// the district's reserves.
func WriteTable(w io.Writer, r *formula.Result) error {
	return WriteTableStamped(w, r, nil)
}

// WriteTableStamped is WriteTable with the stamp under the title when the
// result is a what-if, so that it is never taken for the plan itself.
func WriteTableStamped(w io.Writer, r *formula.Result, st *Stamp) error {
	var b strings.Builder
	p := r.Plan
	f := numfmt.NewFmt(r)
	b.WriteString(p.Name)
	writeYear(&b, p.FiscalYear)
	if st.WhatIf() {
		b.WriteString("\n" + st.Title())
	}
	b.WriteString("\n\n")
	rows := Rows(r)
	header := HeaderOf(r, true)
	total := rows[len(rows)-1][slices.Index(header, msg.RepColTotal.In(msg.Zh))]
	for _, row := range rows {
		for k := 2; k < len(row); k++ {
			row[k] = numfmt.Group(row[k])
		}
	}
	writeAligned(&b, header, rows, 2, true)
	b.WriteString("\n")
	summary := summaryRows(r, func(d decimal.Decimal) string { return numfmt.Group(f.Amount(d)) }, numfmt.Group(total))
	writeAligned(&b, nil, summary, 1, false)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeAligned pads columns to their display width; columns from numFrom
// on are right-aligned. With totals, a rule sets off the last row.
func writeAligned(b *strings.Builder, header []string, rows [][]string, numFrom int, totals bool) {
	all := rows
	if header != nil {
		all = append([][]string{header}, rows...)
	}
	var widths []int
	for _, row := range all {
		for k, c := range row {
			if k >= len(widths) {
				widths = append(widths, 0)
			}
			widths[k] = max(widths[k], runewidth.StringWidth(c))
		}
	}
	line := func(row []string) {
		for k, c := range row {
			pad := strings.Repeat(" ", widths[k]-runewidth.StringWidth(c))
			if k > 0 {
				b.WriteString("  ")
			}
			if k >= numFrom {
				b.WriteString(pad + c)
			} else if k == len(row)-1 {
				b.WriteString(c)
			} else {
				b.WriteString(c + pad)
			}
		}
		b.WriteString("\n")
	}
	if header != nil {
		line(header)
		total := 0
		for _, wd := range widths {
			total += wd
		}
		b.WriteString(strings.Repeat("─", total+2*(len(widths)-1)) + "\n")
	}
	for i, row := range rows {
		if totals && i == len(rows)-1 {
			total := 0
			for _, wd := range widths {
				total += wd
			}
			b.WriteString(strings.Repeat("─", total+2*(len(widths)-1)) + "\n")
		}
		line(row)
	}
}

// writeYear writes a title's fiscal year and unit, when the plan has a year.
func writeYear(b *strings.Builder, year int64) {
	if year > 0 {
		b.WriteString("  " + msg.RepYearUnit.In(msg.Zh, year))
	}
}

// zh renders headings of the message table in Chinese, the reports'
// language.
func zh(ms ...msg.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.In(msg.Zh)
	}
	return out
}

// summaryRows are the lines under an allocation table: capacity, the
// reserves, the district figures of rules §6 where the plan has them, and
// the sub-districts' total (given, as the table shows it); amount says
// each amount in the table's unit.
func summaryRows(r *formula.Result, amount func(decimal.Decimal) string, total string) [][]string {
	summary := [][]string{
		{msg.RepSumCapacity.In(msg.Zh), amount(r.Capacity)},
		{msg.RepSumReserve.In(msg.Zh), amount(r.Reserve)},
		{msg.RepSumPerformanceReserve.In(msg.Zh), amount(r.PerformanceReserve)},
		{msg.RepSumDampingReserve.In(msg.Zh), amount(r.DampingReserve)},
	}
	p := r.Plan
	for _, x := range []struct {
		has bool
		m   msg.Message
		v   decimal.Decimal
	}{
		{p != nil && p.KeepsDistrictPool(), msg.RepSumDistrictPool, r.DistrictPool},
		{p != nil && p.HasDistrictManaged(), msg.RepSumDistrictManaged, r.DistrictManaged},
		{p != nil && p.HasTransfers(), msg.RepSumTransfers, r.Transfers},
	} {
		if x.has {
			summary = append(summary, []string{x.m.In(msg.Zh), amount(x.v)})
		}
	}
	return append(summary, []string{msg.RepSumSubdistricts.In(msg.Zh), total})
}
