package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards/workbook"
)

// routes builds the Gin engine: no trusted proxies, the
// access log and panic recovery, 404 and 405 as JSON (or as an HTML page
// for a browser outside /api/), every route of the API and the
// dashboard's pages (the OpenAPI document lists the same ones; a test
// holds them in step).
func (s *Server) routes() (*gin.Engine, error) {
	r := gin.New()
	if err := r.SetTrustedProxies(nil); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	r.HandleMethodNotAllowed = true
	r.Use(s.accessLog, gin.CustomRecoveryWithWriter(nil, s.recovered), s.cors, s.gate, s.deadline, s.idempotent)
	r.NoRoute(func(c *gin.Context) {
		s.failFor(c, app.Say(caili.KindNotFound, msg.ServerNoRoute, c.Request.Method, msg.Clip(c.Request.URL.Path)))
	})
	r.NoMethod(s.noMethod)

	root := router{r}
	root.get("/healthz", s.healthz)
	root.get("/openapi.json", func(c *gin.Context) { c.Data(http.StatusOK, typeJSON, s.openapi) })
	s.signInRoutes(root) // signin.go

	v1 := r.Group("/api/v1")
	router{v1}.get("/plans", s.listPlans)
	v1.POST("/calculate", s.calculate)
	pg := v1.Group("/plans/:plan")
	p := router{pg}
	live := p // the working plans: who may is in access.go, as for every route
	for _, f := range []string{"json", "csv", "xml", "xlsx"} {
		live.get("/allocations."+f, s.allocations(f))
	}
	live.get("/allocations-check.xlsx", s.allocationsCheck)
	for _, k := range codeKinds { // by classification code (bycode.go)
		for _, f := range []string{"json", "csv"} {
			live.get("/by/"+string(k)+"."+f, s.byCode(k, f))
		}
	}
	live.get("/charts/:kind", s.chart)
	live.get("/subdistricts/:id", s.subdistrict)
	live.get("/cell/:subdistrict/:column", s.cell)
	for _, f := range []string{"json", "csv"} {
		live.get("/compare."+f, s.compare(f))
	}
	s.downloadRoutes(root, live) // compare-scenarios, notices.pdf, renda.xlsx (downloads.go)
	s.exportRoutes(live)         // export.csv, export.xlsx (export.go)
	s.webServiceRoutes(live)     // webservice.xlsx (webservice.go)
	live.get("/solve.json", s.solve)
	for _, f := range []string{"json", "csv"} {
		live.get("/sensitivity."+f, s.sensitivity(f))
	}
	live.get("/template.xlsx", s.template(workbook.XLSX, "xlsx", typeXLSX))
	live.get("/template.csv", s.template(workbook.CSV, "csv", typeCSV))
	pg.POST("/data", s.previewData)
	live.get("/scenarios", s.listScenarios)
	live.get("/scenarios/:name", s.getScenario)
	pg.PUT("/scenarios/:name", s.putScenario)
	pg.DELETE("/scenarios/:name", s.deleteScenario)
	// The governed record (records.go).
	pg.POST("/versions", s.saveVersion)
	p.get("/versions", s.listVersions)
	p.get("/versions/:n", s.getVersion)
	p.get("/versions/:n/diff", s.diffVersions)
	pg.POST("/versions/:n/approve", s.approveVersion)
	pg.POST("/versions/:n/publish", s.publishVersion)
	p.get("/published", s.published)
	p.get("/published/result.json", s.publishedResult)
	p.get("/published/subdistricts/:id", s.publishedStatement)
	router{v1}.get("/audit", s.auditLog)
	router{v1}.get("/whoami", s.whoami)
	s.objectionRoutes(pg)          // objections.go
	s.yearRoutes(pg)               // year.go
	s.executionRoutes(root, p, pg) // execution.go

	// The dashboard's pages (pages.go).
	root.get("/", s.indexPage)
	root.get("/plans/:plan", s.planPage)
	root.get("/plans/:plan/subdistricts/:id", s.statementPage)
	root.get("/plans/:plan/solve", s.solvePage)
	// The record's pages (records_pages.go).
	root.get("/plans/:plan/versions", s.versionsPage)
	root.get("/plans/:plan/objections", s.objectionsPage)
	root.get("/plans/:plan/year", s.yearPage)
	root.get("/audit", s.auditPage)
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
				ae := app.Classify(err)
				b := body(c, ae)
				pj.Status, pj.Error, pj.Problems = "rejected", b.Error, b.Problems
			}
		}
		if st.Problems != nil {
			ae := msg.WithProblems(app.Say(caili.KindUnprocessable, msg.ServerPlanNotLoad), st.Problems)
			b := body(c, ae)
			pj.Status, pj.Error, pj.Problems, pj.Stale = "error", b.Error, b.Problems, st.Good != nil
		}
		out = append(out, pj)
	}
	c.Header("Cache-Control", "no-cache")
	s.writeJSON(c, http.StatusOK, gin.H{"plans": out})
}

// readBody reads a request body of at most maxBody bytes; a larger one is
// refused with 413 without reading it all.
func readBody(c *gin.Context, limit int64) ([]byte, error) {
	if c.Request.ContentLength > limit {
		return nil, app.Say(caili.KindTooLarge, msg.ServerTooLarge, limit)
	}
	// The body is read into one buffer of its declared length: io.ReadAll
	// would grow one by doubling, copying and discarding twice the body.
	var buf bytes.Buffer
	if n := c.Request.ContentLength; n > 0 {
		buf.Grow(int(n) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(c.Writer, c.Request.Body, limit))
	b := buf.Bytes()
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return nil, app.Say(caili.KindTooLarge, msg.ServerTooLarge, limit)
	case err != nil:
		return nil, app.Say(caili.KindBadRequest, msg.ServerBodyUnreadable).Because(err)
	}
	return b, nil
}

// readOptionalJSON reads a request body that may be empty or the JSON
// object shape describes into v; anything else is a bad request.
func readOptionalJSON(c *gin.Context, v any, shape string) error {
	data, err := readBody(c, app.MaxBody)
	if err != nil || len(data) == 0 {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return app.Say(caili.KindBadRequest, msg.ServerBodyJSON, shape).Because(err)
	}
	return nil
}

// calculate evaluates a plan posted as TOML (self-contained: no standards
// file). Nothing is cached or kept.
func (s *Server) calculate(c *gin.Context) {
	q, err := app.ParseQuery(c.Request.URL.RawQuery, app.ParamFormat|app.ParamBOM)
	if err != nil {
		s.fail(c, err)
		return
	}
	data, err := readBody(c, app.MaxBody)
	if err != nil {
		s.fail(c, err)
		return
	}
	res, st, err := s.app.Calculate(data)
	if err != nil {
		s.fail(c, err)
		return
	}
	out, err := renderAllocations(res, q.Format, csvOptions(q), st)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Header("X-Caili-Stamp", st.Header())
	if q.Format == "csv" {
		c.Header("Content-Disposition", `attachment; filename="plan.csv"`)
	}
	c.Data(http.StatusOK, typeOf(q.Format, q), out)
}

// objectionRoutes registers the objections of a plan (objections.go) on
// the plan's group.
func (s *Server) objectionRoutes(pg *gin.RouterGroup) {
	p := router{pg}
	pg.POST("/objections", s.fileObjection)
	p.get("/objections", s.listObjections)
	p.get("/objections/:n", s.getObjection)
	pg.POST("/objections/:n/accept", s.acceptObjection)
	pg.POST("/objections/:n/reject", s.rejectObjection)
	pg.POST("/objections/:n/corrected", s.correctedObjection)
}
