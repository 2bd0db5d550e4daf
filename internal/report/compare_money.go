package report

import (
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/shopspring/decimal"
)

// Where the money goes (rules §6) in a comparison: a row's change of
// transfers (part of its total) and of district-managed amounts (not part
// of it), and the district's own figures (区级统筹, 区级部门统筹, 专项转移
// 支付) beside the sub-districts' totals, so that a saving kept by the
// district shows as one.

// compareMoney says which of the figures of rules §6 a comparison shows:
// those either side's plan has.
type compareMoney struct {
	pool, managed, transfers bool
}

func (m compareMoney) any() bool { return m.pool || m.managed || m.transfers }

func moneyOf(rs ...*formula.Result) compareMoney {
	var m compareMoney
	for _, r := range rs {
		if r == nil || r.Plan == nil {
			continue
		}
		m.pool = m.pool || r.Plan.KeepsDistrictPool()
		m.managed = m.managed || r.Plan.HasDistrictManaged()
		m.transfers = m.transfers || r.Plan.HasTransfers()
	}
	return m
}

// districtSide is the district-level figures of one side of a comparison.
// amount formats it.
func districtSide(amount func(decimal.Decimal) string, m compareMoney, r *formula.Result) DistrictJSON {
	return districtJSON(amount, m, districtFigures(r))
}

// districtJSON is the district-level figures x (in the order of
// districtFigures), formatted by amount.
func districtJSON(amount func(decimal.Decimal) string, m compareMoney, x [7]decimal.Decimal) DistrictJSON {
	opt := func(has bool, d decimal.Decimal) *string {
		if !has {
			return nil
		}
		s := amount(d)
		return &s
	}
	return DistrictJSON{Capacity: amount(x[0]), Reserve: amount(x[1]), PerformanceReserve: amount(x[2]), DampingReserve: amount(x[3]),
		DistrictPool: opt(m.pool, x[4]), DistrictManaged: opt(m.managed, x[5]), Transfers: opt(m.transfers, x[6])}
}

// districtChange is the change of the district-level figures.
func districtChange(cmp Comparison) [7]decimal.Decimal {
	b, s := districtFigures(cmp.Base), districtFigures(cmp.Scenario)
	var d [7]decimal.Decimal
	for k := range d {
		d[k] = s[k].Sub(b[k])
	}
	return d
}

// districtFigures are a result's district-level figures in the order of
// the comparison's district table: capacity, reserve, performance
// reserve, damping reserve, district pool, district-managed, transfers.
func districtFigures(r *formula.Result) [7]decimal.Decimal {
	return [7]decimal.Decimal{r.Capacity, r.Reserve, r.PerformanceReserve, r.DampingReserve, r.DistrictPool, r.DistrictManaged, r.Transfers}
}

// addMoney completes a comparison of a plan with the tables of rules §6:
// each row's change of transfers and managed amounts, the district's
// changes and the sentence saying where the change went. A comparison
// of plans without them is left as it was.
func (c *CompareJSON) addMoney(f numfmt.Fmt, cmp Comparison, pairs [][2]*formula.Allocation) {
	m := moneyOf(cmp.Base, cmp.Scenario)
	c.money = m
	if !m.any() {
		return
	}
	for i := range c.Subdistricts {
		c.Subdistricts[i].Components.moneyChange(f, m, pairs[i][0], pairs[i][1])
	}
	c.Totals.Components.moneyChange(f, m, &formula.Allocation{Transfers: cmp.Base.Transfers, Managed: cmp.Base.DistrictManaged},
		&formula.Allocation{Transfers: cmp.Scenario.Transfers, Managed: cmp.Scenario.DistrictManaged})
	d := districtChange(cmp)
	ch := districtJSON(f.Amount, m, d)
	c.Change = &ch
	c.Where = whereSentence(f, d, sumTotals(cmp.Scenario).Sub(sumTotals(cmp.Base)))
}

// moneyChange sets the transfers and managed changes of a row, scenario
// less base.
func (col *Columns) moneyChange(f numfmt.Fmt, m compareMoney, base, scenario *formula.Allocation) {
	col.Transfers = optAmount(f, m.transfers, scenario.Transfers.Sub(base.Transfers))
	col.Managed = optAmount(f, m.managed, scenario.Managed.Sub(base.Managed))
}

func sumTotals(r *formula.Result) decimal.Decimal {
	var t decimal.Decimal
	for i := range r.Subdistricts {
		t = t.Add(r.Subdistricts[i].Total)
	}
	return t
}

// whereSentence says where a change went (rules §1's identity): the
// sub-districts' totals, the district pool (a rise is a saving), the
// district-managed amounts and the reserves, which add up to the change
// of capacity plus that of transfers. d is the change of districtFigures;
// subs that of the sub-districts' totals. Amounts that did not change are
// left out.
func whereSentence(f numfmt.Fmt, d [7]decimal.Decimal, subs decimal.Decimal) string {
	signed := func(x decimal.Decimal) string {
		s := numfmt.Group(f.Amount(x))
		if x.IsPositive() {
			s = "+" + s
		}
		return s
	}
	var parts []string
	add := func(m msg.Message, x decimal.Decimal) {
		if !x.IsZero() {
			parts = append(parts, m.In(msg.Zh, signed(x)))
		}
	}
	add(msg.RepWhereSubdistricts, subs)
	if d[4].IsPositive() {
		add(msg.RepWhereSaving, d[4])
	} else {
		add(msg.RepWherePool, d[4])
	}
	add(msg.RepWhereManaged, d[5])
	add(msg.RepWhereReserve, d[1])
	add(msg.RepWherePerformanceReserve, d[2])
	add(msg.RepWhereDampingReserve, d[3])
	if len(parts) == 0 {
		parts = append(parts, msg.RepWhereNone.In(msg.Zh))
	}
	return msg.RepWhere.In(msg.Zh, strings.Join(parts, msg.RepWhereSep.In(msg.Zh)), signed(d[0]), signed(d[6]))
}

// compareHeader is the CSV header of comparison c.
func (c *CompareJSON) compareHeader(zhHeads bool) []string {
	h := CompareHeader
	if zhHeads {
		h = CompareHeaderZH
	}
	if c.money.transfers {
		h = append(h[:len(h):len(h)], pick(zhHeads, msg.RepColTransfersChange, colTransfers))
	}
	if c.money.managed {
		h = append(h[:len(h):len(h)], pick(zhHeads, msg.RepColManagedChange, colManaged))
	}
	return h
}

// moneyCells are a row's cells for the transfers and managed changes.
func (r CompareRow) moneyCells() []string {
	var out []string
	for _, p := range []*string{r.Components.Transfers, r.Components.Managed} {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// districtRows are the lines of the comparison table's district part:
// name, base, scenario and change, the figures of rules §6 when shown.
func (c *CompareJSON) districtRows() [][]string {
	ch := c.Change
	if ch == nil {
		ch = &DistrictJSON{}
	}
	line := func(m msg.Message, b, s, d string) []string {
		if c.Change == nil {
			d = ""
		} else if x, err := decimal.NewFromString(d); err == nil && x.IsPositive() {
			d = "+" + numfmt.Group(d)
		} else {
			d = numfmt.Group(d)
		}
		return []string{m.In(msg.Zh), numfmt.Group(b), numfmt.Group(s), d}
	}
	rows := [][]string{
		line(msg.RepCapacity, c.Base.Capacity, c.Scenario.Capacity, ch.Capacity),
		line(msg.RepReserve, c.Base.Reserve, c.Scenario.Reserve, ch.Reserve),
		line(msg.RepPerformanceReserve, c.Base.PerformanceReserve, c.Scenario.PerformanceReserve, ch.PerformanceReserve),
		line(msg.RepDampingReserve, c.Base.DampingReserve, c.Scenario.DampingReserve, ch.DampingReserve),
	}
	opt := func(m msg.Message, b, s, d *string) {
		if b != nil && s != nil && d != nil {
			rows = append(rows, line(m, *b, *s, *d))
		}
	}
	opt(msg.RepDistrictPool, c.Base.DistrictPool, c.Scenario.DistrictPool, ch.DistrictPool)
	opt(msg.RepColManaged, c.Base.DistrictManaged, c.Scenario.DistrictManaged, ch.DistrictManaged)
	opt(msg.RepColTransfers, c.Base.Transfers, c.Scenario.Transfers, ch.Transfers)
	return rows
}

// managedChangeWan is each sub-district's change of district-managed
// amounts (not part of its total) in cents of 万元, rounded on its own to
// add up to its total (numfmt.LargestRemainder); nil without the column.
func managedChangeWan(c Comparison, m compareMoney) (rows []int64, total int64) {
	if !m.managed {
		return nil, 0
	}
	xs := make([]decimal.Decimal, len(c.Base.Subdistricts))
	for i := range c.Base.Subdistricts {
		b := &c.Base.Subdistricts[i]
		s, ok := c.Scenario.Find(b.ID)
		if !ok {
			s = &formula.Allocation{}
		}
		xs[i] = s.Managed.Sub(b.Managed)
	}
	return numfmt.LargestRemainder(xs)
}
