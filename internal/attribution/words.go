package attribution

// The attribution's own words, in one place (issue 19 §3): the names of
// the cause groups and of the total row, the sentence a statement prints
// for a row, and the errors that say, in both languages at once, why an
// attribution cannot be made. They are part of the attribution's result
// and are Chinese in every language; this package may not import the
// message table (it is arithmetic over plans).

// groupLabels name the groups in Chinese, in the order of Groups.
var groupLabels = [...]string{"数据变化", "标准调整", "财力总额", "绩效评级"}

// Words of bundles, rows and sentences.
const (
	// wordFactorWeights names the bundle of every factor's weight.
	wordFactorWeights = "因素权重"
	// wordIndicatorWeights names the bundle of a factor's indicator
	// weights (%s: the factor).
	wordIndicatorWeights = "因素 %s 指标权重"
	// wordTotal names the row of the district's totals.
	wordTotal = "合计"

	// sentenceAgainst opens a sentence (%s: the base, 上年 or 原方案);
	// sentenceNoChange, sentenceUp and sentenceDown follow it (%s: the
	// amount); sentencePart is each part (%s: the cause, then the signed
	// amount), after sentenceColon and then sentenceComma.
	sentenceAgainst  = "比%s"
	sentenceNoChange = "无变化"
	sentenceUp       = "增加 %s 元"
	sentenceDown     = "减少 %s 元"
	sentencePart     = "%s %s 元"
	sentenceColon    = ":"
	sentenceComma    = ","
)

// Errors, in Chinese and English at once.
const (
	// errOldOnly and errNewOnly mark a sub-district of one plan only
	// (%s: its id).
	errOldOnly = "%s (只在旧方案 old plan only)"
	errNewOnly = "%s (只在新方案 new plan only)"
	// errDifferentSubdistricts: plans whose sub-districts differ (%s: the
	// list, then " … (n in all)" when it is cut short).
	errDifferentSubdistricts = "两个方案的街道不同,无法逐街道归因 (the plans have different sub-districts): %s%s"
	// errCoalition: a coalition that cannot be evaluated (%s: the players
	// twice, then %v: the error).
	errCoalition = "归因需要测算每一种组合,组合 [%s] 不能测算 (attribution: the plan with only %s applied cannot be evaluated; grouping related changes, --by group, may help): %v"
)
