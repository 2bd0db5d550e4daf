package formula

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// incentive is stage 5 of rules §3, the tax-growth incentive (激励): each
// sub-district's rate × max(0, current − previous), the total floored to
// the rounding unit within the budget and what remains, and shared by
// largest remainder when it falls short.
func (r *run) incentive() error {
	m, p := r.m, r.m.plan
	inc := p.Incentive
	if inc == nil {
		return nil
	}
	raw := make([]decimal.Decimal, len(p.Subdistricts))
	sum := decimal.Zero
	for i := range p.Subdistricts {
		growth := decimal.Max(decimal.Zero, m.x[i][m.incCur].Sub(m.x[i][m.incPrev]))
		raw[i] = inc.Rate.Mul(growth)
		sum = sum.Add(raw[i])
	}
	r.incSum = sum
	b := decimal.Min(sum, r.remaining)
	if inc.Budget != nil {
		b = decimal.Min(b, *inc.Budget)
	}
	b = m.u.floor(b)
	shares, err := m.u.largestRemainder(b, decimalWeights(raw))
	if err != nil {
		return fmt.Errorf("incentive: %w", err)
	}
	ex := &incentiveText{m: m, b: b, sum: sum, remaining: r.remaining, raw: raw, shares: shares}
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Incentive = shares[i].Amount
		r.line(a, Line{Stage: StageIncentive, Item: "tax_growth", Amount: a.Incentive, ex: ex, i: int32(i)})
	}
	r.res.IncentivePool = b
	r.remaining = r.remaining.Sub(b)
	return nil
}
