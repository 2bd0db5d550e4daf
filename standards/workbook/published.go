package workbook

import (
	"maps"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

// withoutPublished returns the sub-districts without the damping baseline
// plan p took from a published result (docs/dated.md), which the loader
// put among their quantities: it is read from the record, and is never
// written into a plan file or a data workbook.
func withoutPublished(p *formula.Plan, subs []formula.Subdistrict) []formula.Subdistrict {
	if p == nil || p.Damping == nil || p.Damping.Published == nil {
		return subs
	}
	out := make([]formula.Subdistrict, len(subs))
	for i, s := range subs {
		if _, ok := s.Quantities[p.Damping.Baseline]; ok {
			s.Quantities = maps.Clone(s.Quantities)
			delete(s.Quantities, p.Damping.Baseline)
		}
		out[i] = s
	}
	return out
}

// keepPublished gives the sub-districts read from a data file the damping
// baseline plan p took from a published result, by id, as p's own
// sub-districts have it: a data file does not hold it.
func keepPublished(p *formula.Plan, subs []formula.Subdistrict) []formula.Subdistrict {
	if p == nil || p.Damping == nil || p.Damping.Published == nil {
		return subs
	}
	name := p.Damping.Baseline
	base := make(map[string]decimal.Decimal, len(p.Subdistricts))
	for _, s := range p.Subdistricts {
		if v, ok := s.Quantities[name]; ok {
			base[s.ID] = v
		}
	}
	for i := range subs {
		if v, ok := base[subs[i].ID]; ok {
			q := maps.Clone(subs[i].Quantities)
			if q == nil {
				q = map[string]decimal.Decimal{}
			}
			q[name] = v
			subs[i].Quantities = q
		}
	}
	return subs
}
