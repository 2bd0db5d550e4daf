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
