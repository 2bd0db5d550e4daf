package server

import (
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/server/chart"
	"github.com/caili/caili/server/dashboard"
)

// The year's data routes (docs/year-data.md): execution imports and
// rates (双监控), and next year's plan. A planner imports and writes next
// year's plan; planners, approvers and readers read every 街道's rates,
// a 街道 token its own (the application filters).

// ruleExecutionRead: execution rates (a 街道: its own).
var ruleExecutionRead = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleReader, caili.RoleSubdistrict}}

// ruleExecutionImports: the list of imports.
var ruleExecutionImports = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleReader}}

// executionRoutes registers the routes of this file.
func (s *Server) executionRoutes(root, p router, pg *gin.RouterGroup) {
	pg.POST("/execution", s.importExecution)
	p.get("/execution", s.executionReport)
	p.get("/execution.csv", s.executionCSV)
	for _, f := range []chart.Format{chart.PNG, chart.SVG} {
		p.get("/execution."+f.String(), s.executionChart(f))
	}
	p.get("/execution/imports", s.executionImports)
	pg.POST("/next", s.nextPlan)
	root.get("/plans/:plan/execution", s.executionPage)
}

// executionAccess adds their rules to the access table (p: the plans'
// prefix).
func executionAccess(t map[string]rule, p string) {
	t["POST "+p+"/execution"] = rulePlanner
	t["GET "+p+"/execution"] = ruleExecutionRead
	t["GET "+p+"/execution.csv"] = ruleExecutionRead
	t["GET "+p+"/execution.png"] = ruleExecutionRead
	t["GET "+p+"/execution.svg"] = ruleExecutionRead
	t["GET "+p+"/execution/imports"] = ruleExecutionImports
	t["POST "+p+"/next"] = rulePlanner
	t["GET /plans/:plan/execution"] = ruleExecutionRead
}

// importJSON is a recorded import.
type importJSON struct {
	Plan string    `json:"plan"`
	Year int64     `json:"fiscal_year"`
	N    int       `json:"n"`
	File string    `json:"file"`
	Hash string    `json:"hash"`
	Rows int       `json:"rows"`
	At   time.Time `json:"at"`
	By   string    `json:"by"`
}

func importOf(im *caili.ExecutionImport) importJSON {
	return importJSON{Plan: im.Plan, Year: im.Year, N: im.N, File: im.File, Hash: im.Hash, Rows: im.Rows, At: im.At, By: im.By}
}

// importExecution imports the body (an xlsx or CSV file; its name in
// ?name=, for the record) into the record.
func (s *Server) importExecution(c *gin.Context) {
	plan, ok := s.planExists(c)
	if !ok {
		return
	}
	data, done, ok := s.readUpload(c)
	if !ok {
		return
	}
	defer done()
	name := c.Query("name")
	if name == "" {
		name = "body.csv"
		if len(data) > 4 && string(data[:4]) == "PK\x03\x04" {
			name = "body.xlsx"
		}
	}
	im, err := s.app.ImportExecution(c.Request.Context(), actorOf(c), plan, msg.Clip(name), data)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.log.Info("execution imported", "plan", im.Plan, "year", im.Year, "n", im.N, "rows", im.Rows)
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusCreated, importOf(im))
}

// executionReport is the execution report as JSON.
func (s *Server) executionReport(c *gin.Context) {
	r, err := s.app.Execution(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, r.ToJSON(langOf(c)))
}

// executionCSV is the execution report as CSV (a line and month a row).
func (s *Server) executionCSV(c *gin.Context) {
	r, err := s.app.Execution(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	b, err := r.CSV(langOf(c))
	if err != nil {
		s.fail(c, app.Internal(msg.ExecStoredBad, err))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Header("Content-Disposition", attachment(c.Param("plan")+"-execution-"+strconv.FormatInt(r.Year, 10)+".csv"))
	c.Data(http.StatusOK, typeCSV, b)
}

// executionImports lists the imports of the plan's fiscal year.
func (s *Server) executionImports(c *gin.Context) {
	list, err := s.app.ExecutionImports(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, jsonList(list, importOf))
}

// nextPlan writes next year's plan into the plans folder: ?name= (default
// the plan's id and the year after), ?force=true to write over it.
func (s *Server) nextPlan(c *gin.Context) {
	n, err := s.app.NextYearOf(c.Request.Context(), actorOf(c), c.Param("plan"), c.Query("name"), c.Query("force") == "true")
	if err != nil {
		s.fail(c, err)
		return
	}
	files := make([]string, len(n.Files))
	for i, f := range n.Files {
		files[i] = filepath.Base(f) // the folder is the server's, not the client's
	}
	s.log.Info("next year's plan written", "plan", c.Param("plan"), "files", files)
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusCreated, gin.H{"fiscal_year": n.Year, "files": files, "baseline": n.Baseline, "rates": n.Rates, "notes": n.Notes})
}

// executionPage is the 执行监控 page: the rates by month, the warnings and
// the year's counts, with the import form and the next year's button for
// a planner.
func (s *Server) executionPage(c *gin.Context) {
	v, err := s.app.Plan(c.Param("plan"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	who := actorOf(c)
	r, err := s.app.Execution(c.Request.Context(), who, v.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	view := dashboard.NewExecutionView(v.ID, v.Name, r, who.Can(caili.RolePlanner))
	c.Header("Cache-Control", "no-store")
	s.sendPage(c, http.StatusOK, "", func(w io.Writer) error { return s.pages.Execution(w, view) })
}

// executionChart draws each 街道's rate at the last month with data as a
// bar, the plan's rules as lines (a 街道 token: its own).
func (s *Server) executionChart(f chart.Format) gin.HandlerFunc {
	return func(c *gin.Context) {
		v, err := s.app.Plan(c.Param("plan"))
		if err != nil {
			s.fail(c, err)
			return
		}
		r, err := s.app.Execution(c.Request.Context(), actorOf(c), v.ID)
		if err != nil {
			s.fail(c, err)
			return
		}
		b, err := chart.RatesChart(ratesOf(v.Name, r), f)
		if err != nil {
			s.fail(c, err)
			return
		}
		c.Header("Cache-Control", "no-store")
		c.Data(http.StatusOK, f.ContentType(), b)
	}
}

// ratesOf is what the chart draws of a report.
func ratesOf(name string, r *execution.Report) *chart.Rates {
	out := &chart.Rates{Plan: name, Title: msg.ChartRateTitle.In(msg.Zh, r.Year, r.Last)}
	if r.Last == 0 {
		return out
	}
	for _, t := range r.Subdistricts {
		if rate, ok := t.Months[r.Last-1].Rate(); ok {
			out.Bars = append(out.Bars, chart.RateBar{Label: t.Name, Rate: rate, Low: r.TotalLow(t)})
		}
	}
	for _, rule := range r.Rules {
		if rule.Month <= r.Last {
			out.Marks = append(out.Marks, chart.RateMark{Label: msg.ChartRateMark.In(msg.Zh, rule.Month, execution.Percent(rule.MinRate)), Rate: rule.MinRate})
		}
	}
	return out
}
