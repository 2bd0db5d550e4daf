package server

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/server/dashboard"
)

// The record's pages (docs/records.md): 版本 (GET /plans/{plan}/versions),
// 异议 (GET /plans/{plan}/objections) and 审计日志 (GET /audit). Each is
// a frame whose script asks the record routes with the token the user
// pastes; the page itself needs no token and shows no record, so that
// nothing here decides what a role may see.

// versionsPage is the 版本 page of a plan.
func (s *Server) versionsPage(c *gin.Context) { s.recordPage(c, dashboard.RecordVersions) }

// objectionsPage is the 异议 page of a plan.
func (s *Server) objectionsPage(c *gin.Context) { s.recordPage(c, dashboard.RecordObjections) }

// yearPage is the 预算年度 page of a plan (docs/year.md).
func (s *Server) yearPage(c *gin.Context) { s.recordPage(c, dashboard.RecordYear) }

// recordPage sends a record page of a known plan (404 for an unknown one).
func (s *Server) recordPage(c *gin.Context, p dashboard.RecordPage) {
	v, err := s.app.Plan(c.Param("plan"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.sendRecordPage(c, p, v.ID, v.Name)
}

// auditPage is the 审计日志 page.
func (s *Server) auditPage(c *gin.Context) { s.sendRecordPage(c, dashboard.RecordAudit, "", "") }

func (s *Server) sendRecordPage(c *gin.Context, p dashboard.RecordPage, plan, name string) {
	view, err := dashboard.NewRecordsView(p, plan, name)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.sendPage(c, http.StatusOK, "", func(w io.Writer) error { return s.pages.Records(w, view) })
}
