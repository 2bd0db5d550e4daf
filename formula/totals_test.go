package formula

import (
	"testing"

	"github.com/shopspring/decimal"
)

// totalsMatch evaluates m without lines and fails the test unless it gives
// the error full evaluation gave (errFull), or full's result amount for
// amount with no lines, balanced.
func totalsMatch(t *testing.T, seed uint64, m *Model, full *Result, errFull error) {
	t.Helper()
	res, err := m.EvaluateTotals()
	if (err == nil) != (errFull == nil) || (err != nil && err.Error() != errFull.Error()) {
		t.Fatalf("seed %d: EvaluateTotals err %v, Evaluate err %v", seed, err, errFull)
	}
	if err != nil {
		return
	}
	for _, a := range res.Subdistricts {
		if a.Lines != nil {
			t.Fatalf("seed %d: %s has %d lines without lines", seed, a.ID, len(a.Lines))
		}
	}
	if err := res.CheckIdentity(); err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	if got, want := fingerprint(res), fingerprint(withoutLines(full)); got != want {
		t.Fatalf("seed %d: EvaluateTotals differs from Evaluate:\n%s\nwant\n%s", seed, got, want)
	}
}

// withoutLines is a copy of r whose allocations have no lines.
func withoutLines(r *Result) *Result {
	c := *r
	c.Subdistricts = make([]Allocation, len(r.Subdistricts))
	for i, a := range r.Subdistricts {
		a.Lines = nil
		c.Subdistricts[i] = a
	}
	return &c
}

// TestTotalsHandWorked: the hand-worked plans of every mode, and the
// sample's shapes, give the same amounts without lines.
func TestTotalsHandWorked(t *testing.T) {
	for mode, p := range []*Plan{handPlan(Redistribute), handPlan(Reserve)} {
		for _, change := range []func(*Plan){func(*Plan) {}, rateProjects, demote, together} {
			change(p)
			m, err := Compile(p)
			if err != nil {
				t.Fatal(err)
			}
			res, err := m.Evaluate()
			totalsMatch(t, uint64(mode), m, res, err)
		}
	}
}

// TestEffectsOnUnits: the rating's effects on units are the block grant
// less the neutral share, as difference gives them; a block grant that
// does not fit an int64 of units leaves them to the decimals.
func TestEffectsOnUnits(t *testing.T) {
	u, ok := newUnit(decimal.RequireFromString("0.01"))
	if !ok {
		t.Fatal("a unit of 0.01 refused")
	}
	r := &run{m: &Model{u: u}, res: &Result{noLines: true, Subdistricts: []Allocation{
		{Block: decimal.RequireFromString("1234.56")}, {Block: decimal.RequireFromString("0.00")}, {Block: decimal.RequireFromString("-3.5")},
	}}}
	floors := []int64{100000, 7, -400}
	effects := make([]decimal.Decimal, len(floors))
	if !r.effectsOnUnits(effects, floors) {
		t.Fatal("whole units refused")
	}
	for i, a := range r.res.Subdistricts {
		want := r.difference(a.Block, u.unitsDecimal(floors[i]))
		if a.RatingEffect != &effects[i] || !effects[i].Equal(want) || effects[i].Exponent() != want.Exponent() {
			t.Errorf("%d: effect %v, want %v", i, effects[i], want)
		}
	}
	r.res.Subdistricts[1].Block = decimal.RequireFromString("100000000000000000000") // 10^22 units
	if r.effectsOnUnits(effects, floors) {
		t.Error("a block grant beyond an int64 of units taken on units")
	}
}
