package execution

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// Rates are each 街道's execution rate of each plan project at the
// report's last month — what next year's plan writes into
// [subdistrict.execution] — from the lines that name a [[project]] (a
// project's several lines added up). Lines of no budget give none.
func (r *Report) Rates() map[string]map[string]decimal.Decimal {
	if r.Last == 0 {
		return nil
	}
	type sum struct{ budget, spent decimal.Decimal }
	sums := map[[2]string]*sum{}
	var order [][2]string
	for _, l := range r.Lines {
		pt := l.Months[r.Last-1]
		if l.Project == "" || !pt.Has {
			continue
		}
		k := [2]string{l.Subdistrict, l.Project}
		if sums[k] == nil {
			sums[k] = &sum{}
			order = append(order, k)
		}
		sums[k].budget = sums[k].budget.Add(pt.Budget)
		sums[k].spent = sums[k].spent.Add(pt.Spent)
	}
	out := map[string]map[string]decimal.Decimal{}
	for _, k := range order {
		s := sums[k]
		if s.budget.Sign() <= 0 {
			continue
		}
		if out[k[0]] == nil {
			out[k[0]] = map[string]decimal.Decimal{}
		}
		out[k[0]][k[1]] = s.spent.DivRound(s.budget, 4)
	}
	return out
}

// Unused is a line with budget and nothing spent at the year's last
// month: its whole budget is a balance (结余).
type Unused struct {
	Subdistrict, Name, Item string
	Balance                 decimal.Decimal
}

// Unused lists the lines nothing was spent on by the last month.
func (r *Report) Unused() []Unused {
	if r.Last == 0 {
		return nil
	}
	var out []Unused
	for _, l := range r.Lines {
		pt := l.Months[r.Last-1]
		if pt.Has && pt.Budget.Sign() > 0 && pt.Spent.IsZero() {
			out = append(out, Unused{Subdistrict: l.Subdistrict, Name: l.Name, Item: l.Item, Balance: pt.Budget})
		}
	}
	return out
}

// UnusedTwice is a line unused two years running: 资兴's 收回连续两年未使用
// 资金, listed for the planner of next year.
type UnusedTwice struct {
	Subdistrict, Name, Item string
	// Balance is this year's balance; Before last year's (of the
	// predecessor's line when the 街道 succeeded others).
	Balance, Before decimal.Decimal
}

// UnusedTwoYears are the lines of this year's unused that were unused the
// year before too, matched by item and by 街道 — last year's ids read
// through the plan's successions (a merged 街道's line was unused if a
// predecessor's line of that item was).
func UnusedTwoYears(this, before []Unused, succ []formula.Succession) []UnusedTwice {
	heir := map[string][]string{} // last year's id → this year's ids
	for _, s := range succ {
		for _, f := range s.From {
			heir[f] = append(heir[f], s.To...)
		}
	}
	prev := map[[2]string]decimal.Decimal{}
	for _, u := range before {
		ids := heir[u.Subdistrict]
		if ids == nil {
			ids = []string{u.Subdistrict}
		}
		for _, id := range ids {
			k := [2]string{id, u.Item}
			prev[k] = prev[k].Add(u.Balance)
		}
	}
	var out []UnusedTwice
	for _, u := range this {
		if b, ok := prev[[2]string{u.Subdistrict, u.Item}]; ok {
			out = append(out, UnusedTwice{Subdistrict: u.Subdistrict, Name: u.Name, Item: u.Item, Balance: u.Balance, Before: b})
		}
	}
	slices.SortStableFunc(out, func(a, b UnusedTwice) int { return b.Balance.Cmp(a.Balance) })
	return out
}
