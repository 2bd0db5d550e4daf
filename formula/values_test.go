package formula

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

// TestValuesAsMap: Values answer every question a map of the same
// entries answers, the same way, through a random run of sets and
// deletes; All lists the names sorted.
func TestValuesAsMap(t *testing.T) {
	names := []string{"area", "people", "roads", "schools", "households", "a", "z"}
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 1))
		m := map[string]decimal.Decimal{}
		v := NewValues(NewNames(names[:r.IntN(len(names))]...)) // some names not numbered
		for range 30 {
			k := names[r.IntN(len(names))]
			if r.IntN(4) == 0 {
				delete(m, k)
				v.Delete(k)
				continue
			}
			x := decimal.New(r.Int64N(1000), -int32(r.IntN(3)))
			m[k] = x
			v.Set(k, x)
		}
		if v.Len() != len(m) {
			t.Fatalf("seed %d: Len %d, map %d", seed, v.Len(), len(m))
		}
		for j, k := range names {
			x, ok := v.Get(k)
			y, ok2 := m[k]
			if ok != ok2 || !x.Equal(y) || v.Has(k) != ok2 || !v.Value(k).Equal(y) {
				t.Fatalf("seed %d: %s: Get %v %v, map %v %v", seed, k, x, ok, y, ok2)
			}
			// By its number, by a wrong number, by one out of range.
			i, _ := v.Numbering().Number(k)
			for _, n := range []int{i, (i + 1) % len(names), j, -1, 99} {
				if x, ok := v.GetNumbered(n, k); ok != ok2 || !x.Equal(y) {
					t.Fatalf("seed %d: %s: GetNumbered(%d) %v %v, map %v %v", seed, k, n, x, ok, y, ok2)
				}
			}
		}
		if got, want := v.Names(), slices.Sorted(maps.Keys(m)); !slices.Equal(got, want) {
			t.Fatalf("seed %d: Names %v, want %v", seed, got, want)
		}
		if !v.Equal(ValuesOf(m)) || !ValuesOf(v.Map()).Equal(v) || !v.SameNames(ValuesOf(m)) {
			t.Fatalf("seed %d: not equal to the values of its map", seed)
		}
	}
}

// TestValuesCopies: With, Without and Clone leave the original as it
// was; Set is seen by a copy that shares the numbering, as a map's entry
// is; same tells the very values from an equal copy.
func TestValuesCopies(t *testing.T) {
	one, two := decimal.NewFromInt(1), decimal.NewFromInt(2)
	v := ValuesOf(map[string]decimal.Decimal{"a": one, "b": two})
	w := v.With("c", one).Without("a")
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"original", v.Names(), []string{"a", "b"}},
		{"with c, without a", w.Names(), []string{"b", "c"}},
		{"clone", v.Clone().Names(), []string{"a", "b"}},
		{"zero", Values{}.Names(), []string{}},
	}
	for _, tc := range tests {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	alias := v
	v.Set("a", two)
	if !alias.Value("a").Equal(two) {
		t.Error("Set of a numbered name not seen by a copy")
	}
	if !v.same(alias) || v.same(v.Clone()) || !v.Equal(v.Clone()) {
		t.Error("same: want the very values only")
	}
	var z Values
	z.Set("x", one)
	if z.Len() != 1 || !z.Value("x").Equal(one) {
		t.Errorf("Set on the zero Values: %v", z.Map())
	}
}

// ExampleValues: a sub-district's quantities, numbered once for the plan.
func ExampleValues() {
	names := NewNames("population", "area")
	q := NewValues(names)
	q.Set("area", decimal.RequireFromString("2.5"))
	q.Set("population", decimal.NewFromInt(52000))
	for name, v := range q.All() {
		fmt.Println(name, v)
	}
	_, ok := q.Get("roads")
	fmt.Println(q.Len(), ok)
	// Output:
	// area 2.5
	// population 52000
	// 2 false
}
