package server

import (
	"bytes"
	"io"
	"net/http"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/server/dashboard"
)

// The dashboard's pages, rendered by package dashboard from results
// computed here through the same engine, cache and ETags as the API:
//
//   - GET / lists the plans with their status;
//   - GET /plans/{plan} is a plan's page, with a what-if from its query
//     (the API's `set.<path>=<value>` and `scenario=<name>`, plus the
//     form's free `path`/`value` rows);
//   - GET /plans/{plan}/subdistricts/{id} is a sub-district's printable
//     statement, under the same what-if.
//
// Statuses follow the API's kind table (statusOf): an unknown plan,
// sub-district or scenario is 404, a plan or what-if the rules reject 422,
// bad overrides 400. A what-if that fails on the plan page is shown on the
// page itself, with its problems and the form to correct it, under that
// status; every other failure is the dashboard's error page.

// indexPage lists every plan: those that load and compute link to their
// page; the others say why not. A plan whose file no longer loads but
// whose last good version still serves is marked so (⚠ 沿用上次版本) and
// listed with the file's problems, so that the planner who broke it sees it.
func (s *Server) indexPage(c *gin.Context) {
	var items []dashboard.PlanItem
	for _, st := range s.app.Plans.All() {
		it := dashboard.PlanItem{ID: st.ID}
		if v := st.Good; v != nil {
			it.Name, it.FiscalYear, it.OK = v.Name, v.FiscalYear, v.Base.Err == nil
			if v.Base.Err != nil {
				it.Problems = problemLines(dashboard.FailureOf(app.Classify(v.Base.Err), 0).Problems)
			}
		}
		if st.Problems != nil {
			it.Stale = it.OK
			if st.Good != nil {
				it.Problems = append(it.Problems, msg.LogLastGood.Bilingual())
			}
			for _, p := range st.Problems {
				it.Problems = append(it.Problems, problemLine(p))
			}
		}
		items = append(items, it)
	}
	s.sendPage(c, http.StatusOK, "", func(w io.Writer) error { return s.pages.Index(w, items) })
}

// planPage shows a plan, or a what-if of it: ParseWhatIf reads the query,
// the what-if is computed through the engine's cache (the same key as the
// API's allocations under WhatIf.Encode), NewPlanView arranges it and the
// page goes out with the view's status. A plan that never loaded, or whose
// base the rules reject, has no page: 422 with its problems.
func (s *Server) planPage(c *gin.Context) {
	v, ok := s.pagePlan(c)
	if !ok {
		return
	}
	wi, problems := dashboard.ParseWhatIf(c.Request.URL.Query())
	names, err := s.scenarioNames(v.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	in := dashboard.PlanInput{PlanID: v.ID, Base: v.Base.Res, WhatIf: wi, Problems: problems, Scenarios: names, ScenarioTitles: s.scenarioTitles(v.ID),
		Wan: dashboard.WanQuery(c.Request.URL.Query())}
	in.Record, in.Published = s.recordMark(c, v, wi.Active())
	keys := []string{s.app.Key(&app.Job{PlanID: v.ID, Plan: v})}
	var j *app.Job
	if wi.Active() && len(problems) == 0 {
		if j, err = s.app.JobFor(v, app.Query{Sets: wi.Overrides(), Scenario: wi.Scenario}); err == nil {
			keys = append(keys, s.app.Key(j))
		}
	}
	// The page is a function of the plan, the what-if and the scenarios
	// offered; only a page that shows figures gets a validator.
	tag := ""
	if len(problems) == 0 && err == nil {
		tag = app.ETag("page/plan?"+wi.Encode()+wanTag(in.Wan)+"#scenarios="+strings.Join(names, ",")+"#record="+in.Record, keys...)
		if s.notModified(c, tag) {
			return
		}
	}
	if j != nil {
		comp := s.app.Compute(j, keys[1])
		in.Result, err = comp.Res, comp.Err
		in.Stamp = s.app.Stamp(j).Title()
	}
	if err != nil {
		// The kind table decides, as for the API: an unknown scenario is
		// 404 here too, not the 400 of a malformed what-if.
		ae := app.Classify(err)
		if ae.Kind == caili.KindInternal {
			s.failPage(c, err)
			return
		}
		in.Result, in.Failure = nil, dashboard.FailureOf(ae, status(ae.Kind))
	}
	view, err := dashboard.NewPlanView(in)
	if err != nil {
		s.failPage(c, err)
		return
	}
	if view.Status != http.StatusOK {
		tag = ""
	}
	s.sendPage(c, view.Status, tag, func(w io.Writer) error { return s.pages.Plan(w, view) })
}

// statementPage shows a sub-district's statement, under the page's
// what-if when it has one (with its change against the plan as written).
// Bad overrides are 400, a rejected what-if 422, an unknown scenario or
// sub-district 404, each as the error page.
func (s *Server) statementPage(c *gin.Context) {
	v, ok := s.pagePlan(c)
	if !ok {
		return
	}
	wi, problems := dashboard.ParseWhatIf(c.Request.URL.Query())
	if len(problems) > 0 {
		s.failPage(c, msg.WithProblems(app.Say(caili.KindBadRequest, msg.ServerWhatIfMalformed), problems))
		return
	}
	j, err := s.app.JobFor(v, app.Query{Sets: wi.Overrides(), Scenario: wi.Scenario})
	if err != nil {
		s.failPage(c, err)
		return
	}
	id := c.Param("id")
	key := s.app.Key(j)
	keys := []string{key}
	if wi.Active() {
		keys = append(keys, s.app.Key(&app.Job{PlanID: v.ID, Plan: v}))
	}
	mark, published := s.recordMark(c, v, wi.Active())
	wan := dashboard.WanQuery(c.Request.URL.Query())
	tag := app.ETag("page/statement/"+id+"?"+wi.Encode()+wanTag(wan)+"#record="+mark, keys...)
	if s.notModified(c, tag) {
		return
	}
	comp := s.app.Compute(j, key)
	if comp.Err != nil {
		s.failPage(c, comp.Err)
		return
	}
	in := dashboard.StatementInput{PlanID: v.ID, SubdistrictID: id, Result: comp.Res, WhatIf: wi, Stamp: s.app.Stamp(j).Title(), Record: mark, Published: published,
		Wan: wan}
	if wi.Active() {
		in.Base = v.Base.Res
		in.Attribution, in.AttributionNote = s.statementAttribution(j, comp, id)
	}
	view, err := dashboard.NewStatementView(in)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.sendPage(c, http.StatusOK, tag, func(w io.Writer) error { return s.pages.Statement(w, view) })
}

// pagePlan finds the plan of a page: 404 when unknown, 422 when it never
// loaded or its base is rejected (the pages need the plan as written).
func (s *Server) pagePlan(c *gin.Context) (*app.PlanVersion, bool) {
	v, err := s.app.Plan(c.Param("plan"))
	if err == nil && v.Base.Err != nil {
		err = msg.WithProblems(app.Say(caili.KindUnprocessable, msg.ServerPlanRejected, v.ID), dashboard.ProblemsOf(app.Classify(v.Base.Err)))
	}
	if err != nil {
		s.failPage(c, err)
		return nil, false
	}
	return v, true
}

// scenarioNames lists the names of a plan's saved and built-in scenarios,
// for the what-if form.
func (s *Server) scenarioNames(plan string) ([]string, error) {
	vs, err := s.app.Scenarios.List(plan)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(vs))
	for i, sc := range vs {
		names[i] = sc.Name
	}
	return names, nil
}

// scenarioTitles maps a plan's scenarios' ids to their [scenario] names,
// for the what-if form to show; nil when they cannot be listed.
func (s *Server) scenarioTitles(plan string) map[string]string {
	vs, err := s.app.Scenarios.List(plan)
	if err != nil {
		return nil
	}
	out := make(map[string]string, len(vs))
	for _, sc := range vs {
		if sc.Parsed != nil && sc.Parsed.Name != "" {
			out[sc.Name] = sc.Parsed.Name
		}
	}
	return out
}

// notModified answers 304 when the request's If-None-Match names tag.
func (s *Server) notModified(c *gin.Context, tag string) bool {
	if !notModified(c.Request, tag) {
		return false
	}
	c.Header("ETag", tag)
	c.Header("Cache-Control", "no-cache")
	c.Status(http.StatusNotModified)
	return true
}

// sendPage renders a page into memory, so that a template error never
// sends half a page, and sends it with status. A page with a tag carries
// it as its ETag (and may be revalidated); one without is not stored.
func (s *Server) sendPage(c *gin.Context, status int, tag string, render func(io.Writer) error) {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		s.failPage(c, err)
		return
	}
	if tag != "" {
		c.Header("ETag", tag)
		c.Header("Cache-Control", "no-cache")
	} else {
		c.Header("Cache-Control", "no-store")
	}
	c.Header("X-Content-Type-Options", "nosniff")
	c.Data(status, typeHTML, buf.Bytes())
}

// failPage answers an error with the dashboard's error page and the status
// its kind maps to (statusOf), and stops the handler chain. A rejection
// is shown as its kind and gap; an internal error says nothing of its
// cause, which is logged.
func (s *Server) failPage(c *gin.Context, err error) {
	ae := app.Classify(err)
	status := status(ae.Kind)
	text := msg.ErrorWords(msg.Zh, ae) // the dashboard is Chinese
	var problems []formula.Problem
	switch {
	case ae.Kind == caili.KindInternal:
		s.log.Error("page failed", "path", c.Request.URL.Path, "error", err)
	case msg.Rejection(ae) != nil:
		text, problems = msg.ServerRejectedPage.In(msg.Zh), dashboard.ProblemsOf(ae)
	default:
		problems = dashboard.ProblemsOf(ae)
	}
	c.Abort()
	c.Header("ETag", "")
	c.Header("Cache-Control", "no-store")
	c.Header("X-Content-Type-Options", "nosniff")
	var buf bytes.Buffer
	if rerr := s.pages.Error(&buf, status, text, problems); rerr != nil {
		s.log.Error("render error page", "error", rerr)
		c.Data(status, typeText, []byte(http.StatusText(status)+"\n"))
		return
	}
	c.Data(status, typeHTML, buf.Bytes())
}

// failFor answers an error as an HTML page to a browser asking for a
// page (Accept: text/html, outside /api/ and the service endpoints),
// else as the API's JSON.
func (s *Server) failFor(c *gin.Context, err error) {
	if wantsHTML(c.Request) {
		s.failPage(c, err)
		return
	}
	s.fail(c, err)
}

// wantsHTML reports whether a request is a browser's for a page.
func wantsHTML(r *http.Request) bool {
	p := r.URL.Path
	if strings.HasPrefix(p, "/api/") || p == "/api" || p == "/openapi.json" || p == "/healthz" {
		return false
	}
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}

// problemLine renders a problem as the command line does:
// "plan.toml:17: staff[civil_servant].oncost_rate: must not be negative".
func problemLine(p formula.Problem) string {
	var parts []string
	if w := p.Where(); w != "" {
		parts = append(parts, w)
	}
	if p.Path != "" {
		parts = append(parts, p.Path)
	}
	return strings.Join(append(parts, msg.Problem(msg.Zh, p)), ": ")
}

func problemLines(ps []formula.Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = problemLine(p)
	}
	return out
}
