package formula

import (
	"reflect"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"
)

// This file memoises, for results without lines, the parts of stages 4
// to 7 and the transfers that a what-if of the capacity leaves as they
// were (issue 25 §4):
//
//   - stages 4 and 5 (projects, incentive), which the capacity reaches
//     only through two decisions: each tier's budget and the incentive's
//     budget. An evaluation whose decisions come out as a kept one's (the
//     same code decides: tierOutcome, the incentive's min and floor) gives
//     its amounts and tiers' demands.
//   - the block grant's scores and integer weights (stage 6 before the
//     split), which read no amount at all;
//   - the transfers, which read no amount either, and damping's floors
//     and ceilings in units (damping_units.go).
//
// A model keeps them, with the models derived from it, under the plan
// they were computed for, less the capacity and the reserve rate
// (tailKey): a what-if of those two numbers finds them; any other change
// is another plan and another entry. The amounts are the ones the stages
// compute (TestTailMatchesFresh).

// tailCache is a model's memo of the stages above, shared with the models
// derived from it. It is safe for concurrent use.
type tailCache struct {
	mu      sync.Mutex
	entries []*tailEntry // oldest first
	rows    int          // Σ sub-districts of the entries
}

// Bounds of a tail cache: entries, and sub-districts over all entries (an
// entry holds every sub-district's amounts and score).
const (
	tailEntries = 8
	tailRows    = 20_000
)

// tailEntry is what is kept of one plan, keyed by the plan with the
// replayed numbers cleared (tailKey). Each memo is nil until an
// evaluation of the plan kept it, and read-only after.
type tailEntry struct {
	key       Plan
	clean     atomic.Bool // the plan's tables passed every check (derive_validate.go)
	front     atomic.Pointer[frontSnap]
	blockOnce sync.Once
	block     *blockMemo
	transfers atomic.Pointer[transferSnap]
	dampOnce  sync.Once
	damp      dampBounds // damping_units.go
}

// frontSnap is what stages 4 and 5 decided and computed.
type frontSnap struct {
	tiers                       []TierOutcome
	incSum, incPool             decimal.Decimal // Σ of the incentive's raw amounts, its budget
	managed                     decimal.Decimal // DistrictManaged
	projects, owned, incentives []decimal.Decimal
}

// blockMemo is the block grant's stage up to its split: the scale, the
// weights and each sub-district's score (whose explainer each result sets
// to its own stage).
type blockMemo struct {
	b      *blockStage
	w      *blockWeights
	nk     int
	scores []Score
}

// transferSnap is each sub-district's share of the transfers and their sum.
type transferSnap struct {
	each  []decimal.Decimal
	total decimal.Decimal
}

// tailKey is p without the capacity and the reserve rate, which reach
// the kept stages only through the decisions replayed.
func tailKey(p *Plan) Plan {
	k := *p
	k.Capacity, k.ReserveRate = decimal.Decimal{}, decimal.Decimal{}
	return k
}

// entry returns the cache's entry for plan p, adding one (and dropping
// the oldest beyond the bounds) when there is none. Two plans share an
// entry when they are deeply equal apart from what tailKey clears; the
// tables a what-if shares with its base are the same slices and compare
// at once.
func (c *tailCache) entry(p *Plan) *tailEntry { return c.entryNear(p, nil) }

// entryNear is entry, trying near first: the entry of the model p is
// derived from, which a what-if of the capacity or the reserve rate alone
// shares (its other tables compare at once, being the same slices).
func (c *tailCache) entryNear(p *Plan, near *tailEntry) *tailEntry {
	if c == nil || len(p.Subdistricts) > tailRows {
		return nil
	}
	key := tailKey(p)
	if near != nil && samePlan(&near.key, &key) {
		return near
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		if samePlan(&e.key, &key) {
			return e
		}
	}
	for len(c.entries) > 0 && (len(c.entries) >= tailEntries || c.rows+len(p.Subdistricts) > tailRows) {
		c.rows -= len(c.entries[0].key.Subdistricts)
		c.entries = slices.Delete(c.entries, 0, 1)
	}
	e := &tailEntry{key: key}
	c.entries = append(c.entries, e)
	c.rows += len(p.Subdistricts)
	return e
}

// tailEntry is the model's entry of its tail cache (found on first use
// unless Derive found it), nil when it has none.
func (m *Model) tailEntry() *tailEntry {
	c := m.costs
	if c == nil {
		return nil
	}
	c.entryOnce.Do(func() {
		if c.entry == nil {
			c.entry = c.tails.entry(m.plan)
		}
	})
	return c.entry
}

// front runs stages 4 and 5, or replays them from the run's entry.
func (r *run) front() error {
	if r.replayFront() {
		return nil
	}
	if err := r.projects(); err != nil {
		return err
	}
	if err := r.incentive(); err != nil {
		return err
	}
	if e := r.tail; e != nil && e.front.Load() == nil {
		s := &frontSnap{tiers: slices.Clone(r.res.Tiers), incSum: r.incSum, incPool: r.res.IncentivePool,
			managed: r.res.DistrictManaged}
		n := len(r.res.Subdistricts)
		s.projects, s.owned, s.incentives = make([]decimal.Decimal, n), make([]decimal.Decimal, n), make([]decimal.Decimal, n)
		for i := range r.res.Subdistricts {
			a := &r.res.Subdistricts[i]
			s.projects[i], s.owned[i], s.incentives[i] = a.Projects, a.Managed, a.Incentive
		}
		e.front.CompareAndSwap(nil, s)
	}
	return nil
}

// replayFront takes stages 4 and 5 from the kept ones when their
// decisions come out as they did, and reports whether it did. It leaves
// the run as it found it when it does not.
func (r *run) replayFront() bool {
	if r.tail == nil {
		return false
	}
	s := r.tail.front.Load()
	if s == nil {
		return false
	}
	var tiers []TierOutcome // nil as the stage leaves it when no tier has items
	if len(s.tiers) > 0 {
		tiers = make([]TierOutcome, len(s.tiers))
	}
	for k, t := range s.tiers {
		out, err := r.tierOutcome(t.Tier, t.Demand)
		if err != nil || !out.Budget.Equal(t.Budget) {
			r.remaining = r.res.Pool
			return false
		}
		out.Demoted = t.Demoted
		tiers[k] = out
		r.remaining = r.remaining.Sub(out.Budget)
	}
	if inc := r.m.plan.Incentive; inc != nil {
		b := decimal.Min(s.incSum, r.remaining)
		if inc.Budget != nil {
			b = decimal.Min(b, *inc.Budget)
		}
		if b = r.m.u.floor(b); !b.Equal(s.incPool) {
			r.remaining = r.res.Pool
			return false
		}
		r.remaining = r.remaining.Sub(b)
		r.res.IncentivePool = b
	}
	r.res.Tiers, r.res.DistrictManaged = tiers, s.managed
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Projects, a.Managed, a.Incentive = s.projects[i], s.owned[i], s.incentives[i]
	}
	return true
}

// blockWeights returns stage 6's stage, weights and number of
// indicators, and sets every sub-district's score: from the run's entry
// when it has one (computing them there on first use), else computed.
func (r *run) blockWeights() (*blockStage, *blockWeights, int) {
	e := r.tail
	if e == nil {
		return newBlockWeights(r.m, r.res)
	}
	e.blockOnce.Do(func() {
		b, w, nk := newBlockWeights(r.m, r.res)
		b.res = nil // kept for its scale (ScorePart.Part), not this result
		bm := &blockMemo{b: b, w: w, nk: nk, scores: make([]Score, len(r.res.Subdistricts))}
		for i := range r.res.Subdistricts {
			bm.scores[i] = r.res.Subdistricts[i].Score
		}
		e.block = bm
	})
	bm := e.block
	b := &blockStage{m: r.m, res: r.res, withPerf: bm.b.withPerf, scaleNum: bm.b.scaleNum, scaleDen: bm.b.scaleDen,
		sumAdj: bm.b.sumAdj, eAdj: bm.b.eAdj}
	for i := range r.res.Subdistricts {
		sc := bm.scores[i]
		sc.b = b
		r.res.Subdistricts[i].Score = sc
	}
	return b, bm.w, bm.nk
}

// keptTransfers sets the transfers from the run's entry and reports
// whether it had them.
func (r *run) keptTransfers() bool {
	if r.tail == nil {
		return false
	}
	s := r.tail.transfers.Load()
	if s == nil {
		return false
	}
	for i := range r.res.Subdistricts {
		r.res.Subdistricts[i].Transfers = s.each[i]
	}
	r.res.Transfers = s.total
	return true
}

// keepTransfers keeps the transfers of the run in its entry.
func (r *run) keepTransfers() {
	if r.tail == nil || r.tail.transfers.Load() != nil {
		return
	}
	s := &transferSnap{each: make([]decimal.Decimal, len(r.res.Subdistricts)), total: r.res.Transfers}
	for i := range r.res.Subdistricts {
		s.each[i] = r.res.Subdistricts[i].Transfers
	}
	r.tail.transfers.CompareAndSwap(nil, s)
}

// samePlan reports whether a and b are deeply equal, field by field: a
// table that both hold (the same slice, map or pointer) at once, a small
// one (a what-if's copy of the table it overrides) compared deeply, a
// decimal of the plan's own by value and exponent (sameField). It
// may say no to equal plans (a miss of the cache, never a wrong hit):
// tables of more than deepTable entries held in different slices or maps
// (a what-if of a few 街道's values copies the sub-districts: comparing
// them would cost more than it saves), and unexported fields that are
// not the same.
func samePlan(a, b *Plan) bool {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := range va.NumField() {
		fa, fb := va.Field(i), vb.Field(i)
		switch fa.Kind() {
		case reflect.Slice, reflect.Map, reflect.Pointer:
			if fa.IsNil() != fb.IsNil() {
				return false
			}
			if fa.UnsafePointer() == fb.UnsafePointer() && (fa.Kind() != reflect.Slice || fa.Len() == fb.Len()) {
				continue
			}
			if fa.Kind() != reflect.Pointer && (fa.Len() != fb.Len() || fa.Len() > deepTable) {
				return false
			}
		case reflect.String:
			if fa.String() != fb.String() {
				return false
			}
			continue
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if fa.Int() != fb.Int() {
				return false
			}
			continue
		}
		if !sameField(fa, fb) {
			return false
		}
	}
	return true
}

// sameField is samePlan's test of two fields of another kind: decimals
// by value and exponent (the same number written the same way), the
// stage codes with ==, without reflect.DeepEqual's walk of each
// big.Int (a what-if of the capacity compares three decimals and the
// stage codes: issue 25 §4); the rest deeply.
func sameField(fa, fb reflect.Value) bool {
	if !fa.CanInterface() {
		return false
	}
	switch x := fa.Addr().Interface().(type) {
	case *decimal.Decimal:
		y := fb.Addr().Interface().(*decimal.Decimal)
		return x.Exponent() == y.Exponent() && x.Cmp(*y) == 0
	case *StageCodes:
		return *x == *fb.Addr().Interface().(*StageCodes)
	}
	return reflect.DeepEqual(fa.Addr().Interface(), fb.Addr().Interface())
}

// deepTable is the most entries of a table samePlan compares deeply.
const deepTable = 64
