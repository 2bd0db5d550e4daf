package msg

// Messages of the budget year (docs/year.md): its stages, the 街道's
// submitted data (一上) and breakdowns (二上), the kinds of publication
// (控制数, 批复, 调整) and the [[use]] list of a plan.
var (
	// StdUseTwice: two [[use]] of one id.
	StdUseTwice = def("StdUseTwice", "使用方向编号 %s 重复", "use id %s is used twice")
	// StdUseCode: a malformed code of a use or a breakdown line.
	StdUseCode = def("StdUseCode", "科目编码 %s 格式不对", "%s is not a well-formed classification code")

	// Stages of a year.
	YearStageNone      = def("YearStageNone", "未开始", "not begun")
	YearStageCollect   = def("YearStageCollect", "一上(街道报送数据)", "一上 (data collection)")
	YearStageControl   = def("YearStageControl", "一下(控制数已下达)", "一下 (control figures published)")
	YearStageBreakdown = def("YearStageBreakdown", "二上(项目分解)", "二上 (breakdowns)")
	YearStageApproved  = def("YearStageApproved", "二下(批复已下达)", "二下 (approved budget published)")
	YearStageExecute   = def("YearStageExecute", "执行", "execution")
	YearStageAdjust    = def("YearStageAdjust", "调整", "adjustment")

	// Submission states (caili.SubStatusWords).
	YearSubNone        = def("YearSubNone", "未提交", "not submitted")
	YearSubProblems    = def("YearSubProblems", "有问题", "has problems")
	YearSubSubmitted   = def("YearSubSubmitted", "已提交", "submitted")
	YearSubAccepted    = def("YearSubAccepted", "已采纳", "accepted")
	YearSubAcceptedAs  = def("YearSubAcceptedAs", "已采纳(第 %d 版)", "accepted (version %d)")
	YearSubReturned    = def("YearSubReturned", "已退回", "returned")
	YearSubReturnedWhy = def("YearSubReturnedWhy", "已退回:%s", "returned: %s")
	YearSubReplaced    = def("YearSubReplaced", "已被新报送替代", "replaced by a later submission")

	// Kinds of publication (caili.PubKindWords).
	YearKindControl  = def("YearKindControl", "控制数", "control figures")
	YearKindApproval = def("YearKindApproval", "批复", "approved budget")
	YearKindAdjust   = def("YearKindAdjust", "调整", "adjustment")

	// Refusals of the store (caili texts).
	YearNoSubmission      = def("YearNoSubmission", "方案 %s 没有第 %d 号报送", "plan %s has no submission %d")
	YearSubmissionDecided = def("YearSubmissionDecided", "第 %d 号报送的状态是%s,不能再处理", "submission %d is %s: it cannot be decided again")
	YearKindTwice         = def("YearKindTwice", "%[1]s已经下达(%[2]d 年,第 %[3]d 版),不能再次下达;如需改变请发布调整", "the %[1]s of %[2]d are published already (version %[3]d); publish an adjustment instead")
	YearKindOrder         = def("YearKindOrder", "须先下达%[2]s,才能下达%[1]s", "the %[2]s must be published before the %[1]s")
	YearKindNotPublished  = def("YearKindNotPublished", "第 %d 版的状态是%s,不是已审批或以同一结果发布的版本", "version %d is %s: neither approved nor published with that result")
	YearBreakdownPending  = def("YearBreakdownPending", "第 %d 号项目分解尚未采纳,批复不能带上它", "breakdown %d is not accepted: the approved budget cannot carry it")

	// Refusals of the application.
	YearNoVersion           = def("YearNoVersion", "方案 %s 尚无记录的版本:规划员须先保存一版(caili records save 或「保存为草案」),一上才能开始", "plan %s has no recorded version: a planner saves one first")
	YearOnlySubdistrict     = def("YearOnlySubdistrict", "只有街道令牌可以报送本街道的数据或项目分解", "only a 街道 token submits its own data or breakdown")
	YearOtherRow            = def("YearOtherRow", "这一行是%s(%s)的数据,本令牌属于%s(%s):只能报送本街道的数据", "this row is %s (%s)'s data; the token is %s (%s)'s: a 街道 submits its own data only")
	YearBureauValue         = def("YearBureauValue", "%s 由区财政局确定,街道报送时不能修改", "%s is set by the bureau: a 街道 cannot change it")
	YearSubmissionProblems  = def("YearSubmissionProblems", "报送的数据有问题(已记录为第 %d 号报送,状态:有问题);请改正后重新报送", "the data submitted has problems (recorded as submission %d); correct them and submit again")
	YearNothingToAccept     = def("YearNothingToAccept", "没有待采纳的报送", "no submission is waiting")
	YearNoTables            = def("YearNoTables", "方案文件 %s 的街道数据不在 [[subdistrict]] 表中,报送不能自动采纳", "the plan file %s has no [[subdistrict]] tables: submissions cannot be accepted automatically")
	YearAcceptedNote        = def("YearAcceptedNote", "采纳一上报送:%s", "submissions accepted: %s")
	YearNoControl           = def("YearNoControl", "方案 %s 的 %d 年控制数尚未下达,还不能分解", "the control figures of plan %s for %d are not published: nothing to break down yet")
	YearCollectClosed       = def("YearCollectClosed", "方案 %s 的 %d 年控制数已下达(%s,%s),一上报送已结束,不再接收街道数据;数据仍需改动时请联系规划员,由规划员并入新版本(caili import --merge)", "the control figures of plan %s for %d are published (%s, %s): 一上 is over and no 街道 data is taken; for a change the planner merges the data into a new version (caili import --merge)")
	YearBreakdownClosed     = def("YearBreakdownClosed", "方案 %s 的 %d 年批复已下达(%s),项目分解已随批复下达,不再接收;年中调整下达后可按调整后的数重新分解", "the approved budget of plan %s for %d is published (%s) with its breakdowns: no more breakdowns until an adjustment, which is broken down at its figure")
	YearNoApproval          = def("YearNoApproval", "方案 %s 的 %d 年批复尚未下达", "the approved budget of plan %s for %d is not published")
	YearNoPublication       = def("YearNoPublication", "方案 %s 没有第 %d 号下达文件", "plan %s has no publication %d")
	YearPublishedUnreadable = def("YearPublishedUnreadable", "无法读取已发布的结果", "cannot read the published result")
	YearBreakdownProblems   = def("YearBreakdownProblems", "项目分解有问题(已记录为第 %d 号分解,状态:有问题);请改正后重新上传", "the breakdown has problems (recorded as breakdown %d); correct them and upload again")
	YearUseNotPermitted     = def("YearUseNotPermitted", "使用方向「%s」不在方案允许的使用方向中;可用:%s", "use \"%s\" is not among the plan's permitted uses: %s")
	YearCodeNotAllowed      = def("YearCodeNotAllowed", "科目 %s 不在使用方向「%s」允许的科目中(%s)", "code %s is not among those use \"%s\" allows (%s)")
	YearCodeUnknown         = def("YearCodeUnknown", "科目 %s 不在科目表 %s 中", "code %s is not in the code table %s")
	YearBreakdownSum        = def("YearBreakdownSum", "各项目金额合计 %s 元,应分解金额 %s 元,相差 %s 元:须分毫不差", "the lines add up to %s 元, the figure is %s 元 (a difference of %s): they must be equal")
	YearBadKind             = def("YearBadKind", "下达种类 %s 不对:应为 控制数、批复 或 调整", "%s is not a kind of publication: control, approval or adjust")
	YearNeedsWenhao         = def("YearNeedsWenhao", "须填写文号", "a 文号 (document number) is required")
	YearWenhaoTooLong       = def("YearWenhaoTooLong", "文号超过 %d 个字", "the 文号 is longer than %d characters")
	YearAdjustNeedsReason   = def("YearAdjustNeedsReason", "调整须说明理由", "an adjustment needs a reason")
	YearBadDate             = def("YearBadDate", "日期 %s 不对:应为 YYYY-MM-DD", "%s is not a date (YYYY-MM-DD)")

	// The breakdown workbook's reader.
	YearBreakdownTooLarge = def("YearBreakdownTooLarge", "项目分解超过 %d 行", "the breakdown has more than %d lines")
	YearBreakdownNoHeader = def("YearBreakdownNoHeader", "找不到表头行(%s)", "no header row (%s) found")
	YearBreakdownBlank    = def("YearBreakdownBlank", "「%s」未填写", "%s is blank")
	YearBreakdownAmount   = def("YearBreakdownAmount", "金额 %s 不是正数", "amount %s is not a positive number")
	YearBreakdownEmpty    = def("YearBreakdownEmpty", "项目分解中没有项目", "the breakdown has no lines")
)

// The command line's caili year.
var (
	FlagYearKind   = def("FlagYearKind", "下达种类:控制数(一下)、批复(二下)或 调整", "kind: 控制数 (control), 批复 (approval) or 调整 (adjust)")
	FlagYearWenhao = def("FlagYearWenhao", "文号,如 西财预〔2025〕1号", "the document number (文号)")
	FlagYearDate   = def("FlagYearDate", "成文日期 YYYY-MM-DD(默认今天)", "the document's date, YYYY-MM-DD (default today)")
	FlagYearReason = def("FlagYearReason", "理由(退回项目分解、调整时必填)", "the reason (required to return a breakdown or for an adjustment)")

	FlagYearNote        = def("FlagYearNote", "说明,如报送截止日期", "a note, such as the deadline for the 街道's data")
	OutYearOpened       = def("OutYearOpened", "%s %d 年一上已开始:街道可以报送数据", "%s, fiscal year %d: 一上 begun, the 街道 may submit their data")
	OutYearOpenAlready  = def("OutYearOpenAlready", "%s %d 年一上已于 %s 由 %s 开始", "%s, fiscal year %d: 一上 began at %s (%s)")
	OutYearAccepted     = def("OutYearAccepted", "已采纳 %s 的一上报送 → 草案第 %d 版 sha256 %s", "accepted %s's submissions → draft version %d sha256 %s")
	OutYearDecided      = def("OutYearDecided", "%s 项目分解 %d(%s):%s", "%s breakdown %d (%s): %s")
	OutYearPublished    = def("OutYearPublished", "已下达 %s 第 %d 版为%s,文号 %s,日期 %s(第 %d 号下达文件)", "published %s version %d as %s, 文号 %s, dated %s (publication %d)")
	OutYearHead         = def("OutYearHead", "%s %d 年:当前阶段 %s", "%s, fiscal year %d: stage %s")
	OutYearStage        = def("OutYearStage", "  %s  %s  %s  %s", "  %s  %s  %s  %s")
	OutYearPublication  = def("OutYearPublication", "  下达 %d:%s %s(%s,第 %d 版)%s", "  publication %d: %s %s (%s, version %d) %s")
	OutYearRowsHead     = def("OutYearRowsHead", "街道\t名称\t一上数据\t二上分解\t执行", "id\tname\tdata (一上)\tbreakdown (二上)\texecution")
	OutYearExecWarnings = def("OutYearExecWarnings", ",%d 条预警", ", %d warning(s)")
	OutYearListHead     = def("OutYearListHead", "编号\t街道\t报送时间\t文件\t改动项数/金额\t状态", "n\tsub-district\tfiled\tfile\tchanges/amount\tstatus")
	OutYearDiffHead     = def("OutYearDiffHead", "%s:第 %d 版(批复)→ 第 %d 版(调整)", "%s: version %d (approved) → version %d (adjustment)")
)

// A 街道's execution in the year's status.
var (
	YearExecNone = def("YearExecNone", "未导入", "none imported")
	YearExecAt   = def("YearExecAt", "%d 月末执行率 %s%%", "%d: %s%% executed")
)

// DashYear is the 预算年度 page's title.
var DashYear = def("DashYear", "预算年度", "budget year")
