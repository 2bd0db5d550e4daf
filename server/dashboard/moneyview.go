package dashboard

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file shows the figures of rules §6 (where the money goes) on the
// plan page, each only where the shown plan has the feature, so that the
// page of any other plan is as before.

// moneySteps adds the summary's steps of rules §6 where the shown plan
// has them: the district pool (the savings) taken out before the block
// pool, the district-managed part of the projects, and the transfers
// passed through on top of the capacity.
func moneySteps(r *formula.Result, steps []step) []step {
	p, m := r.Plan, moneyOf(r)
	var out []step
	for _, s := range steps {
		if s.key == "block_pool" && p.KeepsDistrictPool() {
			out = append(out, step{"district_pool", "−", msg.DashDistrictPool, msg.DashDistrictPoolNote.In(msg.Zh, m.amount(*p.Block.Amount).Text),
				false, func(r *formula.Result) decimal.Decimal { return r.DistrictPool }})
		}
		out = append(out, s)
		if s.key == "projects" && p.HasDistrictManaged() {
			out = append(out, step{"district_managed", "", msg.DashDistrictManaged, msg.DashDistrictManagedNote.In(msg.Zh),
				false, func(r *formula.Result) decimal.Decimal { return r.DistrictManaged }})
		}
	}
	if p.HasTransfers() {
		out = append(out, step{"transfers", "+", msg.DashTransfers, msg.DashTransfersNote.In(msg.Zh),
			false, func(r *formula.Result) decimal.Decimal { return r.Transfers }})
	}
	return out
}

// moneyColumns adds the allocation table's columns of rules §6: each
// sub-district's transfers before the total (part of it) and its
// district-managed amount after it (not part of it).
func (v *PlanView) moneyColumns(r *formula.Result) {
	p, m := r.Plan, moneyOf(r)
	transfers, managed := p.HasTransfers(), p.HasDistrictManaged()
	if !transfers && !managed {
		return
	}
	if transfers {
		v.TransfersLabel = msg.RepColTransfers.In(msg.Zh)
	}
	if managed {
		v.ManagedLabel = msg.DashManagedOutside.In(msg.Zh)
	}
	add := func(row *Row, tr, mg decimal.Decimal) {
		n := len(row.Cells)
		if transfers {
			row.Cells = slices.Insert(row.Cells, n-1, Cell{Col: "transfers", Amount: m.amount(tr)})
		}
		if managed {
			row.Cells = append(row.Cells, Cell{Col: "managed", Amount: m.amount(mg)})
		}
	}
	for i := range v.Rows {
		a := &r.Subdistricts[i]
		add(&v.Rows[i], a.Transfers, a.Managed)
	}
	add(&v.Totals, r.Transfers, r.DistrictManaged)
}
