package formula

import (
	"fmt"
	"iter"

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
	neutral   []lrShare       // stage 6 without ratings, when floors keep the rating (nil otherwise)
	only      []int           // the rows stages 2 and 3 compute when a memo is derived row by row (reuse.go); nil: all
	incSum    decimal.Decimal // Σ of the incentive's raw amounts (kept by tail.go)
	tail      *tailEntry      // where stages 4–7 keep what a what-if of the capacity reuses (tail.go); nil: nothing kept
}

// rows are the sub-districts stages 2 and 3 compute: r.only when set,
// else every one.
func (r *run) rows() iter.Seq[int] {
	return func(yield func(int) bool) {
		if r.only != nil {
			for _, i := range r.only {
				if !yield(i) {
					return
				}
			}
			return
		}
		for i := range r.res.Subdistricts {
			if !yield(i) {
				return
			}
		}
	}
}

// Evaluate runs the stages of rules §3 and returns the result. A plan the
// rules cannot fund gives a *RejectedError carrying the gap; nothing is
// half-computed.
func (m *Model) Evaluate() (*Result, error) { return m.evaluate(true) }

// EvaluateTotals is [Model.Evaluate] without the lines: the same result,
// amount for amount (every component, total, score, tier and reserve),
// and the same errors, except that no allocation has Lines and nothing is
// kept to explain them. It is for outputs that show only components and
// totals, such as the allocation table as CSV: on a plan of many
// sub-districts the lines are most of a result's memory (10,000
// sub-districts × 140 standards: about 1.4 million lines, 200 MB).
func (m *Model) EvaluateTotals() (*Result, error) { return m.evaluate(false) }

// evaluate runs the stages, recording every amount's line when lines is
// set.
func (m *Model) evaluate(lines bool) (*Result, error) {
	r := &run{m: m, res: m.newResult(lines)}
	// Stage 1: reserve.
	r.res.Reserve = m.u.round(m.plan.Capacity.Mul(m.plan.ReserveRate))
	r.res.Available = m.plan.Capacity.Sub(r.res.Reserve)

	if lines || m.costs == nil {
		r.personnel()
		r.public()
	} else {
		r.costTotals() // reuse.go
	}
	if err := r.projectPool(); err != nil {
		return nil, err
	}
	if !lines {
		r.tail = m.tailEntry() // tail.go
	}
	steps := []func() error{r.front, r.keepDistrictPool, r.block, r.damping, r.transfers}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	// Stage 8: total.
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		t := accum{u: m.u} // the same sum as Add, on units while they fit
		for _, x := range [...]decimal.Decimal{a.Personnel, a.Public, a.Projects, a.Incentive, a.Block, a.Damping, a.Transfers} {
			t.add(x)
		}
		a.Total = t.sum()
	}
	if err := r.res.CheckIdentity(); err != nil {
		return nil, fmt.Errorf("evaluate %q: %w", m.plan.Name, err)
	}
	return r.res, nil
}

// newResult starts an evaluation's result: every sub-district's
// allocation, empty, with room for all its lines when lines is set.
func (m *Model) newResult(lines bool) *Result {
	p := m.plan
	res := &Result{
		Plan:         p,
		Unit:         m.u.d,
		Capacity:     p.Capacity,
		Subdistricts: make([]Allocation, len(p.Subdistricts)),
		noLines:      !lines,
	}
	if !lines {
		for i, s := range p.Subdistricts {
			res.Subdistricts[i] = Allocation{ID: s.ID, Name: s.Name}
		}
		return res
	}
	// Room for every line: staff, quotas, projects, incentive, one per
	// indicator, up to three damping lines and one per transfer.
	n := len(p.Staff) + len(p.Quotas) + len(p.Projects) + 4 + len(p.Transfers)
	for _, f := range p.Factors {
		n += len(f.Indicators)
	}
	buf := make([]Line, n*len(p.Subdistricts))
	for i, s := range p.Subdistricts {
		res.Subdistricts[i] = Allocation{ID: s.ID, Name: s.Name, Lines: buf[i*n : i*n : (i+1)*n]}
	}
	return res
}

// line adds a line to a sub-district's allocation, unless the result
// keeps no lines.
func (r *run) line(a *Allocation, l Line) {
	if !r.res.noLines {
		a.Lines = append(a.Lines, l)
	}
}

// projectPool sets the project pool, what personnel and public costs
// leave of the available capacity, or rejects the plan when they exceed it.
func (r *run) projectPool() error {
	sum := accum{u: r.m.u}
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		sum.add(a.Personnel)
		sum.add(a.Public)
	}
	spent := sum.sum()
	if spent.GreaterThan(r.res.Available) {
		u := r.m.u
		return rejected(CapacityShortfall, spent.Sub(r.res.Available),
			textShortfallDetail, u.group(spent), u.group(r.res.Available))
	}
	r.res.Pool = r.res.Available.Sub(spent)
	r.remaining = r.res.Pool
	return nil
}
