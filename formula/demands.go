package formula

// This file computes the project demands of stage 4 on int64 units, the
// fast path of projects.go: the whole table once per model (memoised in
// reuse.go), or one sub-district's row when a what-if changed it.

// demandUnits computes every project demand round(unit_cost × Σ basis × c
// × e) (c the coefficient of the item's project rating, 1 unrated; e its
// execution band's, rules §6, 1 without) as int64
// units, reporting false if any does not fit (or the fast path is off).
func (m *Model) demandUnits() ([][]int64, bool) {
	if m.exactOnly {
		return nil, false
	}
	p := m.plan
	costs, ok := m.unitCosts()
	if !ok {
		return nil, false
	}
	out := make([][]int64, len(p.Subdistricts))
	flat := make([]int64, len(p.Subdistricts)*len(p.Projects))
	for i := range out {
		out[i], flat = flat[:len(p.Projects):len(p.Projects)], flat[len(p.Projects):]
		if !m.demandRow(out[i], costs, i) {
			return nil, false
		}
	}
	return out, true
}

// unitCosts are the projects' unit costs as int64 mantissas, or false
// when one does not fit.
func (m *Model) unitCosts() ([]small, bool) {
	costs := make([]small, len(m.plan.Projects))
	for j, pr := range m.plan.Projects {
		c, ok := toSmall(pr.UnitCost)
		if !ok {
			return nil, false
		}
		costs[j] = c
	}
	return costs, true
}

// demandRow sets sub-district i's project demands in units into row,
// reporting false when one does not fit.
func (m *Model) demandRow(row []int64, costs []small, i int) bool {
	for j := range m.plan.Projects {
		s, ok := sumBasis(m.cols, m.projectCols[j], i)
		if !ok {
			return false
		}
		cost := costs[j]
		coefs := m.itemCoefs(i, j)
		for _, c := range coefs.c[:coefs.n] {
			cs, ok1 := toSmall(c)
			if cost, ok = mulSmall(cost, cs); !ok || !ok1 {
				return false
			}
		}
		d, ok := mulRoundUnits(cost, s, m.u.places)
		if !ok {
			return false
		}
		row[j] = d
	}
	return true
}

// demandRows is demandUnits from the demands of the model m derives from
// (derive_rows.go), the given rows computed again; false when those of
// from or of a row do not fit, or the fast path is off.
func (m *Model) demandRows(from *Model, rows []int) ([][]int64, bool) {
	base, ok := from.demandsOnce()
	if !ok || m.exactOnly {
		return nil, false
	}
	costs, ok := m.unitCosts()
	if !ok {
		return nil, false
	}
	units := copyDemands(base)
	for _, i := range rows {
		if !m.demandRow(units[i], costs, i) {
			return nil, false
		}
	}
	return units, true
}
