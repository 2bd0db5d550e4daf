package msg

// Headings of a chart's data as a table (server/chart's data.go), in
// Chinese and English at once: the Chinese format holds both.
var (
	// ChartColName and the rest head the columns of a chart's data.
	ChartColName        = def("ChartColName", "街道 name", "name")
	ChartColTotal       = def("ChartColTotal", "合计 total", "total")
	ChartColBase        = def("ChartColBase", "基准 base", "base")
	ChartColScenario    = def("ChartColScenario", "测算 scenario", "scenario")
	ChartColChange      = def("ChartColChange", "变化 change", "change")
	ChartColBaseline    = def("ChartColBaseline", "上年基数 baseline (%s)", "baseline (%s)")
	ChartColMeasured    = def("ChartColMeasured", "本年测算 measured", "measured")
	ChartColItem        = def("ChartColItem", "项目 item", "item")
	ChartColAmount      = def("ChartColAmount", "金额 amount", "amount")
	ChartColShare       = def("ChartColShare", "占比 share %", "share %")
	ChartColPerUnit     = def("ChartColPerUnit", "每单位 per unit", "per unit")
	ChartColStage       = def("ChartColStage", "阶段 stage", "stage")
	ChartColStageLabel  = def("ChartColStageLabel", "阶段名称 label", "label")
	ChartColK           = def("ChartColK", "序号 k", "k")
	ChartColPopShare    = def("ChartColPopShare", "人口累计占比 population_share", "population_share")
	ChartColAmountShare = def("ChartColAmountShare", "财力累计占比 amount_share", "amount_share")
	ChartColCV          = def("ChartColCV", "变异系数 cv", "cv")
	ChartColGini        = def("ChartColGini", "基尼系数 gini", "gini")
	ChartColTheil       = def("ChartColTheil", "泰尔指数 theil", "theil")
	ChartColMaxMin      = def("ChartColMaxMin", "最大/最小 max_min_ratio", "max_min_ratio")
	ChartColLever       = def("ChartColLever", "调节项 lever", "lever")
)
