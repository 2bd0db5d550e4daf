package app

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
)

// The budgets execution is measured against (docs/year-data.md): once
// the record has the year's 批复, the 批复 and its adjustments
// (execution_record.go). Before, a line that names a [[project]] was
// approved at what the plan's latest publication of its fiscal year gave
// the 街道 for that project (its projects line); every other line, and
// the budget in force, come from the imported budget column. App.Budgets,
// when set, replaces both.

// publishedBudgets are the project amounts of a publication, by 街道 and
// project id.
type publishedBudgets map[[2]string]decimal.Decimal

// Approved is the published amount of the 街道's project line.
func (pb publishedBudgets) Approved(sub, _, project string) (decimal.Decimal, bool) {
	if project == "" {
		return decimal.Zero, false
	}
	v, ok := pb[[2]string{sub, project}]
	return v, ok
}

// InForce is never known here: the imported budget is in force.
func (pb publishedBudgets) InForce(string, string, string, int) (decimal.Decimal, bool) {
	return decimal.Zero, false
}

// budgetsOf are the budgets of plan id's fiscal year: b when given, else
// the 批复 and adjustments, else the publication's project amounts, else none (nil: the imported
// column).
func budgetsOf(ctx context.Context, st caili.Store, id string, year int64, b execution.Budgets) execution.Budgets {
	if b != nil {
		return b
	}
	if rb, err := recordBudgetsOf(ctx, st, id, year); err == nil && rb != nil {
		return rb // execution_record.go
	}
	pub, err := st.PublishedYear(ctx, id, year)
	if err != nil {
		return nil
	}
	pb, err := projectAmounts(ctx, st, pub)
	if err != nil {
		return nil
	}
	return publishedBudgets(pb)
}

// projectAmounts sums publication pub's project lines by 街道 and
// project, reading its result one 街道 at a time.
func projectAmounts(ctx context.Context, st caili.Store, pub *caili.Publication) (map[[2]string]decimal.Decimal, error) {
	out := map[[2]string]decimal.Decimal{}
	err := eachPublished(ctx, st, pub, func(s *publishedLines) error {
		for _, l := range s.Lines {
			if l.Stage != string(formula.StageProjects) {
				continue
			}
			if v, err := decimal.NewFromString(l.Amount); err == nil {
				k := [2]string{s.ID, l.Item}
				out[k] = out[k].Add(v)
			}
		}
		return nil
	})
	return out, err
}

// publishedLines is what the budgets read of a published 街道: its
// lines' stage, item and amount.
type publishedLines struct {
	ID    string `json:"id"`
	Lines []struct {
		Stage  string `json:"stage"`
		Item   string `json:"item"`
		Amount string `json:"amount"`
	} `json:"lines"`
}
