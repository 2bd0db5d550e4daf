package formula

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// run is the state of one evaluation as it moves through the stages.
type run struct {
	m         *Model
	res       *Result
	remaining decimal.Decimal
	projLine  [][]int // [sub-district][project] → index into Lines
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
	for i, s := range p.Subdistricts {
		n := len(p.Staff) + len(p.Quotas) + len(p.Projects) + 8
		r.res.Subdistricts[i] = Allocation{ID: s.ID, Name: s.Name, Lines: make([]Line, 0, n)}
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
	for i, s := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		for _, st := range p.Staff {
			head, hasHead := s.Staff[st.ID]
			pay, hasPay := s.Payroll[st.ID]
			if !hasPay && (!hasHead || head.IsZero()) {
				continue
			}
			var base decimal.Decimal
			var text string
			if hasPay {
				base, text = pay, "实际工资 "+pay.String()+" 元"
			} else {
				base, text = head.Mul(st.AnnualPay), head.String()+" 人 × "+st.AnnualPay.String()+" 元"
			}
			exact := base
			if !st.OncostRate.IsZero() {
				exact = base.Mul(one.Add(st.OncostRate))
				text += " × (1 + " + st.OncostRate.String() + ")"
			}
			amt := m.u.round(exact)
			a.Personnel = a.Personnel.Add(amt)
			a.Lines = append(a.Lines, Line{Stage: StagePersonnel, Item: st.ID, Amount: amt,
				Formula: text + m.equals(exact, amt)})
		}
	}
}

// Stage 3: public costs at quota (公用经费按定额).
func (r *run) public() {
	m, p := r.m, r.m.plan
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		for j, q := range p.Quotas {
			exact := q.Rate.Mul(m.sumCols(i, m.quotaCols[j]))
			amt := m.u.round(exact)
			a.Public = a.Public.Add(amt)
			a.Lines = append(a.Lines, Line{Stage: StagePublic, Item: q.ID, Amount: amt,
				Formula: q.Rate.String() + " 元 × " + m.basisText(i, m.quotaCols[j]) + m.equals(exact, amt)})
		}
	}
}

// Stage 4: projects by priority tier (项目经费, zero-based).
func (r *run) projects() error {
	m, p := r.m, r.m.plan
	n := len(p.Subdistricts)
	demand := make([][]decimal.Decimal, n)
	r.projLine = make([][]int, n)
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		demand[i] = make([]decimal.Decimal, len(p.Projects))
		r.projLine[i] = make([]int, len(p.Projects))
		for j, pr := range p.Projects {
			exact := pr.UnitCost.Mul(m.sumCols(i, m.projectCols[j]))
			demand[i][j] = m.u.round(exact)
			r.projLine[i][j] = len(a.Lines)
			a.Lines = append(a.Lines, Line{Stage: StageProjects, Item: pr.ID,
				Formula: "需求 " + pr.UnitCost.String() + " 元 × " + m.basisText(i, m.projectCols[j]) + m.equals(exact, demand[i][j])})
		}
	}
	type item struct{ i, j int }
	for _, t := range tierOrder {
		var items []item
		var ds []decimal.Decimal
		T := decimal.Zero
		for i := range p.Subdistricts {
			for j, pr := range p.Projects {
				if pr.Tier == t {
					items = append(items, item{i, j})
					ds = append(ds, demand[i][j])
					T = T.Add(demand[i][j])
				}
			}
		}
		out := TierOutcome{Tier: t, Demand: T}
		if t == TierMandatory {
			if T.GreaterThan(r.remaining) {
				return &RejectedError{Kind: MandatoryUnfunded, Gap: T.Sub(r.remaining),
					Detail: fmt.Sprintf("mandatory demand %s exceeds the %s left after personnel and public costs", m.u.format(T), m.u.format(r.remaining))}
			}
			out.Budget = T
		} else {
			out.Budget = decimal.Min(T, r.remaining)
			if share, ok := p.TierCaps[t]; ok {
				c := m.u.floor(share.Mul(r.res.Pool))
				out.Cap = &c
				out.Budget = decimal.Min(out.Budget, c)
			}
		}
		if len(items) > 0 || !T.IsZero() {
			r.res.Tiers = append(r.res.Tiers, out)
		}
		label := " (" + tierLabel(t) + ")"
		if out.Budget.Equal(T) {
			for k, it := range items {
				l := &r.res.Subdistricts[it.i].Lines[r.projLine[it.i][it.j]]
				l.Amount = ds[k]
				l.Formula += label + ",全额保障"
			}
		} else {
			shares, err := m.u.largestRemainder(out.Budget, decimalWeights(ds))
			if err != nil {
				return fmt.Errorf("tier %s: %w", t, err)
			}
			why := tierLimit(m.u, out, r.remaining)
			for k, it := range items {
				l := &r.res.Subdistricts[it.i].Lines[r.projLine[it.i][it.j]]
				l.Amount = shares[k].Amount
				l.Formula += label + "," + why + ",按需求比例分配: " + m.u.format(out.Budget) + " × " +
					m.u.format(ds[k]) + " / " + m.u.format(T) + m.lrText(shares[k])
			}
		}
		r.remaining = r.remaining.Sub(out.Budget)
	}
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		for j := range p.Projects {
			a.Projects = a.Projects.Add(a.Lines[r.projLine[i][j]].Amount)
		}
	}
	return nil
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
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		text := inc.Rate.String() + " × max(0, " + m.x[i][m.incCur].String() + " [" + inc.Current + "] − " +
			m.x[i][m.incPrev].String() + " [" + inc.Previous + "]) = " + raw[i].String()
		if !shares[i].Amount.Equal(raw[i]) {
			text += ";激励总额 " + m.u.format(b) + " = floor(min(Σ " + sum.String() + budgetText(inc.Budget) +
				", 剩余 " + m.u.format(r.remaining) + ")),按比例: " + m.u.format(b) + " × " + raw[i].String() + " / " + sum.String() + m.lrText(shares[i])
		}
		a.Incentive = shares[i].Amount
		a.Lines = append(a.Lines, Line{Stage: StageIncentive, Item: "tax_growth", Amount: a.Incentive, Formula: text})
	}
	r.res.IncentivePool = b
	r.remaining = r.remaining.Sub(b)
	return nil
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
func (m *Model) lrText(s lrShare) string {
	t := approx(s.Quota) + " → " + m.u.format(s.Amount)
	if s.Extra {
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
