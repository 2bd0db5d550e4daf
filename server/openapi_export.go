package server

import (
	"strings"

	"github.com/caili/caili/standards"
)

// exportOperations are the routes of export.go: the 预算管理一体化 export
// (issue 24 §2, docs/classification.md).
func exportOperations() []operation {
	binary := obj{"type": "string", "format": "binary"}
	pProfile := obj{"name": "profile", "in": "query", "schema": obj{"type": "string", "enum": standards.ProfileNames()},
		"description": "the export profile (column headers, order, fields and the amount's number format): a built-in one, default `yitihua` " +
			"(configs/export/yitihua.toml); a profile file of one's own is for `caili export --profile F.toml`"}
	desc := "One row per sub-district (街道) × line: personnel, public costs, projects, the incentive, the block grant (因素分配), damping, " +
		"the transfers (专项转移支付) and the district-managed lines (区级统管, under their department as 预算单位); each with its project class " +
		"(" + strings.Join([]string{"人员类", "运转类", "特定目标类"}, " / ") + "), 功能分类 to the 项, 部门 and 政府经济分类 with the 科目 names, " +
		"资金性质 and 指标文号. Amounts in 元; a sub-district's rows but the district-managed ones add up to its total, to the unit."
	return []operation{
		{method: "GET", path: "/api/v1/plans/{plan}/export.csv", id: "exportCSV", summary: "the 预算管理一体化 export as CSV, as `caili export --out F.csv` writes it",
			desc: desc, params: whatIf(pProfile, pBOM, pEncoding),
			ok:     map[string]obj{"200": withETag(resp("the CSV, as an attachment <plan>-<profile>.csv", content("text/csv", textSchema)))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/export.xlsx", id: "exportXLSX", summary: "the 预算管理一体化 export as an Excel workbook, as `caili export --out F.xlsx` writes it",
			desc: desc, params: whatIf(pProfile),
			ok:     map[string]obj{"200": withETag(resp("the workbook, as an attachment <plan>-<profile>.xlsx", content(typeXLSX, binary)))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/webservice.xlsx", id: "webServiceXLSX",
			summary: "a workbook whose cells pull the plan's figures live from this server with WEBSERVICE (written _xlfn.WEBSERVICE, so that LibreOffice shows no #NAME?): a row per sub-district, a column per component and the total",
			params:  []obj{pPlan},
			ok:      map[string]obj{"200": withETag(resp("the workbook, as an attachment <plan>-webservice.xlsx", content(typeXLSX, binary)))},
			errors:  []int{400, 404, 422}},
	}
}
