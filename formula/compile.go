package formula

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Model is a validated plan with every quantity name resolved to a column,
// ready to evaluate. Compile once, evaluate as often as needed; the plan it
// was compiled from must not be changed afterwards.
type Model struct {
	plan  *Plan
	u     unit
	names []string            // column → quantity name
	refs  []string            // column → how line text names it (refNames)
	x     [][]decimal.Decimal // [sub-district][column]

	quotaCols   [][]int // [quota] → basis columns
	projectCols [][]int // [project] → basis columns
	indCols     [][]int // [factor][indicator] → column
	incCur      int     // column of incentive current (-1 without incentive)
	incPrev     int
	baseline    int // column of the damping baseline (-1 without damping)

	adjustment []decimal.Decimal         // per sub-district
	coef       []decimal.Decimal         // per sub-district performance coefficient
	projCoef   []map[int]decimal.Decimal // per sub-district: project index → coefficient of its project rating; nil: none rated
	execBand   []map[int]int             // per sub-district: project index → its execution band (rules §6); nil: none cut
	transCols  [][]int                   // [transfer] → basis columns
	excluded   [len(ComponentNames)]bool // components [damping] exclude leaves out of the measure

	cols      []column // [column] int64 mantissas for the fast path (quota and project bases)
	exactOnly bool     // tests: never take the int64 fast path

	costs  *costsMemo  // stages 2 and 3 without lines, shared with derived models (reuse.go)
	demand *demandMemo // project demands, shared with derived models
}

// Compile validates the plan and prepares it for evaluation. A plan that
// breaks any rule of rules §2 gives an *InvalidPlanError listing every problem.
func Compile(p *Plan) (*Model, error) {
	if ps := problems(p.Validate()); len(ps) > 0 {
		return nil, ps.err()
	}
	u, _ := p.unit()
	m := &Model{plan: p, u: u, incCur: -1, incPrev: -1, baseline: -1}
	m.resolve()
	m.refs = refNames(p, m.names)
	m.fillRows()
	m.rateProjects()
	m.executionBands()
	m.fastColumns()
	m.newMemos()
	return m, nil
}

// columnNames numbers quantity names in first-use order, into the
// model's names.
type columnNames struct {
	m     *Model
	index map[string]int // quantity name → column
}

// col returns the column of a quantity name, numbering it if it is new.
func (c *columnNames) col(name string) int {
	if k, ok := c.index[name]; ok {
		return k
	}
	c.index[name] = len(c.m.names)
	c.m.names = append(c.m.names, name)
	return len(c.m.names) - 1
}

// basis returns the columns of a basis.
func (c *columnNames) basis(names []string) []int {
	cs := make([]int, len(names))
	for i, n := range names {
		cs[i] = c.col(n)
	}
	return cs
}

// resolve gives every quantity name the standards use a column and
// records the columns each standard reads.
func (m *Model) resolve() {
	p := m.plan
	c := columnNames{m: m, index: map[string]int{}}
	for _, q := range p.Quotas {
		m.quotaCols = append(m.quotaCols, c.basis(q.Basis))
	}
	for _, pr := range p.Projects {
		m.projectCols = append(m.projectCols, c.basis(pr.Basis))
	}
	for _, f := range p.Factors {
		cs := make([]int, len(f.Indicators))
		for k, in := range f.Indicators {
			cs[k] = c.col(in.Quantity)
		}
		m.indCols = append(m.indCols, cs)
	}
	if inc := p.Incentive; inc != nil {
		m.incCur, m.incPrev = c.col(inc.Current), c.col(inc.Previous)
	}
	if d := p.Damping; d != nil {
		m.baseline = c.col(d.Baseline)
	}
	for _, t := range p.Transfers {
		m.transCols = append(m.transCols, c.basis(t.Basis))
	}
}

// fillRows reads every sub-district's value of every column (a headcount
// for `staff.ID`), its regional adjustment and its performance coefficient.
func (m *Model) fillRows() {
	p := m.plan
	one := decimal.NewFromInt(1)
	m.x = make([][]decimal.Decimal, len(p.Subdistricts))
	m.adjustment = make([]decimal.Decimal, len(p.Subdistricts))
	m.coef = make([]decimal.Decimal, len(p.Subdistricts))
	for i := range p.Subdistricts {
		m.fillRow(i, one)
	}
}

// fillRow reads sub-district i's values, adjustment and coefficient.
func (m *Model) fillRow(i int, one decimal.Decimal) {
	p := m.plan
	s := &p.Subdistricts[i]
	row := make([]decimal.Decimal, len(m.names))
	for c, n := range m.names {
		if id, ok := strings.CutPrefix(n, StaffRefPrefix); ok {
			row[c] = s.Staff.Value(id)
		} else {
			row[c] = s.Quantities.Value(n)
		}
	}
	m.x[i] = row
	m.adjustment[i] = one
	if s.Adjustment != nil {
		m.adjustment[i] = *s.Adjustment
	}
	m.coef[i] = one
	if p.Performance != nil {
		m.coef[i] = p.Performance.Coefficients[s.Rating]
	}
}

// rateProjects records the coefficient of every project rating and the
// components damping leaves out of its measure.
func (m *Model) rateProjects() {
	p := m.plan
	if d := p.Damping; d != nil {
		for _, c := range d.Exclude {
			m.excluded[stageIndex(Stage(c))] = true
		}
	}
	if p.ProjectPerformance == nil {
		return
	}
	index := projectIndex(p)
	m.projCoef = make([]map[int]decimal.Decimal, len(p.Subdistricts))
	for i := range p.Subdistricts {
		m.rateRow(i, index)
	}
}

// rateRow records sub-district i's project ratings' coefficients; index
// is each project id's index.
func (m *Model) rateRow(i int, index map[string]int) {
	coefs := m.plan.ProjectPerformance.Coefficients
	m.projCoef[i] = byProject(m.plan.Subdistricts[i].ProjectRatings, index,
		func(rating string) (decimal.Decimal, bool) { return coefs[rating], true })
}

// byProject maps what src holds by project id to project indices through
// f, keeping what f keeps; nil when it keeps nothing.
func byProject[X, V any](src map[string]X, index map[string]int, f func(X) (V, bool)) map[int]V {
	var out map[int]V
	for id, x := range src {
		v, ok := f(x)
		if !ok {
			continue
		}
		if out == nil {
			out = make(map[int]V, len(src))
		}
		out[index[id]] = v
	}
	return out
}

// projectIndex maps each project id to its first index.
func projectIndex(p *Plan) map[string]int {
	index := make(map[string]int, len(p.Projects))
	for j, pr := range p.Projects {
		if _, ok := index[pr.ID]; !ok {
			index[pr.ID] = j
		}
	}
	return index
}

// projectCoef returns the coefficient of sub-district i's rating of
// project j, and whether it is rated.
func (m *Model) projectCoef(i, j int) (decimal.Decimal, bool) {
	if m.projCoef == nil || m.projCoef[i] == nil {
		return decimal.Decimal{}, false
	}
	c, ok := m.projCoef[i][j]
	return c, ok
}

// executionBands records, for every item with an execution rate below a
// band of [project_execution], the band that cuts its demand (rules §6).
func (m *Model) executionBands() {
	p := m.plan
	if p.ProjectExecution == nil {
		return
	}
	index := projectIndex(p)
	m.execBand = make([]map[int]int, len(p.Subdistricts))
	for i := range p.Subdistricts {
		m.bandRow(i, index)
	}
}

// bandRow records the execution bands of sub-district i's items; index
// is each project id's index.
func (m *Model) bandRow(i int, index map[string]int) {
	m.execBand[i] = byProject(m.plan.Subdistricts[i].Execution, index, m.plan.ProjectExecution.executionBand)
}

// executionCoef returns the coefficient of the execution band that cuts
// item (i, j)'s demand, its band, and whether one does.
func (m *Model) executionCoef(i, j int) (decimal.Decimal, int, bool) {
	if m.execBand == nil || m.execBand[i] == nil {
		return decimal.Decimal{}, 0, false
	}
	k, ok := m.execBand[i][j]
	if !ok {
		return decimal.Decimal{}, 0, false
	}
	return m.plan.ProjectExecution.Bands[k].Coefficient, k, true
}

// itemCoefList holds the coefficients an item's demand is multiplied by,
// c[:n], without allocating.
type itemCoefList struct {
	c [2]decimal.Decimal
	n int
}

// itemCoefs returns the coefficients of item (i, j)'s demand, in order:
// its project rating's and its execution band's, those that apply.
func (m *Model) itemCoefs(i, j int) itemCoefList {
	var l itemCoefList
	if c, rated := m.projectCoef(i, j); rated {
		l.c[l.n], l.n = c, l.n+1
	}
	if e, _, cut := m.executionCoef(i, j); cut {
		l.c[l.n], l.n = e, l.n+1
	}
	return l
}

// fastColumns prepares, for the int64 fast path, the columns quotas and
// projects multiply.
func (m *Model) fastColumns() {
	m.cols = make([]column, len(m.names))
	vals := make([]decimal.Decimal, len(m.plan.Subdistricts))
	for _, cs := range append(slices.Clone(m.quotaCols), m.projectCols...) {
		for _, c := range cs {
			if m.cols[c].v != nil {
				continue
			}
			for i := range vals {
				vals[i] = m.x[i][c]
			}
			m.cols[c] = newColumn(vals)
		}
	}
}

// Plan returns the plan the model was compiled from.
func (m *Model) Plan() *Plan { return m.plan }

// sumCols adds the values of the given columns for sub-district i.
func (m *Model) sumCols(i int, cols []int) decimal.Decimal {
	if len(cols) == 1 {
		return m.x[i][cols[0]]
	}
	s := decimal.Zero
	for _, c := range cols {
		s = s.Add(m.x[i][c])
	}
	return s
}
