package checkxlsx

// The 复核 workbook's own words, in one place (issue 19 §3): its sheet
// names, the 说明 sheet, and each sheet's titles, headers, labels and
// notes, and the formulas that hold words (a check's 通过, an input's 是
// or 无). The workbook is Chinese in every language.

// Sheet names of the workbook, in order.
const (
	SheetGuide     = "说明"
	SheetSummary   = "汇总"
	SheetInputs    = "输入"
	SheetPersonnel = "人员经费"
	SheetPublic    = "公用经费"
	SheetTiers     = "项目分档"
	SheetProjects  = "项目经费"
	SheetIncentive = "激励"
	SheetBlock     = "因素法"
	SheetBlockRows = "因素法明细"
	SheetDamping   = "增减幅控制"
)

// sheetOrder lists the sheets in order.
var sheetOrder = []string{SheetGuide, SheetSummary, SheetInputs, SheetPersonnel, SheetPublic,
	SheetTiers, SheetProjects, SheetIncentive, SheetBlock, SheetBlockRows, SheetDamping}

// Check texts: what a check cell shows.
const (
	Same   = "一致"
	Differ = "不一致"
)

// guideText is the 说明 sheet, one line a row; %s is the plan's name.
var guideText = []string{
	"复核工作簿:%s",
	"本工作簿由 caili 生成,供街道与区财政局在 Excel 或 LibreOffice 中自行复核测算。规则见 docs/rules.md,用法见 docs/check-workbook.md。",
	"",
	"一、各表",
	"汇总:全区测算流程(预备费、可用财力、项目资金池、激励、因素分配资金、绩效预留、封顶调减留存资金)、会计恒等式、拒绝检查、核对汇总,以及各街道六个分项与合计。",
	"输入:全部输入——方案参数、人员类别、公用经费定额、共性项目与档次、分档上限、因素与指标、绩效系数、项目绩效系数、各街道的人数、实际工资、数量、评级、调整系数、基数。",
	"人员经费、公用经费:每个街道每个类别(定额)一行,round(工资基数 × (1 + 比例))、round(定额 × 基数合计)。",
	"项目分档:三保、A、B、C、D 各档的需求、上限、本档前剩余、本档安排;项目经费:每个 (街道, 项目) 一行,需求 = round(单位标准 × 基数 × 项目绩效系数),各档的本档需求与最大余额法分配。",
	"激励:raw = 比例 × max(0, 本年 − 上年),总额 floor_u(min(Σraw, 限额, 剩余)),最大余额法分配。",
	"因素法:各指标得分部分、得分、调整系数、绩效系数、权重,因素分配资金(reserve 模式下扣下绩效预留)的最大余额法分配,以及不计绩效等级的分配;因素法明细:各街道的因素分配再按指标分到各行。",
	"增减幅控制:控制口径测算(剔除的分项不计)、保底检验口径(保底保留绩效影响时扣除绩效等级影响)、保底线、封顶线、封顶调减、保底补足、缺口分摊。",
	"",
	"二、怎么用",
	"1. 打开后先看 汇总 的“核对汇总”:全部一致 即本工作簿的公式逐项重算出了 caili 的每一个金额。",
	"2. 在 输入 表改任何数值或文字(如某街道人口、某项目单位标准、分档上限、绩效等级、保底系数、分档顺延 cut/demote、绩效模式、剔除分项 是/否),各表随之重算;此时 核对 列会在与 caili 原结果不同处显示 不一致,这是预期的——它标出改动影响到的金额。",
	"3. 增删街道、项目、因素指标,或改基数所列的数量名,属于结构变动,须在方案文件中修改后用 caili 重新生成本工作簿(caili calc --format check-xlsx --out 文件)。",
	"4. 改动后方案可能不再合规(如因素权重之和不为 1),本工作簿不做校验;请用 caili validate 检查。拒绝的情形见 汇总 与各表的 拒绝检查。",
	"",
	"三、取整与最大余额法",
	"round 用 ROUND(x, D),D 为取整单位的小数位数(U = 1 元时 D = 0,U = 10000 时 D = −4);floor_u、ceil_u 用 ROUNDDOWN、ROUNDUP,先 ROUND 到 D + 6 位,以免二进制浮点把 3332900 存成 3332899.9999999995 后向下取错。",
	"最大余额法:配额 = 总额 × 权重 / Σ权重(以取整单位计),先取整数部分;剩下的 k 个单位给余数最大的 k 行——余数高于分界余数(第 k 大的余数,LARGE)的各加一个,等于分界余数的按行序(分界并列序号)补足,即余数相等时排在前面的行优先。k、分界余数、高于分界的个数、权重合计写在每组的第一行。",
	"",
	"四、浮点与 caili 精确数可能不同之处(核对列会标 不一致)",
	"caili 全程用精确十进制与有理数;Excel、LibreOffice 用二进制浮点,只保留约 15 位有效数字。以下情形可能不同:",
	"1. 金额或乘积超过 15 位有效数字(含最大余额法里的 总额 × 权重 超过 2^53 ≈ 9×10^15 个取整单位)。",
	"2. ROUND 恰好一半的数:如 1.005 在二进制中略小于 1.005,Excel 与 LibreOffice 会先按 15 位有效数字校正,通常得到与 caili 相同的 1.01,但不保证。",
	"3. 因素法得分、激励等非整数权重的最大余额法:余数按 6 位小数比较;两个余数相差不足 10^-6 个单位、又恰在分界处时,名次可能与精确计算不同,差一个取整单位。",
	"4. reserve 模式的因素分配资金 floor_u(R × Σadj / Σbase):精确值恰好落在取整单位整数倍的 10^-6 以内时可能差一个单位。",
	"项目需求、保底缺口分摊的最大余额法以整数计算余数,不受浮点影响(在 2^53 以内)。",
	"",
	"五、覆盖的规则",
	"本工作簿以公式覆盖 caili 的全部测算规则:预备费、人员经费(含实际工资)、公用经费、项目绩效系数、三保与 A–D 分档上限、挡下需求削减(cut)或顺延(demote)、激励及其限额、因素法(redistribute 与 reserve 两种绩效模式)、分指标明细、增减幅控制(保底、封顶、剔除分项 exclude、保底保留绩效影响 floor_keeps_rating、缺口分摊)、会计恒等式与四种拒绝。",
}

// lrHeader are the labels of the columns lr writes; lrWidth is their
// number. The amount is in the fourth.
var lrHeader = []string{"配额整数部分(单位)", "余数", "分界并列序号", "所得", "剩余单位数 k", "分界余数", "高于分界的个数", "权重合计"}

// tierLabels name the five tiers in the 项目分档 and 项目经费 sheets.
var tierLabels = [5]string{"三保", "A", "B", "C", "D"}

// Words shared by the sheets: the id and name columns, caili's exact
// figure and the check beside a formula, the rejection check, the words
// of a yes/no input and of a missing one.
const (
	colID      = "街道编码"
	colName    = "街道"
	colCaili   = "caili 精确数"
	colCheck   = "核对"
	rowRefusal = "拒绝检查"
	wordYes    = "是"
	wordNo     = "否"
	wordNone   = "无"
)

// itemAmountHead heads an item sheet's last columns: the amount by
// formula, caili's and the check.
var itemAmountHead = []string{"金额(公式)", colCaili, colCheck}

// The 汇总 sheet: its title and header, each row's label and how it is
// computed (in summary's order), the rejection check and the checks'
// count.
const (
	sumTitle      = "汇总:全区测算流程与各街道结果(公式值与 caili 精确数逐项核对)"
	sumPassed     = "通过:方案不被任何阶段拒绝"
	sumChecks     = "核对汇总"
	fmlSumRefusal = `IF(B6+B7>B5,"拒绝:财力不足 capacity shortfall,缺口 "&(B6+B7-B5),IF(AND(%s="通过",%s),"通过","拒绝:见各表的拒绝检查"))`
	fmlSumChecks  = `IF(%s=0,"全部一致","有 "&(%s)&" 处不一致")`
	fmlPassed     = `%s="通过"`
)

// sumHead heads the 汇总 sheet's district rows.
var sumHead = []string{"项目", "公式值", colCaili, colCheck, "算式"}

// sumRows are the 汇总 sheet's district rows: label and how it is computed.
var sumRows = [...][2]string{
	{"可用财力", "输入"},
	{"预备费", "round(可用财力 × 预备费比例)"},
	{"可用财力", "可用财力 − 预备费"},
	{"人员经费合计", "下表各街道人员经费之和(人员经费 表)"},
	{"公用经费合计", "下表各街道公用经费之和(公用经费 表)"},
	{"项目资金池", "可用财力 − 人员经费 − 公用经费"},
	{"项目经费合计", "各档安排之和(项目分档、项目经费 表)"},
	{"激励总额", "floor_u(min(Σraw, 限额, 剩余))(激励 表)"},
	{"因素分配资金", "剩余财力;reserve 模式 floor_u(R × Σadj / Σbase)(因素法 表)"},
	{"绩效预留", "reserve 模式下绩效系数扣下的部分"},
	{"封顶调减留存资金", "封顶腾出、保底用剩的部分"},
	{"各街道合计", "下表各街道合计之和"},
	{"会计恒等式", "各街道合计 + 预备费 + 绩效预留 + 封顶调减留存资金 − 可用财力,应为 0"},
}

// sumTotalsHead heads the 汇总 sheet's table of sub-districts.
var sumTotalsHead = []string{colID, colName, "人员经费", "公用经费", "项目经费", "激励", "因素分配", "保底封顶", "合计(公式)", "caili 合计", colCheck}

// The 输入 sheet: the plan's parameters, each with its label and note.
const (
	inTitle           = "一、方案参数(改动数值或文字后,各表自动重算)"
	inName            = "方案名称"
	inYear            = "年度"
	inCapacity        = "可用财力 capacity(元)"
	inCapacityNote    = "须为取整单位的整数倍"
	inUnit            = "取整单位 U(元)"
	inUnitNote        = "0.01、0.1、1、10、100、1000 或 10000"
	inDigits          = "取整位数 D"
	inDigitsNote      = "由 U 算出:ROUND 的小数位数"
	inReserveRate     = "预备费比例 reserve_rate"
	inOverflow        = "分档顺延 tiers.overflow"
	inOverflowNote    = "cut:挡下的不再安排;demote:A、B、C 档挡下的顺延到下一档"
	inPerfMode        = "绩效模式 performance.mode"
	inPerfModeNote    = "redistribute 或 reserve;无:方案未设 [performance],绩效系数为 1"
	inIncRate         = "激励比例 incentive.rate"
	inIncCurrent      = "激励:本年数量"
	inSameColumn      = "见街道表的同名列"
	inIncPrevious     = "激励:上年数量"
	inIncBudget       = "激励限额 incentive.budget(元)"
	inIncBudgetNote   = "空白:不限额"
	inBaseline        = "增减幅基数 damping.baseline"
	inFloor           = "保底系数 damping.floor"
	inFloorNote       = "空白:不设保底"
	inCeiling         = "封顶系数 damping.ceiling"
	inCeilingNote     = "空白:不封顶"
	inExclude         = "控制口径剔除 "
	inYesNo           = "是 / 否"
	inKeepRating      = "保底保留绩效影响 floor_keeps_rating"
	inKeepRatingNote  = "是 / 否;无 [performance] 时不起作用"
	inDistrictTotal   = "全区合计"
	inNoRating        = "(无)"
	inHeadcountPrefix = "人数 "
	inPayrollPrefix   = "实际工资 "
	inProjRatePrefix  = "项目评级 "
)

// The 输入 sheet's tables: title and header of each.
const (
	inStaffTitle     = "二、人员类别"
	inQuotaTitle     = "三、公用经费定额"
	inProjectTitle   = "四、共性项目"
	inTierCapTitle   = "五、分档上限(占项目资金池的份额;空白为不设上限)"
	inFactorTitle    = "六、因素"
	inIndicatorTitle = "七、因素指标"
	inPerfTitle      = "八、绩效系数 performance.coefficients"
	inProjPerfTitle  = "九、项目绩效系数 project_performance.coefficients"
	inSubTitle       = "十、各街道数据(人数、实际工资、数量、评级;实际工资空白即按 人数 × 年工资)"
)

// The headers of the 输入 sheet's tables.
var (
	inStaffHead     = []string{"编码", "名称", "年工资(元/人)", "社保公积金比例"}
	inQuotaHead     = []string{"编码", "名称", "定额(元/单位)", "基数"}
	inProjectHead   = []string{"编码", "名称", "单位标准(元)", "基数", "档次", "档次序号"}
	inTierCapHead   = []string{"档次", "上限比例 max_share"}
	inFactorHead    = []string{"因素编码", "名称", "权重"}
	inIndicatorHead = []string{"因素编码", "数量(街道表的列)", "权重"}
	inCoefHead      = []string{"等级", "系数"}
	inSubHead       = []string{"编码", "名称", "绩效等级", "调整系数"}
)

// The 人员经费 and 公用经费 sheets' headers.
var (
	personnelHead = []string{colID, colName, "人员类别", "人数", "实际工资", "年工资", "社保公积金比例", "工资基数"}
	publicHead    = []string{colID, colName, "定额", "定额(元/单位)", "基数合计"}
)

// The 项目分档 and 项目经费 sheets: title, header, notes, what a tier
// without a cap or without items shows, the 三保 rejection, and the
// per-tier demand column's suffix.
const (
	tierTitle     = "项目分档:按 三保、A、B、C、D 依次安排;上限以第 3 阶段的整个项目资金池计"
	tierNoteCaps  = "三保没有上限;A–D 档 安排 = min(T, 上限, 本档前剩余)。分档顺延(demote)时,A、B、C 档挡下的需求作为同一条目的需求进入下一档(见 项目经费 表的各档 本档需求 列)。"
	tierNoteEmpty = "本档无条目时 caili 不列此档,caili 需求、安排记为 0;上限只在 caili 列出此档时核对。"
	tierNoCap     = "无上限"
	tierNoItems   = "本档无条目"
	tierDemand    = " 本档需求"
	fmlTierRefuse = `IF(%s>%s,"拒绝:三保项目资金不足 mandatory projects unfunded,缺口 "&(%s-%s),"通过")`
)

// tierHead heads the 项目分档 sheet.
var tierHead = []string{"档次", "本档需求 T", "其中顺延来的", "上限比例", "上限 cap", "本档前剩余", "本档安排", "本档后剩余",
	"caili 需求", colCheck, "caili 上限", colCheck, "caili 安排", colCheck, rowRefusal}

// projectHead heads the 项目经费 sheet before the tiers' columns;
// projectTail after them.
var (
	projectHead = []string{colID, colName, "项目", "档次序号", "基数合计", "单位标准", "项目评级", "项目绩效系数", "需求"}
	projectTail = []string{"项目经费(公式)", colCaili, colCheck}
)

// The 激励 sheet: without an incentive, or its title, the labels of its
// parameters (in order) and its header's words.
const (
	incNone         = "本方案未设 [incentive]:激励为 0,剩余财力全部进入因素法分配。"
	incTitle        = "税收增长激励:raw = 比例 × max(0, 本年 − 上年);总额 B = floor_u(min(Σraw, 限额, 剩余));按 raw 最大余额法分配"
	incBefore       = "本阶段前剩余"
	incBudget       = "限额"
	incPool         = "激励总额 B"
	incAfter        = "本阶段后剩余"
	incCurrent      = "本年 "
	incPrevious     = "上年 "
	incGrowth       = "增长"
	fmlIncUnlimited = `IF(%s="","不限",%s)`
)

// The 因素法 sheet: title, parameters (label, in blockSheet's order),
// header and note; 因素法明细's header.
const (
	blockTitle      = "因素法分配:得分 = Σ 因素权重 × 指标权重 × 本街道数量 / 全区合计;权重 = 得分 × 调整系数 × 绩效系数"
	blockNeutral    = "不计绩效 "
	blockNote       = "不计绩效等级的分配 LR(R, base) 只在 保底保留绩效影响 为 是 时用于增减幅控制;绩效预留只在 reserve 模式下不为 0。"
	blockNotApplied = "(不适用)"
	fmlBlockRefusal = `IF(AND(B2>0,IF(B3="reserve",B4=0,B5=0)),"拒绝:无街道可分因素分配资金 nobody eligible,缺口 "&B2,"通过")`
	fmlCoefOrOne    = `IF(%s="无",1,%s)`
)

// blockParams label the 因素法 sheet's parameters, in order.
var blockParams = []string{"本阶段前剩余 R", "绩效模式", "Σ 得分 × 调整系数 (Σbase)", "Σ 权重 (Σadj)", "因素分配资金 B", "绩效预留", rowRefusal}

// The 因素法 sheet's header after the indicators: the score and weights,
// then (after the split and caili's figure) the rating's effect.
var (
	blockHead     = []string{"得分", "调整系数", "绩效等级", "绩效系数", "base = 得分 × 调整系数", "权重 = base × 绩效系数"}
	blockEffect   = []string{"绩效等级影响", colCaili, colCheck}
	blockRowsHead = []string{colID, colName, "数量", "得分部分", "本街道因素分配"}
)

// The 增减幅控制 sheet: without damping, or its title, parameters (in
// order), note, header and formulas of an exclusion and of the rating's
// effect.
const (
	dampNone       = "本方案未设 [damping]:不做增减幅控制,各街道保底封顶为 0。"
	dampTitle      = "增减幅控制:保底线 = ceil_u(保底系数 × 基数),封顶线 = floor_u(封顶系数 × 基数);封顶只从因素分配中扣"
	dampNote       = "可让出余量 g = max(0, min(测算 − 调减 − 保底线, 因素分配 − 调减)),只有不需保底补足的街道有;缺口 S 按 g 最大余额法分摊。"
	dampBaseline   = "基数 "
	fmlDampRefusal = `IF(B4>B5,"拒绝:保底资金不足 damping floors cannot be funded,缺口 "&(B4-B5),"通过")`
	fmlExcluded    = `IF(%s="是",0,%s)`
	fmlKeptEffect  = `IF(AND(%s="是",%s<>"无"),%s-%s,0)`
)

// dampParams label the 增减幅控制 sheet's parameters, in order.
var dampParams = []string{"封顶腾出 E = Σ 封顶调减", "保底需要 D = Σ 保底补足", "缺口 S = max(0, D − E)", "可让出余量合计 Σg",
	"封顶调减留存资金 damping_reserve = max(0, E − D)", rowRefusal}

// The 增减幅控制 sheet's header: before the baseline, after it, and after
// the split.
var (
	dampHead     = []string{"控制口径测算 pre", "绩效等级影响", "保底检验口径 pre0"}
	dampHeadMore = []string{"保底线", "封顶线", "封顶调减", "保底补足", "可让出余量 g"}
	dampTail     = []string{"增减幅(公式)", colCaili, colCheck}
)

// SheetTransfers is the sheet of the earmarked transfers (rules §6),
// written after the others in a plan that has them.
const SheetTransfers = "专项转移支付"

// The words of rules §6 (where the money goes), written only in a plan
// that has the table they describe: the 输入 sheet's parameters and
// tables, the 项目经费 sheet's extra columns, the 因素法 sheet's district
// pool, the 专项转移支付 sheet and the 汇总 sheet's district figures.
const (
	inBlockAmount     = "因素分配资金 block.amount(元)"
	inBlockAmountNote = "第 6 阶段至多分配此数(含绩效预留);其余留区级统筹 district_pool"
	inCapBase         = "分档上限基数 tiers.cap_base"
	inCapBaseNote     = "pool:项目资金池;available:可用财力(部门预算总盘子)"
	inManagedHead     = "管理 managed"
	inDistrict        = "district"
	inExecTitle       = "十一、执行率压减 project_execution.bands(执行率低于 below 的取该档系数,按档次顺序取第一档)"
	inTransferTitle   = "十二、专项转移支付 transfer(按各自基数最大余额法分配,不计入财力与增减幅控制)"
	inExecPrefix      = "执行率 "
	projManaged       = "管理 managed(district:区级部门统筹,不计入街道合计)"
	projExecRate      = "执行率"
	projExecCoef      = "执行系数 e"
	blockDistrictPool = "区级统筹 district_pool = 本阶段前剩余 − R"
	blockLimitedStart = "本阶段前剩余(限额前)"
	transferTitle     = "专项转移支付:每项按其基数合计 w 以最大余额法 LR(金额, w) 分到各街道;不占财力,不计入增减幅控制,计入街道合计"
	sumMoneyTitle     = "资金去向(规则 §6)"
	sumDistrictPool   = "区级统筹 district_pool"
	sumDistrictPoolF  = "剩余超出 因素分配资金 block.amount 的部分,留区级(因素法 表)"
	sumManaged        = "区级部门统筹 district_managed"
	sumManagedF       = "区级部门统筹项目的安排之和,不计入街道合计(项目经费 表)"
	sumTransfers      = "专项转移支付 transfers"
	sumTransfersF     = "各项转移支付金额之和(专项转移支付 表),计入街道合计"
	sumIdentityMoney  = "各街道合计 + 预备费 + 绩效预留 + 封顶调减留存资金 + 区级统筹 + 区级部门统筹 − 可用财力 − 专项转移支付,应为 0"
	tierNoteCapBase   = "本方案 tiers.cap_base = available:A–D 档上限 = floor_u(上限比例 × 可用财力),即部门预算总盘子(见 输入 表)。"
	guideMoney        = "资金去向(规则 §6):因素分配资金限额与区级统筹(因素法 表第 9 行)、区级部门统筹项目(项目经费 表 管理 列,计入 区级部门统筹 不计入街道合计)、专项转移支付(专项转移支付 表)、分档上限以可用财力计(项目分档 表)、执行率压减(项目经费 表 执行率、执行系数 列)。"
)

// The 专项转移支付 sheet's header before and after the split; the 汇总
// sheet's extra columns of the sub-districts.
var (
	transferHead    = []string{colID, colName, "转移支付", "基数合计 w", "金额"}
	transferTail    = []string{colCaili, colCheck}
	sumMoneyColumns = []string{"专项转移支付(公式)", colCaili, colCheck, "区级部门统筹(公式,不计入合计)", colCaili, colCheck}
	inTransferHead  = []string{"编码", "名称", "金额(元)", "基数"}
	inExecHead      = []string{"低于 below", "系数 coefficient"}
)
