package msg

// Messages of execution monitoring (双监控), next year's plan and their
// commands (docs/year-data.md).
var (
	// ExecMappingTooBig: the mapping file is too large.
	ExecMappingTooBig = def("ExecMappingTooBig", "列对应文件超过 %d 字节", "the column mapping is larger than %d bytes")
	// ExecMappingSyntax: the mapping is not TOML.
	ExecMappingSyntax = def("ExecMappingSyntax", "列对应文件不是有效的 TOML:%s", "the column mapping is not valid TOML: %s")
	// ExecMappingUnknown: an unknown key.
	ExecMappingUnknown = def("ExecMappingUnknown", "未知的键 %s:[columns] 下只能有 subdistrict、project、budget、spent、month、spent_is",
		"unknown key %s: [columns] holds subdistrict, project, budget, spent, month and spent_is")
	// ExecMappingSpentIs: spent_is is neither cumulative nor monthly.
	ExecMappingSpentIs = def("ExecMappingSpentIs", "spent_is 须是 \"cumulative\"(累计支出)或 \"monthly\"(当月支出)",
		"spent_is must be \"cumulative\" or \"monthly\"")
	// ExecMappingHeader: a field's header is not a text or a list of texts.
	ExecMappingHeader = def("ExecMappingHeader", "须是列标题文字或文字列表,如 \"预算数\" 或 [\"预算数\", \"调整后预算数\"]",
		"must be a column header or a list of them, such as \"预算数\" or [\"预算数\", \"调整后预算数\"]")
	// ExecNoHeader: no row holds every header; the missing ones, then the mapping file's name.
	ExecNoHeader = def("ExecNoHeader", "前 30 行中没有同时含有各列标题的一行,缺少:%s(列标题不同时,在方案文件夹的 %s 中写明对应关系)",
		"no row among the first 30 holds every header; missing: %s (name other headers in %s in the plan's folder)")
	// ExecNoRows: a file without data rows.
	ExecNoRows = def("ExecNoRows", "文件中没有执行数据行", "the file holds no execution rows")
	// ExecTooManyRows: more rows than an import takes.
	ExecTooManyRows = def("ExecTooManyRows", "一次最多导入 %d 行", "an import takes at most %d rows")
	// ExecMoreProblems: problems not listed.
	ExecMoreProblems = def("ExecMoreProblems", "另有 %d 个问题未列出", "%d more problems not listed")
	// ExecBlank: a required cell is blank (its column).
	ExecBlank = def("ExecBlank", "%s 为空", "%s is blank")
	// ExecItemTooLong: a project name too long.
	ExecItemTooLong = def("ExecItemTooLong", "项目名称超过 %d 个字", "the project name is longer than %d characters")
	// ExecUnknownSubdistrict: a 街道 the plan does not have.
	ExecUnknownSubdistrict = def("ExecUnknownSubdistrict", "方案中没有街道 %q(可写街道编码、名称或预算单位编码)",
		"the plan has no sub-district %q (write its id, name or budget-unit code)")
	// ExecOtherYear: a month of another year.
	ExecOtherYear = def("ExecOtherYear", "%s 不在方案年度 %d 年内", "%s is not in the plan's fiscal year %d")
	// ExecBadMonth: not a month.
	ExecBadMonth = def("ExecBadMonth", "%q 不是月份:写 1–12、9月、2025-09 或 202509", "%q is not a month: write 1–12, 9月, 2025-09 or 202509")
	// ExecBadAmount: not an amount.
	ExecBadAmount = def("ExecBadAmount", "%q 不是金额(元)", "%q is not an amount in 元")
	// ExecNegative: a negative amount.
	ExecNegative = def("ExecNegative", "金额 %s 为负数", "the amount %s is negative")
	// ExecTooLarge: an amount beyond a trillion.
	ExecTooLarge = def("ExecTooLarge", "金额 %s 过大", "the amount %s is too large")
	// ExecRowTwice: the same 街道, project and month twice (the first row).
	ExecRowTwice = def("ExecRowTwice", "同一街道、项目、月份已在第 %d 行出现", "the same sub-district, project and month is already in row %d")
)

// Messages of [[execution_rule]] in a plan.
var (
	// ExecRuleMonth: a rule's month is not 1–12.
	ExecRuleMonth = def("ExecRuleMonth", "month 须是 1–12 的整数(几月末)", "month must be a whole number 1–12 (the end of which month)")
	// ExecRuleRate: a rule's rate is not in (0, 1].
	ExecRuleRate = def("ExecRuleRate", "min_rate 须大于 0、不超过 1,如 \"0.6\" 表示 60%", "min_rate must be above 0 and at most 1, such as \"0.6\" for 60%")
	// ExecRuleTwice: two rules of one month.
	ExecRuleTwice = def("ExecRuleTwice", "%d 月已有一条执行率规则", "there is already a rule for month %d")
	// ExecRuleNotInteger: month not an integer.
	ExecRuleNotInteger = def("ExecRuleNotInteger", "month 须是整数", "month must be a whole number")
)

// Messages of the application's execution and next-year actions.
var (
	// ExecMappingUnreadable: the mapping file cannot be read.
	ExecMappingUnreadable = def("ExecMappingUnreadable", "无法读取方案文件夹中的 %s", "cannot read %s in the plan's folder")
	// ExecMappingBad: the mapping file has problems.
	ExecMappingBad = def("ExecMappingBad", "列对应文件 %s 有问题", "the column mapping %s has problems")
	// ExecNotImported: the execution file has problems; nothing was imported.
	ExecNotImported = def("ExecNotImported", "执行数据 %s 有问题,未导入任何数据", "the execution file %s has problems; nothing was imported")
	// ExecStoredBad: a stored amount does not read.
	ExecStoredBad = def("ExecStoredBad", "读取已导入的执行数据", "reading the imported execution data")
)

// Messages of next year's plan (caili plan next).
var (
	// NextOutToml: --out must be a .toml file.
	NextOutToml = def("NextOutToml", "须用 --out 指定下年方案文件(.toml)", "name next year's plan file (.toml) with --out")
	// NextExists: the target exists.
	NextExists = def("NextExists", "%s 已存在:不会覆盖(确需覆盖请加 --force)", "%s exists: it is not overwritten (add --force to overwrite)")
	// NextSameFolder: the plan names other files, so next year's plan goes in its folder.
	NextSameFolder = def("NextSameFolder", "本方案引用了标准文件或数据文件(相对路径),下年方案须写在同一文件夹中",
		"the plan names other files by relative paths: write next year's plan in the same folder")
	// NextCannotWrite: a file cannot be written.
	NextCannotWrite = def("NextCannotWrite", "无法写入 %s", "cannot write %s")
	// NextInvalid: the written plan does not load; nothing written.
	NextInvalid = def("NextInvalid", "写出的 %d 年度方案未通过检查,未写入任何文件", "next year's plan (%d) does not pass its checks; nothing was written")
	// NextHead: the first comment line (the plan file, this year, next year).
	NextHead = def("NextHead", "由 caili plan next 依据 %s(%d 年度)生成的 %d 年度方案;以下为生成时的说明,可删除",
		"written by caili plan next from %s (%d) for %d; the notes below may be deleted")
	// NextBaseline: the baseline written.
	NextBaseline = def("NextBaseline", "保底封顶基数改为 %s(本年已发布结果)", "damping baseline set to %s (this year's publication)")
	// NextNoStore: no record, baseline unchanged.
	NextNoStore = def("NextNoStore", "没有记录库(--data),保底封顶基数未改:%d 年结果发布后,请改为 @published:%[1]d",
		"no record (--data): the damping baseline is unchanged; once %d is published, set it to @published:%[1]d")
	// NextNotPublished: this year not published, baseline unchanged.
	NextNotPublished = def("NextNotPublished", "%d 年度尚未发布,保底封顶基数未改:发布后请改为 @published:%[1]d",
		"%d is not published yet: the damping baseline is unchanged; once published, set it to @published:%[1]d")
	// NextNoExecution: no execution data.
	NextNoExecution = def("NextNoExecution", "没有 %d 年度执行数据,[subdistrict.execution] 未写入", "no execution data of %d: [subdistrict.execution] not written")
	// NextNoBands: no [project_execution], rates not written.
	NextNoBands = def("NextNoBands", "方案没有 [project_execution] 执行率压减档次,执行率未写入(写入会被拒绝)",
		"the plan has no [project_execution] bands: execution rates are not written (they would be refused)")
	// NextDataFile: sub-districts from a data file, rates not written.
	NextDataFile = def("NextDataFile", "街道数据来自 %s,执行率未写入方案文件,请在数据文件中填写", "the sub-districts come from %s: enter the execution rates there")
	// NextRates: rates written (count, year).
	NextRates = def("NextRates", "写入 %d 个街道项目的 %d 年执行率(截至 12 月末)", "%d execution rates of %d written (to the end of December)")
	// NextPartYear: rates written of a part of the year (count, year, last month).
	NextPartYear = def("NextPartYear", "写入 %d 个街道项目的 %d 年执行率,执行数据只到 %d 月末:全年数据导入后请重新生成",
		"%d execution rates of %d written, with data to the end of month %d only: write the plan again once the year is imported")
	// NextUnusedHead: lines unused two years (count).
	NextUnusedHead = def("NextUnusedHead", "连续两年未使用的资金 %d 项(可考虑收回统筹):", "%d line(s) unused two years running (to be taken back):")
	// NextUnusedLine: one line unused two years: 街道, item, this year's and last year's balances.
	NextUnusedLine = def("NextUnusedLine", "  %s · %s:本年结余 %s 元,上年结余 %s 元", "  %s · %s: balance %s 元 this year, %s 元 last year")
)

// NextRejected: next year's plan is valid but its calculation is rejected as it stands.
var NextRejected = def("NextRejected", "按现有财力规模测算不可行(%s):请按下年财力调整 capacity 等",
	"as it stands the calculation is rejected (%s): set next year's capacity and the like")

// Words of the execution report.
var (
	// ExecWarning: a warning: 街道, item, month, rate, the rule's rate.
	ExecWarning = def("ExecWarning", "%s %s:%d 月末执行率 %s,低于 %s", "%s %s: at the end of month %d execution is %s, below %s")
	// ExecCSVHead: the CSV's header, comma-separated.
	ExecCSVHead = def("ExecCSVHead", "街道编码,街道,项目,项目编码,月份,预算数,支出数,执行率",
		"subdistrict,name,item,project,month,budget,spent,rate")
	// ExecTotal: a 街道's total row.
	ExecTotal = def("ExecTotal", "合计", "total")
	// ExecColSubdistrict … ExecColSpent: the table's columns.
	ExecColSubdistrict = def("ExecColSubdistrict", "街道", "sub-district")
	// ExecColItem: the item column.
	ExecColItem = def("ExecColItem", "项目", "item")
	// ExecColMonth: a month's rate column.
	ExecColMonth = def("ExecColMonth", "%d月", "M%d")
	// ExecColBudget: the budget column.
	ExecColBudget = def("ExecColBudget", "预算数", "budget")
	// ExecColSpent: the spent column.
	ExecColSpent = def("ExecColSpent", "支出数", "spent")
	// ExecCounts: the year's counts: lines, as approved (n, share), adjusted (n, share), not executed.
	ExecCounts = def("ExecCounts", "共 %d 项:按批复执行 %d 项(%s),调整 %d 项(%s),未执行 %d 项",
		"%d lines: %d executed as approved (%s), %d adjusted (%s), %d not executed")
	// ExecNoData: no execution imported.
	ExecNoData = def("ExecNoData", "%d 年度还没有导入执行数据", "no execution data imported for %d")
	// ExecImported: an import recorded: its number, rows, file.
	ExecImported = def("ExecImported", "已导入第 %d 批执行数据:%d 行(%s)", "execution import %d recorded: %d rows (%s)")
)

// Flags and output of the execution and next-year commands.
var (
	// FlagExecColumns: --columns.
	FlagExecColumns = def("FlagExecColumns", "列对应文件(默认:方案文件夹中的 %s,没有时按默认列标题)", "the column mapping (default: %s in the plan's folder, else the default headers)")
	// FlagExecMonth: --month.
	FlagExecMonth = def("FlagExecMonth", "截至几月(默认:已导入的最后一个月)", "up to which month (default: the last imported)")
	// FlagExecFormat: --format of the report.
	FlagExecFormat = def("FlagExecFormat", "输出格式:table、csv 或 json", "output format: table, csv or json")
	// FlagNextOut: --out of plan next.
	FlagNextOut = def("FlagNextOut", "下年方案文件(.toml);引用标准文件时须与本方案在同一文件夹", "next year's plan file (.toml); in the plan's folder when it names other files")
	// FlagNextForce: --force.
	FlagNextForce = def("FlagNextForce", "覆盖已存在的文件", "overwrite existing files")
	// NextWritten: a file written (path, year).
	NextWritten = def("NextWritten", "已写出 %s(%d 年度)", "wrote %s (%d)")
)

// Messages of next year's plan on the server.
var (
	// NextSample: the built-in sample has no folder.
	NextSample = def("NextSample", "内置示例方案没有方案文件夹,不能写出下年方案:请用方案文件夹中的方案", "the built-in sample has no folder to write next year's plan in")
	// NextBadName: a bad name for next year's plan.
	NextBadName = def("NextBadName", "下年方案名 %q 不可用:须是字母、数字、-、_,且与本方案不同", "next year's plan name %q cannot be used: letters, digits, - and _, other than this plan's")
)

// The 执行监控 page's title and crumb.
var (
	// DashExecutionTitle: the page's title (the plan's name).
	DashExecutionTitle = def("DashExecutionTitle", "执行监控 · %s", "execution · %s")
	// DashExecution: the crumb.
	DashExecution = def("DashExecution", "执行监控", "execution")
)

// Words of the execution chart.
var (
	// ChartRateOK: the legend of bars at or above the rules.
	ChartRateOK = def("ChartRateOK", "执行率", "execution rate")
	// ChartRateLow: the legend of bars below a rule.
	ChartRateLow = def("ChartRateLow", "低于预警线", "below a warning rule")
	// ChartRateTitle: the title after the plan's name (year, month).
	ChartRateTitle = def("ChartRateTitle", "%d 年 %d 月末各街道执行率", "execution rates of %d at the end of month %d")
	// ChartRateMark: a rule's line (month, rate).
	ChartRateMark = def("ChartRateMark", "%d 月 %s", "month %d: %s")
)
