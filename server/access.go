package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// Who may reach what (docs/operations.md): one table, accessTable, gives
// every route its rule, and one middleware, gate, applies it before any
// handler runs. A route is open to anyone (/healthz, the OpenAPI
// document, the record pages' frames, which show no record), or it
// needs a token whose role the rule names; without a token a request is
// let through only where the rule allows it: the working plans' results
// to anyone on a loopback listener (one person at a desk, as before),
// published results to anyone when the server was started with
// --anonymous read. A reader or 街道 token may come as ?token= on a GET
// of a result (Excel's WEBSERVICE sends no headers); it is taken out of
// the query before anything else sees it, and never logged. The
// application still decides within a route what a role may do (a 街道
// its own statement only).

// rule is who may reach a route.
type rule struct {
	// open: anyone, anywhere, with or without a token.
	open bool
	// roles are the token roles that may (admin holds planner and
	// approver).
	roles []caili.Role
	// loopback: anyone without a token, on a loopback listener.
	loopback bool
	// published: anyone without a token when anonymous reading of
	// published results is on (Config.AnonymousRead).
	published bool
	// query: a reader or 街道 token may come as ?token= on a GET.
	query bool
}

// The rules of the kinds of route.
var (
	// ruleOpen: health, the API's description, the record pages' frames.
	ruleOpen = rule{open: true}
	// ruleLive: the working plans' (draft) results and pages.
	ruleLive = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleReader}, loopback: true, query: true}
	// ruleCompute: computing an uploaded plan.
	ruleCompute = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover}, loopback: true}
	// rulePlanner: a planner's writes (scenarios, data previews, drafts).
	rulePlanner = rule{roles: []caili.Role{caili.RolePlanner}}
	// ruleRecord: reading the record's versions.
	ruleRecord = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover}}
	// ruleApprover: approving, publishing, the audit log.
	ruleApprover = rule{roles: []caili.Role{caili.RoleApprover}}
	// rulePublished: a plan's published result, whole.
	rulePublished = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleReader}, published: true, query: true}
	// ruleStatement: one 街道's published statement.
	ruleStatement = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleReader, caili.RoleSubdistrict},
		published: true, query: true}
	// ruleAnyToken: who the token is.
	ruleAnyToken = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleReader, caili.RoleSubdistrict}}
	// ruleObjectionFile: a 街道 files an objection.
	ruleObjectionFile = rule{roles: []caili.Role{caili.RoleSubdistrict}}
	// ruleObjectionRead: objections, read (a 街道: its own).
	ruleObjectionRead = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleSubdistrict}}
)

// accessTable is the rule of every route, by method and Gin pattern
// (HEAD as GET). A test checks that it names every registered route and
// nothing else.
func accessTable() map[string]rule {
	const p = "/api/v1/plans/:plan"
	t := map[string]rule{
		"GET /healthz": ruleOpen, "GET /openapi.json": ruleOpen,
		"GET /signin": ruleOpen, "POST /signin": ruleOpen, "POST /signout": ruleOpen,
		"GET /api/v1/plans": ruleLive, "POST /api/v1/calculate": ruleCompute,
		"GET " + p + "/allocations-check.xlsx": ruleLive, "GET " + p + "/charts/:kind": ruleLive,
		"GET " + p + "/subdistricts/:id": ruleLive, "GET " + p + "/cell/:subdistrict/:column": ruleLive,
		"GET " + p + "/solve.json": ruleLive, "GET " + p + "/template.xlsx": ruleLive, "GET " + p + "/template.csv": ruleLive,
		"GET " + p + "/scenarios": ruleLive, "GET " + p + "/scenarios/:name": ruleLive,
		"POST " + p + "/data": rulePlanner, "PUT " + p + "/scenarios/:name": rulePlanner,
		"DELETE " + p + "/scenarios/:name": rulePlanner, "POST " + p + "/versions": rulePlanner,
		"GET " + p + "/versions": ruleRecord, "GET " + p + "/versions/:n": ruleRecord, "GET " + p + "/versions/:n/diff": ruleRecord,
		"POST " + p + "/versions/:n/approve": ruleApprover, "POST " + p + "/versions/:n/publish": ruleApprover,
		"GET " + p + "/published": rulePublished, "GET " + p + "/published/result.json": rulePublished,
		"GET " + p + "/published/subdistricts/:id": ruleStatement,
		"GET /api/v1/audit":                        ruleApprover, "GET /api/v1/whoami": ruleAnyToken,
		"POST " + p + "/objections": ruleObjectionFile, "GET " + p + "/objections": ruleObjectionRead,
		"GET " + p + "/objections/:n":         ruleObjectionRead,
		"POST " + p + "/objections/:n/accept": rulePlanner, "POST " + p + "/objections/:n/reject": rulePlanner,
		"POST " + p + "/objections/:n/corrected": rulePlanner,
		// The dashboard's pages show the working plans; the record's
		// pages are frames that ask the API with the user's token.
		"GET /": ruleLive, "GET /plans/:plan": ruleLive, "GET /plans/:plan/subdistricts/:id": ruleLive,
		"GET /plans/:plan/solve":    ruleLive,
		"GET /plans/:plan/versions": ruleOpen, "GET /plans/:plan/objections": ruleOpen, "GET /audit": ruleOpen,
	}
	for _, f := range []string{"json", "csv", "xml", "xlsx"} {
		t["GET "+p+"/allocations."+f] = ruleLive
	}
	for _, f := range []string{"json", "csv"} {
		for _, k := range codeKinds {
			t["GET "+p+"/by/"+string(k)+"."+f] = ruleLive
		}
		t["GET "+p+"/compare."+f] = ruleLive
		t["GET "+p+"/sensitivity."+f] = ruleLive
	}
	downloadAccess(t, p)   // downloads.go
	exportAccess(t, p)     // export.go
	webServiceAccess(t, p) // webservice.go
	yearAccess(t, p)       // year.go
	executionAccess(t, p)  // execution.go
	return t
}

// ruleOf is the rule of a request's route (ok false for no route).
func (s *Server) ruleOf(c *gin.Context) (rule, bool) {
	m := c.Request.Method
	if m == http.MethodHead {
		m = http.MethodGet
	}
	r, ok := s.byRoute[routeKey{m, c.FullPath()}]
	return r, ok
}

// routeKey is a rule's key, method and route, held apart so that finding
// a request's rule joins no strings.
type routeKey struct{ method, route string }

// indexRules keys the access table by method and route.
func indexRules(rules map[string]rule) map[routeKey]rule {
	out := make(map[routeKey]rule, len(rules))
	for k, r := range rules {
		m, route, _ := strings.Cut(k, " ")
		out[routeKey{m, route}] = r
	}
	return out
}

// allows reports whether the rule lets who in.
func (r rule) allows(who caili.Actor) bool {
	for _, role := range r.roles {
		if who.Can(role) {
			return true
		}
	}
	return false
}

// anonymous is the actor of a request without a token that a rule lets
// in: a reader, for the application's checks of the published routes.
var anonymous = caili.Actor{ID: "anonymous", Role: caili.RoleReader}

// gate applies the route's rule (see the top of this file).
func (s *Server) gate(c *gin.Context) {
	r, ok := s.ruleOf(c)
	tok, fromQuery := takeQueryToken(c.Request)
	if !ok || r.open {
		c.Next() // no route: 404 or 405 follows
		return
	}
	if !fromQuery {
		tok = bearer(c.GetHeader("Authorization"))
	}
	if tok == "" && !fromQuery && c.GetHeader("Authorization") == "" {
		tok = cookieToken(c.Request) // a signed-in browser (signin.go)
	}
	if tok == "" && c.GetHeader("Authorization") == "" || s.letIn(r) && !s.hasTokens(c) {
		s.anonymous(c, r) // a server with no token ignores a header (a spreadsheet that always sends one)
		return
	}
	if fromQuery && (!r.query || (c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead)) {
		s.fail(c, app.Say(caili.KindBadRequest, msg.AccessQueryToken))
		return
	}
	who, ok := s.authenticate(c, tok)
	if !ok {
		return
	}
	switch {
	case fromQuery && who.Role != caili.RoleReader && who.Role != caili.RoleSubdistrict:
		s.fail(c, app.Say(caili.KindForbidden, msg.AccessQueryToken))
	case !r.allows(who) && who.Role == caili.RoleSubdistrict && r.loopback:
		s.fail(c, app.Say(caili.KindForbidden, msg.ServerSubdistrictLive, who.Subdistrict))
	case !r.allows(who):
		s.fail(c, app.Say(caili.KindForbidden, msg.AccessRoleMayNot, who.ID, who.Role))
	default:
		c.Next()
	}
}

// letIn reports whether the rule lets a request without a token in.
func (s *Server) letIn(r rule) bool {
	return r.loopback && !s.network.Load() || r.published && s.cfg.AnonymousRead
}

// anonymous lets a request without a token through where the rule
// allows it, and refuses it otherwise: 401, or 403 when the server has
// no token that could sign in (writes switched off).
func (s *Server) anonymous(c *gin.Context, r rule) {
	switch {
	case r.loopback && !s.network.Load():
		c.Next()
	case r.published && s.cfg.AnonymousRead:
		c.Set(actorKey, anonymous)
		c.Next()
	case !s.hasTokens(c) && c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead:
		s.fail(c, app.Say(caili.KindForbidden, msg.ServerWritesDisabled))
	case !s.hasTokens(c):
		s.fail(c, app.Say(caili.KindForbidden, msg.AccessNoTokens))
	case s.toSignIn(c): // a browser's page: the sign-in page (signin.go)
	default:
		c.Header("WWW-Authenticate", `Bearer realm="caili"`)
		s.fail(c, app.Say(caili.KindUnauthorized, msg.AccessNeedsToken))
	}
}

// takeQueryToken takes ?token= out of a request's query, so that no
// handler, cache key or log sees it, and returns it (fromQuery true when
// the query had one).
func takeQueryToken(r *http.Request) (string, bool) {
	raw := r.URL.RawQuery
	if !strings.Contains(raw, "token=") {
		return "", false
	}
	q, err := url.ParseQuery(raw)
	if err != nil || !q.Has("token") {
		return "", false
	}
	tok := strings.TrimSpace(q.Get("token"))
	q.Del("token")
	r.URL.RawQuery = q.Encode()
	return tok, true
}

// bearer is the token of an Authorization header's Bearer scheme, or "".
func bearer(h string) string {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(tok)
}

// redactQuery is a query for the log: a token's value replaced, clipped.
func redactQuery(raw string) string {
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		k, _, _ := strings.Cut(p, "=")
		if uk, err := url.QueryUnescape(k); err == nil && strings.EqualFold(uk, "token") || strings.EqualFold(k, "token") {
			parts[i] = k + "=REDACTED"
		}
	}
	q := strings.Join(parts, "&")
	if len(q) > 512 {
		q = q[:512] + "…"
	}
	return q
}
