package server

import (
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

// The record routes (docs/records.md): plan versions, approval,
// publication, each 街道's published statement and the audit log. Every
// one needs a token (signedIn); the application decides what its role
// may do.

// versionJSON describes one recorded plan version.
type versionJSON struct {
	Plan       string     `json:"plan"`
	N          int        `json:"n"`
	Hash       string     `json:"hash"`
	Name       string     `json:"name"`
	FiscalYear int64      `json:"fiscal_year"`
	Note       string     `json:"note"`
	Status     string     `json:"status"`      // draft, approved or published
	StatusText string     `json:"status_text"` // 草案, 已审批, 已发布
	CreatedAt  time.Time  `json:"created_at"`
	CreatedBy  string     `json:"created_by"`
	ApprovedAt *time.Time `json:"approved_at,omitempty"`
	ApprovedBy string     `json:"approved_by,omitempty"`
	URL        string     `json:"url"`
	// The publication of a published version (in the list of versions):
	// when, the frozen result's hash and the label 已发布 <date> <hash>.
	PublishedAt    *time.Time `json:"published_at,omitempty"`
	ResultHash     string     `json:"result_hash,omitempty"`
	PublishedLabel string     `json:"published_label,omitempty"`
}

func versionOf(v *caili.VersionRecord) versionJSON {
	vj := versionJSON{Plan: v.Plan, N: v.N, Hash: v.Hash, Name: v.Name, FiscalYear: v.FiscalYear, Note: v.Note,
		Status: v.Status, StatusText: app.StatusText(v.Status), CreatedAt: v.CreatedAt, CreatedBy: v.CreatedBy,
		ApprovedAt: v.ApprovedAt, ApprovedBy: v.ApprovedBy,
		URL: "/api/v1/plans/" + v.Plan + "/versions/" + strconv.Itoa(v.N)}
	if v.PublishedAt != nil && v.ResultHash != "" {
		vj.PublishedAt, vj.ResultHash = v.PublishedAt, v.ResultHash
		vj.PublishedLabel = PublishedLabel(&caili.Publication{PublishedAt: *v.PublishedAt, ResultHash: v.ResultHash})
	}
	return vj
}

// versionN is the {n} of a version route (400 when not a number).
func versionN(c *gin.Context, param string) (int, error) {
	n, err := strconv.Atoi(c.Param(param))
	if err != nil || n < 1 {
		return 0, app.Say(caili.KindBadRequest, msg.ServerVersionNumber, msg.Clip(c.Param(param)))
	}
	return n, nil
}

// saveVersion records the plan's files as loaded now as a draft: 201
// with the new version, or 200 with the latest when nothing changed.
// The body may be empty or {"note": "..."}.
func (s *Server) saveVersion(c *gin.Context) {
	plan, ok := s.planExists(c)
	if !ok {
		return
	}
	var req struct {
		Note string `json:"note"`
	}
	if err := readOptionalJSON(c, &req, `{"note": …}`); err != nil {
		s.fail(c, err)
		return
	}
	rec, created, err := s.app.SaveVersion(c.Request.Context(), actorOf(c), plan, req.Note)
	if err != nil {
		s.fail(c, err)
		return
	}
	st := http.StatusOK
	if created {
		st = http.StatusCreated
		c.Header("Location", versionOf(rec).URL)
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, st, versionOf(rec))
}

// listVersions lists a plan's versions, oldest first.
func (s *Server) listVersions(c *gin.Context) {
	vs, err := s.app.Versions(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]versionJSON, len(vs))
	for i := range vs {
		out[i] = versionOf(&vs[i])
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"plan": c.Param("plan"), "versions": out})
}

// fileJSON names one file of a version.
type fileJSON struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Bytes  int    `json:"bytes"`
}

// getVersion returns a version, its files and its result (computed again
// from the stored files), or the error the rules give.
func (s *Server) getVersion(c *gin.Context) {
	n, err := versionN(c, "n")
	if err != nil {
		s.fail(c, err)
		return
	}
	vv, err := s.app.PlanVersionOf(c.Request.Context(), actorOf(c), c.Param("plan"), n)
	if err != nil {
		s.fail(c, err)
		return
	}
	files := make([]fileJSON, len(vv.Record.Files))
	for i, f := range vv.Record.Files {
		files[i] = fileJSON{Name: f.Name, SHA256: app.TokenHash(string(f.Data)), Bytes: len(f.Data)}
	}
	out := gin.H{"version": versionOf(vv.Record), "files": files}
	if err := vv.Plan.Base.Err; err != nil {
		out["error"] = body(c, app.Classify(err))
	} else {
		out["result"] = report.NewAllocations(vv.Plan.Base.Res, true)
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, out)
}

// diffVersions compares version {n} with ?from= (default n−1).
func (s *Server) diffVersions(c *gin.Context) {
	n, err := versionN(c, "n")
	if err != nil {
		s.fail(c, err)
		return
	}
	from := n - 1
	if f := c.Query("from"); f != "" {
		if from, err = strconv.Atoi(f); err != nil || from < 1 {
			s.fail(c, msg.ServerFromVersion.Query("from", msg.Clip(f)))
			return
		}
	}
	d, err := s.app.Diff(c.Request.Context(), actorOf(c), c.Param("plan"), from, n)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, d)
}

// approveVersion approves a draft (approver).
func (s *Server) approveVersion(c *gin.Context) {
	n, err := versionN(c, "n")
	if err != nil {
		s.fail(c, err)
		return
	}
	rec, err := s.app.Approve(c.Request.Context(), actorOf(c), c.Param("plan"), n)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.log.Info("version approved", "plan", rec.Plan, "n", rec.N, "by", rec.ApprovedBy)
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, versionOf(rec))
}

// publicationJSON is a publication with its frozen result.
type publicationJSON struct {
	Plan        string          `json:"plan"`
	Version     int             `json:"version"`
	VersionHash string          `json:"version_hash"`
	PublishedAt time.Time       `json:"published_at"`
	PublishedBy string          `json:"published_by"`
	ResultHash  string          `json:"result_hash"`
	Label       string          `json:"label"` // 已发布 <date> <hash前8位>
	Result      json.RawMessage `json:"result,omitempty"`
}

// PublishedLabel is how a published result is marked: 已发布 <date>
// <the result hash's first 8 hex digits>.
func PublishedLabel(p *caili.Publication) string {
	return msg.PublishedLabel.In(msg.Zh, p.PublishedAt.Local().Format("2006-01-02"), p.ResultHash[:8])
}

func publicationOf(p *caili.Publication, withResult bool) publicationJSON {
	pj := publicationJSON{Plan: p.Plan, Version: p.N, VersionHash: p.VersionHash, PublishedAt: p.PublishedAt,
		PublishedBy: p.PublishedBy, ResultHash: p.ResultHash, Label: PublishedLabel(p)}
	if withResult {
		pj.Result = p.Result
	}
	return pj
}

// publishVersion publishes an approved version, freezing its result
// (approver). The body may be empty, or {"supersedes": "why"} to publish
// a version older than the current publication over it.
func (s *Server) publishVersion(c *gin.Context) {
	n, err := versionN(c, "n")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req struct {
		Supersedes string `json:"supersedes"`
	}
	if err := readOptionalJSON(c, &req, `{"supersedes": …}`); err != nil {
		s.fail(c, err)
		return
	}
	p, err := s.app.Publish(c.Request.Context(), actorOf(c), c.Param("plan"), n, req.Supersedes)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.log.Info("version published", "plan", p.Plan, "n", p.N, "result_sha256", p.ResultHash)
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, publicationOf(p, false))
}

// publishedResult returns the frozen result exactly as published: its
// SHA-256 is the publication's result_hash. It is streamed from the
// store's parts, never held whole; a fault once the answer has begun
// cuts it short (its hash then tells).
func (s *Server) publishedResult(c *gin.Context) {
	p, write, err := s.app.PublishedResult(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Header("ETag", `"`+p.ResultHash[:40]+`"`)
	c.Header("Content-Type", typeJSON)
	c.Status(http.StatusOK)
	if err := write(c.Writer); err != nil {
		s.log.Warn("published result cut short", "plan", p.Plan, "n", p.N, "err", err)
		c.Abort()
	}
}

// publishedStatement returns one 街道's part of the latest publication.
func (s *Server) publishedStatement(c *gin.Context) {
	p, sd, err := s.app.PublishedStatement(c.Request.Context(), actorOf(c), c.Param("plan"), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"publication": publicationOf(p, false), "subdistrict": sd})
}

// auditJSON is one audit log entry.
type auditJSON struct {
	Seq        int64     `json:"seq"`
	At         time.Time `json:"at"`
	Actor      string    `json:"actor"`
	Role       string    `json:"role"`
	RoleText   string    `json:"role_text"` // 规划员, 审批人, 街道, 管理员
	Action     string    `json:"action"`
	ActionText string    `json:"action_text"` // 保存草案, 审批, 发布, 提出异议, …
	Plan       string    `json:"plan,omitempty"`
	Subject    string    `json:"subject,omitempty"`
	Hash       string    `json:"hash,omitempty"`
	Detail     string    `json:"detail,omitempty"`
}

// auditLog returns the newest entries of the audit log (?limit=, default
// and at most 1000).
func (s *Server) auditLog(c *gin.Context) {
	limit := 1000
	if l := c.Query("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 1000 {
			s.fail(c, msg.ServerLimit.Query("limit", msg.Clip(l)))
			return
		}
		limit = n
	}
	es, err := s.app.Audit(c.Request.Context(), actorOf(c), limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]auditJSON, len(es))
	for i, e := range es {
		out[i] = auditJSON{Seq: e.Seq, At: e.At, Actor: e.Actor, Role: string(e.Role), RoleText: app.RoleText(e.Role),
			Action: e.Action, ActionText: app.ActionText(e.Action), Plan: e.Plan, Subject: e.Subject, Hash: e.Hash, Detail: e.Detail}
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"entries": out})
}

// recordMark is the pages' marker of the figures they show: the
// published label when the plan's files are those of its latest
// publication and no what-if applies, else 草案; "" without a record
// store.
func (s *Server) recordMark(c *gin.Context, v *app.PlanVersion, whatIf bool) (string, bool) {
	if s.app.Records == nil {
		return "", false
	}
	if whatIf {
		return msg.AppStatusDraft.In(msg.Zh), false
	}
	p, err := s.app.Records.PublishedHead(c.Request.Context(), v.ID) // not its result
	if err == nil && p.VersionHash == v.Hash {
		return PublishedLabel(p), true
	}
	return msg.AppStatusDraft.In(msg.Zh), false
}

// HasStoredTokens reports whether the record store has a live token
// (caili token create), so that writes are on even without CAILI_TOKEN.
func (s *Server) HasStoredTokens() bool {
	ok, err := s.app.HasTokens(context.Background())
	return err == nil && ok
}

// whoami says who the request's token is: its id, role (with its
// Chinese label) and, for a 街道 token, its sub-district, so that the
// dashboard's record pages can offer what the role may do.
func (s *Server) whoami(c *gin.Context) {
	who := actorOf(c)
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"id": who.ID, "role": string(who.Role), "role_text": app.RoleText(who.Role),
		"subdistrict": who.Subdistrict})
}
