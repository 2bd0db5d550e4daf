package server

import (
	"fmt"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

func TestCacheBoundsEntries(t *testing.T) {
	c := newResultCache(3, 1<<30)
	calls := 0
	get := func(k string) {
		c.get(k, func() *computed { calls++; return &computed{res: &formula.Result{}} })
	}
	for _, k := range []string{"a", "b", "c", "a", "d"} { // d evicts b, the least recently used
		get(k)
	}
	if st := c.stats(); st.Entries != 3 || calls != 4 {
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
	one := estimate(&computed{res: &formula.Result{}})
	c := newResultCache(100, 5*one)
	for i := range 50 {
		c.get(fmt.Sprint(i), func() *computed { return &computed{res: &formula.Result{}} })
	}
	if st := c.stats(); st.Bytes > 5*one || st.Entries != 5 {
		t.Fatalf("stats %+v", st)
	}
	c.grow("49", 2*one) // a body rendered later counts too: two entries go
	if st := c.stats(); st.Bytes > 5*one || st.Entries != 3 {
		t.Errorf("after grow: %+v", st)
	}
	c.grow("49", 10*one) // an entry too big for the cache evicts everything
	if st := c.stats(); st.Bytes > 5*one || st.Entries != 0 {
		t.Errorf("grow broke the bound: %+v", st)
	}
}

func TestCacheComputesOnce(t *testing.T) {
	c := newResultCache(10, 1<<30)
	var calls atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			c.get("k", func() *computed {
				calls.Add(1)
				time.Sleep(20 * time.Millisecond)
				return &computed{res: &formula.Result{}}
			})
		})
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("computed %d times", calls.Load())
	}
}

func TestCacheKeepsNoInternalErrorOrPanic(t *testing.T) {
	c := newResultCache(10, 1<<30)
	c.get("e", func() *computed { return &computed{err: fmt.Errorf("disk gone")} })
	func() {
		defer func() { _ = recover() }()
		c.get("p", func() *computed { panic("boom") })
	}()
	if st := c.stats(); st.Entries != 0 {
		t.Errorf("cached %d faulty entries", st.Entries)
	}
	// A rejection follows from the inputs: it is cached.
	c.get("r", func() *computed { return &computed{err: &formula.RejectedError{Kind: formula.CapacityShortfall}} })
	if st := c.stats(); st.Entries != 1 {
		t.Errorf("rejection not cached")
	}
}

// TestConcurrentWhatIfs hammers the server with overlapping what-if
// requests (run with -race).
func TestConcurrentWhatIfs(t *testing.T) {
	e := newEnv(t, "")
	want := map[int]string{}
	for i := range 5 {
		want[i] = cellOf(t, "east", 6, fmt.Sprintf("plan.capacity=%d", 58000000+i))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for n := range 25 {
				i := (g + n) % 5
				w := e.do(http.MethodGet, fmt.Sprintf("/api/v1/plans/tiny/cell/east/total?set.plan.capacity=%d", 58000000+i), nil)
				if w.Code != http.StatusOK || w.Body.String() != want[i] {
					t.Errorf("capacity +%d: %d %s", i, w.Code, w.Body.String())
					return
				}
			}
		})
	}
	wg.Wait()
	if st := e.srv.eng.cache.stats(); st.Misses != 5 || st.Entries != 5 {
		t.Errorf("cache %+v: want 5 misses, 5 entries", st)
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
		{"tiny", func() (*standards.Document, error) { return standards.LoadFile("testdata/plans/tiny.toml") }},
	} {
		doc, err := tc.load()
		if err != nil {
			t.Fatal(err)
		}
		v := &planVersion{doc: doc}
		const n = 50
		keep := make([]*computed, 0, n)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := range n {
			res, err := evaluate(&job{plan: v, sets: []standards.Override{{Path: "subdistrict." + firstID(t, doc) + ".adjustment", Value: fmt.Sprint(1 + float64(i)/100), File: "q"}}})
			if err != nil {
				t.Fatal(err)
			}
			keep = append(keep, &computed{res: res})
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
