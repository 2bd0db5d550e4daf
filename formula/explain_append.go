package formula

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// This file builds the text of the project lines, the most numerous
// lines of a plan, by appending to one buffer (Line.AppendFormula): a
// large plan's JSON writes millions of them, and a string for each part
// of each was most of their cost. The string forms are these appended to
// nothing.

// appendExplainer is an explainer that can append its text to a buffer.
type appendExplainer interface {
	appendExplain(b []byte, l *Line) []byte
}

// AppendFormula appends the line's Formula to b and returns the extended
// buffer: the same text, without a string of its own.
// It takes a pointer so that the line is not copied to the heap.
func (l *Line) AppendFormula(b []byte) []byte {
	x, ok := l.ex.(appendExplainer)
	if !ok {
		return append(b, l.Formula()...)
	}
	b = x.appendExplain(b, l)
	switch src := l.Source(); {
	case src == "":
	case l.Stage == StageDamping:
		b = append(append(b, BaselineMark...), src...)
	default:
		b = append(append(b, CitationMark...), src...)
	}
	return b
}

func (x *projectTier) explain(l *Line) string { return string(x.appendExplain(nil, l)) }

func (x *projectTier) appendExplain(b []byte, l *Line) []byte {
	t := x.texts()
	var demand decimal.Decimal
	demand, b = x.m.appendDemand(b, int(l.i), int(l.j), t.heads)
	b = append(b, t.label...)
	b = x.appendShare(b, demand, l.Amount, x.extra, int(l.k))
	return x.m.appendManaged(b, int(l.j))
}

// projectDemand computes an item's demand round(unit_cost × Σ basis × c)
// and says how: "需求 1.5 元 × 700000 [病媒防制面积] × 0.9 (项目绩效 中) = 945000".
func (m *Model) projectDemand(i, j int) (decimal.Decimal, string) {
	d, b := m.appendDemand(nil, i, j, nil)
	return d, string(b)
}

// demandHeads returns what each project's demand says before its basis,
// the same for every sub-district: "需求 1.5 元／平方米·年 × ".
func (m *Model) demandHeads() []string {
	out := make([]string, len(m.plan.Projects))
	for j, pr := range m.plan.Projects {
		out[j] = fmt.Sprintf(wordDemand, num(pr.UnitCost), m.rateUnit(m.projectCols[j]), "")
	}
	return out
}

// appendDemand is projectDemand appending to b, with the projects' heads
// formatted before (demandHeads), or nil.
func (m *Model) appendDemand(b []byte, i, j int, heads []string) (decimal.Decimal, []byte) {
	if heads != nil {
		if d, out, ok := m.appendDemandUnits(b, i, j, heads); ok {
			return d, out
		}
	}
	pr := m.plan.Projects[j]
	exact := pr.UnitCost.Mul(m.sumCols(i, m.projectCols[j]))
	if heads != nil {
		b = m.appendBasis(append(b, heads[j]...), i, m.projectCols[j])
	} else {
		b = fmt.Appendf(b, wordDemand, num(pr.UnitCost), m.rateUnit(m.projectCols[j]), m.basisText(i, m.projectCols[j]))
	}
	if c, rated := m.projectCoef(i, j); rated {
		exact = exact.Mul(c)
		b = fmt.Appendf(b, wordProjectRating, c.String(), m.plan.Subdistricts[i].ProjectRatings[pr.ID])
	}
	if e, k, cut := m.executionCoef(i, j); cut {
		exact = exact.Mul(e)
		b = fmt.Appendf(b, wordExecution, e.String(), num(m.plan.Subdistricts[i].Execution[pr.ID]),
			num(m.plan.ProjectExecution.Bands[k].Below))
	}
	demand := m.u.round(exact)
	return demand, m.appendEquals(b, exact, demand)
}

// share says what an item of demand d got at this tier: in full, or its
// share of the tier's budget (extra: the ranks of the leftover units).
func (x *projectTier) share(d, amount decimal.Decimal, extra []int32, k int) string {
	return string(x.appendShare(nil, d, amount, extra, k))
}

// appendShare is share appending to b.
func (x *projectTier) appendShare(b []byte, d, amount decimal.Decimal, extra []int32, k int) []byte {
	if extra == nil {
		return append(b, wordFullyFunded...)
	}
	t := x.texts()
	if !x.m.exactOnly {
		if f, ok := newFrac128(x.out.Budget, d, x.out.Demand); ok {
			if tail, ok := x.m.lrTail128(f, amount, extra[k] > 0); ok {
				var g [48]byte
				b = fmt.Appendf(append(b, t.limit...), wordProportional, t.budget, x.m.u.appendGroup(g[:0], d), t.demand)
				return append(b, tail...)
			}
		}
	}
	num, den, ok := decFrac(x.out.Budget, d, x.out.Demand)
	if !ok { // a demand that is not positive; as the exact fraction gives it
		q := new(big.Rat).Mul(x.out.Budget.Rat(), d.Rat())
		q.Quo(q, x.out.Demand.Rat())
		num, den = q.Num(), q.Denom()
	}
	var g [48]byte
	b = fmt.Appendf(append(b, t.limit...), wordProportional, t.budget, x.m.u.appendGroup(g[:0], d), t.demand)
	return x.m.appendLrTail(b, num, den, amount, extra[k] > 0, false)
}

// appendManaged is managedTail appending to b.
func (m *Model) appendManaged(b []byte, j int) []byte {
	if m.plan.Projects[j].Managed != ManagedByDistrict {
		return b
	}
	return append(b, m.managedTail(j)...)
}

// appendNum is num appending to b.
func appendNum(b []byte, d decimal.Decimal) []byte {
	var plain [48]byte
	return appendGrouped(b, decimalString(plain[:0], d))
}

// appendGroup is group appending to b.
func (u unit) appendGroup(b []byte, x decimal.Decimal) []byte {
	var plain [48]byte
	return appendGrouped(b, fixedString(plain[:0], x, max(u.places, 0)))
}

// appendRef is ref appending to b.
func (m *Model) appendRef(b []byte, c int) []byte {
	name := m.names[c]
	if m.refs != nil {
		name = m.refs[c]
	}
	return append(append(append(b, '['), name...), ']')
}

// appendBasis is basisText appending to b.
func (m *Model) appendBasis(b []byte, i int, cols []int) []byte {
	if len(cols) == 1 {
		return m.appendRef(append(appendNum(b, m.x[i][cols[0]]), ' '), cols[0])
	}
	b = append(b, '(')
	for k, c := range cols {
		if k > 0 {
			b = append(b, " + "...)
		}
		b = m.appendRef(append(appendNum(b, m.x[i][c]), ' '), c)
	}
	return append(b, ')')
}

// appendEquals is equals appending to b.
func (m *Model) appendEquals(b []byte, exact, rounded decimal.Decimal) []byte {
	b = append(b, " = "...)
	if !exact.Equal(rounded) {
		b = append(appendNum(b, exact), " → "...)
	}
	return m.u.appendGroup(b, rounded)
}

// appendLrTail is lrTail appending to b.
func (m *Model) appendLrTail(b []byte, num, den *big.Int, amount decimal.Decimal, extra, about bool) []byte {
	u := m.u
	if !about && !extra && fracEquals(num, den, amount) {
		return u.appendGroup(append(b, " = "...), amount)
	}
	q, exact := cutFrac(num, den, u.places+2)
	if exact && !about {
		b = append(b, " = "...)
	} else {
		b = append(b, " ≈ "...)
	}
	b = u.appendGroup(append(appendGrouped(b, []byte(q)), " → "...), amount)
	if extra {
		b = fmt.Appendf(b, wordRemainderUnit, u.group(u.d))
	}
	return b
}
