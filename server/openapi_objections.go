package server

// objectionOperations are the routes of objections (数据更正与异议,
// objections.go; docs/records.md). Each needs a bearer token.
func objectionOperations() []operation {
	pN := obj{"name": "n", "in": "path", "required": true, "description": "objection number (1, 2, …)",
		"schema": obj{"type": "integer", "minimum": 1}}
	js := func(desc string) obj { return resp(desc, content("application/json", obj{"type": "object"})) }
	filing := obj{"type": "object", "properties": obj{
		"note":        obj{"type": "string", "description": "说明 why the 街道 objects"},
		"corrections": obj{"type": "object", "additionalProperties": obj{"type": "string"}, "description": "quantities.X / staff.X / payroll.X of the token's own 街道 → proposed value"},
	}}
	return []operation{
		{method: "POST", path: "/api/v1/plans/{plan}/objections", id: "fileObjection", write: true,
			summary: "file an objection (异议) with corrections of the 街道's own data against the latest publication — subdistrict token",
			desc:    "JSON {note, corrections}, or the 街道's filled data workbook (xlsx or CSV) as the body with the note in ?note=: the cells of its own quantities, headcounts and payroll that differ from the published version. Nothing is applied until a planner accepts it.",
			params:  []obj{pPlan, {"name": "note", "in": "query", "schema": obj{"type": "string"}}},
			body: obj{"required": true, "content": obj{
				"application/json": obj{"schema": filing},
				typeXLSX:           obj{"schema": obj{"type": "string", "format": "binary"}},
				"text/csv":         obj{"schema": obj{"type": "string"}},
			}},
			ok: map[string]obj{"201": js("the pending objection")}, errors: []int{400, 401, 403, 404, 409, 413, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/objections", id: "listObjections", write: true,
			summary: "objections with their status (待处理, 已采纳, 已驳回, 已在数据中更正) — planner or approver: all; subdistrict: its own",
			params:  []obj{pPlan}, ok: map[string]obj{"200": js("objections")}, errors: []int{401, 403}},
		{method: "GET", path: "/api/v1/plans/{plan}/objections/{n}", id: "getObjection", write: true,
			summary: "one objection; for planners and approvers with its effect on every 街道 (totals before/after) — subdistrict: its own",
			params:  []obj{pPlan, pN}, ok: map[string]obj{"200": js("the objection")}, errors: []int{400, 401, 403, 404, 422}},
		{method: "POST", path: "/api/v1/plans/{plan}/objections/{n}/accept", id: "acceptObjection", write: true,
			summary: "accept a pending objection: a new draft version with the corrected data — planner",
			params:  []obj{pPlan, pN}, ok: map[string]obj{"200": js("the objection and the new draft")}, errors: []int{400, 401, 403, 404, 409, 422}},
		{method: "POST", path: "/api/v1/plans/{plan}/objections/{n}/reject", id: "rejectObjection", write: true,
			summary: "reject a pending objection with a reason — planner",
			params:  []obj{pPlan, pN},
			body:    obj{"required": true, "content": content("application/json", obj{"type": "object", "required": []string{"reason"}, "properties": obj{"reason": obj{"type": "string"}}})},
			ok:      map[string]obj{"200": js("the rejected objection")}, errors: []int{400, 401, 403, 404, 409, 413}},
		{method: "POST", path: "/api/v1/plans/{plan}/objections/{n}/corrected", id: "correctedObjection", write: true,
			summary: "mark a pending objection corrected in the data by hand (已在数据中更正), with an optional note; no version is made — planner",
			params:  []obj{pPlan, pN},
			body:    obj{"required": false, "content": content("application/json", obj{"type": "object", "properties": obj{"note": obj{"type": "string"}}})},
			ok:      map[string]obj{"200": js("the corrected objection")}, errors: []int{400, 401, 403, 404, 409, 413}},
	}
}
