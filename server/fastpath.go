package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"weak"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/periodic"
)

// The fast path (issue 25 §4): a plan's own result as allocations.csv,
// .json, .xml or .xlsx, asked for with GET or HEAD and no query, is the
// request a spreadsheet repeats the most (its what-ifs are answered here
// too: fastwhatif.go). It is answered before Gin from an answer built
// once per plan version and format (the body the result memoises, its
// ETag, and every header value ready to put in the header map), with no
// Gin context, middleware chain or header built per request. It lets in
// exactly whom the gate would (the route's rule in accessTable: on a
// network, the token is checked), writes the same headers, answers
// If-None-Match with 304 and HEAD without a body, and logs the same
// access line. Whatever it is not sure of goes to Gin, which answers as
// it always has: a query other than a what-if's (bom=0 alone, ?token=;
// fastwhatif.go), a session cookie, a CORS request, a token it does not
// accept (Gin refuses it, with the pause a failure earns), a plan that
// is unknown, not loaded or rejected. TestFastPathSameAnswers holds the
// two alike.

// fastPath is the API's handler: the fast path in front of Gin.
type fastPath struct {
	s     *Server
	next  http.Handler        // Gin: everything the fast path does not answer
	rules map[string]rule     // allocations.<format>'s rule, by format
	views map[string]viewFunc // allocations.<format>'s view, by format
	allow map[string]app.Params
	// answers are the answers built, by plan and format; copied on
	// write (a new plan version or format), read without a lock.
	answers atomic.Pointer[map[fastKey]*fastAnswer]
	mu      sync.Mutex // one build at a time
}

// fastKey is an answer's plan and format.
type fastKey struct{ plan, format string }

// fastAnswer is the 200 (or 304) of one plan version in one format,
// with its header values made once.
type fastAnswer struct {
	// version is the plan version answered, held weakly: an answer kept
	// after a reload must not keep the old version's model alive.
	version weak.Pointer[app.PlanVersion]
	etag    string
	body    []byte
	conn    connHeads // the status line and headers the connection path writes (connpath.go)
	query   string    // the query as the access log writes it (a what-if's, fastwhatif.go)
	// The header values, shared by every answer (never modified).
	stamp, etagH, cacheControl, disposition, contentType, length []string
}

// allocationFormats are the formats the fast path answers.
var allocationFormats = []string{"csv", "json", "xml", "xlsx"}

// newFastPath puts the fast path in front of next (the Gin engine).
func (s *Server) newFastPath(next http.Handler) *fastPath {
	f := &fastPath{s: s, next: next, rules: map[string]rule{}, views: map[string]viewFunc{}, allow: map[string]app.Params{}}
	for _, format := range allocationFormats {
		f.rules[format] = s.byRoute[routeKey{http.MethodGet, "/api/v1/plans/:plan/allocations." + format}]
		f.views[format] = s.allocationsView(format)
		f.allow[format] = allocationsParams(format)
	}
	return f
}

// ServeHTTP answers from the fast path, or hands the request to Gin.
func (f *fastPath) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !f.serve(w, r) {
		f.next.ServeHTTP(w, r)
	}
}

// serve answers r and reports true, or reports false having written
// nothing.
func (f *fastPath) serve(w http.ResponseWriter, r *http.Request) bool {
	start := time.Now()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	plan, format, ok := fastRoute(r.URL.Path)
	if !ok || f.s.cfg.CORSOrigin != "" && r.Header.Get("Origin") != "" {
		return false
	}
	remote, ok := fastClientIP(r)
	if !ok || !f.s.fastAllowed(r, f.rules[format]) {
		return false
	}
	var a *fastAnswer
	if raw := r.URL.RawQuery; raw == "" {
		a = f.answer(plan, format)
	} else {
		a = f.whatIf(plan, format, raw, func(tag string) bool { return notModified(r, tag) })
	}
	if a == nil {
		return false
	}
	h := w.Header()
	h["X-Caili-Stamp"], h["Etag"], h["Cache-Control"] = a.stamp, a.etagH, a.cacheControl
	status, n := http.StatusOK, 0
	if notModified(r, a.etag) {
		status = http.StatusNotModified
		w.WriteHeader(status)
	} else {
		if a.disposition != nil {
			h["Content-Disposition"] = a.disposition
		}
		h["Content-Type"], h["Content-Length"] = a.contentType, a.length
		w.WriteHeader(status)
		if r.Method != http.MethodHead { // Gin's HEAD logs no bytes either
			n, _ = w.Write(a.body)
		}
	}
	f.s.logRequest(r.Method, r.URL.Path, a.query, status, n, time.Since(start), remote)
	return true
}

// connAnswer is the answer the connection path gives req (connpath.go),
// deciding as serve does; false when Gin is to answer.
func (f *fastPath) connAnswer(ctx context.Context, req connRequest) (*fastAnswer, bool) {
	plan, format, ok := fastRoute(req.path)
	if !ok || f.s.cfg.CORSOrigin != "" && req.origin || !f.s.fastAllowedAuth(ctx, req.auth, f.rules[format]) {
		return nil, false
	}
	if req.query == "" {
		a := f.answer(plan, format)
		return a, a != nil
	}
	a := f.whatIf(plan, format, req.query, func(tag string) bool { return notModifiedBy(req.inm, tag) })
	if a == nil {
		return nil, false
	}
	// A what-if's answer is given once: only the head it is given with.
	if notModifiedBy(req.inm, a.etag) {
		a.conn.notModified = connHeadOf(a, true)
	} else {
		a.conn.ok = connHeadOf(a, false)
	}
	return a, true
}

// fastRoute reads /api/v1/plans/{plan}/allocations.{format}.
func fastRoute(p string) (plan, format string, ok bool) {
	rest, ok := strings.CutPrefix(p, "/api/v1/plans/")
	if !ok {
		return "", "", false
	}
	i := strings.IndexByte(rest, '/')
	if i <= 0 {
		return "", "", false
	}
	format, ok = strings.CutPrefix(rest[i+1:], "allocations.")
	switch {
	case !ok:
		return "", "", false
	case format == "csv", format == "json", format == "xml", format == "xlsx":
		return rest[:i], format, true
	}
	return "", "", false
}

// fastClientIP is the client address Gin's ClientIP gives (no proxy is
// trusted); ok is false on a Unix socket, where Gin trusts the
// forwarding headers.
func fastClientIP(r *http.Request) (string, bool) {
	if la, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok && strings.HasPrefix(la.Network(), "unix") {
		return "", false
	}
	host, _, err := net.SplitHostPort(strings.TrimSpace(r.RemoteAddr))
	if err != nil {
		return "", true
	}
	if a, err := netip.ParseAddr(host); err == nil && a.Is4() {
		return host, true // dotted, no leading zeros: as net.IP writes it
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return "", true
	}
	return ip.String(), true
}

// fastAllowed reports whether the gate would let r through to a route of
// rule ru without a word (no refusal, no actor the handler reads). False
// is not a refusal: Gin then decides, as always.
func (s *Server) fastAllowed(r *http.Request, ru rule) bool {
	if ru.open {
		return true
	}
	auth := r.Header.Get("Authorization")
	if auth == "" && cookieToken(r) != "" {
		return false // a session cookie is Gin's to check
	}
	return s.fastAllowedAuth(r.Context(), auth, ru)
}

// fastAllowedAuth is fastAllowed for a request without a session cookie
// whose Authorization header is auth ("" for none).
func (s *Server) fastAllowedAuth(ctx context.Context, auth string, ru rule) bool {
	if ru.open {
		return true
	}
	if auth == "" {
		// Without a token only loopback lets in silently.
		return ru.loopback && !s.network.Load()
	}
	if s.letIn(ru) && !s.hasTokensIn(ctx) {
		return ru.loopback && !s.network.Load() // a server with no token ignores the header
	}
	tok := bearer(auth)
	if tok == "" {
		return false
	}
	sum := sha256.Sum256([]byte(tok))
	if s.tokenSum != nil && subtle.ConstantTimeCompare(sum[:], s.tokenSum[:]) == 1 {
		return ru.allows(caili.Actor{ID: "admin", Role: caili.RoleAdmin})
	}
	if s.tokenSum == nil {
		if has, err := s.app.HasTokens(ctx); err != nil || !has {
			return false
		}
	}
	who, err := s.app.Authenticate(ctx, tok)
	return err == nil && ru.allows(who)
}

// answer is the answer of a plan's own result in a format, built on
// first use for the version being served (answers of other versions are
// forgotten then); nil when the plan is unknown,
// has not loaded or is rejected (Gin answers those).
func (f *fastPath) answer(plan, format string) *fastAnswer {
	v, err := f.s.app.Plan(plan)
	if err != nil || v.Base == nil || v.Base.Err != nil {
		return nil
	}
	if m := f.answers.Load(); m != nil {
		if a := (*m)[fastKey{plan, format}]; a != nil && a.version.Value() == v {
			return a
		}
	}
	return f.build(v, format)
}

// current reports whether a is of the version of plan being served.
func (f *fastPath) current(plan string, a *fastAnswer) bool {
	v, err := f.s.app.Plan(plan)
	return err == nil && a.version.Value() == v
}

// build makes the answer of a version in a format, as resultRoute
// answers it, and keeps it (forgetting earlier versions' answers).
func (f *fastPath) build(v *app.PlanVersion, format string) *fastAnswer {
	f.mu.Lock()
	defer f.mu.Unlock()
	q, err := app.ParseQuery("", f.allow[format])
	if err != nil {
		return nil
	}
	vw, err := f.views[format](v.ID, q)
	if err != nil {
		return nil
	}
	j, err := f.s.app.JobFor(v, q)
	if err != nil || j.WhatIf() {
		return nil
	}
	comp, _ := f.s.compute(j, f.s.app.Key(j), vw.totals)
	if comp.Err != nil {
		return nil
	}
	data, _, err := comp.Render(vw.name, func() ([]byte, error) { return vw.render(j, comp.Res) })
	if err != nil {
		return nil
	}
	tag := f.s.app.JobETag(j, vw.name)
	a := &fastAnswer{version: weak.Make(v), etag: tag, body: data, stamp: []string{f.s.app.StampHeader(j)}, etagH: []string{tag},
		cacheControl: noCache, contentType: []string{vw.contentType}, length: []string{strconv.Itoa(len(data))}}
	if vw.filename != "" {
		st := f.s.app.Stamp(j)
		a.disposition = []string{comp.Text(vw.name, func() string { return dispositionOf(vw, st) })}
	}
	a.conn = connHeadsOf(a)
	next := f.currentAnswers()
	next[fastKey{v.ID, format}] = a
	f.answers.Store(&next)
	return a
}

// currentAnswers is a copy of the answers of the versions being served
// (f.mu held).
func (f *fastPath) currentAnswers() map[fastKey]*fastAnswer {
	next := map[fastKey]*fastAnswer{}
	if m := f.answers.Load(); m != nil {
		for k, a := range *m {
			if f.current(k.plan, a) {
				next[k] = a
			}
		}
	}
	return next
}

// sweep forgets the answers of versions no longer served, so that their
// bodies do not outlive them (Serve sweeps as often as it polls the
// plans, and Reload once).
func (f *fastPath) sweep() {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := f.answers.Load()
	if m == nil {
		return
	}
	if next := f.currentAnswers(); len(next) < len(*m) {
		f.answers.Store(&next)
	}
}

// sweepEvery sweeps f every interval until ctx ends (never for an
// interval ≤ 0).
func (f *fastPath) sweepEvery(ctx context.Context, interval time.Duration) {
	periodic.Every(ctx, interval, f.sweep)
}
