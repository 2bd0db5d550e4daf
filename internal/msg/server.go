package msg

// Messages of the server (package server and its packages chart and
// dashboard): errors of HTTP requests.
var (
	// ServerNoRoute: a path no route serves.
	ServerNoRoute = def("ServerNoRoute", "没有路由 %s %s", "no route %s %s")
	// ServerMethod: a route that exists, with another method.
	ServerMethod = def("ServerMethod", "%s 方法不适用于 %s", "%s is not allowed on %s")
	// ServerNoSubRoute: a sub-district route of the wrong shape.
	ServerNoSubRoute = def("ServerNoSubRoute", "没有路由 %s（街道在 …/subdistricts/<编码>.json）", "no route %s (sub-districts are at …/subdistricts/<id>.json)")
	// ServerNoColumn: an unknown column.
	ServerNoColumn = def("ServerNoColumn", "没有列 %q（可用的列:%s）", "no column %q (columns: %s)")
	// ServerNoChart: a chart name of the wrong shape.
	ServerNoChart = def("ServerNoChart", "没有图表 %q（图表在 …/charts/<种类>.png 或 <种类>.svg）", "no chart %q (charts are at …/charts/<kind>.png or <kind>.svg)")
	// ServerNeedsWhatIf: a comparison without anything to compare with.
	ServerNeedsWhatIf = def("ServerNeedsWhatIf", "%s 需要 scenario=<名称> 或 set.<路径>=<值>,才能与方案比较", "%s needs scenario=<name> or set.<path>=<value> to compare the plan with")
	// ServerByNeedsAttribute: by without attribute=1.
	ServerByNeedsAttribute = def("ServerByNeedsAttribute", "by 只能与 attribute=1 一起使用", "by applies only with attribute=1")
	// ServerPerOnly: per on a chart that does not divide.
	ServerPerOnly = def("ServerPerOnly", "per 只用于 per_capita 和 lorenz 图表,不能用于 %s", "per applies only to per_capita and lorenz charts, not to %s")
	// ServerTooLarge: a body over the limit.
	ServerTooLarge = def("ServerTooLarge", "请求体超过 %d 字节", "the body is larger than %d bytes")
	// ServerBodyUnreadable: a body that cannot be read.
	ServerBodyUnreadable = def("ServerBodyUnreadable", "无法读取请求体", "cannot read the body")
	// ServerBodyJSON: a body that is not the JSON expected.
	ServerBodyJSON = def("ServerBodyJSON", "请求体须为 JSON %s", "the body must be JSON %s")
	// ServerObjectionBody: an objection's body of neither form.
	ServerObjectionBody = def("ServerObjectionBody", `请求体须为 JSON {"note": …, "corrections": {…}} 或数据工作簿`, `the body must be JSON {"note": …, "corrections": {…}} or the data workbook`)
	// ServerObjectionNumber: an objection number that is not one.
	ServerObjectionNumber = def("ServerObjectionNumber", "异议编号须为正整数,不能是 %q", "an objection number must be a positive integer, not %q")
	// ServerVersionNumber: a version number that is not one.
	ServerVersionNumber = def("ServerVersionNumber", "版本号须为正整数,不能是 %q", "a version number must be a positive integer, not %q")
	// ServerFromVersion: from that is not a version number.
	ServerFromVersion = def("ServerFromVersion", "from 须为版本号,不能是 %q", "from must be a version number, not %q")
	// ServerLimit: a limit out of range.
	ServerLimit = def("ServerLimit", "limit 须为 1 到 1000,不能是 %q", "limit must be 1 to 1000, not %q")
	// ServerRoleMayNotWrite: a token whose role may not write.
	ServerRoleMayNotWrite = def("ServerRoleMayNotWrite", "令牌 %s(%s)不能写入草案或情景", "token %s (%s) may not write drafts or scenarios")
	// ServerWritesDisabled: a write to a server started without a token.
	ServerWritesDisabled = def("ServerWritesDisabled", "写入已关闭:服务启动时没有设置 CAILI_TOKEN", "writes are disabled: the server was started without CAILI_TOKEN")
	// ServerNeedsToken: a write without a token.
	ServerNeedsToken = def("ServerNeedsToken", "写入须带请求头 Authorization: Bearer <令牌>", "this write needs the header Authorization: Bearer <token>")
	// ServerPlanNotLoad: a plan whose file does not load, in the list of
	// plans.
	ServerPlanNotLoad = def("ServerPlanNotLoad", "方案文件无法加载", "the plan file does not load")
	// ServerWhatIfMalformed: a page's what-if that does not parse.
	ServerWhatIfMalformed = def("ServerWhatIfMalformed", "查询中的假设调整格式错误", "the what-if in the query is malformed")
	// ServerPlanRejected: a page of a plan the rules reject as written.
	ServerPlanRejected = def("ServerPlanRejected", "方案 %s 按原样被规则拒绝", "plan %s is rejected by the rules as written")
	// ServerRejectedPage: the heading of a page of a rejected plan.
	ServerRejectedPage = def("ServerRejectedPage", "测算不成立", "the calculation does not hold")
	// ServerBaseRejected: a comparison with a base the rules reject.
	ServerBaseRejected = def("ServerBaseRejected", "原方案无法比较:%s", "the base plan cannot be compared: %s")
	// ServerScenarioNotSaved: a scenario that cannot be saved.
	ServerScenarioNotSaved = def("ServerScenarioNotSaved", "情景无法保存", "the scenario cannot be saved")
	// ServerCheckTooLarge: a 复核 workbook too large to write.
	ServerCheckTooLarge = def("ServerCheckTooLarge", "方案过大,无法生成复核工作簿", "the plan is too large for the check workbook")
	// ServerAnalysisStopped: an analysis over its time.
	ServerAnalysisStopped = def("ServerAnalysisStopped", "分析在 %s 后停止（超时）", "analysis stopped after %s (out of time)")
	// ServerSolveTarget: solve without a target.
	ServerSolveTarget = def("ServerSolveTarget", "求解需要 target=…（min_capacity、accepted,或例如 tier.A.demand<=cap）", "solve needs target=… (min_capacity, accepted, or e.g. tier.A.demand<=cap)")
	// ServerPrecision: a precision that is not a number.
	ServerPrecision = def("ServerPrecision", "精度 %q 不是数字", "precision %q is not a number")
	// ServerStepZero: a step of zero.
	ServerStepZero = def("ServerStepZero", "步长须大于 0", "step must be above 0")

	// ServerWhatIfNoPath … ServerWhatIfScenario: a dashboard what-if
	// form's rows that do not make overrides.
	ServerWhatIfNoPath    = def("ServerWhatIfNoPath", "缺少路径:应为 set.<路径>=<数值>", "a path is missing: want set.<path>=<value>")
	ServerWhatIfValueOnly = def("ServerWhatIfValueOnly", "第 %d 行有数值 %q 但没有路径", "row %d has the value %q but no path")
	ServerWhatIfPathOnly  = def("ServerWhatIfPathOnly", "第 %d 行的路径 %s 没有数值", "row %d has the path %s but no value")
	ServerWhatIfTooMany   = def("ServerWhatIfTooMany", "调整项多于 %d 个", "more than %d overrides")
	ServerWhatIfScenario  = def("ServerWhatIfScenario", "情景 %q 不合规:请用文件名（%s）或情景名称", "scenario %q is not valid: give a file name (%s) or a [scenario] name")

	// ChartUnknownKind: an unknown chart kind.
	ChartUnknownKind = def("ChartUnknownKind", "没有图表种类 %q（应为 components、compare、composition、per_capita、lorenz 或 tornado）", "no chart kind %q (want components, compare, composition, per_capita, lorenz or tornado)")
	// ChartUnknownFormat: an unknown chart format.
	ChartUnknownFormat = def("ChartUnknownFormat", "没有图表格式 %q（应为 png、svg 或 csv）", "no chart format %q (want png, svg or csv)")
	// ChartNoQuantity: a per-capita chart without a quantity.
	ChartNoQuantity = def("ChartNoQuantity", "没有指定人均计算所用的数量（per）", "no quantity named (per)")
	// ChartSubMissing: a sub-district of the result not in the plan.
	ChartSubMissing = def("ChartSubMissing", "街道 %s 不在方案中", "sub-district %s is not in the plan")
	// ChartQuantityMissing: a quantity a sub-district lacks.
	ChartQuantityMissing = def("ChartQuantityMissing", "数量 %q 在街道 %s 中缺失", "%q is missing from sub-district %s")
	// ChartQuantityZero: a quantity that cannot be divided by.
	ChartQuantityZero = def("ChartQuantityZero", "数量 %q 为 %s（街道 %s）,不能作除数", "%q is %s in sub-district %s; cannot divide by it")
	// ChartNoBaseline: a compare chart of a plan without a baseline.
	ChartNoBaseline = def("ChartNoBaseline", "方案没有 [damping] baseline;比较需要 scenario=<名称> 或 set.<路径>=<值>", "the plan has no [damping] baseline; compare needs scenario=<name> or set.<path>=<value>")
	// ChartNoPopulation: a Lorenz curve without population.
	ChartNoPopulation = def("ChartNoPopulation", "洛伦兹曲线没有人口数量（请设 [plan] population,或为每个街道给出 resident_population）", "no population quantity for the Lorenz curve (set [plan] population, or give every sub-district resident_population)")
	// ChartNoResult: a chart without a result (a fault of caili).
	ChartNoResult = def("ChartNoResult", "没有可绘制的结果（内部错误）", "no result to draw (internal error)")
)

// ServerSubdistrictLive: a 街道's token sent to a working (draft) plan.
var ServerSubdistrictLive = def("ServerSubdistrictLive", "街道令牌（%s）只能查看本街道已发布的财力测算通知书和本街道的异议;方案草案与测算不对街道开放",
	"a sub-district's token (%s) reads its own published statement and objections only; the working plans are drafts")
