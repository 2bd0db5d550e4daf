package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/server/chart"
	"github.com/gin-gonic/gin"
)

// routes builds the Gin engine: release mode, no trusted proxies, the
// access log and panic recovery, 404 and 405 as JSON (or as an HTML page
// for a browser outside /api/), every route of the API and the
// dashboard's pages (the OpenAPI document lists the same ones; a test
// holds them in step).
func (s *Server) routes() (*gin.Engine, error) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	if err := r.SetTrustedProxies(nil); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	r.HandleMethodNotAllowed = true
	r.Use(s.accessLog, gin.CustomRecoveryWithWriter(nil, s.recovered))
	r.NoRoute(func(c *gin.Context) {
		s.failFor(c, app.Errorf(app.KindNotFound, "no route %s %s", c.Request.Method, app.Clip(c.Request.URL.Path)))
	})
	r.NoMethod(func(c *gin.Context) {
		s.failFor(c, app.Errorf(app.KindMethodNotAllowed, "%s is not allowed on %s", c.Request.Method, app.Clip(c.Request.URL.Path)))
	})

	r.GET("/healthz", s.healthz)
	r.GET("/openapi.json", func(c *gin.Context) { c.Data(http.StatusOK, typeJSON, s.openapi) })

	v1 := r.Group("/api/v1")
	v1.GET("/plans", s.listPlans)
	v1.POST("/calculate", s.calculate)
	p := v1.Group("/plans/:plan")
	for _, f := range []string{"json", "csv", "xml", "xlsx"} {
		p.GET("/allocations."+f, s.allocations(f))
	}
	p.GET("/charts/:kind", s.chart)
	p.GET("/subdistricts/:id", s.subdistrict)
	p.GET("/cell/:subdistrict/:column", s.cell)
	for _, f := range []string{"json", "csv"} {
		p.GET("/compare."+f, s.compare(f))
	}
	p.GET("/scenarios", s.listScenarios)
	p.GET("/scenarios/:name", s.getScenario)
	p.PUT("/scenarios/:name", s.requireToken, s.putScenario)
	p.DELETE("/scenarios/:name", s.requireToken, s.deleteScenario)

	// The dashboard's pages (pages.go).
	r.GET("/", s.indexPage)
	r.GET("/plans/:plan", s.planPage)
	r.GET("/plans/:plan/subdistricts/:id", s.statementPage)
	return r, nil
}

func (s *Server) healthz(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"status": "ok", "version": s.cfg.Version,
		"plans": len(s.app.Plans.All()), "cache": s.app.Cache.Stats()})
}

// planJSON is one plan in GET /api/v1/plans.
type planJSON struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	FiscalYear int64         `json:"fiscal_year"`
	Status     string        `json:"status"` // ok, rejected or error
	Error      string        `json:"error,omitempty"`
	Stale      bool          `json:"serving_last_good,omitempty"`
	Files      []string      `json:"files"`
	LoadedAt   *time.Time    `json:"loaded_at,omitempty"`
	Problems   []problemJSON `json:"problems"`
}

// listPlans lists every plan with its status: "ok"; "rejected" for a
// valid plan the rules reject (its problems say why); "error" for a file
// whose latest version does not load (its problems say why, and
// serving_last_good says whether an earlier version is still served).
func (s *Server) listPlans(c *gin.Context) {
	out := []planJSON{}
	for _, st := range s.app.Plans.All() {
		pj := planJSON{ID: st.ID, Status: "ok", Files: []string{}, Problems: []problemJSON{}}
		if v := st.Good; v != nil {
			pj.Name, pj.FiscalYear, pj.Files = v.Name, v.FiscalYear, v.Files
			t := v.LoadedAt.UTC()
			pj.LoadedAt = &t
			if err := v.Base.Err; err != nil {
				ae := classify(err)
				pj.Status, pj.Error, pj.Problems = "rejected", ae.Message, body(ae).Problems
			}
		}
		if st.Problems != nil {
			ae := &app.Error{Message: "the plan file does not load", Problems: st.Problems}
			pj.Status, pj.Error, pj.Problems, pj.Stale = "error", ae.Message, body(ae).Problems, st.Good != nil
		}
		out = append(out, pj)
	}
	c.Header("Cache-Control", "no-cache")
	s.writeJSON(c, http.StatusOK, gin.H{"plans": out})
}

// resultRoute is the common path of every result route: parse the query,
// find the plan and scenario, answer 304 when the client has this
// representation, else compute (or take from the cache) and render.
// rep names the representation for the ETag and the render memo; check
// refuses a bad request before anything is computed; render draws the
// body from the result (its errors are the client's: an unknown
// sub-district, say).
func (s *Server) resultRoute(c *gin.Context, allow app.Params, rep func(q app.Query) string, check func(q app.Query) error,
	render func(j *app.Job, res *formula.Result, q app.Query) ([]byte, error), headers func(j *app.Job, q app.Query)) {
	q, err := app.ParseQuery(c.Request.URL.RawQuery, allow)
	if err == nil && check != nil {
		err = check(q)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	j, err := s.app.Resolve(c.Param("plan"), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	key := s.app.Key(j)
	r := rep(q)
	tag := app.ETag(r, key)
	c.Header("ETag", tag)
	c.Header("Cache-Control", "no-cache")
	if notModified(c.Request, tag) {
		c.Status(http.StatusNotModified)
		return
	}
	comp := s.app.Compute(j, key)
	if comp.Err != nil {
		s.fail(c, comp.Err)
		return
	}
	data, fresh, err := comp.Render(r, func() ([]byte, error) { return render(j, comp.Res, q) })
	if err != nil {
		s.fail(c, err)
		return
	}
	if fresh && j.WhatIf() {
		s.app.Cache.Grow(key, int64(len(data)))
	}
	if headers != nil {
		headers(j, q)
	}
	c.Data(http.StatusOK, contentTypeOf(r), data)
}

// contentTypeOf is the content type of a representation named by rep.
// A chart's rep is "chart/<kind>.<format>", perhaps followed by its
// parameters after a "?".
func contentTypeOf(rep string) string {
	switch {
	case strings.HasPrefix(rep, "cell/"):
		return typeText
	case strings.HasPrefix(rep, "chart/"):
		name, _, _ := strings.Cut(rep, "?")
		if strings.HasSuffix(name, ".svg") {
			return chart.SVG.ContentType()
		}
		return chart.PNG.ContentType()
	case strings.Contains(rep, ".csv"):
		return typeCSV
	case strings.HasSuffix(rep, ".xml"):
		return typeXML
	case strings.HasSuffix(rep, ".xlsx"):
		return typeXLSX
	}
	return typeJSON
}

// attachment names the file (CSV, XLSX) a browser or spreadsheet saves.
func attachment(c *gin.Context, name string) {
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
}

func csvRep(base string, q app.Query) string {
	if q.NoBOM {
		return base + ";nobom"
	}
	return base
}

func (s *Server) allocations(format string) gin.HandlerFunc {
	allow := app.ParamSet | app.ParamScenario
	if format == "csv" {
		allow |= app.ParamBOM
	}
	return func(c *gin.Context) {
		s.resultRoute(c, allow,
			func(q app.Query) string { return csvRep("allocations."+format, q) }, nil,
			func(_ *app.Job, res *formula.Result, q app.Query) ([]byte, error) {
				return renderAllocations(res, format, q.NoBOM)
			},
			func(j *app.Job, _ app.Query) {
				if format == "csv" || format == "xlsx" {
					attachment(c, j.PlanID+"."+format)
				}
			})
	}
}

func (s *Server) subdistrict(c *gin.Context) {
	id, ok := strings.CutSuffix(c.Param("id"), ".json")
	if !ok {
		s.fail(c, app.Errorf(app.KindNotFound, "no route %s (sub-districts are at …/subdistricts/<id>.json)", app.Clip(c.Request.URL.Path)))
		return
	}
	s.resultRoute(c, app.ParamSet|app.ParamScenario,
		func(app.Query) string { return "subdistrict/" + id }, nil,
		func(j *app.Job, res *formula.Result, _ app.Query) ([]byte, error) {
			a, ok := res.Find(id)
			if !ok {
				return nil, app.Errorf(app.KindNotFound, "plan %s has no sub-district %q", j.PlanID, app.Clip(id))
			}
			return renderSubdistrict(res, a)
		}, nil)
}

func (s *Server) cell(c *gin.Context) {
	id, column := c.Param("subdistrict"), c.Param("column")
	s.resultRoute(c, app.ParamSet|app.ParamScenario,
		func(app.Query) string { return "cell/" + id + "/" + column },
		func(app.Query) error {
			for _, col := range cellColumns {
				if col == column {
					return nil
				}
			}
			return app.Errorf(app.KindNotFound, "no column %q (columns: %s)", app.Clip(column), strings.Join(cellColumns, ", "))
		},
		func(j *app.Job, res *formula.Result, _ app.Query) ([]byte, error) {
			a, ok := res.Find(id)
			if !ok {
				return nil, app.Errorf(app.KindNotFound, "plan %s has no sub-district %q", j.PlanID, app.Clip(id))
			}
			v, _ := cell(res, a, column)
			return []byte(v), nil
		}, nil)
}

func (s *Server) compare(format string) gin.HandlerFunc {
	allow := app.ParamSet | app.ParamScenario
	if format == "csv" {
		allow |= app.ParamBOM
	}
	return func(c *gin.Context) {
		s.resultRoute(c, allow,
			func(q app.Query) string { return csvRep("compare."+format, q) },
			func(q app.Query) error {
				if !q.WhatIf() {
					return app.Errorf(app.KindBadRequest, "compare needs scenario=<name> or set.<path>=<value> to compare the plan with")
				}
				return nil
			},
			func(j *app.Job, res *formula.Result, q app.Query) ([]byte, error) {
				base := j.Plan.Base
				if base.Err != nil {
					ae := *classify(base.Err)
					ae.Message = "the base plan cannot be compared: " + ae.Message
					return nil, &ae
				}
				return renderCompare(base.Res, res, format, q.NoBOM)
			},
			func(j *app.Job, _ app.Query) {
				if format == "csv" {
					attachment(c, j.PlanID+"-compare.csv")
				}
			})
	}
}

// chart serves GET /api/v1/plans/{plan}/charts/{kind}.{png,svg}: a chart
// of the plan's result, or of a what-if (`set.<path>=<value>`,
// `scenario=<name>`), drawn by package chart.
//
//   - An unknown kind or format, or a name without an extension, is 404.
//   - `per=<quantity>` names what a per_capita chart divides by (default
//     chart.DefaultPer of the result); a quantity the result's sub-districts
//     do not all have, or that is zero in one, is 400, and so is `per` on
//     any other kind.
//   - compare draws the what-if against the plan as written, so without
//     overrides it is 400, as compare.json is: a chart of nothing but zeros
//     would only look like an answer. A base the rules reject cannot be
//     compared with (422).
//   - A plan or what-if the rules reject is 422; bad overrides are 400.
//
// The chart is rendered once per result and representation and kept with
// the result (so a cached what-if keeps its charts); it carries a strong
// ETag over the result's key, the kind, the format and per, and answers
// If-None-Match with 304 before anything is computed.
func (s *Server) chart(c *gin.Context) {
	k, f, err := parseChartName(c.Param("kind"))
	if err != nil {
		s.fail(c, err)
		return
	}
	s.resultRoute(c, app.ParamSet|app.ParamScenario|app.ParamPer,
		func(q app.Query) string { return chartRep(k, f, q.Per) },
		func(q app.Query) error {
			if q.Per != "" && k != chart.KindPerCapita {
				return app.QueryError("per", "per applies only to per_capita charts, not to %s", k)
			}
			if k == chart.KindCompare && !q.WhatIf() {
				return app.Errorf(app.KindBadRequest, "the compare chart needs scenario=<name> or set.<path>=<value> to compare the plan with")
			}
			return nil
		},
		func(j *app.Job, res *formula.Result, q app.Query) ([]byte, error) {
			in := chart.Input{Result: res, Per: q.Per}
			if k == chart.KindCompare {
				base := j.Plan.Base
				if base.Err != nil {
					ae := *classify(base.Err)
					ae.Message = "the base plan cannot be compared: " + ae.Message
					return nil, &ae
				}
				in.Base = base.Res
			}
			return chart.Render(k, f, in)
		}, nil)
}

// parseChartName reads the last segment of a chart's URL, such as
// "components.svg". Anything else is not found.
func parseChartName(name string) (chart.Kind, chart.Format, error) {
	kind, ext, ok := strings.Cut(name, ".")
	if !ok {
		return 0, 0, app.Errorf(app.KindNotFound, "no chart %q (charts are at …/charts/<kind>.png or <kind>.svg)", app.Clip(name))
	}
	k, err := chart.ParseKind(kind)
	if err != nil {
		return 0, 0, err
	}
	f, err := chart.ParseFormat(ext)
	if err != nil {
		return 0, 0, err
	}
	return k, f, nil
}

// chartRep names a chart's representation for its ETag, its memo and its
// content type (contentTypeOf): "chart/<kind>.<format>", then "?per=…"
// when a quantity is named.
func chartRep(k chart.Kind, f chart.Format, per string) string {
	rep := "chart/" + k.String() + "." + f.String()
	if per != "" {
		rep += "?per=" + url.QueryEscape(per)
	}
	return rep
}

// readBody reads a request body of at most maxBody bytes; a larger one is
// refused with 413 without reading it all.
func readBody(c *gin.Context) ([]byte, error) {
	if c.Request.ContentLength > app.MaxBody {
		return nil, app.Errorf(app.KindTooLarge, "the body is larger than %d bytes", app.MaxBody)
	}
	b, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, app.MaxBody))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return nil, app.Errorf(app.KindTooLarge, "the body is larger than %d bytes", app.MaxBody)
	case err != nil:
		return nil, app.Errorf(app.KindBadRequest, "cannot read the body: %v", err)
	}
	return b, nil
}

// calculate evaluates a plan posted as TOML (self-contained: no standards
// file). Nothing is cached or kept.
func (s *Server) calculate(c *gin.Context) {
	q, err := app.ParseQuery(c.Request.URL.RawQuery, app.ParamFormat|app.ParamBOM)
	if err != nil {
		s.fail(c, err)
		return
	}
	data, err := readBody(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	res, err := s.app.Calculate(data)
	if err != nil {
		s.fail(c, err)
		return
	}
	out, err := renderAllocations(res, q.Format, q.NoBOM)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	if q.Format == "csv" {
		attachment(c, "plan.csv")
	}
	c.Data(http.StatusOK, contentTypeOf("allocations."+q.Format), out)
}
