package formula

// The words of formula's results, in one place (issue 19 §3): the names
// of the components, of the items the rules make and of the
// equalisation's stages, and the words of the explanation lines. A
// result's lines are part of the result and are Chinese in every
// language; problems, which a person reads in the language asked for,
// are messages of internal/msg (formula names them, the edge renders).

// ComponentLabels are the Chinese names of the components, in the order
// of ComponentNames, as every table, statement and chart heads them.
var ComponentLabels = [len(ComponentNames)]string{"人员经费", "公用经费", "项目经费", "激励", "因素分配", "保底封顶"}

// EqualisationLabels are the Chinese names of EqualisationStages, in the
// same order.
var EqualisationLabels = [...]string{"因素分配前", "因素分配后", "保底封顶后"}

// fixedItemNames name the items the rules make, not the plan: the
// incentive's one line and the damping lines.
var fixedItemNames = map[Stage]map[string]string{
	StageIncentive: {"tax_growth": "税源增长激励"},
	StageDamping:   {"none": "不调整", "floor": "保底补足", "ceiling": "封顶调减", "floor_funding": "分摊保底资金"},
}

// CitationMark starts the citation of a standard's source document at the
// end of a line: "…= 3382500 (B 档),全额保障;标准依据 罗财〔2024〕5号".
const CitationMark = ";标准依据 "

// BaselineMark starts the citation of a damping baseline taken from a
// published result: "…;基数 取自 2025 年已发布版本 第 3 版 1a2b3c4d".
const BaselineMark = ";基数 取自 "

// Words of the explanation lines.
const (
	// wordPublishedYear cites a published result (%s: its fiscal year).
	wordPublishedYear = "%s 年已发布版本"
	// wordOfPlan cites another plan's published result (%s: the plan,
	// then wordPublishedYear).
	wordOfPlan = "方案 %s %s"
	// wordRemainderRank says where the largest-remainder method ranked a
	// line (%s: the rank).
	wordRemainderRank = " (最大余额, 第 %s 位)"
)
