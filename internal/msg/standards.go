package msg

// Messages of package standards: plan, standards and scenario files,
// overrides (rules §2, §4).
var (
	// StdUnknownKey: a key the plan file does not define.
	StdUnknownKey = def("StdUnknownKey", "未知的键", "unknown key")
	// StdWorkbookNotPlan: a workbook given as a plan.
	StdWorkbookNotPlan = def("StdWorkbookNotPlan", "这是 Excel 工作簿或压缩文件,不是 TOML 方案:把街道数据导入方案用 caili import FILE --plan 方案.toml,"+
		"或在方案的 [plan] 中写 data = \"文件名.xlsx\"",
		"a workbook or zip, not a TOML plan: use caili import, or [plan] data")
	// StdUTF16: a file saved as UTF-16.
	StdUTF16 = def("StdUTF16", "文件是 UTF-16 编码;请将文件另存为 UTF-8", "the file is UTF-16: save it as UTF-8")
	// StdNotUTF8: a file that is not UTF-8, at line %d.
	StdNotUTF8 = def("StdNotUTF8", "第 %d 行不是 UTF-8 编码;请将文件另存为 UTF-8", "the file is not UTF-8 (line %d): save it as UTF-8")
	// StdNotUTF8GB: the same, with the line as GB18030 reads it.
	StdNotUTF8GB = def("StdNotUTF8GB", "第 %d 行不是 UTF-8 编码;请将文件另存为 UTF-8。按 GB18030(GBK)读,该行是:%s",
		"the file is not UTF-8 (line %d): save it as UTF-8; read as GB18030 (GBK) the line is: %s")

	// StdNesting and the rest: the limits on TOML text.
	StdNesting  = def("StdNesting", "嵌套层数超过 %d", "nesting deeper than %d")
	StdKeyBytes = def("StdKeyBytes", "键名超过 %d 字节", "key longer than %d bytes")
	StdKeyParts = def("StdKeyParts", "点分键超过 %d 段", "dotted key of more than %d parts")
	StdPathLen  = def("StdPathLen", "键路径超过 %d 字节", "key path longer than %d bytes")
	StdKeys     = def("StdKeys", "键超过 %d 个", "more than %d keys")
	StdString   = def("StdString", "文本超过 %d 字节", "a text longer than %d bytes")
	StdDigits   = def("StdDigits", "位数过多:整数部分最多 %d 位、小数部分最多 %d 位",
		"too many digits: at most %d before the decimal point and %d after")
	// StdFloatDigits: a TOML float a float64 cannot hold; write it as a string.
	StdFloatDigits = def("StdFloatDigits", "TOML 浮点数最多 %d 位有效数字,请写成字符串 %q",
		"a TOML float keeps at most %d significant digits; write it as a string: %q")

	// StdNumberForm: text that is not a number as a plan writes one.
	StdNumberForm = def("StdNumberForm", "%q 不是数字（只写数字和小数点,不能有指数、“+”、“_”或空格）",
		"%q is not a number (digits with an optional decimal point; no exponents, '+', '_' or spaces)")
	// StdNotNumber: text that is not a number.
	StdNotNumber = def("StdNotNumber", "%q 不是数字", "%q is not a number")
	// StdMustBeNumber: a value of another TOML type (%s: the type, see StdKind…).
	StdMustBeNumber = def("StdMustBeNumber", "须为数字,不能是%s", "must be a number, not %s")
	// StdNotFinite: a float that is infinite or not a number.
	StdNotFinite = def("StdNotFinite", "须为有限的数（实为 %v）", "must be a finite number (got %v)")
	// StdFloatUnreadable: a float that cannot be read.
	StdFloatUnreadable = def("StdFloatUnreadable", "无法把 %v 读作数字", "cannot read %v as a number")
	// StdMustBeText: a value that is not a string.
	StdMustBeText = def("StdMustBeText", "须为文本（字符串）,不能是%s", "must be a string, not %s")
	// StdNamesList: a basis that is not an array.
	StdNamesList = def("StdNamesList", "须为数量名称的列表,不能是%s", "must be a list of quantity names, not %s")
	// StdNamesItem: a basis with an element that is not a non-empty text.
	StdNamesItem = def("StdNamesItem", "须为数量名称的列表,名称不能为空", "must be a list of non-empty quantity names")
	// StdComponentsList: [damping] exclude that is not an array.
	StdComponentsList = def("StdComponentsList", "须为组成部分名称的列表,不能是%s", "must be a list of component names, not %s")
	// StdComponentsItem: [damping] exclude with an element that is not a name.
	StdComponentsItem = def("StdComponentsItem", "须为组成部分名称的列表（personnel、public、projects、incentive）",
		"must be a list of component names (personnel, public, projects, incentive)")
	// StdFlagText: a flag written as text other than true or false.
	StdFlagText = def("StdFlagText", "须为 true 或 false（实为 %q）", "must be true or false (got %q)")
	// StdFlagKind: a flag of another TOML type.
	StdFlagKind = def("StdFlagKind", "须为 true 或 false,不能是%s", "must be true or false, not %s")

	// The TOML types, as StdMustBeNumber and friends name them.
	StdKindInteger = def("StdKindInteger", "整数", "an integer")
	StdKindFloat   = def("StdKindFloat", "小数", "a float")
	StdKindString  = def("StdKindString", "文本", "a string")
	StdKindBool    = def("StdKindBool", "逻辑值", "a boolean")
	StdKindArray   = def("StdKindArray", "数组", "an array")
	StdKindTable   = def("StdKindTable", "表", "a table")
	StdKindTables  = def("StdKindTables", "表数组", "an array of tables")
	StdKindDate    = def("StdKindDate", "日期或时间", "a date or time")

	// StdPlanTable: a plan without [plan].
	StdPlanTable = def("StdPlanTable", "缺少 [plan] 表", "missing: a [plan] table is required")
	// StdFiscalYear: a fiscal year that is not a year.
	StdFiscalYear = def("StdFiscalYear", "须为年份,如 2025（实为 %s）", "must be a year such as 2025 (got %s)")
	// StdTierGot: a project tier of no known name.
	StdTierGot = def("StdTierGot", "须为 mandatory、A、B、C 或 D（实为 %s）", "must be mandatory, A, B, C or D (got %s)")
	// StdOverflowTable: [tiers.overflow] written as a table.
	StdOverflowTable = def("StdOverflowTable", "须为 cut 或 demote,不能是表", "must be cut or demote, not a table")
	// StdOverflowGot: [tiers] overflow of no known name.
	StdOverflowGot = def("StdOverflowGot", "须为 cut 或 demote（实为 %s）", "must be cut or demote (got %s)")
	// StdUnknownTier: [tiers.X] for no tier A to D.
	StdUnknownTier = def("StdUnknownTier", "未知的档次:上限写在 [tiers.A] 到 [tiers.D] 中", "unknown tier: caps go in [tiers.A] to [tiers.D]")
	// StdModeGot: [performance] mode of no known name.
	StdModeGot = def("StdModeGot", "须为 redistribute 或 reserve（实为 %s）", "must be redistribute or reserve (got %s)")
	// StdLabelTable: a quantity label that is not a table.
	StdLabelTable = def("StdLabelTable", `标签应写为表,如 { name = "病媒防制面积", unit = "平方米" }`,
		`must be a table such as { name = "病媒防制面积", unit = "平方米" }`)
	// StdLabelKey: a key of a label other than name and unit.
	StdLabelKey = def("StdLabelKey", "未知的键:标签只有 name 和 unit", "unknown key: a label has only name and unit")

	// StdStandardsAlone: a plan sent on its own names a standards file.
	StdStandardsAlone = def("StdStandardsAlone", "单独提交的方案不能引用标准文件;请把标准写进方案",
		"a plan sent on its own cannot name a standards file; put the standards in the plan")
	// StdStandardsOutside: a standards file outside the plan's folder.
	StdStandardsOutside = def("StdStandardsOutside", "标准文件 %s 必须在方案所在的文件夹内",
		"the standards file %s must be inside the plan's folder: no absolute path, no \"..\"")
	// StdAlsoDefined: a top-level table in both the plan and its standards file.
	StdAlsoDefined = def("StdAlsoDefined", "%s 中也有此项;一项只能写在一个文件里", "also defined in %s; a key belongs in one file")
	// StdCannotReadPlan: a plan file that cannot be read.
	StdCannotReadPlan = def("StdCannotReadPlan", "无法读取方案文件", "cannot read the plan file")
	// StdCannotReadStandards: a standards file that cannot be read.
	StdCannotReadStandards = def("StdCannotReadStandards", "无法读取标准文件 %s", "cannot read standards file %s")
	// StdCannotReadData: a data file that cannot be read.
	StdCannotReadData = def("StdCannotReadData", "无法读取数据文件 %s", "cannot read data file %s")
	// StdNoSuchFile and the two after it: why a file could not be read.
	StdNoSuchFile  = def("StdNoSuchFile", ":文件不存在", ": no such file")
	StdNotRegular  = def("StdNotRegular", ":不是普通文件", ": not a regular file")
	StdFileTooBig  = def("StdFileTooBig", ":文件过大", ": file too large")
	StdDataEmpty   = def("StdDataEmpty", "data 为空:写数据文件名,如 \"街道数据.xlsx\"", "empty: name the data file")
	StdDataTwice   = def("StdDataTwice", "方案已有 [[subdistrict]] 表,不能同时用数据文件 %s;二者选一", "the plan has [[subdistrict]] tables and a data file %s: keep one")
	StdDataAlone   = def("StdDataAlone", "单独提交的方案不能引用数据文件;请把街道数据写进方案", "a plan sent on its own cannot name a data file")
	StdDataNotHere = def("StdDataNotHere", "此处不能读取数据文件 %s", "data files cannot be read here (%s)")
	// StdDataOutside: a data file outside the plan's folder.
	StdDataOutside = def("StdDataOutside", "数据文件 %s 必须在方案所在的文件夹内",
		"the data file %s must be inside the plan's folder: no absolute path, no \"..\"")
	// StdDataLater: a data file left unread while the plan has problems.
	StdDataLater = def("StdDataLater", "方案的其他问题改正后才读取数据文件", "the data file is read once the plan's other problems are fixed")

	// StdSetValue: a scenario's [set] value that cannot be read.
	StdSetValue = def("StdSetValue", "无法读取调整值:%s", "cannot read the value: %s")
	// StdAfterOverrides marks a problem the overrides caused.
	StdAfterOverrides = def("StdAfterOverrides", "（调整后）", " (after overrides)")
	// StdDidYouMean suggests what was meant.
	StdDidYouMean = def("StdDidYouMean", ";您是不是要找 %s?", "; did you mean %s?")
	// StdUnknownPath: an override path that names nothing.
	StdUnknownPath = def("StdUnknownPath", "未知的调整路径", "unknown path")
	// StdUnknownEntry: an override path whose entry no id or name matches.
	StdUnknownEntry = def("StdUnknownEntry", "未知的调整路径:没有编码或名称为 %s 的 %s", "unknown path: %s is the id or name of no %s")
	// StdUnreadQuantity: an override of a quantity no standard reads.
	StdUnreadQuantity = def("StdUnreadQuantity", "没有标准读取数量 %s,此调整不改变任何结果",
		"no standard reads quantity %s: the override would change nothing")
	// StdUnheldRating: an override of a performance coefficient no one has.
	StdUnheldRating = def("StdUnheldRating", "没有绩效等级 %s（现有:%s）,也没有街道评为该等级,此调整不改变任何结果",
		"a coefficient for rating %s, which no one has (the plan has: %s): the override would change nothing")
	// StdUnheldProjectRating: the same for a project-rating coefficient.
	StdUnheldProjectRating = def("StdUnheldProjectRating", "没有项目绩效等级 %s（现有:%s）,也没有街道评为该等级,此调整不改变任何结果",
		"a coefficient for project rating %s, which no one has (the plan has: %s): the override would change nothing")

	// StdRefShared: a name several entries share.
	StdRefShared = def("StdRefShared", "名称 %s 对应多个%s,请改用编码:%s", "the name %s is shared by several %s entries: use an id (%s)")
	// StdRefNone: a reference no entry has as id or name.
	StdRefNone = def("StdRefNone", "没有编码或名称为 %s 的%s", "%s is not the id or name of any %s")

	// StdOverridesRejected: the one problem overrides cause.
	StdOverridesRejected = def("StdOverridesRejected", "调整有误:%s", "overrides rejected: %s")
	// StdOverridesRejectedMany: the first of several.
	StdOverridesRejectedMany = def("StdOverridesRejectedMany", "调整有 %d 个问题,第一个:%s", "overrides rejected: %d problems, first: %s")

	// StdTableStaff and the rest name a table whose entry a reference
	// names (standards.RefError): an argument of StdRefShared and StdRefNone.
	StdTableStaff       = def("StdTableStaff", "人员类别", "staff category")
	StdTableQuota       = def("StdTableQuota", "公用经费定额", "quota")
	StdTableProject     = def("StdTableProject", "项目", "project")
	StdTableFactor      = def("StdTableFactor", "因素", "factor")
	StdTableSubdistrict = def("StdTableSubdistrict", "街道", "sub-district")
)
