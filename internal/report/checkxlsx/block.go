package checkxlsx

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// incentiveSheet writes 激励 (rules §3.5): raw_i = rate × max(0, current −
// previous), B = floor_u(min(Σraw, budget, remaining)), incentive =
// LR(B, raw).
func (b *book) incentiveSheet() {
	const s = SheetIncentive
	p, in := b.p, b.in
	n := len(p.Subdistricts)
	b.incentive = make([]string, n)
	if p.Incentive == nil {
		b.titleRow(s, 1, incNone)
		for i := range b.incentive {
			b.incentive[i] = "0"
		}
		b.incentivePool, b.blockStart = "0", b.afterProjects
		return
	}
	b.titleRow(s, 1, incTitle)
	b.set(s, 1, 2, incBefore)
	b.formula(s, 2, 2, b.afterProjects)
	b.set(s, 1, 3, "Σ raw")
	r0, r1 := 9, 8+n
	b.formula(s, 2, 3, "SUM("+absName(6, r0)+":"+absName(6, r1)+")")
	b.set(s, 1, 4, incBudget)
	b.formula(s, 2, 4, fmt.Sprintf(fmlIncUnlimited, in.incBudget, in.incBudget))
	b.set(s, 1, 5, incPool)
	b.formula(s, 2, 5, b.floorU(fmt.Sprintf(`MIN(B3,B2,IF(%s="",B3,%s))`, in.incBudget, in.incBudget)))
	b.check(s, 3, 5, "B5", b.res.IncentivePool)
	b.set(s, 1, 6, incAfter)
	b.formula(s, 2, 6, "B2-B5")
	b.checkColumn(s, 4, 5, 5)
	b.incentivePool, b.blockStart = qual(s, 2, 5), qual(s, 2, 6)
	header := slices.Concat([]string{colID, colName, incCurrent + p.Incentive.Current, incPrevious + p.Incentive.Previous, incGrowth, "raw"},
		lrHeader, []string{colCaili, colCheck})
	b.headerRow(s, 8, header...)
	for i, sd := range p.Subdistricts {
		r := r0 + i
		b.set(s, 1, r, sd.ID)
		b.set(s, 2, r, sd.Name)
		b.formula(s, 3, r, in.qty(p, i, p.Incentive.Current))
		b.formula(s, 4, r, in.qty(p, i, p.Incentive.Previous))
		b.formula(s, 5, r, fmt.Sprintf("MAX(0,%s-%s)", cellName(3, r), cellName(4, r)))
		b.formula(s, 6, r, fmt.Sprintf("%s*%s", in.incRate, cellName(5, r)))
		b.check(s, 7+lrWidth, r, cellName(10, r), b.res.Subdistricts[i].Incentive)
		b.incentive[i] = qual(s, 10, r)
	}
	b.lr(s, r0, r1, 6, 7, "$B$5", false)
	b.checkColumn(s, 8+lrWidth, r0, r1)
	b.widths(s, 16, 16, 14, 14, 12, 12, 12, 12, 10, 12)
}

// Columns of the 因素法 sheet after the indicator parts (from 3).
type blockCols struct {
	score, adj, rating, coef, base, weight, lr, caili, neutralLR, effect int
}

func newBlockCols(nk int) blockCols {
	c := blockCols{score: 3 + nk}
	c.adj, c.rating, c.coef, c.base, c.weight = c.score+1, c.score+2, c.score+3, c.score+4, c.score+5
	c.lr = c.weight + 1
	c.caili = c.lr + lrWidth
	c.neutralLR = c.caili + 2
	c.effect = c.neutralLR + lrWidth
	return c
}

// blockSheet writes 因素法 (rules §3.6): each sub-district's score Σ W_f ·
// w_k · x_ik / Σ_j x_jk, base = score × adjustment, weight = base ×
// performance coefficient; the pool B (the remaining, or in reserve mode
// floor_u(R × Σweight / Σbase)) shared by LR over the weights; and the
// block grant without ratings LR(R, base) that floor_keeps_rating uses.
func (b *book) blockSheet() {
	const s = SheetBlock
	p, in := b.p, b.in
	n := len(p.Subdistricts)
	var nk int
	for _, f := range p.Factors {
		nk += len(f.Indicators)
	}
	c := newBlockCols(nk)
	r0, r1 := 12, 11+n
	b.titleRow(s, 1, blockTitle)
	formulas := []string{ // labelled by blockParams
		b.blockLimit(),
		in.perfMode,
		"SUM(" + absName(c.base, r0) + ":" + absName(c.base, r1) + ")",
		"SUM(" + absName(c.weight, r0) + ":" + absName(c.weight, r1) + ")",
		`IF(B3="reserve",IF(B2>0,` + b.floorU("B2*B5/B4") + `,0),B2)`,
		"B2-B6",
		fmlBlockRefusal,
	}
	for k, f := range formulas {
		b.set(s, 1, 2+k, blockParams[k])
		b.formula(s, 2, 2+k, f)
	}
	b.check(s, 3, 6, "B6", b.res.BlockPool)
	b.check(s, 3, 7, "B7", b.res.PerformanceReserve)
	b.checkColumn(s, 4, 6, 7)
	b.blockPool, b.perfReserve = qual(s, 2, 6), qual(s, 2, 7)
	b.blockHeader(c)
	b.block, b.neutral = make([]string, n), make([]string, n)
	for i := range p.Subdistricts {
		b.blockRow(c, i, r0+i)
	}
	b.lr(s, r0, r1, c.weight, c.lr, "$B$6", false)
	b.lr(s, r0, r1, c.base, c.neutralLR, "$B$2", false)
	b.checkColumn(s, c.caili+1, r0, r1)
	if b.keepsRating() {
		b.checkColumn(s, c.effect+2, r0, r1)
	}
	b.freeze(s, 3, r0)
}

// keepsRating says whether the plan's floors keep the rating (rules §3.7).
func (b *book) keepsRating() bool {
	d := b.p.Damping
	return d != nil && d.FloorKeepsRating && b.p.Performance != nil
}

func (b *book) blockHeader(c blockCols) {
	const s = SheetBlock
	header := []string{colID, colName}
	for _, f := range b.p.Factors {
		for _, ind := range f.Indicators {
			header = append(header, f.Name+" "+ind.Quantity)
		}
	}
	header = slices.Concat(header, blockHead, lrHeader, []string{colCaili, colCheck})
	for _, h := range lrHeader {
		header = append(header, blockNeutral+h)
	}
	header = append(header, blockEffect...)
	b.headerRow(s, 11, header...)
	b.noteRow(s, 10, blockNote)
}

func (b *book) blockRow(c blockCols, i, r int) {
	const s = SheetBlock
	p, in := b.p, b.in
	sd := &p.Subdistricts[i]
	a := &b.res.Subdistricts[i]
	b.set(s, 1, r, sd.ID)
	b.set(s, 2, r, sd.Name)
	col := 3
	for f, fa := range p.Factors {
		for k, ind := range fa.Indicators {
			b.formula(s, col, r, fmt.Sprintf("%s*%s*%s/%s", in.factorW[f], in.indW[f][k], in.qty(p, i, ind.Quantity), in.qtySum(p, ind.Quantity)))
			col++
		}
	}
	b.formula(s, c.score, r, fmt.Sprintf("SUM(%s:%s)", cellName(3, r), cellName(c.score-1, r)))
	if c.score == 3 {
		b.formula(s, c.score, r, "0")
	}
	b.formula(s, c.adj, r, in.adjustment[i])
	b.formula(s, c.rating, r, in.rating[i])
	b.formula(s, c.coef, r, fmt.Sprintf(fmlCoefOrOne, in.perfMode, lookup(cellName(c.rating, r), in.perfRatings, in.perfCoefs)))
	b.formula(s, c.base, r, cellName(c.score, r)+"*"+cellName(c.adj, r))
	b.formula(s, c.weight, r, cellName(c.base, r)+"*"+cellName(c.coef, r))
	b.check(s, c.caili, r, cellName(c.lr+3, r), a.Block)
	b.formula(s, c.effect, r, cellName(c.lr+3, r)+"-"+cellName(c.neutralLR+3, r))
	if a.RatingEffect != nil {
		b.check(s, c.effect+1, r, cellName(c.effect, r), *a.RatingEffect)
	} else {
		b.set(s, c.effect+1, r, blockNotApplied)
	}
	b.block[i] = qual(s, c.lr+3, r)
	b.neutral[i] = qual(s, c.neutralLR+3, r)
}

// blockRows writes 因素法明细 (rules §3.6): each sub-district's block
// grant shared over its indicators by LR over their score parts.
func (b *book) blockRows() {
	const s = SheetBlockRows
	p := b.p
	b.headerRow(s, 1, slices.Concat(blockRowsHead, lrHeader, []string{colCaili, colCheck})...)
	r := 2
	for i, sd := range p.Subdistricts {
		first := r
		col := 3
		lines := stageLines(&b.res.Subdistricts[i], formula.StageBlock)
		for _, fa := range p.Factors {
			for _, ind := range fa.Indicators {
				b.set(s, 1, r, sd.ID)
				b.set(s, 2, r, sd.Name)
				b.set(s, 3, r, ind.Quantity)
				b.formula(s, 4, r, qual(SheetBlock, col, 12+i))
				b.formula(s, 5, r, b.block[i])
				want := decimal.Zero
				if k := r - first; k < len(lines) {
					want = lines[k]
				}
				b.check(s, 6+lrWidth, r, cellName(9, r), want)
				col++
				r++
			}
		}
		if r > first {
			b.lr(s, first, r-1, 4, 6, absName(5, first), false)
		}
	}
	b.checkColumn(s, 7+lrWidth, 2, r-1)
	b.freeze(s, 4, 2)
	b.widths(s, 12, 14, 20, 12, 14, 12, 12, 10, 12)
}
