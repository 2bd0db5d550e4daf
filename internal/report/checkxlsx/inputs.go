package checkxlsx

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// inputs are the references (qualified, absolute) of the cells of the 输入
// sheet that the stage formulas read.
type inputs struct {
	unit, digits, capacity, reserveRate, overflow, perfMode string
	incRate, incBudget, floor, ceiling, keep                string
	exclude                                                 [4]string
	staffPay, staffOncost, quotaRate, projCost, projTier    []string
	tierShare                                               [5]string // by formula.Tier; [0] unused
	factorW                                                 []string
	indW                                                    [][]string
	perfRatings, perfCoefs, projRatings, projCoefs          string   // ranges
	rating, adjustment                                      []string // [sub-district]
	heads, payroll, projRating                              [][]string
	qtyCol                                                  map[string]int
	subRow0, subRow1                                        int
}

// column is the 输入 column of quantity name: a headcount column for
// staff.ID (rules §2.3), else the quantity's.
func (in *inputs) column(p *formula.Plan, name string) int {
	if id, ok := strings.CutPrefix(name, formula.StaffRefPrefix); ok {
		for j, s := range p.Staff {
			if s.ID == id {
				return 5 + j
			}
		}
	}
	return in.qtyCol[name]
}

// qty is the reference to quantity name of sub-district i.
func (in *inputs) qty(p *formula.Plan, i int, name string) string {
	return qual(SheetInputs, in.column(p, name), in.subRow0+i)
}

// qtySum is the cell of the sum of a quantity over all sub-districts
// (the 全区合计 row under the sub-districts).
func (in *inputs) qtySum(p *formula.Plan, name string) string {
	return qual(SheetInputs, in.column(p, name), in.subRow1+1)
}

// basis is the formula text of Σ basis of sub-district i.
func (in *inputs) basis(p *formula.Plan, i int, names []string) string {
	terms := make([]string, len(names))
	for k, n := range names {
		terms[k] = in.qty(p, i, n)
	}
	return "(" + sum(terms) + ")"
}

// quantityNames lists every quantity of the sub-districts: those the plan
// refers to first, in the order it does, then the others by name.
func quantityNames(p *formula.Plan) []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] && !strings.HasPrefix(n, formula.StaffRefPrefix) {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, q := range p.Quotas {
		for _, n := range q.Basis {
			add(n)
		}
	}
	for _, pr := range p.Projects {
		for _, n := range pr.Basis {
			add(n)
		}
	}
	for _, f := range p.Factors {
		for _, ind := range f.Indicators {
			add(ind.Quantity)
		}
	}
	if p.Incentive != nil {
		add(p.Incentive.Current)
		add(p.Incentive.Previous)
	}
	if p.Damping != nil {
		add(p.Damping.Baseline)
	}
	var rest []string
	for _, s := range p.Subdistricts {
		for n := range s.Quantities {
			if !seen[n] && !slices.Contains(rest, n) {
				rest = append(rest, n)
			}
		}
	}
	sort.Strings(rest)
	for _, n := range rest {
		add(n)
	}
	return names
}

// param writes one labelled parameter at row and returns its reference.
func (b *book) param(row *int, label string, v any, note string) string {
	const s = SheetInputs
	b.set(s, 1, *row, label)
	if v != nil {
		b.set(s, 2, *row, v)
	}
	if note != "" {
		b.set(s, 3, *row, note)
		b.style(s, 3, *row, 3, *row, b.note)
	}
	ref := qual(s, 2, *row)
	*row++
	return ref
}

// optional is an optional decimal's value, or nil (a blank cell).
func optional(d *decimal.Decimal) any {
	if d == nil {
		return nil
	}
	return *d
}

// inputs writes the 输入 sheet.
func (b *book) inputs() {
	const s = SheetInputs
	p := b.p
	in := &inputs{}
	b.in = in
	row := 1
	b.titleRow(s, row, "一、方案参数(改动数值或文字后,各表自动重算)")
	row++
	b.param(&row, "方案名称", p.Name, "")
	b.param(&row, "年度", p.FiscalYear, "")
	in.capacity = b.param(&row, "可用财力 capacity(元)", p.Capacity, "须为取整单位的整数倍")
	in.unit = b.param(&row, "取整单位 U(元)", b.res.Unit, "0.01、0.1、1、10、100、1000 或 10000")
	b.set(s, 1, row, "取整位数 D")
	b.formula(s, 2, row, fmt.Sprintf("ROUND(-LOG10(%s),0)", in.unit))
	b.set(s, 3, row, "由 U 算出:ROUND 的小数位数")
	in.digits = qual(s, 2, row)
	row++
	in.reserveRate = b.param(&row, "预备费比例 reserve_rate", p.ReserveRate, "")
	in.overflow = b.param(&row, "分档顺延 tiers.overflow", p.TierOverflow.String(), "cut:挡下的不再安排;demote:A、B、C 档挡下的顺延到下一档")
	mode := "无"
	if p.Performance != nil {
		mode = p.Performance.Mode.String()
	}
	in.perfMode = b.param(&row, "绩效模式 performance.mode", mode, "redistribute 或 reserve;无:方案未设 [performance],绩效系数为 1")
	if inc := p.Incentive; inc != nil {
		in.incRate = b.param(&row, "激励比例 incentive.rate", inc.Rate, "")
		b.param(&row, "激励:本年数量", inc.Current, "见街道表的同名列")
		b.param(&row, "激励:上年数量", inc.Previous, "")
		in.incBudget = b.param(&row, "激励限额 incentive.budget(元)", optional(inc.Budget), "空白:不限额")
	}
	if d := p.Damping; d != nil {
		b.param(&row, "增减幅基数 damping.baseline", d.Baseline, "见街道表的同名列")
		in.floor = b.param(&row, "保底系数 damping.floor", optional(d.Floor), "空白:不设保底")
		in.ceiling = b.param(&row, "封顶系数 damping.ceiling", optional(d.Ceiling), "空白:不封顶")
		for k, name := range formula.DampingExcludable {
			in.exclude[k] = b.param(&row, "控制口径剔除 "+formula.ComponentLabels[k]+" ("+name+")",
				yes(slices.Contains(d.Exclude, name)), "是 / 否")
		}
		in.keep = b.param(&row, "保底保留绩效影响 floor_keeps_rating", yes(d.FloorKeepsRating),
			"是 / 否;无 [performance] 时不起作用")
	}
	row++
	row = b.standardTables(row)
	b.subdistrictTable(row)
	b.widths(s, 26, 22, 18, 16, 16, 14, 14, 14)
}

// table writes a titled table: header, then one row per item from
// values; it returns the first item row and the row after the table.
func (b *book) table(row int, title string, header []string, n int, values func(k int) []any) (int, int) {
	const s = SheetInputs
	b.titleRow(s, row, title)
	b.headerRow(s, row+1, header...)
	first := row + 2
	for k := range n {
		for c, v := range values(k) {
			if v != nil {
				b.set(s, c+1, first+k, v)
			}
		}
	}
	return first, first + n + 1
}

// standardTables writes staff, quotas, projects, tier caps, factors,
// indicators and the rating coefficients.
func (b *book) standardTables(row int) int {
	const s = SheetInputs
	p, in := b.p, b.in
	first, next := b.table(row, "二、人员类别", []string{"编码", "名称", "年工资(元/人)", "社保公积金比例"}, len(p.Staff),
		func(k int) []any { st := p.Staff[k]; return []any{st.ID, st.Name, st.AnnualPay, st.OncostRate} })
	for k := range p.Staff {
		in.staffPay = append(in.staffPay, qual(s, 3, first+k))
		in.staffOncost = append(in.staffOncost, qual(s, 4, first+k))
	}
	first, next = b.table(next, "三、公用经费定额", []string{"编码", "名称", "定额(元/单位)", "基数"}, len(p.Quotas),
		func(k int) []any { q := p.Quotas[k]; return []any{q.ID, q.Name, q.Rate, strings.Join(q.Basis, ", ")} })
	for k := range p.Quotas {
		in.quotaRate = append(in.quotaRate, qual(s, 3, first+k))
	}
	first, next = b.table(next, "四、共性项目", []string{"编码", "名称", "单位标准(元)", "基数", "档次", "档次序号"}, len(p.Projects),
		func(k int) []any {
			pr := p.Projects[k]
			return []any{pr.ID, pr.Name, pr.UnitCost, strings.Join(pr.Basis, ", "), pr.Tier.String()}
		})
	for k := range p.Projects {
		b.formula(s, 6, first+k, fmt.Sprintf(`MATCH(%s,{"mandatory","A","B","C","D"},0)-1`, cellName(5, first+k)))
		in.projCost = append(in.projCost, qual(s, 3, first+k))
		in.projTier = append(in.projTier, qual(s, 6, first+k))
	}
	first, next = b.table(next, "五、分档上限(占项目资金池的份额;空白为不设上限)", []string{"档次", "上限比例 max_share"}, 4,
		func(k int) []any {
			t := formula.Tier(k + 1)
			if c, ok := p.TierCaps[t]; ok {
				return []any{t.String(), c}
			}
			return []any{t.String(), nil}
		})
	for k := range 4 {
		in.tierShare[k+1] = qual(s, 2, first+k)
	}
	return b.factorTables(next)
}

// factorTables writes factors, indicators and rating coefficients.
func (b *book) factorTables(row int) int {
	const s = SheetInputs
	p, in := b.p, b.in
	first, next := b.table(row, "六、因素", []string{"因素编码", "名称", "权重"}, len(p.Factors),
		func(k int) []any { f := p.Factors[k]; return []any{f.ID, f.Name, f.Weight} })
	for k := range p.Factors {
		in.factorW = append(in.factorW, qual(s, 3, first+k))
	}
	var inds [][2]int
	for f, fa := range p.Factors {
		for k := range fa.Indicators {
			inds = append(inds, [2]int{f, k})
		}
	}
	first, next = b.table(next, "七、因素指标", []string{"因素编码", "数量(街道表的列)", "权重"}, len(inds),
		func(k int) []any {
			fa := p.Factors[inds[k][0]]
			ind := fa.Indicators[inds[k][1]]
			return []any{fa.ID, ind.Quantity, ind.Weight}
		})
	in.indW = make([][]string, len(p.Factors))
	for k, fk := range inds {
		in.indW[fk[0]] = append(in.indW[fk[0]], qual(s, 3, first+k))
	}
	coefTable := func(row int, title string, coefs map[string]decimal.Decimal) (string, string, int) {
		keys := make([]string, 0, len(coefs))
		for r := range coefs {
			keys = append(keys, r)
		}
		sort.Strings(keys)
		first, next := b.table(row, title, []string{"等级", "系数"}, max(len(keys), 1), func(k int) []any {
			if len(keys) == 0 {
				return []any{"(无)", nil}
			}
			return []any{keys[k], coefs[keys[k]]}
		})
		last := first + max(len(keys), 1) - 1
		return qualRange(s, 1, first, last), qualRange(s, 2, first, last), next
	}
	var perf, proj map[string]decimal.Decimal
	if p.Performance != nil {
		perf = p.Performance.Coefficients
	}
	if p.ProjectPerformance != nil {
		proj = p.ProjectPerformance.Coefficients
	}
	in.perfRatings, in.perfCoefs, next = coefTable(next, "八、绩效系数 performance.coefficients", perf)
	in.projRatings, in.projCoefs, next = coefTable(next, "九、项目绩效系数 project_performance.coefficients", proj)
	return next
}

// subdistrictTable writes one row per sub-district: rating, adjustment,
// headcounts, payrolls, quantities and project ratings.
func (b *book) subdistrictTable(row int) {
	const s = SheetInputs
	p, in := b.p, b.in
	b.titleRow(s, row, "十、各街道数据(人数、实际工资、数量、评级;实际工资空白即按 人数 × 年工资)")
	header := []string{"编码", "名称", "绩效等级", "调整系数"}
	for _, st := range p.Staff {
		header = append(header, "人数 "+named(st.Name, st.ID))
	}
	for _, st := range p.Staff {
		header = append(header, "实际工资 "+named(st.Name, st.ID))
	}
	names := quantityNames(p)
	in.qtyCol = map[string]int{}
	for _, n := range names {
		in.qtyCol[n] = len(header) + 1
		header = append(header, named(p.QuantityName(n), n))
	}
	for _, pr := range p.Projects {
		header = append(header, "项目评级 "+named(pr.Name, pr.ID))
	}
	b.headerRow(s, row+1, header...)
	in.subRow0 = row + 2
	in.subRow1 = in.subRow0 + len(p.Subdistricts) - 1
	ns := len(p.Staff)
	for i, sd := range p.Subdistricts {
		r := in.subRow0 + i
		adj := decimal.NewFromInt(1)
		if sd.Adjustment != nil {
			adj = *sd.Adjustment
		}
		b.set(s, 1, r, sd.ID)
		b.set(s, 2, r, sd.Name)
		b.set(s, 3, r, sd.Rating)
		b.set(s, 4, r, adj)
		in.rating = append(in.rating, qual(s, 3, r))
		in.adjustment = append(in.adjustment, qual(s, 4, r))
		var heads, pays, ratings []string
		for j, st := range p.Staff {
			b.set(s, 5+j, r, sd.Staff[st.ID])
			heads = append(heads, qual(s, 5+j, r))
			if v, ok := sd.Payroll[st.ID]; ok {
				b.set(s, 5+ns+j, r, v)
			}
			pays = append(pays, qual(s, 5+ns+j, r))
		}
		for _, n := range names {
			if v, ok := sd.Quantities[n]; ok {
				b.set(s, in.qtyCol[n], r, v)
			}
		}
		c0 := len(header) - len(p.Projects) + 1
		for j, pr := range p.Projects {
			if v, ok := sd.ProjectRatings[pr.ID]; ok {
				b.set(s, c0+j, r, v)
			}
			ratings = append(ratings, qual(s, c0+j, r))
		}
		in.heads, in.payroll, in.projRating = append(in.heads, heads), append(in.payroll, pays), append(in.projRating, ratings)
	}
	b.set(s, 1, in.subRow1+1, "全区合计")
	for c := 5; c < 5+2*ns+len(names); c++ {
		if c < 5+ns || c >= 5+2*ns {
			b.formula(s, c, in.subRow1+1, "SUM("+qualRange(s, c, in.subRow0, in.subRow1)+")")
		}
	}
}

// named is a column header's name with its id after it, "公务员
// civil_servant", as every output names things (docs/names.md §6); the id
// alone when the name is empty or the id.
func named(name, id string) string {
	if name = strings.TrimSpace(name); name == "" || name == id {
		return id
	}
	return name + " " + id
}
