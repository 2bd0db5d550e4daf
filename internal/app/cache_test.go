package app

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

func TestCacheBoundsEntries(t *testing.T) {
	c := NewCache(3, 1<<30)
	calls := 0
	get := func(k string) {
		c.Get(k, func() *Computed { calls++; return &Computed{Res: &formula.Result{}} })
	}
	for _, k := range []string{"a", "b", "c", "a", "d"} { // d evicts b, the least recently used
		get(k)
	}
	if st := c.Stats(); st.Entries != 3 || calls != 4 {
		t.Fatalf("entries %d, calls %d", st.Entries, calls)
	}
	get("a")
	get("c")
	get("d")
	if calls != 4 {
		t.Errorf("a, c, d should be cached (calls %d)", calls)
	}
	get("b")
	if calls != 5 {
		t.Errorf("b should have been evicted (calls %d)", calls)
	}
}

func TestCacheBoundsBytes(t *testing.T) {
	one := estimate(&Computed{Res: &formula.Result{}})
	c := NewCache(100, 5*one)
	for i := range 50 {
		c.Get(fmt.Sprint(i), func() *Computed { return &Computed{Res: &formula.Result{}} })
	}
	if st := c.Stats(); st.Bytes > 5*one || st.Entries != 5 {
		t.Fatalf("stats %+v", st)
	}
	c.Grow("49", 2*one) // a body rendered later counts too: two entries go
	if st := c.Stats(); st.Bytes > 5*one || st.Entries != 3 {
		t.Errorf("after grow: %+v", st)
	}
	c.Grow("49", 10*one) // an entry too big for the cache evicts everything
	if st := c.Stats(); st.Bytes > 5*one || st.Entries != 0 {
		t.Errorf("grow broke the bound: %+v", st)
	}
}

func TestCacheComputesOnce(t *testing.T) {
	c := NewCache(10, 1<<30)
	var calls atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			c.Get("k", func() *Computed {
				calls.Add(1)
				time.Sleep(20 * time.Millisecond)
				return &Computed{Res: &formula.Result{}}
			})
		})
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("computed %d times", calls.Load())
	}
}

func TestCacheKeepsNoInternalErrorOrPanic(t *testing.T) {
	c := NewCache(10, 1<<30)
	c.Get("e", func() *Computed { return &Computed{Err: fmt.Errorf("disk gone")} })
	func() {
		defer func() { _ = recover() }()
		c.Get("p", func() *Computed { panic("boom") })
	}()
	if st := c.Stats(); st.Entries != 0 {
		t.Errorf("cached %d faulty entries", st.Entries)
	}
	// A rejection follows from the inputs: it is cached.
	c.Get("r", func() *Computed { return &Computed{Err: &formula.RejectedError{Kind: formula.CapacityShortfall}} })
	if st := c.Stats(); st.Entries != 1 {
		t.Errorf("rejection not cached")
	}
}

// TestEstimateIsConservative measures the heap that cached results keep
// alive and checks that estimate is not below it (nor wildly above).
func TestEstimateIsConservative(t *testing.T) {
	for _, tc := range []struct {
		name string
		load func() (*standards.Document, error)
	}{
		{"sample", func() (*standards.Document, error) { return standards.LoadFS(configs.FS, configs.PlanPath) }},
		{"tiny", func() (*standards.Document, error) {
			return standards.LoadFile("../../server/testdata/plans/tiny.toml")
		}},
		// Amounts of 30 digits are held as big integers: the estimate
		// counts their digits.
		{"tiny, 30-digit capacity", func() (*standards.Document, error) {
			doc, err := standards.LoadFile("../../server/testdata/plans/tiny.toml")
			if err != nil {
				return nil, err
			}
			return doc.Apply(standards.Override{Path: "plan.capacity", Value: "6" + strings.Repeat("0", 29), File: "q"})
		}},
	} {
		doc, err := tc.load()
		if err != nil {
			t.Fatal(err)
		}
		v := &PlanVersion{Doc: doc}
		const n = 50
		keep := make([]*Computed, 0, n)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := range n {
			res, err := evaluate(&Job{Plan: v, Sets: []standards.Override{{Path: "subdistrict." + firstID(t, doc) + ".adjustment", Value: fmt.Sprintf("%.2f", 1+float64(i)/100), File: "q"}}})
			if err != nil {
				t.Fatal(err)
			}
			keep = append(keep, &Computed{Res: res})
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		measured := int64(after.HeapAlloc-before.HeapAlloc) / n
		est := estimate(keep[0])
		t.Logf("%s: measured %d bytes a result, estimate %d", tc.name, measured, est)
		if est < measured*9/10 || est > measured*3 {
			t.Errorf("%s: estimate %d for a measured %d bytes", tc.name, est, measured)
		}
		runtime.KeepAlive(keep)
	}
}

func firstID(t *testing.T, doc *standards.Document) string {
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	return p.Subdistricts[0].ID
}
