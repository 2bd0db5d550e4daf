package formula

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// This file is the 预算管理一体化 classification of every line
// (docs/classification.md, issue 24 §1): a project class, the 功能分类
// and both 经济分类, the 资金性质 and the 指标文号, with the defaults of
// personnel and public costs; and the export's rows, one per 街道 × line.

// StageCodes classify the lines of no standard: the block grant
// ([classification.block]), the incentive ([classification.incentive])
// and damping ([classification.damping]).
type StageCodes struct {
	Block, Incentive, Damping Codes
}

// Catalogue is a 科目 table: code → name of the function, department
// economic and government economic classifications, for one year.
type Catalogue struct {
	Year        int64
	File        string // where it was read, for messages
	Function    map[string]string
	Economic    map[string]string
	GovEconomic map[string]string
}

// GovEconomicCode is a third classification, the 政府经济分类, beside
// FunctionCode and EconomicCode; it is the key of the plan's TOML.
const GovEconomicCode CodeKind = "gov_economic_code"

// Names is the catalogue's table of kind k; nil for a nil catalogue.
func (c *Catalogue) Names(k CodeKind) map[string]string {
	if c == nil {
		return nil
	}
	switch k {
	case FunctionCode:
		return c.Function
	case EconomicCode:
		return c.Economic
	case GovEconomicCode:
		return c.GovEconomic
	}
	return nil
}

// Name is the name of code in the table of kind k, "" when unknown.
func (c *Catalogue) Name(k CodeKind, code string) string {
	return c.Names(k)[code]
}

// govByDept maps a 部门经济分类 类 to its 政府经济分类 类 (docs/
// classification.md): 工资福利 301 → 机关工资福利 501, 商品和服务 302 → 502,
// 对个人和家庭的补助 303 → 509, 债务利息 307 → 511, 基本建设 309 → 504,
// 其他资本性 310 → 503, 对企业补助 312 → 507, 其他 399 → 599.
var govByDept = map[string]string{"301": "501", "302": "502", "303": "509", "307": "511", "309": "504", "310": "503", "312": "507", "399": "599"}

// GovEconomicOf is the 政府经济分类 类 a 部门经济分类 code maps to, "" for
// none.
func GovEconomicOf(dept string) string {
	if len(dept) < 3 {
		return ""
	}
	return govByDept[dept[:3]]
}

// Classify is the classification of line l with the defaults filled in:
// personnel is 人员类 of 经济分类 301, public costs 运转类 of 302, every
// other line 特定目标类; the 政府经济分类 follows the 部门 one by
// GovEconomicOf; the 资金性质 is 一般公共预算.
func (p *Plan) Classify(l Line) Codes {
	c, st := p.rawCodes(l), l.Stage
	if c.Class == "" {
		switch st {
		case StagePersonnel:
			c.Class = ClassPersonnel
		case StagePublic:
			c.Class = ClassOperation
		default:
			c.Class = ClassSpecific
		}
	}
	if c.Economic == "" {
		switch st {
		case StagePersonnel:
			c.Economic = "301"
		case StagePublic:
			c.Economic = "302"
		}
	}
	if c.GovEconomic == "" {
		c.GovEconomic = GovEconomicOf(c.Economic)
	}
	if c.Fund == "" {
		c.Fund = FundGeneral
	}
	return c
}

// rawCodes are the codes line l's item carries, as written.
func (p *Plan) rawCodes(l Line) Codes {
	j := int(l.j)
	switch l.Stage {
	case StagePersonnel:
		if j >= 0 && j < len(p.Staff) {
			return p.Staff[j].Codes
		}
	case StagePublic:
		if j >= 0 && j < len(p.Quotas) {
			return p.Quotas[j].Codes
		}
	case StageProjects, StageManaged:
		if j >= 0 && j < len(p.Projects) {
			return p.Projects[j].Codes
		}
	case StageTransfers:
		if j >= 0 && j < len(p.Transfers) {
			return p.Transfers[j].Codes
		}
	case StageBlock:
		return p.StageCodes.Block
	case StageIncentive:
		return p.StageCodes.Incentive
	case StageDamping:
		return p.StageCodes.Damping
	}
	return Codes{}
}

// checkClass reports a class, fund or 政府经济分类 of the wrong form.
func (v *validator) checkClass(path string, c Codes) {
	if c.Class != "" && !slices.Contains(ProjectClasses, c.Class) {
		v.ps.say(CodeBadValue, path+".class", textBadProjectClass, c.Class, strings.Join(ProjectClasses, " / "))
	}
	if c.Fund != "" && !slices.Contains(FundKinds, c.Fund) {
		v.ps.say(CodeBadValue, path+".fund", textBadFund, c.Fund, strings.Join(FundKinds, " / "))
	}
	if g := c.GovEconomic; g != "" && (!ValidCode(EconomicCode, g) || g[0] != '5') {
		v.ps.say(CodeBadValue, path+".gov_economic_code", textBadGovEconomicCode, g)
	}
}

// checkStageCodes checks [classification.*].
func (v *validator) checkStageCodes() {
	sc := v.p.StageCodes
	v.checkCodes("classification.block", sc.Block)
	v.checkCodes("classification.incentive", sc.Incentive)
	v.checkCodes("classification.damping", sc.Damping)
}

// The texts of the classification's problems (internal/msg/export.go).
const (
	textBadProjectClass    Text = "BadProjectClass"
	textBadFund            Text = "BadFund"
	textBadGovEconomicCode Text = "BadGovEconomicCode"
)

// ExportRow is one row of the 一体化 export: one line of one 街道, with
// its classification (defaults filled in) and the catalogue's names.
type ExportRow struct {
	Subdistrict     string // the 街道's id
	SubdistrictName string
	// Unit is the 预算单位: the 街道's name, or for a district-managed
	// line the project's department (主管部门), which spends it.
	Unit string
	// UnitCode is the 街道's 预算单位编码; empty for a district-managed
	// line (the department's code is not in the plan) or when none is given.
	UnitCode  string
	Managed   bool
	Stage     Stage
	StageName string // ComponentLabels, or a kind of rules §6
	Item      string
	ItemName  string
	Codes     Codes
	// The catalogue's names of the codes; "" without a catalogue.
	FunctionName, EconomicName, GovEconomicName string
	Amount                                      decimal.Decimal
}

// ExportFields are the fields an export profile's column may name, in
// the default profile's order.
var ExportFields = []string{
	"year", "unit_code", "unit", "subdistrict_id", "subdistrict", "line", "item_id", "item",
	"class", "function_code", "function_name", "economic_code", "economic_name",
	"gov_economic_code", "gov_economic_name", "fund", "doc_no", "amount",
}

// AmountField is the one numeric field.
const AmountField = "amount"

// Field is the text of field f of the row (the amount in 元, exact).
func (e ExportRow) Field(p *Plan, f string) string {
	switch f {
	case "year":
		return decimal.NewFromInt(p.FiscalYear).String()
	case "subdistrict_id":
		return e.Subdistrict
	case "subdistrict":
		return e.SubdistrictName
	case "unit":
		return e.Unit
	case "unit_code":
		return e.UnitCode
	case "line":
		return e.StageName
	case "item_id":
		return e.Item
	case "item":
		return e.ItemName
	case "class":
		return e.Codes.Class
	case "function_code":
		return e.Codes.Function
	case "function_name":
		return e.FunctionName
	case "economic_code":
		return e.Codes.Economic
	case "economic_name":
		return e.EconomicName
	case "gov_economic_code":
		return e.Codes.GovEconomic
	case "gov_economic_name":
		return e.GovEconomicName
	case "fund":
		return e.Codes.Fund
	case "doc_no":
		return e.Codes.DocNo
	case AmountField:
		return e.Amount.String()
	}
	return ""
}

// StageLabel is the export's name of a kind of line.
func StageLabel(st Stage) string {
	if i := stageIndex(st); i >= 0 {
		return ComponentLabels[i]
	}
	return lineKindLabels[st]
}

// ExportRows are the rows of the 一体化 export: every line of every
// 街道 of an amount other than zero, in the result's order, the
// district-managed ones under their department. Σ of a 街道's rows but
// the managed ones is its Total; Σ of the managed ones is
// DistrictManaged (ErrIdentity otherwise).
func (r *Result) ExportRows() ([]ExportRow, error) {
	if r.noLines && len(r.Subdistricts) > 0 {
		return nil, ErrNoLines
	}
	p := r.Plan
	names := p.ItemNames()
	var rows []ExportRow
	managed := decimal.Zero
	codes := make(map[string]string, len(p.Subdistricts))
	for _, s := range p.Subdistricts {
		codes[s.ID] = s.UnitCode
	}
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		sum := decimal.Zero
		for _, l := range a.Lines {
			if l.Amount.IsZero() {
				continue
			}
			c := p.Classify(l)
			row := ExportRow{Subdistrict: a.ID, SubdistrictName: a.Name, Unit: a.Name, UnitCode: codes[a.ID], Stage: l.Stage, StageName: StageLabel(l.Stage),
				Item: l.Item, ItemName: names.Of(l.Stage, l.Item), Codes: c, Amount: l.Amount,
				FunctionName: p.Catalogue.Name(FunctionCode, c.Function), EconomicName: p.Catalogue.Name(EconomicCode, c.Economic),
				GovEconomicName: p.Catalogue.Name(GovEconomicCode, c.GovEconomic)}
			if l.Stage == StageManaged {
				row.Managed, row.UnitCode = true, ""
				if j := int(l.j); j >= 0 && j < len(p.Projects) && p.Projects[j].Department != "" {
					row.Unit = p.Projects[j].Department
				}
				managed = managed.Add(l.Amount)
			} else {
				sum = sum.Add(l.Amount)
			}
			rows = append(rows, row)
		}
		if !sum.Equal(a.Total) {
			return nil, ErrIdentity
		}
	}
	if !managed.Equal(r.DistrictManaged) {
		return nil, ErrIdentity
	}
	return rows, nil
}
