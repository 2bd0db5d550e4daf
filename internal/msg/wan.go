package msg

// Words of amounts shown in 万元 (issue 24 §3): the unit's names (a
// flag's and a query's values), titles and the note that the rows were
// rounded so that they add up.
var (
	// UnitWan names the unit amounts may be shown in beside 元 (UnitYuan,
	// paths.go, the computed amounts): 万元, two decimals, rounded with 尾差.
	UnitWan = def("UnitWan", "万元", "wan")
	// RepYearUnitWan follows a table's title in 万元 (%d: the fiscal year).
	RepYearUnitWan = def("RepYearUnitWan", "（%d年度, 单位: 万元）", "(fiscal year %d, in 10,000 yuan)")
	// RepUnitWanOnly follows a title in 万元 without a fiscal year.
	RepUnitWanOnly = def("RepUnitWanOnly", "（单位: 万元）", "(in 10,000 yuan)")
	// RepWanNote says how amounts in 万元 were rounded.
	RepWanNote = def("RepWanNote",
		"注: 金额单位万元, 保留两位小数; 各行按最大余数法舍入（尾差调整）, 使各行之和等于舍入后的合计; 精确金额以元为准。",
		"Note: amounts in 10,000 yuan with two decimals; rows rounded by the largest-remainder method so that they add up to the rounded total; the exact amounts are those in yuan.")
	// RepCompareTitleWan follows the plan's name over a comparison in 万元.
	RepCompareTitleWan = def("RepCompareTitleWan", "方案对比（单位: 万元）", "comparison (in 10,000 yuan)")
	// FlagUnit describes --unit.
	FlagUnit = def("FlagUnit", "金额单位: 元（默认, 计算所得） 或 万元（两位小数, 尾差调整）", "the unit amounts are shown in: 元 (yuan, the default, as computed) or 万元 (wan: 10,000 yuan, two decimals, rounded to add up)")
	// CmdUnitJSON refuses --unit 万元 with JSON, whose amounts are in 元.
	CmdUnitJSON = def("CmdUnitJSON", "--unit 万元 只用于表格和 CSV; JSON 的金额始终以元为单位", "--unit 万元 is for the table and CSV; JSON's amounts are always in yuan")
)
