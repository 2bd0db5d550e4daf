package msg

// Messages of package formula: the rules of a plan (rules §2).
var (
	// Negative: an amount, count or rate below zero.
	Negative = def("Negative", "不能为负数（实为 %s）", "must not be negative (got %s)")

	// Missing: a required value is absent.
	Missing = def("Missing", "缺少此项", "missing")
	// NotEmpty: a required text is blank.
	NotEmpty = def("NotEmpty", "不能为空", "must not be empty")
	// BadID: an id of the wrong form.
	BadID = def("BadID", "编码 %q 格式不对:须以小写字母开头,只含小写字母、数字、_ 和 -（须符合 ^[a-z][a-z0-9_-]*$）",
		"%q must match ^[a-z][a-z0-9_-]*$")
	// DuplicateID: an id an earlier entry uses.
	DuplicateID = def("DuplicateID", "编码 %q 重复（前面已有条目使用）", "duplicate id %q (the same id is used by an earlier entry)")
	// EmptyBasis: a basis that names no quantity.
	EmptyBasis = def("EmptyBasis", "至少要写一个数量", "must name at least one quantity")

	// PositiveYear: a fiscal year of zero or less.
	PositiveYear = def("PositiveYear", "须为正数年份（实为 %d）", "must be a positive year (got %d)")
	// BadRoundingUnit: a rounding unit that is not a power of ten.
	BadRoundingUnit = def("BadRoundingUnit", "须为 0.01 到 10000 之间 10 的整数次幂（实为 %s）",
		"must be a power of ten from 0.01 to 10000 (got %s)")
	// NotMultipleOfUnit: an amount that is not a whole number of rounding units.
	NotMultipleOfUnit = def("NotMultipleOfUnit", "须为取整单位 %s 的整数倍（实为 %s）", "must be a multiple of the rounding unit %s (got %s)")
	// RateBelowOne: a rate outside [0, 1).
	RateBelowOne = def("RateBelowOne", "须在 [0, 1) 之间（实为 %s）", "must be in [0, 1) (got %s)")
	// BadTier: a project tier that is not one of the five.
	BadTier = def("BadTier", "须为 mandatory、A、B、C 或 D", "must be mandatory, A, B, C or D")
	// BadOverflow: [tiers] overflow neither cut nor demote.
	BadOverflow = def("BadOverflow", "须为 cut 或 demote", "must be cut or demote")
	// CapNotTier: a cap for a tier that takes none.
	CapNotTier = def("CapNotTier", "只有 A、B、C、D 档可设上限", "only tiers A, B, C and D take a cap")
	// ShareRange: a share outside (0, 1].
	ShareRange = def("ShareRange", "须在 (0, 1] 之间（实为 %s）", "must be in (0, 1] (got %s)")
	// NeedRating: a coefficients table without a rating.
	NeedRating = def("NeedRating", "至少要有一个等级", "at least one rating is required")
	// CoefficientRange: a coefficient outside [0, 1].
	CoefficientRange = def("CoefficientRange", "须在 [0, 1] 之间（实为 %s）", "must be in [0, 1] (got %s)")
	// NeedFactor: a plan with no factor.
	NeedFactor = def("NeedFactor", "至少要有一个 [[factor]] 因素", "at least one [[factor]] is required")
	// FactorWeights: factor weights that do not sum to 1.
	FactorWeights = def("FactorWeights", "各因素权重之和须恰好为 1（现为 %s）", "factor weights must sum to exactly 1 (sum is %s)")
	// NeedIndicator: a factor with no indicator.
	NeedIndicator = def("NeedIndicator", "至少要有一个 [[factor.indicator]] 指标", "at least one [[factor.indicator]] is required")
	// IndicatorTwice: a quantity used twice in one factor.
	IndicatorTwice = def("IndicatorTwice", "数量 %q 在本因素中出现两次", "quantity %q appears twice in this factor")
	// IndicatorWeights: indicator weights that do not sum to 1.
	IndicatorWeights = def("IndicatorWeights", "各指标权重之和须恰好为 1（现为 %s）", "indicator weights must sum to exactly 1 (sum is %s)")
	// ReserveCoefficient: a coefficient above 1 in reserve mode.
	ReserveCoefficient = def("ReserveCoefficient", "预留方式下绩效系数最多为 1（实为 %s）", "in reserve mode a coefficient must be at most 1 (got %s)")
	// DampingBounds: [damping] with neither floor nor ceiling.
	DampingBounds = def("DampingBounds", "须设下限、上限或两者", "needs a floor, a ceiling or both")
	// FloorAboveCeiling: a damping floor above its ceiling.
	FloorAboveCeiling = def("FloorAboveCeiling", "下限不能高于上限（%s > %s）", "must not exceed the ceiling (%s > %s)")
	// NotExcludable: a component [damping] exclude cannot name.
	NotExcludable = def("NotExcludable", "%q 不是可排除的部分:只能是 personnel（人员经费）、public（公用经费）、projects（项目）或 incentive（激励）",
		"%q is not a component the measure can leave out: personnel, public, projects or incentive")
	// ListedTwice: a name a list holds twice.
	ListedTwice = def("ListedTwice", "%q 重复列出", "%q is listed twice")
	// NoStaffCategory: staff.ID naming no staff category.
	NoStaffCategory = def("NoStaffCategory", "%q 没有对应的 [[staff]] 人员类别", "%q names no [[staff]] category")

	// NeedSubdistrict: a plan with no sub-district.
	NeedSubdistrict = def("NeedSubdistrict", "至少要有一个 [[subdistrict]] 街道", "at least one [[subdistrict]] is required")
	// QuantityNowhere: a quantity the standards read that no sub-district has.
	QuantityNowhere = def("QuantityNowhere", "各街道都没有数量 %q:标准中的名称写错了,还是尚未采集?", "no sub-district has quantity %q")
	// NeedRatingOf: a sub-district without a rating when [performance] is set.
	NeedRatingOf = def("NeedRatingOf", "缺少绩效等级:设了 [performance] 时每个街道都要评级",
		"missing: [performance] needs every sub-district's rating")
	// RatingNoCoefficient: a rating [performance.coefficients] lacks.
	RatingNoCoefficient = def("RatingNoCoefficient", "等级 %q 在 [performance.coefficients] 中没有系数",
		"rating %q has no coefficient in [performance.coefficients]")
	// NotStaffID: a headcount or payroll of no staff category.
	NotStaffID = def("NotStaffID", "%q 不是 [[staff]] 人员类别的编码", "%q is not a [[staff]] id")
	// NotWholeHeadcount: a headcount with a fraction.
	NotWholeHeadcount = def("NotWholeHeadcount", "人数须为整数（实为 %s）", "a headcount must be a whole number (got %s)")
	// NotProjectID: a rating of no project.
	NotProjectID = def("NotProjectID", "%q 不是 [[project]] 项目的编码", "%q is not a [[project]] id")
	// RatedMandatory: a rating of a mandatory (三保) project.
	RatedMandatory = def("RatedMandatory", "项目 %q(%s)属于三保,应保尽保,全额安排,不能评级",
		"project %q (%s) is mandatory (三保, 应保尽保): it is funded in full and cannot be rated")
	// ProjectRatingNoTable: a project rating without [project_performance].
	ProjectRatingNoTable = def("ProjectRatingNoTable", "等级 %q 需要 [project_performance.coefficients] 系数表",
		"rating %q needs a [project_performance.coefficients] table")
	// ProjectRatingNoCoefficient: a project rating the table lacks.
	ProjectRatingNoCoefficient = def("ProjectRatingNoCoefficient", "等级 %q 在 [project_performance.coefficients] 中没有系数",
		"rating %q has no coefficient in [project_performance.coefficients]")
	// MissingQuantity: a sub-district lacks a quantity a standard reads.
	MissingQuantity = def("MissingQuantity", "缺少此数量（%s 要用）", "missing (used by %s)")
	// ZeroIndicator: an indicator zero in every sub-district.
	ZeroIndicator = def("ZeroIndicator", "数量 %q 在所有街道都为 0,因素法无法按它分配", "quantity %q is zero in every sub-district")

	// LabelNoKey: a quantity label with an empty key.
	LabelNoKey = def("LabelNoKey", "标签须对应一个数量:键不能为空", "a label must name a quantity: the key must not be empty")
	// LabelHeadcount: a label for a headcount.
	LabelHeadcount = def("LabelHeadcount", "%s 是人数,用其人员类别的名称;不能为人数设标签",
		"%s is a headcount, named by its staff category's name")
	// LabelEmpty: a label with a blank name.
	LabelEmpty = def("LabelEmpty", "标签名称不能为空", "must not be empty")
	// LabelTwice: one label for two quantities.
	LabelTwice = def("LabelTwice", "标签 %q 已用于 %s:一个标签只能对应一个数量", "%q also labels %s: a label must name one quantity")
	// LabelIsQuantity: a label that is another quantity's name.
	LabelIsQuantity = def("LabelIsQuantity", "标签 %q 与另一个数量的名称相同:一个标签只能对应一个数量",
		"%q is the name of another quantity: a label must name one quantity")

	// BadFunctionCode: a function classification code of the wrong form.
	BadFunctionCode = def("BadFunctionCode", "功能分类科目编码须为 3、5 或 7 位数字,如 \"2010301\"（实为 %q）",
		"must be 3, 5 or 7 digits, e.g. \"2010301\" (got %q)")
	// BadEconomicCode: an economic classification code of the wrong form.
	BadEconomicCode = def("BadEconomicCode", "经济分类科目编码须为 3 或 5 位数字,如 \"30101\"（实为 %q）",
		"must be 3 or 5 digits, e.g. \"30101\" (got %q)")
)

// InvalidPlan sums up formula.InvalidPlanError: how many problems.
var InvalidPlan = def("InvalidPlan", "方案有 %d 个问题", "plan is invalid: %d problem(s)")

// Messages of formula.RejectedError: a valid plan the rules cannot fund
// (rules §3).
var (
	// Rejected frames a rejection: its kind, the gap in 元, and the detail.
	Rejected = def("Rejected", "测算不成立:%s,缺口 %s 元", "the calculation does not hold: %s, short by %s 元")
	// RejectedDetail adds the detail of a rejection.
	RejectedDetail = def("RejectedDetail", "（%s）", " (%s)")
	// RejectedAny is a rejection of no known kind.
	RejectedAny = def("RejectedAny", "测算不成立", "the calculation does not hold")
	// CapacityShortfall: personnel and public costs exceed what is available.
	CapacityShortfall = def("CapacityShortfall", "可分配财力不足", "capacity shortfall")
	// MandatoryUnfunded: mandatory projects exceed what is left.
	MandatoryUnfunded = def("MandatoryUnfunded", "保基本民生项目无法足额安排", "mandatory projects unfunded")
	// NoBlockEligible: nobody's block score is above zero.
	NoBlockEligible = def("NoBlockEligible", "没有街道能分得因素分配资金", "nobody eligible for the block grant")
	// FloorsInfeasible: the damping floors cannot be funded.
	FloorsInfeasible = def("FloorsInfeasible", "保底所需资金无法安排", "damping floors cannot be funded")
	// ShortfallDetail: the detail of a capacity shortfall.
	ShortfallDetail = def("ShortfallDetail", "人员经费和公用经费 %s 超过可分配财力 %s", "personnel and public costs %s exceed available %s")
	// MandatoryDetail: the detail of unfunded mandatory projects.
	MandatoryDetail = def("MandatoryDetail", "保基本民生项目需要 %s,超过安排人员和公用经费后剩余的 %s",
		"mandatory demand %s exceeds the %s left after personnel and public costs")
	// BlockScoreZero: every block score is zero.
	BlockScoreZero = def("BlockScoreZero", "各街道的因素得分都为 0", "every sub-district's block score is zero")
	// AdjustedScoreZero: every adjusted block score is zero.
	AdjustedScoreZero = def("AdjustedScoreZero", "各街道调整后的因素得分都为 0", "every sub-district's adjusted block score is zero")
	// FloorsDetail: the detail of infeasible damping floors.
	FloorsDetail = def("FloorsDetail", "保底需要在上限腾出的资金之外再安排 %s,但在其他街道保底之上只能调出 %s",
		"floors need %s beyond what ceilings free, but only %s can be taken above other floors")
)
