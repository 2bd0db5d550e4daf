package workbook

import (
	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
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
		if s.Quantities.Has(p.Damping.Baseline) {
			s.Quantities = s.Quantities.Clone()
			s.Quantities.Delete(p.Damping.Baseline)
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
		if v, ok := s.Quantities.Get(name); ok {
			base[s.ID] = v
		}
	}
	for i := range subs {
		if v, ok := base[subs[i].ID]; ok {
			subs[i].Quantities = subs[i].Quantities.With(name, v)
		}
	}
	return subs
}
