package formula

import (
	"testing"

	"github.com/shopspring/decimal"
)

func eqResult(people []string, amounts [][3]string) *Result {
	p := &Plan{}
	r := &Result{Plan: p}
	for i := range people {
		id := string(rune('a' + i))
		p.Subdistricts = append(p.Subdistricts, Subdistrict{ID: id, Quantities: ValuesOf(map[string]decimal.Decimal{DefaultPopulation: decimal.RequireFromString(people[i])})})
		// amounts: before block, block, damping
		before, block, damp := decimal.RequireFromString(amounts[i][0]), decimal.RequireFromString(amounts[i][1]), decimal.RequireFromString(amounts[i][2])
		r.Subdistricts = append(r.Subdistricts, Allocation{ID: id, Block: block, Damping: damp, Total: before.Add(block).Add(damp)})
	}
	return r
}

func str(d *decimal.Decimal) string {
	if d == nil {
		return "-"
	}
	return d.String()
}

// TestEqualisationMeasures pins the measures on small hand-worked cases.
func TestEqualisationMeasures(t *testing.T) {
	for _, tc := range []struct {
		name                          string
		people                        []string
		amounts                       [][3]string
		stage                         int
		cv, gini, theil, maxmin, mean string
	}{
		// y = 1, 3: μ 2, sd 1, Lorenz (½, ¼): G = 1 − (½·¼ + ½·1¼) = ¼;
		// T = ¼ ln ½ + ¾ ln 1.5. Damped: T = ⅔ ln(4/3) + ⅓ ln(2/3); weighted: T = ⅜ ln ½ + ⅝ ln 2.5.
		{"two", []string{"1", "1"}, [][3]string{{"1", "0", "0"}, {"3", "0", "0"}}, 0, "0.5", "0.25", "0.130812", "3", "2"},
		// the block grant evens them out: 1+3 = 4, 3+1 = 4.
		{"evened", []string{"1", "1"}, [][3]string{{"1", "3", "0"}, {"3", "1", "0"}}, 1, "0", "0", "0", "1", "4"},
		// damping takes 2 off the richer: 4, 2 per person.
		{"damped", []string{"1", "1"}, [][3]string{{"1", "3", "0"}, {"3", "1", "-2"}}, 2, "0.333333", "0.166667", "0.056633", "2", "3"},
		// weights: 3 people at 1, 1 person at 5: μ 2, var (3·1+1·9)/4 = 3.
		{"weighted", []string{"3", "1"}, [][3]string{{"3", "0", "0"}, {"5", "0", "0"}}, 0, "0.866025", "0.375", "0.312752", "5", "2"},
		// nothing for one: max/min undefined.
		{"zero", []string{"1", "1"}, [][3]string{{"0", "0", "0"}, {"4", "0", "0"}}, 0, "1", "0.5", "0.693147", "-", "2"},
	} {
		e, ok := eqResult(tc.people, tc.amounts).Equalisation()
		if !ok {
			t.Fatalf("%s: no equalisation", tc.name)
		}
		st := e.Stages[tc.stage]
		got := [5]string{str(st.CV), str(st.Gini), str(st.Theil), str(st.MaxMin), st.Mean.RatString()}
		want := [5]string{tc.cv, tc.gini, tc.theil, tc.maxmin, tc.mean}
		if got != want {
			t.Errorf("%s: got cv, gini, theil, max/min, mean %v, want %v", tc.name, got, want)
		}
		last := st.Lorenz[len(st.Lorenz)-1]
		if last.Population.RatString() != "1" || last.Amount.RatString() != "1" {
			t.Errorf("%s: Lorenz curve ends at (%s, %s)", tc.name, last.Population.RatString(), last.Amount.RatString())
		}
	}
}

// TestEqualisationPopulation: the population quantity is [plan]
// population, else resident_population when every sub-district has it;
// sub-districts without people are left out.
func TestEqualisationPopulation(t *testing.T) {
	r := eqResult([]string{"2", "0"}, [][3]string{{"1", "0", "0"}, {"3", "0", "0"}})
	e, ok := r.Equalisation()
	if !ok || len(e.IDs) != 1 || len(e.Excluded) != 1 || e.Excluded[0] != "b" {
		t.Fatalf("got %+v, %v", e, ok)
	}
	r.Plan.Subdistricts[1].Quantities.Delete(DefaultPopulation)
	if _, ok := r.Equalisation(); ok {
		t.Fatal("equalisation without a population quantity")
	}
	for i := range r.Plan.Subdistricts {
		r.Plan.Subdistricts[i].Quantities.Set("people", decimal.NewFromInt(int64(i+1)))
	}
	r.Plan.Population = "people"
	if e, ok := r.Equalisation(); !ok || e.Population != "people" || len(e.IDs) != 2 {
		t.Fatalf("[plan] population: got %+v, %v", e, ok)
	}
}

// TestEqualisationRandom: on random plans Gini lies in [0, 1], every
// Lorenz curve rises from (0, 0) to (1, 1), and the totals are the result's.
func TestEqualisationRandom(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		p := randomPlan(seed)
		for i := range p.Subdistricts {
			p.Subdistricts[i].Quantities.Set(DefaultPopulation, decimal.NewFromInt(int64(1000*(i+1))))
		}
		res, err := evaluate(p)
		if err != nil {
			continue
		}
		e, ok := res.Equalisation()
		if !ok {
			t.Fatalf("seed %d: no equalisation", seed)
		}
		if !e.Stages[2].Total.Equal(res.Totals()[len(ComponentNames)]) {
			t.Fatalf("seed %d: total %s", seed, e.Stages[2].Total)
		}
		for _, st := range e.Stages {
			if st.Gini != nil && (st.Gini.Sign() < 0 || st.Gini.GreaterThan(decimal.NewFromInt(1))) {
				t.Fatalf("seed %d %s: Gini %s", seed, st.Name, st.Gini)
			}
			for k := 1; k < len(st.Lorenz); k++ {
				if st.Lorenz[k].Population.Cmp(st.Lorenz[k-1].Population) < 0 {
					t.Fatalf("seed %d %s: Lorenz curve goes back", seed, st.Name)
				}
			}
		}
	}
}
