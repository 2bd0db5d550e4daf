package msg

// Words of the notices a bureau sends a 街道 (caili notice, issue 24 §4):
// the kinds, the fixed words of the page (the body is the editable
// template configs/notice.tmpl), and the command's flags and errors.
var (
	// NoticeKindEstimate, NoticeKindControl and NoticeKindApproval name the
	// kinds of notice (--kind): 测算, 控制数, 批复.
	NoticeKindEstimate = def("NoticeKindEstimate", "测算", "estimate")
	NoticeKindControl  = def("NoticeKindControl", "控制数", "control")
	NoticeKindApproval = def("NoticeKindApproval", "批复", "approval")
	// NoticeTitleEstimate and the rest are each kind's document name.
	NoticeTitleEstimate = def("NoticeTitleEstimate", "财力测算通知书", "notice of the estimated funds")
	NoticeTitleControl  = def("NoticeTitleControl", "财力控制数通知", "notice of the funds' control figures")
	NoticeTitleApproval = def("NoticeTitleApproval", "财力批复通知", "notice of the approved funds")
	// NoticeBureau is the bureau that sends the notice (%s: the district).
	NoticeBureau = def("NoticeBureau", "%s财政局", "%s Finance Bureau")
	// NoticeBureauNone is the bureau when the plan names no district.
	NoticeBureauNone = def("NoticeBureauNone", "区财政局", "district finance bureau")
	// NoticeDate is a date on a notice (%d: year, month, day).
	NoticeDate = def("NoticeDate", "%d年%d月%d日", "%d-%d-%d")
	// NoticeDraft marks a notice of a plan not published (or a what-if).
	NoticeDraft = def("NoticeDraft", "草案", "draft")
	// NoticeNoDocNo stands for a 文号 not given.
	NoticeNoDocNo = def("NoticeNoDocNo", "（文号待定）", "(number to come)")
	// NoticeNoDate stands for a date not given.
	NoticeNoDate = def("NoticeNoDate", "（日期待定）", "(date to come)")
	// NoticeColItem and NoticeColAmount head the notice's table.
	NoticeColItem   = def("NoticeColItem", "项目", "item")
	NoticeColAmount = def("NoticeColAmount", "金额（万元）", "amount (10,000 yuan)")
	// NoticeSeal marks where the seal goes.
	NoticeSeal = def("NoticeSeal", "（盖章）", "(seal)")
	// NoticePage is a page's number within its notice (%d: n, of m).
	NoticePage = def("NoticePage", "第 %d 页 共 %d 页", "page %d of %d")
	// NoticeCode is the verification code in the footer (%s: the stamp's
	// hash, %s: caili's version).
	NoticeCode = def("NoticeCode", "校验码 %s (caili %s)", "verification code %s (caili %s)")
	// NoticeTemplateBad is a notice template that does not parse or run
	// (%s: the template's error).
	NoticeTemplateBad = def("NoticeTemplateBad", "通知模板有误: %s", "the notice template is wrong: %s")
	// NoticeNoSubdistrict is a notice asked for with no 街道 in the plan.
	NoticeNoSubdistrict = def("NoticeNoSubdistrict", "方案没有街道, 无通知可写", "the plan has no sub-district to write a notice to")

	// FlagNoticeSub describes notice's --subdistrict.
	FlagNoticeSub = def("FlagNoticeSub", "只写这个街道的通知（编码或名称）; 不给则每个街道一份, 各自另起一页", "the sub-district (id or name) to write the notice to; without it one notice per sub-district, each on a new page")
	// FlagNoticeKind describes --kind.
	FlagNoticeKind = def("FlagNoticeKind", "通知种类: 测算（财力测算通知书）、控制数 或 批复", "the kind of notice: 测算 (estimate), 控制数 (control figures) or 批复 (approval)")
	// FlagNoticeDocNo describes --doc-no.
	FlagNoticeDocNo = def("FlagNoticeDocNo", "文号, 如 西财预〔2025〕12号", "the document number (文号), e.g. 西财预〔2025〕12号")
	// FlagNoticeDate describes --date.
	FlagNoticeDate = def("FlagNoticeDate", "成文日期 YYYY-MM-DD; 方案已发布时默认为发布日期", "the date, YYYY-MM-DD; by default the publication's date when the plan is published")
	// FlagNoticeTemplate describes --template.
	FlagNoticeTemplate = def("FlagNoticeTemplate", "通知正文模板（text/template 文件, 默认内置 configs/notice.tmpl）", "the notice's body template (a text/template file; by default the built-in configs/notice.tmpl)")
	// FlagNoticeOut describes notice's --out.
	FlagNoticeOut = def("FlagNoticeOut", "写入的 PDF 文件（必填）", "the PDF file to write (required)")
	// CmdNoticeNeedsOut asks for --out.
	CmdNoticeNeedsOut = def("CmdNoticeNeedsOut", "notice 需要 --out F.pdf", "notice needs --out F.pdf")
	// CmdNoticeDate is a --date not of the form YYYY-MM-DD.
	CmdNoticeDate = def("CmdNoticeDate", "--date 应为 YYYY-MM-DD, 而不是 %q", "--date must be YYYY-MM-DD, not %q")
)
