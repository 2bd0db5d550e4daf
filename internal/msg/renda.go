package msg

// Words of the 人大 table (caili report renda, issue 24 §5): the
// 街道财力安排表 for the 预算草案, all 街道 × components in 万元.
var (
	// RendaTitle is the table's title (%s: the district, %d: the year).
	RendaTitle = def("RendaTitle", "%s%d年街道财力安排表", "%s: sub-district funds for %d")
	// RendaSheet is the sheet's name.
	RendaSheet = def("RendaSheet", "街道财力安排表", "sub-district funds")
	// RendaUnit is the unit line over the table.
	RendaUnit = def("RendaUnit", "单位: 万元", "in 10,000 yuan")
	// RendaLastYear, RendaThisYear, RendaChange and RendaChangePct head
	// the columns beside this year's: last year's baseline, this year's
	// amount on the same basis, the change and the change in per cent.
	RendaLastYear  = def("RendaLastYear", "上年基数", "last year")
	RendaThisYear  = def("RendaThisYear", "本年同口径", "this year, same basis")
	RendaChange    = def("RendaChange", "增减额", "change")
	RendaChangePct = def("RendaChangePct", "增幅%", "change (%)")
	// RendaBasis says what last year's figures are (%s: the quantity,
	// %s: the components left out of the same basis, or 无).
	RendaBasis = def("RendaBasis", "上年基数为方案的保底封顶基数 (%s); 同口径不含: %s。", "last year is the plan's damping baseline (%s); the same basis leaves out: %s.")
	// RendaNone stands for no component left out.
	RendaNone = def("RendaNone", "无", "none")
	// RendaNoLastYear says why there are no last year's columns.
	RendaNoLastYear = def("RendaNoLastYear", "方案没有保底封顶基数, 表中未列上年对比。", "the plan has no damping baseline: last year's columns are left out.")
	// FlagRendaOut describes report renda's --out.
	FlagRendaOut = def("FlagRendaOut", "写入的 xlsx 文件（必填）", "the xlsx file to write (required)")
	// CmdReportUsage lists report's tables.
	CmdReportUsage = def("CmdReportUsage", "用法: caili report renda [--plan F] [--scenario F] [--set path=value]... --out F.xlsx", "usage: caili report renda [--plan F] [--scenario F] [--set path=value]... --out F.xlsx")
	// CmdRendaNeedsOut asks for --out.
	CmdRendaNeedsOut = def("CmdRendaNeedsOut", "report renda 需要 --out F.xlsx", "report renda needs --out F.xlsx")
)
