package workbook

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// uses records, for each quantity a plan reads, what reads it.
type uses struct {
	order []string            // quantities in the order the workbook shows them
	where map[string][]string // quantity → what reads it, in words
	money map[string]bool     // quantities that are amounts in 元 by the rules
}

func (u *uses) add(q, what string) {
	if strings.HasPrefix(q, formula.StaffRefPrefix) || q == "" {
		return
	}
	if _, ok := u.where[q]; !ok {
		u.order = append(u.order, q)
	}
	u.where[q] = append(u.where[q], what)
}

// quantityUses lists the quantities plan p reads (rules §2.3): factor
// indicators first, factor by factor, then quota and project bases, the
// incentive's current and previous, damping's baseline.
func quantityUses(p *formula.Plan) *uses {
	u := &uses{where: map[string][]string{}, money: map[string]bool{}}
	for _, f := range p.Factors {
		for _, in := range f.Indicators {
			u.add(in.Quantity, useFactor(&f, &in))
		}
	}
	for _, q := range p.Quotas {
		for _, b := range q.Basis {
			u.add(b, useQuota(&q))
		}
	}
	for _, pr := range p.Projects {
		for _, b := range pr.Basis {
			u.add(b, useProject(&pr))
		}
	}
	if in := p.Incentive; in != nil {
		u.add(in.Current, useIncentiveCurrent(in))
		u.add(in.Previous, useIncentivePrevious)
		u.money[in.Current], u.money[in.Previous] = true, true
	}
	if d := p.Damping; d != nil && d.Published == nil { // a published baseline is read from the record, not collected
		u.add(d.Baseline, useDampingBaseline+bounds(d))
		u.money[d.Baseline] = true
	}
	return u
}

// bounds says a damping's floor and ceiling.
func bounds(d *formula.Damping) string {
	var parts []string
	if d.Floor != nil {
		parts = append(parts, boundFloor(d.Floor))
	}
	if d.Ceiling != nil {
		parts = append(parts, boundCeiling(d.Ceiling))
	}
	if len(parts) == 0 {
		return ""
	}
	return ":" + strings.Join(parts, "、")
}

// unusedQuantities lists, by name, the quantities some sub-district of p
// has that no standard reads.
func unusedQuantities(p *formula.Plan, used map[string][]string) []string {
	seen := map[string]bool{}
	if d := p.Damping; d != nil && d.Published != nil {
		seen[d.Baseline] = true // read from the record (docs/dated.md), not collected
	}
	var out []string
	for _, s := range p.Subdistricts {
		for q := range s.Quantities.All() {
			if _, ok := used[q]; !ok && !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
	}
	slices.Sort(out)
	return out
}

// staffRefs lists, per staff category, the quotas and projects whose
// basis counts its headcount (staff.ID).
func staffRefs(p *formula.Plan) map[string][]string {
	out := map[string][]string{}
	for _, q := range p.Quotas {
		for _, b := range q.Basis {
			if id, ok := strings.CutPrefix(b, formula.StaffRefPrefix); ok {
				out[id] = append(out[id], useQuotaBasis(&q))
			}
		}
	}
	for _, pr := range p.Projects {
		for _, b := range pr.Basis {
			if id, ok := strings.CutPrefix(b, formula.StaffRefPrefix); ok {
				out[id] = append(out[id], useProjectBasis(&pr))
			}
		}
	}
	return out
}

// coefficientList writes ratings with their coefficients: 优 1.05、良 1.
func coefficientList(ratings []string, m map[string]decimal.Decimal) string {
	parts := make([]string, len(ratings))
	for i, r := range ratings {
		parts[i] = r + " " + m[r].String()
	}
	return strings.Join(parts, "、")
}
