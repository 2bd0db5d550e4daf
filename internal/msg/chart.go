package msg

// Words of the charts (server/chart): titles, legends, axes and notes
// drawn in a chart, and the headings of a chart's data as a table. Charts
// are drawn in Chinese (ChartX.In(Zh)); the data tables head each column
// in Chinese and English at once (the Chinese format holds both).
var (
	// ChartWan and ChartYuan: the units of amounts.
	ChartWan  = def("ChartWan", "万元", "10k yuan")
	ChartYuan = def("ChartYuan", "元", "yuan")
	// ChartUnit labels a legend's unit (%s: the unit).
	ChartUnit = def("ChartUnit", "单位:%s", "unit: %s")
	// ChartWidthRef is not words but a width: eight ideographs, the widest
	// category label drawn at -45° (names are Chinese in every language).
	ChartWidthRef = def("ChartWidthRef", "街道街道街道街道", "街道街道街道街道")

	// ChartComponents titles the bars of each sub-district's components.
	ChartComponents = def("ChartComponents", "各街道可支配财力构成", "each sub-district's components")
	// ChartTotalAfterCap marks each sub-district's total.
	ChartTotalAfterCap = def("ChartTotalAfterCap", "合计（扣除封顶后）", "total (after the ceiling)")
	// ChartScenarioChange names a comparison of a scenario with the plan.
	ChartScenarioChange = def("ChartScenarioChange", "测算方案较基准的变化", "change of the scenario from the plan")
	// ChartCompareTitle titles a comparison (%s: what is compared, the
	// sum of the changes, its unit).
	ChartCompareTitle = def("ChartCompareTitle", "%s（合计 %s %s）", "%s (total %s %s)")
	// ChartIncrease and ChartDecrease: the legend of a comparison.
	ChartIncrease = def("ChartIncrease", "增加", "increase")
	ChartDecrease = def("ChartDecrease", "减少", "decrease")
	// ChartPerUnit and the rest: the unit and title of amounts per unit
	// of a quantity (%s: the quantity, its unit or its name).
	ChartPerUnit     = def("ChartPerUnit", "元/%s", "yuan/%s")
	ChartPerQuantity = def("ChartPerQuantity", "按 %s 计的单位财力", "capacity per %s")
	ChartPerNamed    = def("ChartPerNamed", "按%s计的单位财力", "capacity per %s")
	ChartPerPerson   = def("ChartPerPerson", "元/人", "yuan/person")
	ChartPerCapita   = def("ChartPerCapita", "人均可支配财力", "capacity per head")
	// ChartBaselineChange names a comparison with last year's baseline
	// (%s: the baseline quantity); ChartExcluding prefixes it when
	// components are left out (%s: the components, then the comparison).
	ChartBaselineChange = def("ChartBaselineChange", "较上年基数 %s 的变化", "change from last year's baseline %s")
	ChartExcluding      = def("ChartExcluding", "不含%s的测算%s", "measure without %s: %s")

	// ChartBlockFolded and the rest name the slices of the composition.
	ChartBlockFolded    = def("ChartBlockFolded", "因素分配（扣除封顶）", "block (after the ceiling)")
	ChartFloorTopUp     = def("ChartFloorTopUp", "保底补助", "floor top-up")
	ChartReserve        = def("ChartReserve", "预备费", "reserve")
	ChartPerfReserve    = def("ChartPerfReserve", "绩效预留", "performance reserve")
	ChartDampingReserve = def("ChartDampingReserve", "封顶调减留存资金", "damping reserve")
	// ChartComposition titles the composition; ChartCapacity is its centre.
	ChartComposition = def("ChartComposition", "财力总额构成", "composition of the capacity")
	ChartCapacity    = def("ChartCapacity", "财力总额", "capacity")
	// ChartAmountWan, ChartShare and ChartTotalCapacity: the composition's table.
	ChartAmountWan     = def("ChartAmountWan", "金额（万元）", "amount (10k yuan)")
	ChartShare         = def("ChartShare", "占比", "share")
	ChartTotalCapacity = def("ChartTotalCapacity", "合计（财力总额）", "total (the capacity)")
	// ChartFoldedNote: the damping's net amount folded into the block.
	ChartFoldedNote = def("ChartFoldedNote", "注:保底封顶净额为负（封顶扣减多于保底补助）,已并入因素分配。", "note: the damping's net amount is negative (the ceilings take more than the floors add) and is folded into the block.")

	// ChartLorenz titles the Lorenz curves (%s: the population quantity).
	ChartLorenz = def("ChartLorenz", "人均可支配财力洛伦兹曲线 (%s)", "Lorenz curve of capacity per head (%s)")
	// ChartGiniOf labels a curve (%s: the stage, its Gini).
	ChartGiniOf = def("ChartGiniOf", "%s 基尼 %s", "%s Gini %s")
	// ChartEquality labels the line of equality.
	ChartEquality = def("ChartEquality", "完全均等", "equality")
	// ChartAmountShareAxis and ChartPopShareAxis: the Lorenz axes.
	ChartAmountShareAxis = def("ChartAmountShareAxis", "财力累计占比 %", "cumulative share of capacity %")
	ChartPopShareAxis    = def("ChartPopShareAxis", "人口累计占比 %", "cumulative share of population %")
	// ChartMeanYuan and the rest name the equalisation measures.
	ChartMeanYuan = def("ChartMeanYuan", "人均（元）", "per head (yuan)")
	ChartCV       = def("ChartCV", "变异系数", "coefficient of variation")
	ChartGini     = def("ChartGini", "基尼系数", "Gini")
	ChartTheil    = def("ChartTheil", "泰尔指数", "Theil")
	ChartMaxMin   = def("ChartMaxMin", "最大/最小", "max/min")

	// ChartTornadoAxis and the rest: the notes under a tornado (%d: how
	// many levers are left out).
	ChartTornadoAxis   = def("ChartTornadoAxis", "横轴:合计变动（万元）;每行上条为下调、下条为上调。", "across: the change of the total (10k yuan); in each row the upper bar moves down, the lower up.")
	ChartTornadoNone   = def("ChartTornadoNone", "没有能改变合计的调节项。", "no lever changes the total.")
	ChartTornadoMasked = def("ChartTornadoMasked", "另有 %d 个无效调节项（不改变合计）未画出。", "%d more levers change no total and are not drawn.")
	ChartTornadoFirst  = def("ChartTornadoFirst", "只画出前 %d 项。", "only the first %d are drawn.")
	// ChartRejected: a move the rules refuse.
	ChartRejected = def("ChartRejected", "不可行", "infeasible")
)
