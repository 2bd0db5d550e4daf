package checkxlsx

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// lineAmount is the sum of a's lines of stage with item ("" for any
// item): caili's exact figure for a row of the workbook.
func lineAmount(a *formula.Allocation, stage formula.Stage, item string) decimal.Decimal {
	s := decimal.Zero
	for _, l := range a.Lines {
		if l.Stage == stage && (item == "" || l.Item == item) {
			s = s.Add(l.Amount)
		}
	}
	return s
}

// stageLines are the amounts of a's lines of stage, in order.
func stageLines(a *formula.Allocation, stage formula.Stage) []decimal.Decimal {
	var out []decimal.Decimal
	for _, l := range a.Lines {
		if l.Stage == stage {
			out = append(out, l.Amount)
		}
	}
	return out
}

// itemRows writes a sheet of one row per (sub-district, item) pair, with
// the sub-district's id and name and the item's id in columns 1–3; each
// row's formulas come from row. It returns, per sub-district, the formula
// adding its rows' amounts (column amount), and records the check column.
func (b *book) itemRows(sheet string, header []string, items []string, amount int,
	row func(i, k, r int) decimal.Decimal) []string {
	b.headerRow(sheet, 1, slices.Concat(header, itemAmountHead)...)
	sums := make([]string, len(b.p.Subdistricts))
	r := 2
	for i, sd := range b.p.Subdistricts {
		r0 := r
		for k, id := range items {
			b.set(sheet, 1, r, sd.ID)
			b.set(sheet, 2, r, sd.Name)
			b.set(sheet, 3, r, id)
			want := row(i, k, r)
			b.check(sheet, amount+1, r, cellName(amount, r), want)
			r++
		}
		sums[i] = "0"
		if r > r0 {
			sums[i] = "SUM(" + qualRange(sheet, amount, r0, r-1) + ")"
		}
	}
	b.checkColumn(sheet, amount+2, 2, r-1)
	b.freeze(sheet, 4, 2)
	return sums
}

// personnel writes 人员经费 (rules §3.2): per sub-district and staff
// category round(base × (1 + oncost_rate)), base the payroll when given,
// else headcount × annual pay.
func (b *book) personnel() {
	const s = SheetPersonnel
	p, in := b.p, b.in
	ids := make([]string, len(p.Staff))
	for j, st := range p.Staff {
		ids[j] = st.ID
	}
	b.personnelSum = b.itemRows(s, personnelHead, ids, 9, func(i, j, r int) decimal.Decimal {
		b.formula(s, 4, r, in.heads[i][j])
		b.formula(s, 5, r, fmt.Sprintf(`IF(%s="","",%s)`, in.payroll[i][j], in.payroll[i][j]))
		b.formula(s, 6, r, in.staffPay[j])
		b.formula(s, 7, r, in.staffOncost[j])
		b.formula(s, 8, r, fmt.Sprintf(`IF(%s="",%s*%s,%s)`, cellName(5, r), cellName(4, r), cellName(6, r), cellName(5, r)))
		b.formula(s, 9, r, b.round(fmt.Sprintf("%s*(1+%s)", cellName(8, r), cellName(7, r))))
		return lineAmount(&b.res.Subdistricts[i], formula.StagePersonnel, p.Staff[j].ID)
	})
	b.widths(s, 12, 14, 16, 8, 14, 12, 12, 14, 14, 14, 8)
}

// public writes 公用经费 (rules §3.3): per sub-district and quota
// round(rate × Σ basis).
func (b *book) public() {
	const s = SheetPublic
	p, in := b.p, b.in
	ids := make([]string, len(p.Quotas))
	for j, q := range p.Quotas {
		ids[j] = q.ID
	}
	b.publicSum = b.itemRows(s, publicHead, ids, 6, func(i, j, r int) decimal.Decimal {
		b.formula(s, 4, r, in.quotaRate[j])
		b.formula(s, 5, r, in.basis(p, i, p.Quotas[j].Basis))
		b.formula(s, 6, r, b.round(fmt.Sprintf("%s*%s", cellName(4, r), cellName(5, r))))
		return lineAmount(&b.res.Subdistricts[i], formula.StagePublic, p.Quotas[j].ID)
	})
	b.widths(s, 12, 14, 18, 14, 14, 14, 14, 8)
}
