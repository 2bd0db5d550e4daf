package msg

// Words of the dashboard's pages (server/dashboard): titles, breadcrumbs,
// links, the plan's summary and tiers. The pages are Chinese
// (DashX.In(Zh)); where a page shows a label in both languages, the
// English format is its English.
var (
	// DashYuan: the unit of amounts (%s: the rounding unit).
	DashYuan = def("DashYuan", "%s 元", "%s yuan")
	// DashTotal names the row of totals.
	DashTotal = def("DashTotal", "合计", "total")
	// DashPlans: the home page and the first breadcrumb.
	DashPlans = def("DashPlans", "方案列表", "plans")
	// DashStatementTitle and DashSolveTitle title a page (%s: the
	// sub-district or the plan); DashSolve is the solve page's crumb.
	DashStatementTitle = def("DashStatementTitle", "%s 测算说明书", "%s statement")
	DashSolveTitle     = def("DashSolveTitle", "%s 目标求解", "%s goal-seek")
	DashSolve          = def("DashSolve", "目标求解", "goal-seek")
	// DashError: the error page's crumb; DashBadRequest and the rest say
	// the common statuses.
	DashError               = def("DashError", "出错了", "error")
	DashBadRequest          = def("DashBadRequest", "请求有误", "bad request")
	DashNotFound            = def("DashNotFound", "未找到", "not found")
	DashUnprocessable       = def("DashUnprocessable", "方案无法测算", "the plan cannot be computed")
	DashInternalServerError = def("DashInternalServerError", "服务器内部错误", "internal server error")

	// DashChartComponents and the rest: the charts linked from a page.
	DashChartComponents  = def("DashChartComponents", "各街道财力构成（万元）", "components of each sub-district (10k yuan)")
	DashChartComposition = def("DashChartComposition", "全区财力去向", "where the district's capacity goes")
	DashChartPerCapita   = def("DashChartPerCapita", "人均财力", "capacity per head")
	DashChartCompare     = def("DashChartCompare", "调整前后变化（万元）", "change from the plan (10k yuan)")
	DashChartLorenz      = def("DashChartLorenz", "洛伦兹曲线", "Lorenz curve")
	// DashAllocationsCSV and the rest: the downloads of a page.
	DashAllocationsCSV  = def("DashAllocationsCSV", "分配结果 CSV", "allocations CSV")
	DashAllocationsXLSX = def("DashAllocationsXLSX", "Excel 工作簿 XLSX", "Excel workbook XLSX")
	DashCheckXLSX       = def("DashCheckXLSX", "复核工作簿（公式）XLSX", "check workbook (formulas) XLSX")
	DashTemplateXLSX    = def("DashTemplateXLSX", "街道数据采集表 XLSX", "sub-district data template XLSX")
	DashCompareCSV      = def("DashCompareCSV", "方案对比 CSV", "comparison CSV")
	DashAttributionCSV  = def("DashAttributionCSV", "变化归因 CSV", "attribution CSV")
	DashSubdistrictJSON = def("DashSubdistrictJSON", "本街道 JSON", "this sub-district JSON")
	DashSensitivityCSV  = def("DashSensitivityCSV", "敏感性分析 CSV (±10%)", "sensitivity CSV (±10%)")
	DashSensitivityJSON = def("DashSensitivityJSON", "敏感性分析 JSON", "sensitivity JSON")
	DashSolveJSON       = def("DashSolveJSON", "本次求解 JSON", "this goal-seek JSON")

	// DashVersions and the rest: the record pages.
	DashVersions   = def("DashVersions", "版本", "versions")
	DashObjections = def("DashObjections", "异议", "objections")
	DashAudit      = def("DashAudit", "审计日志", "audit log")
)
