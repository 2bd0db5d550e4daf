package server

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/server/chart"
)

// obj is a JSON object of the OpenAPI document.
type obj = map[string]any

// operation describes one route of the API in the OpenAPI document.
type operation struct {
	method, path string // path in OpenAPI form: /api/v1/plans/{plan}/…
	id, summary  string
	desc         string // a longer description, or ""
	params       []obj
	body         obj            // request body, or nil
	ok           map[string]obj // success status → response
	errors       []int          // error statuses it can answer
	write        bool           // needs the bearer token
	page         bool           // a dashboard page: errors are HTML pages, not JSON
}

// Reusable parameters.
var (
	pPlan = obj{"name": "plan", "in": "path", "required": true,
		"description": "plan id: the plan file's name without .toml (the built-in sample is `sample`)",
		"schema":      obj{"type": "string", "pattern": app.NameRE.String()}}
	pScenarioName = obj{"name": "name", "in": "path", "required": true, "description": "scenario name",
		"schema": obj{"type": "string", "pattern": app.NameRE.String()}}
	pSets = obj{"name": "set", "in": "query", "style": "form", "explode": true,
		"description": "what-if overrides, repeatable: `set.<path>=<value>` with a rules §4 path, e.g. " +
			"`set.plan.capacity=2600000000&set.factor.workload.weight=0.5`. Applied in the order written.",
		"schema": obj{"type": "object", "additionalProperties": obj{"type": "string"},
			"propertyNames": obj{"pattern": `^set\..+$`}}}
	pScenario = obj{"name": "scenario", "in": "query", "description": "apply a saved (or built-in) scenario of the plan first: its file name, " +
		"or its `[scenario] name` such as `财力总额减少 5%` (docs/names.md); a name two scenarios share is 400",
		"schema": obj{"type": "string", "minLength": 1, "maxLength": app.MaxScenarioRef}}
	pBOM = obj{"name": "bom", "in": "query", "description": "`0` leaves out the UTF-8 byte-order mark (default 1: Excel needs it)",
		"schema": obj{"type": "string", "enum": []string{"0", "1", "false", "true"}}}
	pHeader = obj{"name": "header", "in": "query", "description": "`zh` heads the CSV's columns with their Chinese names (编码, 街道, 人员经费, …); default `id`, the ids scripts and Power Query use",
		"schema": obj{"type": "string", "enum": []string{"id", "zh"}}}
	pEncoding = obj{"name": "encoding", "in": "query", "description": "`gb18030` writes the CSV in GB18030 without a BOM, for older Excel and WPS (default utf-8)",
		"schema": obj{"type": "string", "enum": []string{"utf-8", "utf8", "gb18030", "gbk"}}}
	pUnit = obj{"name": "unit", "in": "query", "description": "`万元` (or `wan`) shows the CSV's amounts in 万元 with two decimals, rows rounded by the largest-remainder method (尾差) so that they add up to the rounded totals, with a note in a title row; default `元`, the amounts as computed (JSON stays in 元)",
		"schema": obj{"type": "string", "enum": []string{"元", "万元", "yuan", "wan"}}}
	pINM = obj{"name": "If-None-Match", "in": "header", "description": "an ETag from an earlier answer: 304 when unchanged",
		"schema": obj{"type": "string"}}
	pKind = obj{"name": "kind", "in": "path", "required": true,
		"description": "components: stacked components per sub-district (万元); compare: change of each total, base → what-if; " +
			"composition: the capacity by stage and reserve (donut); per_capita: total per unit of a quantity; " +
			"tornado: the levers of a sensitivity sweep ranked by the change of the totals at ±`step` (of one sub-district with `subdistrict`); " +
			"lorenz: Lorenz curves of amounts per person before the block grant, after it and after damping, with CV, Gini, Theil and max/min",
		"schema": obj{"type": "string", "enum": chartKinds()}}
	pPer = obj{"name": "per", "in": "query",
		"description": "per_capita and lorenz only: the quantity of [subdistrict.quantities] (or `staff.<id>`), or its [quantity_labels] name, to divide each total by; " +
			"default [plan] population when the plan names one, else for per_capita resident_population, else population, and for lorenz resident_population. " +
			"Present in every sub-district and nowhere zero, or 400.",
		"schema": obj{"type": "string", "minLength": 1}}
	pPaths = obj{"name": "path", "in": "query", "style": "form", "explode": true,
		"description": "the what-if form's free rows: rules §4 paths, paired by position with `value` (a `set.` prefix is dropped)",
		"schema":      obj{"type": "array", "items": obj{"type": "string"}}}
	pValues = obj{"name": "value", "in": "query", "style": "form", "explode": true,
		"description": "the values of the free rows, paired by position with `path`; an empty pair is ignored",
		"schema":      obj{"type": "array", "items": obj{"type": "string"}}}
	pSubdistrict = obj{"name": "id", "in": "path", "required": true, "description": "sub-district id or name, such as `desheng` or `德胜街道` (percent-encoded)", "schema": obj{"type": "string"}}
)

// chartKinds are the names of the chart kinds, in order.
func chartKinds() []string {
	var out []string
	for _, k := range chart.Kinds() {
		out = append(out, k.String())
	}
	return append(out, chart.KindTornado.String())
}

// chartDesc describes the chart routes.
const chartDesc = "Drawn with the same `set.`/`scenario=` overrides as allocations, with Chinese labels (an embedded CJK font). " +
	"`compare` draws the what-if against the plan as written; without overrides it draws this year's damping measure " +
	"against last year's baseline ([damping] baseline), and is 400 when the plan has none " +
	"(a chart of zeros would only look like an answer); a base the rules reject cannot be compared with (422). " +
	"An unknown kind or format is 404; `per` on any kind but per_capita and lorenz, or a quantity it cannot divide by, is 400; " +
	"a plan or what-if the rules reject is 422. Strong ETag; If-None-Match gives 304."

// pageParams are the query parameters of the plan and statement pages.
func pageParams(extra ...obj) []obj {
	sets := merge(pSets, obj{"description": "what-if overrides, as for the API; an empty value is no override (an empty form field)"})
	return append(append([]obj{pPlan}, extra...), sets, pScenario, pPaths, pValues, pPageUnit, pINM)
}

func content(mime string, schema obj) obj { return obj{mime: obj{"schema": schema}} }

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

var textSchema = obj{"type": "string"}

func resp(desc string, c obj) obj {
	r := obj{"description": desc}
	if c != nil {
		r["content"] = c
	}
	return r
}

func withETag(r obj) obj {
	r["headers"] = obj{"ETag": obj{"description": "strong validator over the version, plan bytes, scenario and overrides",
		"schema": obj{"type": "string"}}}
	return r
}

// whatIf are the parameters of every result route.
func whatIf(extra ...obj) []obj {
	return append([]obj{pPlan, pSets, pScenario, pINM}, extra...)
}

// operations lists every route of the API. routes() registers the same
// ones; TestOpenAPIMatchesRoutes holds the two in step.
func operations() []operation {
	return slices.Concat(resultOperations(), dataOperations(), analysisOperations(), recordOperations(), objectionOperations(), yearOperations(), codeOperations(), downloadOperations(), exportOperations(), executionOperations())
}

// resultOperations are the routes of plans, results, scenarios and pages.
func resultOperations() []operation {
	csv := content("text/csv", textSchema)
	return []operation{
		{method: "GET", path: "/healthz", id: "healthz", summary: "liveness", ok: map[string]obj{"200": resp("alive", content("application/json", obj{"type": "object"}))}},
		{method: "GET", path: "/openapi.json", id: "openapi", summary: "this document", ok: map[string]obj{"200": resp("OpenAPI 3 document", content("application/json", obj{"type": "object"}))}},
		{method: "GET", path: "/api/v1/plans", id: "listPlans", summary: "the plans: id, name, fiscal year, status (ok, rejected, or error with the problems of a file that fails to load)",
			ok: map[string]obj{"200": resp("plans", content("application/json", ref("PlanList")))}},
		{method: "POST", path: "/api/v1/calculate", id: "calculate", summary: "evaluate a self-contained plan sent as TOML",
			params: []obj{{"name": "format", "in": "query", "schema": obj{"type": "string", "enum": []string{"json", "csv"}}}, pBOM, pEncoding, pHeader},
			body:   obj{"required": true, "description": "a plan file (at most 1 MiB; no standards file)", "content": content("application/toml", textSchema)},
			ok:     map[string]obj{"200": resp("the result", merge(content("application/json", ref("Allocations")), csv))},
			errors: []int{400, 413, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/allocations.json", id: "allocationsJSON", summary: "the result as JSON (rules §5)",
			params: whatIf(), ok: map[string]obj{"200": withETag(resp("the result", content("application/json", ref("Allocations"))))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/allocations.csv", id: "allocationsCSV", summary: "the result as CSV: UTF-8 with BOM, CRLF, header, totals row",
			params: whatIf(pBOM, pEncoding, pHeader, pUnit), ok: map[string]obj{"200": withETag(resp("the result", csv))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/allocations.xml", id: "allocationsXML", summary: "the result as flat XML for Excel FILTERXML",
			params: whatIf(), ok: map[string]obj{"200": withETag(resp("the result", content("application/xml", textSchema)))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/allocations.xlsx", id: "allocationsXLSX",
			summary: "the result as an Excel workbook: sheets 分配结果 (with a totals row), 测算明细 (every line) and 参数",
			params:  whatIf(), ok: map[string]obj{"200": withETag(resp("the workbook, as an attachment <plan>.xlsx", content(typeXLSX, obj{"type": "string", "format": "binary"})))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/allocations-check.xlsx", id: "allocationsCheckXLSX",
			summary: "the 复核 workbook: the plan's inputs on one sheet and every stage as live Excel formulas beside caili's exact figures, with check columns (docs/check-workbook.md)",
			params:  whatIf(), ok: map[string]obj{"200": withETag(resp("the workbook, as an attachment <plan>-check.xlsx", content(typeXLSX, obj{"type": "string", "format": "binary"})))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/charts/{kind}.png", id: "chartPNG", summary: "a chart of the result as PNG", desc: chartDesc,
			params: whatIf(pKind, pPer, pChartStep, pChartSub), ok: map[string]obj{"200": withETag(resp("the chart", content("image/png", obj{"type": "string", "format": "binary"})))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/charts/{kind}.svg", id: "chartSVG", summary: "a chart of the result as SVG", desc: chartDesc,
			params: whatIf(pKind, pPer, pChartStep, pChartSub), ok: map[string]obj{"200": withETag(resp("the chart", content("image/svg+xml", textSchema)))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/charts/{kind}.csv", id: "chartCSV",
			summary: "the numbers a chart draws, as CSV (docs/audit.md)", desc: chartDesc + " The CSV takes the same parameters as the chart, and `bom`.",
			params: whatIf(pKind, pPer, pBOM), ok: map[string]obj{"200": withETag(resp("the chart's numbers, as an attachment <plan>-<kind>.csv", content("text/csv", textSchema)))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/subdistricts/{id}.json", id: "subdistrict", summary: "one sub-district with its lines and factor score breakdown",
			params: whatIf(obj{"name": "id", "in": "path", "required": true, "description": "sub-district id or name (docs/names.md)", "schema": textSchema}),
			ok:     map[string]obj{"200": withETag(resp("the sub-district", content("application/json", obj{"type": "object"})))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/cell/{subdistrict}/{column}", id: "cell",
			summary: "one figure as a bare number for =WEBSERVICE(); share is total / Σ totals with six decimals",
			params: whatIf(obj{"name": "subdistrict", "in": "path", "required": true, "description": "sub-district id or name (docs/names.md)", "schema": textSchema},
				obj{"name": "column", "in": "path", "required": true, "schema": obj{"type": "string", "enum": cellColumns}}),
			ok: map[string]obj{"200": withETag(resp("the number", content("text/plain", textSchema)))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/compare.json", id: "compareJSON", summary: "base against scenario=/set. overrides, per sub-district and component",
			params: whatIf(pAttribute, pBy), ok: map[string]obj{"200": withETag(resp("the comparison", content("application/json", obj{"type": "object"})))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/compare.csv", id: "compareCSV", summary: "the comparison as CSV",
			params: whatIf(pBOM, pEncoding, pHeader, pAttribute, pBy, pUnit), ok: map[string]obj{"200": withETag(resp("the comparison", csv))}, errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/scenarios", id: "listScenarios", summary: "the plan's saved and built-in scenarios",
			params: []obj{pPlan}, ok: map[string]obj{"200": resp("scenarios", content("application/json", obj{"type": "object"}))}, errors: []int{404}},
		{method: "GET", path: "/api/v1/plans/{plan}/scenarios/{name}", id: "getScenario", summary: "a scenario file (rules §4 TOML)",
			params: []obj{pPlan, pScenarioName, pINM}, ok: map[string]obj{"200": withETag(resp("the scenario file", content("application/toml", textSchema)))}, errors: []int{400, 404}},
		{method: "PUT", path: "/api/v1/plans/{plan}/scenarios/{name}", id: "putScenario", summary: "save a scenario file (checked against the plan first)", write: true,
			params: []obj{pPlan, pScenarioName},
			body:   obj{"required": true, "description": "a scenario file, at most 1 MiB", "content": content("application/toml", textSchema)},
			ok: map[string]obj{"200": resp("replaced", content("application/json", ref("Scenario"))),
				"201": resp("created", content("application/json", ref("Scenario")))},
			errors: []int{400, 401, 403, 404, 409, 413, 422}},
		{method: "DELETE", path: "/api/v1/plans/{plan}/scenarios/{name}", id: "deleteScenario", summary: "delete a saved scenario", write: true,
			params: []obj{pPlan, pScenarioName}, ok: map[string]obj{"204": resp("deleted", nil)}, errors: []int{400, 401, 403, 404, 409}},
		{method: "GET", path: "/", id: "indexPage", summary: "dashboard: the plans, each with its status (or why it does not load)", page: true,
			ok: map[string]obj{"200": resp("HTML page", content("text/html", textSchema))}},
		{method: "GET", path: "/plans/{plan}", id: "planPage", page: true,
			summary: "dashboard: a plan's summary, allocation table, charts, downloads and what-if form",
			desc: "With a what-if in the query the page shows its figures and their change against the base. A what-if that fails " +
				"is shown on the page with its problems and the form: 400 for bad overrides, 404 for an unknown scenario, 422 when the " +
				"rules reject it. A plan that never loaded, or whose base the rules reject, is a 422 error page.",
			params: pageParams(), ok: map[string]obj{"200": withETag(resp("HTML page", content("text/html", textSchema)))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/plans/{plan}/subdistricts/{id}", id: "statementPage", page: true,
			summary: "dashboard: a sub-district's printable statement (测算说明书): every line with its formula, the factor score, the change against the baseline",
			params:  pageParams(pSubdistrict), ok: map[string]obj{"200": withETag(resp("HTML page", content("text/html", textSchema)))},
			errors: []int{400, 404, 422}},
	}
}

// dataOperations are the routes of sub-district data workbooks.
func dataOperations() []operation {
	binary := obj{"type": "string", "format": "binary"}
	return []operation{
		{method: "GET", path: "/api/v1/plans/{plan}/template.xlsx", id: "templateXLSX",
			summary: "the data-collection workbook of the plan (街道数据, 人员, 说明), pre-filled with its current data",
			params:  []obj{pPlan, pINM}, ok: map[string]obj{"200": withETag(resp("the workbook, as an attachment <plan>-subdistricts.xlsx", content(typeXLSX, binary)))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/template.csv", id: "templateCSV", summary: "the same in its CSV shape (one header row of column ids)",
			params: []obj{pPlan, pINM}, ok: map[string]obj{"200": withETag(resp("the CSV", content("text/csv", textSchema)))}, errors: []int{400, 404, 422}},
		{method: "POST", path: "/api/v1/plans/{plan}/data", id: "previewData", write: true,
			summary: "dry run of a filled data workbook or CSV: its problems by cell, or the changes and the result it would give (nothing is saved)",
			params: []obj{pPlan, {"name": "merge", "in": "query", "schema": obj{"type": "string", "enum": []string{"0", "1"}},
				"description": "1: one 街道's returned copy, only the cells present change"}},
			body: obj{"required": true, "description": "an .xlsx workbook or a CSV, at most 16 MiB",
				"content": merge(content(typeXLSX, binary), content("text/csv", textSchema))},
			ok:     map[string]obj{"200": resp("the changes and the result", content("application/json", obj{"type": "object"}))},
			errors: []int{400, 401, 403, 404, 413, 422}},
	}
}

func merge(a, b obj) obj {
	out := obj{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

// errorText says what each error status means in this API.
var errorText = map[int]string{
	400: "bad query, override or scenario",
	401: "missing, wrong or revoked bearer token",
	403: "writes are disabled (no CAILI_TOKEN and no stored token on the server), the token's role may not do this, or four eyes: the approver or publisher is whoever saved the version",
	404: "unknown plan, sub-district, column, scenario, chart kind or format",
	409: "built-in scenarios are read-only; a version not in the state the action needs (approve a draft, publish an approved version); a publication that would differ from the approved result (approve again); a version older than the current publication without `supersedes`; an Idempotency-Key whose first request has not finished",
	413: "body over 1 MiB",
	422: "the plan is rejected by the rules or does not load; an Idempotency-Key given before with another request",
	503: "the write could not finish within its deadline and was rolled back: nothing was written; retry (with the same Idempotency-Key)",
}

// pIdempotency is the header every POST accepts: a retry with the same
// key gets the first answer back (Idempotent-Replayed: true) instead of
// doing the write twice.
var pIdempotency = obj{"name": "Idempotency-Key", "in": "header", "required": false,
	"description": "a key of the client's choosing (per token, kept 24 h): a retry with the same key and request returns the first answer instead of writing twice",
	"schema":      obj{"type": "string", "maxLength": 200}}

// errorLangText says how the language of an error's messages is chosen.
const errorLangText = "错误信息默认为中文;请求头 Accept-Language 优先英文(如 en、en-US)时为英文。Messages (error, problems[].message) are in Chinese by default, in English when the request's Accept-Language prefers English; code and problems[].code are the same in every language: compare those, not the messages."

// openAPIJSON renders the OpenAPI 3 document.
func openAPIJSON(version string) ([]byte, error) {
	paths := obj{}
	for _, op := range operations() {
		responses := obj{}
		for code, r := range op.ok {
			responses[code] = r
		}
		for _, code := range op.errors {
			if op.page {
				responses[strconv.Itoa(code)] = resp(errorText[code]+" (an HTML error page listing the problems)", content("text/html", textSchema))
			} else {
				r := resp(errorText[code], content("application/json", ref("Error")))
				r["headers"] = obj{"Content-Language": obj{"description": "zh or en: the language of the messages (Accept-Language)", "schema": obj{"type": "string"}}}
				responses[strconv.Itoa(code)] = r
			}
		}
		if _, ok := op.ok["200"]["headers"]; ok {
			responses["304"] = resp("not modified (If-None-Match matched the ETag)", nil)
		}
		o := obj{"operationId": op.id, "summary": op.summary, "responses": responses}
		if op.desc != "" {
			o["description"] = op.desc
		}
		if len(op.params) > 0 {
			o["parameters"] = op.params
		}
		if op.body != nil {
			o["requestBody"] = op.body
		}
		if op.method == "POST" {
			o["parameters"] = append(op.params[:len(op.params):len(op.params)], pIdempotency)
		}
		if op.write {
			o["security"] = []obj{{"bearer": []string{}}}
		}
		item, _ := paths[op.path].(obj)
		if item == nil {
			item = obj{}
			paths[op.path] = item
		}
		item[strings.ToLower(op.method)] = o
	}
	doc := obj{
		"openapi": "3.0.3",
		"info": obj{"title": "caili — 街道财力测算 API", "version": version,
			"description": "Sub-district disposable-funds allocation (docs/rules.md), for spreadsheets and scripts. Amounts are decimal strings in 元."},
		"paths": paths,
		"components": obj{
			"securitySchemes": obj{
				"bearer": obj{"type": "http", "scheme": "bearer", "description": "the server's CAILI_TOKEN (admin) or a stored token (caili token create): planner, approver, subdistrict or reader"},
				"query": obj{"type": "apiKey", "in": "query", "name": "token",
					"description": "for spreadsheets that cannot send headers (Excel WEBSERVICE): a reader or subdistrict token on GET of result routes only; never logged"},
			},
			"schemas": schemas(),
		},
	}
	var buf bytes.Buffer
	err := report.EncodeJSON(&buf, doc)
	return buf.Bytes(), err
}

func schemas() obj {
	str := obj{"type": "string"}
	problem := obj{"type": "object", "properties": obj{"file": str, "line": obj{"type": "integer"}, "path": str, "code": str, "message": str}}
	return obj{
		"Problem": problem,
		"Error": obj{"type": "object", "required": []string{"error", "message", "code", "problems"}, "description": errorLangText, "properties": obj{
			"error": str, "message": str, "code": str, "problems": obj{"type": "array", "items": ref("Problem")},
			"rejection": obj{"type": "object", "properties": obj{"kind": str, "gap": str, "detail": str}}}},
		"PlanList": obj{"type": "object", "properties": obj{"plans": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
			"id": str, "name": str, "fiscal_year": obj{"type": "integer"}, "status": obj{"type": "string", "enum": []string{"ok", "rejected", "error"}},
			"error": str, "serving_last_good": obj{"type": "boolean"}, "files": obj{"type": "array", "items": str},
			"loaded_at": obj{"type": "string", "format": "date-time"}, "problems": obj{"type": "array", "items": ref("Problem")}}}}}},
		"Allocations": obj{"type": "object", "description": "rules §5: amounts are decimal strings", "properties": obj{
			"plan": str, "fiscal_year": obj{"type": "integer"}, "rounding_unit": str, "capacity": str, "reserve": str,
			"performance_reserve": str, "damping_reserve": str, "subdistricts": obj{"type": "array", "items": obj{"type": "object"}},
			// SPEC §6, each present when the plan has the feature.
			"district_pool": str, "district_managed": str, "transfers": str}},
		"Scenario": obj{"type": "object", "properties": obj{"plan": str, "name": str, "title": str, "description": str,
			"builtin": obj{"type": "boolean"}, "modified": obj{"type": "string", "format": "date-time"}, "overrides": obj{"type": "integer"},
			"status": str, "problems": obj{"type": "array", "items": ref("Problem")}, "url": str}},
	}
}
