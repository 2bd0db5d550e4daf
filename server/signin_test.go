package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSignIn: on a network listener a browser's page request without a
// token goes to the sign-in page and comes back after; a token signs in
// through a session cookie that the gate reads on GET only, so a write
// still needs the header; a wrong token is refused on the form; next
// never leads off the server; signing out forgets the cookie.
func TestSignIn(t *testing.T) {
	e := newAccessEnv(t, Config{Network: true})
	page := []string{"Accept", "text/html"}
	if w := e.do("GET", "/plans/tiny?scenario=x", nil, page...); w.Code != http.StatusSeeOther ||
		w.Header().Get("Location") != "/signin?next="+url.QueryEscape("/plans/tiny?scenario=x") {
		t.Fatalf("a page without a token: %d %q", w.Code, w.Header().Get("Location"))
	}
	if w := e.do("GET", "/api/v1/plans/tiny/allocations.json", nil); w.Code != http.StatusUnauthorized {
		t.Errorf("the API without a token: %d, want 401 (no redirect)", w.Code)
	}
	if w := e.do("GET", "/signin?next=/plans/tiny", nil, page...); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `id="signin-form"`) {
		t.Fatalf("the sign-in page: %d", w.Code)
	}
	form := func(tok, next string) []byte {
		return []byte(url.Values{"token": {tok}, "next": {next}}.Encode())
	}
	post := func(body []byte) *http.Response {
		w := e.do("POST", "/signin", body, "Content-Type", "application/x-www-form-urlencoded")
		return w.Result()
	}
	if r := post(form("caili_wrong", "/plans/tiny")); r.StatusCode != http.StatusUnauthorized || len(r.Cookies()) != 0 {
		t.Errorf("a wrong token: %d, cookies %v", r.StatusCode, r.Cookies())
	}
	r := post(form(e.planner, "/plans/tiny"))
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/plans/tiny" || len(r.Cookies()) != 1 {
		t.Fatalf("a planner signs in: %d %q %v", r.StatusCode, r.Header.Get("Location"), r.Cookies())
	}
	ck := r.Cookies()[0]
	if !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Name != sessionCookie {
		t.Errorf("the cookie %+v", ck)
	}
	cookie := []string{"Cookie", ck.Name + "=" + ck.Value, "Accept", "text/html"}
	if w := e.do("GET", "/plans/tiny", nil, cookie...); w.Code != http.StatusOK {
		t.Errorf("a page signed in: %d", w.Code)
	}
	if w := e.do("POST", "/api/v1/plans/tiny/versions", nil, cookie...); w.Code != http.StatusUnauthorized {
		t.Errorf("a write with the cookie only: %d, want 401", w.Code)
	}
	for _, next := range []string{"//evil.example/x", "https://evil.example/", `/\evil`} {
		if r := post(form(e.planner, next)); r.Header.Get("Location") != "/" {
			t.Errorf("next %q leads to %q", next, r.Header.Get("Location"))
		}
	}
	if w := e.do("POST", "/signout", nil); w.Code != http.StatusSeeOther || !strings.Contains(w.Header().Get("Set-Cookie"), "Max-Age=0") {
		t.Errorf("sign out: %d %q", w.Code, w.Header().Get("Set-Cookie"))
	}
}
