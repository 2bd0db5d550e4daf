package formula

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// This file runs the stages of rules §6 that are not part of stage 4:
// what [block] amount leaves with the district before stage 6, and the
// earmarked transfers after stage 7. District-managed projects and
// execution cuts are part of stage 4 (projects.go), cap_base of its caps.

// keepDistrictPool runs before stage 6: with [block] amount, stage 6
// starts from R = min(amount, remaining) and the district keeps
// remaining − R (区级统筹). Without it nothing changes.
func (r *run) keepDistrictPool() error {
	b := r.m.plan.Block
	if b == nil || b.Amount == nil {
		return nil
	}
	R := decimal.Min(*b.Amount, r.remaining)
	r.res.DistrictPool = r.remaining.Sub(R)
	r.remaining = R
	return nil
}

// transfers passes each earmarked transfer through to the sub-districts,
// LR(amount, w) with w_i the sub-district's Σ basis, one line each.
// Transfers take nothing from capacity or the pool, and damping never
// sees them: this runs after stage 7.
func (r *run) transfers() error {
	m, p := r.m, r.m.plan
	if len(p.Transfers) == 0 || r.keptTransfers() { // tail.go
		return nil
	}
	n := len(p.Subdistricts)
	sums := make([]accum, n)
	for i := range sums {
		sums[i].u = m.u
	}
	total := accum{u: m.u}
	for t, tr := range p.Transfers {
		w := make([]decimal.Decimal, n)
		sum := decimal.Zero
		for i := range w {
			w[i] = m.sumCols(i, m.transCols[t])
			sum = sum.Add(w[i])
		}
		shares, err := m.u.largestRemainder(tr.Amount, decimalWeights(w))
		if err != nil {
			return fmt.Errorf("transfer %s: %w", tr.ID, err)
		}
		ex := &transferText{m: m, t: t, sum: sum, w: w, shares: shares}
		for i := range r.res.Subdistricts {
			a := &r.res.Subdistricts[i]
			sums[i].add(shares[i].Amount)
			r.line(a, Line{Stage: StageTransfers, Item: tr.ID, Amount: shares[i].Amount, ex: ex, i: int32(i), j: int32(t)})
		}
		total.add(tr.Amount)
	}
	for i := range r.res.Subdistricts {
		r.res.Subdistricts[i].Transfers = sums[i].sum()
	}
	r.res.Transfers = total.sum()
	r.keepTransfers()
	return nil
}

// transferText explains the lines of one transfer: its amount × the
// sub-district's basis / the district's, then the largest-remainder step.
type transferText struct {
	m      *Model
	t      int
	sum    decimal.Decimal   // Σ_i w_i
	w      []decimal.Decimal // [sub-district] Σ basis
	shares []lrShare
}

func (x *transferText) explain(l *Line) string {
	m, tr, i := x.m, x.m.plan.Transfers[x.t], int(l.i)
	name := tr.Name // in brackets, which line text skips
	if !refSafe(name) {
		name = tr.ID
	}
	if x.sum.IsZero() {
		return fmt.Sprintf(wordTransferZero, name, m.u.group(tr.Amount), m.u.group(l.Amount))
	}
	return fmt.Sprintf(wordTransfer, name, m.u.group(tr.Amount), m.basisText(i, m.transCols[x.t]), num(x.sum)) +
		m.lrText(x.shares[i])
}
