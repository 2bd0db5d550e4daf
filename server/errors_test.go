package server

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

func TestErrorStatuses(t *testing.T) {
	e := newEnv(t, "secret")
	big := bytes.Repeat([]byte("#"), app.MaxBody+1)
	auth := []string{"Authorization", "Bearer secret"}
	scenario := []byte("[scenario]\nname = \"x\"\n[set]\n\"plan.capacity\" = \"58000000\"\n")
	for _, tc := range []struct {
		name, method, target string
		body                 []byte
		hdr                  []string
		status               int
		path                 string // a problem must name this path, when set
	}{
		// 400: bad query or override.
		{name: "unknown set path", target: "/api/v1/plans/tiny/allocations.json?set.plan.capcity=1", status: 400, path: "plan.capcity"},
		{name: "bad set value", target: "/api/v1/plans/tiny/allocations.csv?set.plan.capacity=lots", status: 400, path: "plan.capacity"},
		{name: "negative value", target: "/api/v1/plans/tiny/allocations.csv?set.plan.capacity=-5", status: 400, path: "plan.capacity"},
		{name: "weights no longer sum to 1", target: "/api/v1/plans/tiny/allocations.csv?set.factor.workload.weight=0.9", status: 400},
		{name: "empty set path", target: "/api/v1/plans/tiny/allocations.csv?set.=1", status: 400, path: "set."},
		{name: "unknown parameter", target: "/api/v1/plans/tiny/allocations.csv?senario=x", status: 400, path: "senario"},
		{name: "bom on json", target: "/api/v1/plans/tiny/allocations.json?bom=0", status: 400, path: "bom"},
		{name: "bad bom", target: "/api/v1/plans/tiny/allocations.csv?bom=maybe", status: 400, path: "bom"},
		{name: "bad escape", target: "/api/v1/plans/tiny/allocations.csv?set.plan.capacity=%zz", status: 400},
		{name: "semicolon", target: "/api/v1/plans/tiny/allocations.csv?set.plan.capacity=1;x=2", status: 400},
		{name: "scenario twice", target: "/api/v1/plans/tiny/allocations.csv?scenario=a&scenario=b", status: 400, path: "scenario"},
		{name: "bad scenario name", target: "/api/v1/plans/tiny/allocations.csv?scenario=a%01b", status: 400, path: "scenario"},
		// A scenario may be named by its [scenario] name (docs/names.md),
		// which may hold a slash: text that is no file name is only ever
		// compared with names, never made a path.
		{name: "scenario path trick", target: "/api/v1/plans/tiny/allocations.csv?scenario=../etc", status: 404},
		{name: "compare without what-if", target: "/api/v1/plans/tiny/compare.csv", status: 400},
		{name: "bad format", method: "POST", target: "/api/v1/calculate?format=xlsx", body: []byte("x"), status: 400, path: "format"},
		// 404: unknown plan, sub-district, column, scenario, route.
		{name: "unknown plan", target: "/api/v1/plans/nope/allocations.csv", status: 404},
		{name: "standards file is no plan", target: "/api/v1/plans/tiny-standards/allocations.csv", status: 404},
		{name: "unknown sub-district", target: "/api/v1/plans/tiny/subdistricts/nowhere.json", status: 404},
		{name: "unknown sub-district cell", target: "/api/v1/plans/tiny/cell/nowhere/total", status: 404},
		{name: "unknown column", target: "/api/v1/plans/tiny/cell/east/salary", status: 404},
		{name: "unknown scenario", target: "/api/v1/plans/tiny/allocations.csv?scenario=nope", status: 404},
		{name: "unknown scenario file", target: "/api/v1/plans/tiny/scenarios/nope", status: 404},
		{name: "scenarios of unknown plan", target: "/api/v1/plans/nope/scenarios", status: 404},
		{name: "unknown format", target: "/api/v1/plans/tiny/allocations.pdf", status: 404},
		{name: "unknown route", target: "/nope", status: 404},
		// 405: a route with another method.
		{name: "POST allocations", method: "POST", target: "/api/v1/plans/tiny/allocations.csv", status: 405},
		// 413: body over 1 MiB.
		{name: "calculate too large", method: "POST", target: "/api/v1/calculate", body: big, status: 413},
		{name: "scenario too large", method: "PUT", target: "/api/v1/plans/tiny/scenarios/big", body: big, hdr: auth, status: 413},
		// 422: the rules reject the plan.
		{name: "shortfall", target: "/api/v1/plans/tiny/allocations.csv?set.plan.capacity=1000", status: 422},
		{name: "shortfall cell", target: "/api/v1/plans/tiny/cell/east/total?set.plan.capacity=1000", status: 422},
		{name: "infeasible floors", target: "/api/v1/plans/tiny/allocations.json?set.damping.floor=1.1", status: 422},
		{name: "invalid posted plan", method: "POST", target: "/api/v1/calculate", body: []byte("[plan]\nname = 1\n"), status: 422},
		{name: "posted garbage", method: "POST", target: "/api/v1/calculate", body: []byte("\x00\xff not toml"), status: 422},
		// 401/403: writes.
		{name: "no token", method: "PUT", target: "/api/v1/plans/tiny/scenarios/x", body: scenario, status: 401},
		{name: "wrong token", method: "PUT", target: "/api/v1/plans/tiny/scenarios/x", body: scenario, hdr: []string{"Authorization", "Bearer nope"}, status: 401},
		{name: "wrong scheme", method: "DELETE", target: "/api/v1/plans/tiny/scenarios/x", hdr: []string{"Authorization", "Basic secret"}, status: 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.method == "" {
				tc.method = http.MethodGet
			}
			w := e.do(tc.method, tc.target, tc.body, tc.hdr...)
			if w.Code != tc.status {
				t.Fatalf("%s %s: status %d, want %d\n%s", tc.method, tc.target, w.Code, tc.status, w.Body.String())
			}
			body := decodeError(t, w)
			if tc.path != "" {
				found := false
				for _, p := range body.Problems {
					found = found || p.Path == tc.path
				}
				if !found {
					t.Errorf("no problem with path %q in %+v", tc.path, body.Problems)
				}
			}
			if w.Header().Get("ETag") != "" {
				t.Errorf("an error carries an ETag")
			}
			if tc.status == 401 && !strings.HasPrefix(w.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without WWW-Authenticate: Bearer")
			}
		})
	}
}

func TestRejectionBody(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/api/v1/plans/tiny/allocations.json?set.plan.capacity=1000", http.StatusUnprocessableEntity)
	b := decodeError(t, w)
	if b.Rejection == nil || b.Rejection.Kind != formula.CapacityShortfall.String() || b.Rejection.Gap == "" || b.Rejection.Gap == "0" {
		t.Errorf("rejection %+v", b.Rejection)
	}
}

func TestWritesForbiddenWithoutToken(t *testing.T) {
	e := newEnv(t, "")
	for _, method := range []string{http.MethodPut, http.MethodDelete} {
		for _, hdr := range [][]string{nil, {"Authorization", "Bearer "}, {"Authorization", "Bearer anything"}} {
			w := e.do(method, "/api/v1/plans/tiny/scenarios/x", []byte("[scenario]\nname=\"x\"\n"), hdr...)
			if w.Code != http.StatusForbidden {
				t.Errorf("%s with %v: %d, want 403", method, hdr, w.Code)
			}
			decodeError(t, w)
		}
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{msg.WithProblems(msg.AppOverridesInvalid.Err(caili.KindBadRequest), []formula.Problem{{Path: "x", Says: []formula.Words{msg.Verbatim.Words("unknown path")}}}), 400},
		{msg.WithProblems(msg.AppPlanInvalid.Err(caili.KindUnprocessable), []formula.Problem{{Path: "x", Says: []formula.Words{msg.Verbatim.Words("bad")}}}), 422},
		{&formula.InvalidPlanError{Problems: []formula.Problem{{Path: "x", Says: []formula.Words{msg.Verbatim.Words("bad")}}}}, 422},
		{&formula.RejectedError{Kind: formula.FloorsInfeasible}, 422},
		{app.Say(caili.KindNotFound, msg.AppNoPlan, "x"), 404},
		{errors.New("disk on fire"), 500},
	} {
		ae := app.Classify(tc.err)
		if got := status(ae.Kind); got != tc.want {
			t.Errorf("app.Classify(%T) → %d, want %d", tc.err, got, tc.want)
		}
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest(http.MethodGet, "/", nil)
		if b := body(c, ae); ae.Kind == caili.KindInternal && strings.Contains(b.Error, "fire") {
			t.Errorf("internal cause leaks to the client: %q", b.Error)
		}
	}
	for k := caili.KindBadRequest; k <= caili.KindInternal; k++ {
		if _, ok := statusOf[k]; !ok {
			t.Errorf("kind %d has no status", k)
		}
	}
}

func TestPanicIsJSON500(t *testing.T) {
	e := newEnv(t, "")
	e.srv.router.GET("/test-panic", func(*gin.Context) { panic("boom") })
	w := e.do(http.MethodGet, "/test-panic", nil)
	if w.Code != http.StatusInternalServerError {
		t.Fatalf("status %d", w.Code)
	}
	if b := decodeError(t, w); strings.Contains(b.Error, "boom") {
		t.Errorf("panic value leaks: %q", b.Error)
	}
}

// TestErrorPause: with Config.ErrorPause a refused request is answered
// only after the pause, an accepted one at once.
func TestErrorPause(t *testing.T) {
	e := newEnvWith(t, Config{ErrorPause: 80 * time.Millisecond})
	start := time.Now()
	e.Get("/api/v1/plans/tiny/allocations.csv?set.plan.nope=1", http.StatusBadRequest)
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Errorf("a refusal was answered after %v, before the pause", d)
	}
	e.Get("/api/v1/plans/tiny/allocations.csv", http.StatusOK)
	// A refused body of 200 KiB waits as long again for each 64 KiB.
	start = time.Now()
	if w := e.do(http.MethodPost, "/api/v1/calculate", []byte("x = \""+strings.Repeat("9", 200<<10)+"\"\n")); w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("a refused body: %d", w.Code)
	}
	if d := time.Since(start); d < 4*80*time.Millisecond {
		t.Errorf("a refused 200 KiB body was answered after %v, before its pause", d)
	}
	// A client that goes away ends the pause.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest(http.MethodGet, "/api/v1/plans/tiny/allocations.csv?set.plan.nope=1", nil).WithContext(ctx)
	w := httptest.NewRecorder()
	start = time.Now()
	e.srv.Handler().ServeHTTP(w, req)
	if d := time.Since(start); d >= 80*time.Millisecond {
		t.Errorf("the pause outlived its client: %v", d)
	}
}
