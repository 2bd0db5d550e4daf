package server

import (
	"net/http"
	"path/filepath"
	"testing"

	"github.com/caili/caili/internal/golden"
)

// TestGolden pins the bytes of the JSON, XML and text representations of
// the tiny plan. Run `go test ./server -run TestGolden -update` after an
// intended change, and review the diff.
func TestGolden(t *testing.T) {
	e := newEnv(t, "")
	for _, tc := range []struct{ file, url string }{
		{"tiny.allocations.json", "/api/v1/plans/tiny/allocations.json"},
		{"tiny.allocations.xml", "/api/v1/plans/tiny/allocations.xml"},
		{"tiny.allocations.csv", "/api/v1/plans/tiny/allocations.csv"},
		{"tiny.subdistrict.north.json", "/api/v1/plans/tiny/subdistricts/north.json"},
		{"tiny.compare.json", "/api/v1/plans/tiny/compare.json?set.plan.capacity=58000000&set.factor.workload.weight=0.5&set.factor.area.weight=0.1"},
		{"tiny.shortfall.json", "/api/v1/plans/tiny/allocations.json?set.plan.capacity=1000"},
		{"tiny.badoverride.json", "/api/v1/plans/tiny/allocations.json?set.factor.area.weight=0.3&set.plan.nope=1"},
	} {
		w := e.do(http.MethodGet, tc.url, nil)
		golden.Check(t, filepath.Join("testdata", "golden", tc.file), w.Body.Bytes())
	}
}
