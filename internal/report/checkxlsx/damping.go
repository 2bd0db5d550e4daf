package checkxlsx

import (
	"fmt"
	"slices"

	"github.com/caili/caili/formula"
)

// Columns of the 增减幅控制 sheet.
const (
	dcComp0   = 3 // the five components before damping, 3–7
	dcPre     = 8
	dcPerf    = 9
	dcPre0    = 10
	dcBase    = 11
	dcLo      = 12
	dcHi      = 13
	dcCut     = 14
	dcNeed    = 15
	dcRoom    = 16
	dcLR      = 17 // lr's columns, from 17
	dcDamping = dcLR + lrWidth
	dcCaili   = dcDamping + 1
)

// dampingSheet writes 增减幅控制 (rules §3.7): the measure before damping
// (less the excluded components), the floor ceil_u(floor × b) tested on the
// measure without the rating's effect when floors keep it, the ceiling
// floor_u(ceiling × b) cutting into the block grant, E = Σcut, D = Σneed,
// and a shortfall S = D − E taken by LR from the room g above the floors.
func (b *book) dampingSheet() {
	const s = SheetDamping
	p, in := b.p, b.in
	n := len(p.Subdistricts)
	b.damping = make([]string, n)
	if p.Damping == nil {
		b.titleRow(s, 1, dampNone)
		for i := range b.damping {
			b.damping[i] = "0"
		}
		b.dampReserve = "0"
		return
	}
	r0, r1 := 11, 10+n
	col := func(c int) string { return absName(c, r0) + ":" + absName(c, r1) }
	b.titleRow(s, 1, dampTitle)
	formulas := []string{"SUM(" + col(dcCut) + ")", "SUM(" + col(dcNeed) + ")", "MAX(0,B3-B2)", // labelled by dampParams
		"SUM(" + col(dcRoom) + ")", "MAX(0,B2-B3)", fmlDampRefusal}
	for k, f := range formulas {
		b.set(s, 1, 2+k, dampParams[k])
		b.formula(s, 2, 2+k, f)
	}
	b.check(s, 3, 6, "B6", b.res.DampingReserve)
	b.checkColumn(s, 4, 6, 6)
	b.dampReserve = qual(s, 2, 6)
	b.noteRow(s, 8, dampNote)
	header := slices.Concat([]string{colID, colName}, formula.ComponentLabels[:5], dampHead,
		[]string{dampBaseline + p.Damping.Baseline}, dampHeadMore, lrHeader, dampTail)
	b.headerRow(s, 10, header...)
	for i, sd := range p.Subdistricts {
		r := r0 + i
		b.set(s, 1, r, sd.ID)
		b.set(s, 2, r, sd.Name)
		comps := []string{b.personnelSum[i], b.publicSum[i], b.projectSum[i], b.incentive[i], b.block[i]}
		for k, c := range comps {
			b.formula(s, dcComp0+k, r, c)
		}
		terms := []string{cellName(dcComp0+4, r)}
		for k := range 4 {
			terms = append(terms, fmt.Sprintf(fmlExcluded, in.exclude[k], cellName(dcComp0+k, r)))
		}
		b.formula(s, dcPre, r, sum(terms))
		b.formula(s, dcPerf, r, fmt.Sprintf(fmlKeptEffect, in.keep, in.perfMode, b.block[i], b.neutral[i]))
		b.formula(s, dcPre0, r, cellName(dcPre, r)+"-"+cellName(dcPerf, r))
		b.formula(s, dcBase, r, in.qty(p, i, p.Damping.Baseline))
		b.formula(s, dcLo, r, fmt.Sprintf(`IF(%s="",0,%s)`, in.floor, b.ceilU(in.floor+"*"+cellName(dcBase, r))))
		b.formula(s, dcHi, r, fmt.Sprintf(`IF(%s="","",%s)`, in.ceiling, b.floorU(in.ceiling+"*"+cellName(dcBase, r))))
		pre, hi, lo, blk := cellName(dcPre, r), cellName(dcHi, r), cellName(dcLo, r), cellName(dcComp0+4, r)
		b.formula(s, dcCut, r, fmt.Sprintf(`IF(%s="",0,IF(%s>%s,MIN(%s-%s,%s),0))`, hi, pre, hi, pre, hi, blk))
		b.formula(s, dcNeed, r, fmt.Sprintf(`IF(%s<%s,%s-%s,0)`, cellName(dcPre0, r), lo, lo, cellName(dcPre0, r)))
		cut := cellName(dcCut, r)
		b.formula(s, dcRoom, r, fmt.Sprintf(`IF(%s=0,MAX(0,MIN(%s-%s-%s,%s-%s)),0)`, cellName(dcNeed, r), pre, cut, lo, blk, cut))
		b.formula(s, dcDamping, r, fmt.Sprintf("%s-%s-%s", cellName(dcNeed, r), cut, cellName(dcLR+3, r)))
		b.check(s, dcCaili, r, cellName(dcDamping, r), b.res.Subdistricts[i].Damping)
		b.damping[i] = qual(s, dcDamping, r)
	}
	b.lr(s, r0, r1, dcRoom, dcLR, "$B$4", true)
	b.checkColumn(s, dcCaili+1, r0, r1)
	b.freeze(s, 3, r0)
}
