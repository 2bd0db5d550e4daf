package server

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestRecordPagesServed: the record's pages are served to anyone (they
// show no record themselves), as HTML frames that name the API prefix
// their script asks; an unknown plan is the 404 error page.
func TestRecordPagesServed(t *testing.T) {
	e := newRecordEnv(t)
	for _, tc := range []struct{ path, api string }{
		{"/plans/tiny/versions", "/api/v1/plans/tiny"},
		{"/plans/tiny/objections", "/api/v1/plans/tiny"},
		{"/audit", "/api/v1/audit"},
	} {
		w := e.Get(tc.path, http.StatusOK, "Accept", "text/html")
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
			t.Errorf("%s: Content-Type %q", tc.path, ct)
		}
		body := w.Body.String()
		if !strings.Contains(body, `data-api="`+tc.api+`"`) || !strings.Contains(body, `id="token-form"`) || !strings.Contains(body, "sessionStorage") {
			t.Errorf("%s is not the record page frame", tc.path)
		}
	}
	w := e.Get("/plans/nope/versions", http.StatusNotFound, "Accept", "text/html")
	if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Errorf("unknown plan: %q", w.Header().Get("Content-Type"))
	}
	if idx := e.Get("/", http.StatusOK).Body.String(); !strings.Contains(idx, `href="/plans/tiny/versions"`) || !strings.Contains(idx, `href="/audit"`) {
		t.Error("the plans list does not link the record's pages")
	}
}

// TestWhoami: each token says who it is; without one, 401.
func TestWhoami(t *testing.T) {
	e := newRecordEnv(t)
	type who struct {
		ID          string `json:"id"`
		Role        string `json:"role"`
		RoleText    string `json:"role_text"`
		Subdistrict string `json:"subdistrict"`
	}
	for _, tc := range []struct {
		token string
		role  string
		sd    string
	}{{e.planner, "planner", ""}, {e.approver, "approver", ""}, {e.east, "subdistrict", "east"}, {"secret", "admin", ""}} {
		got := decodeInto[who](t, e.call("GET", "/api/v1/whoami", tc.token, http.StatusOK))
		if got.ID == "" || got.Role != tc.role || got.RoleText == "" || got.Subdistrict != tc.sd {
			t.Errorf("whoami of a %s token: %+v", tc.role, got)
		}
	}
	e.call("GET", "/api/v1/whoami", "", http.StatusUnauthorized)
	e.call("GET", "/api/v1/whoami", "caili_wrong", http.StatusUnauthorized)
}

// TestVersionListPublication: a published version is listed with its
// publication (time, result hash, label); the others without.
func TestVersionListPublication(t *testing.T) {
	e := newRecordEnv(t)
	e.publishTiny()
	e.write("tiny.toml", strings.Replace(tinyText(t), `capacity = "60000000"`, `capacity = "61000000"`, 1))
	if err := e.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	e.call("POST", "/api/v1/plans/tiny/versions", e.planner, http.StatusCreated)
	list := decodeInto[struct {
		Versions []versionJSON `json:"versions"`
	}](t, e.call("GET", "/api/v1/plans/tiny/versions", e.approver, http.StatusOK)).Versions
	pub := decodeInto[publicationJSON](t, e.call("GET", "/api/v1/plans/tiny/published", e.approver, http.StatusOK))
	if len(list) != 2 {
		t.Fatalf("%d versions", len(list))
	}
	v1, v2 := list[0], list[1]
	if v1.Status != "published" || v1.PublishedAt == nil || v1.ResultHash != pub.ResultHash || v1.PublishedLabel != pub.Label ||
		!regexp.MustCompile(`^已发布 \d{4}-\d{2}-\d{2} [0-9a-f]{8}$`).MatchString(v1.PublishedLabel) {
		t.Errorf("published version 1: %+v (publication %+v)", v1, pub)
	}
	if v2.Status != "draft" || v2.PublishedAt != nil || v2.ResultHash != "" || v2.PublishedLabel != "" {
		t.Errorf("draft version 2: %+v", v2)
	}
	audit := decodeInto[struct {
		Entries []auditJSON `json:"entries"`
	}](t, e.call("GET", "/api/v1/audit", e.approver, http.StatusOK)).Entries
	if a := audit[0]; a.Action != "version.save" || a.ActionText != "保存草案" || a.RoleText != "规划员" {
		t.Errorf("the newest audit entry: %+v", a)
	}
}
