package server

import (
	"strconv"

	"github.com/caili/caili/internal/report/notice"
)

// pPageUnit is the pages' 万元 switch (plan page and statement).
var pPageUnit = obj{"name": "unit", "in": "query", "schema": obj{"type": "string"},
	"description": "`万元` (or `wan`) shows the allocation table (the statement's 万元 column) in 万元 with two decimals, rounded by the largest-remainder method (尾差) so that rows and columns add up, with a note; anything else is 元, the page as it always was"}

// downloadOperations are the routes of downloads.go and
// compare_scenarios.go (issue 24 §4–6).
func downloadOperations() []operation {
	str := obj{"type": "string"}
	binary := obj{"type": "string", "format": "binary"}
	pScenarios := obj{"name": "scenario", "in": "query", "style": "form", "explode": true,
		"description": "the scenarios to set side by side, repeatable (at most " + strconv.Itoa(maxSideBySide) + "): saved or built-in, by file name or `[scenario] name`; " +
			"without one, every scenario of the plan that parses",
		"schema": obj{"type": "array", "items": obj{"type": "string", "minLength": 1}}}
	side := "Each scenario is compared with the plan as written exactly as compare.json?scenario= compares it (with unit=万元, as " +
		"compare.csv?unit=万元 rounds it); one column group per scenario: its total, the change against the base and the change in per cent, " +
		"per sub-district and for the totals. `set.` overrides apply to every scenario."
	pNoticeSub := obj{"name": "subdistrict", "in": "query", "schema": str, "description": "the notice of this sub-district only (id or name); default: one per sub-district, each on new pages"}
	pNoticeKind := obj{"name": "kind", "in": "query", "schema": obj{"type": "string", "enum": notice.KindWords()},
		"description": "测算 (财力测算通知书, the default), 控制数 or 批复"}
	pDocNo := obj{"name": "doc_no", "in": "query", "schema": str, "description": "the 文号; without it the notice leaves room for it"}
	pDate := obj{"name": "date", "in": "query", "schema": obj{"type": "string", "format": "date"},
		"description": "the notice's date, YYYY-MM-DD; default: the publication's day when the plan's files are those of its latest publication (and no what-if applies), else left to come and the notice says 草案"}
	return []operation{
		{method: "GET", path: "/api/v1/plans/{plan}/compare-scenarios.json", id: "compareScenariosJSON", summary: "scenarios side by side against the base, per sub-district",
			desc: side, params: []obj{pPlan, pScenarios, pSets},
			ok: map[string]obj{"200": resp("the scenarios side by side", content("application/json", obj{"type": "object"}))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/compare-scenarios.csv", id: "compareScenariosCSV", summary: "scenarios side by side as CSV",
			desc: side, params: []obj{pPlan, pScenarios, pSets, pBOM, pEncoding, pHeader, pUnit},
			ok: map[string]obj{"200": resp("the table, as an attachment <plan>-compare-scenarios.csv", content("text/csv", textSchema))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/compare-scenarios.xlsx", id: "compareScenariosXLSX", summary: "scenarios side by side as an Excel workbook",
			desc: side, params: []obj{pPlan, pScenarios, pSets, pUnit},
			ok: map[string]obj{"200": resp("the workbook, as an attachment <plan>-compare-scenarios.xlsx", content(typeXLSX, binary))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/plans/{plan}/compare", id: "scenariosPage", page: true,
			summary: "dashboard: 多个情景并列对比 — scenarios side by side, a form to choose them, and the table's downloads",
			desc:    side + " `unit=万元` shows the table in 万元.", params: []obj{pPlan, pScenarios, pSets, pUnit},
			ok: map[string]obj{"200": resp("HTML page", content("text/html", textSchema))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/notices.pdf", id: "noticesPDF",
			summary: "the notices to the sub-districts (财力测算通知书, 控制数 or 批复) as one PDF, as `caili notice` writes them (docs/guide.md)",
			params:  whatIf(pNoticeSub, pNoticeKind, pDocNo, pDate),
			ok:      map[string]obj{"200": resp("the PDF, as an attachment <plan>-notices….pdf", content(typePDF, binary))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/renda.xlsx", id: "rendaXLSX",
			summary: "the 人大 table (街道财力安排表): every sub-district × components in 万元 with 尾差, as `caili report renda` writes it",
			params:  whatIf(), ok: map[string]obj{"200": withETag(resp("the workbook, as an attachment <plan>-renda.xlsx", content(typeXLSX, binary)))},
			errors: []int{400, 404, 422}},
	}
}
