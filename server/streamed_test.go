package server

import (
	"bytes"
	"net/http"
	"testing"

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
