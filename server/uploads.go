package server

import (
	"context"
	"net/http"
	"runtime"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards/workbook"
)

// The upload pool (issue 20 §6): the routes that read a workbook or CSV
// body (an objection's workbook, a data preview) are admitted, read and
// parsed within bounds, so that however many uploads arrive, the server
// holds a bounded number of bodies and parses a bounded number at once,
// and a 街道's uploads can never take what a planner needs:
//
//   - admission: at most uploadSlots running and uploadQueue waiting; a
//     request beyond is refused at once (503, Retry-After), before its
//     body is read; 街道 tokens may hold at most half of the places;
//   - running: at most uploadSlots parse at once (on a machine of two
//     cores, two), of which 街道 tokens may hold all but one;
//   - waiting ends with the request (the client gone) or after
//     uploadWait (503).
//
// It builds on the pause of refusals (middleware.go), which already
// slows a client sending bodies it knows to be refused.

// Bounds of the upload pool.
var (
	uploadSlots = max(2, runtime.GOMAXPROCS(0)/2)
	uploadQueue = 4 * uploadSlots
	uploadWait  = 20 * time.Second
)

// uploadPool is the upload pool's semaphores: places (admitted uploads)
// and slots (uploads parsing), each with the 街道 tokens' share.
type uploadPool struct {
	places, subPlaces chan struct{}
	slots, subSlots   chan struct{}
}

// newUploadPool makes the pool of the bounds above.
func newUploadPool() *uploadPool {
	places := uploadSlots + uploadQueue
	return &uploadPool{
		places: make(chan struct{}, places), subPlaces: make(chan struct{}, max(1, places/2)),
		slots: make(chan struct{}, uploadSlots), subSlots: make(chan struct{}, max(1, uploadSlots-1)),
	}
}

// admit takes a place without waiting; false when there is none for the
// role. leave gives it back.
func (p *uploadPool) admit(sub bool) (leave func(), ok bool) {
	if sub && !try(p.subPlaces) {
		return nil, false
	}
	if !try(p.places) {
		if sub {
			<-p.subPlaces
		}
		return nil, false
	}
	return func() {
		<-p.places
		if sub {
			<-p.subPlaces
		}
	}, true
}

// run waits for a slot (and, for a 街道, one of its share) until ctx
// ends; done gives them back.
func (p *uploadPool) run(ctx context.Context, sub bool) (done func(), err error) {
	if sub {
		if err := acquire(ctx, p.subSlots); err != nil {
			return nil, err
		}
	}
	if err := acquire(ctx, p.slots); err != nil {
		if sub {
			<-p.subSlots
		}
		return nil, err
	}
	return func() {
		<-p.slots
		if sub {
			<-p.subSlots
		}
	}, nil
}

// try takes a token of sem without waiting.
func try(sem chan struct{}) bool {
	select {
	case sem <- struct{}{}:
		return true
	default:
		return false
	}
}

// acquire takes a token of sem, or gives up when ctx ends.
func acquire(ctx context.Context, sem chan struct{}) error {
	select {
	case sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// readUpload admits an upload, reads its body (at most
// workbook.MaxUploadBytes) and waits for a slot to parse it in. When ok,
// the caller parses the body and then calls done; otherwise the answer
// has been written (503 when the pool is full or the wait too long, the
// body's own refusal, or the request abandoned: see abandoned).
func (s *Server) readUpload(c *gin.Context) (data []byte, done func(), ok bool) {
	sub := actorOf(c).Role == caili.RoleSubdistrict
	leave, ok := s.uploads.admit(sub)
	if !ok {
		s.busy(c)
		return nil, nil, false
	}
	data, err := readBody(c, workbook.MaxUploadBytes)
	if err != nil {
		leave()
		s.fail(c, err)
		return nil, nil, false
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), uploadWait)
	defer cancel()
	release, err := s.uploads.run(ctx, sub)
	if err != nil {
		leave()
		if s.abandoned(c, c.Request.Context().Err()) { // the client is gone (499) or the write's deadline passed (503)
			return nil, nil, false
		}
		s.busy(c)
		return nil, nil, false
	}
	return data, func() { release(); leave() }, true
}

// busy answers 503 with Retry-After: the upload pool is full.
func (s *Server) busy(c *gin.Context) {
	c.Header("Retry-After", "5")
	c.Header("Cache-Control", "no-store")
	c.Abort()
	out := body(c, app.Say(caili.KindConflict, msg.ServerUploadBusy))
	out.Code = "unavailable"
	s.writeJSON(c, http.StatusServiceUnavailable, out)
}
