package server

import (
	"context"
	"io"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/analysis"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/server/dashboard"
	"github.com/caili/caili/standards"
)

// solvePage is GET /plans/{plan}/solve: the goal-seek form and, with a
// target in the query, its answer (package dashboard draws it). A target
// that cannot be solved shows on the page with its problems, under the
// status of its kind (400 for a bad target or path, 422 for one out of
// reach).
func (s *Server) solvePage(c *gin.Context) {
	v, ok := s.pagePlan(c)
	if !ok {
		return
	}
	q := c.Request.URL.Query()
	paths, err := v.Doc.NumberPaths()
	if err != nil {
		s.failPage(c, err)
		return
	}
	in := dashboard.SolveInput{PlanID: v.ID, PlanName: v.Name, Paths: solvePaths(paths), Labels: analysis.Labels(v.Doc),
		Target: q.Get("target"), Vary: q.Get("vary"), Find: q.Get("find"), Precision: q.Get("precision")}
	if in.Target != "" {
		req := analysis.SolveRequest{Target: in.Target, Vary: in.Vary, Find: analysis.Find(in.Find)}
		if in.Precision != "" {
			if req.Unit, err = decimal.NewFromString(in.Precision); err != nil {
				err = msg.ServerPrecision.Query("precision", msg.Clip(in.Precision))
			}
		}
		if err == nil {
			err = s.run(c, func(ctx context.Context) (err error) {
				in.Solution, err = analysis.Solve(ctx, v.Doc, req)
				return err
			})
		}
		if err != nil {
			ae := app.Classify(err)
			if ae.Kind == caili.KindInternal {
				s.failPage(c, err)
				return
			}
			in.Failure = dashboard.FailureOf(ae, status(ae.Kind))
		}
	}
	view := dashboard.NewSolveView(in)
	s.sendPage(c, view.Status, "", func(w io.Writer) error { return s.pages.Solve(w, view) })
}

// solvePaths are the paths the form offers to vary: the standards and
// the capacity, not the sub-districts' data, nor weights (which must sum
// to 1 and so cannot move alone).
func solvePaths(nps []standards.NumberPath) []standards.NumberPath {
	var out []standards.NumberPath
	for _, np := range nps {
		if analysis.IsLever(np.Pattern) && !strings.HasSuffix(np.Pattern, ".weight") {
			out = append(out, np)
		}
	}
	return out
}
