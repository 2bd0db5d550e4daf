package workbook

// The words of the breakdown workbook (二上, docs/year.md): its sheet's
// name, title and column headings, which the reader finds again. The
// workbook is Chinese in every language, like the data template.

// SheetBreakdown is the breakdown workbook's sheet.
const SheetBreakdown = "项目分解"

// The headings of the breakdown's columns, in their order.
var breakdownHeadings = []string{"项目名称", "使用方向", "功能科目", "经济科目", "金额", "绩效目标"}

// breakdownTitle is the sheet's first row: the 街道, the year and the
// figure to break down.
const breakdownTitle = "%s %d 年项目分解(二上):应分解金额 %s 元(因素分配与激励,%s)"

// breakdownUsesTitle heads the list of permitted uses beside the table.
const breakdownUsesTitle = "可用的使用方向(填编号或名称)"
