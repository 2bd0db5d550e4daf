package formula

import (
	"errors"
	"slices"

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
	Economic string // 3 or 5 digits: 类, 款
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
		v.ps.add(CodeBadValue, path+".function_code", "must be 3, 5 or 7 digits, e.g. \"2010301\" (got %q)", c.Function)
	}
	if !ValidCode(EconomicCode, c.Economic) {
		v.ps.add(CodeBadValue, path+".economic_code", "must be 3 or 5 digits, e.g. \"30101\" (got %q)", c.Economic)
	}
}

// CodeTotal is the amount of one code: in all, per component (in the
// order of ComponentNames) and per sub-district (in the result's order).
type CodeTotal struct {
	Code         string // "" for the uncoded amounts
	Items        []string
	Total        decimal.Decimal
	Components   [6]decimal.Decimal
	Subdistricts []decimal.Decimal
}

// CodeTotals is a result totalled by the codes of one classification.
// Σ rows' Total + Reserves = Capacity exactly.
type CodeTotals struct {
	Kind     CodeKind
	Rows     []CodeTotal // by code, the uncoded row (if any amount is uncoded) last
	Reserves decimal.Decimal
	Capacity decimal.Decimal
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
	rows := map[string]*CodeTotal{}
	n := len(r.Subdistricts)
	for i := range r.Subdistricts {
		for _, l := range r.Subdistricts[i].Lines {
			code, item := r.lineCode(l, k)
			row := rows[code]
			if row == nil {
				row = &CodeTotal{Code: code, Subdistricts: zeros(n)}
				rows[code] = row
			}
			if item != "" && !slices.Contains(row.Items, item) {
				row.Items = append(row.Items, item)
			}
			row.Total = row.Total.Add(l.Amount)
			row.Subdistricts[i] = row.Subdistricts[i].Add(l.Amount)
			if s := stageIndex(l.Stage); s >= 0 {
				row.Components[s] = row.Components[s].Add(l.Amount)
			}
		}
	}
	out := &CodeTotals{Kind: k, Capacity: r.Capacity,
		Reserves: r.Reserve.Add(r.PerformanceReserve).Add(r.DampingReserve)}
	for _, row := range rows {
		out.Rows = append(out.Rows, *row)
	}
	slices.SortFunc(out.Rows, func(a, b CodeTotal) int {
		switch {
		case a.Code == b.Code:
			return 0
		case a.Code == "":
			return 1
		case b.Code == "":
			return -1
		case a.Code < b.Code:
			return -1
		}
		return 1
	})
	if err := out.reconcile(r); err != nil {
		return nil, err
	}
	return out, nil
}

// lineCode is the code of kind k of the item a line belongs to, and the
// item as "stage.id"; "" for a line of no coded item.
func (r *Result) lineCode(l Line, k CodeKind) (code, item string) {
	p := r.Plan
	j := int(l.j)
	var c Codes
	switch {
	case l.Stage == StagePersonnel && j < len(p.Staff) && p.Staff[j].ID == l.Item:
		c = p.Staff[j].Codes
	case l.Stage == StagePublic && j < len(p.Quotas) && p.Quotas[j].ID == l.Item:
		c = p.Quotas[j].Codes
	case l.Stage == StageProjects && j < len(p.Projects) && p.Projects[j].ID == l.Item:
		c = p.Projects[j].Codes
	default:
		return "", string(l.Stage)
	}
	return c.code(k), string(l.Stage) + "." + l.Item
}

// reconcile checks Σ rows = each sub-district's total and Σ rows +
// reserves = capacity.
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
	if !sum.Equal(t.Capacity) {
		return ErrIdentity
	}
	return nil
}

func zeros(n int) []decimal.Decimal {
	z := make([]decimal.Decimal, n)
	for i := range z {
		z[i] = decimal.Zero
	}
	return z
}
