package formula

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// This file runs the stages of rules §3 in order: stage 1 (reserve) and
// stage 8 (total) here, the others each in their own file: costs.go
// (personnel, public), projects.go, incentive.go, block.go, damping.go.
// What a line says is rendered by explain.go.

// run is the state of one evaluation as it moves through the stages.
type run struct {
	m         *Model
	res       *Result
	remaining decimal.Decimal
	neutral   []lrShare // stage 6 without ratings, when floors keep the rating (nil otherwise)
}

// Evaluate runs the stages of rules §3 and returns the result. A plan the
// rules cannot fund gives a *RejectedError carrying the gap; nothing is
// half-computed.
func (m *Model) Evaluate() (*Result, error) {
	r := &run{m: m, res: m.newResult()}
	// Stage 1: reserve.
	r.res.Reserve = m.u.round(m.plan.Capacity.Mul(m.plan.ReserveRate))
	r.res.Available = m.plan.Capacity.Sub(r.res.Reserve)

	r.personnel()
	r.public()
	if err := r.projectPool(); err != nil {
		return nil, err
	}
	steps := []func() error{r.projects, r.incentive, r.block, r.damping}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	// Stage 8: total.
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Total = a.Personnel.Add(a.Public).Add(a.Projects).Add(a.Incentive).Add(a.Block).Add(a.Damping)
	}
	if err := r.res.CheckIdentity(); err != nil {
		return nil, fmt.Errorf("evaluate %q: %w", m.plan.Name, err)
	}
	return r.res, nil
}

// newResult starts an evaluation's result: every sub-district's
// allocation, empty, with room for all its lines.
func (m *Model) newResult() *Result {
	p := m.plan
	res := &Result{
		Plan:         p,
		Unit:         m.u.d,
		Capacity:     p.Capacity,
		Subdistricts: make([]Allocation, len(p.Subdistricts)),
	}
	// Room for every line: staff, quotas, projects, incentive, one per
	// indicator, and up to three damping lines.
	n := len(p.Staff) + len(p.Quotas) + len(p.Projects) + 4
	for _, f := range p.Factors {
		n += len(f.Indicators)
	}
	buf := make([]Line, n*len(p.Subdistricts))
	for i, s := range p.Subdistricts {
		res.Subdistricts[i] = Allocation{ID: s.ID, Name: s.Name, Lines: buf[i*n : i*n : (i+1)*n]}
	}
	return res
}

// projectPool sets the project pool, what personnel and public costs
// leave of the available capacity, or rejects the plan when they exceed it.
func (r *run) projectPool() error {
	spent := decimal.Zero
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		spent = spent.Add(a.Personnel).Add(a.Public)
	}
	if spent.GreaterThan(r.res.Available) {
		u := r.m.u
		return &RejectedError{Kind: CapacityShortfall, Gap: spent.Sub(r.res.Available),
			Detail: fmt.Sprintf("personnel and public costs %s exceed available %s", u.format(spent), u.format(r.res.Available))}
	}
	r.res.Pool = r.res.Available.Sub(spent)
	r.remaining = r.res.Pool
	return nil
}
