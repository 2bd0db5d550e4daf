package msg

// Words of internal/analysis: the headings of a goal-seek's answer and of
// a sensitivity sweep as the command line prints them, the notes of a
// lever that cannot move, and the stage rejections a goal-seek names.
// The tables are printed in Chinese and English at once (the Chinese
// format holds both); the English format is the English alone.
var (
	// AnaSmallest and AnaLargest: what the answer is the end of.
	AnaSmallest = def("AnaSmallest", "最小值 (smallest)", "smallest")
	AnaLargest  = def("AnaLargest", "最大值 (largest)", "largest")
	// AnaTarget, AnaVary and AnaAnswer head a goal-seek's answer (%s: the
	// target; the path, its value and the step; the path, the answer and
	// AnaSmallest or AnaLargest).
	AnaTarget = def("AnaTarget", "目标 target:      %s", "target:      %s")
	AnaVary   = def("AnaVary", "调节 vary:        %s（原值 %s,步长 %s）", "vary:        %s (value %s, step %s)")
	AnaAnswer = def("AnaAnswer", "答案 answer:      %s = %s（满足目标的%s）", "answer:      %s = %s (the %s meeting the target)")
	// AnaCheck and the rest head the columns of the checks.
	AnaCheck = def("AnaCheck", "核验 check", "check")
	AnaValue = def("AnaValue", "取值 value", "value")
	AnaHolds = def("AnaHolds", "满足 holds", "holds")
	AnaLeft  = def("AnaLeft", "左值 left", "left")
	AnaRight = def("AnaRight", "右值 right", "right")
	AnaNote  = def("AnaNote", "说明 note", "note")
	// AnaAnswerRow, AnaUnitLess and AnaUnitMore name the rows of the checks.
	AnaAnswerRow = def("AnaAnswerRow", "答案 answer", "answer")
	AnaUnitLess  = def("AnaUnitLess", "少一个单位 one unit less", "one unit less")
	AnaUnitMore  = def("AnaUnitMore", "多一个单位 one unit more", "one unit more")
	// AnaYes and AnaNo: whether a check holds.
	AnaYes = def("AnaYes", "是 yes", "yes")
	AnaNo  = def("AnaNo", "否 no", "no")
	// AnaNotMonotone and AnaMonotone close the answer (%s: the path; %d:
	// how many plans were computed).
	AnaNotMonotone = def("AnaNotMonotone", "注意:目标对 %s 不单调（答案之内一个单位处目标不成立）,答案是找到的一个边界,未必唯一。", "note: the target is not monotone in %s (it fails one unit inside the answer); the answer is one boundary found, perhaps not the only one.")
	AnaMonotone    = def("AnaMonotone", "假定目标随 %s 单调;在答案处核验通过。共计算 %d 次。", "the target is taken to be monotone in %s; it holds at the answer. %d plans computed.")

	// AnaLargestChange and AnaFocus: whose change a sweep shows (%s: the
	// sub-district's id).
	AnaLargestChange = def("AnaLargestChange", "各街道中变动最大者 the largest change over the sub-districts", "the largest change over the sub-districts")
	AnaFocus         = def("AnaFocus", "街道 %s", "sub-district %s")
	// AnaSweepTitle heads a sweep (%s: the plan, the step, AnaLargestChange
	// or AnaFocus).
	AnaSweepTitle = def("AnaSweepTitle", "%s · 敏感性分析 sensitivity ±%s · %s", "%s · sensitivity ±%s · %s")
	// AnaNumber and the rest head the columns of a sweep; AnaChange is a
	// move's change (%s: the signed step).
	AnaNumber      = def("AnaNumber", "序号", "no.")
	AnaLever       = def("AnaLever", "调节项 lever", "lever")
	AnaPath        = def("AnaPath", "路径 path", "path")
	AnaLeverValue  = def("AnaLeverValue", "原值 value", "value")
	AnaChange      = def("AnaChange", "%s 变动", "%s change")
	AnaSubdistrict = def("AnaSubdistrict", "街道", "sub-district")
	// AnaMasked and AnaRejectedMoves head the lists after the table (%s:
	// the step).
	AnaMasked        = def("AnaMasked", "无效调节项 masked levers（±%s 不改变任何街道合计 / move no total）:", "masked levers (±%s move no total):")
	AnaRejectedMoves = def("AnaRejectedMoves", "测算不成立的调节:", "moves with which the calculation does not hold:")
	// AnaRejected: a move the rules reject, in the table, with why (%s:
	// AnaFloorsInfeasible …, or 方案无效).
	AnaRejected = def("AnaRejected", "不可行（%s）", "infeasible (%s)")
	// AnaCSVLever and the rest head the columns of a sweep's CSV.
	AnaCSVLever       = def("AnaCSVLever", "调节项", "lever")
	AnaCSVValue       = def("AnaCSVValue", "原值", "value")
	AnaCSVDirection   = def("AnaCSVDirection", "方向", "direction")
	AnaCSVMoved       = def("AnaCSVMoved", "调节后取值", "moved value")
	AnaCSVID          = def("AnaCSVID", "街道id", "sub-district id")
	AnaCSVSubdistrict = def("AnaCSVSubdistrict", "街道", "sub-district")
	AnaCSVTotal       = def("AnaCSVTotal", "原合计", "total")
	AnaCSVChange      = def("AnaCSVChange", "变动", "change")
	AnaCSVStatus      = def("AnaCSVStatus", "状态", "status")

	// AnaOnlyWeight and AnaOtherWeightsZero: why a weight cannot move.
	AnaOnlyWeight       = def("AnaOnlyWeight", "唯一权重,须为 1 / the only weight, must be 1", "the only weight, must be 1")
	AnaOtherWeightsZero = def("AnaOtherWeightsZero", "其余权重均为 0 / the other weights are all 0", "the other weights are all 0")

	// AnaPlanInvalid: a plan a goal-seek step cannot use (%s: why).
	AnaPlanInvalid = def("AnaPlanInvalid", "方案无效:%s", "plan invalid: %s")
	// AnaCapacityShortfall and the rest name the stage rejections.
	AnaCapacityShortfall = def("AnaCapacityShortfall", "财力缺口", "capacity shortfall")
	AnaMandatoryUnfunded = def("AnaMandatoryUnfunded", "保基本民生项目无法足额安排", "mandatory projects unfunded")
	AnaNoBlockEligible   = def("AnaNoBlockEligible", "无街道可参与因素分配", "no sub-district eligible for the block")
	AnaFloorsInfeasible  = def("AnaFloorsInfeasible", "保底资金不足", "floors cannot be funded")
	// AnaAccepted: the target that the plan is feasible.
	AnaAccepted = def("AnaAccepted", "方案可行（无缺口、三保足额、保底可筹）", "the plan is feasible (no shortfall, mandatory projects funded, floors fundable)")
)
