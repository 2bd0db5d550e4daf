package server

// recordOperations are the routes of the governed record: versions,
// approval, publication, published statements and the audit log
// (records.go; docs/records.md). Each needs a bearer token; what it may
// do depends on the token's role.
func recordOperations() []operation {
	pN := obj{"name": "n", "in": "path", "required": true, "description": "version number (1, 2, …)",
		"schema": obj{"type": "integer", "minimum": 1}}
	js := func(desc string) obj { return resp(desc, content("application/json", obj{"type": "object"})) }
	return []operation{
		{method: "POST", path: "/api/v1/plans/{plan}/versions", id: "saveVersion", write: true,
			summary: "save the plan's current files as a draft version (草案) — planner",
			desc:    "The plan's files as loaded now (plan, standards, data), content-addressed by SHA-256. The same bytes as the latest version give it back (200).",
			params:  []obj{pPlan}, body: obj{"required": false, "content": content("application/json", obj{"type": "object", "properties": obj{"note": obj{"type": "string"}}})},
			ok:     map[string]obj{"201": js("the new draft"), "200": js("the latest version, unchanged")},
			errors: []int{400, 401, 403, 404, 413, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/versions", id: "listVersions", write: true,
			summary: "the plan's versions with their status (草案, 已审批, 已发布) — planner or approver",
			params:  []obj{pPlan}, ok: map[string]obj{"200": js("versions")}, errors: []int{401, 403}},
		{method: "GET", path: "/api/v1/plans/{plan}/versions/{n}", id: "getVersion", write: true,
			summary: "one version, its files' hashes and its result computed from the stored files — planner or approver",
			params:  []obj{pPlan, pN}, ok: map[string]obj{"200": js("the version with its result")}, errors: []int{400, 401, 403, 404}},
		{method: "GET", path: "/api/v1/plans/{plan}/versions/{n}/diff", id: "diffVersions", write: true,
			summary: "what changed from version `from` (default n−1) to n: changed keys old → new and each 街道's total — planner or approver",
			params:  []obj{pPlan, pN, {"name": "from", "in": "query", "schema": obj{"type": "integer", "minimum": 1}}},
			ok:      map[string]obj{"200": js("the changes")}, errors: []int{400, 401, 403, 404}},
		{method: "POST", path: "/api/v1/plans/{plan}/versions/{n}/approve", id: "approveVersion", write: true,
			summary: "approve a draft — approver", params: []obj{pPlan, pN},
			ok: map[string]obj{"200": js("the approved version")}, errors: []int{400, 401, 403, 404, 409}},
		{method: "POST", path: "/api/v1/plans/{plan}/versions/{n}/publish", id: "publishVersion", write: true,
			summary: "publish an approved version: its result is frozen (JSON with its SHA-256) — approver", params: []obj{pPlan, pN},
			ok: map[string]obj{"200": js("the publication")}, errors: []int{400, 401, 403, 404, 409, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/published", id: "published", write: true,
			summary: "the latest publication with its frozen result — planner or approver", params: []obj{pPlan},
			ok: map[string]obj{"200": js("the publication")}, errors: []int{401, 403, 404}},
		{method: "GET", path: "/api/v1/plans/{plan}/published/result.json", id: "publishedResult", write: true,
			summary: "the frozen result exactly as published (its SHA-256 is result_hash) — planner or approver", params: []obj{pPlan},
			ok: map[string]obj{"200": js("the allocations JSON (rules §5)")}, errors: []int{401, 403, 404}},
		{method: "GET", path: "/api/v1/plans/{plan}/published/subdistricts/{id}", id: "publishedStatement", write: true,
			summary: "one 街道's published statement — planner, approver, or that 街道's own token", params: []obj{pPlan, pSubdistrict},
			ok: map[string]obj{"200": js("the statement")}, errors: []int{401, 403, 404}},
		{method: "GET", path: "/api/v1/audit", id: "audit", write: true,
			summary: "the audit log, newest first — approver",
			params:  []obj{{"name": "limit", "in": "query", "schema": obj{"type": "integer", "minimum": 1, "maximum": 1000}}},
			ok:      map[string]obj{"200": js("entries")}, errors: []int{400, 401, 403}},
	}
}
