package formula

import (
	"math/bits"
	"slices"
	"sync"

	"github.com/shopspring/decimal"
)

// This file keeps, with a compiled model, what a what-if derived from it
// (derive.go) computes again unchanged when its overrides do not reach it:
// each sub-district's personnel and public costs when the staff
// categories and quotas are the base's, and every project demand when the
// projects and their coefficients are. A capacity, weight or cap then
// recomputes only the stages from the project pool on. The amounts are
// the ones the stages compute, made once (TestDeriveMatchesCompile).

// costsMemo is a model's memos: stages 2 and 3 of a result without
// lines (shared with the models derived from it whose costs are its), and
// its entry in the memo of stages 4 to 8 (tail.go).
type costsMemo struct {
	*sharedCosts
	// tails is the memo of stages 4 to 8, which every model derived from
	// a compiled one shares whatever its costs: it is keyed by the plan.
	tails *tailCache
	// entry is the model's entry of tails: set by Derive, or found on
	// first use (entryOnce).
	entry     *tailEntry
	entryOnce sync.Once
}

// sharedCosts is every sub-district's personnel and public costs.
type sharedCosts struct {
	once              sync.Once
	personnel, public []decimal.Decimal
	derived
}

// derived says that a memo is another model's with a few rows computed
// again (derive_rows.go): from is that model, rows the rows; from nil,
// the memo is computed whole.
type derived struct {
	from *Model
	rows []int
}

// demandMemo is every project demand as int64 units (demandUnits), or ok
// false when one does not fit.
type demandMemo struct {
	once  sync.Once
	units [][]int64
	ok    bool
	derived
}

// newMemos gives a model memos of its own.
func (m *Model) newMemos() {
	m.costs, m.demand = &costsMemo{sharedCosts: &sharedCosts{}, tails: &tailCache{}}, &demandMemo{}
}

// shareMemos gives m, derived from base, the memos of base whose inputs
// it shares: the same staff categories and quotas (the slices themselves,
// which an override copies before it changes them), the same projects
// and project coefficients.
func (m *Model) shareMemos(base *Model) {
	m.newMemos()
	m.costs.tails = base.costs.tails
	p, b := m.plan, base.plan
	if sameSlice(p.Staff, b.Staff) && sameSlice(p.Quotas, b.Quotas) {
		m.costs.sharedCosts = base.costs.sharedCosts
	}
	if sameSlice(p.Projects, b.Projects) && p.ProjectPerformance == b.ProjectPerformance &&
		p.ProjectExecution == b.ProjectExecution {
		m.demand = base.demand
	}
}

// sameSlice reports whether a and b are the same slice (not equal
// copies).
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// costTotals sets every sub-district's personnel and public costs of a
// result without lines from the memo, computing them on first use.
func (r *run) costTotals() {
	c := r.m.filledCosts()
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Personnel, a.Public = c.personnel[i], c.public[i]
	}
}

// filledCosts returns the model's costs memo, computing it on first use:
// whole, or from the memo of the model it derives from with its changed
// rows computed again.
func (m *Model) filledCosts() *sharedCosts {
	c := m.costs.sharedCosts
	c.once.Do(func() {
		s := &run{m: m, res: m.newResult(false), only: c.rows}
		s.personnel()
		s.public()
		if c.from != nil {
			b := c.from.filledCosts()
			c.personnel, c.public = slices.Clone(b.personnel), slices.Clone(b.public)
		} else {
			c.personnel = make([]decimal.Decimal, len(s.res.Subdistricts))
			c.public = make([]decimal.Decimal, len(s.res.Subdistricts))
		}
		for i := range s.rows() {
			c.personnel[i], c.public[i] = s.res.Subdistricts[i].Personnel, s.res.Subdistricts[i].Public
		}
	})
	return c
}

// demandsOnce is demandUnits made once per memo. The demands are shared:
// a caller that changes them (overflow = demote settles what each tier
// gave) takes a copy.
func (m *Model) demandsOnce() ([][]int64, bool) {
	d := m.demand
	if d == nil {
		return m.demandUnits()
	}
	d.once.Do(func() {
		if d.from != nil {
			if units, ok := m.demandRows(d.from, d.rows); ok {
				d.units, d.ok = units, true
				return
			}
		}
		d.units, d.ok = m.demandUnits()
	})
	return d.units, d.ok
}

// copyDemands copies demands made by demandUnits (one backing array).
func copyDemands(d [][]int64) [][]int64 {
	if len(d) == 0 {
		return d
	}
	n := len(d[0])
	flat := make([]int64, len(d)*n)
	out := make([][]int64, len(d))
	for i := range d {
		out[i] = flat[i*n : (i+1)*n : (i+1)*n]
		copy(out[i], d[i])
	}
	return out
}

// fundTierUnits is fundTier for a result without lines and without
// demote, on int64 units: the same budget, split and sums, booked without
// making a decimal of every item's amount.
func (r *run) fundTierUnits(f *unitDemands, t Tier, cols []tierCol, book *projectBook) error {
	T, err := f.gather(cols, false)
	if err != nil {
		return err
	}
	out, err := r.tierOutcome(t, T)
	if err != nil {
		return err
	}
	units := f.ds
	if !out.Budget.Equal(T) {
		units = splitCounts(f.u.units(out.Budget).Int64(), f.ds, f.sum)
	}
	f.got = units
	r.remaining = r.remaining.Sub(out.Budget)
	r.res.Tiers = append(r.res.Tiers, out)
	k := 0
	for i := range r.res.Subdistricts {
		for _, c := range cols {
			if book.district[c.j] {
				book.managed[i].addUnits(units[k])
			} else {
				book.sums[i].addUnits(units[k])
			}
			k++
		}
	}
	return nil
}

// addUnits is add(u.unitsDecimal(n)) without making the decimal.
func (s *accum) addUnits(n int64) {
	const digits18 = 1_000_000_000_000_000_000 - 1
	if n >= -digits18 && n <= digits18 &&
		((n >= 0 && s.n <= maxInt64-n) || (n < 0 && s.n >= minInt64-n)) {
		s.n += n
		return
	}
	s.rest = s.rest.Add(s.u.unitsDecimal(n))
}

const (
	maxInt64 = 1<<63 - 1
	minInt64 = -1 << 63
)

// splitCounts is splitUnits without the ranks: the same amounts. The
// items that get a leftover unit are the first of the order of
// remainders (largest first, equal ones in item order), found by
// selection rather than by sorting them all.
func splitCounts(b int64, w []int64, total int64) []int64 {
	out := make([]int64, len(w))
	rems := make([]uint64, len(w))
	var given int64
	for i, x := range w {
		hi, lo := bits.Mul64(uint64(b), uint64(x))
		q, r := bits.Div64(hi, lo, uint64(total))
		out[i], rems[i] = int64(q), r
		given += int64(q)
	}
	left := int(b - given)
	if left <= 0 {
		return out
	}
	order := make([]int32, len(w))
	for i := range order {
		order[i] = int32(i)
	}
	before := func(x, y int32) bool { return rems[x] > rems[y] || (rems[x] == rems[y] && x < y) }
	selectFirst(order, left, before)
	for _, i := range order[:left] {
		out[i]++
	}
	return out
}

// selectFirst reorders s so that its first k elements are the k first
// in the strict order before (in any order among themselves).
func selectFirst(s []int32, k int, before func(x, y int32) bool) {
	lo, hi := 0, len(s) // the k-th place is in s[lo:hi]
	for hi-lo > 16 {
		// Median of three as the pivot, moved to the end.
		mid := lo + (hi-lo)/2
		a, b, c := s[lo], s[mid], s[hi-1]
		pivot := mid
		switch {
		case before(a, b) == before(b, c):
			pivot = mid
		case before(b, a) == before(a, c):
			pivot = lo
		default:
			pivot = hi - 1
		}
		s[pivot], s[hi-1] = s[hi-1], s[pivot]
		p := s[hi-1]
		store := lo
		for i := lo; i < hi-1; i++ {
			if before(s[i], p) {
				s[i], s[store] = s[store], s[i]
				store++
			}
		}
		s[store], s[hi-1] = s[hi-1], s[store]
		switch {
		case store == k || store+1 == k:
			return
		case store > k:
			hi = store
		default:
			lo = store + 1
		}
	}
	slices.SortFunc(s[lo:hi], func(x, y int32) int {
		switch {
		case x == y:
			return 0
		case before(x, y):
			return -1
		}
		return 1
	})
}
