package app

import (
	"context"
	"encoding/json"
	"maps"
	"time"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards/workbook"
)

// The budgets the record knows (docs/year-data.md, 执行中的预算): once a
// year has its 批复, execution is measured against it and the
// adjustments after it. A line naming a [[project]] has the 街道's
// amount of that project in the publication; any other line the amount
// of the breakdown line of that name — the 批复's, or after an
// adjustment the 街道's breakdown accepted against the adjustment. An
// adjustment is in force from the month of its date when that date is in
// the fiscal year, else for the whole year.

// budgetSet is one publication's amounts: by (街道, project id) and by
// (街道, breakdown line name).
type budgetSet struct {
	from     int
	projects map[[2]string]decimal.Decimal
	items    map[[2]string]decimal.Decimal
}

// amount is a line's amount in the set.
func (b *budgetSet) amount(sub, item, project string) (decimal.Decimal, bool) {
	if project != "" {
		if v, ok := b.projects[[2]string{sub, project}]; ok {
			return v, true
		}
	}
	v, ok := b.items[[2]string{sub, item}]
	return v, ok
}

// recordBudgets are the year's 批复 (first) and adjustments, in order.
type recordBudgets []budgetSet

// Approved is the line's amount in the 批复.
func (rb recordBudgets) Approved(sub, item, project string) (decimal.Decimal, bool) {
	return rb[0].amount(sub, item, project)
}

// InForce is the line's amount in the latest publication in force at
// the end of month.
func (rb recordBudgets) InForce(sub, item, project string, month int) (decimal.Decimal, bool) {
	for i := len(rb) - 1; i >= 0; i-- {
		if rb[i].from <= month {
			return rb[i].amount(sub, item, project)
		}
	}
	return rb[0].amount(sub, item, project)
}

// recordBudgetsOf reads the budgets of a plan's year from its 批复 and
// adjustments (nil: no 批复 yet).
func recordBudgetsOf(ctx context.Context, st caili.Store, plan string, year int64) (execution.Budgets, error) {
	kps, err := st.KindPublications(ctx, plan)
	if err != nil {
		return nil, err
	}
	var subs []caili.Submission
	var rb recordBudgets
	for _, kp := range kps {
		if kp.Year != year || (kp.Kind != caili.KindApproval && kp.Kind != caili.KindAdjust) || (kp.Kind == caili.KindAdjust && len(rb) == 0) {
			continue
		}
		pub, err := st.PublicationHeadOf(ctx, plan, kp.N)
		if err != nil {
			return nil, err
		}
		set := budgetSet{from: 1, items: map[[2]string]decimal.Decimal{}}
		if set.projects, err = projectAmounts(ctx, st, pub); err != nil { // execution_budgets.go
			return nil, Internal(msg.YearPublishedUnreadable, err)
		}
		var carried []caili.Submission
		if kp.Kind == caili.KindApproval {
			for _, n := range kp.Breakdowns {
				b, err := st.Submission(ctx, plan, true, n)
				if err != nil {
					return nil, err
				}
				carried = append(carried, *b)
			}
		} else {
			set.from = monthIn(kp.IssuedOn, year)
			maps.Copy(set.items, rb[len(rb)-1].items)
			if subs == nil {
				if subs, err = st.Submissions(ctx, plan, year, true); err != nil {
					return nil, err
				}
			}
			for _, s := range subs {
				if s.Status == caili.SubAccepted && s.Version == kp.N {
					carried = append(carried, s)
				}
			}
		}
		addBreakdowns(set.items, carried)
		rb = append(rb, set)
	}
	if len(rb) == 0 {
		return nil, nil
	}
	return rb, nil
}

// addBreakdowns puts breakdowns' lines into items, each 街道's replacing
// the lines it had.
func addBreakdowns(items map[[2]string]decimal.Decimal, bs []caili.Submission) {
	for _, b := range bs {
		var lines []workbook.BreakdownLine
		if json.Unmarshal(b.Lines, &lines) != nil {
			continue
		}
		maps.DeleteFunc(items, func(k [2]string, _ decimal.Decimal) bool { return k[0] == b.Subdistrict })
		for _, l := range lines {
			k := [2]string{b.Subdistrict, l.Name}
			items[k] = items[k].Add(l.Amount)
		}
	}
}

// monthIn is the month of a date in the fiscal year, 1 for a date of
// another year (or none).
func monthIn(date string, year int64) int {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil || int64(t.Year()) != year {
		return 1
	}
	return int(t.Month())
}
