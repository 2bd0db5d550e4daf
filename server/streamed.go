package server

import (
	"bufio"
	"net/http"
	"runtime/debug"
	"sync/atomic"
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
// background, at most one at a time and one every releaseEvery, so that
// a stream of small what-ifs costs nothing and a large one a collection
// of what stays live (a few hundred milliseconds of CPU for a 10,000-
// sub-district plan, against the seconds of its rendering).
type releaser struct {
	running atomic.Bool
	last    atomic.Int64 // when the last release ended, Unix nanoseconds
}

// after starts a release unless one is running or one ended within
// releaseEvery.
func (r *releaser) after() {
	if time.Since(time.Unix(0, r.last.Load())) < releaseEvery || !r.running.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer r.running.Store(false)
		debug.FreeOSMemory()
		r.last.Store(time.Now().UnixNano())
	}()
}

// compute is the job's result for a view, with the key it is cached
// under: without its lines when the view shows only totals.
func (s *Server) compute(j *app.Job, key string, totals bool) (*app.Computed, string) {
	if totals {
		return s.app.ComputeTotals(j, key)
	}
	return s.app.Compute(j, key), key
}
