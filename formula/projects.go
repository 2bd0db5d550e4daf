package formula

import (
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// This file is stage 4 of rules §3: projects by priority tier (项目经费,
// zero-based). Items are (sub-district, project) pairs in rules order: by
// sub-district, then project file order. Tiers are funded in order, each
// in full or, when its demand exceeds its cap or what remains, by largest
// remainder in proportion to the demands. An item's demand is scaled by
// the coefficient of its project rating (项目绩效) before the tiers; with
// [tiers] overflow = "demote", what a tier refuses an item of A, B or C
// joins the next tier as a demand of the same item, so that an item may be
// paid in parts (projectParts explains them).
//
// Demands and splits run on int64 units when they fit (the common case,
// unitDemands), else on exact decimals (exactDemands); both give the same
// amounts. The stage itself does not know which it runs on.

// tierDemands is one way of computing stage 4's demands and splits.
//
// An item's outstanding demand is its demand until a tier has funded
// part of it; with overflow = demote, what its tier refused stays
// outstanding and the item joins the next tier with it.
type tierDemands interface {
	// gather collects the items of a tier, in item order: for every
	// sub-district i, each project of cols in project file order, an own
	// project's item always and a demoted project's item when it still
	// has demand outstanding. It returns their outstanding total T, and
	// fails with errOverflow when T does not fit. refs says whether to
	// record the items' (sub-district, project) for refs().
	gather(cols []tierCol, refs bool) (decimal.Decimal, error)
	// refs returns the gathered items' (sub-district, project), when
	// gather recorded them.
	refs() []itemRef
	// demands returns the gathered items' outstanding demands.
	demands() partDemands
	// split shares budget b ≤ T over the gathered items: each its demand
	// when b = T (ranks nil), else by largest remainder, ranks giving the
	// items that got a leftover unit their place in the order of
	// remainders (1 = largest; 0: no leftover unit).
	split(t Tier, b, T decimal.Decimal) (amounts []decimal.Decimal, ranks []int32, err error)
	// settle takes what the last split gave the gathered items off their
	// outstanding demands.
	settle()
}

// tierCol is a project whose items may be in a tier: one of the tier's
// own, or, with overflow = demote, one of a tier above whose items join
// with what was refused them.
type tierCol struct {
	j   int
	own bool
}

// itemRef names an item: sub-district i, project j.
type itemRef struct{ i, j int32 }

// partDemands are the outstanding demands of a tier's items as gathered,
// in int64 units or exact decimals, kept to explain the items' parts.
type partDemands struct {
	u     unit
	units []int64
	exact []decimal.Decimal
}

// len is the number of items.
func (p partDemands) len() int { return max(len(p.units), len(p.exact)) }

// at is item k's outstanding demand.
func (p partDemands) at(k int) decimal.Decimal {
	if p.exact != nil {
		return p.exact[k]
	}
	return p.u.unitsDecimal(p.units[k])
}

// errOverflow stops the int64 path when a sum would not fit.
var errOverflow = errors.New("int64 overflow")

// projects runs stage 4, on int64 units when every demand fits and on
// exact decimals otherwise or when a tier's sum overflows.
func (r *run) projects() error {
	if fast, ok := r.m.demandsOnce(); ok {
		if r.m.plan.TierOverflow == OverflowDemote {
			fast = copyDemands(fast) // settled tier by tier
		}
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
			a.Lines, a.Projects, a.Managed = a.Lines[:lines[i]], decimal.Zero, decimal.Zero
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
	demote := p.TierOverflow == OverflowDemote
	book := r.projectBook()
	var parts *projectParts
	if demote {
		parts = &projectParts{m: r.m}
	}
	for _, t := range tierOrder {
		cols := tierCols(byTier, t, demote)
		if len(cols) == 0 {
			continue
		}
		if err := r.fundTier(d, t, cols, book, parts); err != nil {
			return err
		}
	}
	managed := accum{u: r.m.u}
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Projects, a.Managed = book.sums[i].sum(), book.managed[i].sum()
		managed.add(a.Managed)
	}
	r.res.DistrictManaged = managed.sum()
	return nil
}

// tierCols lists the projects whose items may be in tier t, in file
// order: its own and, with demote, those of tiers A to the one before t.
func tierCols(byTier [][]int, t Tier, demote bool) []tierCol {
	var cols []tierCol
	for _, j := range byTier[t] {
		cols = append(cols, tierCol{j: j, own: true})
	}
	if !demote || t <= TierA {
		return cols
	}
	for above := TierA; above < t; above++ {
		for _, j := range byTier[above] {
			cols = append(cols, tierCol{j: j})
		}
	}
	slices.SortFunc(cols, func(a, b tierCol) int { return a.j - b.j })
	return cols
}

// projectBook is where stage 4 records what the tiers give each item:
// every sub-district's sum and, when the result keeps lines, the items'
// lines, one a project in project file order from first[i] on.
type projectBook struct {
	sums     []accum // [sub-district] Σ of its items' amounts, district-managed ones left out
	managed  []accum // [sub-district] Σ of its district-managed items' amounts (rules §6)
	district []bool  // [project] managed by the district
	first    []int   // [sub-district] its first project line; nil without lines
}

// add books amount to item (i, j): to the sub-district's projects, or to
// its managed figure when the district manages project j.
func (b *projectBook) add(i, j int, amount decimal.Decimal) {
	if b.district[j] {
		b.managed[i].add(amount)
		return
	}
	b.sums[i].add(amount)
}

// line returns the line of item (i, j), or nil when there are no lines.
func (b *projectBook) line(res *Result, i, j int) *Line {
	if b.first == nil {
		return nil
	}
	return &res.Subdistricts[i].Lines[b.first[i]+j]
}

// projectBook starts stage 4's book: sums at zero and, when the result
// keeps lines, every sub-district's project lines, without amounts.
func (r *run) projectBook() *projectBook {
	p := r.m.plan
	b := &projectBook{sums: make([]accum, len(p.Subdistricts)), managed: make([]accum, len(p.Subdistricts)),
		district: make([]bool, len(p.Projects))}
	for i := range b.sums {
		b.sums[i].u, b.managed[i].u = r.m.u, r.m.u
	}
	for j, pr := range p.Projects {
		b.district[j] = pr.Managed == ManagedByDistrict
	}
	if r.res.noLines {
		return b
	}
	b.first = make([]int, len(p.Subdistricts))
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		b.first[i] = len(a.Lines)
		for j, pr := range p.Projects {
			stage := StageProjects
			if b.district[j] {
				stage = StageManaged
			}
			a.Lines = append(a.Lines, Line{Stage: stage, Item: pr.ID, i: int32(i), j: int32(j)})
		}
	}
	return b
}

// fundTier funds tier t, whose items' projects are cols: it decides the
// tier's budget, shares it over the tier's items and books their amounts.
// With demote (parts not nil) see fundParts.
func (r *run) fundTier(d tierDemands, t Tier, cols []tierCol, book *projectBook, parts *projectParts) error {
	if f, ok := d.(*unitDemands); ok && parts == nil && book.first == nil {
		return r.fundTierUnits(f, t, cols, book) // reuse.go
	}
	T, err := d.gather(cols, parts != nil)
	if err != nil {
		return err
	}
	var demands partDemands
	if parts != nil {
		if demands = d.demands(); demands.len() == 0 { // nothing demoted to a tier of no projects
			return nil
		}
	}
	ex := &projectTier{m: r.m}
	out, err := r.tierOutcome(t, T)
	if err != nil {
		return err
	}
	amounts, extra, err := d.split(t, out.Budget, T)
	if err != nil {
		return err
	}
	r.remaining = r.remaining.Sub(out.Budget)
	ex.out, ex.extra = out, extra
	if parts != nil {
		r.fundParts(d, ex, demands, amounts, book, parts)
		return nil
	}
	r.res.Tiers = append(r.res.Tiers, out)
	k := 0
	for i := range r.res.Subdistricts {
		for _, c := range cols {
			book.add(i, c.j, amounts[k])
			if l := book.line(r.res, i, c.j); l != nil {
				l.Amount, l.ex, l.k = amounts[k], ex, int32(k)
			}
			k++
		}
	}
	return nil
}

// fundParts records a tier's split with overflow = demote: the part of
// its demand demoted from the tiers above, each item's part (its line's
// amount is the sum of its parts at every tier it joined), and what the
// tier refused, which stays outstanding for the next.
func (r *run) fundParts(d tierDemands, ex *projectTier, demands partDemands, amounts []decimal.Decimal, book *projectBook, parts *projectParts) {
	t := ex.out.Tier
	ex.refs, ex.demands, ex.amounts = d.refs(), demands, amounts
	for k, it := range ex.refs {
		book.add(int(it.i), int(it.j), amounts[k])
		l := book.line(r.res, int(it.i), int(it.j))
		if r.m.plan.Projects[it.j].Tier == t { // the item's first part
			if l != nil {
				l.Amount, l.ex = amounts[k], parts
			}
			continue
		}
		if l != nil {
			l.Amount = l.Amount.Add(amounts[k])
		}
		ex.out.Demoted = ex.out.Demoted.Add(demands.at(k))
	}
	r.res.Tiers = append(r.res.Tiers, ex.out)
	d.settle()
	parts.tiers = append(parts.tiers, ex)
}

// tierOutcome decides a tier's budget: mandatory in full (or the plan is
// rejected), A–D within their cap and what remains.
func (r *run) tierOutcome(t Tier, T decimal.Decimal) (TierOutcome, error) {
	m, p := r.m, r.m.plan
	out := TierOutcome{Tier: t, Demand: T}
	if t == TierMandatory {
		if T.GreaterThan(r.remaining) {
			return out, rejected(MandatoryUnfunded, T.Sub(r.remaining),
				textMandatoryDetail, m.u.group(T), m.u.group(r.remaining))
		}
		out.Budget = T
		return out, nil
	}
	out.Budget = decimal.Min(T, r.remaining)
	if share, ok := p.TierCaps[t]; ok {
		c := m.u.floor(share.Mul(r.capBase()))
		out.Cap = &c
		out.Budget = decimal.Min(out.Budget, c)
	}
	return out, nil
}

// capBase is what a tier's max_share is a share of: the project pool, or
// with [tiers] cap_base = "available" the available capacity (rules §6).
func (r *run) capBase() decimal.Decimal {
	if r.m.plan.TierCapBase == CapAvailable {
		return r.res.Available
	}
	return r.res.Pool
}

// unitDemands is stage 4 on int64 counts of the rounding unit.
type unitDemands struct {
	u   unit
	d   [][]int64 // [sub-district][project] outstanding demand
	ds  []int64   // the gathered tier's outstanding demands, in item order
	its []itemRef // the gathered items, when recorded
	got []int64   // what the last split gave them
	sum int64     // their total
}

func (f *unitDemands) gather(cols []tierCol, refs bool) (decimal.Decimal, error) {
	f.ds, f.its = make([]int64, 0, len(f.d)*len(cols)), nil
	var sum int64
	var ok bool
	for i := range f.d {
		for _, c := range cols {
			d := f.d[i][c.j]
			if !c.own && d == 0 {
				continue
			}
			f.ds = append(f.ds, d)
			if refs {
				f.its = append(f.its, itemRef{int32(i), int32(c.j)})
			}
			if sum, ok = addUnits(sum, d); !ok {
				return decimal.Decimal{}, errOverflow
			}
		}
	}
	f.sum = sum
	return f.u.unitsDecimal(sum), nil
}

func (f *unitDemands) refs() []itemRef { return f.its }

func (f *unitDemands) demands() partDemands { return partDemands{u: f.u, units: f.ds} }

func (f *unitDemands) split(_ Tier, b, T decimal.Decimal) ([]decimal.Decimal, []int32, error) {
	amounts := make([]decimal.Decimal, len(f.ds))
	if b.Equal(T) {
		for k, d := range f.ds {
			amounts[k] = f.u.unitsDecimal(d)
		}
		f.got = f.ds
		return amounts, nil, nil
	}
	units, extra := splitUnits(f.u.units(b).Int64(), f.ds, f.sum)
	for k, v := range units {
		amounts[k] = f.u.unitsDecimal(v)
	}
	f.got = units
	return amounts, extra, nil
}

func (f *unitDemands) settle() {
	for k, it := range f.its {
		f.d[it.i][it.j] -= f.got[k]
	}
}

// exactDemands is stage 4 on exact decimals.
type exactDemands struct {
	u   unit
	d   [][]decimal.Decimal // [sub-district][project] outstanding demand
	ds  []decimal.Decimal   // the gathered tier's outstanding demands, in item order
	its []itemRef           // the gathered items, when recorded
	got []decimal.Decimal   // what the last split gave them
}

// newExactDemands computes every project demand
// round(unit_cost × Σ basis × c).
func newExactDemands(m *Model) *exactDemands {
	p := m.plan
	d := make([][]decimal.Decimal, len(p.Subdistricts))
	for i := range d {
		d[i] = make([]decimal.Decimal, len(p.Projects))
		for j, pr := range p.Projects {
			x := pr.UnitCost.Mul(m.sumCols(i, m.projectCols[j]))
			coefs := m.itemCoefs(i, j)
			for _, c := range coefs.c[:coefs.n] {
				x = x.Mul(c)
			}
			d[i][j] = m.u.round(x)
		}
	}
	return &exactDemands{u: m.u, d: d}
}

func (x *exactDemands) gather(cols []tierCol, refs bool) (decimal.Decimal, error) {
	x.ds, x.its = make([]decimal.Decimal, 0, len(x.d)*len(cols)), nil
	T := decimal.Zero
	for i := range x.d {
		for _, c := range cols {
			d := x.d[i][c.j]
			if !c.own && d.IsZero() {
				continue
			}
			x.ds = append(x.ds, d)
			if refs {
				x.its = append(x.its, itemRef{int32(i), int32(c.j)})
			}
			T = T.Add(d)
		}
	}
	return T, nil
}

func (x *exactDemands) refs() []itemRef { return x.its }

func (x *exactDemands) demands() partDemands { return partDemands{u: x.u, exact: x.ds} }

func (x *exactDemands) split(t Tier, b, T decimal.Decimal) ([]decimal.Decimal, []int32, error) {
	if b.Equal(T) {
		x.got = x.ds
		return x.ds, nil, nil
	}
	shares, err := x.u.largestRemainder(b, decimalWeights(x.ds))
	if err != nil {
		return nil, nil, fmt.Errorf("tier %s: %w", t, err)
	}
	amounts, extra := make([]decimal.Decimal, len(shares)), make([]int32, len(shares))
	for k, s := range shares {
		amounts[k], extra[k] = s.Amount, s.Rank
	}
	x.got = amounts
	return amounts, extra, nil
}

func (x *exactDemands) settle() {
	for k, it := range x.its {
		x.d[it.i][it.j] = x.d[it.i][it.j].Sub(x.got[k])
	}
}
