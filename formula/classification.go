package formula

import (
	"errors"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// This file holds the government revenue and expenditure classification
// codes (政府收支分类科目) a staff category, quota or project may carry,
// and the totals of a result by code (docs/classification.md).

// Codes are the classification codes of one staff category, quota or
// project: its function code (功能分类, e.g. "2010301") and its economic
// code (经济分类, e.g. "30101"). An empty code means uncoded.
type Codes struct {
	Function string // 3, 5 or 7 digits: 类, 款, 项
	Economic string // 3 or 5 digits: 类, 款 (部门经济分类, 30x)
	// The rest of the 预算管理一体化 classification (classify.go):
	// GovEconomic is the 政府经济分类 (50x, 3 or 5 digits), Class the
	// project class (ProjectClasses), Fund the 资金性质 (FundKinds),
	// DocNo the 指标文号. Empty: the stage's default (Classify).
	GovEconomic string
	Class       string
	Fund        string
	DocNo       string
}

// CodeKind names one of the two classifications.
type CodeKind string

// The two classifications; their values are the keys of the plan's TOML.
const (
	FunctionCode CodeKind = "function_code" // 支出功能分类
	EconomicCode CodeKind = "economic_code" // 支出经济分类
)

// ParseCodeKind is the classification named s, "function_code" or
// "economic_code".
func ParseCodeKind(s string) (CodeKind, bool) {
	switch k := CodeKind(s); k {
	case FunctionCode, EconomicCode:
		return k, true
	}
	return "", false
}

// code is the code of kind k, or "".
func (c Codes) code(k CodeKind) string {
	if k == EconomicCode {
		return c.Economic
	}
	return c.Function
}

// ValidCode reports whether s is a well-formed code of kind k: digits
// only, 3, 5 or 7 of them for a function code and 3 or 5 for an economic
// code. The empty code (uncoded) is valid.
func ValidCode(k CodeKind, s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	switch len(s) {
	case 3, 5:
		return true
	case 7:
		return k == FunctionCode
	}
	return false
}

// checkCodes reports a malformed function or economic code of the entry
// at path.
func (v *validator) checkCodes(path string, c Codes) {
	if !ValidCode(FunctionCode, c.Function) {
		v.ps.say(CodeBadValue, path+".function_code", textBadFunctionCode, c.Function)
	}
	if !ValidCode(EconomicCode, c.Economic) {
		v.ps.say(CodeBadValue, path+".economic_code", textBadEconomicCode, c.Economic)
	}
	v.checkClass(path, c) // classify.go
}

// CodeTotal is the amount of one code: in all, per component (in the
// order of ComponentNames) and per sub-district (in the result's order).
type CodeTotal struct {
	Code         string // "" for the uncoded amounts
	Items        []string
	Total        decimal.Decimal
	Components   [len(ComponentNames)]decimal.Decimal
	Subdistricts []decimal.Decimal
}

// CodeTotals is a result totalled by the codes of one classification.
// Σ rows' Total + Reserves = Capacity + Transfers exactly.
type CodeTotals struct {
	Kind CodeKind
	Rows []CodeTotal // by code, the uncoded row (if any amount is uncoded) last
	// Reserves is what capacity funds outside the sub-districts' totals:
	// the reserve, the performance and damping reserves, and under rules
	// §6 the district pool and the district-managed amounts.
	Reserves decimal.Decimal
	Capacity decimal.Decimal
	// Transfers are the earmarked transfers (rules §6): part of the
	// sub-districts' totals (the uncoded row), not of capacity.
	Transfers decimal.Decimal
}

// ErrNoLines is returned by Result.ByCode for a result made without lines
// (EvaluateTotals).
var ErrNoLines = errors.New("formula: the result has no lines to total by code")

// ByCode totals the result's lines by the codes of kind k. Personnel,
// public and project lines take the code of their staff category, quota
// or project; the incentive, the block grant, damping and every uncoded
// item make the uncoded row. It checks that the rows add up to each
// sub-district's total and, with the reserves, to the capacity
// (ErrIdentity otherwise).
func (r *Result) ByCode(k CodeKind) (*CodeTotals, error) {
	if r.noLines && len(r.Subdistricts) > 0 {
		return nil, ErrNoLines
	}
	u, ok := newUnit(r.Unit)
	if !ok {
		return nil, ErrIdentity
	}
	items := r.codedItems(k)
	rows := map[string]*codeSums{}
	seen := map[string]bool{}
	n := len(r.Subdistricts)
	for i := range r.Subdistricts {
		for _, l := range r.Subdistricts[i].Lines {
			if l.Stage == StageManaged { // spent by the district, not part of the total (rules §6)
				continue
			}
			it := items.of(l)
			row := rows[it.code]
			if row == nil {
				row = newCodeSums(u, n)
				rows[it.code] = row
			}
			if !seen[it.item] {
				seen[it.item] = true
				row.items = append(row.items, it.item)
			}
			row.total.add(l.Amount)
			row.subs[i].add(l.Amount)
			if s := stageIndex(l.Stage); s >= 0 {
				row.comps[s].add(l.Amount)
			}
		}
	}
	out := &CodeTotals{Kind: k, Capacity: r.Capacity, Transfers: r.Transfers,
		Reserves: r.Reserve.Add(r.PerformanceReserve).Add(r.DampingReserve).Add(r.DistrictPool).Add(r.DistrictManaged)}
	for code, row := range rows {
		out.Rows = append(out.Rows, row.row(code))
	}
	slices.SortFunc(out.Rows, func(a, b CodeTotal) int {
		switch {
		case a.Code == b.Code:
			return 0
		case a.Code == "":
			return 1
		case b.Code == "":
			return -1
		}
		return strings.Compare(a.Code, b.Code)
	})
	if err := out.reconcile(r); err != nil {
		return nil, err
	}
	return out, nil
}

// codeSums accumulates one row of ByCode.
type codeSums struct {
	items []string
	total accum
	comps [len(ComponentNames)]accum
	subs  []accum
}

func newCodeSums(u unit, n int) *codeSums {
	s := &codeSums{total: accum{u: u}, subs: make([]accum, n)}
	for c := range s.comps {
		s.comps[c].u = u
	}
	for i := range s.subs {
		s.subs[i].u = u
	}
	return s
}

// row is the row of code the sums make.
func (s *codeSums) row(code string) CodeTotal {
	t := CodeTotal{Code: code, Items: s.items, Total: s.total.sum(), Subdistricts: make([]decimal.Decimal, len(s.subs))}
	for c := range s.comps {
		t.Components[c] = s.comps[c].sum()
	}
	for i := range s.subs {
		t.Subdistricts[i] = s.subs[i].sum()
	}
	return t
}

// codedItem is the code of an item and its name in CodeTotal.Items,
// "stage.id" (e.g. "personnel.civil_servant") or the stage alone.
type codedItem struct{ code, item string }

// itemCodes are the codes of the staff categories, quotas, projects and
// transfers, by stage and index, and of the block grant, incentive and
// damping, worked out once for all lines (defaults filled in, Classify).
type itemCodes struct {
	staff, quotas, projects, transfers []codedItem
	stages                             map[Stage]codedItem
}

// codedItems lists the codes of kind k of the plan's items.
func (r *Result) codedItems(k CodeKind) itemCodes {
	p := r.Plan
	ic := itemCodes{stages: map[Stage]codedItem{}}
	of := func(st Stage, j int, id string) codedItem {
		return codedItem{p.Classify(Line{Stage: st, j: int32(j)}).code(k), string(st) + "." + id}
	}
	for j, s := range p.Staff {
		ic.staff = append(ic.staff, of(StagePersonnel, j, s.ID))
	}
	for j, q := range p.Quotas {
		ic.quotas = append(ic.quotas, of(StagePublic, j, q.ID))
	}
	for j, pr := range p.Projects {
		ic.projects = append(ic.projects, of(StageProjects, j, pr.ID))
	}
	for j, t := range p.Transfers {
		ic.transfers = append(ic.transfers, of(StageTransfers, j, t.ID))
	}
	for _, st := range []Stage{StageIncentive, StageBlock, StageDamping} {
		ic.stages[st] = codedItem{p.Classify(Line{Stage: st}).code(k), string(st)}
	}
	return ic
}

// of is the code and item of a line; the incentive, block and damping
// lines are their stage's item.
func (ic itemCodes) of(l Line) codedItem {
	var list []codedItem
	switch l.Stage {
	case StagePersonnel:
		list = ic.staff
	case StagePublic:
		list = ic.quotas
	case StageProjects:
		list = ic.projects
	case StageTransfers:
		list = ic.transfers
	default:
		if it, ok := ic.stages[l.Stage]; ok {
			return it
		}
	}
	if j := int(l.j); j >= 0 && j < len(list) {
		return list[j]
	}
	return codedItem{"", string(l.Stage)}
}

// reconcile checks Σ rows = each sub-district's total and Σ rows +
// reserves = capacity + transfers.
func (t *CodeTotals) reconcile(r *Result) error {
	sum := t.Reserves
	for i, a := range r.Subdistricts {
		s := decimal.Zero
		for _, row := range t.Rows {
			s = s.Add(row.Subdistricts[i])
		}
		if !s.Equal(a.Total) {
			return ErrIdentity
		}
		sum = sum.Add(s)
	}
	if !sum.Equal(t.Capacity.Add(t.Transfers)) {
		return ErrIdentity
	}
	return nil
}
