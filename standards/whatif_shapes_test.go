package standards

import (
	"strings"
	"testing"

	"github.com/caili/caili/formula"
)

// TestWhatIfByShape: every what-if of patchCases, at several capacities
// and reserve rates (one the plan cannot meet, one that does not read as a
// number), gives the same result or the same problem whether it is made on
// the kept model of its other overrides or the usual way; and a sweep of
// the capacity over the same overrides keeps one model for them.
func TestWhatIfByShape(t *testing.T) {
	sets := make([]string, len(patchCases))
	for i, tt := range patchCases {
		sets[i] = tt.set
	}
	shaped := checkByShape(t, tinyPlan(t), sets)
	checkByShape(t, rulesPlan(t), []string{"project_performance.coefficients.中=0.8", "tiers.overflow=cut",
		"damping.floor_keeps_rating=false", "subdistrict.east.project_ratings.vector_control=中", "damping.floor=0.95"})
	// One model kept per shape: a sweep adds none.
	shaped.shapes = &shapeCache{}
	for _, capacity := range []string{"59000000", "59500000", "60000001"} {
		ovs, err := ParseSets("factor.workload.weight=0.5", "factor.area.weight=0.1", "plan.capacity="+capacity)
		if err != nil {
			t.Fatal(err)
		}
		if _, took := shaped.byShape(ovs); !took {
			t.Fatalf("capacity %s: not made by its shape", capacity)
		}
	}
	if n := len(shaped.shapes.entries); n != 1 {
		t.Errorf("%d models kept for one shape", n)
	}
}

// TestShapeCacheBounded: the kept models are the latest shapeEntries, and
// a key is kept once.
func TestShapeCacheBounded(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := doc.base()
	var c shapeCache
	for i := range shapeEntries + 3 {
		c.put(strings.Repeat("k", i+1), m)
		c.put(strings.Repeat("k", i+1), nil) // kept already: the first stays
	}
	if len(c.entries) != shapeEntries || c.get("k") != nil || c.get("kkk") != nil || c.get(strings.Repeat("k", shapeEntries+3)) != m {
		t.Errorf("%d entries kept", len(c.entries))
	}
	if _, ok := shapeKey([]Override{{Path: "a", Value: []any{"1"}}}); ok {
		t.Error("a list value has a shape key")
	}
	if a, _ := shapeKey([]Override{{Path: "a", Value: "1"}}); a == mustKey(t, Override{Path: "a", Value: int64(1)}) {
		t.Error("a text and a number have one key")
	}
}

func mustKey(t *testing.T, ovs ...Override) string {
	t.Helper()
	k, ok := shapeKey(ovs)
	if !ok {
		t.Fatal("no key")
	}
	return k
}

// checkByShape evaluates each of sets with each of a few headers on plan
// text, by shape and the usual way, and fails when the two differ or no
// what-if was made by its shape; it returns the shaped document.
func checkByShape(t *testing.T, text string, sets []string) *Document {
	t.Helper()
	shaped, err := Parse("plan.toml", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Parse("plan.toml", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	plain.shapes = nil // the usual way only
	heads := []string{"plan.capacity=59000000", "plan.capacity=61000000", "plan.reserve_rate=0.03&plan.capacity=60500000",
		"plan.capacity=1", "plan.capacity=abc", "plan.reserve_rate=2"}
	for _, set := range sets {
		for _, head := range heads {
			ovs, err := ParseSets(strings.Split(set+"&"+head, "&")...)
			if err != nil {
				t.Fatal(err)
			}
			got := outcome(t, func() (*formula.Result, error) { return evaluate(shaped, ovs...) })
			want := outcome(t, func() (*formula.Result, error) { return evaluate(plain, ovs...) })
			if got != want {
				t.Fatalf("%s&%s: by its shape\n%.400s\nthe usual way\n%.400s", set, head, got, want)
			}
		}
	}
	if len(shaped.shapes.entries) == 0 {
		t.Error("no what-if was made by its shape")
	}
	return shaped
}
