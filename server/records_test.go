package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
)

// recordEnv is a server with an admin token and one stored token of each
// role (two 街道: east and west).
type recordEnv struct {
	*testEnv
	planner, approver, east, west string
	eastID                        string
}

func newRecordEnv(t *testing.T) *recordEnv {
	t.Helper()
	e := &recordEnv{testEnv: newEnv(t, "secret")}
	mk := func(role caili.Role, sd string) (string, string) {
		sec, rec, err := app.CreateToken(context.Background(), e.srv.app.Records, caili.Actor{ID: "test", Role: caili.RoleAdmin}, role, sd, "")
		if err != nil {
			t.Fatal(err)
		}
		return sec, rec.ID
	}
	e.planner, _ = mk(caili.RolePlanner, "")
	e.approver, _ = mk(caili.RoleApprover, "")
	e.east, e.eastID = mk(caili.RoleSubdistrict, "east")
	e.west, _ = mk(caili.RoleSubdistrict, "west")
	return e
}

// call sends a request with a bearer token ("" for none) and checks the
// status.
func (e *recordEnv) call(method, target, token string, want int) []byte {
	e.t.Helper()
	var hdr []string
	if token != "" {
		hdr = []string{"Authorization", "Bearer " + token}
	}
	w := e.do(method, target, nil, hdr...)
	if w.Code != want {
		e.t.Fatalf("%s %s: status %d, want %d; body:\n%s", method, target, w.Code, want, w.Body.String())
	}
	return w.Body.Bytes()
}

func decodeInto[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
	return v
}

// TestVersionsApprovePublish walks a plan through draft, approval and
// publication, with each role allowed and refused where it should be.
func TestVersionsApprovePublish(t *testing.T) {
	e := newRecordEnv(t)
	const base = "/api/v1/plans/tiny"
	v := decodeInto[versionJSON](t, e.call("POST", base+"/versions", e.planner, http.StatusCreated))
	if v.N != 1 || v.Status != caili.StatusDraft || v.StatusText != "草案" || v.CreatedBy == "" || len(v.Hash) != 64 {
		t.Errorf("saved %+v", v)
	}
	// The same bytes again: the same version.
	if again := decodeInto[versionJSON](t, e.call("POST", base+"/versions", e.planner, http.StatusOK)); again.N != 1 {
		t.Errorf("unchanged plan saved as version %d", again.N)
	}
	for _, tok := range []string{e.approver, e.east} {
		e.call("POST", base+"/versions", tok, http.StatusForbidden)
	}
	e.call("POST", base+"/versions", "", http.StatusUnauthorized)
	e.call("POST", base+"/versions", "nope", http.StatusUnauthorized)

	// Drafts are for planners and approvers only.
	for _, tok := range []string{e.planner, e.approver, "secret"} {
		e.call("GET", base+"/versions", tok, http.StatusOK)
		e.call("GET", base+"/versions/1", tok, http.StatusOK)
	}
	e.call("GET", base+"/versions", e.east, http.StatusForbidden)
	e.call("GET", base+"/versions/1", e.east, http.StatusForbidden)
	e.call("GET", base+"/versions/1", "", http.StatusUnauthorized)
	e.call("GET", base+"/versions/9", e.planner, http.StatusNotFound)
	e.call("GET", base+"/versions/x", e.planner, http.StatusBadRequest)
	got := decodeInto[map[string]json.RawMessage](t, e.call("GET", base+"/versions/1", e.planner, http.StatusOK))
	if !strings.Contains(string(got["result"]), `"subdistricts"`) || !strings.Contains(string(got["files"]), "tiny.toml") {
		t.Errorf("version 1 without its result or files: %s", got["files"])
	}

	// Publishing needs an approved version and the approver.
	e.call("POST", base+"/versions/1/publish", e.approver, http.StatusConflict)
	e.call("POST", base+"/versions/1/approve", e.planner, http.StatusForbidden)
	e.call("POST", base+"/versions/1/approve", e.east, http.StatusForbidden)
	e.call("POST", base+"/versions/1/approve", e.approver, http.StatusOK)
	e.call("POST", base+"/versions/1/approve", e.approver, http.StatusConflict)
	e.call("POST", base+"/versions/1/publish", e.planner, http.StatusForbidden)
	e.call("POST", base+"/versions/1/publish", e.east, http.StatusForbidden)
	e.call("GET", base+"/published", e.approver, http.StatusNotFound)
	pub := decodeInto[publicationJSON](t, e.call("POST", base+"/versions/1/publish", e.approver, http.StatusOK))
	if pub.Version != 1 || len(pub.ResultHash) != 64 || !strings.HasPrefix(pub.Label, "已发布 ") || !strings.HasSuffix(pub.Label, pub.ResultHash[:8]) {
		t.Errorf("publication %+v", pub)
	}
	e.call("POST", base+"/versions/1/publish", e.approver, http.StatusConflict)
	whole := decodeInto[publicationJSON](t, e.call("GET", base+"/published", e.planner, http.StatusOK))
	if whole.ResultHash != pub.ResultHash || !strings.Contains(string(whole.Result), `"subdistricts"`) {
		t.Errorf("published %+v", whole)
	}
	if frozen := e.call("GET", base+"/published/result.json", e.approver, http.StatusOK); app.TokenHash(string(frozen)) != pub.ResultHash {
		t.Errorf("the frozen result does not match its hash")
	}
	e.call("GET", base+"/published/result.json", e.east, http.StatusForbidden)

	// A 街道 reads its own published statement, no other, not the whole.
	st := decodeInto[map[string]json.RawMessage](t, e.call("GET", base+"/published/subdistricts/east", e.east, http.StatusOK))
	if !strings.Contains(string(st["subdistrict"]), `"id": "east"`) {
		t.Errorf("statement %s", st["subdistrict"])
	}
	e.call("GET", base+"/published/subdistricts/west", e.east, http.StatusForbidden)
	e.call("GET", base+"/published/subdistricts/east", e.west, http.StatusForbidden)
	e.call("GET", base+"/published/subdistricts/west", e.west, http.StatusOK)
	e.call("GET", base+"/published/subdistricts/nowhere", e.approver, http.StatusNotFound)
	// By name as by id; another 街道's statement is refused naming both.
	byName := decodeInto[map[string]json.RawMessage](t, e.call("GET", base+"/published/subdistricts/"+url.PathEscape("东街道"), e.east, http.StatusOK))
	if string(byName["subdistrict"]) != string(st["subdistrict"]) {
		t.Errorf("by name %s, by id %s", byName["subdistrict"], st["subdistrict"])
	}
	if refused := string(e.call("GET", base+"/published/subdistricts/"+url.PathEscape("西街道"), e.east, http.StatusForbidden)); !strings.Contains(refused, "东街道") || !strings.Contains(refused, "西街道") {
		t.Errorf("the refusal does not name both: %s", refused)
	}
	e.call("GET", base+"/published", e.east, http.StatusForbidden)
	e.call("GET", base+"/published/subdistricts/east", "", http.StatusUnauthorized)

	// A revoked token is refused.
	if err := e.srv.app.Records.RevokeToken(context.Background(), caili.Actor{ID: "test", Role: caili.RoleAdmin}, e.eastID); err != nil {
		t.Fatal(err)
	}
	e.call("GET", base+"/published/subdistricts/east", e.east, http.StatusUnauthorized)

	// The audit log: approver only; every write is there.
	e.call("GET", "/api/v1/audit", e.planner, http.StatusForbidden)
	e.call("GET", "/api/v1/audit", e.west, http.StatusForbidden)
	log := decodeInto[struct {
		Entries []auditJSON `json:"entries"`
	}](t, e.call("GET", "/api/v1/audit", e.approver, http.StatusOK))
	var actions []string
	for _, en := range log.Entries {
		actions = append(actions, en.Action)
	}
	want := "token.revoke version.publish version.approve version.save token.create token.create token.create token.create scenario.import-done"
	if strings.Join(actions, " ") != want {
		t.Errorf("audit actions\n %s\nwant\n %s", strings.Join(actions, " "), want)
	}
}

// TestVersionDiff: a new version after the plan file changed; the diff
// names the changed key old → new and each 街道's total.
func TestVersionDiff(t *testing.T) {
	e := newRecordEnv(t)
	const base = "/api/v1/plans/tiny"
	e.call("POST", base+"/versions", e.planner, http.StatusCreated)
	p := filepath.Join(e.plans, "tiny.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), `capacity = "60000000"`, `capacity = "61000000"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	if v := decodeInto[versionJSON](t, e.call("POST", base+"/versions", e.planner, http.StatusCreated)); v.N != 2 {
		t.Fatalf("second version is %d", v.N)
	}
	d := decodeInto[app.VersionDiff](t, e.call("GET", base+"/versions/2/diff", e.approver, http.StatusOK))
	if len(d.Changes) != 1 || d.Changes[0].Path != "plan.capacity" || d.Changes[0].Old != "60000000" || d.Changes[0].New != "61000000" {
		t.Errorf("changes %+v", d.Changes)
	}
	if len(d.Totals) != 3 {
		t.Fatalf("totals %+v", d.Totals)
	}
	moved := false
	for _, tc := range d.Totals {
		moved = moved || tc.Delta != "0"
	}
	if !moved {
		t.Errorf("1,000,000 more capacity changed no total: %+v", d.Totals)
	}
	e.call("GET", base+"/versions/2/diff?from=x", e.approver, http.StatusBadRequest)
	e.call("GET", base+"/versions/2/diff", e.east, http.StatusForbidden)
	// Version 1 is unchanged: it is computed from its stored bytes.
	v1 := decodeInto[map[string]json.RawMessage](t, e.call("GET", base+"/versions/1", e.planner, http.StatusOK))
	if !strings.Contains(string(v1["result"]), `"capacity": "60000000"`) {
		t.Errorf("version 1 no longer has its own capacity")
	}
}

// TestRecordsWithoutTokens: with neither a server token nor stored
// tokens, the record routes are switched off as writes are (403).
func TestRecordsWithoutTokens(t *testing.T) {
	e := newEnv(t, "")
	w := e.do("GET", "/api/v1/plans/tiny/versions", nil, "Authorization", "Bearer x")
	if w.Code != http.StatusForbidden {
		t.Errorf("status %d", w.Code)
	}
}

// TestPlanPageRecordMark: the plan page marks its figures 草案 until the
// plan's files are the published version, then 已发布 <date> <hash>.
func TestPlanPageRecordMark(t *testing.T) {
	e := newRecordEnv(t)
	mark := func(url string) string {
		t.Helper()
		page := e.Get(url, http.StatusOK).Body.String()
		i := strings.Index(page, `id="record"`)
		if i < 0 {
			t.Fatalf("no record marker on the plan page")
		}
		rest := page[i:]
		return rest[strings.Index(rest, ">")+1 : strings.Index(rest, "<")]
	}
	if m := mark("/plans/tiny"); m != "草案" {
		t.Errorf("before publishing: %q", m)
	}
	e.call("POST", "/api/v1/plans/tiny/versions", e.planner, http.StatusCreated)
	e.call("POST", "/api/v1/plans/tiny/versions/1/approve", e.approver, http.StatusOK)
	pub := decodeInto[publicationJSON](t, e.call("POST", "/api/v1/plans/tiny/versions/1/publish", e.approver, http.StatusOK))
	if m := mark("/plans/tiny"); m != pub.Label || !strings.HasSuffix(m, pub.ResultHash[:8]) {
		t.Errorf("after publishing: %q, want %q", m, pub.Label)
	}
	if m := mark("/plans/tiny/subdistricts/east"); m != pub.Label {
		t.Errorf("statement after publishing: %q, want %q", m, pub.Label)
	}
	if m := mark("/plans/tiny/subdistricts/east?set.plan.capacity=61000000"); m != "草案" {
		t.Errorf("a what-if statement marked %q", m)
	}
}

// TestScenarioWritesByRole: only planners (and the admin token) save
// scenarios; each save is in the audit log under the token's id.
func TestScenarioWritesByRole(t *testing.T) {
	e := newRecordEnv(t)
	const url = "/api/v1/plans/tiny/scenarios/tighter"
	for _, tok := range []string{e.approver, e.east} {
		if w := e.do(http.MethodPut, url, []byte(tighter), "Authorization", "Bearer "+tok); w.Code != http.StatusForbidden {
			t.Errorf("PUT by a non-planner: %d", w.Code)
		}
	}
	if w := e.do(http.MethodPut, url, []byte(tighter), "Authorization", "Bearer "+e.planner); w.Code != http.StatusCreated {
		t.Fatalf("PUT by a planner: %d %s", w.Code, w.Body.String())
	}
	if w := e.do(http.MethodDelete, url, nil, "Authorization", "Bearer "+e.east); w.Code != http.StatusForbidden {
		t.Errorf("DELETE by a 街道: %d", w.Code)
	}
	if w := e.do(http.MethodDelete, url, nil, "Authorization", "Bearer secret"); w.Code != http.StatusNoContent {
		t.Errorf("DELETE by the admin token: %d", w.Code)
	}
	es, err := e.srv.app.Records.Audit(context.Background(), 2)
	if err != nil || len(es) != 2 || es[0].Action != "scenario.delete" || es[0].Actor != "admin" ||
		es[1].Action != "scenario.put" || es[1].Role != caili.RolePlanner || es[1].Hash != app.TokenHash(tighter) {
		t.Errorf("audit %+v %v", es, err)
	}
	// HEAD answers like GET on the record routes.
	if w := e.do(http.MethodHead, "/api/v1/plans/tiny/versions", nil, "Authorization", "Bearer "+e.approver); w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("HEAD versions: %d, %d bytes", w.Code, w.Body.Len())
	}
}
