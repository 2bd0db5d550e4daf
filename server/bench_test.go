package server

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// benchServer serves the embedded sample plan, as `caili serve` does.
func benchServer(b *testing.B) *Server {
	b.Helper()
	srv, err := New(withRecord(b, Config{Version: "bench", Logger: slog.New(slog.DiscardHandler), PollInterval: -1}))
	if err != nil {
		b.Fatal(err)
	}
	return srv
}

// BenchmarkCachedCSV is the cached allocations.csv of the sample plan.
func BenchmarkCachedCSV(b *testing.B) {
	h := benchServer(b).Handler()
	req := httptest.NewRequest(http.MethodGet, "/api/v1/plans/sample/allocations.csv", nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkWhatIfCSV is a what-if with three set. overrides that the
// cache cannot answer (a new capacity every time).
func BenchmarkWhatIfCSV(b *testing.B) {
	h := benchServer(b).Handler()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		url := fmt.Sprintf("/api/v1/plans/sample/allocations.csv?set.plan.capacity=%d&set.factor.workload.weight=0.5&set.factor.area.weight=0.1", 2600000000+i)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, url, nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
