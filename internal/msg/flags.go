package msg

// Messages of the command line's flags (cmd/caili): the description of
// each flag (caili <command> -h), the words of that usage, and what is
// said of a flag given wrongly.
var (
	// FlagUnknown: a flag the command does not have.
	FlagUnknown = def("FlagUnknown", "未知的参数 %s", "unknown flag %s")
	// FlagUnknownNear: an unknown flag, with the nearest the command has.
	FlagUnknownNear = def("FlagUnknownNear", "未知的参数 %s;您是不是要找 %s?", "unknown flag %s; did you mean %s?")
	// FlagNeedsValue: a flag that takes a value, given none.
	FlagNeedsValue = def("FlagNeedsValue", "参数 %s 需要一个值", "flag %s needs a value")
	// FlagBadValue: a value the flag refuses (the flag, the value, why).
	FlagBadValue = def("FlagBadValue", "参数 %s 的值 %q 不对:%s", "flag %s: the value %q is wrong: %s")
	// FlagWantInt … FlagWantDuration: why a typed flag refuses a value.
	FlagWantInt      = def("FlagWantInt", "须为整数", "it must be a whole number")
	FlagWantNumber   = def("FlagWantNumber", "须为数字", "it must be a number")
	FlagWantBool     = def("FlagWantBool", "须为 true 或 false（开关参数不必给值）", "it must be true or false (a switch needs no value)")
	FlagWantDuration = def("FlagWantDuration", "须为时长,如 50ms、30s、5m", "it must be a duration such as 50ms, 30s or 5m")
	// FlagSetForm: a --set that is not path=value.
	FlagSetForm = def("FlagSetForm", "须为 路径=值,如 plan.capacity=2600000000", "it must be path=value, e.g. plan.capacity=2600000000")
	// FlagSyntax: an argument that is not a flag's form (---x, -=x).
	FlagSyntax = def("FlagSyntax", "参数写法不对:%q", "bad flag syntax: %q")
	// FlagSeeHelp: the line after a flag mistake (the command).
	FlagSeeHelp = def("FlagSeeHelp", "运行 caili %s -h 查看用法", "run caili %s -h to see its usage")

	// FlagHelpUsage … FlagHelpLang: the words of a command's usage.
	FlagHelpUsage     = def("FlagHelpUsage", "用法:", "usage:")
	FlagHelpFlags     = def("FlagHelpFlags", "参数:", "flags:")
	FlagHelpDefault   = def("FlagHelpDefault", "（默认 %s）", " (default %s)")
	FlagHelpLang      = def("FlagHelpLang", "英文的帮助与信息（也可设置环境变量 CAILI_LANG=en）;默认中文", "help and messages in English (or set CAILI_LANG=en); Chinese is the default")
	FlagValue         = def("FlagValue", "值", "VALUE")
	FlagValueN        = def("FlagValueN", "数目", "N")
	FlagValueDuration = def("FlagValueDuration", "时长", "DURATION")

	// The flags of the plan commands (calc, validate, explain, compare,
	// solve, sensitivity, template, verify).
	FlagPlan          = def("FlagPlan", "方案文件（不给时用内置的示意西城区方案）", "plan file (default: the built-in sample district)")
	FlagPublishedData = def("FlagPublishedData", "数据目录:保底封顶基数 @published:年度 从其中已发布的版本读取（docs/dated.md）", "data folder a damping baseline @published:YEAR is read from (docs/dated.md)")
	FlagScenario      = def("FlagScenario", "情景文件:一组调整（规则 §4）,或内置情景的名称", "scenario file of overrides (rules §4), or a built-in scenario's name")
	FlagSet           = def("FlagSet", "调整 路径=值（可重复）", "override path=value (repeatable)")
	FlagFormat        = def("FlagFormat", "输出格式:%s", "output format: %s")
	FlagFormatCheck   = def("FlagFormatCheck", "输出格式:%s（check-xlsx 为复核工作簿,须给 --out）", "output format: %s (check-xlsx: the check workbook, needs --out)")
	FlagOut           = def("FlagOut", "写入这个文件,而不是标准输出", "write to this file instead of standard output")
	FlagHeader        = def("FlagHeader", "CSV 表头:id（编码,供脚本与 Power Query）或 zh（中文名称）", "CSV header: id (ids, for scripts and Power Query) or zh (Chinese names)")
	FlagStamp         = def("FlagStamp", "CSV 首行写出校验码（情景、调整、sha256）作为标题行", "CSV: the stamp (scenario, overrides, sha256) as a first title row")
	FlagEncoding      = def("FlagEncoding", "CSV 的编码:utf-8（带 BOM）或 gb18030（旧版 Excel、WPS）", "CSV encoding: utf-8 (with a BOM) or gb18030 (older Excel, WPS)")
	FlagByCode        = def("FlagByCode", "按政府收支分类汇总:function_code（功能分类）或 economic_code（经济分类）(docs/classification.md)", "total by classification code: function_code or economic_code (docs/classification.md)")
	FlagExplainSub    = def("FlagExplainSub", "要说明的街道:编码或名称（如 desheng 或 德胜街道）", "the sub-district to explain: its id or name (e.g. desheng or 德胜街道)")
	FlagAttribute     = def("FlagAttribute", "按 Shapley 值把每项变化分摊到各个原因（docs/attribution.md）", "split each change over its causes by Shapley value (docs/attribution.md)")
	FlagAttrBy        = def("FlagAttrBy", "与 --attribute 一起:override（每项调整或差异）、group（财力、标准、数据、评级）或 auto", "with --attribute: override (each override or difference), group (capacity, standards, data, ratings) or auto")
	FlagAgainst       = def("FlagAgainst", "把 --plan 与这份方案（如上一年的）比较,而不是与调整比较", "compare --plan with this other plan (e.g. last year's) instead of with overrides")
	FlagTarget        = def("FlagTarget", "目标:min_capacity、accepted,或比较式如 'subdistrict.desheng.total>=200000000'、'tier.A.demand<=cap'", "target: min_capacity, accepted, or a comparison such as 'subdistrict.desheng.total>=200000000' or 'tier.A.demand<=cap'")
	FlagVary          = def("FlagVary", "要变动的数值调整路径,如 project.vector_control.unit_cost", "the numeric override path varied, e.g. project.vector_control.unit_cost")
	FlagFind          = def("FlagFind", "min 或 max:取满足目标的值的哪一端（默认:边界所在的一侧）", "min or max: which end of the values meeting the target (default: whichever side the boundary is on)")
	FlagPrecision     = def("FlagPrecision", "答案的步长（默认:plan.capacity 用其取整单位,其他用 0.01）", "the step of the answer (default: the rounding unit for plan.capacity, else 0.01)")
	FlagStep          = def("FlagStep", "相对步长:百分数或小数,如 0.1", "the relative step: a percentage or a fraction such as 0.1")
	FlagSensSub       = def("FlagSensSub", "按这个街道的合计给各杠杆排序（编码或名称）", "rank the levers by this sub-district's total (id or name)")
	FlagTemplateSub   = def("FlagTemplateSub", "只写这个街道的一行,作为发给它的副本", "only this sub-district's rows: the copy to send it")
	FlagTemplateForce = def("FlagTemplateForce", "--out 的文件已存在时覆盖它", "overwrite the --out file if it exists")
	FlagTemplateOut   = def("FlagTemplateOut", "写入的文件,.xlsx 或 .csv;- 为标准输出（不给时为 subdistricts.xlsx）", "file to write, .xlsx or .csv; - for standard output (default subdistricts.xlsx)")
	FlagImportPlan    = def("FlagImportPlan", "要写入的方案文件（必须给出）", "the plan file to fill in (required)")
	FlagImportOut     = def("FlagImportOut", "写入的方案文件,可以就是 --plan;不给时写到标准输出", "file to write, may be the plan itself; default standard output")
	FlagMerge         = def("FlagMerge", "只更新文件中填写了的单元格（一个街道交回的副本）", "change only the cells the file fills in (a copy a sub-district sent back)")

	// The flags of caili serve.
	FlagAddr        = def("FlagAddr", "监听的地址（主机:端口）", "address to listen on (host:port)")
	FlagPlans       = def("FlagPlans", "方案文件目录:每个 <编号>.toml 作为方案 <编号> 提供（不给时提供内置示意方案 sample）", "folder of plan files, each <id>.toml served as plan <id> (default: the built-in sample as plan \"sample\")")
	FlagCORS        = def("FlagCORS", "允许来自这个来源（或 *）的浏览器页面读取 API;默认关闭", "let browser pages from this origin (or *) read the API; off by default")
	FlagErrorPause  = def("FlagErrorPause", "拒绝的请求 (4xx) 先等这么久再回答,使刷错误请求的脚本拖不慢别人;0 为关闭", "refused requests (4xx) wait this long before the answer, so that scripts of bad requests slow no one else; 0 turns it off")
	FlagMemoryLimit = def("FlagMemoryLimit", "Go 的软内存上限:auto 按载入方案后的占用定（约两倍,不超过本机内存的四分之三;设了 GOMEMLIMIT 时用它）,off 为不设,或给大小如 2GiB、900MiB", "Go's soft memory limit: auto sizes it from what the loaded plans hold (about twice, at most three quarters of the machine; GOMEMLIMIT when set), off sets none, or a size such as 2GiB or 900MiB")
	FlagServeData   = def("FlagServeData", "数据目录:情景、版本、令牌和审计日志的数据库 caili.db（不给时为 %s）", "data folder: the database caili.db of scenarios, versions, tokens and the audit log (default: %s)")

	// The flags of the record commands (plan, token, audit, objection,
	// backup, restore).
	FlagRecordsData = def("FlagRecordsData", "数据目录:其中的数据库 caili.db（不给时为 %s）", "data folder holding caili.db (default: %s)")
	FlagPlanID      = def("FlagPlanID", "方案编号（不给时为方案文件名去掉 .toml;内置方案为 sample）", "plan id (default: the plan file's name without .toml; sample for the built-in plan)")
	FlagObjectionID = def("FlagObjectionID", "方案编号", "plan id")
	FlagNote        = def("FlagNote", "随版本保存的备注", "a note kept with the version")
	FlagRole        = def("FlagRole", "角色:planner（规划员）、approver（审批人）或 subdistrict（街道）", "role: planner, approver or subdistrict (a sub-district's office)")
	FlagTokenSub    = def("FlagTokenSub", "街道编码或名称,用于 --role subdistrict", "the sub-district's id or name, for --role subdistrict")
	FlagTokenPlan   = def("FlagTokenPlan", "街道所在的方案文件（不给时用内置的示意西城区方案）", "the plan file the sub-district is in (default: the built-in sample district)")
	FlagTokenNote   = def("FlagTokenNote", "持有人,如 德胜街道财务科", "who holds it, e.g. 德胜街道财务科")
	FlagLimit       = def("FlagLimit", "显示多少条,最新的在前", "how many entries, newest first")
	FlagReason      = def("FlagReason", "驳回理由（reject）", "why it is rejected (reject)")
	FlagBackupOut   = def("FlagBackupOut", "要写入的备份文件（不能已存在）", "the backup file to write (must not exist)")
	FlagReplace     = def("FlagReplace", "替换已有的数据库（原库保存在旁边,名为 caili.db.replaced-<时间>）", "replace an existing database (kept beside as caili.db.replaced-<time>)")
)
