package msg

// Messages of package formula: the rules of a plan (rules §2).
var (
	// Negative: an amount, count or rate below zero.
	Negative = def("不能为负数(实为 %s)", "must not be negative (got %s)")
)
