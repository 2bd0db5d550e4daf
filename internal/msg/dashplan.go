package msg

// Words of the dashboard's plan page and statement (server/dashboard):
// the capacity's walk to the reserves, the damping, the tiers, the
// stages, the what-if form's choices, the equalisation measures and the
// goal-seek form. The pages are Chinese; where a page shows a label in
// both languages, the English format is its English.
var (
	// DashCapacity and the rest: the steps of the summary, each with a
	// note (DashReserveNote: %s is the reserve rate).
	DashCapacity           = def("DashCapacity", "可用财力", "capacity")
	DashCapacityNote       = def("DashCapacityNote", "区级用于街道的财力总额", "the district's capacity for the sub-districts")
	DashReserve            = def("DashReserve", "区级预备费", "reserve")
	DashReserveNote        = def("DashReserveNote", "预备费率 %s", "reserve rate %s")
	DashAvailable          = def("DashAvailable", "可分配财力", "available")
	DashPersonnel          = def("DashPersonnel", "人员经费", "personnel")
	DashPersonnelNote      = def("DashPersonnelNote", "按实际", "as paid")
	DashPublic             = def("DashPublic", "公用经费", "public")
	DashPublicNote         = def("DashPublicNote", "按定额", "by quota")
	DashPool               = def("DashPool", "项目资金池", "project pool")
	DashPoolNote           = def("DashPoolNote", "项目经费依财力", "projects as capacity allows")
	DashProjects           = def("DashProjects", "项目经费", "projects")
	DashProjectsNote       = def("DashProjectsNote", "按优先档次,见下表", "by priority tier, see below")
	DashIncentive          = def("DashIncentive", "激励", "incentive")
	DashIncentiveNote      = def("DashIncentiveNote", "税源增长奖励", "reward for tax-base growth")
	DashBlockPool          = def("DashBlockPool", "因素分配资金", "block pool")
	DashBlock              = def("DashBlock", "因素分配", "block grant")
	DashBlockNote          = def("DashBlockNote", "按因素得分 × 调整系数 × 绩效系数", "by factor score × adjustment × coefficient")
	DashPerfReserve        = def("DashPerfReserve", "绩效预留", "performance reserve")
	DashDamping            = def("DashDamping", "保底封顶（净额）", "damping")
	DashDampingReserve     = def("DashDampingReserve", "封顶调减留存资金", "damping reserve")
	DashDampingReserveNote = def("DashDampingReserveNote", "封顶调减多于保底补足的部分", "what the ceilings take beyond what the floors add")
	// DashRedistribute, DashPerfReserveMode and DashNoPerformance say
	// what happens to the performance coefficients.
	DashRedistribute    = def("DashRedistribute", "按绩效系数重新分配", "redistributed by coefficient")
	DashPerfReserveMode = def("DashPerfReserveMode", "绩效系数低于 1 的扣减留作预留 (reserve)", "cuts below 1 kept in reserve")
	DashNoPerformance   = def("DashNoPerformance", "未设绩效系数", "no performance coefficients")

	// DashNoDamping and the rest describe the damping (%s: the baseline,
	// a rate, the excluded components).
	DashNoDamping       = def("DashNoDamping", "未设保底封顶", "no damping")
	DashDampingBaseline = def("DashDampingBaseline", "基数 %s", "baseline %s")
	DashDampingFloor    = def("DashDampingFloor", ",保底 %s", ", floor %s")
	DashDampingCeiling  = def("DashDampingCeiling", ",封顶 %s", ", ceiling %s")
	DashDampingExclude  = def("DashDampingExclude", ",测算口径不含%s", ", measured without %s")
	DashDampingKeeps    = def("DashDampingKeeps", ",保底保留绩效等级影响", ", the floor keeps the rating")

	// DashMandatory and DashTier name a tier (%s: A to D); DashDemoted
	// adds what it took from the tier above (%s: the amount).
	DashMandatory = def("DashMandatory", "保基本民生项目（应保尽保）", "mandatory")
	DashTier      = def("DashTier", "%s档", "tier %s")
	DashDemoted   = def("DashDemoted", "（含上档顺延 %s）", " (with %s demoted from above)")
	// DashNoCap and the rest: a tier's cap and funding (%s: the share).
	DashNoCap        = def("DashNoCap", "不设上限", "no cap")
	DashMandatoryCap = def("DashMandatoryCap", "应保尽保", "funded in full")
	DashCapShare     = def("DashCapShare", "%s × 项目资金池", "%s × project pool")
	DashFundedInFull = def("DashFundedInFull", "全额", "in full")

	// DashStagePersonnel and the rest name the stages of a statement.
	DashStagePersonnel = def("DashStagePersonnel", "人员经费（按实际）", "personnel (as paid)")
	DashStagePublic    = def("DashStagePublic", "公用经费（按定额）", "public (by quota)")
	DashStageProjects  = def("DashStageProjects", "项目经费（按优先档次）", "projects (by priority tier)")
	DashStageIncentive = def("DashStageIncentive", "激励（税源增长）", "incentive (tax-base growth)")
	DashStageBlock     = def("DashStageBlock", "因素分配（依财力）", "block (as capacity allows)")
	DashStageDamping   = def("DashStageDamping", "保底封顶", "damping")
	// DashAdjustment, DashRating and DashCoefficient: a sub-district's profile.
	DashAdjustment  = def("DashAdjustment", "调整系数", "adjustment")
	DashRating      = def("DashRating", "绩效评级", "rating")
	DashCoefficient = def("DashCoefficient", "绩效系数", "coefficient")
	// DashDampingNone and the rest say what a damping line did.
	DashDampingNone     = def("DashDampingNone", "在保底与封顶之间,未调整", "between the floor and the ceiling, not adjusted")
	DashDampingCut      = def("DashDampingCut", "超出封顶,按封顶调减", "over the ceiling, cut to it")
	DashDampingToppedUp = def("DashDampingToppedUp", "低于保底,按保底补足", "under the floor, topped up to it")
	DashDampingFunding  = def("DashDampingFunding", "分摊保底资金", "share of the floors' funding")
	DashDampingUncut    = def("DashDampingUncut", "超出封顶,但因素分配为 0,无可调减", "over the ceiling, but the block grant is 0: nothing to cut")
	DashThisYearTotal   = def("DashThisYearTotal", "本年合计", "this year's total")
	DashThisYearMeasure = def("DashThisYearMeasure", "本年测算口径（不含%s）", "this year's measure (without %s)")

	// DashDemote and the rest: the choices of the what-if form.
	DashDemote      = def("DashDemote", "顺延到下一档 demote", "demote")
	DashCut         = def("DashCut", "不再安排 cut", "cut")
	DashKeepsRating = def("DashKeepsRating", "是:触及保底时仍体现绩效等级", "yes: the floor keeps the rating")
	DashFloorsFull  = def("DashFloorsFull", "否:保底补足到底", "no: the floor tops up in full")
	DashExcludeBoth = def("DashExcludeBoth", "不含人员经费、公用经费", "without personnel and public")
	DashExcludePers = def("DashExcludePers", "不含人员经费", "without personnel")
	DashExcludeNone = def("DashExcludeNone", "不剔除:按合计", "nothing left out: the total")

	// DashMean and the rest name the equalisation measures.
	DashMean   = def("DashMean", "人均（元）", "per head (yuan)")
	DashCV     = def("DashCV", "变异系数 CV", "CV")
	DashGini   = def("DashGini", "基尼系数 Gini", "Gini")
	DashTheil  = def("DashTheil", "泰尔指数 Theil", "Theil")
	DashMaxMin = def("DashMaxMin", "最大/最小 max/min", "max/min")

	// DashTargetMinCapacity and the rest: the goal-seek form's examples.
	DashTargetMinCapacity = def("DashTargetMinCapacity", "最小财力:无缺口、三保足额、保底可筹", "least capacity: no shortfall, mandatory funded, floors fundable")
	DashTargetACap        = def("DashTargetACap", "A 档需求不超过上限", "tier A's demand within its cap")
	DashTargetANoGap      = def("DashTargetANoGap", "A 档无缺口", "no shortfall in tier A")
	DashTargetTotal       = def("DashTargetTotal", "某街道合计不低于…", "a sub-district's total at least …")
	DashTargetProjects    = def("DashTargetProjects", "某街道项目经费不低于…", "a sub-district's projects at least …")
	// DashTargetTotalValue and DashTargetProjectsValue are the examples'
	// targets, with placeholders a person replaces.
	DashTargetTotalValue    = def("DashTargetTotalValue", "subdistrict.<街道>.total>=<金额>", "subdistrict.<sub-district>.total>=<amount>")
	DashTargetProjectsValue = def("DashTargetProjectsValue", "subdistrict.<街道>.projects>=<金额>", "subdistrict.<sub-district>.projects>=<amount>")
	// DashVaryValue: a path offered to vary (%s: its label, its value).
	DashVaryValue = def("DashVaryValue", "%s（原值 %s）", "%s (value %s)")
	// DashFindAuto, DashFindMin and DashFindMax: which boundary to find.
	DashFindAuto = def("DashFindAuto", "自动（最近的边界）", "automatic (the nearest boundary)")
	DashFindMin  = def("DashFindMin", "最小值 min", "min")
	DashFindMax  = def("DashFindMax", "最大值 max", "max")
	// DashSmallest, DashLargest, DashUnitLess, DashUnitMore and DashAnswer:
	// the goal-seek's answer (%s: the unit).
	DashSmallest   = def("DashSmallest", "最小值", "smallest")
	DashLargest    = def("DashLargest", "最大值", "largest")
	DashUnitLessBy = def("DashUnitLessBy", "少一个单位 (%s)", "one unit less (%s)")
	DashUnitMoreBy = def("DashUnitMoreBy", "多一个单位 (%s)", "one unit more (%s)")
	DashUnitLess   = def("DashUnitLess", "少一个单位", "one unit less")
	DashUnitMore   = def("DashUnitMore", "多一个单位", "one unit more")
	DashAnswer     = def("DashAnswer", "答案", "answer")
)
