package server

import (
	"net/http"
	"testing"
)

// TestSubdistrictTokenCannotReadDrafts: the working plans are drafts; a
// 街道's token sent to any of their routes is refused (403), its own
// published statement is not; planners, approvers and requests without
// a token read them as before, and a wrong token is refused (401).
func TestSubdistrictTokenCannotReadDrafts(t *testing.T) {
	e := newRecordEnv(t)
	live := []string{
		"/api/v1/plans/tiny/allocations.json",
		"/api/v1/plans/tiny/allocations.csv",
		"/api/v1/plans/tiny/subdistricts/west.json",
		"/api/v1/plans/tiny/subdistricts/east.json",
		"/api/v1/plans/tiny/cell/west/total",
		"/api/v1/plans/tiny/compare.json?set.plan.capacity=61000000",
		"/api/v1/plans/tiny/charts/components.svg",
		"/api/v1/plans/tiny/scenarios",
		"/api/v1/plans/tiny/by/function_code.json",
	}
	for _, target := range live {
		e.call("GET", target, e.east, http.StatusForbidden)
		e.call("HEAD", target, e.west, http.StatusForbidden)
		e.call("GET", target, "", http.StatusOK)
		e.call("GET", target, e.planner, http.StatusOK)
		e.call("GET", target, e.approver, http.StatusOK)
		e.call("GET", target, "not-a-token", http.StatusUnauthorized)
	}
	// What a 街道 may read is the record: its own published statement.
	base := "/api/v1/plans/tiny"
	e.call("POST", base+"/versions", e.planner, http.StatusCreated)
	e.call("POST", base+"/versions/1/approve", e.approver, http.StatusOK)
	e.call("POST", base+"/versions/1/publish", e.approver, http.StatusOK)
	e.call("GET", base+"/published/subdistricts/east", e.east, http.StatusOK)
}

// TestLiveReadWithoutStoredTokens: a server with no token at all answers
// live reads whatever Authorization header a client sends (a spreadsheet
// that always sends one).
func TestLiveReadWithoutStoredTokens(t *testing.T) {
	e := newEnv(t, "")
	w := e.do("GET", "/api/v1/plans/tiny/allocations.json", nil, "Authorization", "Bearer whatever")
	if w.Code != http.StatusOK {
		t.Errorf("status %d: %s", w.Code, w.Body.String())
	}
}
