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
	x     [][]decimal.Decimal // [sub-district][column]

	quotaCols   [][]int // [quota] → basis columns
	projectCols [][]int // [project] → basis columns
	indCols     [][]int // [factor][indicator] → column
	incCur      int     // column of incentive current (-1 without incentive)
	incPrev     int
	baseline    int // column of the damping baseline (-1 without damping)

	adjustment []decimal.Decimal // per sub-district
	coef       []decimal.Decimal // per sub-district performance coefficient

	cols      []column // [column] int64 mantissas for the fast path (quota and project bases)
	exactOnly bool     // tests: never take the int64 fast path
}

// Compile validates the plan and prepares it for evaluation. A plan that
// breaks any rule of SPEC §2 gives an *InvalidPlanError listing every problem.
func Compile(p *Plan) (*Model, error) {
	if ps := problems(p.Validate()); len(ps) > 0 {
		return nil, ps.err()
	}
	u, _ := p.unit()
	m := &Model{plan: p, u: u, incCur: -1, incPrev: -1, baseline: -1}
	cols := map[string]int{}
	col := func(name string) int {
		if c, ok := cols[name]; ok {
			return c
		}
		cols[name] = len(m.names)
		m.names = append(m.names, name)
		return len(m.names) - 1
	}
	basis := func(names []string) []int {
		cs := make([]int, len(names))
		for i, n := range names {
			cs[i] = col(n)
		}
		return cs
	}
	for _, q := range p.Quotas {
		m.quotaCols = append(m.quotaCols, basis(q.Basis))
	}
	for _, pr := range p.Projects {
		m.projectCols = append(m.projectCols, basis(pr.Basis))
	}
	for _, f := range p.Factors {
		cs := make([]int, len(f.Indicators))
		for k, in := range f.Indicators {
			cs[k] = col(in.Quantity)
		}
		m.indCols = append(m.indCols, cs)
	}
	if inc := p.Incentive; inc != nil {
		m.incCur, m.incPrev = col(inc.Current), col(inc.Previous)
	}
	if d := p.Damping; d != nil {
		m.baseline = col(d.Baseline)
	}

	one := decimal.NewFromInt(1)
	m.x = make([][]decimal.Decimal, len(p.Subdistricts))
	m.adjustment = make([]decimal.Decimal, len(p.Subdistricts))
	m.coef = make([]decimal.Decimal, len(p.Subdistricts))
	for i, s := range p.Subdistricts {
		row := make([]decimal.Decimal, len(m.names))
		for c, n := range m.names {
			if id, ok := strings.CutPrefix(n, StaffRefPrefix); ok {
				row[c] = s.Staff[id]
			} else {
				row[c] = s.Quantities[n]
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
	// The int64 fast path needs the columns quotas and projects multiply.
	m.cols = make([]column, len(m.names))
	vals := make([]decimal.Decimal, len(p.Subdistricts))
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
	return m, nil
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

// basisText shows a basis with its values: "900000 [vector_area_m2]" or
// "(8 [communities] + 2 [x])".
func (m *Model) basisText(i int, cols []int) string {
	if len(cols) == 1 {
		return m.x[i][cols[0]].String() + " [" + m.names[cols[0]] + "]"
	}
	var b strings.Builder
	b.WriteByte('(')
	for k, c := range cols {
		if k > 0 {
			b.WriteString(" + ")
		}
		b.WriteString(m.x[i][c].String())
		b.WriteString(" [")
		b.WriteString(m.names[c])
		b.WriteByte(']')
	}
	b.WriteByte(')')
	return b.String()
}
