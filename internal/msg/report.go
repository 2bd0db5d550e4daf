package msg

// Words of the text reports (internal/report): the headings, titles and
// summary rows of the terminal tables, the Chinese CSV headers, a
// sub-district's statement (explain) and a result's stamp. The reports
// are Chinese (ReportX.In(Zh)); where a heading has always carried its
// English too, the Chinese format holds both.
var (
	// RepColID, RepColSubdistrict, RepColTotal and RepColChange head a
	// table's columns: the code, the sub-district, the total, the change.
	RepColID          = def("RepColID", "编码", "id")
	RepColSubdistrict = def("RepColSubdistrict", "街道", "sub-district")
	RepColTotal       = def("RepColTotal", "合计", "total")
	RepColChange      = def("RepColChange", "变化", "change")
	// RepColCode heads the classification code's column.
	RepColCode = def("RepColCode", "科目编码", "code")
	// RepColBaseTotal, RepColScenarioTotal and RepColChangePct head a
	// comparison's totals and the change in per cent.
	RepColBaseTotal     = def("RepColBaseTotal", "基准合计", "base total")
	RepColScenarioTotal = def("RepColScenarioTotal", "方案合计", "scenario total")
	RepColChangePct     = def("RepColChangePct", "变化%", "change (%)")
	// RepComponentChange heads a component's change (%s: the component).
	RepComponentChange = def("RepComponentChange", "%s变化", "%s change")

	// RepShortPersonnel and the rest head a comparison's component
	// columns, shortly: personnel, public costs, projects, incentive,
	// the block grant by factors, damping.
	RepShortPersonnel = def("RepShortPersonnel", "人员", "personnel")
	RepShortPublic    = def("RepShortPublic", "公用", "public")
	RepShortProjects  = def("RepShortProjects", "项目", "projects")
	RepShortIncentive = def("RepShortIncentive", "激励", "incentive")
	RepShortBlock     = def("RepShortBlock", "因素分配", "block")
	RepShortDamping   = def("RepShortDamping", "保底封顶", "damping")

	// RepBase and RepScenario head a comparison's two sides.
	RepBase     = def("RepBase", "基准", "base")
	RepScenario = def("RepScenario", "方案", "scenario")
	// RepCapacity, RepReserve, RepPerformanceReserve and
	// RepDampingReserve name the district's amounts a comparison sets side
	// by side.
	RepCapacity           = def("RepCapacity", "可用财力", "capacity")
	RepReserve            = def("RepReserve", "预备费", "reserve")
	RepPerformanceReserve = def("RepPerformanceReserve", "绩效预留", "performance reserve")
	RepDampingReserve     = def("RepDampingReserve", "封顶调减留存资金", "damping reserve")
	// RepCompareTitle follows the plan's name over a comparison.
	RepCompareTitle = def("RepCompareTitle", "方案对比（单位: 元）", "comparison (in yuan)")

	// RepYearUnit follows a table's title (%d: the fiscal year).
	RepYearUnit = def("RepYearUnit", "（%d年度, 单位: 元）", "(fiscal year %d, in yuan)")
	// RepSumCapacity and the rest are the summary rows under the
	// allocation table and the table by code, in both languages at once.
	RepSumCapacity           = def("RepSumCapacity", "可用财力 capacity", "capacity")
	RepSumReserve            = def("RepSumReserve", "区级预备费 reserve", "reserve")
	RepSumPerformanceReserve = def("RepSumPerformanceReserve", "绩效预留 performance reserve", "performance reserve")
	RepSumDampingReserve     = def("RepSumDampingReserve", "封顶调减留存资金 damping reserve", "damping reserve")
	RepSumSubdistricts       = def("RepSumSubdistricts", "街道合计 sub-districts", "sub-districts")
	RepSumReserves           = def("RepSumReserves", "预留合计 reserves", "reserves")

	// RepUncoded is the code cell of the amounts without a classification code.
	RepUncoded = def("RepUncoded", "未分类 (uncoded)", "uncoded")
	// RepEconomicCode and RepFunctionCode name the two classifications.
	RepEconomicCode = def("RepEconomicCode", "支出经济分类", "economic classification")
	RepFunctionCode = def("RepFunctionCode", "支出功能分类", "functional classification")
	// RepByCodeTitle titles the table by code (%s: the plan, the
	// classification's name, its kind).
	RepByCodeTitle = def("RepByCodeTitle", "%s — 按%s汇总 (by %s)", "%s — by %s (%s)")
	// RepSubdistrictsTotal names the sub-districts' row of the table by code.
	RepSubdistrictsTotal = def("RepSubdistrictsTotal", "街道合计", "sub-districts")

	// RepByItem and RepByGroup say how an attribution splits a change.
	RepByItem  = def("RepByItem", "逐项", "item by item")
	RepByGroup = def("RepByGroup", "按类别", "by group")
	// RepAttributionTitle titles an attribution (%s: how it splits,
	// %d: how many results it computed).
	RepAttributionTitle = def("RepAttributionTitle", "变化归因（Shapley 值,%s,%d 次测算;各项之和等于变化）（单位: 元）",
		"attribution of the change (Shapley values, %s, %d evaluations; the parts add up to the change) (in yuan)")
)

// Words of a sub-district's statement (report.WriteExplain) and of a
// result's stamp.
var (
	// RepExplainTotal: the sub-district's total (%s: the amount).
	RepExplainTotal = def("RepExplainTotal", "合计 total: %s 元", "total: %s yuan")
	// RepExplainStage: a stage and its amount.
	RepExplainStage = def("RepExplainStage", "%s: %s 元", "%s: %s yuan")
	// RepRatingEffect: what the rating changed (%s: the effect, the block
	// grant, the block grant without ratings).
	RepRatingEffect = def("RepRatingEffect", "绩效等级影响 rating effect: %s 元（因素分配 %s − 不计绩效等级的因素分配 %s）;保底不抵消此影响",
		"rating effect: %s yuan (block %s − block without ratings %s); the floor does not offset it")
	// RepFactorScore: the factor score to six places.
	RepFactorScore = def("RepFactorScore", "因素得分 factor score: %s", "factor score: %s")
	// RepColFactor and the rest head the factor score's table.
	RepColFactor          = def("RepColFactor", "因素", "factor")
	RepColIndicator       = def("RepColIndicator", "指标", "indicator")
	RepColFactorWeight    = def("RepColFactorWeight", "因素权重", "factor weight")
	RepColIndicatorWeight = def("RepColIndicatorWeight", "指标权重", "indicator weight")
	RepColThis            = def("RepColThis", "本街道", "this sub-district")
	RepColDistrict        = def("RepColDistrict", "全区合计", "district total")
	RepColScore           = def("RepColScore", "得分", "score")

	// RepStampScenario: a result of a named scenario.
	RepStampScenario = def("RepStampScenario", "情景测算: %s", "scenario: %s")
	// RepStampWhatIf: a result of overrides without a scenario.
	RepStampWhatIf = def("RepStampWhatIf", "情景测算", "what-if")
	// RepStampPlan: a result of the plan as it is.
	RepStampPlan = def("RepStampPlan", "方案原值（无调整）", "the plan as it is (no overrides)")
	// RepStampOverrides: how many overrides and the first of them.
	RepStampOverrides = def("RepStampOverrides", ",调整 %d 项: %s", ", %d overrides: %s")
	// RepFileOverrides names a download of overrides without a scenario.
	RepFileOverrides = def("RepFileOverrides", "调整", "overrides")
)

// Errors of the 复核 workbook (internal/report/checkxlsx): a plan too
// large for it (the bound, then the plan's count). They are said in
// Chinese with English in brackets, as the command line has always shown
// them, so they are rendered with Zh.
var (
	// RepCheckTooManySubdistricts: more sub-districts than the workbook holds.
	RepCheckTooManySubdistricts = def("RepCheckTooManySubdistricts", "复核工作簿至多 %d 个街道 (the plan has %d)",
		"a check workbook holds at most %d sub-districts (the plan has %d)")
	// RepCheckTooManyRows: more item rows than the workbook holds.
	RepCheckTooManyRows = def("RepCheckTooManyRows", "复核工作簿至多 %d 行明细（街道数 × 人员类别、定额、项目与指标数;the plan needs %d）",
		"a check workbook holds at most %d item rows (sub-districts × staff categories, quotas, projects and indicators; the plan needs %d)")
)
