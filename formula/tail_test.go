package formula

import (
	"math/big"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
)

// capacityWhatIfs are what-ifs of p that change the capacity (from one
// that funds no tier in full, or is rejected, to four times p's), the
// reserve rate and a tier cap: the numbers the tail memo replays.
func capacityWhatIfs(p *Plan) []*Plan {
	u, _ := p.unit()
	var out []*Plan
	for _, f := range []string{"0.05", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.85", "0.97", "1", "1.03", "1.2", "2", "4"} {
		q := *p
		q.Capacity = u.floor(p.Capacity.Mul(decimal.RequireFromString(f)))
		out = append(out, &q)
	}
	q := *p
	q.ReserveRate = q.ReserveRate.Add(decimal.RequireFromString("0.01"))
	out = append(out, &q)
	q2 := *p
	q2.TierCaps = map[Tier]decimal.Decimal{TierA: decimal.RequireFromString("0.002"), TierC: decimal.RequireFromString("0.5")}
	return append(out, &q2)
}

// freshTotals evaluates q without lines on a model of its own, which has
// nothing kept: every stage runs. It returns the result's fingerprint and
// the error of Compile or of the evaluation.
func freshTotals(q *Plan) (want string, compileErr, err error) {
	m, compileErr := Compile(q)
	if compileErr != nil {
		return "", compileErr, nil
	}
	res, err := m.EvaluateTotals()
	if err != nil {
		return "", nil, err
	}
	return fingerprint(res), nil, nil
}

// TestTailMatchesFresh: what-ifs of the capacity, the reserve rate and
// the tier caps, derived from one model so that they share its tail memo
// (stages 4 and 5 replayed, the block grant's weights and the transfers
// kept), give what a fresh evaluation gives, score formulas included, and
// the same errors; after them the memo holds what it keeps.
func TestTailMatchesFresh(t *testing.T) {
	n := uint64(300)
	if testing.Short() {
		n = 60
	}
	kept := 0
	for seed := uint64(1); seed <= n; seed++ {
		p := randomMoneyPlan(seed)
		m, err := Compile(p)
		if err != nil {
			continue
		}
		for round := range 2 { // the second round finds everything kept
			for k, q := range capacityWhatIfs(p) {
				want, compileErr, wantErr := freshTotals(q)
				d, err := m.Derive(q)
				if (err == nil) != (compileErr == nil) {
					t.Fatalf("seed %d what-if %d: derive err %v, compile err %v", seed, k, err, compileErr)
				}
				if err != nil {
					continue
				}
				res, err := d.EvaluateTotals()
				if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
					t.Fatalf("seed %d round %d what-if %d: err %v, fresh err %v", seed, round, k, err, wantErr)
				}
				if err != nil {
					continue
				}
				if err := res.CheckIdentity(); err != nil {
					t.Fatalf("seed %d what-if %d: %v", seed, k, err)
				}
				if got := fingerprint(res); got != want {
					t.Fatalf("seed %d round %d what-if %d: memoised\n%s\nwant\n%s", seed, round, k, got, want)
				}
			}
		}
		for _, e := range m.costs.tails.entries {
			if e.front.Load() != nil && e.block != nil {
				kept++
			}
		}
	}
	if kept == 0 {
		t.Fatal("no plan kept stages 4 to 6: the test exercised nothing")
	}
}

// TestTailConcurrent: goroutines evaluating what-ifs of one model at
// once (the server's case) get the fresh results; run with -race.
func TestTailConcurrent(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		p := randomMoneyPlan(seed)
		m, err := Compile(p)
		if err != nil {
			continue
		}
		qs := capacityWhatIfs(p)
		want := make([]string, len(qs))
		for k, q := range qs {
			want[k], _, _ = freshTotals(q)
		}
		var wg sync.WaitGroup
		errs := make(chan string, 4*len(qs))
		for g := range 4 {
			wg.Go(func() {
				for k := range qs {
					k = (k + g) % len(qs)
					d, err := m.Derive(qs[k])
					if err != nil {
						continue
					}
					if res, err := d.EvaluateTotals(); err == nil && fingerprint(res) != want[k] {
						errs <- fingerprint(res)
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for got := range errs {
			t.Fatalf("seed %d: concurrent what-if gave\n%s", seed, got)
		}
	}
}

// TestTailSample: the sample's shape (demote, caps on the available
// capacity, a block amount, transfers, floors that keep the rating) over
// capacities that fund its tiers fully and partly.
func TestTailSample(t *testing.T) {
	p := handPlan(Redistribute)
	together(p)
	m, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		for k, q := range capacityWhatIfs(p) {
			want, _, wantErr := freshTotals(q)
			d, err := m.Derive(q)
			if err != nil {
				continue
			}
			res, err := d.EvaluateTotals()
			if (err == nil) != (wantErr == nil) {
				t.Fatalf("what-if %d: err %v, fresh %v", k, err, wantErr)
			}
			if err == nil && fingerprint(res) != want {
				t.Fatalf("what-if %d: memoised\n%s\nwant\n%s", k, fingerprint(res), want)
			}
		}
	}
}

// TestSamePlan: samePlan says what reflect.DeepEqual says of two plans,
// shared tables or short copies, equal or changed; of a long table
// copied it says no.
func TestSamePlan(t *testing.T) {
	for seed := uint64(1); seed <= 50; seed++ {
		p := randomMoneyPlan(seed)
		same := *p
		copied := *p
		copied.Factors = append([]Factor(nil), p.Factors...)
		copied.Subdistricts = append([]Subdistrict(nil), p.Subdistricts...)
		weight := copied
		weight.Factors = append([]Factor(nil), p.Factors...)
		weight.Factors[0].Weight = weight.Factors[0].Weight.Add(decimal.New(1, -3))
		empty := *p
		empty.Transfers = []Transfer{}
		capacity := *p
		capacity.Capacity = p.Capacity.Add(decimal.NewFromInt(1))
		rewritten := *p // the same number, another big.Int
		rewritten.Capacity = decimal.NewFromBigInt(p.Capacity.Coefficient(), p.Capacity.Exponent())
		longer := *p // the same value written with one more decimal
		longer.Capacity = decimal.NewFromBigInt(new(big.Int).Mul(p.Capacity.Coefficient(), big.NewInt(10)), p.Capacity.Exponent()-1)
		for k, q := range []*Plan{&same, &copied, &weight, &empty, &capacity, &rewritten, &longer} {
			if got, want := samePlan(p, q), reflect.DeepEqual(p, q); got != want {
				t.Fatalf("seed %d plan %d: samePlan %v, DeepEqual %v", seed, k, got, want)
			}
		}
		// A decimal is compared by value and exponent: zero unset and zero
		// set are the same number written the same way.
		zero, unset := *p, *p
		zero.ReserveRate, unset.ReserveRate = decimal.New(0, 0), decimal.Decimal{}
		if !samePlan(&zero, &unset) {
			t.Fatalf("seed %d: a zero reserve rate set differs from one unset", seed)
		}
		// A long table copied is not compared: a miss, never a hit.
		long := *p
		long.Subdistricts = make([]Subdistrict, deepTable+1)
		longCopy := long
		longCopy.Subdistricts = slices.Clone(long.Subdistricts)
		if !samePlan(&long, &long) || samePlan(&long, &longCopy) {
			t.Fatalf("seed %d: a long table is compared deeply, or the same one is not equal", seed)
		}
	}
}
