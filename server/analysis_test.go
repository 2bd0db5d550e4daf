package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// solveJSON is the part of a goal-seek answer the tests read.
type solveJSON struct {
	Find   string `json:"find"`
	Answer struct {
		Value string `json:"value"`
		Holds bool   `json:"holds"`
	} `json:"answer"`
	Beyond struct {
		Value    string `json:"value"`
		Holds    bool   `json:"holds"`
		Rejected string `json:"rejected"`
	} `json:"beyond"`
}

func getSolve(t *testing.T, e *testEnv, query string) solveJSON {
	t.Helper()
	w := e.Get("/api/v1/plans/tiny/solve.json?"+query, http.StatusOK)
	var s solveJSON
	if err := json.Unmarshal(w.Body.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	if !s.Answer.Holds || s.Beyond.Holds {
		t.Errorf("%s: answer %+v beyond %+v", query, s.Answer, s.Beyond)
	}
	return s
}

// TestSolveRoute: each kind of target over HTTP, with the request's
// overrides as the base.
func TestSolveRoute(t *testing.T) {
	e := newEnv(t, "")
	tests := []struct{ query, find, answer, beyond string }{
		{"target=min_capacity", "min", "54841632", "54841631"},
		{"target=" + url.QueryEscape("tier.A.demand<=cap") + "&vary=project.vector_control.unit_cost", "max", "1.23", "1.24"},
		{"target=" + url.QueryEscape("tier.A.shortfall==0") + "&vary=project.vector_control.unit_cost&precision=0.001", "max", "", ""},
		{"target=" + url.QueryEscape("subdistrict.east.total>=23000000") + "&find=min", "min", "", ""},
		{"target=" + url.QueryEscape("subdistrict.east.projects>=3000000") + "&vary=project.greening.unit_cost&find=min", "min", "", ""},
	}
	for _, tt := range tests {
		s := getSolve(t, e, tt.query)
		if s.Find != tt.find || tt.answer != "" && (s.Answer.Value != tt.answer || s.Beyond.Value != tt.beyond) {
			t.Errorf("%s: %+v", tt.query, s)
		}
	}
	// the base overrides apply first: a bigger reserve needs more capacity
	if s := getSolve(t, e, "target=min_capacity&set.plan.reserve_rate=0.05"); s.Answer.Value == "54841632" {
		t.Errorf("set. not applied: %+v", s)
	}
}

// TestAnalysisRouteErrors: bad parameters are 400 on the parameter,
// an unreachable target 422, an unknown plan 404.
func TestAnalysisRouteErrors(t *testing.T) {
	e := newEnv(t, "")
	tests := []struct {
		target string
		status int
		param  string
	}{
		{"/api/v1/plans/tiny/solve.json", 400, "target"},
		{"/api/v1/plans/tiny/solve.json?target=nonsense", 400, "target"},
		{"/api/v1/plans/tiny/solve.json?target=min_capacity&vary=plan.name", 400, "vary"},
		{"/api/v1/plans/tiny/solve.json?target=min_capacity&find=middle", 400, "find"},
		{"/api/v1/plans/tiny/solve.json?target=min_capacity&precision=abc", 400, "precision"},
		{"/api/v1/plans/tiny/solve.json?target=min_capacity&target=accepted", 400, "target"},
		{"/api/v1/plans/tiny/solve.json?target=min_capacity&step=1", 400, "step"},
		{"/api/v1/plans/tiny/solve.json?target=min_capacity&bogus=1", 400, "bogus"},
		{"/api/v1/plans/tiny/solve.json?target=min_capacity&set.nothing.here=1", 400, ""},
		{"/api/v1/plans/tiny/solve.json?target=" + url.QueryEscape("district.reserve<0"), 422, ""},
		{"/api/v1/plans/nowhere/solve.json?target=min_capacity", 404, ""},
		{"/api/v1/plans/tiny/sensitivity.json?step=abc", 400, "step"},
		{"/api/v1/plans/tiny/sensitivity.json?step=0", 400, "step"},
		{"/api/v1/plans/tiny/sensitivity.json?step=150%25", 400, "step"},
		{"/api/v1/plans/tiny/sensitivity.json?subdistrict=nowhere", 400, "subdistrict"},
		{"/api/v1/plans/tiny/sensitivity.json?target=min_capacity", 400, "target"},
		{"/api/v1/plans/tiny/sensitivity.json?bom=0", 400, "bom"},
		{"/api/v1/plans/tiny/charts/tornado.svg?per=x", 400, "per"},
	}
	for _, tt := range tests {
		w := e.Get(tt.target, tt.status)
		body := decodeError(t, w)
		if tt.param != "" && (len(body.Problems) == 0 || body.Problems[0].Path != tt.param) {
			t.Errorf("%s: problems %+v, want one on %q", tt.target, body.Problems, tt.param)
		}
	}
}

// TestSensitivityRoutes: the sweep as JSON and CSV, and its tornado
// chart in both formats, of all sub-districts or one.
func TestSensitivityRoutes(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/api/v1/plans/tiny/sensitivity.json?step=5%25&subdistrict=east", http.StatusOK)
	var rep struct {
		Step         string `json:"step"`
		Focus        string `json:"subdistrict"`
		Subdistricts []any  `json:"subdistricts"`
		Levers       []struct {
			Path   string `json:"path"`
			Masked bool   `json:"masked"`
		} `json:"levers"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Step != "0.05" || rep.Focus != "east" || len(rep.Subdistricts) == 0 || len(rep.Levers) < 10 {
		t.Errorf("sensitivity.json: %+v", rep)
	}
	w = e.Get("/api/v1/plans/tiny/sensitivity.csv", http.StatusOK)
	if b := w.Body.String(); !strings.HasPrefix(b, "\uFEFFpath,") || !strings.Contains(b, "plan.capacity") {
		t.Errorf("sensitivity.csv starts %.40q", b)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("csv content type %q", ct)
	}
	if b := e.Get("/api/v1/plans/tiny/sensitivity.csv?bom=0", http.StatusOK).Body.String(); !strings.HasPrefix(b, "path,") {
		t.Errorf("bom=0 starts %.10q", b)
	}
	for _, u := range []string{"tornado.svg", "tornado.png", "tornado.svg?subdistrict=west&step=0.2&set.plan.capacity=61000000"} {
		w := e.Get("/api/v1/plans/tiny/charts/"+u, http.StatusOK)
		ct := w.Header().Get("Content-Type")
		if !strings.HasPrefix(ct, "image/") || w.Body.Len() < 1000 {
			t.Errorf("%s: %s, %d bytes", u, ct, w.Body.Len())
		}
	}
}

// TestSolvePage: the form alone, an answer, and a target that fails
// (shown on the page under its status).
func TestSolvePage(t *testing.T) {
	e := newEnv(t, "")
	b := e.Get("/plans/tiny/solve", http.StatusOK).Body.String()
	for _, want := range []string{`<form id="solve"`, `name="target"`, `<option value="plan.capacity" selected>`, `charts/tornado.svg"`} {
		if !strings.Contains(b, want) {
			t.Errorf("form page lacks %q", want)
		}
	}
	b = e.Get("/plans/tiny/solve?target=min_capacity", http.StatusOK).Body.String()
	for _, want := range []string{`<strong id="solve-value">54,841,632</strong>`, "54,841,631", "少一个单位"} {
		if !strings.Contains(b, want) {
			t.Errorf("answer page lacks %q", want)
		}
	}
	b = e.Get("/plans/tiny/solve?target=nonsense", http.StatusBadRequest).Body.String()
	if !strings.Contains(b, "未能求解") || !strings.Contains(b, `value="nonsense"`) {
		t.Error("a bad target is not shown on the page with the form")
	}
	b = e.Get("/plans/tiny/solve?target="+url.QueryEscape("district.reserve<0"), http.StatusUnprocessableEntity).Body.String()
	if !strings.Contains(b, "未能求解") || !strings.Contains(b, `<form id="solve"`) {
		t.Error("a target out of reach is not shown on the page with the form")
	}
	if b := e.Get("/plans/tiny", http.StatusOK).Body.String(); !strings.Contains(b, `href="/plans/tiny/solve"`) {
		t.Error("the plan page does not link the solve page")
	}
}
