package dashboard

import (
	"fmt"
	"html/template"
	"io"

	"github.com/caili/caili/internal/msg"
)

// This file is the governed record's pages (docs/records.md): 版本
// (versions: save a draft, approve, publish, compare two versions), 异议
// (objections: a 街道 reads its published statement and files one; a
// planner previews, accepts or rejects) and 审计日志 (the audit log).
//
// Unlike the other pages they show nothing the server computed for
// them: each is a frame with an inline script (records.js) that asks
// the API with the token the user pasted (kept in sessionStorage) and
// shows the answers, or the API's refusal with its message and code.
// What a role may see and do is decided by the API alone.

// RecordPage names one of the record's pages.
type RecordPage string

// The record's pages.
const (
	RecordVersions   RecordPage = "versions"
	RecordObjections RecordPage = "objections"
	RecordAudit      RecordPage = "audit"
	RecordYear       RecordPage = "year" // 预算年度 (docs/year.md)
)

// recordTitles are the pages' headings, Chinese and English.
var recordTitles = map[RecordPage][2]string{
	RecordVersions:   {msg.DashVersions.In(msg.Zh), msg.DashVersions.In(msg.En)},
	RecordObjections: {msg.DashObjections.In(msg.Zh), msg.DashObjections.In(msg.En)},
	RecordAudit:      {msg.DashAudit.In(msg.Zh), msg.DashAudit.In(msg.En)},
	RecordYear:       {msg.DashYear.In(msg.Zh), msg.DashYear.In(msg.En)},
}

// RecordsView is one of the record's pages.
type RecordsView struct {
	Page           RecordPage
	Title, English string
	PlanID, Name   string // the plan ("" on the audit log, which is the office's)
	PlanHref       string
	API            string // the plan's API prefix, /api/v1/plans/{plan}
	Nav            []Link // the record's pages of the plan, and the audit log
	Script         template.JS
}

// RecordsPath is a record page of a plan: /plans/{plan}/versions or
// /plans/{plan}/objections.
func RecordsPath(plan string, p RecordPage) string { return PlanPath(plan) + "/" + string(p) }

// AuditPath is the audit log's page.
const AuditPath = "/audit"

// NewRecordsView builds a record page of a plan (planID and name empty
// for the audit log).
func NewRecordsView(p RecordPage, planID, name string) (*RecordsView, error) {
	t, ok := recordTitles[p]
	if !ok {
		return nil, fmt.Errorf("dashboard: no record page %q", p)
	}
	if (p == RecordAudit) != (planID == "") {
		return nil, fmt.Errorf("dashboard: the %s page with plan %q", p, planID)
	}
	v := &RecordsView{Page: p, Title: t[0], English: t[1], PlanID: planID, Name: name}
	if planID != "" {
		v.PlanHref, v.API = PlanPath(planID), apiPlanPath(planID)
		v.Nav = []Link{
			{Kind: string(RecordVersions), Label: msg.DashVersions.In(msg.Zh), Href: RecordsPath(planID, RecordVersions)},
			{Kind: string(RecordObjections), Label: msg.DashObjections.In(msg.Zh), Href: RecordsPath(planID, RecordObjections)},
			{Kind: string(RecordYear), Label: msg.DashYear.In(msg.Zh), Href: RecordsPath(planID, RecordYear)},
			{Kind: "execution", Label: msg.DashExecution.In(msg.Zh), Href: PlanPath(planID) + "/execution"},
		}
	}
	v.Nav = append(v.Nav, Link{Kind: string(RecordAudit), Label: msg.DashAudit.In(msg.Zh), Href: AuditPath})
	return v, nil
}

// Records renders a record page with its script.
func (r *Renderer) Records(w io.Writer, v *RecordsView) error {
	if v == nil {
		return fmt.Errorf("dashboard: nil record view")
	}
	c := *v
	c.Script = template.JS(r.js) // the embedded script: trusted
	crumbs := []Link{home}
	if c.PlanID != "" {
		crumbs = append(crumbs, Link{Label: c.Name, Href: c.PlanHref})
	}
	crumbs = append(crumbs, Link{Label: c.Title})
	title := c.Title
	if c.Name != "" {
		title = c.Name + " " + c.Title
	}
	return r.render(w, string(c.Page), page{Title: title, Crumbs: crumbs, V: &c})
}
