package server

import (
	"bufio"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/report"
)

// streamView answers with a view written as it is rendered (view.stream),
// through a buffer on the response, never held whole nor memoised: the
// JSON of a what-if, which on a 10,000-sub-district plan is hundreds of
// megabytes that nobody asks for twice (issue 25 §3). The headers are
// those of a memoised view. The body can only fail to be written when the
// client has gone, and then there is no one to tell.
func (s *Server) streamView(c *gin.Context, v view, st *report.Stamp, j *app.Job, res *formula.Result) {
	s.disposition(c, v, st)
	c.Header("Content-Type", v.contentType)
	c.Status(http.StatusOK)
	bw := bufio.NewWriterSize(c.Writer, 64<<10)
	if err := v.stream(bw, j, res); err == nil {
		bw.Flush()
	}
	s.release.after()
}

// releaseEvery is the least time between two releases of memory.
const releaseEvery = 5 * time.Second

// releaser gives back to the system, once a streamed answer is written,
// the memory its rendering took (issue 25: a JSON what-if of a
// 10,000-sub-district plan takes about a gigabyte for a few seconds, and
// Go keeps what it freed mapped, up to twice the live heap, until it
// next collects): one collection that returns what is free, in the
// background, one at a time and at most one every releaseEvery. An
// answer written within releaseEvery of the last release is covered by
// one more, when that time has passed, so the last answer of a run is
// always given back (within releaseEvery and a collection's time). A
// stream of small what-ifs costs a collection of a small heap every
// releaseEvery; a large one a collection of what stays live (a few
// hundred milliseconds of CPU for a 10,000-sub-district plan, against
// the seconds of its rendering).
type releaser struct {
	mu        sync.Mutex
	scheduled bool      // a release is due, not started
	running   bool      // a release is running
	again     bool      // an answer ended while one ran: one more is due
	last      time.Time // when the last release ended
	runs      int       // releases ended (for tests)
}

// after is called when a streamed answer has been written.
func (r *releaser) after() {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.scheduled: // the one due covers this answer too
	case r.running: // it may have marked this answer's memory live
		r.again = true
	default:
		r.schedule()
	}
}

// schedule makes a release due releaseEvery after the last (r.mu held).
func (r *releaser) schedule() {
	r.scheduled = true
	time.AfterFunc(max(releaseEvery-time.Since(r.last), 0), r.run)
}

// run releases, and makes one more due if an answer ended meanwhile.
func (r *releaser) run() {
	r.mu.Lock()
	r.scheduled, r.running = false, true
	r.mu.Unlock()
	debug.FreeOSMemory()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.running, r.last = false, time.Now()
	r.runs++
	if r.again {
		r.again = false
		r.schedule()
	}
}

// compute is the job's result for a view, with the key it is cached
// under: without its lines when the view shows only totals.
func (s *Server) compute(j *app.Job, key string, totals bool) (*app.Computed, string) {
	if totals {
		return s.app.ComputeTotals(j, key)
	}
	return s.app.Compute(j, key), key
}
