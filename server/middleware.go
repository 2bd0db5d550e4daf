package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// accessLog logs one line per request with log/slog: method, path, query
// (clipped), status, bytes written, duration and client address.
func (s *Server) accessLog(c *gin.Context) {
	start := time.Now()
	c.Next()
	lvl := slog.LevelInfo
	if c.Writer.Status() >= 500 {
		lvl = slog.LevelError
	}
	q := c.Request.URL.RawQuery
	if len(q) > 512 {
		q = q[:512] + "…"
	}
	s.log.LogAttrs(context.Background(), lvl, "http",
		slog.String("method", c.Request.Method),
		slog.String("path", c.Request.URL.Path),
		slog.String("query", q),
		slog.Int("status", c.Writer.Status()),
		slog.Int("bytes", max(c.Writer.Size(), 0)),
		slog.Duration("dur", time.Since(start)),
		slog.String("remote", c.ClientIP()),
	)
}

// recovered answers a panic in a handler with a 500 (JSON, or a page for
// a browser) and logs it with its stack; a client that went away is only
// noted.
func (s *Server) recovered(c *gin.Context, rec any) {
	if err, ok := rec.(error); ok && (errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, http.ErrAbortHandler)) {
		s.log.Info("client went away", "path", c.Request.URL.Path, "error", err)
		c.Abort()
		return
	}
	s.log.Error("panic serving request", "path", c.Request.URL.Path, "panic", rec, "stack", string(debug.Stack()))
	s.failFor(c, app.Say(caili.KindInternal, msg.AppInternal))
}

// requireToken guards a write of a planner (scenarios, data previews):
// the request's token (signedIn) must hold the planner role (403
// otherwise).
func (s *Server) requireToken(c *gin.Context) {
	who, ok := s.authenticate(c)
	if !ok {
		return
	}
	if !who.Can(caili.RolePlanner) {
		s.fail(c, app.Say(caili.KindForbidden, msg.ServerRoleMayNotWrite, who.ID, who.Role))
		return
	}
	c.Next()
}

// liveRead keeps a 街道's token to the published record: the working
// plans (their results, what-ifs, charts, scenarios) are drafts, which a
// sub-district may not read (issue 14 §4), so a request that sends a
// 街道's token to one is refused (403). Requests without a token are
// answered as before (the office network, Excel WEBSERVICE); one with a
// planner's or approver's token too; a wrong token is refused (401).
func (s *Server) liveRead(c *gin.Context) {
	if c.GetHeader("Authorization") == "" || !s.hasTokens(c) {
		c.Next()
		return
	}
	who, ok := s.authenticate(c)
	if !ok {
		return
	}
	if who.Role == caili.RoleSubdistrict {
		s.fail(c, app.Say(caili.KindForbidden, msg.ServerSubdistrictLive, who.Subdistrict))
		return
	}
	c.Next()
}

// hasTokens reports whether any token can sign in: the server's own or a
// live stored one. A store that cannot say is taken to have some, so the
// token is checked.
func (s *Server) hasTokens(c *gin.Context) bool {
	if s.tokenSum != nil {
		return true
	}
	has, err := s.app.HasTokens(c.Request.Context())
	return err != nil || has
}

// signedIn resolves the request's token to an actor for the handler
// (actorOf), whose application call decides what the role may do.
func (s *Server) signedIn(c *gin.Context) {
	if _, ok := s.authenticate(c); ok {
		c.Next()
	}
}

// actorKey is where the request's actor is kept in the gin context.
const actorKey = "caili.actor"

// actorOf is the actor signedIn or requireToken found.
func actorOf(c *gin.Context) caili.Actor {
	a, _ := c.Get(actorKey)
	who, _ := a.(caili.Actor)
	return who
}

// authenticate finds who sends a request from `Authorization: Bearer
// <token>`: the server's own token (--token, CAILI_TOKEN) is the admin
// (planner and approver); any other is looked up by its SHA-256 among
// the tokens of the record store (caili token create). With no server
// token and no live stored token, writes are switched off: 403, whatever
// the client sends. A missing or unknown token is 401. The server token
// is compared in constant time, through SHA-256 sums so that not even
// the length leaks; stored tokens are found by their hash.
func (s *Server) authenticate(c *gin.Context) (caili.Actor, bool) {
	if s.tokenSum == nil {
		has, err := s.app.HasTokens(c.Request.Context())
		if err != nil {
			s.fail(c, err)
			return caili.Actor{}, false
		}
		if !has {
			s.fail(c, app.Say(caili.KindForbidden, msg.ServerWritesDisabled))
			return caili.Actor{}, false
		}
	}
	h := c.GetHeader("Authorization")
	scheme, tok, ok := strings.Cut(strings.TrimSpace(h), " ")
	tok = strings.TrimSpace(tok)
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		c.Header("WWW-Authenticate", `Bearer realm="caili"`)
		s.fail(c, app.Say(caili.KindUnauthorized, msg.ServerNeedsToken))
		return caili.Actor{}, false
	}
	sum := sha256.Sum256([]byte(tok))
	if s.tokenSum != nil && subtle.ConstantTimeCompare(sum[:], s.tokenSum[:]) == 1 {
		who := caili.Actor{ID: "admin", Role: caili.RoleAdmin}
		c.Set(actorKey, who)
		return who, true
	}
	who, err := s.app.Authenticate(c.Request.Context(), tok)
	if err != nil {
		c.Header("WWW-Authenticate", `Bearer realm="caili", error="invalid_token"`)
		if ae := app.Classify(err); ae.Kind == caili.KindUnauthorized {
			err = app.Say(caili.KindUnauthorized, msg.AppRevokedToken)
		}
		s.fail(c, err)
		return caili.Actor{}, false
	}
	c.Set(actorKey, who)
	return who, true
}

// fail writes an error as JSON with the status its kind maps to, and
// stops the handler chain. Internal errors are logged with their cause.
func (s *Server) fail(c *gin.Context, err error) {
	ae := app.Classify(err)
	if ae.Kind == caili.KindInternal {
		s.log.Error("request failed", "path", c.Request.URL.Path, "error", err)
	}
	c.Header("Cache-Control", "no-store")
	c.Header("ETag", "")
	c.Abort()
	if ae.Kind != caili.KindInternal {
		s.pause(c.Request.Context(), c.Request.ContentLength)
	}
	s.writeJSON(c, status(ae.Kind), body(c, ae))
}

// pause waits before a refusal is answered, or until the client goes
// away: Config.ErrorPause, and as long again for every 64 KiB of body the
// refused request sent (at most 20 times in all), since reading a body
// costs in proportion to its size: a client sending megabytes it knows to
// be refused gets a few answers a second.
func (s *Server) pause(ctx context.Context, body int64) {
	if s.cfg.ErrorPause <= 0 {
		return
	}
	n := 1 + min(max(body, 0)>>16, 19)
	t := time.NewTimer(s.cfg.ErrorPause * time.Duration(n))
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// writeJSON writes a document as indented JSON, without HTML escaping
// (names are Chinese text, not markup).
func (s *Server) writeJSON(c *gin.Context, status int, v any) {
	var buf bytes.Buffer
	if err := report.EncodeJSON(&buf, v); err != nil {
		s.log.Error("encode response", "error", err)
		c.Data(http.StatusInternalServerError, typeJSON, []byte(`{"error":"internal error","code":"internal","problems":[]}`+"\n"))
		return
	}
	c.Data(status, typeJSON, buf.Bytes())
}

// notModified reports whether If-None-Match names tag (or is *). Weak
// comparison is used, as RFC 9110 asks for If-None-Match.
func notModified(r *http.Request, tag string) bool {
	inm := r.Header.Values("If-None-Match")
	for _, line := range inm {
		for t := range strings.SplitSeq(line, ",") {
			t = strings.TrimSpace(t)
			if t == "*" || strings.TrimPrefix(t, "W/") == tag {
				return true
			}
		}
	}
	return false
}
