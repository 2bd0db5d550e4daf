package server

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

// fuzzRoutes are the result routes FuzzQuery sends queries to.
var fuzzRoutes = []string{
	"/api/v1/plans/tiny/allocations.csv",
	"/api/v1/plans/tiny/allocations.json",
	"/api/v1/plans/split/allocations.xml",
	"/api/v1/plans/tiny/cell/east/share",
	"/api/v1/plans/tiny/subdistricts/north.json",
	"/api/v1/plans/tiny/compare.csv",
	"/api/v1/plans/tiny/allocations.xlsx",
	"/api/v1/plans/tiny/charts/components.svg",
	"/api/v1/plans/tiny/charts/compare.png",
	"/api/v1/plans/tiny/charts/per_capita.svg",
}

// fuzzPages are the dashboard pages FuzzPages sends queries to.
var fuzzPages = []string{
	"/plans/tiny",
	"/plans/split",
	"/plans/tiny/subdistricts/east",
	"/plans/tiny/subdistricts/nowhere",
}

// FuzzQuery sends arbitrary query strings (overrides, scenarios, junk) to
// the result routes: no input may give a 500 or a panic, and every error
// is the JSON error body.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{
		"", "set.plan.capacity=58000000", "set.plan.capacity=1000", "set.plan.capacity=-1",
		"set.factor.workload.weight=0.5&set.factor.area.weight=0.1",
		"set.factor.workload.indicator.communities.weight=0.7&set.factor.workload.indicator.hotline_tickets.weight=0.3",
		"set.performance.coefficients.%E4%B8%AD=0.95", "set.subdistrict.east.quantities.population=1e9",
		"set.subdistrict.east.name=%3Dcmd", "set.tiers.B.max_share=0.1", "set.damping.floor=2",
		"set.plan.rounding_unit=0.01", "set.plan.rounding_unit=3", "set.performance.mode=reserve",
		"set.subdistrict.west.staff.civil_servant=1.5", "set.=", "set.x.y.z=1", "scenario=nope", "scenario=%00",
		"bom=0", "%zz", "a;b", "set.plan.capacity=99999999999999999999999999999999999999", "set.project.greening.tier=E",
		"per=population", "per=communities", "per=nope", "per=", "per=staff.civil_servant", "per=%E4%BA%BA",
	} {
		for i := range fuzzRoutes {
			f.Add(uint8(i), s)
		}
	}
	e := newEnv(f, "")
	f.Fuzz(func(t *testing.T, route uint8, raw string) {
		req := httptest.NewRequest(http.MethodGet, fuzzRoutes[int(route)%len(fuzzRoutes)], nil)
		req.URL.RawQuery = raw
		w := httptest.NewRecorder()
		e.srv.Handler().ServeHTTP(w, req)
		switch w.Code {
		case http.StatusOK:
			if w.Body.Len() == 0 {
				t.Fatalf("empty 200 for %q", raw)
			}
		case http.StatusBadRequest, http.StatusNotFound, http.StatusUnprocessableEntity:
			decodeError(t, w)
		default:
			t.Fatalf("query %q: status %d\n%s", raw, w.Code, w.Body.String())
		}
	})
}

// FuzzPages sends arbitrary queries (the what-if form's fields, free
// rows, scenarios, junk) to the dashboard's pages: every answer is an HTML
// page with 200, 400, 404 or 422, never a 500 or a panic.
func FuzzPages(f *testing.F) {
	for _, s := range []string{
		"", "set.plan.capacity=58000000", "set.plan.capacity=1000", "set.plan.capacity=",
		"set.factor.workload.weight=0.5&set.factor.area.weight=0.1", "set.factor.workload.weight=0.5",
		"path=plan.capacity&value=58000000", "path=plan.capacity", "value=1", "path=&value=&path=x&value=1",
		"path=set.subdistrict.east.quantities.population&value=1e9", "scenario=nope", "scenario=..%2F..", "scenario=",
		"set.=1", "set.%00=1", "%zz", "a;b", "path=subdistrict.east.name&value=%3Cscript%3E",
	} {
		for i := range fuzzPages {
			f.Add(uint8(i), s)
		}
	}
	e := newEnv(f, "")
	f.Fuzz(func(t *testing.T, route uint8, raw string) {
		req := httptest.NewRequest(http.MethodGet, fuzzPages[int(route)%len(fuzzPages)], nil)
		req.URL.RawQuery = raw
		w := httptest.NewRecorder()
		e.srv.Handler().ServeHTTP(w, req)
		switch w.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusNotFound, http.StatusUnprocessableEntity:
			if ct := w.Header().Get("Content-Type"); ct != typeHTML || !bytes.Contains(w.Body.Bytes(), []byte("</html>")) {
				t.Fatalf("query %q: %d %s, not a whole page", raw, w.Code, ct)
			}
		default:
			t.Fatalf("query %q: status %d\n%s", raw, w.Code, w.Body.String())
		}
	})
}

// FuzzCalculate posts arbitrary bodies as plans: 200, 413 or 422 only.
func FuzzCalculate(f *testing.F) {
	tiny, err := os.ReadFile("testdata/plans/tiny.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tiny)
	f.Add([]byte(""))
	f.Add([]byte("[plan]\n"))
	f.Add(bytes.Replace(tiny, []byte(`"60000000"`), []byte(`"1000"`), 1))
	f.Add(bytes.Replace(tiny, []byte(`rounding_unit = "1"`), []byte(`rounding_unit = "0.01"`), 1))
	f.Add(bytes.Replace(tiny, []byte(`[plan]`), []byte("[plan]\nstandards = \"/etc/passwd\""), 1))
	f.Add([]byte("[plan]\nname = \"x\"\nfiscal_year = 2025\ncapacity = 1e400\n"))
	f.Add([]byte{0xff, 0xfe, 0x00})
	e := newEnv(f, "")
	f.Fuzz(func(t *testing.T, body []byte) {
		w := serve(e.srv, http.MethodPost, "/api/v1/calculate", body)
		switch w.Code {
		case http.StatusOK:
		case http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
			decodeError(t, w)
		default:
			t.Fatalf("body %q: status %d\n%s", body, w.Code, w.Body.String())
		}
	})
}

// FuzzScenario saves arbitrary scenario files: 200, 201, 400 or 413 only,
// and what is saved can be used.
func FuzzScenario(f *testing.F) {
	f.Add([]byte(tighter))
	f.Add([]byte("[scenario]\nname = \"x\"\n"))
	f.Add([]byte("[scenario]\nname = \"x\"\n[set]\n\"plan.capacity\" = 1000\n"))
	f.Add([]byte("[scenario]\nname = \"x\"\n[set]\n\"subdistrict.east.quantities.x\" = [1, 2]\n"))
	f.Add([]byte("[set]\n\"a\" = 1\n"))
	e := newEnv(f, "secret")
	f.Fuzz(func(t *testing.T, body []byte) {
		w := serve(e.srv, http.MethodPut, "/api/v1/plans/tiny/scenarios/fuzz", body, "Authorization", "Bearer secret")
		switch w.Code {
		case http.StatusOK, http.StatusCreated:
			u := serve(e.srv, http.MethodGet, "/api/v1/plans/tiny/allocations.csv?scenario=fuzz", nil)
			if u.Code != http.StatusOK && u.Code != http.StatusUnprocessableEntity {
				t.Fatalf("saved scenario %q gives %d", body, u.Code)
			}
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			decodeError(t, w)
		default:
			t.Fatalf("scenario %q: status %d\n%s", body, w.Code, w.Body.String())
		}
	})
}
