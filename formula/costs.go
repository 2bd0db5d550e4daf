package formula

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// This file is stages 2 and 3 of rules §3, the costs met before any
// project: personnel at actual and public costs at quota. Each amount is
// computed on int64 units when its numbers fit (the common case), else on
// exact decimals; both round the same way and give the same amount.

// personnel is stage 2: personnel at actual (人员经费按实际), one line per
// staff category a sub-district has a payroll or a headcount for.
func (r *run) personnel() {
	m, p := r.m, r.m.plan
	one := decimal.NewFromInt(1)
	ex := personnelText{m}
	// 1 + on-cost rate per category, as int64 mantissas for the fast path.
	oncost := make([]small, len(p.Staff))
	oncostOK := make([]bool, len(p.Staff))
	for j, st := range p.Staff {
		oncost[j], oncostOK[j] = toSmall(one.Add(st.OncostRate))
		oncostOK[j] = oncostOK[j] && !m.exactOnly
	}
	for i := range r.rows() {
		s := &p.Subdistricts[i]
		a := &r.res.Subdistricts[i]
		sum := accum{u: m.u}
		for j, st := range p.Staff {
			head, hasHead := s.Staff.Get(st.ID)
			pay, hasPay := s.Payroll.Get(st.ID)
			if !hasPay && (!hasHead || head.IsZero()) {
				continue
			}
			var amt decimal.Decimal
			if n, ok := personnelUnits(head, pay, hasPay, st.AnnualPay, oncost[j], oncostOK[j], m.u.places); ok {
				amt = m.u.unitsDecimal(n)
			} else {
				amt = m.u.round(personnelExact(st, head, pay, hasPay))
			}
			sum.add(amt)
			r.line(a, Line{Stage: StagePersonnel, Item: st.ID, Amount: amt, ex: ex, i: int32(i), j: int32(j)})
		}
		a.Personnel = sum.sum()
	}
}

// personnelExact is (pay, or head × annual pay) × (1 + on-cost), exactly.
func personnelExact(st Staff, head, pay decimal.Decimal, hasPay bool) decimal.Decimal {
	base := pay
	if !hasPay {
		base = head.Mul(st.AnnualPay)
	}
	if !st.OncostRate.IsZero() {
		base = base.Mul(decimal.NewFromInt(1).Add(st.OncostRate))
	}
	return base
}

// personnelUnits is round((pay, or head × annual pay) × (1 + on-cost)) in
// units on int64s, if every value is non-negative and fits.
func personnelUnits(head, pay decimal.Decimal, hasPay bool, annual decimal.Decimal, oncost small, ok bool, places int32) (int64, bool) {
	if !ok {
		return 0, false
	}
	var base small
	if hasPay {
		if base, ok = toSmall(pay); !ok {
			return 0, false
		}
	} else {
		h, ok1 := toSmall(head)
		a, ok2 := toSmall(annual)
		if base, ok = mulSmall(h, a); !ok || !ok1 || !ok2 {
			return 0, false
		}
	}
	return mulRoundUnits(base, oncost, places)
}

// mulSmall multiplies non-negative smalls exactly, if the product fits.
func mulSmall(a, b small) (small, bool) {
	hi, lo := bits.Mul64(uint64(a.m), uint64(b.m))
	if hi != 0 || lo > math.MaxInt64 {
		return small{}, false
	}
	return small{int64(lo), a.exp + b.exp}, true
}

// public is stage 3: public costs at quota (公用经费按定额), one line per
// quota and sub-district: round(rate × Σ basis).
func (r *run) public() {
	m, p := r.m, r.m.plan
	ex := &publicText{m: m}
	rates := make([]small, len(p.Quotas))
	ratesOK := make([]bool, len(p.Quotas))
	for j, q := range p.Quotas {
		rates[j], ratesOK[j] = toSmall(q.Rate)
		ratesOK[j] = ratesOK[j] && !m.exactOnly
	}
	for i := range r.rows() {
		a := &r.res.Subdistricts[i]
		sum := accum{u: m.u}
		for j, q := range p.Quotas {
			var amt decimal.Decimal
			if n, ok := quotaUnits(m, rates[j], ratesOK[j], j, i); ok {
				amt = m.u.unitsDecimal(n)
			} else {
				amt = m.u.round(q.Rate.Mul(m.sumCols(i, m.quotaCols[j])))
			}
			sum.add(amt)
			r.line(a, Line{Stage: StagePublic, Item: q.ID, Amount: amt, ex: ex, i: int32(i), j: int32(j)})
		}
		a.Public = sum.sum()
	}
}

// quotaUnits is round(rate × Σ basis) of quota j in sub-district i in
// units on int64s, if the rate (ok) and every value fit.
func quotaUnits(m *Model, rate small, ok bool, j, i int) (int64, bool) {
	if !ok {
		return 0, false
	}
	b, ok := sumBasis(m.cols, m.quotaCols[j], i)
	if !ok {
		return 0, false
	}
	return mulRoundUnits(rate, b, m.u.places)
}
