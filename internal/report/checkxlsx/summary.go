package checkxlsx

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Rows of the district figures on the 汇总 sheet.
const (
	srCapacity = 3 + iota
	srReserve
	srAvailable
	srPersonnel
	srPublic
	srPool
	srProjects
	srIncentive
	srBlock
	srPerfReserve
	srDampReserve
	srTotal
	srIdentity
	srRejected
	srChecks
	srTable = srChecks + 2 // the sub-districts' header
)

// layoutSummary fixes the cells of the district figures that the stages
// read, before any stage is written.
func (b *book) layoutSummary() {
	b.available = qual(SheetSummary, 2, srAvailable)
	b.pool = qual(SheetSummary, 2, srPool)
}

// summary writes 汇总: the district figures, each with caili's and a
// check, the accounting identity (rules §1.4), the rejections (§3.9), the
// count of checks that differ, and per sub-district the six components
// and the total.
func (b *book) summary() {
	const s = SheetSummary
	in, res := b.in, b.res
	n := len(b.p.Subdistricts)
	t0, t1 := srTable+1, srTable+n
	tot := func(c int) string { return "SUM(" + absName(c, t0) + ":" + absName(c, t1) + ")" }
	b.titleRow(s, 1, "汇总:全区测算流程与各街道结果(公式值与 caili 精确数逐项核对)")
	b.headerRow(s, 2, "项目", "公式值", "caili 精确数", "核对", "算式")
	totals := res.Totals()
	rows := []struct {
		row         int
		label, f, e string
		want        *decimal.Decimal
	}{
		{srCapacity, "可用财力", in.capacity, "输入", &res.Capacity},
		{srReserve, "预备费", b.round(in.capacity + "*" + in.reserveRate), "round(可用财力 × 预备费比例)", &res.Reserve},
		{srAvailable, "可用财力", "B3-B4", "可用财力 − 预备费", &res.Available},
		{srPersonnel, "人员经费合计", tot(3), "下表各街道人员经费之和(人员经费 表)", &totals[0]},
		{srPublic, "公用经费合计", tot(4), "下表各街道公用经费之和(公用经费 表)", &totals[1]},
		{srPool, "项目资金池", "B5-B6-B7", "可用财力 − 人员经费 − 公用经费", &res.Pool},
		{srProjects, "项目经费合计", tot(5), "各档安排之和(项目分档、项目经费 表)", &totals[2]},
		{srIncentive, "激励总额", b.incentivePool, "floor_u(min(Σraw, 限额, 剩余))(激励 表)", &res.IncentivePool},
		{srBlock, "因素分配资金", b.blockPool, "剩余财力;reserve 模式 floor_u(R × Σadj / Σbase)(因素法 表)", &res.BlockPool},
		{srPerfReserve, "绩效预留", b.perfReserve, "reserve 模式下绩效系数扣下的部分", &res.PerformanceReserve},
		{srDampReserve, "保底封顶结余", b.dampReserve, "封顶腾出、保底用剩的部分", &res.DampingReserve},
		{srTotal, "各街道合计", tot(9), "下表各街道合计之和", &totals[6]},
		{srIdentity, "会计恒等式", "B14+B4+B12+B13-B3", "各街道合计 + 预备费 + 绩效预留 + 保底封顶结余 − 可用财力,应为 0", &decimal.Zero},
	}
	for _, row := range rows {
		b.set(s, 1, row.row, row.label)
		b.formula(s, 2, row.row, row.f)
		b.check(s, 3, row.row, cellName(2, row.row), *row.want)
		b.set(s, 5, row.row, row.e)
	}
	b.checkColumn(s, 4, srCapacity, srIdentity)
	b.set(s, 1, srRejected, "拒绝检查")
	b.formula(s, 2, srRejected, fmt.Sprintf(`IF(B6+B7>B5,"拒绝:财力不足 capacity shortfall,缺口 "&(B6+B7-B5),IF(AND(%s="通过",%s),"通过","拒绝:见各表的拒绝检查"))`,
		qual(SheetTiers, tcCheck+6, tierRow(0)), b.stageRejections()))
	b.set(s, 5, srRejected, "通过:方案不被任何阶段拒绝")
	b.subdistrictTotals(t0)
	b.set(s, 1, srChecks, "核对汇总")
	counts := make([]string, len(b.checks))
	for k, c := range b.checks {
		counts[k] = fmt.Sprintf(`COUNTIF(%s,"%s")`, c, Differ)
	}
	b.formula(s, 2, srChecks, fmt.Sprintf(`IF(%s=0,"全部一致","有 "&(%s)&" 处不一致")`, sum(counts), sum(counts)))
	b.widths(s, 18, 18, 18, 10, 50, 14, 14, 14, 14, 14, 14, 8)
}

// stageRejections is the condition that no later stage rejects the plan.
func (b *book) stageRejections() string {
	conds := []string{fmt.Sprintf(`%s="通过"`, qual(SheetBlock, 2, 8))}
	if b.p.Damping != nil {
		conds = append(conds, fmt.Sprintf(`%s="通过"`, qual(SheetDamping, 2, 7)))
	}
	return strings.Join(conds, ",")
}

// subdistrictTotals writes per sub-district the six components and the
// total, from row t0.
func (b *book) subdistrictTotals(t0 int) {
	const s = SheetSummary
	b.headerRow(s, t0-1, "街道编码", "街道", "人员经费", "公用经费", "项目经费", "激励", "因素分配", "保底封顶", "合计(公式)", "caili 合计", "核对")
	for i, sd := range b.p.Subdistricts {
		r := t0 + i
		b.set(s, 1, r, sd.ID)
		b.set(s, 2, r, sd.Name)
		for k, c := range []string{b.personnelSum[i], b.publicSum[i], b.projectSum[i], b.incentive[i], b.block[i], b.damping[i]} {
			b.formula(s, 3+k, r, c)
		}
		b.formula(s, 9, r, fmt.Sprintf("SUM(%s:%s)", cellName(3, r), cellName(8, r)))
		b.check(s, 10, r, cellName(9, r), b.res.Subdistricts[i].Total)
	}
	b.checkColumn(s, 11, t0, t0+len(b.p.Subdistricts)-1)
}
