package execution

import (
	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// Budgets gives the budgets execution is measured against, when a record
// knows them better than the imported budget column: the approved budget
// (批复) of a line and the budget in force at a month's end, after
// adjustments (issue 23 §6, another part of the record). ok false: not
// known, the imported budget is used. A nil Budgets uses the imported
// column throughout: the first month's budget is the approved one.
type Budgets interface {
	// Approved is the approved budget of a 街道's line; project is the
	// plan's [[project]] id the item names, or "".
	Approved(subdistrict, item, project string) (decimal.Decimal, bool)
	// InForce is the budget in force at the end of month.
	InForce(subdistrict, item, project string, month int) (decimal.Decimal, bool)
}

// Point is a line's (or a 街道's) state at the end of a month.
type Point struct {
	Has    bool            // some row up to this month
	Budget decimal.Decimal // the budget in force
	Spent  decimal.Decimal // spent to the month's end
}

// Rate is spent / budget, to four places; false when the budget is 0 or
// there is no data.
func (p Point) Rate() (decimal.Decimal, bool) {
	if !p.Has || p.Budget.Sign() <= 0 {
		return decimal.Zero, false
	}
	return p.Spent.DivRound(p.Budget, 4), true
}

// Line is one 街道's project or breakdown line through the year.
type Line struct {
	Subdistrict, Name string // the 街道's id and name
	Item              string // as the file names it
	Project           string // the plan's project id, or ""
	ProjectName       string // the project's name in the plan, or ""
	Months            [12]Point
	Approved          decimal.Decimal // the approved budget
	Adjusted          bool            // the final budget differs from the approved
}

// Label is the line as people read it: the project's name when the file
// names the project by its id, else the item as written.
func (l *Line) Label() string {
	if l.Project != "" && l.Item == l.Project && l.ProjectName != "" {
		return l.ProjectName
	}
	return l.Item
}

// Total is a 街道's lines added up, by month.
type Total struct {
	Subdistrict, Name string
	Months            [12]Point
}

// Warning is a line whose rate broke a rule.
type Warning struct {
	Rule formula.ExecutionRule
	Line *Line
	Rate decimal.Decimal
}

// Counts are the year's figures 西城 reports: of the lines, how many
// were executed as approved (budget unchanged, something spent), how
// many adjusted (budget changed), and how many neither (nothing spent).
type Counts struct {
	Lines, AsApproved, Adjusted, NotExecuted int
}

// Share is n / Lines to four places (0 without lines).
func (c Counts) Share(n int) decimal.Decimal {
	if c.Lines == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(int64(n)).DivRound(decimal.NewFromInt(int64(c.Lines)), 4)
}

// Report is a year's execution.
type Report struct {
	Year         int64
	Last         int // the latest month with data (0: none)
	Lines        []*Line
	Subdistricts []Total
	Warnings     []Warning
	Counts       Counts
	// Rules are the plan's [[execution_rule]] tables.
	Rules []formula.ExecutionRule
}

// Build measures rows (the imports' rows in force) against plan p's 街道
// and rules: lines in the plan's order of 街道, then in the order each
// line first appears; rows of a 街道 the plan lacks are left out.
func Build(p *formula.Plan, rows []Row, b Budgets) *Report {
	r := &Report{Year: p.FiscalYear, Rules: p.ExecutionRules}
	type key struct{ sub, item string }
	byKey := map[key][]Row{}
	var order []key
	for _, row := range rows {
		k := key{row.Subdistrict, row.Item}
		if _, ok := byKey[k]; !ok {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], row)
		r.Last = max(r.Last, row.Month)
	}
	names := make(map[string]string, len(p.Projects))
	for _, pr := range p.Projects {
		names[pr.ID] = pr.Name
	}
	for _, s := range p.Subdistricts {
		t := Total{Subdistrict: s.ID, Name: s.Name}
		for _, k := range order {
			if k.sub != s.ID {
				continue
			}
			l := line(s, byKey[k], r.Last, b)
			l.ProjectName = names[l.Project]
			r.Lines = append(r.Lines, l)
			for m := range r.Last {
				if pt := l.Months[m]; pt.Has {
					t.Months[m] = Point{Has: true, Budget: t.Months[m].Budget.Add(pt.Budget), Spent: t.Months[m].Spent.Add(pt.Spent)}
				}
			}
			r.count(l)
		}
		r.Subdistricts = append(r.Subdistricts, t)
	}
	r.warn(p.ExecutionRules)
	return r
}

// line follows one line's rows (any order) through the months up to last.
func line(s formula.Subdistrict, rows []Row, last int, b Budgets) *Line {
	l := &Line{Subdistrict: s.ID, Name: s.Name, Item: rows[0].Item, Project: rows[0].Project}
	var at [12]*Row
	for i := range rows {
		at[rows[i].Month-1] = &rows[i]
	}
	var cur Point
	first := true
	for m := 1; m <= last; m++ {
		if row := at[m-1]; row != nil {
			if first {
				l.Approved, first = row.Budget, false
			}
			cur.Has, cur.Budget = true, row.Budget
			if row.Cumulative {
				cur.Spent = row.Spent
			} else {
				cur.Spent = cur.Spent.Add(row.Spent)
			}
		}
		if b != nil && cur.Has {
			if v, ok := b.InForce(s.ID, l.Item, l.Project, m); ok {
				cur.Budget = v
			}
		}
		l.Months[m-1] = cur
	}
	if b != nil {
		if v, ok := b.Approved(s.ID, l.Item, l.Project); ok {
			l.Approved = v
		}
	}
	if last > 0 {
		l.Adjusted = !l.Months[last-1].Budget.Equal(l.Approved)
	}
	return l
}

// Recount counts the report's lines again, after they were filtered
// (one 街道's own).
func (r *Report) Recount() {
	r.Counts = Counts{}
	for _, l := range r.Lines {
		r.count(l)
	}
}

// count adds a line to the year's counts.
func (r *Report) count(l *Line) {
	if r.Last == 0 {
		return
	}
	r.Counts.Lines++
	end := l.Months[r.Last-1]
	switch {
	case l.Adjusted:
		r.Counts.Adjusted++
	case end.Spent.Sign() > 0:
		r.Counts.AsApproved++
	default:
		r.Counts.NotExecuted++
	}
}

// warn applies the rules whose month has data.
func (r *Report) warn(rules []formula.ExecutionRule) {
	for _, rule := range rules {
		if rule.Month < 1 || rule.Month > r.Last {
			continue
		}
		for _, l := range r.Lines {
			if rate, ok := l.Months[rule.Month-1].Rate(); ok && rate.LessThan(rule.MinRate) {
				r.Warnings = append(r.Warnings, Warning{Rule: rule, Line: l, Rate: rate})
			}
		}
	}
}

// TotalLow reports whether a 街道's total is below a rule's rate at the
// rule's month (of the months with data).
func (r *Report) TotalLow(t Total) bool {
	for _, rule := range r.Rules {
		if rule.Month < 1 || rule.Month > r.Last {
			continue
		}
		if rate, ok := t.Months[rule.Month-1].Rate(); ok && rate.LessThan(rule.MinRate) {
			return true
		}
	}
	return false
}
