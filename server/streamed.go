package server

import (
	"bufio"
	"net/http"

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
}

// compute is the job's result for a view, with the key it is cached
// under: without its lines when the view shows only totals.
func (s *Server) compute(j *app.Job, key string, totals bool) (*app.Computed, string) {
	if totals {
		return s.app.ComputeTotals(j, key)
	}
	return s.app.Compute(j, key), key
}
