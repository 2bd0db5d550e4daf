package formula

import (
	"slices"

	"github.com/shopspring/decimal"
)

// This file is the incremental what-if (issue 25 §4). A what-if that
// changes only numbers outside the sub-districts (the capacity, a rate, a
// weight, a unit cost, a cap) keeps the base plan's sub-districts as they
// are: the copy the loader patches shares them with the base. Compiling
// it again would re-validate every sub-district and read every value into
// columns once more, giving what the base model holds already. Derive
// re-validates only the tables and takes the sub-districts' columns,
// coefficients and int64 columns from the base model; the model it gives
// is the one Compile gives, value for value (TestDeriveMatchesCompile).

// Derive compiles p, a what-if of the model's plan: the same result and
// the same errors as Compile(p). When p holds the base plan's
// sub-districts themselves (the same slice, not a copy), reads the same
// quantities in the same order and rounds to the same unit, the
// sub-districts are not checked again — none of their checks reads a
// number an override of the tables can change, and the base passed them —
// and their columns are shared with the base model. When p holds a copy
// of them with a few rows' values changed (derive_rows.go), only those
// rows are checked and read again. Otherwise it is Compile(p).
func (m *Model) Derive(p *Plan) (*Model, error) {
	if m == nil {
		return Compile(p)
	}
	if !m.sharesRows(p) {
		if rows, ok := m.changedRows(p); ok {
			return m.deriveRows(p, rows)
		}
		return Compile(p)
	}
	d := &Model{plan: p, u: m.u, incCur: -1, incPrev: -1, baseline: -1}
	d.resolveFrom(m) // derive_names.go
	if !slices.Equal(d.names, m.names) {
		return Compile(p)
	}
	e := m.costs.tails.entryNear(p, m.tailEntry()) // tail.go
	if ps := e.validateTables(p); len(ps) > 0 {    // derive_validate.go
		return nil, ps.err()
	}
	d.refs = m.refs
	if !sameSlice(p.Staff, m.plan.Staff) || !sameLabels(p.QuantityLabels, m.plan.QuantityLabels) {
		d.refs = refNames(p, d.names)
	}
	d.x, d.adjustment, d.cols, d.exactOnly = m.x, m.adjustment, m.cols, m.exactOnly
	d.coef = m.coef
	if p.Performance != m.plan.Performance {
		d.performanceCoefs()
	}
	d.projCoef, d.execBand = m.projCoef, m.execBand
	if p.ProjectPerformance != m.plan.ProjectPerformance || p.Damping != m.plan.Damping {
		d.projCoef = nil
		d.rateProjects()
	} else {
		d.excluded = m.excluded
	}
	if p.ProjectExecution != m.plan.ProjectExecution {
		d.executionBands()
	}
	d.shareMemos(m)
	d.costs.entry = e
	return d, nil
}

// sharesRows reports whether p holds the model's sub-districts themselves,
// rounds to the same unit and has the same successions.
func (m *Model) sharesRows(p *Plan) bool {
	b := m.plan
	if len(p.Subdistricts) != len(b.Subdistricts) || len(p.Subdistricts) == 0 ||
		&p.Subdistricts[0] != &b.Subdistricts[0] || !p.RoundingUnit.Equal(b.RoundingUnit) {
		return false
	}
	if len(p.Successions) != len(b.Successions) ||
		(len(p.Successions) > 0 && &p.Successions[0] != &b.Successions[0]) {
		return false
	}
	u, ok := p.unit()
	return ok && u.places == m.u.places && u.d.Equal(m.u.d)
}

// performanceCoefs sets every sub-district's performance coefficient,
// as fillRows does.
func (m *Model) performanceCoefs() {
	p := m.plan
	one := decimal.NewFromInt(1)
	m.coef = make([]decimal.Decimal, len(p.Subdistricts))
	for i, s := range p.Subdistricts {
		m.coef[i] = one
		if p.Performance != nil {
			m.coef[i] = p.Performance.Coefficients[s.Rating]
		}
	}
}
