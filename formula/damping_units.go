package formula

import (
	"math"

	"github.com/shopspring/decimal"
)

// This file is stage 7 (damping.go) for a result without lines on int64
// counts of the rounding unit: the same floors, ceilings, cuts, top-ups
// and largest-remainder shares of a shortfall (splitCounts, which gives
// what largestRemainder gives), without a decimal for each. It gives way
// to the exact stage when an amount does not fit, and when the floors
// cannot be funded (the exact stage says by how much).

// dampBounds are every sub-district's floor and ceiling in units (zero
// floors without [damping] floor; hi read only with a ceiling), ok false
// when one does not fit.
type dampBounds struct {
	lo, hi []int64
	ok     bool
}

// newDampBounds computes the floors ceil_u(floor × baseline) and the
// ceilings floor_u(ceiling × baseline) in units.
func (m *Model) newDampBounds() dampBounds {
	d, n := m.plan.Damping, len(m.plan.Subdistricts)
	b := dampBounds{lo: make([]int64, n), hi: make([]int64, n), ok: true}
	for i := range n {
		baseline := m.x[i][m.baseline]
		var ok1, ok2 = true, true
		if d.Floor != nil {
			b.lo[i], ok1 = m.u.toUnits(m.u.ceil(d.Floor.Mul(baseline)))
		}
		if d.Ceiling != nil {
			b.hi[i], ok2 = m.u.toUnits(m.u.floor(d.Ceiling.Mul(baseline)))
		}
		if !ok1 || !ok2 {
			return dampBounds{}
		}
	}
	return b
}

// toUnits is x as a whole number of units, ok false when it is not one
// or does not fit an int64 (or may not: a coefficient of more than 18
// digits is refused).
func (u unit) toUnits(x decimal.Decimal) (int64, bool) {
	if x.NumDigits() > 18 {
		return 0, false
	}
	v, k := x.CoefficientInt64(), x.Exponent()+u.places
	switch {
	case k > 0:
		if int(k) >= len(pow10s) {
			return 0, v == 0
		}
		p := int64(pow10s[k])
		if v > math.MaxInt64/p || v < -math.MaxInt64/p {
			return 0, false
		}
		return v * p, true
	case k < 0:
		if int(-k) >= len(pow10s) {
			return 0, v == 0
		}
		p := int64(pow10s[-k])
		return v / p, v%p == 0
	}
	return v, true
}

// checked is int64 arithmetic that remembers an overflow.
type checked struct{ bad bool }

// add is a + b.
func (c *checked) add(a, b int64) int64 {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		c.bad = true
	}
	return s
}

// sub is a − b.
func (c *checked) sub(a, b int64) int64 {
	s := a - b
	if (b < 0 && s < a) || (b > 0 && s > a) {
		c.bad = true
	}
	return s
}

// dampingUnits runs stage 7 on units for a result without lines (off the
// exact-only path of tests) and reports whether it did; when it did not,
// it changed nothing.
func (r *run) dampingUnits() bool {
	if !r.res.noLines || r.m.exactOnly {
		return false
	}
	bd := r.dampBounds()
	if !bd.ok {
		return false
	}
	d, n := r.m.plan.Damping, len(r.res.Subdistricts)
	v := make([]int64, 5*n)
	pre, blk, cut, need, room := v[:n], v[n:2*n], v[2*n:3*n], v[3*n:4*n], v[4*n:]
	var c checked
	var e, dd int64 // Σ cut, Σ need
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		var tested int64
		var ok bool
		if pre[i], blk[i], tested, ok = r.measureUnits(a, &c); !ok {
			return false
		}
		if d.Ceiling != nil && pre[i] > bd.hi[i] {
			cut[i] = min(c.sub(pre[i], bd.hi[i]), blk[i])
		}
		if tested < bd.lo[i] {
			need[i] = c.sub(bd.lo[i], tested)
		}
		e, dd = c.add(e, cut[i]), c.add(dd, need[i])
		if need[i] == 0 {
			room[i] = max(0, min(c.sub(c.sub(pre[i], cut[i]), bd.lo[i]), c.sub(blk[i], cut[i])))
		}
	}
	var red []int64
	if e < dd {
		var sumG int64
		for _, g := range room {
			sumG = c.add(sumG, g)
		}
		if c.bad || c.sub(dd, e) > sumG {
			return false // rejected: the exact stage says by how much
		}
		red = splitCounts(dd-e, room, sumG)
	}
	for i := range room { // room becomes each damping amount
		room[i] = c.sub(need[i], cut[i])
		if red != nil {
			room[i] = c.sub(room[i], red[i])
		}
	}
	if c.bad {
		return false
	}
	r.dampUnitsOut(pre, room, need, bd.hi)
	if e >= dd {
		r.res.DampingReserve = r.m.u.unitsDecimal(e - dd)
	}
	return true
}

// measureUnits is what damping measures of a, its block grant, and the
// measure its floor is tested on (without the rating's effect when
// floors keep the rating), in units.
func (r *run) measureUnits(a *Allocation, c *checked) (pre, blk, tested int64, ok bool) {
	u, comps := r.m.u, a.Components()
	if blk, ok = u.toUnits(a.Block); !ok {
		return 0, 0, 0, false
	}
	pre = blk
	for k := range 4 {
		if r.m.excluded[k] {
			continue
		}
		x, ok := u.toUnits(comps[k])
		if !ok {
			return 0, 0, 0, false
		}
		pre = c.add(pre, x)
	}
	tested = pre
	if r.neutral != nil {
		eff, ok := u.toUnits(*a.RatingEffect)
		if !ok {
			return 0, 0, 0, false
		}
		tested = c.sub(pre, eff)
	}
	return pre, blk, tested, true
}

// dampUnitsOut sets each sub-district's damping amount and counts the
// ones over their ceiling and under their floor.
func (r *run) dampUnitsOut(pre, amounts, need, hi []int64) {
	ceiling := r.m.plan.Damping.Ceiling != nil
	zero := r.m.u.unitsDecimal(0) // most amounts: one decimal for them all
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Damping = zero
		if amounts[i] != 0 {
			a.Damping = r.m.u.unitsDecimal(amounts[i])
		}
		if ceiling && pre[i] > hi[i] {
			r.res.Ceilinged++
		}
		if need[i] != 0 {
			r.res.Floored++
		}
	}
}

// dampBounds returns the model's floors and ceilings in units: from the
// run's entry when it has one (computed there on first use), else
// computed.
func (r *run) dampBounds() dampBounds {
	e := r.tail
	if e == nil {
		return r.m.newDampBounds()
	}
	e.dampOnce.Do(func() { e.damp = r.m.newDampBounds() })
	return e.damp
}
