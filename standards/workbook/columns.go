package workbook

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// Sheet names of the data-collection workbook.
const (
	SheetData    = "街道数据" // one row a sub-district: id, name, rating, adjustment, quantities
	SheetStaff   = "人员"   // one row a sub-district: headcount, then actual payroll, per staff category
	SheetRatings = "项目绩效" // one row a sub-district: a rating per project that may be rated
	SheetNotes   = "说明"   // what each column means and which standard reads it
)

// Label is how a quantity is shown in a workbook: its Chinese name and
// unit (辖区面积, 平方公里). A quantity without one is headed by its id.
type Label struct {
	Name string
	Unit string
}

// kind is what a column holds.
type kind int

const (
	kindID kind = iota
	kindName
	kindRating
	kindAdjustment
	kindQuantity
	kindHeadcount
	kindPayroll
	kindProjectRating
)

// column is one column of the workbook.
type column struct {
	key      string   // the text of the id row, which the import keys on
	ref      string   // the quantity name, staff id or project id
	kind     kind     // what it holds
	label    string   // Chinese label, without the unit
	unit     string   // unit, if known
	required bool     // a blank cell is an error in a full import
	uses     []string // what reads it, for the 说明 sheet
}

// heading is the label row's text: the label, with the unit in brackets.
func (c *column) heading() string {
	if c.unit == "" {
		return c.label
	}
	return c.label + "(" + c.unit + ")"
}

// named is the column as messages name it: `辖区面积 (area_km2)`.
func (c *column) named() string {
	if c.label == "" || c.label == c.key {
		return c.key
	}
	return c.label + " (" + c.key + ")"
}

// numeric reports whether the column holds numbers.
func (c *column) numeric() bool {
	switch c.kind {
	case kindAdjustment, kindQuantity, kindHeadcount, kindPayroll:
		return true
	}
	return false
}

// sheetLayout is one sheet of the workbook: its name and columns, the
// first two always id and name.
type sheetLayout struct {
	name string
	cols []column
}

// layout is the workbook a plan asks for.
type layout struct {
	plan     *formula.Plan
	sheets   []sheetLayout // 街道数据 first; 人员 and 项目绩效 when the plan has them
	ratings  []string      // performance ratings, highest coefficient first
	pratings []string      // project ratings, highest coefficient first
}

// Fixed keys of the id row, and the prefixes of keyed columns.
const (
	keyID          = "id"
	keyName        = "name"
	keyRating      = "performance"
	keyAdjustment  = "adjustment"
	prefixQuantity = "quantities."
	prefixStaff    = "staff."
	prefixPayroll  = "payroll."
	prefixProject  = "project_ratings."
)

// newLayout lays out the workbook of plan p; labels name its quantities,
// before the plan's own [quantity_labels].
func newLayout(p *formula.Plan, labels map[string]Label) *layout {
	labels = withPlanLabels(p, labels)
	l := &layout{plan: p}
	if p.Performance != nil {
		l.ratings = byCoefficient(p.Performance.Coefficients)
	}
	if p.ProjectPerformance != nil {
		l.pratings = byCoefficient(p.ProjectPerformance.Coefficients)
	}
	l.sheets = append(l.sheets, sheetLayout{SheetData, l.dataColumns(labels)})
	if len(p.Staff) > 0 {
		l.sheets = append(l.sheets, sheetLayout{SheetStaff, l.staffColumns()})
	}
	if cols := l.ratingColumns(); len(cols) > 2 {
		l.sheets = append(l.sheets, sheetLayout{SheetRatings, cols})
	}
	return l
}

// idColumns are the first two columns of every sheet.
func idColumns(nameRequired bool) []column {
	return []column{
		{key: keyID, kind: kindID, label: labelID, required: true,
			uses: []string{"街道的编码,导入时按它对应各表的行;以小写字母开头,只含小写字母、数字、_ 和 -"}},
		{key: keyName, kind: kindName, label: "街道名称", required: nameRequired, uses: []string{"街道的名称"}},
	}
}

// dataColumns are the columns of 街道数据: id, name, rating, adjustment,
// then every quantity the standards read (factor indicators, quota and
// project bases, the incentive's, damping's baseline) and last the
// quantities the sub-districts have that no standard reads.
func (l *layout) dataColumns(labels map[string]Label) []column {
	p := l.plan
	cols := idColumns(true)
	if p.Performance != nil || slices.ContainsFunc(p.Subdistricts, func(s formula.Subdistrict) bool { return s.Rating != "" }) {
		c := column{key: keyRating, kind: kindRating, label: "绩效等级", required: p.Performance != nil}
		if p.Performance != nil {
			c.uses = []string{"因素法分配乘以该等级的绩效系数:" + coefficientList(l.ratings, p.Performance.Coefficients)}
		} else {
			c.uses = []string{"本方案未设绩效系数,此列不参与测算"}
		}
		cols = append(cols, c)
	}
	cols = append(cols, column{key: keyAdjustment, kind: kindAdjustment, label: "区域调节系数",
		uses: []string{"因素法得分乘以该系数;空白即 1"}})
	uses := quantityUses(p)
	for _, q := range uses.order {
		cols = append(cols, quantityColumn(q, labels[q], uses.where[q], true, uses.money[q]))
	}
	for _, q := range unusedQuantities(p, uses.where) {
		cols = append(cols, quantityColumn(q, labels[q], []string{msgUnusedQuantity}, false, false))
	}
	return cols
}

// quantityColumn is the column of quantity q.
func quantityColumn(q string, lb Label, uses []string, required, money bool) column {
	c := column{key: quantityKey(q), ref: q, kind: kindQuantity, label: q, unit: lb.Unit, required: required, uses: uses}
	if lb.Name != "" {
		c.label = lb.Name
	}
	if c.unit == "" && money {
		c.unit = "元"
	}
	return c
}

// quantityKey is the id row's text for quantity q: its name, or
// quantities.NAME when the bare name would read as another column.
func quantityKey(q string) string {
	switch q {
	case keyID, keyName, keyRating, keyAdjustment:
		return prefixQuantity + q
	}
	for _, pre := range []string{prefixQuantity, prefixStaff, prefixPayroll, prefixProject} {
		if strings.HasPrefix(q, pre) {
			return prefixQuantity + q
		}
	}
	return q
}

// staffColumns are the columns of 人员: every category's headcount, then
// every category's actual payroll.
func (l *layout) staffColumns() []column {
	cols := idColumns(false)
	for _, s := range l.plan.Staff {
		cols = append(cols, column{key: prefixStaff + s.ID, ref: s.ID, kind: kindHeadcount, label: s.Name + "人数", unit: "人",
			uses: []string{"人员经费:人数 × 标准工资 " + s.AnnualPay.String() + " 元 × (1 + " + s.OncostRate.String() + ");空白即 0"}})
	}
	for _, s := range l.plan.Staff {
		cols = append(cols, column{key: prefixPayroll + s.ID, ref: s.ID, kind: kindPayroll, label: s.Name + "实际工资总额", unit: "元",
			uses: []string{"填写后代替 人数 × 标准工资,再乘 (1 + " + s.OncostRate.String() + ");空白按标准工资"}})
	}
	refs := staffRefs(l.plan)
	for i := range cols {
		if c := &cols[i]; c.kind == kindHeadcount {
			c.uses = append(c.uses, refs[c.ref]...)
		}
	}
	return cols
}

// ratingColumns are the columns of 项目绩效: a rating per project that is
// not mandatory, when the plan rates projects.
func (l *layout) ratingColumns() []column {
	p := l.plan
	cols := idColumns(false)
	rated := p.ProjectPerformance != nil || slices.ContainsFunc(p.Subdistricts, func(s formula.Subdistrict) bool { return len(s.ProjectRatings) > 0 })
	if !rated {
		return cols
	}
	list := "本方案未设项目绩效系数"
	if p.ProjectPerformance != nil {
		list = coefficientList(l.pratings, p.ProjectPerformance.Coefficients)
	}
	for _, pr := range p.Projects {
		if pr.Tier == formula.TierMandatory {
			continue
		}
		cols = append(cols, column{key: prefixProject + pr.ID, ref: pr.ID, kind: kindProjectRating, label: pr.Name + "项目绩效",
			uses: []string{"项目 " + pr.Name + " (" + pr.ID + ", " + pr.Tier.String() + " 档) 的需求乘以该等级的系数:" + list + ";空白不评级(全额)"}})
	}
	return cols
}

// byCoefficient lists ratings from the highest coefficient down, ties by name.
func byCoefficient(m map[string]decimal.Decimal) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int {
		if c := m[b].Cmp(m[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return out
}

// sheet returns the layout of the named sheet.
func (l *layout) sheet(name string) (*sheetLayout, bool) {
	for i := range l.sheets {
		if l.sheets[i].name == name {
			return &l.sheets[i], true
		}
	}
	return nil, false
}

// csvColumns are the columns of the CSV shape: those of 街道数据, then
// those of the other sheets without their id and name.
func (l *layout) csvColumns() []column {
	var cols []column
	for i, s := range l.sheets {
		if i == 0 {
			cols = append(cols, s.cols...)
			continue
		}
		cols = append(cols, s.cols[2:]...)
	}
	return cols
}

// withPlanLabels adds the plan's [quantity_labels] to labels for the
// quantities labels leaves out.
func withPlanLabels(p *formula.Plan, labels map[string]Label) map[string]Label {
	if len(p.QuantityLabels) == 0 {
		return labels
	}
	out := make(map[string]Label, len(p.QuantityLabels)+len(labels))
	for q, lb := range p.QuantityLabels {
		out[q] = Label{Name: lb.Name, Unit: lb.Unit}
	}
	for q, lb := range labels {
		out[q] = lb
	}
	return out
}

// The template's words: the 说明 sheet, the data validation's prompts and
// what each column says reads it. They are the document's own text,
// Chinese in every language, and the loader reads some of them back.

// labelID is the id column's label, which the loader also accepts as its
// heading.
const labelID = "街道编码"

// docTitle follows the plan's name in the workbook's title property.
const docTitle = " 街道数据采集表"

// dateFormatLetters are the letters of a date number format (年月日 in
// a Chinese one), by which a cell is known to hold a date.
const dateFormatLetters = "ymdhs年月日"

// The data validation's prompts: a rating chosen from a list (the list
// follows), an amount, a headcount.
const (
	promptChoose    = "请从下拉列表中选择:"
	promptNumber    = "请填写不小于 0 的数"
	promptHeadcount = "人数须为不小于 0 的整数"
)

// The 说明 sheet's title (the plan's name and year), its table's header
// row, and its words for whether a column must be filled in.
const (
	notesTitle = "%s —— 街道数据采集表(%d年度)"
	wordYes    = "是"
	wordNo     = "否"
)

// notesHead is the header row of the 说明 sheet's table of columns.
var notesHead = []string{"工作表", "列", "编码", "名称", "单位", "必填", "含义与使用它的标准"}

// howTo is the 说明 sheet's text on filling in the workbook.
var howTo = []string{
	"填写说明 (how to fill in)",
	"1. 每个街道一行。第 2 行(灰色)是各列的编码,导入时据此识别各列,请勿修改或删除;第 1 行的名称可以改。",
	"2. 数字可以是数值或文本,可带千位分隔符(1,234,567)和全角数字;不能为负数;人数须为整数。小数最多 12 位、整数最多 30 位。",
	"3. 绩效等级、街道名称和标准所用的各项数量必须填写;区域调节系数空白即 1;人数空白即 0;实际工资空白按标准工资计算;项目绩效空白即不评级。",
	"4. 可以用公式,但须在 Excel 或 WPS 中保存(保存时会存下计算结果);没有计算结果的公式会被拒绝。",
	"5. 隐藏的行照常导入,不导入的行请删除;空行会被跳过;合并的单元格按其显示的值读取;增加的工作表不会被读取。",
	"6. 发给一个街道的副本(caili template --subdistrict)交回后,用 caili import --merge 只更新其中填写了的单元格。",
}

// msgUnusedQuantity says what a column of a quantity no standard reads is for.
const msgUnusedQuantity = "本方案的标准未使用此数,照原样保留"

// What reads a quantity, as the 说明 sheet says it: the incentive's
// previous year and damping's baseline (its bounds follow).
const (
	useIncentivePrevious = "税收增长激励:上年数 (incentive.previous)"
	useDampingBaseline   = "保底封顶的基数 (damping.baseline)"
)

// useFactor says that factor f reads a quantity through indicator in.
func useFactor(f *formula.Factor, in *formula.Indicator) string {
	return "因素 " + f.Name + " (" + f.ID + ", 权重 " + f.Weight.String() + ") 的指标,权重 " + in.Weight.String()
}

// useQuota says that quota q reads a quantity as its basis.
func useQuota(q *formula.Quota) string {
	return "定额 " + q.Name + " (" + q.ID + "):" + q.Rate.String() + " 元 × 基数"
}

// useProject says that project pr reads a quantity as its basis.
func useProject(pr *formula.Project) string {
	return "项目 " + pr.Name + " (" + pr.ID + ", " + tierZH(pr.Tier) + "):" + pr.UnitCost.String() + " 元 × 基数"
}

// useIncentiveCurrent says that the incentive in reads a quantity as this
// year's amount.
func useIncentiveCurrent(in *formula.Incentive) string {
	return "税收增长激励:本年数 (incentive.current),奖励 " + in.Rate.String() + " × 增长额"
}

// useQuotaBasis and useProjectBasis say that a quota or a project counts
// a staff category's headcount in its basis.
func useQuotaBasis(q *formula.Quota) string { return "定额 " + q.Name + " (" + q.ID + ") 的基数" }

func useProjectBasis(pr *formula.Project) string {
	return "项目 " + pr.Name + " (" + pr.ID + ") 的基数"
}

// boundFloor and boundCeiling say a damping's floor and ceiling.
func boundFloor(v *decimal.Decimal) string { return "保底 " + v.String() + " 倍" }

func boundCeiling(v *decimal.Decimal) string { return "封顶 " + v.String() + " 倍" }

// tierZH names a tier in Chinese.
func tierZH(t formula.Tier) string {
	if t == formula.TierMandatory {
		return "三保"
	}
	return t.String() + " 档"
}
