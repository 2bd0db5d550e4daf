package formula

import (
	"reflect"
	"slices"

	"github.com/shopspring/decimal"
)

// This file is the incremental what-if of a few sub-districts' values
// (issue 25 §4): "what if our headcount were 130" on a plan of 10,000
// 街道. The loader's patch copies the list of sub-districts and the maps
// of the rows it writes to; every other row shares its maps with the
// base plan. deriveRows then checks the tables and only the rows that
// changed, reads only those rows into the model, rebuilds only the int64
// columns whose values moved, and shares every other row's numbers with
// the base model: the model Compile gives, value for value
// (TestDeriveMatchesCompile, with random overrides of sub-districts).

// maxChangedRows is the most changed rows deriveRows takes: beyond a
// sixteenth of the plan (and at least 8), compiling in full costs about
// the same.
func maxChangedRows(n int) int { return max(8, n/16) }

// changedRows returns the indices of the rows of p that are not the base
// model's rows, and true when deriveRows can take them: the same
// sub-districts in the same order with the same ids, names and codes,
// no successions, and each changed row holding the same keys as before
// (a value changed, none added or removed), at most maxChangedRows.
func (m *Model) changedRows(p *Plan) ([]int, bool) {
	b := m.plan
	if len(p.Subdistricts) != len(b.Subdistricts) || len(p.Subdistricts) == 0 ||
		len(p.Successions) > 0 || len(b.Successions) > 0 {
		return nil, false
	}
	if u, ok := p.unit(); !ok || u.places != m.u.places || !u.d.Equal(m.u.d) {
		return nil, false
	}
	rows := []int{} // not nil: no row to compute again
	for i := range p.Subdistricts {
		s, o := &p.Subdistricts[i], &b.Subdistricts[i]
		if s.ID != o.ID || s.Name != o.Name || s.UnitCode != o.UnitCode {
			return nil, false
		}
		if sameRow(s, o) {
			continue
		}
		if !sameKeys(s, o) || len(rows) == maxChangedRows(len(p.Subdistricts)) {
			return nil, false
		}
		rows = append(rows, i)
	}
	return rows, true
}

// sameRow reports whether s holds o's values: the same rating and
// adjustment, and its values and maps the very ones of o (a patched
// row's are copies).
func sameRow(s, o *Subdistrict) bool {
	return s.Rating == o.Rating && sameDecimalPtr(s.Adjustment, o.Adjustment) &&
		s.Staff.same(o.Staff) && s.Payroll.same(o.Payroll) && s.Quantities.same(o.Quantities) &&
		sameMap(s.ProjectRatings, o.ProjectRatings) && sameMap(s.Execution, o.Execution)
}

// sameMap reports whether a and b are the same map (not equal copies).
func sameMap[V any](a, b map[string]V) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// sameDecimalPtr reports whether a and b are both nil or hold equal
// values.
func sameDecimalPtr(a, b *decimal.Decimal) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// sameKeys reports whether the maps of s have the keys of o's.
func sameKeys(s, o *Subdistrict) bool {
	return s.Staff.SameNames(o.Staff) && s.Payroll.SameNames(o.Payroll) && s.Quantities.SameNames(o.Quantities) &&
		keysOf(s.ProjectRatings, o.ProjectRatings) && keysOf(s.Execution, o.Execution)
}

// keysOf reports whether a and b have the same keys.
func keysOf[V, W any](a map[string]V, b map[string]W) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

// rowsValid reports whether p, whose rows but rows are the base plan's
// (which passed), has no problem: its tables, the changed rows, and the
// checks across rows that a value reaches (an indicator or a transfer
// basis zero everywhere). The ids, names and keys are the base's.
func (p *Plan) rowsValid(rows []int) bool {
	var ps problems
	v := newValidator(p, &ps)
	v.tables()
	v.absent = v.absentEverywhere()
	for _, i := range rows {
		s := p.Subdistricts[i]
		v.values(EntryPath("subdistrict", s.ID, i), s)
	}
	v.executionRules()
	v.zeroIndicators()
	v.zeroTransfers()
	return len(ps) == 0
}

// deriveRows is Derive for a plan whose changed rows are rows (changedRows):
// Compile(p) when the plan has a problem, so that the errors are Compile's.
func (m *Model) deriveRows(p *Plan, rows []int) (*Model, error) {
	d := &Model{plan: p, u: m.u, incCur: -1, incPrev: -1, baseline: -1}
	d.resolve()
	if !slices.Equal(d.names, m.names) || !p.rowsValid(rows) {
		return Compile(p)
	}
	d.refs = refNames(p, d.names)
	d.x, d.adjustment, d.coef = slices.Clone(m.x), slices.Clone(m.adjustment), slices.Clone(m.coef)
	one := decimal.NewFromInt(1)
	for _, i := range rows {
		d.fillRow(i, one)
	}
	if p.Performance != m.plan.Performance {
		d.performanceCoefs()
	}
	d.exactOnly = m.exactOnly
	d.projCoef, d.execBand, d.excluded = m.projCoef, m.execBand, m.excluded
	if p.ProjectPerformance != m.plan.ProjectPerformance || p.Damping != m.plan.Damping {
		d.projCoef = nil
		d.excluded = [len(ComponentNames)]bool{}
		d.rateProjects()
	} else if d.projCoef != nil {
		d.projCoef = slices.Clone(d.projCoef)
		d.eachRow(rows, d.rateRow)
	}
	if p.ProjectExecution != m.plan.ProjectExecution {
		d.execBand = nil
		d.executionBands()
	} else if d.execBand != nil {
		d.execBand = slices.Clone(d.execBand)
		d.eachRow(rows, d.bandRow)
	}
	d.deriveColumns(m, rows)
	d.deriveMemos(m, rows)
	return d, nil
}

// deriveMemos gives d memos of its own that start from m's when what
// they read beyond the rows is m's: the same staff categories and quotas
// for the costs, the same projects and coefficients for the demands.
func (d *Model) deriveMemos(m *Model, rows []int) {
	d.newMemos()
	d.costs.tails = m.costs.tails
	p, b := d.plan, m.plan
	if sameSlice(p.Staff, b.Staff) && sameSlice(p.Quotas, b.Quotas) {
		d.costs.derived = derived{from: m, rows: rows}
	}
	if sameSlice(p.Projects, b.Projects) && p.ProjectPerformance == b.ProjectPerformance &&
		p.ProjectExecution == b.ProjectExecution {
		d.demand.derived = derived{from: m, rows: rows}
	}
}

// eachRow calls f for each of rows with the projects' index.
func (d *Model) eachRow(rows []int, f func(i int, index map[string]int)) {
	index := projectIndex(d.plan)
	for _, i := range rows {
		f(i, index)
	}
}

// deriveColumns shares the base model's int64 columns, made again (as
// fastColumns makes them) for each basis column a changed row holds a
// different value of, or the same value written otherwise.
func (d *Model) deriveColumns(m *Model, rows []int) {
	d.cols = slices.Clone(m.cols)
	vals := make([]decimal.Decimal, len(d.x))
	done := make([]bool, len(d.cols))
	moved := func(c int) bool {
		return slices.ContainsFunc(rows, func(i int) bool {
			a, b := d.x[i][c], m.x[i][c]
			return a.Exponent() != b.Exponent() || !a.Equal(b)
		})
	}
	for _, cs := range append(slices.Clone(d.quotaCols), d.projectCols...) {
		for _, c := range cs {
			if done[c] {
				continue
			}
			done[c] = true
			if !moved(c) {
				continue
			}
			for i := range vals {
				vals[i] = d.x[i][c]
			}
			d.cols[c] = newColumn(vals)
		}
	}
}
