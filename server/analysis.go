package server

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/analysis"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/server/chart"
	"github.com/caili/caili/standards"
)

// The analysis routes: goal-seek (solve.json), sensitivity
// (sensitivity.json, sensitivity.csv) and its tornado chart
// (charts/tornado.png|svg). Each runs in one computing slot, within
// analysisTimeout, on the plan with the request's overrides
// (`set.<path>`, `scenario`); their own parameters are read here.

// analysisTimeout bounds the work of one analysis request.
const analysisTimeout = 30 * time.Second

// analysisParams are the parameters the analysis routes read themselves.
var analysisParams = map[string]bool{"target": true, "vary": true, "find": true, "precision": true, "step": true, "subdistrict": true}

// analysisJob splits the query into the analysis parameters the route
// takes (own) and the rest, which app.ParseQuery reads, and resolves the
// job and its overrides.
func (s *Server) analysisJob(c *gin.Context, own []string, allow app.Params) (*analysisReq, error) {
	vals := map[string]string{}
	var rest []string
	for part := range strings.SplitSeq(c.Request.URL.RawQuery, "&") {
		rk, rv, _ := strings.Cut(part, "=")
		k, err := url.QueryUnescape(rk)
		if err != nil || !analysisParams[k] {
			rest = append(rest, part)
			continue
		}
		if !slices.Contains(own, k) {
			return nil, msg.AppQueryUnknown.Query(k, msg.Clip(k), strings.Join(own, ", "))
		}
		v, err := url.QueryUnescape(rv)
		if err != nil {
			return nil, msg.AppQueryBadValue.Query(k, msg.Clip(k))
		}
		if _, dup := vals[k]; dup {
			return nil, msg.AppQueryTwice.Query(k, msg.Clip(k))
		}
		vals[k] = v
	}
	q, err := app.ParseQuery(strings.Join(rest, "&"), allow)
	if err != nil {
		return nil, err
	}
	j, err := s.app.Resolve(c.Param("plan"), q)
	if err != nil {
		return nil, err
	}
	ovs, err := j.Overrides()
	if err != nil {
		return nil, err
	}
	return &analysisReq{job: j, ovs: ovs, vals: vals, noBOM: q.NoBOM}, nil
}

// analysisReq is an analysis request read: the job, its overrides, the
// analysis parameters and whether CSV leaves out the BOM.
type analysisReq struct {
	job   *app.Job
	ovs   []standards.Override
	vals  map[string]string
	noBOM bool
}

// run does an analysis in a computing slot, within analysisTimeout.
func (s *Server) run(c *gin.Context, fn func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(c.Request.Context(), analysisTimeout)
	defer cancel()
	var err error
	s.app.Limit(func() { err = fn(ctx) })
	if ctx.Err() != nil && err != nil {
		return app.Say(caili.KindUnprocessable, msg.ServerAnalysisStopped, analysisTimeout.String()).Because(err)
	}
	return err
}

// solve serves solve.json: goal-seek (analysis.Solve).
func (s *Server) solve(c *gin.Context) {
	ar, err := s.analysisJob(c, []string{"target", "vary", "find", "precision"}, app.ParamSet|app.ParamScenario)
	if err != nil {
		s.fail(c, err)
		return
	}
	req, err := solveRequest(ar.vals, ar.ovs)
	if err != nil {
		s.fail(c, err)
		return
	}
	var sol *analysis.Solution
	if err := s.run(c, func(ctx context.Context) (err error) {
		sol, err = analysis.Solve(ctx, ar.job.Plan.Doc, req)
		return err
	}); err != nil {
		s.fail(c, err)
		return
	}
	var b bytes.Buffer
	if err := analysis.WriteJSON(&b, sol); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, typeJSON, b.Bytes())
}

// solveRequest reads a goal-seek's parameters.
func solveRequest(vals map[string]string, ovs []standards.Override) (analysis.SolveRequest, error) {
	req := analysis.SolveRequest{Target: vals["target"], Vary: vals["vary"], Find: analysis.Find(vals["find"]), Base: ovs}
	if req.Target == "" {
		return req, msg.ServerSolveTarget.Query("target")
	}
	if p := vals["precision"]; p != "" {
		u, err := decimal.NewFromString(p)
		if err != nil {
			return req, msg.ServerPrecision.Query("precision", msg.Clip(p))
		}
		req.Unit = u
	}
	return req, nil
}

// sweep runs the sensitivity sweep a request asks for.
func (s *Server) sweep(c *gin.Context, allow app.Params) (*analysis.Report, *analysisReq, error) {
	ar, err := s.analysisJob(c, []string{"step", "subdistrict"}, allow)
	if err != nil {
		return nil, nil, err
	}
	req := analysis.SensitivityRequest{Subdistrict: ar.vals["subdistrict"], Base: ar.ovs}
	if st, ok := ar.vals["step"]; ok {
		if req.Step, err = analysis.ParseStep(st); err != nil {
			return nil, nil, err
		}
		if req.Step.IsZero() {
			return nil, nil, msg.ServerStepZero.Query("step")
		}
	}
	var rep *analysis.Report
	err = s.run(c, func(ctx context.Context) (err error) {
		rep, err = analysis.Sensitivity(ctx, ar.job.Plan.Doc, req)
		return err
	})
	return rep, ar, err
}

// sensitivity serves sensitivity.{json,csv}.
func (s *Server) sensitivity(format string) gin.HandlerFunc {
	allow := app.ParamSet | app.ParamScenario
	if format == "csv" {
		allow |= app.ParamBOM
	}
	return func(c *gin.Context) {
		rep, ar, err := s.sweep(c, allow)
		if err != nil {
			s.fail(c, err)
			return
		}
		var b bytes.Buffer
		if format == "csv" {
			err = analysis.WriteSensitivityCSV(&b, rep, !ar.noBOM)
			c.Header("Content-Disposition", `attachment; filename="`+c.Param("plan")+`-sensitivity.csv"`)
		} else {
			err = analysis.WriteJSON(&b, rep)
		}
		if err != nil {
			s.fail(c, err)
			return
		}
		c.Header("Cache-Control", "no-cache")
		c.Data(http.StatusOK, allocationsType[format], b.Bytes())
	}
}

// tornado serves charts/tornado.{png,svg}: the levers of the sweep
// ranked (package chart draws them).
func (s *Server) tornado(c *gin.Context, f chart.Format) {
	rep, _, err := s.sweep(c, app.ParamSet|app.ParamScenario)
	if err != nil {
		s.fail(c, err)
		return
	}
	data, err := chart.Render(chart.KindTornado, f, chart.Input{Tornado: TornadoOf(rep)})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, f.ContentType(), data)
}

// TornadoOf is what the tornado chart draws of a sweep: its levers that
// move a total, with the change of the focus sub-district's total, or
// the largest change over the sub-districts.
func TornadoOf(rep *analysis.Report) *chart.Tornado {
	pct := decimal.RequireFromString(rep.Step).Shift(2).String() + "%"
	who := msg.TornadoAll.In(msg.Zh)
	for _, sd := range rep.Subdistricts {
		if sd.ID == rep.Focus {
			who = msg.TornadoOne.In(msg.Zh, sd.Name)
		}
	}
	t := &chart.Tornado{Plan: rep.Plan, Title: msg.TornadoTitle.In(msg.Zh, pct, who), Down: msg.TornadoDown.In(msg.Zh, pct), Up: msg.TornadoUp.In(msg.Zh, pct)}
	for _, l := range rep.Levers {
		if l.Masked {
			t.Masked++
			continue
		}
		down, _ := rep.Change(l.Down)
		up, _ := rep.Change(l.Up)
		t.Bars = append(t.Bars, chart.TornadoBar{Label: l.Label, Down: down, Up: up,
			DownRejected: l.Down.Rejected != "", UpRejected: l.Up.Rejected != ""})
	}
	return t
}
