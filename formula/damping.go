package formula

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Stage 7: year-on-year damping (保底封顶). Ceilings cut into the block grant;
// floors are topped up from what the cuts freed, and any shortfall is taken
// by largest remainder from the sub-districts with room above their floor.
func (r *run) damping() error {
	m, p := r.m, r.m.plan
	d := p.Damping
	if d == nil {
		return nil
	}
	n := len(p.Subdistricts)
	pre := make([]decimal.Decimal, n)
	lo := make([]decimal.Decimal, n)
	hi := make([]*decimal.Decimal, n)
	cut := make([]decimal.Decimal, n)
	need := make([]decimal.Decimal, n)
	E, D := decimal.Zero, decimal.Zero
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		pre[i] = a.Personnel.Add(a.Public).Add(a.Projects).Add(a.Incentive).Add(a.Block)
		baseline := m.x[i][m.baseline]
		if d.Floor != nil {
			lo[i] = m.u.ceil(d.Floor.Mul(baseline))
		}
		if d.Ceiling != nil {
			h := m.u.floor(d.Ceiling.Mul(baseline))
			hi[i] = &h
			if pre[i].GreaterThan(h) {
				cut[i] = decimal.Min(pre[i].Sub(h), a.Block)
			}
		}
		if pre[i].LessThan(lo[i]) {
			need[i] = lo[i].Sub(pre[i])
		}
		E, D = E.Add(cut[i]), D.Add(need[i])
	}

	reduction := make([]lrShare, n)
	var shortfall, sumG decimal.Decimal
	var room []decimal.Decimal
	if E.GreaterThanOrEqual(D) {
		r.res.DampingReserve = E.Sub(D)
		for i := range reduction {
			reduction[i].Amount = decimal.Zero
		}
	} else {
		shortfall = D.Sub(E)
		g := make([]decimal.Decimal, n)
		for i := range p.Subdistricts {
			a := &r.res.Subdistricts[i]
			if need[i].IsZero() {
				room := decimal.Min(pre[i].Sub(cut[i]).Sub(lo[i]), a.Block.Sub(cut[i]))
				g[i] = decimal.Max(decimal.Zero, room)
			}
			sumG = sumG.Add(g[i])
		}
		if shortfall.GreaterThan(sumG) {
			return &RejectedError{Kind: FloorsInfeasible, Gap: shortfall.Sub(sumG),
				Detail: fmt.Sprintf("floors need %s beyond what ceilings free, but only %s can be taken above other floors", m.u.format(shortfall), m.u.format(sumG))}
		}
		shares, err := m.u.largestRemainder(shortfall, decimalWeights(g))
		if err != nil {
			return fmt.Errorf("damping: %w", err)
		}
		reduction = shares
		room = g
	}

	ex := &dampingText{m: m, res: r.res, pre: pre, lo: lo, hi: hi, cut: cut, need: need, reduction: reduction,
		room: room, shortfall: shortfall, sumG: sumG, e: E, d: D}
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Damping = need[i].Sub(cut[i]).Sub(reduction[i].Amount)
		add := func(item string, kind int32, amt decimal.Decimal) {
			a.Lines = append(a.Lines, Line{Stage: StageDamping, Item: item, Amount: amt, ex: ex, i: int32(i), j: kind})
		}
		if !cut[i].IsZero() {
			add("ceiling", dampCeiling, cut[i].Neg())
		}
		if !need[i].IsZero() {
			add("floor", dampFloor, need[i])
		}
		if !reduction[i].Amount.IsZero() {
			add("floor_funding", dampFunding, reduction[i].Amount.Neg())
		}
		if cut[i].IsZero() && need[i].IsZero() && reduction[i].Amount.IsZero() {
			add("none", dampNone, decimal.Zero)
		}
	}
	return nil
}

// The kinds of damping line (Line.j).
const (
	dampCeiling int32 = iota
	dampFloor
	dampFunding
	dampNone
)

// dampingText explains the damping lines.
type dampingText struct {
	m                     *Model
	res                   *Result
	pre, lo, cut, need    []decimal.Decimal
	hi                    []*decimal.Decimal
	reduction             []lrShare
	room                  []decimal.Decimal
	shortfall, sumG, e, d decimal.Decimal
}

func (x *dampingText) explain(l *Line) string {
	m, d, i, f := x.m, x.m.plan.Damping, l.i, x.m.u.format
	base := m.x[i][m.baseline].String() + " [" + d.Baseline + "]"
	switch l.j {
	case dampCeiling:
		return "封顶 " + f(*x.hi[i]) + " = floor(" + d.Ceiling.String() + " × " + base + ");测算 " + f(x.pre[i]) +
			" 超出 " + f(x.pre[i].Sub(*x.hi[i])) + ",调减 min(超出, 块额 " + f(x.res.Subdistricts[i].Block) + ") = " + f(x.cut[i])
	case dampFloor:
		return "保底 " + f(x.lo[i]) + " = ceil(" + d.Floor.String() + " × " + base + ");测算 " + f(x.pre[i]) +
			",补足 " + f(x.lo[i]) + " − " + f(x.pre[i]) + " = " + f(x.need[i])
	case dampFunding:
		return "保底资金缺口 " + f(x.shortfall) + " (保底补足 " + f(x.d) + " − 封顶调减 " + f(x.e) + ") 按高于保底的余量分摊: " +
			f(x.shortfall) + " × 余量 " + f(x.room[i]) + " / Σ余量 " + f(x.sumG) + m.lrText(x.reduction[i])
	}
	return "测算 " + f(x.pre[i]) + " 在" + rangeText(m.u, x.lo[i], x.hi[i], d) + " 之内,不调整"
}

func rangeText(u unit, lo decimal.Decimal, hi *decimal.Decimal, d *Damping) string {
	s := ""
	if d.Floor != nil {
		s += " 保底 " + u.format(lo)
	}
	if hi != nil {
		if s != "" {
			s += " 与 "
		}
		s += "封顶 " + u.format(*hi)
	}
	return s
}
