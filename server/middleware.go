package server

import (
	"bytes"
	"context"
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
	s.logRequest(c.Request.Method, c.Request.URL.Path, redactQuery(c.Request.URL.RawQuery), c.Writer.Status(),
		max(c.Writer.Size(), 0), time.Since(start), c.ClientIP())
}

// logRequest writes one access log line (Gin's requests and the fast
// path's alike); a status of 500 or more is an error.
func (s *Server) logRequest(method, path, query string, status, bytes int, dur time.Duration, remote string) {
	lvl := slog.LevelInfo
	if status >= 500 {
		lvl = slog.LevelError
	}
	// The handler is called as Logger.LogAttrs would, without the
	// caller's program counter (no source: Config.Logger's handlers do
	// not print one), which costs more than the rest of the record.
	ctx, h := context.Background(), s.log.Handler()
	if !h.Enabled(ctx, lvl) {
		return
	}
	r := slog.NewRecord(time.Now(), lvl, "http", 0)
	r.AddAttrs(
		slog.String("method", method),
		slog.String("path", path),
		slog.String("query", query),
		slog.Int("status", status),
		slog.Int("bytes", bytes),
		slog.Duration("dur", dur),
		slog.String("remote", remote),
	)
	_ = h.Handle(ctx, r) // as LogAttrs, which drops a handler's error
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

// hasTokens reports whether any token can sign in: the server's own or a
// live stored one. A store that cannot say is taken to have some, so the
// token is checked.
func (s *Server) hasTokens(c *gin.Context) bool { return s.hasTokensIn(c.Request.Context()) }

// hasTokensIn is hasTokens for a request's context.
func (s *Server) hasTokensIn(ctx context.Context) bool {
	if s.tokenSum != nil {
		return true
	}
	has, err := s.app.HasTokens(ctx)
	return err != nil || has
}

// actorKey is where the request's actor is kept in the gin context.
const actorKey = "caili.actor"

// actorOf is the actor the gate found (the zero actor for a request
// let in without a token).
func actorOf(c *gin.Context) caili.Actor {
	a, _ := c.Get(actorKey)
	who, _ := a.(caili.Actor)
	return who
}

// fail writes an error as JSON with the status its kind maps to, and
// stops the handler chain. Internal errors are logged with their cause.
func (s *Server) fail(c *gin.Context, err error) {
	if s.abandoned(c, err) {
		return
	}
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

// StatusClientClosedRequest is the status logged for a request whose
// client went away before its answer (nginx's 499); nothing is sent.
const StatusClientClosedRequest = 499

// abandoned answers a request abandoned because its client went away
// (logged as 499, nothing sent) or its deadline passed (503, timeout):
// whatever it was doing was rolled back. It reports false for any other
// error.
func (s *Server) abandoned(c *gin.Context, err error) bool {
	ctx := c.Request.Context()
	timedOut := errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded)
	gone := errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled)
	switch {
	case timedOut:
		c.Abort()
		c.Header("Cache-Control", "no-store")
		s.writeJSON(c, status(caili.KindTimeout), body(c, app.Classify(app.Say(caili.KindTimeout, msg.AccessTimeout))))
	case gone:
		c.AbortWithStatus(StatusClientClosedRequest)
	default:
		return false
	}
	s.log.Info("request abandoned", "path", c.Request.URL.Path, "error", err)
	return true
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
		s.encodeFailed(c, err)
		return
	}
	c.Data(status, typeJSON, buf.Bytes())
}

// encodeFailed answers an answer that would not encode: logged, and an
// internal error.
func (s *Server) encodeFailed(c *gin.Context, err error) {
	s.log.Error("encode response", "error", err)
	c.Data(http.StatusInternalServerError, typeJSON, []byte(`{"error":"internal error","code":"internal","problems":[]}`+"\n"))
}

// jsonList maps a list the application gave to its items' JSON, each
// made by of.
func jsonList[T, J any](list []T, of func(*T) J) []J {
	out := make([]J, len(list))
	for i := range list {
		out[i] = of(&list[i])
	}
	return out
}

// notModified reports whether If-None-Match names tag (or is *). Weak
// comparison is used, as RFC 9110 asks for If-None-Match.
func notModified(r *http.Request, tag string) bool {
	return notModifiedBy(r.Header.Values("If-None-Match"), tag)
}

// notModifiedBy reports whether If-None-Match headers inm name tag (or
// any).
func notModifiedBy(inm []string, tag string) bool {
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
