package msg

// Messages of [[succession]], merged and split 街道 (docs/succession.md).
var (
	// SuccessionManyToMany: from and to both list several.
	SuccessionManyToMany = def("SuccessionManyToMany", "一条 [[succession]] 只能是多个街道合并为一个,或一个街道拆分为多个,不能多对多",
		"a [[succession]] merges several sub-districts into one or splits one into several, never many into many")
	// SuccessionUnknown: to names no sub-district of the plan.
	SuccessionUnknown = def("SuccessionUnknown", "本方案没有街道 %q:to 须是本方案的街道编码",
		"the plan has no sub-district %q: to must name sub-districts of this plan")
	// SuccessionStillHere: a former sub-district is still in the plan but not among the successors.
	SuccessionStillHere = def("SuccessionStillHere", "街道 %q 仍在本方案中,却没有列在 to 中:撤并的街道不应再出现,保留的街道须同时写在 to 中",
		"sub-district %q is still in the plan but not in to: a merged-away sub-district must be gone, a kept one listed in to as well")
	// SuccessionTwice: an id in two successions.
	SuccessionTwice = def("SuccessionTwice", "街道 %q 出现在两条 [[succession]] 中", "sub-district %q is in two [[succession]] tables")
	// SuccessionByMerge: by on a merge.
	SuccessionByMerge = def("SuccessionByMerge", "合并不需要 by:by 只用于拆分(to 有多个街道)", "a merge takes no by: by is for a split (several in to)")
	// SuccessionNeedBy: a split without by.
	SuccessionNeedBy = def("SuccessionNeedBy", "拆分须写 by:按哪个测算基础数据(如 resident_population)划分原街道的基数",
		"a split needs by: the quantity (such as resident_population) that divides the former sub-district's baseline")
	// SuccessionByMissing: a successor lacks the split's quantity.
	SuccessionByMissing = def("SuccessionByMissing", "拆分按 %s 划分,但该街道没有这项数据", "the split is by %s, which this sub-district lacks")
	// SuccessionByZero: the split's quantity is zero in every successor.
	SuccessionByZero = def("SuccessionByZero", "拆分所按的 %s 在各承继街道都是 0,无法划分", "the split's quantity %s is zero in every successor")
	// SuccessionToNotList: to is neither an id nor a list of ids.
	SuccessionToNotList = def("SuccessionToNotList", "须是街道编码或编码列表,如 \"desheng\" 或 [\"a\", \"b\"]", "must be a sub-district id or a list of ids, such as \"desheng\" or [\"a\", \"b\"]")
	// SuccessionSplitFailed: the published baseline could not be divided.
	SuccessionSplitFailed = def("SuccessionSplitFailed", "无法拆分原街道 %s 的已发布基数:%s", "cannot divide the published baseline of former sub-district %s: %s")
)
