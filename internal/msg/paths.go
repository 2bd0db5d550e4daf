package msg

// Labels and units of the override paths (rules §4): what each field of
// the path table (standards/paths.go) is called wherever a person reads
// it — the dashboard's what-if form, the sensitivity levers, the causes
// of an attribution and of a plan diff. Each field has one label here and
// nowhere else.
//
// A label is a format taking the names of what the path's wildcards
// matched, in order: for "*" the entry (a staff category, quota, project,
// factor or sub-district by its name, a tier as it is), for "**" the key
// (a quantity by its label, a staff category or project by its name, a
// rating as it is). "公务员 年人均工资" is PathAnnualPay of 公务员.
//
// Where the four places once used different words, the word chosen is the
// one the glossary (README 术语) and the documents use: 可用财力 (not
// 财力总额), 年人均工资 (not 人均年薪 or 年人均标准), 单位缴费比例 (not
// 社保公积金比例), 定额标准 (not 定额), 单价 (not 单位成本), 激励总额上限
// (not 激励预算), 项目绩效系数 and 绩效系数 (not 项目评级 … 系数 or 绩效评级
// … 系数), 项目评级 (not 项目绩效), "A 档上限比例" and "工作任务量·社区数 权重".
var (
	// PathPlanName and the rest of [plan]: the plan's own fields.
	PathPlanName     = def("PathPlanName", "方案名称", "plan name")
	PathDistrict     = def("PathDistrict", "区名", "district")
	PathPopulation   = def("PathPopulation", "均衡度人均口径", "quantity for per-head figures")
	PathFiscalYear   = def("PathFiscalYear", "方案年度", "fiscal year")
	PathCapacity     = def("PathCapacity", "可用财力", "capacity")
	PathRoundingUnit = def("PathRoundingUnit", "取整单位", "rounding unit")
	PathReserveRate  = def("PathReserveRate", "预备费率", "reserve rate")

	// PathEntryName is the name of an entry (%s: the entry).
	PathEntryName = def("PathEntryName", "%s 名称", "%s name")
	// PathBasis is the quantities a quota or project is reckoned on.
	PathBasis = def("PathBasis", "%s 基数", "%s basis")
	// PathAnnualPay and PathOncostRate: a staff category's standards.
	PathAnnualPay = def("PathAnnualPay", "%s 年人均工资", "%s annual pay per head")
	// PathRetireePay: the annual pay of the plan's one category of
	// retirees (%s: its name, unused in Chinese).
	PathRetireePay = def("PathRetireePay", "人均离退休费%.0s", "pension per head%.0s")
	PathOncostRate = def("PathOncostRate", "%s 单位缴费比例", "%s employer contribution rate")
	// PathQuotaRate: a quota's rate per unit of its basis.
	PathQuotaRate = def("PathQuotaRate", "%s 定额标准", "%s quota rate")
	// PathUnitCost and PathTier: a project's standards.
	PathUnitCost = def("PathUnitCost", "%s 单价", "%s unit cost")
	PathTier     = def("PathTier", "%s 档次", "%s tier")

	// PathTierCap: a tier's share of the project pool (%s: A to D).
	PathTierCap = def("PathTierCap", "%s 档上限比例", "tier %s cap share")
	// PathOverflow: what capped tiers do with what they refuse.
	PathOverflow = def("PathOverflow", "分档上限挡下的需求", "demand over a tier's cap")
	// PathProjectCoefficient: a project rating's coefficient (%s: the rating).
	PathProjectCoefficient = def("PathProjectCoefficient", "项目绩效系数 %s", "project performance coefficient %s")

	// PathFactorWeight: a factor's weight (%s: the factor).
	PathFactorWeight = def("PathFactorWeight", "%s 权重", "%s weight")
	// PathIndicatorWeight and PathIndicatorQuantity: an indicator of a
	// factor (%s: the factor, then the quantity).
	PathIndicatorWeight   = def("PathIndicatorWeight", "%s·%s 权重", "%s·%s weight")
	PathIndicatorQuantity = def("PathIndicatorQuantity", "%s·%s 数量", "%s·%s quantity")

	// PathPerformanceMode and PathCoefficient: [performance].
	PathPerformanceMode = def("PathPerformanceMode", "绩效模式", "performance mode")
	PathCoefficient     = def("PathCoefficient", "绩效系数 %s", "performance coefficient %s")

	// PathIncentiveRate and the rest of [incentive].
	PathIncentiveRate     = def("PathIncentiveRate", "激励比例", "incentive rate")
	PathIncentiveCurrent  = def("PathIncentiveCurrent", "激励本年数量", "incentive current-year quantity")
	PathIncentivePrevious = def("PathIncentivePrevious", "激励上年数量", "incentive previous-year quantity")
	PathIncentiveBudget   = def("PathIncentiveBudget", "激励总额上限", "incentive pool cap")

	// PathDampingBaseline and the rest of [damping].
	PathDampingBaseline = def("PathDampingBaseline", "增减幅基数", "damping baseline")
	PathDampingFloor    = def("PathDampingFloor", "保底比例", "damping floor")
	PathDampingCeiling  = def("PathDampingCeiling", "封顶比例", "damping ceiling")
	PathDampingExclude  = def("PathDampingExclude", "增减幅测算口径剔除", "left out of the damping measure")
	PathFloorKeeps      = def("PathFloorKeeps", "保底保留绩效等级影响", "floor keeps the rating")

	// PathRating and the rest: a sub-district's fields (%s: the
	// sub-district, then the staff category, quantity or project).
	PathRating        = def("PathRating", "%s 绩效等级", "%s performance rating")
	PathAdjustment    = def("PathAdjustment", "%s 调节系数", "%s regional adjustment")
	PathHeadcount     = def("PathHeadcount", "%s %s 人数", "%s %s headcount")
	PathPayroll       = def("PathPayroll", "%s %s 工资总额", "%s %s payroll")
	PathQuantity      = def("PathQuantity", "%s %s", "%s %s")
	PathProjectRating = def("PathProjectRating", "%s %s 项目评级", "%s %s project rating")

	// The fields of rules §6, where the money goes: [block] amount,
	// [tiers] cap_base, a project's managed and department, a transfer's
	// (%s: the transfer), the execution bands and a sub-district's
	// execution rate of a project (%s: the sub-district, the project).
	PathBlockAmount    = def("PathBlockAmount", "因素分配资金", "block grant amount")
	PathCapBase        = def("PathCapBase", "分档上限计算基数", "base of the tier caps")
	PathManaged        = def("PathManaged", "%s 统筹方式", "%s managed by")
	PathDepartment     = def("PathDepartment", "%s 主管部门", "%s department")
	PathTransferAmount = def("PathTransferAmount", "%s 金额", "%s amount")
	PathExecutionBands = def("PathExecutionBands", "执行率压减档次", "execution-rate bands")
	PathExecutionRate  = def("PathExecutionRate", "%s %s 执行率", "%s %s execution rate")

	// UnitYuan and UnitPerson are the units of the path table's numbers
	// that have one (ratios, weights and coefficients have none).
	UnitYuan   = def("UnitYuan", "元", "yuan")
	UnitPerson = def("UnitPerson", "人", "persons")
)

// RetireeWord marks a staff category of retirees by its name: its annual
// pay is PathRetireePay.
const RetireeWord = "退休"
