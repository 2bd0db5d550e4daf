package attribution

import (
	"slices"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

// moneyEdits diffs the tables of rules §6 (where the money goes): [block]
// amount, [tiers] cap_base, [project_execution]'s bands (as a whole, as
// an override sets them) and the transfers, field by field when both
// plans have the same transfer ids. A project's managed is diffed with
// the project, and execution rates with their sub-district.
func moneyEdits(old, nw *formula.Plan) []edit {
	var es []edit
	if !equalOpt(blockAmount(old), blockAmount(nw)) {
		es = append(es, edit{"block.amount", func(d *formula.Plan) { d.Block = nw.Block }})
	}
	if old.TierCapBase != nw.TierCapBase {
		es = append(es, edit{"tiers.cap_base", func(d *formula.Plan) { d.TierCapBase = nw.TierCapBase }})
	}
	if !equalBands(old.ProjectExecution, nw.ProjectExecution) {
		es = append(es, edit{"project_execution.bands", func(d *formula.Plan) { d.ProjectExecution = nw.ProjectExecution }})
	}
	return append(es, listEdits("transfer", old.Transfers, nw.Transfers, func(t *formula.Transfer) string { return t.ID },
		func(p *formula.Plan) *[]formula.Transfer { return &p.Transfers }, []field[formula.Transfer]{
			decField("amount", func(t *formula.Transfer) *decimal.Decimal { return &t.Amount }),
			namesField("basis", func(t *formula.Transfer) *[]string { return &t.Basis }),
		})...)
}

// blockAmount is a plan's [block] amount; nil without one.
func blockAmount(p *formula.Plan) *decimal.Decimal {
	if p.Block == nil {
		return nil
	}
	return p.Block.Amount
}

// equalBands reports whether two plans' execution bands are the same
// (both absent counts as the same).
func equalBands(a, b *formula.ProjectExecution) bool {
	if a == nil || b == nil {
		return a == b
	}
	return slices.EqualFunc(a.Bands, b.Bands, func(x, y formula.ExecutionBand) bool {
		return x.Below.Equal(y.Below) && x.Coefficient.Equal(y.Coefficient)
	})
}
