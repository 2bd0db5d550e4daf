package msg

// Warnings beside an accepted result (formula.Result.Warnings, issue 21
// §4): what a person reading only the totals would miss.
var (
	// WarnKeptBack: money kept back; the amount, its share of capacity,
	// its non-zero parts (WarnPart…) and
	// how many 街道 hit a ceiling and a floor.
	WarnKeptBack = def("WarnKeptBack", "有 %s 元（占财力 %s%%）未分配到街道:%s;%d 个街道封顶、%d 个街道保底",
		"%s 元 (%s%% of capacity) is not allocated to the sub-districts: %s; %d sub-district(s) at their ceiling, %d at their floor")
	// WarnPartPerformance … WarnPartManaged: the non-zero parts of
	// WarnKeptBack, each with its amount, listed with WarnPartSep.
	WarnPartPerformance = def("WarnPartPerformance", "绩效预留 %s 元", "performance reserve %s 元")
	WarnPartDamping     = def("WarnPartDamping", "封顶调减留存资金 %s 元", "damping reserve %s 元")
	WarnPartPool        = def("WarnPartPool", "区级统筹 %s 元", "district pool %s 元")
	WarnPartManaged     = def("WarnPartManaged", "区级部门统筹 %s 元", "district-managed projects %s 元")
	WarnPartSep         = def("WarnPartSep", "、", ", ")
	// WarnCeilings: ceilings bind for most 街道.
	WarnCeilings = def("WarnCeilings", "%d 个街道（共 %d 个）触及封顶:因素与标准的变化多被封顶吸收,调整后合计变化不大",
		"%d of %d sub-districts are at their ceiling: changes of factors and standards are mostly absorbed by it")
	// WarnFloors: floors bind for most 街道.
	WarnFloors = def("WarnFloors", "%d 个街道（共 %d 个）触及保底:因素与标准的变化多被保底吸收,调整后合计变化不大",
		"%d of %d sub-districts are at their floor: changes of factors and standards are mostly absorbed by it")
	// WarnAbsorbed: overrides absorbed entirely by damping; how many 街道
	// and their names.
	WarnAbsorbed = def("WarnAbsorbed", "调整改变了 %d 个街道保底封顶前的测算数,但被保底封顶全部吸收,这些街道的最终金额不变:%s",
		"the overrides change the figure before damping of %d sub-district(s), but floors and ceilings absorb all of it and their final amounts do not change: %s")
	// OutWarning introduces a warning on the command line.
	OutWarning = def("OutWarning", "注意:%s", "note: %s")
)
