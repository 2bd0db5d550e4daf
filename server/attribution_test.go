package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/report"
)

// TestCompareAttribution: compare.json and compare.csv with attribute=1
// carry each sub-district's change split over the overrides, summing
// exactly to the change; without it the documents are as before.
func TestCompareAttribution(t *testing.T) {
	e := newEnv(t, "")
	const q = "set.plan.capacity=58000000&set.factor.workload.weight=0.5&set.factor.area.weight=0.1"
	w := e.Get("/api/v1/plans/tiny/compare.json?"+q+"&attribute=1", http.StatusOK)
	var doc report.CompareJSON
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	a := doc.Attribution
	if a == nil || a.By != "override" || len(a.Players) != 2 || a.Evaluations != 4 {
		t.Fatalf("attribution %+v", a)
	}
	if a.Players[0].Name != "plan.capacity" || a.Players[1].Name != "factor.*.weight" {
		t.Errorf("players %+v", a.Players)
	}
	for i, r := range append(a.Subdistricts, a.Totals) {
		sum := decimal.Zero
		for _, p := range r.Parts {
			sum = sum.Add(decimal.RequireFromString(p.Amount))
		}
		want := decimal.RequireFromString(r.Change)
		if !sum.Equal(want) {
			t.Errorf("%s: parts sum to %s, change %s", r.ID, sum, want)
		}
		if i < len(doc.Subdistricts) && !want.Equal(decimal.RequireFromString(doc.Subdistricts[i].Change)) {
			t.Errorf("%s: attributed change %s, compare says %s", r.ID, want, doc.Subdistricts[i].Change)
		}
		if !strings.HasPrefix(r.Sentence, "比原方案") {
			t.Errorf("%s: sentence %q", r.ID, r.Sentence)
		}
	}
	g := e.Get("/api/v1/plans/tiny/compare.json?"+q+"&attribute=1&by=group", http.StatusOK)
	if !strings.Contains(g.Body.String(), `"by": "group"`) || g.Header().Get("ETag") == w.Header().Get("ETag") {
		t.Errorf("by=group: same ETag or not grouped:\n%.300s", g.Body.String())
	}
	plain := e.Get("/api/v1/plans/tiny/compare.json?"+q, http.StatusOK)
	if strings.Contains(plain.Body.String(), "attribution") || plain.Header().Get("ETag") == w.Header().Get("ETag") {
		t.Error("compare without attribute=1 has an attribution, or the same ETag")
	}
	c := e.Get("/api/v1/plans/tiny/compare.csv?"+q+"&attribute=1&bom=0", http.StatusOK)
	head, _, _ := strings.Cut(c.Body.String(), "\r\n")
	if !strings.HasSuffix(head, ",attr:plan.capacity,attr:factor.*.weight") {
		t.Errorf("CSV header %q", head)
	}
}

func TestCompareAttributionRefusals(t *testing.T) {
	e := newEnv(t, "")
	for _, tc := range []struct {
		target string
		status int
		says   string
	}{
		{"/api/v1/plans/tiny/compare.json?attribute=1", http.StatusBadRequest, "needs scenario"},
		{"/api/v1/plans/tiny/compare.json?set.plan.capacity=58000000&attribute=yes", http.StatusBadRequest, "attribute must be"},
		{"/api/v1/plans/tiny/compare.json?set.plan.capacity=58000000&attribute=1&by=magic", http.StatusBadRequest, "by must be"},
		{"/api/v1/plans/tiny/allocations.json?attribute=1", http.StatusBadRequest, "unknown query parameter"},
		{"/api/v1/plans/tiny/compare.json?set.plan.capacity=58000000&by=group", http.StatusBadRequest, "only with attribute=1"},
		{"/api/v1/plans/tiny/compare.json?set.plan.capacity=58000000&attribute=1&by=override&set.plan.reserve_rate=0.01&set.staff.civil_servant.annual_pay=150000" +
			"&set.staff.community_worker.annual_pay=90000&set.subdistrict.east.quantities.area_km2=3&set.subdistrict.west.quantities.area_km2=3&set.subdistrict.north.quantities.area_km2=3" +
			"&set.subdistrict.east.staff.civil_servant=10&set.subdistrict.west.staff.civil_servant=10&set.subdistrict.north.staff.civil_servant=10" +
			"&set.project.greening.unit_cost=5&set.project.vector_control.unit_cost=1&set.quota.office.rate=100", http.StatusBadRequest, "at most 12"},
		// Either override alone: the pay rise is a shortfall.
		{"/api/v1/plans/tiny/compare.json?set.staff.civil_servant.annual_pay=1600000&set.plan.capacity=600000000&attribute=1", http.StatusUnprocessableEntity,
			"only [staff.civil_servant.annual_pay] applied"},
	} {
		w := e.Get(tc.target, tc.status, "Accept-Language", "en")
		if er := decodeError(t, w); !strings.Contains(er.Error, tc.says) {
			t.Errorf("%s: %q lacks %q", tc.target, er.Error, tc.says)
		}
	}
}

// TestStatementAttribution: a what-if's statement says how its change
// splits by group; the plan as written says nothing of it.
func TestStatementAttribution(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/plans/tiny/subdistricts/east?set.plan.capacity=58000000&set.staff.civil_servant.annual_pay=150000", http.StatusOK)
	body := w.Body.String()
	for _, want := range []string{`id="attribution"`, "比原方案", "财力总额", "标准调整"} {
		if !strings.Contains(body, want) {
			t.Errorf("statement lacks %q", want)
		}
	}
	if body := e.Get("/plans/tiny/subdistricts/east", http.StatusOK).Body.String(); strings.Contains(body, `id="attribution"`) {
		t.Error("the plan as written has an attribution")
	}
	// Alone, the pay rise is a shortfall: the statement says the split is
	// not defined, and still shows the what-if.
	w = e.Get("/plans/tiny/subdistricts/east?set.staff.civil_servant.annual_pay=1600000&set.plan.capacity=600000000", http.StatusOK)
	if !strings.Contains(w.Body.String(), "变化无法按类别归因") {
		t.Error("statement does not say why there is no attribution")
	}
}
