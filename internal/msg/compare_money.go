package msg

// Messages of a comparison for the figures of rules §6 (where the money
// goes): the district's figures beside the sub-districts' totals and the
// sentence saying where a change went.
var (
	// RepDistrictPool names what stays with the district (区级统筹).
	RepDistrictPool = def("RepDistrictPool", "区级统筹", "district pool")
	// RepColTransfersChange and RepColManagedChange head a comparison's
	// change of transfers and of district-managed amounts (CSV, header=zh).
	RepColTransfersChange = def("RepColTransfersChange", "专项转移支付变化", "transfers change")
	RepColManagedChange   = def("RepColManagedChange", "区级部门统筹变化", "district-managed change")
	// RepWhere says where a change went: %s the parts, then the change of
	// capacity and of transfers they add up to.
	RepWhere = def("RepWhere", "变化去向:%s（合计等于可用财力变化 %s 元加专项转移支付变化 %s 元）",
		"where the change went: %s (together the change of capacity, %s, plus that of transfers, %s)")
	// RepWhereSep separates the parts of RepWhere.
	RepWhereSep = def("RepWhereSep", ",", ", ")
	// RepWhereNone: nothing changed.
	RepWhereNone = def("RepWhereNone", "各项均无变化", "nothing changed")
	// The parts of RepWhere; %s is a signed amount.
	RepWhereSubdistricts       = def("RepWhereSubdistricts", "街道合计 %s 元", "sub-districts' totals %s")
	RepWhereSaving             = def("RepWhereSaving", "区级统筹 %s 元（节省）", "district pool %s (saved)")
	RepWherePool               = def("RepWherePool", "区级统筹 %s 元", "district pool %s")
	RepWhereManaged            = def("RepWhereManaged", "区级部门统筹 %s 元", "district-managed %s")
	RepWhereReserve            = def("RepWhereReserve", "预备费 %s 元", "reserve %s")
	RepWherePerformanceReserve = def("RepWherePerformanceReserve", "绩效预留 %s 元", "performance reserve %s")
	RepWhereDampingReserve     = def("RepWhereDampingReserve", "封顶调减留存资金 %s 元", "damping reserve %s")
)
