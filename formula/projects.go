package formula

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// This file is stage 4 of rules §3: projects by priority tier (项目经费,
// zero-based). Items are (sub-district, project) pairs in rules order: by
// sub-district, then project file order. Tiers are funded in order, each
// in full or, when its demand exceeds its cap or what remains, by largest
// remainder in proportion to the demands.
//
// Demands and splits run on int64 units when they fit (the common case,
// unitDemands), else on exact decimals (exactDemands); both give the same
// amounts. The stage itself does not know which it runs on.

// tierDemands is one way of computing stage 4's demands and splits.
type tierDemands interface {
	// gather collects the demands of the items (i, j) for every
	// sub-district i and each project j of js, in item order, and returns
	// their total T. It fails with errOverflow when T does not fit.
	gather(js []int) (decimal.Decimal, error)
	// split shares budget b ≤ T over the gathered items: each its demand
	// when b = T (extra nil), else by largest remainder, extra marking the
	// items that got a leftover unit.
	split(t Tier, b, T decimal.Decimal) (amounts []decimal.Decimal, extra []bool, err error)
}

// errOverflow stops the int64 path when a sum would not fit.
var errOverflow = errors.New("int64 overflow")

// projects runs stage 4, on int64 units when every demand fits and on
// exact decimals otherwise or when a tier's sum overflows.
func (r *run) projects() error {
	if fast, ok := r.m.demandUnits(); ok {
		lines := make([]int, len(r.res.Subdistricts))
		for i := range lines {
			lines[i] = len(r.res.Subdistricts[i].Lines)
		}
		err := r.projectStage(&unitDemands{u: r.m.u, d: fast})
		if !errors.Is(err, errOverflow) {
			return err
		}
		// A tier's sum overflowed int64: undo and take the exact path.
		for i := range lines {
			a := &r.res.Subdistricts[i]
			a.Lines, a.Projects = a.Lines[:lines[i]], decimal.Zero
		}
		r.res.Tiers = nil
		r.remaining = r.res.Pool
	}
	return r.projectStage(newExactDemands(r.m))
}

// projectStage funds the tiers in order with the given demands.
func (r *run) projectStage(d tierDemands) error {
	p := r.m.plan
	byTier := make([][]int, len(tierOrder))
	for j, pr := range p.Projects {
		byTier[pr.Tier] = append(byTier[pr.Tier], j)
	}
	first := r.projectLines()
	for _, t := range tierOrder {
		if len(byTier[t]) == 0 {
			continue
		}
		if err := r.fundTier(d, t, byTier[t], first); err != nil {
			return err
		}
	}
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		sum := accum{u: r.m.u}
		for j := range p.Projects {
			sum.add(a.Lines[first[i]+j].Amount)
		}
		a.Projects = sum.sum()
	}
	return nil
}

// projectLines adds every sub-district's project lines, in project file
// order and without amounts, and returns where each sub-district's start.
func (r *run) projectLines() []int {
	p := r.m.plan
	first := make([]int, len(p.Subdistricts))
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		first[i] = len(a.Lines)
		for j, pr := range p.Projects {
			a.Lines = append(a.Lines, Line{Stage: StageProjects, Item: pr.ID, i: int32(i), j: int32(j)})
		}
	}
	return first
}

// fundTier funds tier t, whose projects are js: it decides the tier's
// budget, shares it over the tier's items and fills in their lines.
func (r *run) fundTier(d tierDemands, t Tier, js, first []int) error {
	T, err := d.gather(js)
	if err != nil {
		return err
	}
	ex := &projectTier{m: r.m, remaining: r.remaining}
	out, err := r.tierOutcome(t, T)
	if err != nil {
		return err
	}
	amounts, extra, err := d.split(t, out.Budget, T)
	if err != nil {
		return err
	}
	r.res.Tiers = append(r.res.Tiers, out)
	ex.out, ex.extra = out, extra
	k := 0
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		for _, j := range js {
			l := &a.Lines[first[i]+j]
			l.Amount, l.ex, l.k = amounts[k], ex, int32(k)
			k++
		}
	}
	r.remaining = r.remaining.Sub(out.Budget)
	return nil
}

// tierOutcome decides a tier's budget: mandatory in full (or the plan is
// rejected), A–D within their cap and what remains.
func (r *run) tierOutcome(t Tier, T decimal.Decimal) (TierOutcome, error) {
	m, p := r.m, r.m.plan
	out := TierOutcome{Tier: t, Demand: T}
	if t == TierMandatory {
		if T.GreaterThan(r.remaining) {
			return out, &RejectedError{Kind: MandatoryUnfunded, Gap: T.Sub(r.remaining),
				Detail: fmt.Sprintf("mandatory demand %s exceeds the %s left after personnel and public costs", m.u.format(T), m.u.format(r.remaining))}
		}
		out.Budget = T
		return out, nil
	}
	out.Budget = decimal.Min(T, r.remaining)
	if share, ok := p.TierCaps[t]; ok {
		c := m.u.floor(share.Mul(r.res.Pool))
		out.Cap = &c
		out.Budget = decimal.Min(out.Budget, c)
	}
	return out, nil
}

// unitDemands is stage 4 on int64 counts of the rounding unit.
type unitDemands struct {
	u   unit
	d   [][]int64 // [sub-district][project] demand
	ds  []int64   // the gathered tier's demands, in item order
	sum int64     // their total
}

func (f *unitDemands) gather(js []int) (decimal.Decimal, error) {
	f.ds = make([]int64, 0, len(f.d)*len(js))
	var sum int64
	var ok bool
	for i := range f.d {
		for _, j := range js {
			d := f.d[i][j]
			f.ds = append(f.ds, d)
			if sum, ok = addUnits(sum, d); !ok {
				return decimal.Decimal{}, errOverflow
			}
		}
	}
	f.sum = sum
	return f.u.unitsDecimal(sum), nil
}

func (f *unitDemands) split(_ Tier, b, T decimal.Decimal) ([]decimal.Decimal, []bool, error) {
	amounts := make([]decimal.Decimal, len(f.ds))
	if b.Equal(T) {
		for k, d := range f.ds {
			amounts[k] = f.u.unitsDecimal(d)
		}
		return amounts, nil, nil
	}
	units, extra := splitUnits(f.u.units(b).Int64(), f.ds, f.sum)
	for k, v := range units {
		amounts[k] = f.u.unitsDecimal(v)
	}
	return amounts, extra, nil
}

// demandUnits computes every project demand round(unit_cost × Σ basis) as
// int64 units, reporting false if any does not fit (or the fast path is off).
func (m *Model) demandUnits() ([][]int64, bool) {
	if m.exactOnly {
		return nil, false
	}
	p := m.plan
	costs := make([]small, len(p.Projects))
	for j, pr := range p.Projects {
		c, ok := toSmall(pr.UnitCost)
		if !ok {
			return nil, false
		}
		costs[j] = c
	}
	out := make([][]int64, len(p.Subdistricts))
	flat := make([]int64, len(p.Subdistricts)*len(p.Projects))
	for i := range out {
		out[i], flat = flat[:len(p.Projects):len(p.Projects)], flat[len(p.Projects):]
		for j := range p.Projects {
			s, ok := sumBasis(m.cols, m.projectCols[j], i)
			if !ok {
				return nil, false
			}
			d, ok := mulRoundUnits(costs[j], s, m.u.places)
			if !ok {
				return nil, false
			}
			out[i][j] = d
		}
	}
	return out, true
}

// exactDemands is stage 4 on exact decimals.
type exactDemands struct {
	u  unit
	d  [][]decimal.Decimal // [sub-district][project] demand
	ds []decimal.Decimal   // the gathered tier's demands, in item order
}

// newExactDemands computes every project demand round(unit_cost × Σ basis).
func newExactDemands(m *Model) *exactDemands {
	p := m.plan
	d := make([][]decimal.Decimal, len(p.Subdistricts))
	for i := range d {
		d[i] = make([]decimal.Decimal, len(p.Projects))
		for j, pr := range p.Projects {
			d[i][j] = m.u.round(pr.UnitCost.Mul(m.sumCols(i, m.projectCols[j])))
		}
	}
	return &exactDemands{u: m.u, d: d}
}

func (x *exactDemands) gather(js []int) (decimal.Decimal, error) {
	x.ds = make([]decimal.Decimal, 0, len(x.d)*len(js))
	T := decimal.Zero
	for i := range x.d {
		for _, j := range js {
			x.ds = append(x.ds, x.d[i][j])
			T = T.Add(x.d[i][j])
		}
	}
	return T, nil
}

func (x *exactDemands) split(t Tier, b, T decimal.Decimal) ([]decimal.Decimal, []bool, error) {
	if b.Equal(T) {
		return x.ds, nil, nil
	}
	shares, err := x.u.largestRemainder(b, decimalWeights(x.ds))
	if err != nil {
		return nil, nil, fmt.Errorf("tier %s: %w", t, err)
	}
	amounts, extra := make([]decimal.Decimal, len(shares)), make([]bool, len(shares))
	for k, s := range shares {
		amounts[k], extra[k] = s.Amount, s.Extra
	}
	return amounts, extra, nil
}
