package server

// yearOperations are the budget year's routes (year.go; docs/year.md):
// 一上 submissions, 二上 breakdowns and the kinds of publication. Each
// needs a bearer token.
func yearOperations() []operation {
	pN := obj{"name": "n", "in": "path", "required": true, "description": "breakdown number (1, 2, …)",
		"schema": obj{"type": "integer", "minimum": 1}}
	pSeq := obj{"name": "seq", "in": "path", "required": true, "description": "publication number (seq in the list)",
		"schema": obj{"type": "integer", "minimum": 1}}
	pID := obj{"name": "id", "in": "path", "required": true, "description": "街道 id or name", "schema": obj{"type": "string"}}
	pName := obj{"name": "name", "in": "query", "description": "the uploaded file's name, for its problems", "schema": obj{"type": "string"}}
	js := func(desc string) obj { return resp(desc, content("application/json", obj{"type": "object"})) }
	xlsx := func(desc string) obj { return resp(desc, content(typeXLSX, obj{"type": "string", "format": "binary"})) }
	upload := obj{"required": true, "content": obj{typeXLSX: obj{"schema": obj{"type": "string", "format": "binary"}},
		"text/csv": obj{"schema": obj{"type": "string"}}}}
	reason := obj{"required": false, "content": content("application/json", obj{"type": "object", "properties": obj{"reason": obj{"type": "string"}}})}
	y := "/api/v1/plans/{plan}/year"
	return []operation{
		{method: "GET", path: "/plans/{plan}/year", id: "yearPage", page: true,
			summary: "dashboard: 预算年度 — the year's stage, each 街道's data and breakdown status, the publications; a 街道 uploads, planners accept or return, approvers publish",
			desc:    "A frame whose script calls the year's routes with the token the user pastes (kept in sessionStorage); the page itself shows no record.",
			params:  []obj{pPlan}, ok: map[string]obj{"200": resp("HTML page", content("text/html", textSchema))}, errors: []int{404, 422}},
		{method: "GET", path: y, id: "yearStatus", write: true,
			summary: "the year's stage (一上, 一下, 二上, 二下, 执行, 调整), its stages with when and who, its publications, and each 街道's data and breakdown status (未提交, 有问题, 已提交, 已采纳) — planner, approver, reader; subdistrict: its own row",
			params:  []obj{pPlan}, ok: map[string]obj{"200": js("the year")}, errors: []int{401, 403, 404, 409}},
		{method: "GET", path: y + "/template.xlsx", id: "yearDataTemplate", write: true,
			summary: "the data template of the token's own 街道, filled from the plan's latest recorded version — subdistrict",
			params:  []obj{pPlan}, ok: map[string]obj{"200": xlsx("the workbook")}, errors: []int{401, 403, 404, 409}},
		{method: "POST", path: y + "/submissions", id: "yearSubmitData", write: true,
			summary: "一上: submit the 街道's filled data template (xlsx or CSV) — subdistrict",
			desc:    "Read as caili import --merge reads a file, against the plan's latest recorded version. Problems come back at once by sheet and cell (422) and the submission is recorded as 有问题; a row of another 街道 is refused naming both. Without problems: 201, 已提交, replacing the 街道's earlier submission still waiting.",
			params:  []obj{pPlan, pName}, body: upload,
			ok: map[string]obj{"201": js("the submission")}, errors: []int{400, 401, 403, 404, 409, 413, 422, 503}},
		{method: "GET", path: y + "/submissions", id: "yearSubmissions", write: true,
			summary: "the year's data submissions — planner or approver: all; subdistrict: its own",
			params:  []obj{pPlan}, ok: map[string]obj{"200": js("submissions")}, errors: []int{401, 403, 409}},
		{method: "POST", path: y + "/submissions/accept", id: "yearAcceptData", write: true,
			summary: "accept submissions into a new draft version (the plan's latest version with their values) — planner",
			params:  []obj{pPlan},
			body:    obj{"required": false, "content": content("application/json", obj{"type": "object", "properties": obj{"submissions": obj{"type": "array", "items": obj{"type": "integer"}}}})},
			ok:      map[string]obj{"200": js("the new draft")}, errors: []int{400, 401, 403, 404, 409, 422}},
		{method: "GET", path: y + "/breakdown-template.xlsx", id: "yearBreakdownTemplate", write: true,
			summary: "二上: the breakdown workbook of the token's own 街道 (项目名称, 使用方向, 功能科目, 经济科目, 金额, 绩效目标), with its figure from the 控制数 and the permitted uses — subdistrict",
			params:  []obj{pPlan}, ok: map[string]obj{"200": xlsx("the workbook")}, errors: []int{401, 403, 404, 409}},
		{method: "POST", path: y + "/breakdowns", id: "yearSubmitBreakdown", write: true,
			summary: "二上: submit the 街道's breakdown — subdistrict",
			desc:    "Checked: the lines add up to the figure to the unit, each 使用方向 is among the plan's [[use]], each code allowed by its use and in the 科目 table. Problems: 422 by cell, recorded as 有问题.",
			params:  []obj{pPlan, pName}, body: upload,
			ok: map[string]obj{"201": js("the breakdown")}, errors: []int{400, 401, 403, 404, 409, 413, 422, 503}},
		{method: "GET", path: y + "/breakdowns", id: "yearBreakdowns", write: true,
			summary: "the year's breakdowns with their lines — planner or approver: all; subdistrict: its own",
			params:  []obj{pPlan}, ok: map[string]obj{"200": js("breakdowns")}, errors: []int{401, 403, 409}},
		{method: "POST", path: y + "/breakdowns/{n}/accept", id: "yearAcceptBreakdown", write: true,
			summary: "accept a submitted breakdown — planner", params: []obj{pPlan, pN}, body: reason,
			ok: map[string]obj{"200": js("the breakdown")}, errors: []int{400, 401, 403, 404, 409}},
		{method: "POST", path: y + "/breakdowns/{n}/return", id: "yearReturnBreakdown", write: true,
			summary: "return a submitted breakdown with a reason — planner", params: []obj{pPlan, pN}, body: reason,
			ok: map[string]obj{"200": js("the breakdown")}, errors: []int{400, 401, 403, 404, 409}},
		{method: "POST", path: y + "/publications", id: "yearPublish", write: true,
			summary: "publish a version as 控制数 (一下), 批复 (二下) or 调整, with its 文号 and date — approver, not whoever saved it",
			desc:    "Body {version, kind: 控制数|批复|调整 (or control|approval|adjust), wenhao, date: YYYY-MM-DD (default today), reason (required for 调整)}. An approved version is published as any version is; a 批复 may be of the version the 控制数 published. A 批复 carries each 街道's accepted breakdown.",
			params:  []obj{pPlan},
			body: obj{"required": true, "content": content("application/json", obj{"type": "object", "required": []string{"version", "kind", "wenhao"},
				"properties": obj{"version": obj{"type": "integer"}, "kind": obj{"type": "string"}, "wenhao": obj{"type": "string"},
					"date": obj{"type": "string", "format": "date"}, "reason": obj{"type": "string"}}})},
			ok: map[string]obj{"201": js("the publication")}, errors: []int{400, 401, 403, 404, 409, 422}},
		{method: "GET", path: y + "/publications", id: "yearPublications", write: true,
			summary: "the plan's 控制数, 批复 and 调整 with their 文号 and dates — any token",
			params:  []obj{pPlan}, ok: map[string]obj{"200": js("publications")}, errors: []int{401, 403}},
		{method: "GET", path: y + "/publications/{seq}/subdistricts/{id}", id: "yearStatement", write: true,
			summary: "one 街道's figures in a publication, with the breakdown a 批复 carries for it — subdistrict: its own",
			params:  []obj{pPlan, pSeq, pID}, ok: map[string]obj{"200": js("the 街道's row")}, errors: []int{400, 401, 403, 404}},
		{method: "GET", path: y + "/publications/{seq}/diff", id: "yearAdjustmentDiff", write: true,
			summary: "what an adjustment changed against the year's 批复: files, data, totals and their attribution — planner or approver",
			params:  []obj{pPlan, pSeq}, ok: map[string]obj{"200": js("the diff")}, errors: []int{400, 401, 403, 404, 422}},
		{method: "GET", path: y + "/in-force", id: "yearInForce", write: true,
			summary: "the budget in force: the latest 批复 or 调整 of the year and each 街道's total in it — planner, approver, reader",
			params:  []obj{pPlan}, ok: map[string]obj{"200": js("the budget in force")}, errors: []int{401, 403, 404, 409}},
	}
}
