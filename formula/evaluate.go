package formula

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"

	"github.com/shopspring/decimal"
)

// run is the state of one evaluation as it moves through the stages.
type run struct {
	m         *Model
	res       *Result
	remaining decimal.Decimal
}

// Evaluate runs the stages of SPEC §3 and returns the result. A plan the
// rules cannot fund gives a *RejectedError carrying the gap; nothing is
// half-computed.
func (m *Model) Evaluate() (*Result, error) {
	p := m.plan
	r := &run{m: m, res: &Result{
		Plan:         p,
		Unit:         m.u.d,
		Capacity:     p.Capacity,
		Subdistricts: make([]Allocation, len(p.Subdistricts)),
	}}
	// Room for every line: staff, quotas, projects, incentive, one per
	// indicator, and up to three damping lines.
	n := len(p.Staff) + len(p.Quotas) + len(p.Projects) + 4
	for _, f := range p.Factors {
		n += len(f.Indicators)
	}
	buf := make([]Line, n*len(p.Subdistricts))
	for i, s := range p.Subdistricts {
		r.res.Subdistricts[i] = Allocation{ID: s.ID, Name: s.Name, Lines: buf[i*n : i*n : (i+1)*n]}
	}
	// Stage 1: reserve.
	r.res.Reserve = m.u.round(p.Capacity.Mul(p.ReserveRate))
	r.res.Available = p.Capacity.Sub(r.res.Reserve)

	r.personnel()
	r.public()
	spent := decimal.Zero
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		spent = spent.Add(a.Personnel).Add(a.Public)
	}
	if spent.GreaterThan(r.res.Available) {
		return nil, &RejectedError{Kind: CapacityShortfall, Gap: spent.Sub(r.res.Available),
			Detail: fmt.Sprintf("personnel and public costs %s exceed available %s", m.u.format(spent), m.u.format(r.res.Available))}
	}
	r.res.Pool = r.res.Available.Sub(spent)
	r.remaining = r.res.Pool

	steps := []func() error{r.projects, r.incentive, r.block, r.damping}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Total = a.Personnel.Add(a.Public).Add(a.Projects).Add(a.Incentive).Add(a.Block).Add(a.Damping)
	}
	if err := r.res.CheckIdentity(); err != nil {
		return nil, fmt.Errorf("evaluate %q: %w", p.Name, err)
	}
	return r.res, nil
}

// Stage 2: personnel at actual (人员经费按实际).
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
	for i, s := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		sum := accum{u: m.u}
		for j, st := range p.Staff {
			head, hasHead := s.Staff[st.ID]
			pay, hasPay := s.Payroll[st.ID]
			if !hasPay && (!hasHead || head.IsZero()) {
				continue
			}
			var amt decimal.Decimal
			if n, ok := personnelUnits(head, pay, hasPay, st.AnnualPay, oncost[j], oncostOK[j], m.u.places); ok {
				amt = m.u.unitsDecimal(n)
			} else {
				base := pay
				if !hasPay {
					base = head.Mul(st.AnnualPay)
				}
				if !st.OncostRate.IsZero() {
					base = base.Mul(one.Add(st.OncostRate))
				}
				amt = m.u.round(base)
			}
			sum.add(amt)
			a.Lines = append(a.Lines, Line{Stage: StagePersonnel, Item: st.ID, Amount: amt, ex: ex, i: int32(i), j: int32(j)})
		}
		a.Personnel = sum.sum()
	}
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

type personnelText struct{ m *Model }

func (x personnelText) explain(l *Line) string {
	st, s := x.m.plan.Staff[l.j], x.m.plan.Subdistricts[l.i]
	var t string
	exact := s.Payroll[st.ID]
	if pay, ok := s.Payroll[st.ID]; ok {
		t = "实际工资 " + pay.String() + " 元"
	} else {
		head := s.Staff[st.ID]
		t = head.String() + " 人 × " + st.AnnualPay.String() + " 元"
		exact = head.Mul(st.AnnualPay)
	}
	if !st.OncostRate.IsZero() {
		t += " × (1 + " + st.OncostRate.String() + ")"
		exact = exact.Mul(decimal.NewFromInt(1).Add(st.OncostRate))
	}
	return t + x.m.equals(exact, l.Amount)
}

// Stage 3: public costs at quota (公用经费按定额).
func (r *run) public() {
	m, p := r.m, r.m.plan
	ex := publicText{m}
	rates := make([]small, len(p.Quotas))
	ratesOK := make([]bool, len(p.Quotas))
	for j, q := range p.Quotas {
		rates[j], ratesOK[j] = toSmall(q.Rate)
		ratesOK[j] = ratesOK[j] && !m.exactOnly
	}
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		sum := accum{u: m.u}
		for j, q := range p.Quotas {
			var amt decimal.Decimal
			var n int64
			ok := false
			if ratesOK[j] {
				if b, bok := sumBasis(m.cols, m.quotaCols[j], i); bok {
					n, ok = mulRoundUnits(rates[j], b, m.u.places)
				}
			}
			if ok {
				amt = m.u.unitsDecimal(n)
			} else {
				amt = m.u.round(q.Rate.Mul(m.sumCols(i, m.quotaCols[j])))
			}
			sum.add(amt)
			a.Lines = append(a.Lines, Line{Stage: StagePublic, Item: q.ID, Amount: amt, ex: ex, i: int32(i), j: int32(j)})
		}
		a.Public = sum.sum()
	}
}

type publicText struct{ m *Model }

func (x publicText) explain(l *Line) string {
	m, q := x.m, x.m.plan.Quotas[l.j]
	exact := q.Rate.Mul(m.sumCols(int(l.i), m.quotaCols[l.j]))
	return q.Rate.String() + " 元 × " + m.basisText(int(l.i), m.quotaCols[l.j]) + m.equals(exact, l.Amount)
}

// Stage 4: projects by priority tier (项目经费, zero-based). Items are
// (sub-district, project) pairs in SPEC order: by sub-district, then
// project file order. Demands and splits run on int64 units when they fit
// (the common case), else on exact decimals; both give the same amounts.
func (r *run) projects() error {
	if fast, ok := r.m.demandUnits(); ok {
		lines := make([]int, len(r.res.Subdistricts))
		for i := range lines {
			lines[i] = len(r.res.Subdistricts[i].Lines)
		}
		err := r.projectStage(fast)
		if !errors.Is(err, errOverflow) {
			return err
		}
		// A tier's sum overflowed int64: undo and take the exact path.
		for i := range lines {
			a := &r.res.Subdistricts[i]
			a.Lines, a.Projects = a.Lines[:lines[i]], decimal.Zero
		}
		r.res.Tiers = nil
		r.remaining = r.res.Pool
	}
	return r.projectStage(nil)
}

// errOverflow stops the int64 path when a sum would not fit.
var errOverflow = errors.New("int64 overflow")

// projectStage runs stage 4 on int64 demands (fast) or, with fast nil, on
// exact decimals.
func (r *run) projectStage(fast [][]int64) error {
	m, p := r.m, r.m.plan
	n := len(p.Subdistricts)
	fastOK := fast != nil
	var exact [][]decimal.Decimal
	if !fastOK {
		exact = make([][]decimal.Decimal, n)
		for i := range exact {
			exact[i] = make([]decimal.Decimal, len(p.Projects))
			for j, pr := range p.Projects {
				exact[i][j] = m.u.round(pr.UnitCost.Mul(m.sumCols(i, m.projectCols[j])))
			}
		}
	}
	byTier := make([][]int, len(tierOrder))
	for j, pr := range p.Projects {
		byTier[pr.Tier] = append(byTier[pr.Tier], j)
	}
	// Lines in project file order; amounts filled tier by tier.
	first := make([]int, n)
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		first[i] = len(a.Lines)
		for j, pr := range p.Projects {
			a.Lines = append(a.Lines, Line{Stage: StageProjects, Item: pr.ID, i: int32(i), j: int32(j)})
		}
	}
	for _, t := range tierOrder {
		js := byTier[t]
		if len(js) == 0 {
			continue
		}
		cnt := n * len(js)
		var amounts []decimal.Decimal
		var extra []bool
		var T decimal.Decimal
		var budget func(decimal.Decimal) error
		ex := &projectTier{m: m, remaining: r.remaining}
		if fastOK {
			ds := make([]int64, 0, cnt)
			var sum int64
			ok := true
			for i := range n {
				for _, j := range js {
					d := fast[i][j]
					ds = append(ds, d)
					if sum, ok = addUnits(sum, d); !ok {
						break
					}
				}
				if !ok {
					break
				}
			}
			if !ok {
				return errOverflow
			}
			T = m.u.unitsDecimal(sum)
			budget = func(b decimal.Decimal) error {
				if b.Equal(T) {
					amounts = make([]decimal.Decimal, cnt)
					for k, d := range ds {
						amounts[k] = m.u.unitsDecimal(d)
					}
					return nil
				}
				units, ext := splitUnits(m.u.units(b).Int64(), ds, sum)
				amounts, extra = make([]decimal.Decimal, cnt), ext
				for k, v := range units {
					amounts[k] = m.u.unitsDecimal(v)
				}
				return nil
			}
		} else {
			ds := make([]decimal.Decimal, 0, cnt)
			T = decimal.Zero
			for i := range n {
				for _, j := range js {
					ds = append(ds, exact[i][j])
					T = T.Add(exact[i][j])
				}
			}
			budget = func(b decimal.Decimal) error {
				if b.Equal(T) {
					amounts = ds
					return nil
				}
				shares, err := m.u.largestRemainder(b, decimalWeights(ds))
				if err != nil {
					return fmt.Errorf("tier %s: %w", t, err)
				}
				amounts, extra = make([]decimal.Decimal, cnt), make([]bool, cnt)
				for k, s := range shares {
					amounts[k], extra[k] = s.Amount, s.Extra
				}
				return nil
			}
		}
		out, err := r.tierOutcome(t, T)
		if err != nil {
			return err
		}
		if err := budget(out.Budget); err != nil {
			return err
		}
		r.res.Tiers = append(r.res.Tiers, out)
		ex.out, ex.extra = out, extra
		k := 0
		for i := range n {
			a := &r.res.Subdistricts[i]
			for _, j := range js {
				l := &a.Lines[first[i]+j]
				l.Amount, l.ex, l.k = amounts[k], ex, int32(k)
				k++
			}
		}
		r.remaining = r.remaining.Sub(out.Budget)
	}
	for i := range n {
		a := &r.res.Subdistricts[i]
		sum := accum{u: m.u}
		for j := range p.Projects {
			sum.add(a.Lines[first[i]+j].Amount)
		}
		a.Projects = sum.sum()
	}
	return nil
}

// tierOutcome decides a tier's budget: mandatory in full (or the plan is
// rejected), A–D within their cap and what remains.
func (r *run) tierOutcome(t Tier, T decimal.Decimal) (TierOutcome, error) {
	m, p := r.m, r.m.plan
	out := TierOutcome{Tier: t, Demand: T}
	if t == TierMandatory {
		if T.GreaterThan(r.remaining) {
			return out, &RejectedError{Kind: MandatoryUnfunded, Gap: T.Sub(r.remaining),
				Detail: fmt.Sprintf("mandatory demand %s exceeds the %s left after personnel and public costs", m.u.format(T), m.u.format(r.remaining))}
		}
		out.Budget = T
		return out, nil
	}
	out.Budget = decimal.Min(T, r.remaining)
	if share, ok := p.TierCaps[t]; ok {
		c := m.u.floor(share.Mul(r.res.Pool))
		out.Cap = &c
		out.Budget = decimal.Min(out.Budget, c)
	}
	return out, nil
}

// demandUnits computes every project demand round(unit_cost × Σ basis) as
// int64 units, reporting false if any does not fit (or the fast path is off).
func (m *Model) demandUnits() ([][]int64, bool) {
	if m.exactOnly {
		return nil, false
	}
	p := m.plan
	costs := make([]small, len(p.Projects))
	for j, pr := range p.Projects {
		c, ok := toSmall(pr.UnitCost)
		if !ok {
			return nil, false
		}
		costs[j] = c
	}
	out := make([][]int64, len(p.Subdistricts))
	flat := make([]int64, len(p.Subdistricts)*len(p.Projects))
	for i := range out {
		out[i], flat = flat[:len(p.Projects):len(p.Projects)], flat[len(p.Projects):]
		for j := range p.Projects {
			s, ok := sumBasis(m.cols, m.projectCols[j], i)
			if !ok {
				return nil, false
			}
			d, ok := mulRoundUnits(costs[j], s, m.u.places)
			if !ok {
				return nil, false
			}
			out[i][j] = d
		}
	}
	return out, true
}

// projectTier explains the project lines of one tier.
type projectTier struct {
	m         *Model
	out       TierOutcome
	remaining decimal.Decimal // before the tier
	extra     []bool          // nil when the tier was funded in full
}

func (x *projectTier) explain(l *Line) string {
	m := x.m
	pr := m.plan.Projects[l.j]
	exact := pr.UnitCost.Mul(m.sumCols(int(l.i), m.projectCols[l.j]))
	demand := m.u.round(exact)
	t := "需求 " + pr.UnitCost.String() + " 元 × " + m.basisText(int(l.i), m.projectCols[l.j]) + m.equals(exact, demand) +
		" (" + tierLabel(x.out.Tier) + ")"
	if x.extra == nil {
		return t + ",全额保障"
	}
	quota := new(big.Rat).Mul(x.out.Budget.Rat(), demand.Rat())
	quota.Quo(quota, x.out.Demand.Rat())
	return t + "," + tierLimit(m.u, x.out, x.remaining) + ",按需求比例分配: " + m.u.format(x.out.Budget) + " × " +
		m.u.format(demand) + " / " + m.u.format(x.out.Demand) + m.lrTail(quota, l.Amount, x.extra[l.k])
}

func tierLabel(t Tier) string {
	if t == TierMandatory {
		return "三保 mandatory 档"
	}
	return t.String() + " 档"
}

// tierLimit says why a tier's budget fell short of its demand.
func tierLimit(u unit, o TierOutcome, remaining decimal.Decimal) string {
	if o.Cap != nil && o.Budget.Equal(*o.Cap) {
		return "本档需求 " + u.format(o.Demand) + " 超过上限 " + u.format(*o.Cap) + " (max_share × 项目资金池)"
	}
	return "本档需求 " + u.format(o.Demand) + " 超过剩余财力 " + u.format(remaining)
}

// Stage 5: the tax-growth incentive (激励).
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
		a.Lines = append(a.Lines, Line{Stage: StageIncentive, Item: "tax_growth", Amount: a.Incentive, ex: ex, i: int32(i)})
	}
	r.res.IncentivePool = b
	r.remaining = r.remaining.Sub(b)
	return nil
}

type incentiveText struct {
	m         *Model
	b, sum    decimal.Decimal
	remaining decimal.Decimal
	raw       []decimal.Decimal
	shares    []lrShare
}

func (x *incentiveText) explain(l *Line) string {
	m, inc, i := x.m, x.m.plan.Incentive, int(l.i)
	t := inc.Rate.String() + " × max(0, " + m.x[i][m.incCur].String() + " [" + inc.Current + "] − " +
		m.x[i][m.incPrev].String() + " [" + inc.Previous + "]) = " + x.raw[i].String()
	if !x.shares[i].Amount.Equal(x.raw[i]) {
		t += ";激励总额 " + m.u.format(x.b) + " = floor(min(Σ " + x.sum.String() + budgetText(inc.Budget) +
			", 剩余 " + m.u.format(x.remaining) + ")),按比例: " + m.u.format(x.b) + " × " + x.raw[i].String() + " / " + x.sum.String() + m.lrText(x.shares[i])
	}
	return t
}

func budgetText(b *decimal.Decimal) string {
	if b == nil {
		return ""
	}
	return ", 预算 " + b.String()
}

// equals renders "= exact" or "= exact ≈ rounded" when rounding changed it.
func (m *Model) equals(exact, rounded decimal.Decimal) string {
	if exact.Equal(rounded) {
		return " = " + m.u.format(rounded)
	}
	return " = " + exact.String() + " ≈ " + m.u.format(rounded)
}

// lrText renders the tail of a largest-remainder line: "= 1110966.67 → 1110967 (余额 +1)".
func (m *Model) lrText(s lrShare) string { return m.lrTail(s.Quota(), s.Amount, s.Extra) }

// lrTail renders an exact quota, the amount it became, and whether a
// leftover unit was added.
func (m *Model) lrTail(quota *big.Rat, amount decimal.Decimal, extra bool) string {
	t := approx(quota) + " → " + m.u.format(amount)
	if extra {
		t += " (最大余额 +" + m.u.format(m.u.d) + ")"
	}
	return t
}

// FormatRat shows an exact rational as a decimal: exactly when it
// terminates within six places, else "≈" and six places.
func FormatRat(q *big.Rat) string {
	if q.IsInt() {
		return q.Num().String()
	}
	s := q.FloatString(6)
	exact, _ := new(big.Rat).SetString(s)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if exact.Cmp(q) == 0 {
		return s
	}
	return "≈" + s
}

// approx renders " = q", or " ≈ q" when q does not terminate.
func approx(q *big.Rat) string {
	s := FormatRat(q)
	if t, ok := strings.CutPrefix(s, "≈"); ok {
		return " ≈ " + t
	}
	return " = " + s
}
