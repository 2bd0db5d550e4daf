package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/golden"
)

// errorRequests are the requests whose error JSON is pinned in both
// languages: an override of an unknown path, a bad query parameter, an
// unknown plan, an unknown sub-district, a plan the rules reject (422
// shortfall) and a method a route does not take (405).
var errorRequests = []struct{ method, url string }{
	{http.MethodGet, "/api/v1/plans/tiny/allocations.json?set.plan.capacit=58000000"},
	{http.MethodGet, "/api/v1/plans/tiny/allocations.csv?bom=2"},
	{http.MethodGet, "/api/v1/plans/nope/allocations.json"},
	{http.MethodGet, "/api/v1/plans/tiny/subdistricts/东.json"},
	{http.MethodGet, "/api/v1/plans/tiny/allocations.json?set.plan.capacity=1000"},
	{http.MethodDelete, "/api/v1/plans/tiny/allocations.json"},
}

// TestErrorJSONInBothLanguages pins the error bodies in Chinese (no
// Accept-Language: errors-zh.txt) and in English (Accept-Language: en:
// errors-en.txt): the messages change, the status and every code do not.
// Run `go test ./server -run TestErrorJSONInBothLanguages -update` after
// an intended change, and review the diff.
func TestErrorJSONInBothLanguages(t *testing.T) {
	e := newEnv(t, "")
	var zh, en bytes.Buffer
	for _, r := range errorRequests {
		wz := e.do(r.method, r.url, nil)
		we := e.do(r.method, r.url, nil, "Accept-Language", "en-US,en;q=0.9")
		if wz.Code != we.Code || wz.Code < 400 {
			t.Errorf("%s %s: status %d in Chinese, %d in English", r.method, r.url, wz.Code, we.Code)
		}
		bz, be := decodeError(t, wz), decodeError(t, we)
		if codes(bz) != codes(be) {
			t.Errorf("%s %s: codes %s in Chinese, %s in English", r.method, r.url, codes(bz), codes(be))
		}
		if wz.Header().Get("Content-Language") != "zh" || we.Header().Get("Content-Language") != "en" {
			t.Errorf("%s %s: Content-Language %q and %q", r.method, r.url, wz.Header().Get("Content-Language"), we.Header().Get("Content-Language"))
		}
		fmt.Fprintf(&zh, "%s %s\n%d\n%s\n", r.method, r.url, wz.Code, wz.Body.String())
		fmt.Fprintf(&en, "%s %s\nAccept-Language: en-US,en;q=0.9\n%d\n%s\n", r.method, r.url, we.Code, we.Body.String())
	}
	golden.Check(t, filepath.Join("testdata", "golden", "errors-zh.txt"), zh.Bytes())
	golden.Check(t, filepath.Join("testdata", "golden", "errors-en.txt"), en.Bytes())
}

// codes are an error body's codes, the top-level one and each problem's.
func codes(b errorJSON) string {
	out := []string{b.Code}
	for _, p := range b.Problems {
		out = append(out, p.Code)
	}
	j, _ := json.Marshal(out)
	return string(j)
}

// TestPagesStayChinese: the dashboard is Chinese, and so are its error
// pages, whatever the browser's Accept-Language (only the API's JSON
// follows it). The pages fetch nothing with scripts: their errors are
// these pages.
func TestPagesStayChinese(t *testing.T) {
	e := newEnv(t, "")
	for _, url := range []string{"/plans/nope", "/plans/tiny/subdistricts/nowhere", "/plans/tiny?set.plan.capacit=1"} {
		w := e.do(http.MethodGet, url, nil, "Accept", "text/html", "Accept-Language", "en")
		if w.Code < 400 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
			t.Fatalf("%s: status %d, %s", url, w.Code, w.Header().Get("Content-Type"))
		}
		if b := w.Body.String(); strings.Contains(b, "nothing has") || strings.Contains(b, "no plan") || strings.Contains(b, "malformed") {
			t.Errorf("%s: the page speaks English:\n%s", url, b)
		}
	}
}
