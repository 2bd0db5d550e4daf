package server

import (
	"bytes"
	"net/http"
	"testing"
	"time"

	"github.com/caili/caili/internal/app"
)

// TestWhatIfJSONStreams checks that a what-if's JSON, written as it is
// rendered, is the memoised rendering's bytes with the same headers, and
// that it is not memoised.
func TestWhatIfJSONStreams(t *testing.T) {
	e := newEnv(t, "")
	const query = "set.plan.capacity=58000000&set.damping.floor=0.9"
	w := e.Get("/api/v1/plans/tiny/allocations.json?"+query, http.StatusOK)
	q, err := app.ParseQuery(query, app.ParamSet|app.ParamScenario)
	if err != nil {
		t.Fatal(err)
	}
	j, err := e.srv.app.Resolve("tiny", q)
	if err != nil {
		t.Fatal(err)
	}
	comp := e.srv.app.Compute(j, e.srv.app.Key(j))
	if comp.Err != nil {
		t.Fatal(comp.Err)
	}
	want, err := renderAllocations(comp.Res, "json", csvOptions(q), e.srv.app.Stamp(j))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Body.Bytes(), want) {
		t.Fatalf("streamed body differs from the rendering (%d vs %d bytes)", w.Body.Len(), len(want))
	}
	if got := w.Header().Get("Content-Type"); got != typeJSON {
		t.Errorf("Content-Type %q, want %q", got, typeJSON)
	}
	if w.Header().Get("ETag") == "" || w.Header().Get("X-Caili-Stamp") == "" {
		t.Errorf("headers %v: want an ETag and a stamp", w.Header())
	}
	if _, fresh, _ := comp.Render("allocations.json", func() ([]byte, error) { return want, nil }); !fresh {
		t.Error("the streamed JSON was memoised")
	}
}

// TestWhatIfTotalsOnly checks that a what-if's CSV, XML and cells, which
// are evaluated without lines, are the bytes the full result gives, and
// that a full result already computed is used as it is.
func TestWhatIfTotalsOnly(t *testing.T) {
	e := newEnv(t, "")
	const query = "set.plan.capacity=58100000"
	q, err := app.ParseQuery(query, app.ParamSet|app.ParamScenario)
	if err != nil {
		t.Fatal(err)
	}
	j, err := e.srv.app.Resolve("tiny", q)
	if err != nil {
		t.Fatal(err)
	}
	key := e.srv.app.Key(j)
	bodies := map[string][]byte{}
	for _, format := range []string{"csv", "xml"} {
		bodies[format] = e.Get("/api/v1/plans/tiny/allocations."+format+"?"+query, http.StatusOK).Body.Bytes()
	}
	totals, _ := e.srv.app.ComputeTotals(j, key)
	if totals.Res == nil || len(totals.Res.Subdistricts) == 0 || len(totals.Res.Subdistricts[0].Lines) != 0 {
		t.Fatal("the what-if was evaluated with its lines")
	}
	full := e.srv.app.Compute(j, key)
	for format, got := range bodies {
		want, err := renderAllocations(full.Res, format, csvOptions(q), e.srv.app.Stamp(j))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the totals-only body differs from the full result's:\n%s\n%s", format, got, want)
		}
	}
	// The full result is cached now, and serves the totals too.
	if c, k := e.srv.app.ComputeTotals(j, key); k != key || c != e.srv.app.Compute(j, key) {
		t.Error("a cached full result was not used for the totals")
	}
	w := e.Get("/api/v1/plans/tiny/cell/west/total?"+query, http.StatusOK)
	if a, err := find(j, full.Res, "west"); err != nil {
		t.Fatal(err)
	} else if v, _ := cell(full.Res, a, "total"); w.Body.String() != v {
		t.Errorf("cell: %q, want %q", w.Body.String(), v)
	}
}

// TestReleaser: an answer is followed by a release; answers within
// releaseEvery of it, or while it runs, by exactly one more once that
// time has passed, never two at once.
func TestReleaser(t *testing.T) {
	var r releaser
	runs := func() int {
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.runs
	}
	waitRuns := func(n int) {
		t.Helper()
		for deadline := time.Now().Add(3 * releaseEvery); runs() < n; time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%d releases, want %d", runs(), n)
			}
		}
	}
	r.after()
	waitRuns(1)
	start := time.Now()
	r.after() // within releaseEvery: one more, later
	r.after() // covered by the same
	r.mu.Lock()
	if !r.scheduled || r.running {
		t.Error("no release due after an answer within releaseEvery")
	}
	r.mu.Unlock()
	waitRuns(2)
	if d := time.Since(start); d < releaseEvery/2 {
		t.Errorf("the second release after %v, want about %v", d, releaseEvery)
	}
	r.mu.Lock()
	r.running = true // as if one ran: an answer now asks for one more after it
	r.mu.Unlock()
	r.after()
	r.mu.Lock()
	again, scheduled := r.again, r.scheduled
	r.running, r.again = false, false
	r.mu.Unlock()
	if !again || scheduled {
		t.Errorf("an answer during a release: again %v, scheduled %v; want one more after it, none beside it", again, scheduled)
	}
	if runs() != 2 {
		t.Errorf("%d releases, want 2", runs())
	}
}
