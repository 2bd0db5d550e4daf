package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// The budget year's routes (docs/year.md), below /api/v1/plans/{plan}/year:
// the year's status, 一上 data submissions, 二上 breakdowns and the kinds
// of publication (控制数, 批复, 调整). The application decides what each
// role may do within a route (a 街道: its own).

// The rules of the year's routes.
var (
	// ruleYearRead: the year's status and publications (a 街道: its own).
	ruleYearRead = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleReader, caili.RoleSubdistrict}}
	// ruleSubdistrictOnly: a 街道's uploads and its own templates.
	ruleSubdistrictOnly = rule{roles: []caili.Role{caili.RoleSubdistrict}}
	// ruleInForce: the budget in force.
	ruleInForce = rule{roles: []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleReader}}
)

// yearAccess adds the year's routes to the access table.
func yearAccess(t map[string]rule, p string) {
	y := p + "/year"
	for route, r := range map[string]rule{
		"GET " + y: ruleYearRead, "GET " + y + "/template.xlsx": ruleSubdistrictOnly,
		"POST " + y + "/submissions": ruleSubdistrictOnly, "GET " + y + "/submissions": ruleObjectionRead,
		"POST " + y + "/submissions/accept":     rulePlanner,
		"GET " + y + "/breakdown-template.xlsx": ruleSubdistrictOnly,
		"POST " + y + "/breakdowns":             ruleSubdistrictOnly, "GET " + y + "/breakdowns": ruleObjectionRead,
		"POST " + y + "/breakdowns/:n/accept": rulePlanner, "POST " + y + "/breakdowns/:n/return": rulePlanner,
		"POST " + y + "/publications": ruleApprover, "GET " + y + "/publications": ruleYearRead,
		"GET " + y + "/publications/:seq/subdistricts/:id": ruleYearRead,
		"GET " + y + "/publications/:seq/diff":             ruleRecord,
		"GET " + y + "/in-force":                           ruleInForce,
		"GET /plans/:plan/year":                            ruleOpen, // the page's frame: it asks the API with the user's token
	} {
		t[route] = r
	}
}

// yearRoutes registers the year's routes on the plan's group.
func (s *Server) yearRoutes(pg *gin.RouterGroup) {
	y := pg.Group("/year")
	r := router{y}
	r.get("", s.yearStatus)
	r.get("/template.xlsx", s.yearFile(s.app.DataTemplate, "data"))
	y.POST("/submissions", s.yearSubmit(false))
	r.get("/submissions", s.yearSubmissions(false))
	y.POST("/submissions/accept", s.yearAccept)
	r.get("/breakdown-template.xlsx", s.yearFile(s.app.BreakdownTemplate, "breakdown"))
	y.POST("/breakdowns", s.yearSubmit(true))
	r.get("/breakdowns", s.yearSubmissions(true))
	y.POST("/breakdowns/:n/accept", s.yearDecide(true))
	y.POST("/breakdowns/:n/return", s.yearDecide(false))
	y.POST("/publications", s.yearPublish)
	r.get("/publications", s.yearPublications)
	r.get("/publications/:seq/subdistricts/:id", s.yearStatement)
	r.get("/publications/:seq/diff", s.yearDiff)
	r.get("/in-force", s.yearInForce)
}

// submissionJSON describes one submitted data file or breakdown.
type submissionJSON struct {
	N           int                 `json:"n"`
	Year        int64               `json:"year"`
	Version     int                 `json:"version"`
	Subdistrict string              `json:"subdistrict"`
	FileName    string              `json:"file_name"`
	Hash        string              `json:"hash"`
	Status      string              `json:"status"`      // problems, submitted, accepted, returned, replaced
	StatusText  string              `json:"status_text"` // 有问题, 已提交, 已采纳（第 n 版）, 已退回：理由
	Problems    []caili.FileProblem `json:"problems"`
	Changes     map[string]string   `json:"changes,omitempty"`
	Lines       json.RawMessage     `json:"lines,omitempty"`
	Total       string              `json:"total,omitempty"`
	FiledAt     time.Time           `json:"filed_at"`
	FiledBy     string              `json:"filed_by"`
	DecidedAt   *time.Time          `json:"decided_at,omitempty"`
	DecidedBy   string              `json:"decided_by,omitempty"`
	Reason      string              `json:"reason,omitempty"`
	NewVersion  int                 `json:"new_version,omitempty"`
}

func submissionOf(sb *caili.Submission) *submissionJSON {
	if sb == nil {
		return nil
	}
	ps := sb.Problems
	if ps == nil {
		ps = []caili.FileProblem{}
	}
	out := &submissionJSON{N: sb.N, Year: sb.Year, Version: sb.Version, Subdistrict: sb.Subdistrict, FileName: sb.FileName,
		Hash: sb.Hash, Status: sb.Status, StatusText: app.SubStatusText(sb), Problems: ps, Changes: sb.Changes, Total: sb.Total,
		FiledAt: sb.FiledAt, FiledBy: sb.FiledBy, DecidedAt: sb.DecidedAt, DecidedBy: sb.DecidedBy, Reason: sb.Reason,
		NewVersion: sb.NewVersion}
	if len(sb.Lines) > 2 {
		out.Lines = sb.Lines
	}
	return out
}

// kindJSON describes one kind publication.
type kindJSON struct {
	Seq         int64     `json:"seq"`
	N           int       `json:"version"`
	Year        int64     `json:"year"`
	Kind        string    `json:"kind"`      // control, approval, adjust
	KindText    string    `json:"kind_text"` // 控制数, 批复, 调整
	Wenhao      string    `json:"wenhao"`
	IssuedOn    string    `json:"issued_on"`
	Reason      string    `json:"reason,omitempty"`
	ResultHash  string    `json:"result_hash"`
	Breakdowns  []int     `json:"breakdowns"`
	PublishedAt time.Time `json:"published_at"`
	PublishedBy string    `json:"published_by"`
}

func kindOf(k *caili.KindPublication) kindJSON {
	bs := k.Breakdowns
	if bs == nil {
		bs = []int{}
	}
	return kindJSON{Seq: k.Seq, N: k.N, Year: k.Year, Kind: k.Kind, KindText: msg.Text(msg.Zh, caili.PubKindWords(k.Kind).(caili.Text)),
		Wenhao: k.Wenhao, IssuedOn: k.IssuedOn, Reason: k.Reason, ResultHash: k.ResultHash, Breakdowns: bs,
		PublishedAt: k.PublishedAt, PublishedBy: k.PublishedBy}
}

// yearStatus is the year's stage, its stages, publications and each
// 街道's data and breakdown.
func (s *Server) yearStatus(c *gin.Context) {
	ys, err := s.app.YearStatusOf(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	type stageJSON struct {
		Stage string    `json:"stage"`
		Text  string    `json:"text"`
		At    time.Time `json:"at"`
		By    string    `json:"by"`
		What  string    `json:"what"`
	}
	type rowJSON struct {
		ID            string          `json:"id"`
		Name          string          `json:"name"`
		Data          *submissionJSON `json:"data"`
		DataText      string          `json:"data_text"`
		Breakdown     *submissionJSON `json:"breakdown"`
		BreakdownText string          `json:"breakdown_text"`
		Execution     string          `json:"execution"` // the rate at the latest month imported, or 未导入
		Warnings      int             `json:"execution_warnings"`
	}
	stages, pubs, rows := []stageJSON{}, []kindJSON{}, []rowJSON{}
	for _, r := range ys.Stages {
		stages = append(stages, stageJSON{Stage: string(r.Stage), Text: app.StageText(r.Stage), At: r.At, By: r.By, What: r.What})
	}
	for i := range ys.Publications {
		pubs = append(pubs, kindOf(&ys.Publications[i]))
	}
	for _, r := range ys.Subdistricts {
		rows = append(rows, rowJSON{ID: r.ID, Name: r.Name, Data: submissionOf(r.Data), DataText: app.SubStatusText(r.Data),
			Breakdown: submissionOf(r.Breakdown), BreakdownText: app.SubStatusText(r.Breakdown), Execution: r.Execution, Warnings: r.Warnings})
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"plan": ys.Plan, "year": ys.Year, "stage": string(ys.Stage), "stage_text": app.StageText(ys.Stage),
		"stages": stages, "publications": pubs, "subdistricts": rows})
}

// yearFile sends a 街道's own workbook (its data template, its
// breakdown template).
func (s *Server) yearFile(make func(ctx context.Context, who caili.Actor, plan string) ([]byte, error), what string) gin.HandlerFunc {
	return func(c *gin.Context) {
		who := actorOf(c)
		data, err := make(c.Request.Context(), who, c.Param("plan"))
		if err != nil {
			s.fail(c, err)
			return
		}
		c.Header("Cache-Control", "no-store")
		c.Header("Content-Disposition", `attachment; filename="`+c.Param("plan")+"-"+who.Subdistrict+"-"+what+`.xlsx"`)
		c.Data(http.StatusOK, typeXLSX, data)
	}
}

// yearSubmit records a 街道's uploaded data file (xlsx or CSV) or
// breakdown (xlsx): 201 with the submission, or 422 with its problems by
// sheet and cell (recorded as 有问题).
func (s *Server) yearSubmit(breakdown bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		plan, ok := s.planExists(c)
		if !ok {
			return
		}
		data, done, ok := s.readUpload(c)
		if !ok {
			return
		}
		defer done()
		name := "body.csv"
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			name = "body.xlsx"
		}
		if f := c.Query("name"); f != "" {
			name = msg.Clip(f)
		}
		submit := s.app.SubmitData
		if breakdown {
			submit = s.app.SubmitBreakdown
		}
		sb, err := submit(c.Request.Context(), actorOf(c), plan, name, data)
		if err != nil {
			s.fail(c, err)
			return
		}
		s.log.Info("year submission", "plan", plan, "n", sb.N, "subdistrict", sb.Subdistrict, "breakdown", breakdown)
		c.Header("Cache-Control", "no-store")
		s.writeJSON(c, http.StatusCreated, submissionOf(sb))
	}
}

// yearSubmissions lists the year's data files or breakdowns (a 街道: its
// own).
func (s *Server) yearSubmissions(breakdown bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		list, err := s.app.Submissions(c.Request.Context(), actorOf(c), c.Param("plan"), breakdown)
		if err != nil {
			s.fail(c, err)
			return
		}
		c.Header("Cache-Control", "no-store")
		s.writeJSON(c, http.StatusOK, gin.H{"plan": c.Param("plan"), "submissions": jsonList(list, submissionOf)})
	}
}

// yearAccept accepts data files into a new draft: the body, optional, is
// {"submissions": [n, …]} (none: every one waiting).
func (s *Server) yearAccept(c *gin.Context) {
	var req struct {
		Submissions []int `json:"submissions"`
	}
	if err := readOptionalJSON(c, &req, `{"submissions": [n, …]}`); err != nil {
		s.fail(c, err)
		return
	}
	rec, err := s.app.AcceptData(c.Request.Context(), actorOf(c), c.Param("plan"), req.Submissions)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"version": versionOf(rec)})
}

// yearDecide accepts or returns a breakdown: the body is {"reason": …}
// (required to return one).
func (s *Server) yearDecide(accept bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		n, err := objectionN(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		var req struct {
			Reason string `json:"reason"`
		}
		if err := readOptionalJSON(c, &req, `{"reason": …}`); err != nil {
			s.fail(c, err)
			return
		}
		sb, err := s.app.DecideBreakdown(c.Request.Context(), actorOf(c), c.Param("plan"), n, accept, req.Reason)
		if err != nil {
			s.fail(c, err)
			return
		}
		c.Header("Cache-Control", "no-store")
		s.writeJSON(c, http.StatusOK, submissionOf(sb))
	}
}

// yearPublish publishes a version as a kind: the body is {"version": n,
// "kind": "控制数"|"批复"|"调整", "wenhao": …, "date": "YYYY-MM-DD",
// "reason": …}.
func (s *Server) yearPublish(c *gin.Context) {
	var req struct {
		N      int    `json:"version"`
		Kind   string `json:"kind"`
		Wenhao string `json:"wenhao"`
		Date   string `json:"date"`
		Reason string `json:"reason"`
	}
	if err := readOptionalJSON(c, &req, `{"version": n, "kind": …, "wenhao": …, "date": …, "reason": …}`); err != nil {
		s.fail(c, err)
		return
	}
	kp, err := s.app.PublishKind(c.Request.Context(), actorOf(c), c.Param("plan"),
		app.KindRequest{N: req.N, Kind: req.Kind, Wenhao: req.Wenhao, IssuedOn: req.Date, Reason: req.Reason})
	if err != nil {
		s.fail(c, err)
		return
	}
	s.log.Info("year publication", "plan", kp.Plan, "version", kp.N, "kind", kp.Kind)
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusCreated, kindOf(kp))
}

// yearPublications lists the plan's kind publications.
func (s *Server) yearPublications(c *gin.Context) {
	list, err := s.app.KindPublications(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"plan": c.Param("plan"), "publications": jsonList(list, kindOf)})
}

// seqOf is the {seq} of a publication route.
func seqOf(c *gin.Context) (int64, error) {
	n, err := strconv.ParseInt(c.Param("seq"), 10, 64)
	if err != nil || n < 1 {
		return 0, app.Say(caili.KindBadRequest, msg.ServerVersionNumber, msg.Clip(c.Param("seq")))
	}
	return n, nil
}

// yearStatement is one 街道's row of a kind publication, with the
// breakdown a 批复 carries for it (a 街道 token: its own).
func (s *Server) yearStatement(c *gin.Context) {
	seq, err := seqOf(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ks, err := s.app.KindStatementOf(c.Request.Context(), actorOf(c), c.Param("plan"), seq, c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, struct {
		Publication kindJSON               `json:"publication"`
		Row         report.SubdistrictJSON `json:"subdistrict"`
		Breakdown   *submissionJSON        `json:"breakdown"`
	}{kindOf(&ks.Publication), ks.Row, submissionOf(ks.Breakdown)})
}

// yearDiff is what an adjustment changed against the 批复.
func (s *Server) yearDiff(c *gin.Context) {
	seq, err := seqOf(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	d, err := s.app.AdjustmentDiff(c.Request.Context(), actorOf(c), c.Param("plan"), seq)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, d)
}

// yearInForce is the budget in force: the latest 批复 or 调整, and each
// 街道's total in it.
func (s *Server) yearInForce(c *gin.Context) {
	in, err := s.app.InForceOf(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"publication": kindOf(&in.Publication), "totals": in.Totals})
}
