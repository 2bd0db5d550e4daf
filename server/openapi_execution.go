package server

// executionOperations are the routes of the year's data (execution.go;
// docs/year-data.md): execution imports and rates (双监控), next year's
// plan. Each needs a bearer token.
func executionOperations() []operation {
	js := func(desc string) obj { return resp(desc, content("application/json", obj{"type": "object"})) }
	html := resp("HTML page", content("text/html", textSchema))
	return []operation{
		{method: "POST", path: "/api/v1/plans/{plan}/execution", id: "importExecution", write: true,
			summary: "import execution data (预算执行) of the plan's fiscal year — planner",
			desc: "The body is a budget system's (预算管理一体化) export, xlsx (first sheet) or CSV (UTF-8, UTF-16 or GBK): one row a 街道's project or breakdown line in a month, " +
				"columns 街道, 项目, 预算数, 支出数 (to the month's end), 月份 by default, or as execution-columns.toml in the plan's folder names them. " +
				"Every problem comes back with its cell and code and nothing is recorded; else the import is recorded whole, with its audit entry.",
			params: []obj{pPlan, {"name": "name", "in": "query", "schema": obj{"type": "string"}, "description": "the file's name, for the record"}},
			body: obj{"required": true, "content": obj{
				typeXLSX:   obj{"schema": obj{"type": "string", "format": "binary"}},
				"text/csv": obj{"schema": obj{"type": "string"}},
			}},
			ok: map[string]obj{"201": js("the recorded import")}, errors: []int{400, 401, 403, 404, 413, 422, 503}},
		{method: "GET", path: "/api/v1/plans/{plan}/execution", id: "executionReport", write: true,
			summary: "execution rates by 街道, line and month; warnings of the plan's [[execution_rule]]; the year's counts (executed as approved, adjusted) — planner, approver, reader; subdistrict: its own",
			params:  []obj{pPlan}, ok: map[string]obj{"200": js("the report")}, errors: []int{401, 403, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/execution.csv", id: "executionCSV", write: true,
			summary: "the execution report as CSV, one row a line and month, then each 街道's total (合计) — as executionReport",
			params:  []obj{pPlan}, ok: map[string]obj{"200": resp("CSV", content("text/csv", textSchema))}, errors: []int{401, 403, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/execution.png", id: "executionPNG", write: true,
			summary: "chart: each 街道's execution rate at the last month with data, below-rule bars in red, the rules' rates as lines (PNG) — as executionReport",
			params:  []obj{pPlan}, ok: map[string]obj{"200": resp("PNG", content("image/png", obj{"type": "string", "format": "binary"}))}, errors: []int{401, 403, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/execution.svg", id: "executionSVG", write: true,
			summary: "the same chart as SVG",
			params:  []obj{pPlan}, ok: map[string]obj{"200": resp("SVG", content("image/svg+xml", textSchema))}, errors: []int{401, 403, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/execution/imports", id: "executionImports", write: true,
			summary: "the execution imports of the plan's fiscal year, oldest first — planner, approver, reader",
			params:  []obj{pPlan}, ok: map[string]obj{"200": js("imports")}, errors: []int{401, 403, 404, 422}},
		{method: "POST", path: "/api/v1/plans/{plan}/next", id: "nextPlan", write: true,
			summary: "write next year's plan into the plans folder (caili plan next) — planner",
			desc:    "Fiscal year + 1, damping baseline from this year's publication (@published), execution rates into [subdistrict.execution], notes (lines unused two years) at its head. Validated before it is written; never over an existing file without force.",
			params: []obj{pPlan, {"name": "name", "in": "query", "schema": obj{"type": "string"}, "description": "the new plan's id (default: this id and the year after)"},
				{"name": "force", "in": "query", "schema": obj{"type": "boolean"}, "description": "write over existing files"}},
			ok: map[string]obj{"201": js("the files written and the notes")}, errors: []int{400, 401, 403, 404, 409, 422}},
		{method: "GET", path: "/plans/{plan}/execution", id: "executionPage", page: true, write: true,
			summary: "dashboard: 执行监控 — execution rates, warnings and counts; for a planner the import form and the next-year button (a signed-in token)",
			params:  []obj{pPlan}, ok: map[string]obj{"200": html}, errors: []int{401, 403, 404}},
	}
}
