package formula

// The words of formula's results, in one place (issue 19 §3): the names
// of the components, of the items the rules make and of the
// equalisation's stages, and the words of the explanation lines. A
// result's lines are part of the result and are Chinese in every
// language; problems, which a person reads in the language asked for,
// are messages of internal/msg (formula names them, the edge renders).

// ComponentLabels are the Chinese names of the components, in the order
// of ComponentNames, as every table, statement and chart heads them.
var ComponentLabels = [len(ComponentNames)]string{"人员经费", "公用经费", "项目经费", "激励", "因素分配", "保底封顶"}

// EqualisationLabels are the Chinese names of EqualisationStages, in the
// same order.
var EqualisationLabels = [...]string{"因素分配前", "因素分配后", "保底封顶后"}

// fixedItemNames name the items the rules make, not the plan: the
// incentive's one line and the damping lines.
var fixedItemNames = map[Stage]map[string]string{
	StageIncentive: {"tax_growth": "税源增长激励"},
	StageBlock:     {BlockItem: "按调整后得分分配"},
	StageDamping:   {"none": "不调整", "floor": "保底补足", "ceiling": "封顶调减", "floor_funding": "分摊保底资金"},
}

// A rate's unit, per head or per unit of its basis a year: "元／人·年",
// "元／平方米·年", or "元" when the basis has no one unit. The slash is
// the full-width one: an ASCII slash would read as a division.
const (
	wordYuan        = "元"
	wordYuanPer     = "元／%s·年"
	wordHeadcountUn = "人"
)

// fnWords name the functions line text uses, in Chinese (FunctionWords).
var fnWords = map[string]string{
	"floor": "向下取整", "ceil": "向上取整", "floor_u": "按单位向下取整", "ceil_u": "按单位向上取整",
	"min": "取较小者", "max": "取较大者",
}

// FunctionWords maps the words of a function in line text to its
// function: "向下取整" → "floor" (docs/audit.md).
func FunctionWords() map[string]string {
	out := make(map[string]string, len(fnWords))
	for f, w := range fnWords {
		out[w] = f
	}
	return out
}

// wordAndMore ends a list of names cut short (Warnings).
const wordAndMore = "等"

// CitationMark starts the citation of a standard's source document at the
// end of a line: "…= 3,382,500,B档,全额保障;标准依据 罗财〔2024〕5号".
const CitationMark = ";标准依据 "

// BaselineMark starts the citation of a damping baseline taken from a
// published result: "…;基数 取自 2025年已发布版本 第 3 版 1a2b3c4d".
const BaselineMark = ";基数 取自 "

// Words of the explanation lines.
const (
	// wordPublishedYear cites a published result (%s: its fiscal year).
	wordPublishedYear = "%s年已发布版本"
	// wordOfPlan cites another plan's published result (%s: the plan,
	// then wordPublishedYear).
	wordOfPlan = "方案 %s %s"
	// wordRemainderUnit says that the largest-remainder method gave a
	// line one more unit (%s: the unit).
	wordRemainderUnit = ",尾差 +%s 元（最大余额法）"
)

// The explanation lines' words (explain.go), as formats of fmt.Sprintf
// whose every verb is a %s taking text explain.go has already formatted:
// amounts, quantities, fractions and rounding functions.

// Stage 2, personnel: the actual payroll, or headcount × annual pay.
const (
	wordPayroll      = "实际工资 %s 元"
	wordHeadcountPay = "%s 人 × %s 元／人·年"
)

// Stages 3 and 4, public costs and projects: a rate or unit cost × the
// basis; a project's demand and its rating's coefficient.
const (
	wordRateBasis     = "%s %s × %s"
	wordDemand        = "需求 %s %s × %s"
	wordProjectRating = " × %s（项目绩效 %s）"
)

// Stage 4, projects by tier: funded in full, or a share of the tier's
// budget (why it fell short: the cap or what remained); with overflow =
// demote, what moved to the next tier, the parts' sum and what no tier
// funded; a tier's name.
const (
	wordFullyFunded  = "全额保障"
	wordProportional = "按比例 %s × %s ÷ %s"
	wordOverCap      = "超上限"
	// wordOverCapAvailable: the cap on the whole budget ([tiers]
	// cap_base = "available", rules §6).
	wordOverCapAvailable = "超上限（按可用财力计）"
	wordOverRemaining    = "超剩余财力"
	wordCarriedTo        = ";余 %s 转入%s,"
	// wordPartLeft, wordPartMoved: a part's line on a statement, "未安排
	// 1,650,000 − 1,629,418 = 20,582 转入B档,…".
	wordPartLeft      = "未安排"
	wordPartMoved     = " 转入%s,"
	wordPartsTotal    = ";合计 %s = %s"
	wordLeftUnfunded  = ";余下 %s 未安排（D档之后不再顺延）"
	wordTierMandatory = "保基本民生项目（应保尽保）"
	wordTier          = "%s档"
)

// Stage 5, the incentive cut to its total: rate × growth × the total ÷
// the sum of every sub-district's rate × growth.
const (
	wordIncentiveShare = " × 激励总额 %s ÷ Σ %s"
)

// Stage 6, the block grant: an indicator's share of the sub-district's
// block amount (the amount, the indicator's part and the score), or
// nothing to share (the amount, the line's); the sub-district's share of
// the pool by adjusted score (the pool, its adjusted score, the sum).
const (
	wordBlockZero    = "本街道因素分配 %s 元,本行 = %s"
	wordBlockShare   = "本街道因素分配 %s 元 × 本项得分 %s ÷ 本街道得分 %s"
	wordAdjustedZero = "全区调整后得分合计为 0,因素分配 = %s"
	wordPoolShare    = "因素分配资金 %s 元 × 本街道调整后得分 %s ÷ 全区合计 %s"
)

// Stage 7, damping: the ceiling's cut, the floor's top-up (without and
// with the rating's effect), the floor's funding, a total within bounds,
// what damping measures and the bounds it is checked against.
const (
	wordBaseline       = "基数 %s"
	wordCeiling        = "封顶 %s = %s(%s × %s);调减 取较小者(%s − %s, 因素分配 %s) = %s"
	wordNothingToCut   = ",无因素分配可调减"
	wordFloor          = "保底 %s = %s(%s × %s);%s"
	wordTopUp          = ",补足 %s − %s = %s"
	wordTopUpRated     = ",不计绩效等级影响为 %s,补足 %s − %s = %s"
	wordFunding        = "保底资金缺口按高于保底的余量分摊;调减 %s × 余量 %s ÷ Σ余量 %s"
	wordWithinRated    = "%s,不计绩效等级影响 %s 为 %s;保底按后者、封顶按前者检验,在%s 之内,不调整"
	wordWithin         = "%s 在%s 之内,不调整"
	wordMeasure        = "测算"
	wordMeasureExclude = "测算（不含%s）"
	wordRangeFloor     = " 保底 %s"
	wordRangeAnd       = " 与 "
	wordRangeCeiling   = "封顶 %s"
)

// Rules §6, where the money goes: an execution band's cut of a demand (%s:
// the coefficient, the rate, the band's below); who spends a
// district-managed project (%s: the department, or
// wordDistrictDepartment); a transfer's share by its basis (its name,
// amount, the sub-district's basis and the district's sum), or nothing
// when the basis is zero everywhere (its name and amount, the line's).
const (
	wordExecution          = " × %s (执行率 %s 低于 %s)"
	wordManagedBy          = ";由%s统筹安排,不计入本街道财力"
	wordDistrictDepartment = "区级主管部门"
	wordTransfer           = "[%s] %s 元 × %s ÷ Σ %s"
	wordTransferZero       = "[%s] %s 元,基数合计为 0,本行 = %s"
)
