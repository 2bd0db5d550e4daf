package msg

// Messages of package formula for the rules of where the money goes
// (rules §6): [block], [tiers] cap_base, managed projects,
// [project_execution] and [[transfer]].
var (
	// BadCapBase: [tiers] cap_base neither pool nor available.
	BadCapBase = def("BadCapBase", "须为 pool（项目资金池）或 available（可用财力）", "must be pool or available")
	// BadManaged: a project's managed neither subdistrict nor district.
	BadManaged = def("BadManaged", "须为 subdistrict（街道安排）或 district（区级部门统筹）", "must be subdistrict or district")
	// NeedBand: [project_execution] without a band.
	NeedBand = def("NeedBand", "至少要有一档执行率", "at least one band is required")
	// BandBelow: a band whose below is not above zero.
	BandBelow = def("BandBelow", "执行率界限须大于 0（实为 %s）", "must be above 0 (got %s)")
	// BandsIncreasing: a band whose below is not above the one before it.
	BandsIncreasing = def("BandsIncreasing", "执行率界限须逐档递增（%s 不大于上一档的 %s）",
		"must increase from band to band (%s is not above the band before's %s)")
	// ExecutionMandatory: an execution rate of a mandatory (三保) project.
	ExecutionMandatory = def("ExecutionMandatory", "项目 %q(%s)属于三保,应保尽保,全额安排,不按执行率压减",
		"project %q (%s) is mandatory (三保): it is funded in full and not cut by its execution rate")
	// ExecutionNoTable: an execution rate without [project_execution].
	ExecutionNoTable = def("ExecutionNoTable", "执行率需要 [project_execution] 压减档次表",
		"an execution rate needs a [project_execution] table of bands")
	// TransferZeroBasis: a transfer above zero on a basis zero everywhere.
	TransferZeroBasis = def("TransferZeroBasis", "专项资金 %s 元无法分配:基数在所有街道都为 0",
		"the transfer of %s cannot be passed on: its basis is zero in every sub-district")
)

// Messages of package standards for the tables of rules §6.
var (
	// StdManagedGot: a project's managed of no known name.
	StdManagedGot = def("StdManagedGot", "须为 subdistrict 或 district（实为 %s）", "must be subdistrict or district (got %s)")
	// StdCapBaseTable: [tiers.cap_base] written as a table.
	StdCapBaseTable = def("StdCapBaseTable", "须为 pool 或 available,不能是表", "must be pool or available, not a table")
	// StdCapBaseGot: [tiers] cap_base of no known name.
	StdCapBaseGot = def("StdCapBaseGot", "须为 pool 或 available（实为 %s）", "must be pool or available (got %s)")
	// StdBandsList: an override of [project_execution] bands that is not
	// an array of inline tables.
	StdBandsList = def("StdBandsList", `须为执行率档次的数组,如 [{below="0.5",coefficient="0.8"}]`,
		`must be an array of bands such as [{below="0.5",coefficient="0.8"}]`)
)

// Headings of the allocation table (CSV, terminal table) for the figures
// of rules §6, each shown when the plan has the feature.
var (
	// RepColTransfers heads a sub-district's share of the earmarked
	// transfers (part of its total).
	RepColTransfers = def("RepColTransfers", "专项转移支付", "transfers")
	// RepColManaged heads what the district's departments spend for a
	// sub-district (not part of its total).
	RepColManaged = def("RepColManaged", "区级部门统筹", "district-managed")
	// RepSumDistrictPool, RepSumDistrictManaged and RepSumTransfers are
	// lines of the table's summary.
	RepSumDistrictPool    = def("RepSumDistrictPool", "区级统筹 district pool", "district pool")
	RepSumDistrictManaged = def("RepSumDistrictManaged", "区级部门统筹 district-managed", "district-managed")
	RepSumTransfers       = def("RepSumTransfers", "专项转移支付 transfers", "transfers")
)

// The transfers' table named in messages of references by name (rules §4).
var (
	// StdTableTransfer names [[transfer]] in the loader's messages.
	StdTableTransfer = def("StdTableTransfer", "专项转移支付", "transfer")
	// AppTableTransfer names [[transfer]] in the application's messages.
	AppTableTransfer = def("AppTableTransfer", "专项转移支付", "transfers")
)
