package msg

// Messages of package internal/app: errors of requests, whatever the
// front end (command line or HTTP).
var (
	// AppInternal: a fault of caili or its machine; the cause is logged,
	// never shown.
	AppInternal = def("AppInternal", "内部错误", "internal error")
	// AppComputationFailed: a computation that panicked.
	AppComputationFailed = def("AppComputationFailed", "测算失败（内部错误）", "computation failed (internal error)")
	// AppTemplateFailed: the data template could not be written.
	AppTemplateFailed = def("AppTemplateFailed", "无法生成数据模板（内部错误）", "cannot write the template (internal error)")
	// AppCorrectedNotLoad: an accepted objection's corrected plan does
	// not load.
	AppCorrectedNotLoad = def("AppCorrectedNotLoad", "更正后的方案无法加载（内部错误）", "the corrected plan does not load (internal error)")
	// AppCorrectedLost: the corrected plan lost the corrections.
	AppCorrectedLost = def("AppCorrectedLost", "更正后的方案丢失了更正（内部错误）", "the corrected plan lost the corrections (internal error)")
	// AppVersionNoFiles: a recorded version without files.
	AppVersionNoFiles = def("AppVersionNoFiles", "已保存的版本没有文件（内部错误）", "a recorded version has no files (internal error)")
	// AppVersionNotLoad: a recorded version that fails to load for a
	// reason of the machine.
	AppVersionNotLoad = def("AppVersionNotLoad", "已保存的版本无法加载（内部错误）", "a recorded version does not load (internal error)")
	// AppVersionHash: a recorded version's files no longer hash to its
	// record.
	AppVersionHash = def("AppVersionHash", "已保存版本的文件与其 sha256 不符（内部错误）", "a recorded version's files do not match its hash (internal error)")
	// AppEncodeResult: the published result could not be encoded.
	AppEncodeResult = def("AppEncodeResult", "无法编码发布的结果（内部错误）", "cannot encode the published result (internal error)")
	// AppReadResult: the published result could not be read.
	AppReadResult = def("AppReadResult", "无法读取发布的结果（内部错误）", "cannot read the published result (internal error)")

	// AppOverridesInvalid: overrides (query, saved or uploaded scenario)
	// that cannot be applied.
	AppOverridesInvalid = def("AppOverridesInvalid", "调整无法应用到方案", "the overrides cannot be applied to the plan")
	// AppPlanInvalid: a plan that does not validate.
	AppPlanInvalid = def("AppPlanInvalid", "方案有错误", "the plan is invalid")
	// AppRejected: a valid plan the rules cannot fund: the stage's words
	// (AppRejectCapacity …), the gap in 元 and in 万元, and what to change
	// (AppFixCapacity …).
	AppRejected = def("AppRejected", "测算不成立:%s,缺口 %s 元（%s 万元）;%s",
		"the calculation does not hold: %s, short by %s 元 (%s 万元); %s")
	// AppRejectCapacity … AppRejectOther: the stages that reject a plan.
	AppRejectCapacity  = def("AppRejectCapacity", "人员经费和公用经费超过可分配财力", "personnel and public costs exceed what is available")
	AppRejectMandatory = def("AppRejectMandatory", "保基本民生项目资金不足", "the mandatory projects cannot be funded in full")
	AppRejectNoBlock   = def("AppRejectNoBlock", "没有街道能分得因素分配资金", "nobody is eligible for the block grant")
	AppRejectFloors    = def("AppRejectFloors", "保底资金不足", "the damping floors cannot be funded")
	AppRejectOther     = def("AppRejectOther", "规则无法安排", "the rules cannot fund the plan")
	// AppFixCapacity … AppFixOther: what to change so that the
	// calculation holds, by the stage that rejected it.
	AppFixCapacity = def("AppFixCapacity", "请提高可用财力、降低预备费率,或降低人员、公用经费标准",
		"raise the capacity (or lower the reserve rate), or lower the personnel and public standards")
	AppFixMandatory = def("AppFixMandatory", "请提高可用财力,或降低保基本民生项目的单价、人员和公用经费标准",
		"raise the capacity, or lower the mandatory projects' unit costs or the personnel and public standards")
	AppFixNoBlock = def("AppFixNoBlock", "请检查因素指标数据、调整系数和绩效系数,至少一个街道的调整后得分须大于 0",
		"check the indicators' data, the adjustments and the performance coefficients: at least one sub-district's adjusted score must be above 0")
	AppFixFloors = def("AppFixFloors", "请降低保底比例、提高封顶比例或提高可用财力",
		"lower the floor, raise the ceiling or raise the capacity")
	AppFixOther = def("AppFixOther", "请检查方案", "check the plan")

	// AppPlansDir … AppNotDataDir: a folder given at start that cannot
	// be used.
	AppPlansDir    = def("AppPlansDir", "无法读取方案文件夹 %s", "cannot read the plans folder %s")
	AppNotPlansDir = def("AppNotPlansDir", "方案文件夹 %s 不是文件夹", "the plans folder %s is not a folder")
	AppDataDir     = def("AppDataDir", "无法使用数据文件夹 %s", "cannot use the data folder %s")
	AppNotDataDir  = def("AppNotDataDir", "数据文件夹 %s 不是文件夹", "the data folder %s is not a folder")

	// AppNoPlan: an unknown plan id.
	AppNoPlan = def("AppNoPlan", "没有方案 %q", "no plan %q")
	// AppPlanNotLoad: a plan whose files do not load.
	AppPlanNotLoad = def("AppPlanNotLoad", "方案 %s 无法加载", "plan %s does not load")
	// AppUnreadable: a plan file that cannot be read.
	AppUnreadable = def("AppUnreadable", "无法读取文件:%v", "cannot read the file: %v")
	// AppDataProblems: an uploaded data file with problems.
	AppDataProblems = def("AppDataProblems", "数据文件有问题", "the data file has problems")

	// AppRefUnknown: a reference (id or name) to nothing, with the table
	// in words (AppTable…).
	AppRefUnknown = def("AppRefUnknown", "没有编码或名称为 %q 的%s", "nothing has the id or name %q among the %s")
	// AppRefAmbiguous: a name several entries share, with the table in
	// words and their ids.
	AppRefAmbiguous = def("AppRefAmbiguous", "名称 %q 对应多个%s,请改用编码:%s", "the name %q is shared by several %s: use an id: %s")
	// AppRefNear: what may have been meant, appended to AppRefUnknown.
	AppRefNear = def("AppRefNear", ";您是不是要找 %s?", "; did you mean %s?")
	// AppRefInPlan: a reference error of a named plan.
	AppRefInPlan = def("AppRefInPlan", "方案 %s:%s", "plan %s: %s")
	// AppTableStaff … AppTableSubdistrict: the tables a reference names
	// entries of.
	AppTableStaff       = def("AppTableStaff", "人员类别", "staff categories")
	AppTableQuota       = def("AppTableQuota", "定额", "quotas")
	AppTableProject     = def("AppTableProject", "项目", "projects")
	AppTableFactor      = def("AppTableFactor", "因素", "factors")
	AppTableSubdistrict = def("AppTableSubdistrict", "街道", "sub-districts")

	// AppScenarioRef: a scenario reference that can name nothing.
	AppScenarioRef = def("AppScenarioRef", "情景 %q:请给出文件名（须符合 %s）或 [scenario] 名称", "scenario %q: give its file name (matching %s) or its [scenario] name")
	// AppNoScenarioRef: no scenario has the file name or name.
	AppNoScenarioRef = def("AppNoScenarioRef", "方案 %s 没有文件名或名称为 %q 的情景", "plan %s has no scenario with the file name or name %q")
	// AppScenarioAmbiguous: several scenarios share a name.
	AppScenarioAmbiguous = def("AppScenarioAmbiguous", "情景名称 %q 对应多个情景,请改用文件名:%s", "several scenarios have the name %q: use a file name: %s")
	// AppScenarioName: an invalid scenario file name.
	AppScenarioName = def("AppScenarioName", "情景名称 %q 须符合 %s", "scenario name %q must match %s")
	// AppScenarioTitle: a scenario saved under a name in free text whose
	// file's [scenario] name is another.
	AppScenarioTitle = def("AppScenarioTitle", "按名称 %q 保存的情景,文件中的 [scenario] name 须相同（实为 %q）",
		"a scenario saved by the name %q must have that [scenario] name in its file (it has %q)")
	// AppNoScenario: an unknown scenario file name.
	AppNoScenario = def("AppNoScenario", "方案 %s 没有情景 %q", "plan %s has no scenario %q")
	// AppScenarioBuiltIn: a write to a built-in scenario.
	AppScenarioBuiltIn = def("AppScenarioBuiltIn", "情景 %q 为内置情景,只读;请另取名称保存", "scenario %q is built in and read-only; save yours under another name")
	// AppScenarioNoStore: saving a scenario without a record store.
	AppScenarioNoStore = def("AppScenarioNoStore", "没有数据库,不能保存情景", "no record store: scenarios cannot be saved")

	// AppQueryTooLong: a query string over the limit.
	AppQueryTooLong = def("AppQueryTooLong", "查询字符串超过 %d 字节", "query string longer than %d bytes")
	// AppQuerySemicolon: a query using ';'.
	AppQuerySemicolon = def("AppQuerySemicolon", "查询格式错误:%q 含有 ';'（参数之间请用 '&' 分隔）", "malformed query: %q contains ';' (separate parameters with '&')")
	// AppQueryBadName: a query parameter name that does not decode.
	AppQueryBadName = def("AppQueryBadName", "查询参数 %q 格式错误", "malformed query parameter %q")
	// AppQueryBadValue: a query parameter value that does not decode.
	AppQueryBadValue = def("AppQueryBadValue", "查询参数 %q 的值格式错误", "malformed value of query parameter %q")
	// AppQueryNotUTF8: a query parameter that is not UTF-8.
	AppQueryNotUTF8 = def("AppQueryNotUTF8", "查询参数 %q 不是有效的 UTF-8", "query parameter %q is not valid UTF-8")
	// AppQuerySetPath: set. without a path.
	AppQuerySetPath = def("AppQuerySetPath", "查询参数 %q:应为 set.<路径>=<值>,例如 set.plan.capacity=2600000000", "query parameter %q: want set.<path>=<value>, e.g. set.plan.capacity=2600000000")
	// AppQueryTooManySets: more overrides than allowed.
	AppQueryTooManySets = def("AppQueryTooManySets", "set. 调整超过 %d 项", "more than %d set. overrides")
	// AppQueryTwice: a parameter given twice.
	AppQueryTwice = def("AppQueryTwice", "查询参数 %q 重复出现", "query parameter %q given twice")
	// AppQueryChoice: a parameter outside its values (the values listed
	// with ", ").
	AppQueryChoice = def("AppQueryChoice", "%s 须为以下之一:%s（实为 %q）", "%s must be one of: %s (got %q)")
	// AppQueryPer: per without a quantity.
	AppQueryPer = def("AppQueryPer", "per 须指定一个数量,例如 per=resident_population", "per must name a quantity, such as per=resident_population")
	// AppQueryUnknown: a parameter the route does not take.
	AppQueryUnknown = def("AppQueryUnknown", "此处没有查询参数 %q（本路由接受:%s）", "unknown query parameter %q here (this route takes: %s)")
	// AppQueryNone: the words for a route that takes no parameters.
	AppQueryNone = def("AppQueryNone", "无参数", "no parameters")

	// AppTooManyPlayers: an attribution of too many overrides one by one.
	AppTooManyPlayers = def("AppTooManyPlayers", "逐项归因的调整过多（最多 %d 项,且受街道数限制）;请改用 by=group", "too many overrides to attribute one by one (at most %d, fewer on many sub-districts); use by=group")
	// AppCoalitionBase: the combination of no override.
	AppCoalitionBase = def("AppCoalitionBase", "无（基准方案）", "none (the base)")
	// AppCoalition: a combination of overrides an attribution cannot
	// evaluate (its players, or AppCoalitionBase).
	AppCoalition = def("AppCoalition", "归因需要测算每一种组合,组合 [%s] 不能测算（按组归因 by group 或许可行）", "attribution needs every combination evaluated; the plan with only [%s] applied cannot be (attributing by group may help)")
	// AppCoalitionCause follows AppCoalition with why the combination
	// cannot be evaluated.
	AppCoalitionCause = def("AppCoalitionCause", ":%s", ": %s")

	// AppNoStore: records without a record store.
	AppNoStore = def("AppNoStore", "没有数据库:版本与发布不可用", "no record store: versions and publishing are unavailable")
	// AppRoleMayNot: a token whose role may not do what is asked.
	AppRoleMayNot = def("AppRoleMayNot", "令牌 %s(%s)无权执行此操作", "token %s (%s) may not do this")
	// AppPlanNotLoadNow: saving a version of a plan that does not load.
	AppPlanNotLoadNow = def("AppPlanNotLoadNow", "方案文件当前无法加载,不能保存版本", "the plan's files do not load now: no version can be saved")
	// AppVersionNoLongerLoads: a recorded version stricter checks refuse.
	AppVersionNoLongerLoads = def("AppVersionNoLongerLoads", "方案 %s 第 %d 版已不能加载", "plan %s version %d no longer loads")
	// AppNotApproved: publishing a version not approved.
	AppNotApproved = def("AppNotApproved", "第 %d 版未经审批（状态 %s）,不能发布", "version %d is not approved (status %s): only an approved version can be published")
	// AppPublishedNoSub: a sub-district the published plan lacks.
	AppPublishedNoSub = def("AppPublishedNoSub", "已发布的方案 %s 没有街道 %q", "the published plan %s has no sub-district %q")
	// AppWrongToken: an unknown token.
	AppWrongToken = def("AppWrongToken", "令牌无效", "wrong token")
	// AppRevokedToken: an unknown or revoked token.
	AppRevokedToken = def("AppRevokedToken", "令牌无效或已吊销", "wrong or revoked token")
	// AppBadRole: a token role that does not exist.
	AppBadRole = def("AppBadRole", "角色须为 planner、approver 或 subdistrict（实为 %q）", "role must be planner, approver or subdistrict (got %q)")
	// AppTokenSubdistrict: a 街道 token without its sub-district, or
	// another with one.
	AppTokenSubdistrict = def("AppTokenSubdistrict", "街道令牌须且只有街道令牌须指定街道（--subdistrict）", "a subdistrict token, and only one, names its sub-district (--subdistrict)")
	// AppSubdistrictID: a sub-district id of the wrong form.
	AppSubdistrictID = def("AppSubdistrictID", "街道编码 %q 须符合 %s", "sub-district id %q must match %s")

	// AppOwnObjections: a 街道 token reading another's objections.
	AppOwnObjections = def("AppOwnObjections", "街道令牌只能查看本街道的异议", "a 街道 token reads its own objections only")
	// AppObjectionDecided: deciding an objection already decided.
	AppObjectionDecided = def("AppObjectionDecided", "异议 %d 已处理（%s）", "objection %d is already decided (%s)")
	// AppObjectionNoTables: accepting where the plan has no
	// [[subdistrict]] tables.
	AppObjectionNoTables = def("AppObjectionNoTables", "方案文件 %s 中没有 [[subdistrict]] 表,不能自动采纳异议", "the plan file %s has no [[subdistrict]] tables: an objection cannot be accepted automatically")
	// AppRejectNeedsReason: a rejection without a reason.
	AppRejectNeedsReason = def("AppRejectNeedsReason", "驳回须写明理由", "a rejection needs a reason")
	// AppReasonTooLong: a reason over the limit.
	AppReasonTooLong = def("AppReasonTooLong", "理由过长:最多 %d 字", "the reason is over %d characters")
	// AppOnlySubdistrictObjects: an objection by a token not a 街道's.
	AppOnlySubdistrictObjects = def("AppOnlySubdistrictObjects", "只有街道令牌可以提出异议", "only a 街道 token files an objection")
	// AppObjectionNoSub: the published plan lacks the token's 街道.
	AppObjectionNoSub = def("AppObjectionNoSub", "已发布的方案 %s 没有街道 %s", "the published plan %s has no sub-district %s")
	// AppNoteTooLong: an objection's note over the limit.
	AppNoteTooLong = def("AppNoteTooLong", "说明过长:最多 %d 字", "the note is over %d characters")
	// AppTooManyCorrections: an objection with too many corrections.
	AppTooManyCorrections = def("AppTooManyCorrections", "更正项过多:最多 %d 项", "over %d corrections")
	// AppObjectionEmpty: an objection with neither note nor corrections.
	AppObjectionEmpty = def("AppObjectionEmpty", "异议须有说明或更正数据", "an objection needs a note or corrections")
	// AppCorrectOwnOnly: a correction of another 街道's data.
	AppCorrectOwnOnly = def("AppCorrectOwnOnly", "街道只能更正本街道的数据,不能更正 %q", "a 街道 corrects its own data only, not %q")
	// AppCorrectionKey: a correction of something not correctable.
	AppCorrectionKey = def("AppCorrectionKey", "更正项须为 quantities.<名称>、staff.<类别> 或 payroll.<类别>,不能是 %q", "a correction is quantities.<name>, staff.<category> or payroll.<category>, not %q")
	// AppCorrectionValue: a corrected value that is not a number.
	AppCorrectionValue = def("AppCorrectionValue", "更正值须为数字:%s = %q", "a corrected value must be a number: %s = %q")
	// AppWorkbookOtherSub: an objection's workbook changing another
	// 街道's data.
	AppWorkbookOtherSub = def("AppWorkbookOtherSub", "工作簿改动了其他街道的数据:%s", "the workbook changes another 街道's data: %s")
)

// Messages of the record store (internal/store/sqlite) and of the
// disk under it.
var (
	// AppStatusDraft … AppStatusPublished: a version's status in words.
	AppStatusDraft     = def("AppStatusDraft", "草案", "a draft")
	AppStatusApproved  = def("AppStatusApproved", "已审批", "approved")
	AppStatusPublished = def("AppStatusPublished", "已发布", "published")
	// AppObjectionPending … AppObjectionRejected: an objection's status.
	AppObjectionPending  = def("AppObjectionPending", "待处理", "pending")
	AppObjectionAccepted = def("AppObjectionAccepted", "已采纳", "accepted")
	AppObjectionRejected = def("AppObjectionRejected", "已驳回", "rejected")

	// AppDBError: a fault of the database (the operation and cause are
	// logged), with the reason when it is known (AppDisk…, or nothing).
	AppDBError = def("AppDBError", "数据库错误%s", "database error%s")
	// AppDiskFull … AppDBBusy: why a write failed, without paths.
	AppDiskFull     = def("AppDiskFull", ":服务器磁盘已满", ": no space left on the server's disk")
	AppDiskReadOnly = def("AppDiskReadOnly", ":数据目录只读", ": the data folder is read-only")
	AppDiskNoWrite  = def("AppDiskNoWrite", ":服务器无权写入数据目录", ": the server may not write its data folder")
	AppDBReadOnly   = def("AppDBReadOnly", ":数据库只读", ": the database is read-only")
	AppDBBusy       = def("AppDBBusy", ":数据库忙,请稍后重试", ": the database is busy; try again later")

	// AppNoObjection: an unknown objection number.
	AppNoObjection = def("AppNoObjection", "方案 %s 没有第 %d 号异议", "plan %s has no objection %d")
	// AppObjectionNotPublished: an objection against a version not
	// published.
	AppObjectionNotPublished = def("AppObjectionNotPublished", "第 %d 版是%s,只能对已发布的版本提出异议", "version %d is %s: objections are filed against a published version")
	// AppObjectionAlready: deciding an objection twice.
	AppObjectionAlready = def("AppObjectionAlready", "异议 %d 已处理（%s）,不能再次处理", "objection %d is already %s")
	// AppNoSavedScenario: an unknown saved scenario.
	AppNoSavedScenario = def("AppNoSavedScenario", "方案 %s 没有保存的情景 %q", "plan %s has no saved scenario %q")
	// AppUnknownToken: an unknown or revoked token.
	AppUnknownToken = def("AppUnknownToken", "令牌无效或已吊销", "unknown or revoked token")
	// AppNoLiveToken: revoking a token that is not live.
	AppNoLiveToken = def("AppNoLiveToken", "没有未吊销的令牌 %q", "no live token %q")
	// AppBackupExists: a backup over an existing file.
	AppBackupExists = def("AppBackupExists", "备份文件 %s 已存在,不覆盖", "will not overwrite the existing file %s")
	// AppRestoreExists: a restore over an existing database.
	AppRestoreExists = def("AppRestoreExists", "数据目录已有数据库 %s,不覆盖;确需替换请加 --replace", "will not overwrite the existing database %s; add --replace to replace it")
	// AppNoVersion: an unknown version.
	AppNoVersion = def("AppNoVersion", "方案 %s 没有第 %d 版", "plan %s has no version %d")
	// AppApproveNotDraft: approving a version that is not a draft.
	AppApproveNotDraft = def("AppApproveNotDraft", "第 %d 版已是%s,只能审批草案", "version %d is %s: only a draft can be approved")
	// AppPublishNotApproved: publishing a version not approved.
	AppPublishNotApproved = def("AppPublishNotApproved", "第 %d 版是%s,发布前须经审批", "version %d is %s: only an approved version can be published")
	// AppNotPublished: a plan never published.
	AppNotPublished = def("AppNotPublished", "方案 %s 尚未发布", "plan %s has not been published")
)

// Messages of package internal/analysis (goal-seek and sensitivity).
var (
	// AnalysisFind: find outside min and max.
	AnalysisFind = def("AnalysisFind", "find 须为 min 或 max（实为 %q）", "find must be min or max (got %q)")
	// AnalysisMinCapacityVary: min_capacity with another path varied.
	AnalysisMinCapacityVary = def("AnalysisMinCapacityVary", "min_capacity 调节的是 plan.capacity（实为 vary=%s）", "min_capacity varies plan.capacity (got vary=%s)")
	// AnalysisWeight: a weight varied alone.
	AnalysisWeight = def("AnalysisWeight", "%s 是权重,各权重之和须为 1,不能单独调节", "%s is a weight: the weights must sum to 1, so it cannot be varied alone")
	// AnalysisPrecision: a precision that is not a positive number.
	AnalysisPrecision = def("AnalysisPrecision", "精度须为正数,最多 12 位小数（实为 %s）", "precision must be a positive number with at most 12 decimals (got %s)")
	// AnalysisPrecisionUnit: a capacity precision not a multiple of the
	// rounding unit.
	AnalysisPrecisionUnit = def("AnalysisPrecisionUnit", "财力总额的步长须为取整单位 %s 的整数倍（实为 %s）", "the capacity's precision must be a multiple of the rounding unit %s (got %s)")
	// AnalysisPrecisionSteps: a precision too fine for the value.
	AnalysisPrecisionSteps = def("AnalysisPrecisionSteps", "%s 距零超过 10^15 个步长 %s;请用更粗的精度", "%s is more than 10^15 steps of %s from zero; use a coarser precision")
	// AnalysisVaryPath: a varied path that is not a number of the plan.
	AnalysisVaryPath = def("AnalysisVaryPath", "%q 不是本方案的数值路径（例如 plan.capacity、project.vector_control.unit_cost）", "%q is not a numeric path of this plan (e.g. plan.capacity, project.vector_control.unit_cost)")
	// AnalysisStep: a sensitivity step out of range.
	AnalysisStep = def("AnalysisStep", "步长须大于 0 且小于 100%%（实为 %s）", "step must be above 0 and below 100%% (got %s)")
	// AnalysisStepNumber: a step that is not a number.
	AnalysisStepNumber = def("AnalysisStepNumber", "步长 %q 不是数字或百分比（如 10%%）", "step %q is not a number or a percentage such as 10%%")
	// AnalysisUnbounded: a target that holds at every value tried.
	AnalysisUnbounded = def("AnalysisUnbounded", "目标 %s 在 %s 的所有尝试取值上都成立,没有边界", "the target %s holds at every value of %s tried: there is no boundary")
	// AnalysisUnreachable: a target no value meets.
	AnalysisUnreachable = def("AnalysisUnreachable", "目标 %s 在 %s 的所有尝试取值上都不成立（测算不成立,或目标无法达到）", "the target %s is met at no value of %s tried (the plan is rejected, or the target is out of reach)")
	// AnalysisTargetEmpty … AnalysisMetric: a target that does not parse.
	AnalysisTargetEmpty   = def("AnalysisTargetEmpty", "目标为空（应为 min_capacity、accepted 或例如 subdistrict.desheng.total>=60000000）", "target is empty (want min_capacity, accepted or e.g. subdistrict.desheng.total>=60000000)")
	AnalysisTargetLong    = def("AnalysisTargetLong", "目标超过 400 个字符", "target longer than 400 characters")
	AnalysisTargetNoOp    = def("AnalysisTargetNoOp", "目标 %q 没有比较符（应为 >=、<=、==、>、< 之一）", "target %q has no comparison (want one of >=, <=, ==, >, <)")
	AnalysisTargetRight   = def("AnalysisTargetRight", "目标右侧 %q 既不是数字也不是指标", "right side %q of target is neither a number nor a metric")
	AnalysisNoTier        = def("AnalysisNoTier", "没有档次 %q（档次:mandatory、A、B、C、D）", "no tier %q (tiers: mandatory, A, B, C, D)")
	AnalysisTierNoCap     = def("AnalysisTierNoCap", "档次 %s 没有上限（tiers.%s.max_share）", "tier %s has no cap (tiers.%s.max_share)")
	AnalysisDistrictField = def("AnalysisDistrictField", "全区指标 %q:应为 district.<字段>", "district metric %q: want district.<field>")
	AnalysisMetric        = def("AnalysisMetric", "指标 %q:应为 subdistrict.<编码>.<字段>、tier.<档次>.<字段> 或 district.<字段>", "metric %q: want subdistrict.<id>.<field>, tier.<tier>.<field> or district.<field>")
	AnalysisNoField       = def("AnalysisNoField", "%s 没有字段 %q（字段:%s）", "%s has no field %q (fields: %s)")
)

// AppVersionWord names a version as the base of an attribution's
// sentences ("比第 1 版增加 …").
var AppVersionWord = def("AppVersionWord", "第 %d 版", "version %d")

// AppAcceptedNote: the note of the draft an accepted objection makes.
var AppAcceptedNote = def("AppAcceptedNote", "采纳异议 %d(%s)", "objection %d accepted (%s)")
