package twin

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// components are the amounts of a row: personnel, public, projects,
// incentive, block, damping.
const components = 6

// The columns of a row.
const (
	cPersonnel = iota
	cPublic
	cProjects
	cIncentive
	cBlock
	cDamping
)

// units rounds amounts to multiples of u as the rules do (§1.2).
type units float64

func (u units) round(x float64) float64 {
	q := math.Abs(x) / float64(u)
	return math.Copysign(math.Floor(q+0.5), x) * float64(u)
}
func (u units) floor(x float64) float64 { return math.Floor(x/float64(u)+1e-9) * float64(u) }
func (u units) ceil(x float64) float64  { return math.Ceil(x/float64(u)-1e-9) * float64(u) }

// lr splits b by the weights w by the largest remainder (rules §1.3).
func (u units) lr(b float64, w []float64) []float64 {
	out := make([]float64, len(w))
	var sum float64
	for _, x := range w {
		sum += x
	}
	if b == 0 || sum == 0 {
		return out
	}
	rem := make([]float64, len(w))
	left := b
	for i, x := range w {
		q := b * x / sum
		out[i] = u.floor(q)
		rem[i] = q - out[i]
		left -= out[i]
	}
	k := int(math.Round(left / float64(u)))
	idx := make([]int, len(w))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rem[idx[a]] > rem[idx[b]] })
	for _, i := range idx[:min(k, len(idx))] {
		out[i] += float64(u)
	}
	return out
}

// basis is Σ of the named quantities (staff.X: headcounts) of s.
func basis(s *sub, names []string) float64 {
	var b float64
	for _, n := range names {
		if id, ok := strings.CutPrefix(n, "staff."); ok {
			b += s.staff[id]
		} else {
			b += s.q[n]
		}
	}
	return b
}

// calculate runs stages 1 to 7 of rules §3 and returns each row.
func calculate(p *plan, subs []sub) ([][components]float64, error) {
	u := units(num(p.Plan.RoundingUnit, 1))
	rows := make([][components]float64, len(subs))
	capacity := num(p.Plan.Capacity, 0)
	available := capacity - u.round(capacity*num(p.Plan.ReserveRate, 0))
	var fixed float64
	for i := range subs {
		s := &subs[i]
		for _, c := range p.Staff {
			base := s.staff[c.ID] * num(c.AnnualPay, 0)
			if pay, ok := s.payroll[c.ID]; ok {
				base = pay
			}
			rows[i][cPersonnel] += u.round(base * (1 + num(c.OncostRate, 0)))
		}
		for _, q := range p.Quota {
			rows[i][cPublic] += u.round(num(q.Rate, 0) * basis(s, q.Basis))
		}
		fixed += rows[i][cPersonnel] + rows[i][cPublic]
	}
	if fixed > available {
		return nil, fmt.Errorf("twin: capacity shortfall %.0f", fixed-available)
	}
	pool := available - fixed
	remaining := projects(p, subs, rows, u, pool)
	if remaining < 0 {
		return nil, fmt.Errorf("twin: mandatory projects unfunded")
	}
	remaining -= incentive(p, subs, rows, u, remaining)
	if err := block(p, subs, rows, u, remaining); err != nil {
		return nil, err
	}
	return rows, damping(p, subs, rows, u)
}

// projects runs stage 4 and returns what remains of the pool (negative
// when the mandatory projects do not fit).
func projects(p *plan, subs []sub, rows [][components]float64, u units, pool float64) float64 {
	remaining := pool
	for _, tier := range []string{"mandatory", "A", "B", "C", "D"} {
		var who []int
		var demand []float64
		var total float64
		for i := range subs {
			for _, pr := range p.Project {
				if pr.Tier != tier {
					continue
				}
				d := u.round(num(pr.UnitCost, 0) * basis(&subs[i], pr.Basis))
				who, demand = append(who, i), append(demand, d)
				total += d
			}
		}
		if len(who) == 0 {
			continue
		}
		budget := min(total, remaining)
		if t, ok := p.Tiers[tier]; ok && t.MaxShare != "" && tier != "mandatory" {
			budget = min(budget, u.floor(num(t.MaxShare, 0)*pool))
		}
		if tier == "mandatory" {
			if total > remaining {
				return -1
			}
			budget = total
		}
		got := demand
		if budget != total {
			got = u.lr(budget, demand)
		}
		for k, i := range who {
			rows[i][cProjects] += got[k]
		}
		remaining -= budget
	}
	return remaining
}

// incentive runs stage 5 and returns its pool.
func incentive(p *plan, subs []sub, rows [][components]float64, u units, remaining float64) float64 {
	in := p.Incentive
	if in == nil {
		return 0
	}
	raw := make([]float64, len(subs))
	var sum float64
	for i := range subs {
		raw[i] = num(in.Rate, 0) * max(0, subs[i].q[in.Current]-subs[i].q[in.Previous])
		sum += raw[i]
	}
	b := min(sum, remaining)
	if in.Budget != "" {
		b = min(b, num(in.Budget, 0))
	}
	b = u.floor(b)
	for i, x := range u.lr(b, raw) {
		rows[i][cIncentive] = x
	}
	return b
}

// block runs stage 6 (redistribute mode) on what remains.
func block(p *plan, subs []sub, rows [][components]float64, u units, remaining float64) error {
	score := make([]float64, len(subs))
	for _, f := range p.Factor {
		for _, ind := range f.Indicator {
			var sum float64
			for i := range subs {
				sum += subs[i].q[ind.Quantity]
			}
			if sum == 0 {
				continue
			}
			w := num(f.Weight, 0) * num(ind.Weight, 0) / sum
			for i := range subs {
				score[i] += w * subs[i].q[ind.Quantity]
			}
		}
	}
	var total float64
	for i := range subs {
		c := 1.0
		if co, ok := p.Performance.Coefficients[subs[i].rating]; ok {
			c = num(co, 1)
		}
		score[i] *= subs[i].adjustment * c
		total += score[i]
	}
	if remaining > 0 && total == 0 {
		return fmt.Errorf("twin: nobody eligible for the block grant")
	}
	for i, x := range u.lr(remaining, score) {
		rows[i][cBlock] = x
	}
	return nil
}

// damping runs stage 7: floors and ceilings against the baseline.
func damping(p *plan, subs []sub, rows [][components]float64, u units) error {
	d := p.Damping
	if d == nil {
		return nil
	}
	n := len(subs)
	cut, need, lo, pre := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	var e, dd float64
	for i := range subs {
		r := &rows[i]
		pre[i] = r[cPersonnel] + r[cPublic] + r[cProjects] + r[cIncentive] + r[cBlock]
		b := subs[i].q[d.Baseline]
		if d.Floor != "" {
			lo[i] = u.ceil(num(d.Floor, 0) * b)
		}
		if d.Ceiling != "" {
			if hi := u.floor(num(d.Ceiling, 0) * b); pre[i] > hi {
				cut[i] = min(pre[i]-hi, r[cBlock])
			}
		}
		if pre[i] < lo[i] {
			need[i] = lo[i] - pre[i]
		}
		e += cut[i]
		dd += need[i]
	}
	reduction := make([]float64, n)
	if e < dd {
		g := make([]float64, n)
		var gs float64
		for i := range subs {
			if need[i] == 0 {
				g[i] = max(0, min(pre[i]-cut[i]-lo[i], rows[i][cBlock]-cut[i]))
				gs += g[i]
			}
		}
		if dd-e > gs {
			return fmt.Errorf("twin: damping floors cannot be funded")
		}
		reduction = u.lr(dd-e, g)
	}
	for i := range rows {
		rows[i][cDamping] = need[i] - cut[i] - reduction[i]
	}
	return nil
}
