package msg

// Words of scenarios side by side (caili compare --scenario A --scenario
// B, issue 24 §6), of the downloads of the notices and the 人大 table
// (issue 24 §4–5), and of the dashboard's 万元 switch (issue 24 §3).
var (
	// RepScenariosTitle follows the plan's name over scenarios side by side.
	RepScenariosTitle = def("RepScenariosTitle", "多方案对比（单位: 元）", "scenarios side by side (in yuan)")
	// RepScenariosTitleWan is RepScenariosTitle in 万元.
	RepScenariosTitleWan = def("RepScenariosTitleWan", "多方案对比（单位: 万元）", "scenarios side by side (in 10,000 yuan)")
	// RepScenarioColTotal, RepScenarioColChange and RepScenarioColPct head
	// a scenario's column group (%s: the scenario): its total, its change
	// against the base, the change in per cent.
	RepScenarioColTotal  = def("RepScenarioColTotal", "%s 合计", "%s total")
	RepScenarioColChange = def("RepScenarioColChange", "%s 变化", "%s change")
	RepScenarioColPct    = def("RepScenarioColPct", "%s 变化%%", "%s change (%%)")
	// RepScenarioN stands for a scenario in a terminal table's headings
	// (%d: its place), RepScenarioIs says which it is under the table
	// (%d: its place, %s: its name).
	RepScenarioN  = def("RepScenarioN", "方案%d", "scenario %d")
	RepScenarioIs = def("RepScenarioIs", "方案%d: %s", "scenario %d: %s")
	// RepScenariosUnit is the unit line over the workbook's table (%s: 元
	// or 万元).
	RepScenariosUnit = def("RepScenariosUnit", "单位: %s", "in %s")
	// RepScenariosSheet is the workbook's sheet of scenarios side by side.
	RepScenariosSheet = def("RepScenariosSheet", "多方案对比", "scenarios")
	// FlagScenarios describes compare's --scenario, which may be repeated.
	FlagScenarios = def("FlagScenarios", "情景文件:一组调整（规则 §4）,或内置情景的名称;可重复,多个情景并列对比", "scenario file of overrides (rules §4), or a built-in scenario's name; repeat it to set several scenarios side by side")
	// CmdScenariosAlone refuses --attribute or --against with several
	// scenarios.
	CmdScenariosAlone = def("CmdScenariosAlone", "多个 --scenario 并列对比时不能同时使用 --attribute 或 --against", "several --scenario side by side cannot go with --attribute or --against")
	// CmdScenariosNeedsOut asks for --out with --format xlsx.
	CmdScenariosNeedsOut = def("CmdScenariosNeedsOut", "--format xlsx 需要 --out 指定文件", "--format xlsx needs --out FILE")
	// CmdScenariosTooMany refuses more scenarios than compare sets side
	// by side (%d: the most).
	CmdScenariosTooMany = def("CmdScenariosTooMany", "最多并列对比 %d 个情景", "at most %d scenarios side by side")
	// ServerScenariosNeeded asks compare-scenarios for at least one
	// scenario (%d: the most).
	ServerScenariosNeeded = def("ServerScenariosNeeded", "请用 scenario=名称 给出 1 至 %d 个情景（可重复）", "name 1 to %d scenarios as scenario=NAME (repeated)")
)

// Words of the notices' and the 人大 table's downloads (issue 24 §4–5).
var (
	// ServerNoticeDate is a date= not of the form YYYY-MM-DD.
	ServerNoticeDate = def("ServerNoticeDate", "date 应为 YYYY-MM-DD, 而不是 %q", "date must be YYYY-MM-DD, not %q")
	// ServerParamTooLong is a parameter longer than it may be (%s: the
	// parameter, %d: the most characters).
	ServerParamTooLong = def("ServerParamTooLong", "参数 %s 最多 %d 个字符", "parameter %s takes at most %d characters")
)

// Words of the dashboard's downloads of those documents, and of its 万元
// switch.
var (
	// DashNoticesPDF and DashRendaXLSX label the plan page's downloads of
	// the notices and the 人大 table.
	DashNoticesPDF = def("DashNoticesPDF", "财力测算通知书（PDF, 各街道）", "notices to the sub-districts (PDF)")
	DashRendaXLSX  = def("DashRendaXLSX", "人大街道财力安排表（xlsx, 万元）", "the 人大 table (xlsx, 10,000 yuan)")
	// DashExportXLSX labels the download of the export for the budget
	// system (预算管理一体化), in the default profile.
	DashExportXLSX = def("DashExportXLSX", "预算管理一体化导入表（xlsx, 每街道每行）", "the budget system's import (xlsx, a row per sub-district and line)")
)

// Words of the dashboard's 万元 switch (issue 24 §3).
var (
	// DashUnitSwitch labels the switch between 元 and 万元.
	DashUnitSwitch = def("DashUnitSwitch", "金额单位", "unit")
)

// Words of the dashboard's page of scenarios side by side.
var (
	// DashScenariosPage labels the plan page's link to the page of
	// scenarios side by side, and crumbs it.
	DashScenariosPage = def("DashScenariosPage", "多个情景并列对比", "scenarios side by side")
	// DashScenariosCSV, DashScenariosXLSXOne and DashScenariosJSON label
	// that page's downloads.
	DashScenariosCSV     = def("DashScenariosCSV", "并列对比 CSV", "side by side, CSV")
	DashScenariosXLSXOne = def("DashScenariosXLSXOne", "并列对比 xlsx", "side by side, xlsx")
	DashScenariosJSON    = def("DashScenariosJSON", "并列对比 JSON", "side by side, JSON")
)

// The workbook that pulls figures live with WEBSERVICE
// (internal/report/xlsx/webservice.go, docs/api.md).
var (
	// WebServiceSheet names its sheet.
	WebServiceSheet = def("WebServiceSheet", "实时取数", "live figures")
	// WebServiceNote is the note under its table: the server it asks.
	WebServiceNote = def("WebServiceNote", "以上各格用 WEBSERVICE 向 %s 实时取数;LibreOffice 须先允许更新链接（工具 → 选项 → LibreOffice Calc → 常规 → 更新链接）,见 docs/api.md",
		"each cell above asks %s with WEBSERVICE; LibreOffice asks only once links may be updated (Tools → Options → LibreOffice Calc → General), see docs/api.md")
	// DashWebServiceXLSX labels the plan page's download of it.
	DashWebServiceXLSX = def("DashWebServiceXLSX", "实时取数工作簿 (xlsx, WEBSERVICE)", "a workbook that pulls the figures live (xlsx, WEBSERVICE)")
)
