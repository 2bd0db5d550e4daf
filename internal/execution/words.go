package execution

import "regexp"

// The budget system's own words (预算管理一体化's export): the column
// headers an execution report has by default and the ways it writes a
// month. They are what the file says, Chinese in every language.

// defaultHeaders are each field's headers without a mapping file.
var defaultHeaders = [numFields][]string{
	{"街道", "街道名称", "预算单位", "单位名称", "单位"},
	{"项目", "项目名称", "明细项目"},
	{"预算数", "预算金额", "全年预算", "调整后预算数", "指标金额"},
	{"支出数", "累计支出", "支出金额", "已支出", "执行数"},
	{"月份", "月", "期间"},
}

// The forms of a month: 9, 09, 9月, 2025-09, 2025/9, 2025.9, 2025年9月,
// 202509, 2025-09-30 (a date cell).
var (
	monthAlone = regexp.MustCompile(`^(\d{1,2})月?$`)
	yearMonth  = regexp.MustCompile(`^(\d{4})(?:[-/.年](\d{1,2})月?(?:[-/.]\d{1,2}(?:T.*)?)?|(\d{2}))$`)
)
