package checkxlsx

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// Columns of the 项目经费 sheet: the item's data, then five columns per
// tier (本档需求 and lr's four) from colTier0, then the item's sum.
const (
	colTierIdx = 4
	colDemand  = 9
	colTier0   = 10
	tierCols   = 1 + lrWidth
	colItemSum = colTier0 + 5*tierCols
)

// Columns of the 项目分档 sheet.
const (
	tcDemand = 2 + iota
	tcDemoted
	tcShare
	tcCap
	tcBefore
	tcBudget
	tcAfter
	tcCheck // caili T, check, caili cap, check, caili budget, check
)

// tierRow is the 项目分档 row of tier t.
func tierRow(t int) int { return 3 + t }

// tiers writes 项目分档 (rules §3.4): per tier its demand T (that demoted
// to it included), cap floor_u(max_share × pool), the remaining before,
// the budget min(T, cap, remaining) (三保: T, or the plan is rejected) and
// the remaining after.
func (b *book) tiers() {
	const s = SheetTiers
	in := b.in
	b.titleRow(s, 1, tierTitle)
	b.headerRow(s, 2, tierHead...)
	nItems := len(b.p.Subdistricts) * len(b.p.Projects)
	r0, r1 := 2, 1+nItems
	for t := range 5 {
		r := tierRow(t)
		dc := colTier0 + tierCols*t
		b.set(s, 1, r, tierLabels[t])
		d := qualRange(SheetProjects, dc, r0, r1)
		idx := qualRange(SheetProjects, colTierIdx, r0, r1)
		if nItems == 0 {
			d, idx = "0", "0"
		}
		b.formula(s, tcDemand, r, "SUM("+d+")")
		b.formula(s, tcDemoted, r, fmt.Sprintf("SUMPRODUCT((%s<>%d)*%s)", idx, t, d))
		before := b.pool
		if t > 0 {
			before = cellName(tcAfter, r-1)
			b.formula(s, tcShare, r, fmt.Sprintf(`IF(%s="","",%s)`, in.tierShare[t], in.tierShare[t]))
			b.formula(s, tcCap, r, fmt.Sprintf(`IF(%s="","",%s)`, cellName(tcShare, r), b.floorU(cellName(tcShare, r)+"*"+b.capBase())))
			b.formula(s, tcBudget, r, fmt.Sprintf(`MIN(%s,%s,IF(%s="",%s,%s))`,
				cellName(tcDemand, r), cellName(tcBefore, r), cellName(tcCap, r), cellName(tcDemand, r), cellName(tcCap, r)))
		} else {
			b.formula(s, tcBudget, r, cellName(tcDemand, r))
			b.formula(s, tcCheck+6, r, fmt.Sprintf(fmlTierRefuse,
				cellName(tcDemand, r), cellName(tcBefore, r), cellName(tcDemand, r), cellName(tcBefore, r)))
		}
		b.formula(s, tcBefore, r, before)
		b.formula(s, tcAfter, r, cellName(tcBefore, r)+"-"+cellName(tcBudget, r))
		b.tierChecks(r, formula.Tier(t))
	}
	b.checkColumn(s, tcCheck+1, 3, 7)
	b.checkColumn(s, tcCheck+5, 3, 7)
	b.afterProjects = qual(s, tcAfter, tierRow(4))
	b.noteRow(s, 9, tierNoteCaps)
	b.noteRow(s, 10, tierNoteEmpty)
	if b.in.capBase != "" {
		b.noteRow(s, 11, tierNoteCapBase)
	}
	b.widths(s, 8, 14, 14, 12, 14, 14, 14, 14, 14, 8, 14, 8, 14, 8, 30)
}

// tierChecks writes caili's figures of tier t beside row r: demand and
// budget (0 for a tier caili skipped) and the cap when caili has one.
func (b *book) tierChecks(r int, t formula.Tier) {
	const s = SheetTiers
	var out *formula.TierOutcome
	for k := range b.res.Tiers {
		if b.res.Tiers[k].Tier == t {
			out = &b.res.Tiers[k]
		}
	}
	demand, budget := decimal.Zero, decimal.Zero
	if out != nil {
		demand, budget = out.Demand, out.Budget
	}
	b.check(s, tcCheck, r, cellName(tcDemand, r), demand)
	switch {
	case out != nil && out.Cap != nil:
		b.check(s, tcCheck+2, r, cellName(tcCap, r), *out.Cap)
	case out != nil:
		b.set(s, tcCheck+2, r, tierNoCap)
		b.formula(s, tcCheck+3, r, fmt.Sprintf(`IF(%s="","%s","%s")`, cellName(tcCap, r), Same, Differ))
	default:
		b.set(s, tcCheck+2, r, tierNoItems)
		b.set(s, tcCheck+3, r, Same)
	}
	b.check(s, tcCheck+4, r, cellName(tcBudget, r), budget)
}

// projects writes 项目经费 (rules §3.4): one row per (sub-district,
// project) item with its demand round(unit_cost × Σ basis × c), then per
// tier its demand in the tier (its own, or with demote what the tier above
// refused it) and its share by largest remainder of the tier's budget.
func (b *book) projects() {
	const s = SheetProjects
	p, in := b.p, b.in
	header := slices.Clone(projectHead)
	for _, t := range tierLabels {
		header = append(header, t+tierDemand)
		for _, h := range lrHeader {
			header = append(header, t+" "+h)
		}
	}
	header = b.projectHeaderMoney(append(header, projectTail...))
	b.headerRow(s, 1, header...)
	r0, r1 := 2, 1+len(p.Subdistricts)*len(p.Projects)
	b.projectSum, b.managed = make([]string, len(p.Subdistricts)), make([]string, len(p.Subdistricts))
	r := r0
	for i, sd := range p.Subdistricts {
		first := r
		for j, pr := range p.Projects {
			b.set(s, 1, r, sd.ID)
			b.set(s, 2, r, sd.Name)
			b.set(s, 3, r, pr.ID)
			b.formula(s, colTierIdx, r, in.projTier[j])
			b.formula(s, 5, r, in.basis(p, i, pr.Basis))
			b.formula(s, 6, r, in.projCost[j])
			b.formula(s, 7, r, fmt.Sprintf(`IF(%s="","",%s)`, in.projRating[i][j], in.projRating[i][j]))
			b.formula(s, 8, r, fmt.Sprintf(`IF(%s="",1,%s)`, cellName(7, r), lookup(cellName(7, r), in.projRatings, in.projCoefs)))
			e := b.itemMoney(i, j, r)
			b.formula(s, colDemand, r, b.round(fmt.Sprintf("%s*%s*%s%s", cellName(6, r), cellName(5, r), cellName(8, r), e)))
			b.itemTiers(r)
			a := &b.res.Subdistricts[i]
			b.check(s, colItemSum+1, r, cellName(colItemSum, r),
				lineAmount(a, formula.StageProjects, pr.ID).Add(lineAmount(a, formula.StageManaged, pr.ID)))
			r++
		}
		b.projectSum[i], b.managed[i] = "0", "0"
		if r > first {
			b.projectSum[i] = "SUM(" + qualRange(s, colItemSum, first, r-1) + ")"
		}
		b.splitManaged(i, first, r-1)
	}
	if r1 >= r0 {
		for t := range 5 {
			dc := colTier0 + tierCols*t
			b.lr(s, r0, r1, dc, dc+1, qual(SheetTiers, tcBudget, tierRow(t)), true)
		}
	}
	b.checkColumn(s, colItemSum+2, r0, r1)
	b.freeze(s, 4, 2)
	b.widths(s, 12, 14, 18, 8, 12, 10, 10, 10, 12)
}

// itemTiers writes row r's demand in each tier and its sum over tiers.
func (b *book) itemTiers(r int) {
	const s = SheetProjects
	idx, demand := cellName(colTierIdx, r), cellName(colDemand, r)
	var got []string
	for t := range 5 {
		dc := colTier0 + tierCols*t
		f := fmt.Sprintf("IF(%s=%d,%s,0)", idx, t, demand)
		if t >= 2 {
			prevD, prevA := cellName(dc-tierCols, r), cellName(dc-tierCols+4, r)
			f = fmt.Sprintf(`IF(%s=%d,%s,IF(AND(%s="demote",%s>=1,%s<%d),%s-%s,0))`,
				idx, t, demand, b.in.overflow, idx, idx, t, prevD, prevA)
		}
		b.formula(s, dc, r, f)
		got = append(got, cellName(dc+4, r))
	}
	b.formula(s, colItemSum, r, sum(got))
}
