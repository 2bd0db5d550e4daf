package server

import (
	"bytes"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

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
		path := filepath.Join("testdata", "golden", tc.file)
		if *update {
			if err := os.WriteFile(path, w.Body.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(w.Body.Bytes(), want) {
			t.Errorf("%s differs from %s (status %d):\n%s", tc.url, path, w.Code, w.Body.String())
		}
	}
}
