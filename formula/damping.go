package formula

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// dampingStage is stage 7 of rules §3, year-on-year damping (保底封顶).
// Ceilings cut into the block grant; floors are topped up from what the
// cuts freed, and any shortfall is taken by largest remainder from the
// sub-districts with room above their floor. It keeps its numbers to
// explain the lines.
type dampingStage struct {
	m                     *Model
	res                   *Result
	pre, lo, cut, need    []decimal.Decimal // [sub-district] measure before damping, floor, ceiling cut, floor top-up
	pre0                  []decimal.Decimal // [sub-district] the measure without the rating's effect, when floors keep the rating (else nil)
	hi                    []*decimal.Decimal
	reduction             []lrShare         // [sub-district] share of the floors' shortfall
	room                  []decimal.Decimal // [sub-district] room above the floor; nil without a shortfall
	shortfall, sumG, e, d decimal.Decimal   // D − E, Σ room, Σ cut, Σ need
}

// The kinds of damping line (Line.j).
const (
	dampCeiling int32 = iota
	dampFloor
	dampFunding
	dampNone
)

// damping runs stage 7 when the plan has [damping].
func (r *run) damping() error {
	if r.m.plan.Damping == nil || r.dampingUnits() { // damping_units.go
		return nil
	}
	x := &dampingStage{m: r.m, res: r.res}
	if r.neutral != nil {
		x.pre0 = make([]decimal.Decimal, len(r.res.Subdistricts))
	}
	x.bounds()
	if err := x.fundFloors(); err != nil {
		return err
	}
	x.lines()
	return nil
}

// bounds computes each sub-district's measure before damping (its total
// less what [damping] exclude leaves out), its floor and ceiling, what the
// ceiling cuts (at most the block amount) and what the floor needs, and
// their sums E and D. When floors keep the rating, the floor is tested on
// the measure without the rating's effect, pre0 = pre − (block − neutral).
func (x *dampingStage) bounds() {
	m, d := x.m, x.m.plan.Damping
	n := len(x.res.Subdistricts)
	x.pre = make([]decimal.Decimal, n)
	x.lo = make([]decimal.Decimal, n)
	x.hi = make([]*decimal.Decimal, n)
	x.cut = make([]decimal.Decimal, n)
	x.need = make([]decimal.Decimal, n)
	x.e, x.d = decimal.Zero, decimal.Zero
	for i := range x.res.Subdistricts {
		a := &x.res.Subdistricts[i]
		x.pre[i] = x.measure(a)
		tested := x.pre[i]
		if x.pre0 != nil {
			tested = x.pre[i].Sub(*a.RatingEffect)
			x.pre0[i] = tested
		}
		baseline := m.x[i][m.baseline]
		if d.Floor != nil {
			x.lo[i] = m.u.ceil(d.Floor.Mul(baseline))
		}
		if d.Ceiling != nil {
			h := m.u.floor(d.Ceiling.Mul(baseline))
			x.hi[i] = &h
			if x.pre[i].GreaterThan(h) {
				x.cut[i] = decimal.Min(x.pre[i].Sub(h), a.Block)
			}
		}
		if tested.LessThan(x.lo[i]) {
			x.need[i] = x.lo[i].Sub(tested)
		}
		x.e, x.d = x.e.Add(x.cut[i]), x.d.Add(x.need[i])
	}
}

// measure is what damping measures of an allocation before damping: the
// sum of stages 2–6 less the components [damping] exclude names.
func (x *dampingStage) measure(a *Allocation) decimal.Decimal {
	c := a.Components()
	sum := c[4] // the block grant is always measured
	for k := range 4 {
		if !x.m.excluded[k] {
			sum = sum.Add(c[k])
		}
	}
	return sum
}

// fundFloors funds the floors: from the cuts when they suffice, the rest
// kept as the damping reserve; else the shortfall D − E is taken by largest
// remainder from the room the other sub-districts have above their floors
// (within their block amounts), or the plan is rejected.
func (x *dampingStage) fundFloors() error {
	m := x.m
	n := len(x.res.Subdistricts)
	if x.e.GreaterThanOrEqual(x.d) {
		x.res.DampingReserve = x.e.Sub(x.d)
		x.reduction = make([]lrShare, n)
		for i := range x.reduction {
			x.reduction[i].Amount = decimal.Zero
		}
		return nil
	}
	x.shortfall = x.d.Sub(x.e)
	g := make([]decimal.Decimal, n)
	for i := range x.res.Subdistricts {
		a := &x.res.Subdistricts[i]
		if x.need[i].IsZero() {
			room := decimal.Min(x.pre[i].Sub(x.cut[i]).Sub(x.lo[i]), a.Block.Sub(x.cut[i]))
			g[i] = decimal.Max(decimal.Zero, room)
		}
		x.sumG = x.sumG.Add(g[i])
	}
	if x.shortfall.GreaterThan(x.sumG) {
		return rejected(FloorsInfeasible, x.shortfall.Sub(x.sumG),
			textFloorsDetail, m.u.group(x.shortfall), m.u.group(x.sumG))
	}
	shares, err := m.u.largestRemainder(x.shortfall, decimalWeights(g))
	if err != nil {
		return fmt.Errorf("damping: %w", err)
	}
	x.reduction, x.room = shares, g
	return nil
}

// lines sets each sub-district's damping amount and adds its lines: the
// ceiling's cut, the floor's top-up and the share of the shortfall, or a
// single line saying nothing changed.
func (x *dampingStage) lines() {
	for i := range x.res.Subdistricts {
		a := &x.res.Subdistricts[i]
		cut, need, reduction := x.cut[i], x.need[i], x.reduction[i].Amount
		a.Damping = need.Sub(cut).Sub(reduction)
		over := x.hi[i] != nil && x.pre[i].GreaterThan(*x.hi[i])
		if over {
			// Over the ceiling: a line even when there was no block
			// grant to cut, saying so.
			x.res.Ceilinged++
			x.line(a, i, "ceiling", dampCeiling, cut.Neg())
		}
		if !need.IsZero() {
			x.res.Floored++
			x.line(a, i, "floor", dampFloor, need)
		}
		if !reduction.IsZero() {
			x.line(a, i, "floor_funding", dampFunding, reduction.Neg())
		}
		if !over && need.IsZero() && reduction.IsZero() {
			x.line(a, i, "none", dampNone, decimal.Zero)
		}
	}
}

// line adds a damping line of the given kind to sub-district i, unless
// the result keeps no lines.
func (x *dampingStage) line(a *Allocation, i int, item string, kind int32, amt decimal.Decimal) {
	if !x.res.noLines {
		a.Lines = append(a.Lines, Line{Stage: StageDamping, Item: item, Amount: amt, ex: x, i: int32(i), j: kind})
	}
}
