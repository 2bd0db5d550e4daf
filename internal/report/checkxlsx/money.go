package checkxlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// This file writes what rules §6 (where the money goes) adds to the
// workbook, and only in a plan that has the table in question, so that
// the workbook of any other plan is as before: [block] amount and the
// district pool, tier caps on the available capacity, district-managed
// projects, execution-rate cuts and earmarked transfers.

// sheets are the workbook's sheets, in order: 专项转移支付 last in a plan
// with transfers.
func (b *book) sheets() []string {
	if b.p.HasTransfers() {
		return append(slices.Clone(sheetOrder), SheetTransfers)
	}
	return sheetOrder
}

// moneyParams writes the 输入 parameters of rules §6: block.amount and
// tiers.cap_base.
func (b *book) moneyParams(row *int) {
	p, in := b.p, b.in
	if p.KeepsDistrictPool() {
		in.blockAmount = b.param(row, inBlockAmount, *p.Block.Amount, inBlockAmountNote)
	}
	if p.TierCapBase == formula.CapAvailable {
		in.capBase = b.param(row, inCapBase, p.TierCapBase.String(), inCapBaseNote)
	}
}

// moneyTables writes the 输入 tables of rules §6: the execution bands and
// the transfers.
func (b *book) moneyTables(row int) int {
	const s = SheetInputs
	p, in := b.p, b.in
	if pe := p.ProjectExecution; pe != nil {
		first, next := b.table(row, inExecTitle, inExecHead, len(pe.Bands),
			func(k int) []any { return []any{pe.Bands[k].Below, pe.Bands[k].Coefficient} })
		last := first + len(pe.Bands) - 1
		in.bandBelow, in.bandCoef, in.nBands = qualRange(s, 1, first, last), qualRange(s, 2, first, last), len(pe.Bands)
		row = next
	}
	if p.HasTransfers() {
		first, next := b.table(row, inTransferTitle, inTransferHead, len(p.Transfers),
			func(k int) []any {
				t := p.Transfers[k]
				return []any{t.ID, t.Name, t.Amount, strings.Join(t.Basis, ", ")}
			})
		for k := range p.Transfers {
			in.transferAmount = append(in.transferAmount, qual(s, 3, first+k))
		}
		row = next
	}
	return row
}

// executionHeader adds the execution-rate columns, one a project, to the
// sub-districts' header in a plan with [project_execution].
func (b *book) executionHeader(header []string) []string {
	if b.p.ProjectExecution == nil {
		return header
	}
	for _, pr := range b.p.Projects {
		header = append(header, inExecPrefix+named(pr.Name, pr.ID))
	}
	return header
}

// executionRates writes sub-district i's execution rates at row r from
// column c0.
func (b *book) executionRates(i, r, c0 int) {
	const s = SheetInputs
	p, in := b.p, b.in
	if p.ProjectExecution == nil {
		return
	}
	rates := make([]string, len(p.Projects))
	for j, pr := range p.Projects {
		if v, ok := p.Subdistricts[i].Execution[pr.ID]; ok {
			b.set(s, c0+j, r, v)
		}
		rates[j] = qual(s, c0+j, r)
	}
	in.execRate = append(in.execRate, rates)
}

// Columns of the 项目经费 sheet after the check, in a plan with
// district-managed projects or execution cuts.
const (
	colManaged  = colItemSum + 3
	colExecRate = colItemSum + 4
	colExecCoef = colItemSum + 5
)

// itemMoney writes the columns of rules §6 of the 项目经费 row r (sub-
// district i, project j) and returns the demand's factor for the
// execution cut ("" without [project_execution]).
func (b *book) itemMoney(i, j, r int) string {
	const s = SheetProjects
	in := b.in
	if in.projManaged != nil {
		b.formula(s, colManaged, r, in.projManaged[j])
	}
	if in.execRate == nil {
		return ""
	}
	rate := in.execRate[i][j]
	b.formula(s, colExecRate, r, fmt.Sprintf(`IF(%s="","",%s)`, rate, rate))
	k := fmt.Sprintf("SUMPRODUCT((%s<=%s)*1)+1", in.bandBelow, cellName(colExecRate, r))
	b.formula(s, colExecCoef, r, fmt.Sprintf(`IF(%s="",1,IF(%s>%d,1,INDEX(%s,%s)))`,
		cellName(colExecRate, r), k, in.nBands, in.bandCoef, k))
	return "*" + cellName(colExecCoef, r)
}

// projectHeaderMoney adds the 项目经费 header's columns of rules §6.
func (b *book) projectHeaderMoney(header []string) []string {
	if b.in.projManaged == nil && b.in.execRate == nil {
		return header
	}
	header = append(header, projManaged)
	if b.in.execRate != nil {
		header = append(header, projExecRate, projExecCoef)
	}
	return header
}

// splitManaged sets sub-district i's projects (what is not district-
// managed) and managed sums over its 项目经费 rows first–last.
func (b *book) splitManaged(i, first, last int) {
	if b.in.projManaged == nil || last < first {
		return
	}
	flags, amounts := qualRange(SheetProjects, colManaged, first, last), qualRange(SheetProjects, colItemSum, first, last)
	b.projectSum[i] = fmt.Sprintf(`SUMPRODUCT((%s<>"%s")*%s)`, flags, inDistrict, amounts)
	b.managed[i] = fmt.Sprintf(`SUMPRODUCT((%s="%s")*%s)`, flags, inDistrict, amounts)
}

// capBase is the reference a tier's max_share multiplies: the pool, or
// with cap_base available the available capacity.
func (b *book) capBase() string {
	if b.in.capBase == "" {
		return b.pool
	}
	return fmt.Sprintf(`IF(%s="available",%s,%s)`, b.in.capBase, b.available, b.pool)
}

// blockLimit returns the formula of 因素法!B2, what stage 6 starts from:
// the remaining, or with [block] amount R = min(amount, remaining), the
// remaining before the limit then at G2 and the district pool remaining
// − R, with its check, in row 9.
func (b *book) blockLimit() string {
	if b.in.blockAmount == "" {
		return b.blockStart
	}
	const s = SheetBlock
	b.set(s, 6, 2, blockLimitedStart)
	b.formula(s, 7, 2, b.blockStart)
	b.set(s, 1, 9, blockDistrictPool)
	b.formula(s, 2, 9, "G2-B2")
	b.check(s, 3, 9, "B9", b.res.DistrictPool)
	b.checkColumn(s, 4, 9, 9)
	b.districtPool = qual(s, 2, 9)
	return fmt.Sprintf("MIN(%s,G2)", b.in.blockAmount)
}

// transfersSheet writes 专项转移支付 (rules §6): per transfer, each sub-
// district's Σ basis w and its share LR(amount, w).
func (b *book) transfersSheet() {
	const s = SheetTransfers
	p, in := b.p, b.in
	n := len(p.Subdistricts)
	b.transfers = make([][]string, n)
	if !p.HasTransfers() {
		return
	}
	b.titleRow(s, 1, transferTitle)
	b.headerRow(s, 2, slices.Concat(transferHead, lrHeader, transferTail)...)
	r := 3
	for t, tr := range p.Transfers {
		first := r
		for i, sd := range p.Subdistricts {
			b.set(s, 1, r, sd.ID)
			b.set(s, 2, r, sd.Name)
			b.set(s, 3, r, tr.ID)
			b.formula(s, 4, r, in.basis(p, i, tr.Basis))
			b.formula(s, 5, r, in.transferAmount[t])
			want := lineAmount(&b.res.Subdistricts[i], formula.StageTransfers, tr.ID)
			b.check(s, 6+lrWidth, r, cellName(9, r), want)
			b.transfers[i] = append(b.transfers[i], qual(s, 9, r))
			r++
		}
		b.lr(s, first, r-1, 4, 6, absName(5, first), false)
	}
	b.checkColumn(s, 7+lrWidth, 3, r-1)
	b.freeze(s, 4, 3)
	b.widths(s, 12, 14, 18, 14, 14, 12, 12, 10, 12)
}

// moneySummary writes the 汇总 sheet's columns and rows of rules §6: per
// sub-district its transfers (part of its total) and district-managed
// amount (not), below the table the district pool, the managed and the
// transfers; it returns the terms the identity adds (and subtracts).
func (b *book) moneySummary(t0 int) string {
	const s = SheetSummary
	p, res := b.p, b.res
	pool, managed, transfers := p.KeepsDistrictPool(), p.HasDistrictManaged(), p.HasTransfers()
	if !pool && !managed && !transfers {
		return ""
	}
	n := len(p.Subdistricts)
	t1 := t0 + n - 1
	if managed || transfers {
		for k, h := range sumMoneyColumns {
			b.set(s, 12+k, t0-1, h)
		}
		b.style(s, 12, t0-1, 11+len(sumMoneyColumns), t0-1, b.header)
		for i := range p.Subdistricts {
			r, a := t0+i, &res.Subdistricts[i]
			b.formula(s, 12, r, sum(b.transfers[i]))
			b.check(s, 13, r, cellName(12, r), a.Transfers)
			b.formula(s, 15, r, b.managed[i])
			b.check(s, 16, r, cellName(15, r), a.Managed)
		}
		b.checkColumn(s, 14, t0, t1)
		b.checkColumn(s, 17, t0, t1)
	}
	row := t1 + 2
	b.titleRow(s, row, sumMoneyTitle)
	var terms string
	add := func(label, how, f string, want decimal.Decimal, sign string) {
		row++
		b.set(s, 1, row, label)
		b.formula(s, 2, row, f)
		b.check(s, 3, row, cellName(2, row), want)
		b.checkColumn(s, 4, row, row)
		b.set(s, 5, row, how)
		terms += sign + absName(2, row)
	}
	col := func(c int) string { return "SUM(" + absName(c, t0) + ":" + absName(c, t1) + ")" }
	if pool {
		add(sumDistrictPool, sumDistrictPoolF, b.districtPool, res.DistrictPool, "+")
	}
	if managed {
		add(sumManaged, sumManagedF, col(15), res.DistrictManaged, "+")
	}
	if transfers {
		add(sumTransfers, sumTransfersF, sum(b.in.transferAmount), res.Transfers, "-")
	}
	b.set(s, 5, srIdentity, sumIdentityMoney)
	return terms
}
