package msg

// What the command line (cmd/caili) says when a command succeeds: the
// lines for a person, in the chosen language. Output that programs read
// (CSV, JSON, the tables of results) is not here and does not change
// with the language.
var (
	// OutSamplePlan: the built-in plan, named.
	OutSamplePlan = def("OutSamplePlan", "内置示意方案", "sample plan")
	// OutValidate: caili validate (the plan, its name, its counts, the
	// capacity, and OutAllocatedInFull or OutKeptBack).
	OutValidate = def("OutValidate", "%s:通过 — %s,%d 个街道、%d 类人员、%d 项定额、%d 个项目、%d 个因素;财力 %s 元%s",
		"%s: ok — %s, %d sub-districts, %d staff categories, %d quotas, %d projects, %d factors; capacity %s 元%s")
	// OutAllocatedInFull: every 元 of capacity went to the 街道 or the
	// reserve (预备费).
	OutAllocatedInFull = def("OutAllocatedInFull", "全部分配", " allocated in full")
	// OutKeptBack: part of capacity stays unallocated: how much, its share
	// of capacity, and what holds it (OutKept…, listed).
	OutKeptBack = def("OutKeptBack", ",其中 %s 元（占 %s%%）未分配到街道:%s", ", of which %s 元 (%s%%) is not allocated to the sub-districts: %s")
	// OutKeptPerformance … OutKeptPool: what holds money kept back.
	OutKeptPerformance = def("OutKeptPerformance", "绩效预留 %s 元", "performance reserve %s 元")
	OutKeptDamping     = def("OutKeptDamping", "封顶调减留存资金 %s 元", "damping reserve %s 元")
	OutKeptPool        = def("OutKeptPool", "区级统筹 %s 元", "district pool %s 元")
	OutKeptManaged     = def("OutKeptManaged", "区级部门统筹 %s 元", "district-managed %s 元")
	// OutVerified: caili verify of a result that matches (the file, the
	// plan, the stamp).
	OutVerified = def("OutVerified", "一致:%s 由 %s 重新计算,逐字节相同\n  %s", "matches: %s, recomputed from %s, is the same byte for byte\n  %s")
	// OutTemplateWrote: caili template (the file, how many sub-districts).
	OutTemplateWrote = def("OutTemplateWrote", "caili: 已写入 %s,%d 个街道", "caili: wrote %s: %d sub-district(s)")
	// OutImported, OutImportMerged: caili import (the file, the count of
	// sub-districts, of changes, where it was written).
	OutImported     = def("OutImported", "caili: 已从 %s 导入 %d 个街道,%d 处变化,写入 %s", "caili: imported %s: %d sub-district(s), %d change(s), written to %s")
	OutImportMerged = def("OutImportMerged", "caili: 已将 %s 合并入方案,%d 处变化,写入 %s", "caili: merged %s into the plan: %d change(s), written to %s")
	// OutStdout: standard output, named.
	OutStdout = def("OutStdout", "标准输出", "standard output")
	// OutServing … OutWritesOff: caili serve's first line (how many
	// plans, their ids, the address, how writes are allowed).
	OutServing      = def("OutServing", "caili: 提供 %d 个方案（%s）,地址 http://%s/ — %s", "caili: serving %d plan(s) (%s) on http://%s/ — %s")
	OutWritesToken  = def("OutWritesToken", "写入须带 Authorization: Bearer $CAILI_TOKEN", "writes need Authorization: Bearer $CAILI_TOKEN")
	OutWritesStored = def("OutWritesStored", "写入须用 caili token create 创建的令牌（docs/records.md）", "writes need a token of caili token create (docs/records.md)")
	OutWritesOff    = def("OutWritesOff", "写入已关闭（设置 CAILI_TOKEN 以允许保存情景）", "writes are disabled (set CAILI_TOKEN to allow saving scenarios)")

	// OutPlanSaved … OutPlanDiff: caili plan (the plan id, the version,
	// its sha256 …).
	OutPlanSaved     = def("OutPlanSaved", "已保存草案 %s 第 %d 版 sha256 %s,%d 个文件", "saved draft %s version %d sha256 %s, %d file(s)")
	OutPlanUnchanged = def("OutPlanUnchanged", "未改变,仍为 %s 第 %d 版 sha256 %s,%d 个文件", "unchanged: still %s version %d sha256 %s, %d file(s)")
	OutPlanApproved  = def("OutPlanApproved", "已审批 %s 第 %d 版 sha256 %s", "approved %s version %d sha256 %s")
	OutPlanPublished = def("OutPlanPublished", "已发布 %s %s — %s 第 %d 版（结果 sha256 %s）", "published %s %s — %s version %d (result sha256 %s)")
	OutPlanListHead  = def("OutPlanListHead", "版本\t状态\tsha256\t保存于\t保存人\t审批人\t备注", "version\tstate\tsha256\tsaved\tsaved by\tapproved by\tnote")
	OutPlanShow      = def("OutPlanShow", "%s 第 %d 版 %s — %s (%d)\nsha256 %s\n保存 %s %s", "%s version %d %s — %s (%d)\nsha256 %s\nsaved %s by %s")
	OutPlanShowAppr  = def("OutPlanShowAppr", ";审批 %s %s", "; approved %s by %s")
	OutPlanFile      = def("OutPlanFile", "  文件 %s（%d 字节）", "  file %s (%d bytes)")
	OutResult        = def("OutResult", "结果:%s", "result: %s")
	OutPlanDiff      = def("OutPlanDiff", "%s 第 %d 版 → 第 %d 版:%d 处改动", "%s version %d → version %d: %d change(s)")
	OutNone          = def("OutNone", "（无）", "(none)")

	// OutTokenCreated … OutAuditHead: caili token and caili audit.
	OutTokenCreated   = def("OutTokenCreated", "令牌 %s(%s%s)— 只显示这一次,请妥善保存:\n%s", "token %s (%s%s) — shown this once, keep it safe:\n%s")
	OutTokenRevoked   = def("OutTokenRevoked", "已吊销 %s", "revoked %s")
	OutTokenListHead  = def("OutTokenListHead", "ID\t角色\t街道\t创建于\t状态\t备注", "ID\trole\tsub-district\tcreated\tstate\tnote")
	OutTokenValid     = def("OutTokenValid", "有效", "valid")
	OutTokenRevokedAt = def("OutTokenRevokedAt", "已吊销 %s", "revoked %s")
	OutAuditHead      = def("OutAuditHead", "#\t时间\t操作人\t角色\t操作\t方案\t对象\tsha256\t说明", "#\ttime\tactor\trole\taction\tplan\tsubject\tsha256\tdetail")

	// OutBackedUp … OutRestoreKept: caili backup and caili restore.
	OutBackedUp    = def("OutBackedUp", "已备份 %s → %s", "backed up %s → %s")
	OutRestored    = def("OutRestored", "已恢复 %s → %s", "restored %s → %s")
	OutRestoreKept = def("OutRestoreKept", "原数据库保存在 %s", "the replaced database is kept as %s")

	// OutObjectionAccepted … OutObjectionEffect: caili objection (the
	// plan id, the objection's number, its sub-district …).
	OutObjectionAccepted = def("OutObjectionAccepted", "已采纳 %s 异议 %d(%s)→ 草案第 %d 版 sha256 %s", "accepted %s objection %d (%s) → draft version %d sha256 %s")
	OutObjectionRejected = def("OutObjectionRejected", "已驳回 %s 异议 %d(%s):%s", "rejected %s objection %d (%s): %s")
	OutObjectionListHead = def("OutObjectionListHead", "编号\t街道\t针对版本\t提出于\t更正项\t状态\t说明", "no.\tsub-district\tversion\tfiled\tcorrections\tstate\tnote")
	OutObjectionShow     = def("OutObjectionShow", "%s 异议 %d — 街道 %s,针对第 %d 版,%s 由 %s 提出\n状态 %s\n说明 %s", "%s objection %d — sub-district %s, on version %d, filed %s by %s\nstate %s\nnote %s")
	OutObjectionFix      = def("OutObjectionFix", "  更正 %s = %s", "  correction %s = %s")
	OutObjectionEffect   = def("OutObjectionEffect", "按更正测算:%s", "with the corrections: %s")
)

// OutNoAttribution: a version diff whose change cannot be attributed.
var OutNoAttribution = def("OutNoAttribution", "变化无法归因:%s", "the change cannot be attributed: %s")
