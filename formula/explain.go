package formula

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// This file builds what each line's Formula and each score's Formula
// say, in Chinese a sub-district office can check by hand; the words
// themselves are formats in words.go. The stages do the arithmetic and
// hand each line an explainer holding what it needs; the text is built
// here, only when asked for.

// personnelText explains stage 2 lines: (payroll, or headcount × annual
// pay) × (1 + on-cost).
type personnelText struct{ m *Model }

func (x personnelText) explain(l *Line) string {
	st, s := x.m.plan.Staff[l.j], x.m.plan.Subdistricts[l.i]
	var t string
	exact := s.Payroll.Value(st.ID)
	if pay, ok := s.Payroll.Get(st.ID); ok {
		t = fmt.Sprintf(wordPayroll, num(pay))
	} else {
		head := s.Staff.Value(st.ID)
		t = fmt.Sprintf(wordHeadcountPay, num(head), num(st.AnnualPay))
		exact = head.Mul(st.AnnualPay)
	}
	if !st.OncostRate.IsZero() {
		t += " × (1 + " + st.OncostRate.String() + ")"
		exact = exact.Mul(decimal.NewFromInt(1).Add(st.OncostRate))
	}
	return t + x.m.equals(exact, l.Amount)
}

// publicText explains stage 3 lines: rate × basis.
type publicText struct {
	m     *Model
	once  sync.Once
	heads []string // by quota: the rate and its unit, "0.5 元／人·年 × "
}

func (x *publicText) explain(l *Line) string { return string(x.appendExplain(nil, l)) }

func (x *publicText) appendExplain(b []byte, l *Line) []byte {
	m, q, cols := x.m, x.m.plan.Quotas[l.j], x.m.quotaCols[l.j]
	x.once.Do(func() {
		x.heads = make([]string, len(m.plan.Quotas))
		for j, q := range m.plan.Quotas {
			x.heads[j] = fmt.Sprintf(wordRateBasis, num(q.Rate), m.rateUnit(m.quotaCols[j]), "")
		}
	})
	b = m.appendBasis(append(b, x.heads[l.j]...), int(l.i), cols)
	if out, ok := m.appendEqualsUnits(b, q.Rate, int(l.i), cols, l.Amount); ok {
		return out
	}
	return m.appendEquals(b, q.Rate.Mul(m.sumCols(int(l.i), cols)), l.Amount)
}

// projectTier explains the stage 4 lines of one tier: the demand, then
// full funding or the proportional share. With overflow = demote it also
// keeps the tier's items, their demands and amounts, for projectParts.
type projectTier struct {
	m     *Model
	out   TierOutcome
	extra []int32 // ranks of the leftover units; nil when the tier was funded in full

	refs    []itemRef         // demote: the tier's items, in item order
	demands partDemands       // demote: their outstanding demands at this tier
	amounts []decimal.Decimal // demote: what they got

	once sync.Once // the texts below, the same on every line of the tier
	text tierText
}

// tierText holds what every line of a tier says alike, formatted once.
type tierText struct {
	label          string   // ",A档,"
	heads          []string // by project: "需求 1.5 元／平方米·年 × "
	limit          string   // why the budget fell short
	budget, demand string   // the tier's budget and demand
}

// texts returns the tier's shared texts, formatting them on first use.
func (x *projectTier) texts() *tierText {
	x.once.Do(func() {
		x.text = tierText{label: "," + tierLabel(x.out.Tier) + ",", budget: x.m.u.group(x.out.Budget), demand: x.m.u.group(x.out.Demand),
			heads: x.m.demandHeads()}
		if x.extra != nil {
			x.text.limit = tierLimit(x.m, x.out)
		}
	})
	return &x.text
}

// find returns the index of item (i, j) among the tier's items.
func (x *projectTier) find(i, j int32) (int, bool) {
	return slices.BinarySearchFunc(x.refs, itemRef{i, j}, func(a, b itemRef) int {
		if a.i != b.i {
			return int(a.i - b.i)
		}
		return int(a.j - b.j)
	})
}

// projectParts explains the stage 4 lines with overflow = demote: an item
// is paid in parts, one at each tier it joined, each said in turn, then
// their sum and what no tier funded.
type projectParts struct {
	m     *Model
	tiers []*projectTier // in funding order
}

func (x *projectParts) explain(l *Line) string {
	if l.k > 0 {
		return x.partText(l)
	}
	u := x.m.u
	demand, t := x.m.projectDemand(int(l.i), int(l.j))
	ps := x.parts(l.i, l.j)
	got := make([]string, len(ps))
	left := demand
	for n, p := range ps {
		d, amt := p.t.demands.at(p.k), p.t.amounts[p.k]
		if n == 0 {
			t += "," + tierLabel(p.t.out.Tier) + ","
		} else {
			t += fmt.Sprintf(wordCarriedTo, u.group(d), tierLabel(p.t.out.Tier))
		}
		t += p.t.share(d, amt, p.t.extra, p.k)
		got[n] = u.group(amt)
		left = d.Sub(amt)
	}
	if len(got) > 1 {
		t += fmt.Sprintf(wordPartsTotal, strings.Join(got, " + "), u.group(l.Amount))
	}
	if len(got) > 1 && left.Sign() > 0 {
		t += fmt.Sprintf(wordLeftUnfunded, u.group(left))
	}
	return t + x.m.managedTail(int(l.j))
}

// tierPart is an item's part at one tier: the tier and the item's index
// among its items.
type tierPart struct {
	t *projectTier
	k int
}

// parts returns item (i, j)'s parts, one for each tier it joined, in
// funding order.
func (x *projectParts) parts(i, j int32) []tierPart {
	var out []tierPart
	for _, pt := range x.tiers {
		if k, ok := pt.find(i, j); ok {
			out = append(out, tierPart{pt, k})
		}
	}
	return out
}

// readable splits the line of an item paid in parts into one line for
// each part (l.k = the part's number from 1), for a statement
// (ReadableLines): each part fits a line where the whole does not.
func (x *projectParts) readable(l Line) []Line {
	ps := x.parts(l.i, l.j)
	if len(ps) < 2 {
		return []Line{l}
	}
	out := make([]Line, len(ps))
	for n, p := range ps {
		out[n] = l
		out[n].Amount, out[n].k = p.t.amounts[p.k], int32(n+1)
	}
	return out
}

// partText renders part l.k of an item paid in parts: the first as a
// project line at its tier; each next one what was left of the demand
// (the demand less the parts before it), moved to the next tier and how
// that tier paid it; the last says what no tier funded.
func (x *projectParts) partText(l *Line) string {
	u := x.m.u
	ps := x.parts(l.i, l.j)
	n := int(l.k) - 1
	if n >= len(ps) {
		return ""
	}
	p := ps[n]
	d, amt := p.t.demands.at(p.k), p.t.amounts[p.k]
	var t string
	if n == 0 {
		_, t = x.m.projectDemand(int(l.i), int(l.j))
		t += "," + tierLabel(p.t.out.Tier) + ","
	} else {
		demand, _ := x.m.projectDemand(int(l.i), int(l.j))
		t = wordPartLeft + " " + u.group(demand)
		for _, q := range ps[:n] {
			t += " − " + u.group(q.t.amounts[q.k])
		}
		t += " = " + u.group(d) + fmt.Sprintf(wordPartMoved, tierLabel(p.t.out.Tier))
	}
	t += p.t.share(d, amt, p.t.extra, p.k)
	if n == len(ps)-1 {
		if left := d.Sub(amt); left.Sign() > 0 {
			t += fmt.Sprintf(wordLeftUnfunded, u.group(left))
		}
	}
	return t + x.m.managedTail(int(l.j))
}

// managedTail says, on the line of a district-managed project (rules
// §6), who spends it and that it is not part of the sub-district's
// funds; "" for other projects.
func (m *Model) managedTail(j int) string {
	pr := m.plan.Projects[j]
	if pr.Managed != ManagedByDistrict {
		return ""
	}
	dept := pr.Department
	if dept == "" {
		dept = wordDistrictDepartment
	}
	return fmt.Sprintf(wordManagedBy, dept)
}

// tierLabel names a tier: "保基本民生项目(应保尽保)", "A档".
func tierLabel(t Tier) string {
	if t == TierMandatory {
		return wordTierMandatory
	}
	return fmt.Sprintf(wordTier, t.String())
}

// tierLimit says why a tier's budget fell short of its demand; the
// budget and the demand are the numbers of the share after it.
func tierLimit(m *Model, o TierOutcome) string {
	if o.Cap != nil && o.Budget.Equal(*o.Cap) {
		if m.plan.TierCapBase == CapAvailable {
			return wordOverCapAvailable
		}
		return wordOverCap
	}
	return wordOverRemaining
}

// incentiveText explains stage 5 lines: rate × growth, then the share of
// the incentive total when it fell short.
type incentiveText struct {
	m         *Model
	b, sum    decimal.Decimal
	remaining decimal.Decimal
	raw       []decimal.Decimal
	shares    []lrShare
}

func (x *incentiveText) explain(l *Line) string {
	m, inc, i := x.m, x.m.plan.Incentive, int(l.i)
	cur, prev := m.x[i][m.incCur], m.x[i][m.incPrev]
	cut := !x.shares[i].Amount.Equal(x.raw[i])
	growth := num(cur) + " " + m.ref(m.incCur) + " − " + num(prev) + " " + m.ref(m.incPrev)
	if cur.LessThan(prev) {
		growth = fnWords["max"] + "(0, " + growth + ")"
	} else {
		growth = "(" + growth + ")"
	}
	t := num(inc.Rate) + " × " + growth
	if cut {
		return t + fmt.Sprintf(wordIncentiveShare, m.u.group(x.b), num(x.sum)) + m.lrText(x.shares[i])
	}
	return t + " = " + num(x.raw[i])
}

// explain renders a stage 6 (block) line: the sub-district's block amount
// shared by the indicator's part of its score, the scores rounded to as
// many places as the amount needs (scorePlaces).
func (b *blockStage) explain(l *Line) string { return string(b.appendExplain(nil, l)) }

func (b *blockStage) appendExplain(out []byte, l *Line) []byte {
	a := &b.res.Subdistricts[l.i]
	if l.k < 0 {
		return append(out, b.scoreText(a.Score)...) // the statement's one line (ReadableLines)
	}
	pn, den, ok := b.scoreFrac(a.Score.Parts[l.k].p)
	if !ok {
		return append(out, b.explainRat(l)...)
	}
	tn, _, _ := b.scoreFrac(a.Score.sum)
	if a.Block.Sign() == 0 || tn.Sign() == 0 {
		return fmt.Appendf(out, wordBlockZero, b.m.u.group(a.Block), b.m.u.group(l.Amount))
	}
	p := int(b.m.u.scorePlacesFrac(a.Block, tn, den))
	out = fmt.Appendf(out, wordBlockShare, b.m.u.group(a.Block), groupDigits(fracFloat(pn, den, p)), groupDigits(fracFloat(tn, den, p)))
	s := b.parts[l.i][l.k]
	num, qden := s.quotaFrac()
	return b.m.appendLrTail(out, num, qden, s.Amount, s.Extra, true)
}

// explainRat is explain from the reduced fractions.
func (b *blockStage) explainRat(l *Line) string {
	a := &b.res.Subdistricts[l.i]
	part, total := a.Score.Parts[l.k].Part(), a.Score.Total()
	if a.Block.Sign() == 0 || total.Sign() == 0 {
		return fmt.Sprintf(wordBlockZero, b.m.u.group(a.Block), b.m.u.group(l.Amount))
	}
	p := b.m.u.scorePlaces(a.Block, total)
	return fmt.Sprintf(wordBlockShare, b.m.u.group(a.Block), scoreText(part, p), scoreText(total, p)) +
		b.m.lrAbout(b.parts[l.i][l.k])
}

// scoreText says how a sub-district's block amount was reached: the pool
// × its adjusted score ÷ the district's sum of adjusted scores, the scores
// rounded to as many places as the pool needs (scorePlaces). The score,
// its adjustment and coefficient are in the 因素得分 table.
func (b *blockStage) scoreText(s Score) string {
	t := b.sumTexts()
	if t.zero {
		return fmt.Sprintf(wordAdjustedZero, b.m.u.group(b.shares[s.i].Amount))
	}
	return fmt.Sprintf(wordPoolShare, t.pool, scoreText(s.Adjusted(), t.places), t.sum) + b.m.lrAbout(b.shares[s.i])
}

// sumTexts is the pool and the sum of adjusted scores as every score
// formula says them, formatted on first use.
func (b *blockStage) sumTexts() *blockSums {
	t := &b.sums
	t.once.Do(func() {
		sumAdj := b.scaled(b.sumAdj)
		sumAdj.Mul(sumAdj, ratPow10(b.eAdj))
		if t.zero = sumAdj.Sign() == 0; t.zero {
			return
		}
		t.places = b.m.u.scorePlaces(b.pool, sumAdj)
		t.pool, t.sum = b.m.u.group(b.pool), scoreText(sumAdj, t.places)
	})
	return t
}

// explain renders a stage 7 (damping) line of each kind. To stay short,
// the lines that change an amount name the baseline and the measured
// total plainly ("基数", "测算"); the line of a total within its bounds
// says what is measured and the baseline's label.
func (x *dampingStage) explain(l *Line) string {
	m, d, i, f := x.m, x.m.plan.Damping, l.i, x.m.u.group
	base := fmt.Sprintf(wordBaseline, num(m.x[i][m.baseline]))
	measured := wordMeasure + " " + f(x.pre[i])
	switch l.j {
	case dampCeiling:
		t := fmt.Sprintf(wordCeiling, f(*x.hi[i]), m.u.fn("floor"), d.Ceiling.String(), base, measured,
			f(*x.hi[i]), f(x.res.Subdistricts[i].Block), f(x.cut[i]))
		if x.cut[i].IsZero() {
			t += wordNothingToCut
		}
		return t
	case dampFloor:
		t := fmt.Sprintf(wordFloor, f(x.lo[i]), m.u.fn("ceil"), d.Floor.String(), base, measured)
		if x.pre0 == nil {
			return t + fmt.Sprintf(wordTopUp, f(x.lo[i]), f(x.pre[i]), f(x.need[i]))
		}
		return t + fmt.Sprintf(wordTopUpRated, f(x.pre0[i]), f(x.lo[i]), f(x.pre0[i]), f(x.need[i]))
	case dampFunding:
		return fmt.Sprintf(wordFunding, f(x.shortfall), f(x.room[i]), f(x.sumG)) +
			m.lrText(x.reduction[i])
	}
	measured = x.measureLabel() + " " + f(x.pre[i])
	if x.pre0 != nil && !x.pre0[i].Equal(x.pre[i]) {
		return fmt.Sprintf(wordWithinRated, measured, signed(f, *x.res.Subdistricts[i].RatingEffect), f(x.pre0[i]),
			rangeText(m.u, x.lo[i], x.hi[i], d))
	}
	return fmt.Sprintf(wordWithin, measured, rangeText(m.u, x.lo[i], x.hi[i], d))
}

// measureLabel names what damping measures: "测算", or "测算 (不含人员经费、
// 公用经费)" when [damping] exclude leaves components out.
func (x *dampingStage) measureLabel() string {
	var out []string
	for k, ex := range x.m.excluded {
		if ex {
			out = append(out, ComponentLabels[k])
		}
	}
	if len(out) == 0 {
		return wordMeasure
	}
	return fmt.Sprintf(wordMeasureExclude, strings.Join(out, "、"))
}

// signed renders an amount with its sign: "+52000", "−1634206", "0".
func signed(f func(decimal.Decimal) string, d decimal.Decimal) string {
	switch d.Sign() {
	case 1:
		return "+" + f(d)
	case -1:
		return "−" + f(d.Neg())
	}
	return f(d)
}

// rangeText names the floor and ceiling a total stayed within.
func rangeText(u unit, lo decimal.Decimal, hi *decimal.Decimal, d *Damping) string {
	s := ""
	if d.Floor != nil {
		s += fmt.Sprintf(wordRangeFloor, u.group(lo))
	}
	if hi != nil {
		if s != "" {
			s += wordRangeAnd
		}
		s += fmt.Sprintf(wordRangeCeiling, u.group(*hi))
	}
	return s
}

// rateUnit is the unit of a rate on the basis cols: per head a year when
// they are all headcounts, per the unit of its quantities a year when they
// share one ([quantity_labels]), else 元.
func (m *Model) rateUnit(cols []int) string {
	unit := ""
	for k, c := range cols {
		u := m.plan.QuantityUnit(m.names[c])
		if strings.HasPrefix(m.names[c], StaffRefPrefix) {
			u = wordHeadcountUn
		}
		if u == "" || k > 0 && u != unit {
			return wordYuan
		}
		unit = u
	}
	if unit == "" {
		return wordYuan
	}
	return fmt.Sprintf(wordYuanPer, unit)
}

// basisText shows a basis with its values, each quantity named by its
// label and each headcount by its staff category's name (refNames):
// "900000 [病媒防制面积]" or "(108 [公务员] + 60 [事业编])".
func (m *Model) basisText(i int, cols []int) string { return string(m.appendBasis(nil, i, cols)) }
