package server

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
)

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
	if st := e.srv.app.Cache.Stats(); st.Misses != 5 || st.Entries != 5 {
		t.Errorf("cache %+v: want 5 misses, 5 entries", st)
	}
}
