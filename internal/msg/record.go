package msg

// Words of the governed record as the pages, the command line and the
// API's *_text fields show them (docs/records.md): the roles, the audit
// actions, an objection's status with its detail, a publication's label.
var (
	// RoleTextPlanner … RoleTextAdmin: the roles, as people read them.
	RoleTextPlanner     = def("RoleTextPlanner", "规划员", "planner")
	RoleTextApprover    = def("RoleTextApprover", "审批人", "approver")
	RoleTextSubdistrict = def("RoleTextSubdistrict", "街道", "sub-district")
	RoleTextAdmin       = def("RoleTextAdmin", "管理员", "admin")

	// ActVersionSave … ActTokenRevoke: the audit log's actions.
	ActVersionSave      = def("ActVersionSave", "保存草案", "save a draft")
	ActVersionApprove   = def("ActVersionApprove", "审批", "approve")
	ActVersionPublish   = def("ActVersionPublish", "发布", "publish")
	ActObjectionFile    = def("ActObjectionFile", "提出异议", "file an objection")
	ActObjectionAccept  = def("ActObjectionAccept", "采纳异议", "accept an objection")
	ActObjectionReject  = def("ActObjectionReject", "驳回异议", "reject an objection")
	ActScenarioPut      = def("ActScenarioPut", "保存情景", "save a scenario")
	ActScenarioDelete   = def("ActScenarioDelete", "删除情景", "delete a scenario")
	ActScenarioImport   = def("ActScenarioImport", "导入情景", "import a scenario")
	ActScenarioImported = def("ActScenarioImported", "导入旧情景文件", "import the old scenario files")
	ActTokenCreate      = def("ActTokenCreate", "创建令牌", "create a token")
	ActTokenRevoke      = def("ActTokenRevoke", "吊销令牌", "revoke a token")

	// AppOwnStatementOf: a 街道's token asking for another 街道's published
	// statement: its own 街道, then the one asked for.
	AppOwnStatementOf = def("AppOwnStatementOf", "街道令牌只能查看本街道（%s）已发布的财力测算通知书,不能查看 %s 的",
		"a sub-district token reads its own sub-district's (%s) published statement only, not %s's")

	// ObjectionAcceptedAs: an accepted objection with the draft it made.
	ObjectionAcceptedAs = def("ObjectionAcceptedAs", "已采纳（第 %d 版）", "accepted (version %d)")
	// ObjectionRejectedWhy: a rejected objection with the reason.
	ObjectionRejectedWhy = def("ObjectionRejectedWhy", "已驳回：%s", "rejected: %s")

	// PublishedVersion cites a publication in a damping line: its
	// version and the start of its result's hash.
	PublishedVersion = def("PublishedVersion", "第 %d 版 %s", "version %d %s")
	// PublishedLabel marks a published page: the date and the start of
	// the result's hash.
	PublishedLabel = def("PublishedLabel", "已发布 %s %s", "published %s %s")
	// DataFileLabel names the sub-district data (a workbook) among a
	// version's files in a diff.
	DataFileLabel = def("DataFileLabel", "街道数据 data", "街道数据 data")

	// LogScenariosNotImported, LogScenariosImported: the log's words on
	// the scenario files of an older data folder.
	LogScenariosNotImported = def("LogScenariosNotImported", "情景文件未导入", "scenario files of an older data folder not imported")
	LogScenariosImported    = def("LogScenariosImported", "导入情景文件", "scenario files imported into the database")
	// LogLastGood: a plan file changed but does not load; the last good
	// version is served.
	LogLastGood = def("LogLastGood", "文件已修改但无法载入,仍按上次载入的版本测算", "serving the last good version")
)

// Words of the command line's and the server's outputs that are
// documents (tables, sentences, charts' titles): said in Chinese.
var (
	// AgainstBase … AgainstOther: what an attribution compares with.
	AgainstBase     = def("AgainstBase", "原方案", "the plan as written")
	AgainstLastYear = def("AgainstLastYear", "上年", "last year")
	AgainstYear     = def("AgainstYear", "%d年方案", "the plan of %d")
	AgainstOther    = def("AgainstOther", "对比方案", "the other plan")
	// OutAttributionLine introduces the attribution's sentence under a
	// comparison.
	OutAttributionLine = def("OutAttributionLine", "\n变化归因（Shapley 值,见 docs/attribution.md）: %s\n",
		"\nattribution of the change (Shapley values, see docs/attribution.md): %s\n")
	// AttributionUndefined: a statement's change that cannot be attributed
	// by category, and why.
	AttributionUndefined = def("AttributionUndefined", "变化无法按类别归因 (attribution not defined): %s",
		"the change cannot be attributed by category: %s")
	// OutEffectHeader, OutDiffHeader: the heads of the tables of each
	// 街道's change (an objection's effect, a diff of versions).
	OutEffectHeader = def("OutEffectHeader", "街道\t\t原合计\t更正后\t变化\t", "sub-district\t\told total\tcorrected\tchange\t")
	OutDiffHeader   = def("OutDiffHeader", "街道\t\t原合计\t新合计\t变化\t", "sub-district\t\told total\tnew total\tchange\t")

	// VerifyNotWhole … VerifyNone: what caili verify finds in a result,
	// in both languages on one line whichever is chosen.
	VerifyNotWhole   = def("VerifyNotWhole", "文件不是完整的 JSON (not whole JSON)", "文件不是完整的 JSON (not whole JSON)")
	VerifySameValues = def("VerifySameValues", "数值相同,格式不同（空格、顺序或转义） (same values, other formatting)",
		"数值相同,格式不同(空格、顺序或转义) (same values, other formatting)")
	VerifyDiffers = def("VerifyDiffers", "%s: 应为 %v,文件中为 %v (recomputed %v, file %v)", "%s: 应为 %v,文件中为 %v (recomputed %v, file %v)")
	VerifyNone    = def("VerifyNone", "（无）", "(none)")

	// TornadoAll … TornadoDown: the tornado chart's title and legend.
	TornadoAll   = def("TornadoAll", "各街道合计最大变动", "the largest change of any total")
	TornadoOne   = def("TornadoOne", "%s合计变动", "the change of %s's total")
	TornadoTitle = def("TornadoTitle", "敏感性 ±%s(%s)", "sensitivity ±%s (%s)")
	TornadoDown  = def("TornadoDown", "下调 %s", "down %s")
	TornadoUp    = def("TornadoUp", "上调 %s", "up %s")
)
