package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// authenticate finds who sends token: the server's own token (--token,
// CAILI_TOKEN) is the admin (planner and approver); any other is looked
// up by its SHA-256 among the tokens of the record store (caili token
// create). With no server token and no live stored token, writes are
// switched off: 403, whatever the client sends. An empty, unknown or
// revoked token is 401, answered after a pause that grows with the
// failures of the client's address (failures). The server token is
// compared in constant time, through SHA-256 sums so that not even the
// length leaks; stored tokens are found by their hash.
func (s *Server) authenticate(c *gin.Context, tok string) (caili.Actor, bool) {
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
	if tok == "" {
		c.Header("WWW-Authenticate", `Bearer realm="caili"`)
		s.failAuth(c, app.Say(caili.KindUnauthorized, msg.ServerNeedsToken))
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
			s.failAuth(c, app.Say(caili.KindUnauthorized, msg.AppRevokedToken))
			return caili.Actor{}, false
		}
		s.fail(c, err)
		return caili.Actor{}, false
	}
	c.Set(actorKey, who)
	return who, true
}

// failAuth answers a failed authentication after the pause its client
// address has earned.
func (s *Server) failAuth(c *gin.Context, err error) {
	wait(c.Request.Context(), s.failures.failed(c.ClientIP(), time.Now()))
	s.fail(c, err)
}

// wait sleeps for d, or until ctx ends.
func wait(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// The failures of authentication are counted per client address, in a
// bounded map: each failure within failWindow of the last one adds
// step to the pause before the refusal is answered, up to failMaxPause,
// so that guessing tokens from one address gets a few tries a second at
// most while others are not slowed.
const (
	failWindow   = time.Minute
	failMaxPause = 2 * time.Second
	failMaxAddrs = 4096
)

// failures counts recent failed authentications by client address.
type failures struct {
	mu   sync.Mutex
	step time.Duration // the pause added by each failure; ≤ 0: none
	by   map[string]failure
}

type failure struct {
	n    int
	last time.Time
}

// failed records a failure of addr at now and returns the pause due.
func (f *failures) failed(addr string, now time.Time) time.Duration {
	if f.step <= 0 {
		return 0
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.by == nil {
		f.by = map[string]failure{}
	}
	if len(f.by) >= failMaxAddrs {
		f.prune(now)
	}
	x := f.by[addr]
	if now.Sub(x.last) > failWindow {
		x.n = 0
	}
	x.n++
	x.last = now
	if len(f.by) < failMaxAddrs || f.by[addr].n > 0 {
		f.by[addr] = x
	}
	return min(f.step*time.Duration(x.n), failMaxPause)
}

// prune forgets the addresses quiet for failWindow; if every address
// is recent, it forgets them all (the map stays bounded).
func (f *failures) prune(now time.Time) {
	for a, x := range f.by {
		if now.Sub(x.last) > failWindow {
			delete(f.by, a)
		}
	}
	if len(f.by) >= failMaxAddrs {
		clear(f.by)
	}
}
