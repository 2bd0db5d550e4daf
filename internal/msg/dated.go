package msg

// Messages of dated standards and published baselines (docs/dated.md).
var (
	// DatedNoValueForYear: no entry of a dated value is in force in the
	// plan's fiscal year; the years the entries start, then the year.
	DatedNoValueForYear = def("DatedNoValueForYear", "没有 %[2]d 年度适用的标准值:各条目分别自 %[1]s 年起施行,而方案年度为 %[2]d",
		"no value in force in %[2]d: the entries start in %[1]s, the plan's fiscal year is %[2]d")
	// DatedDuplicateYear: two entries with the same from.
	DatedDuplicateYear = def("DatedDuplicateYear", "有两个条目都自 %d年起施行,无法确定适用哪一个",
		"two entries start in %d: which one is in force is ambiguous")
	// DatedEmpty: an empty array.
	DatedEmpty = def("DatedEmpty", "分年度标准不能是空数组:至少写一个 { from = 年份, value = \"…\" }",
		"a dated value must not be an empty array: write at least one { from = YEAR, value = \"…\" }")
	// DatedEntryNotTable: an element that is not an inline table.
	DatedEntryNotTable = def("DatedEntryNotTable", "分年度标准的每一项须是 { from = 年份, value = \"…\", source = \"…\" },而不是%s",
		"each entry of a dated value must be { from = YEAR, value = \"…\", source = \"…\" }, not %s")
	// DatedBadFrom: from missing or not a year.
	DatedBadFrom = def("DatedBadFrom", "from 须是年份整数,如 2024", "from must be a whole year such as 2024")
	// DatedMissingValue: an entry without value.
	DatedMissingValue = def("DatedMissingValue", "缺少 value", "value is missing")
	// DatedBadSource: source not a text, or too long.
	DatedBadSource = def("DatedBadSource", "source 须是不超过 %d 个字的文本（文件号,如 罗财〔2024〕5号）",
		"source must be a text of at most %d characters (a document number)")
	// DatedUnknownKey: a key of an entry other than from, value, source.
	DatedUnknownKey = def("DatedUnknownKey", "未知的键 %q:条目只能有 from、value 和 source", "unknown key %q: an entry has from, value and source only")
	// DatedNotHere: a dated value where a plain value is required.
	DatedNotHere = def("DatedNotHere", "此处不能分年度,请写单一数值", "this value cannot be dated: write a single number")

	// DatedBadPublished: a baseline "@published:…" that does not parse.
	DatedBadPublished = def("DatedBadPublished", "%q 不是已发布基数的写法:应为 \"@published:2025\" 或 \"@published:方案编号:2025\"",
		"%q is not a published baseline: write \"@published:2025\" or \"@published:PLAN:2025\"")
	// DatedNoStore: @published without a record store.
	DatedNoStore = def("DatedNoStore", "没有 %d年度已发布的版本可读:本次计算没有数据库（命令行请用 --data 指定数据目录）",
		"no published version of %d to read: this calculation has no record store (on the command line, give the data folder with --data)")
	// DatedNotPublished: no publication of that year.
	DatedNotPublished = def("DatedNotPublished", "没有 %d年度已发布的版本:%s", "no published version of %d: %s")
	// DatedPublishedUnreadable: the record store could not be read.
	DatedPublishedUnreadable = def("DatedPublishedUnreadable", "无法读取 %d年度已发布的版本:%s", "cannot read the published version of %d: %s")
	// DatedPublishedIncomplete: the published result lacks sub-districts.
	DatedPublishedIncomplete = def("DatedPublishedIncomplete", "%d年已发布的结果中没有 %d 个街道:%s", "the result published for %d lacks %d sub-district(s): %s")
)

// StorePublishedYearMissing: no publication of a plan in a fiscal year.
var (
	// StoreBackupUnreadable … StoreSchemaNewer: a backup that cannot be
	// restored, a database that cannot be used.
	StoreBackupUnreadable = def("StoreBackupUnreadable", "读取备份 %s 失败", "cannot read the backup %s")
	StoreBackupUnusable   = def("StoreBackupUnusable", "备份 %s 不可用", "the backup %s is unusable")
	StoreDBFolder         = def("StoreDBFolder", "无法建立数据库目录", "cannot make the database folder")
	StoreSchemaNewer      = def("StoreSchemaNewer", "数据库版本 %d 比本程序新（本程序为 %d）", "schema version %d is newer than this caili's %d")
	StoreDBInUse          = def("StoreDBInUse", "数据库 %s 正在使用（caili serve 或另一个命令打开着它）:请先停止服务,再恢复", "the database %s is in use (caili serve or another command has it open): stop the server, then restore")
	StoreDBRestoring      = def("StoreDBRestoring", "数据库正在恢复,请稍后再试", "the database is being restored: try again shortly")
)

var StorePublishedYearMissing = def("StorePublishedYearMissing", "方案 %s 没有 %d年度已发布的版本", "plan %s has no published version of %d")
