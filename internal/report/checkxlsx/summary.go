package checkxlsx

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Rows of the district figures on the 汇总 sheet.
const (
	srCapacity = 3 + iota
	srReserve
	srAvailable
	srPersonnel
	srPublic
	srPool
	srProjects
	srIncentive
	srBlock
	srPerfReserve
	srDampReserve
	srTotal
	srIdentity
	srRejected
	srChecks
	srTable = srChecks + 2 // the sub-districts' header
)

// layoutSummary fixes the cells of the district figures that the stages
// read, before any stage is written.
func (b *book) layoutSummary() {
	b.available = qual(SheetSummary, 2, srAvailable)
	b.pool = qual(SheetSummary, 2, srPool)
}

// summary writes 汇总: the district figures, each with caili's and a
// check, the accounting identity (rules §1.4), the rejections (§3.9), the
// count of checks that differ, and per sub-district the six components
// and the total.
func (b *book) summary() {
	const s = SheetSummary
	in, res := b.in, b.res
	n := len(b.p.Subdistricts)
	t0, t1 := srTable+1, srTable+n
	tot := func(c int) string { return "SUM(" + absName(c, t0) + ":" + absName(c, t1) + ")" }
	b.titleRow(s, 1, sumTitle)
	b.headerRow(s, 2, sumHead...)
	totals := res.Totals()
	rows := []struct { // labelled and explained by sumRows, in order
		row  int
		f    string
		want *decimal.Decimal
	}{
		{srCapacity, in.capacity, &res.Capacity},
		{srReserve, b.round(in.capacity + "*" + in.reserveRate), &res.Reserve},
		{srAvailable, "B3-B4", &res.Available},
		{srPersonnel, tot(3), &totals[0]},
		{srPublic, tot(4), &totals[1]},
		{srPool, "B5-B6-B7", &res.Pool},
		{srProjects, tot(5), &totals[2]},
		{srIncentive, b.incentivePool, &res.IncentivePool},
		{srBlock, b.blockPool, &res.BlockPool},
		{srPerfReserve, b.perfReserve, &res.PerformanceReserve},
		{srDampReserve, b.dampReserve, &res.DampingReserve},
		{srTotal, tot(9), &totals[6]},
		{srIdentity, "B14+B4+B12+B13-B3", &decimal.Zero},
	}
	for k, row := range rows {
		b.set(s, 1, row.row, sumRows[k][0])
		b.formula(s, 2, row.row, row.f)
		b.check(s, 3, row.row, cellName(2, row.row), *row.want)
		b.set(s, 5, row.row, sumRows[k][1])
	}
	b.checkColumn(s, 4, srCapacity, srIdentity)
	b.set(s, 1, srRejected, rowRefusal)
	b.formula(s, 2, srRejected, fmt.Sprintf(fmlSumRefusal,
		qual(SheetTiers, tcCheck+6, tierRow(0)), b.stageRejections()))
	b.set(s, 5, srRejected, sumPassed)
	b.subdistrictTotals(t0)
	if terms := b.moneySummary(t0); terms != "" {
		b.formula(s, 2, srIdentity, "B14+B4+B12+B13-B3"+terms)
	}
	b.set(s, 1, srChecks, sumChecks)
	counts := make([]string, len(b.checks))
	for k, c := range b.checks {
		counts[k] = fmt.Sprintf(`COUNTIF(%s,"%s")`, c, Differ)
	}
	b.formula(s, 2, srChecks, fmt.Sprintf(fmlSumChecks, sum(counts), sum(counts)))
	b.widths(s, 18, 18, 18, 10, 50, 14, 14, 14, 14, 14, 14, 8)
}

// stageRejections is the condition that no later stage rejects the plan.
func (b *book) stageRejections() string {
	conds := []string{fmt.Sprintf(fmlPassed, qual(SheetBlock, 2, 8))}
	if b.p.Damping != nil {
		conds = append(conds, fmt.Sprintf(fmlPassed, qual(SheetDamping, 2, 7)))
	}
	return strings.Join(conds, ",")
}

// subdistrictTotals writes per sub-district the six components and the
// total, from row t0.
func (b *book) subdistrictTotals(t0 int) {
	const s = SheetSummary
	b.headerRow(s, t0-1, sumTotalsHead...)
	for i, sd := range b.p.Subdistricts {
		r := t0 + i
		b.set(s, 1, r, sd.ID)
		b.set(s, 2, r, sd.Name)
		for k, c := range []string{b.personnelSum[i], b.publicSum[i], b.projectSum[i], b.incentive[i], b.block[i], b.damping[i]} {
			b.formula(s, 3+k, r, c)
		}
		total := fmt.Sprintf("SUM(%s:%s)", cellName(3, r), cellName(8, r))
		if b.p.HasTransfers() {
			total += "+" + cellName(12, r)
		}
		b.formula(s, 9, r, total)
		b.check(s, 10, r, cellName(9, r), b.res.Subdistricts[i].Total)
	}
	b.checkColumn(s, 11, t0, t0+len(b.p.Subdistricts)-1)
}
