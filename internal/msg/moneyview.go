package msg

// Words of the dashboard and the charts for the figures of rules §6
// (where the money goes), each shown only where the plan has the feature.
var (
	// DashDistrictPool and the rest: the plan page's summary steps of
	// rules §6 (DashDistrictPoolNote: %s is the block amount).
	DashDistrictPool        = def("DashDistrictPool", "区级统筹（节省）", "district pool (savings)")
	DashDistrictPoolNote    = def("DashDistrictPoolNote", "因素分配资金定为 %s 元,其余留区级统筹", "the block is fixed at %s; the rest stays with the district")
	DashDistrictManaged     = def("DashDistrictManaged", "其中区级部门统筹", "of which district-managed")
	DashDistrictManagedNote = def("DashDistrictManagedNote", "统分结合:区级主管部门代街道安排,不计入街道财力", "spent by the district's departments for the sub-districts, not part of their totals")
	DashTransfers           = def("DashTransfers", "专项转移支付", "earmarked transfers")
	DashTransfersNote       = def("DashTransfersNote", "上级专款,按各自基数分配,不占财力,计入街道合计", "passed through by their own basis, outside capacity, part of the totals")
	// DashCapShareAvailable: a tier's cap on the available capacity
	// ([tiers] cap_base = "available"; %s: the share).
	DashCapShareAvailable = def("DashCapShareAvailable", "%s × 可分配财力（部门预算总盘子）", "%s × available capacity")
	// DashStageManaged and DashStageTransfers name the statement's
	// sections of district-managed projects and transfers.
	DashStageManaged   = def("DashStageManaged", "区级部门统筹安排（不计入本街道财力）", "district-managed (not part of the total)")
	DashStageTransfers = def("DashStageTransfers", "专项转移支付（按各自基数）", "earmarked transfers (by their own basis)")
	// DashManagedOutside labels the statement's components row of the
	// district-managed amount, shown after the total and not added to it.
	DashManagedOutside = def("DashManagedOutside", "区级部门统筹（不计入合计）", "district-managed (not in the total)")
	// DashIdentityMoney is the plan page's identity's terms of rules §6
	// (%s: the district pool, the district-managed, the transfers).
	DashIdentityMoney = def("DashIdentityMoney", " + 区级统筹 %s + 区级部门统筹 %s − 专项转移支付 %s", " + district pool %s + district-managed %s − transfers %s")

	// ChartTransfers, ChartDistrictPool and ChartDistrictManaged label
	// the charts' parts of rules §6.
	ChartTransfers       = def("ChartTransfers", "专项转移支付", "transfers")
	ChartDistrictPool    = def("ChartDistrictPool", "区级统筹（节省）", "district pool (savings)")
	ChartDistrictManaged = def("ChartDistrictManaged", "区级部门统筹", "district-managed")
	// ChartColTransfers heads the components CSV's transfers column.
	ChartColTransfers = def("ChartColTransfers", "专项转移支付 transfers", "transfers")
)
