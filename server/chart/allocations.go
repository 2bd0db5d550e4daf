package chart

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
)

// Components draws one bar per sub-district, stacked in absolute amounts
// (万元) by the six components in the order of the stages (rules §3),
// personnel at the bottom. A negative component (damping, when a ceiling
// cuts a sub-district) is drawn from the zero line downwards, so every
// segment's length is its amount; a black rule across such a bar marks its
// net total. Each bar is labelled with its total when there is room.
func Components(res *formula.Result, f Format) ([]byte, error) {
	if err := checkResult("the", res); err != nil {
		return nil, err
	}
	return drawBars(componentBars(res), f)
}

// componentBars are the bars of [Components].
func componentBars(res *formula.Result) *bars {
	b := &bars{
		plan:  res.Plan.Name,
		title: " · " + msg.ChartComponents.In(msg.Zh),
		unit:  msg.ChartWan.In(msg.Zh),
	}
	for k := range componentLabels {
		b.parts = append(b.parts, legendItem{label: componentLabels[k], color: componentColors[k]})
	}
	transfers := res.Plan.HasTransfers()
	if transfers {
		b.parts = append(b.parts, legendItem{label: msg.ChartTransfers.In(msg.Zh), color: colorTransfers})
	}
	anyMark := false
	for i := range res.Subdistricts {
		a := &res.Subdistricts[i]
		row := make([]float64, 0, 6)
		negative := false
		for _, x := range a.Components() {
			row = append(row, wan(x))
			negative = negative || x.IsNegative()
		}
		if transfers {
			row = append(row, wan(a.Transfers))
		}
		mark := math.NaN()
		if negative {
			mark, anyMark = wan(a.Total), true
		}
		b.names = append(b.names, label(a.Name))
		b.values = append(b.values, row)
		b.marks = append(b.marks, mark)
		b.labels = append(b.labels, formatWan(a.Total, false))
	}
	if anyMark {
		b.mark = &legendItem{label: msg.ChartTotalAfterCap.In(msg.Zh), color: colorMark, line: true}
	}
	return b
}

// Compare draws the change of each sub-district's total from base to
// scenario: increases above the zero line, decreases below it. Sub-districts
// are matched by id in the base's order; one missing from the scenario
// counts as zero there (as in report.NewCompare). The unit is 万元, or 元
// when no change reaches 1 万元, so small what-ifs stay readable.
func Compare(base, scenario *formula.Result, f Format) ([]byte, error) {
	if err := checkResult("the base", base); err != nil {
		return nil, err
	}
	if err := checkResult("the scenario", scenario); err != nil {
		return nil, err
	}
	return drawBars(compareBars(base, scenario, msg.ChartScenarioChange.In(msg.Zh)), f)
}

// compareBars are the bars of [Compare]; what names the comparison in
// the title.
func compareBars(base, scenario *formula.Result, what string) *bars {
	changes := make([]decimal.Decimal, len(base.Subdistricts))
	var sum decimal.Decimal
	small := true
	for i := range base.Subdistricts {
		a := &base.Subdistricts[i]
		after := decimal.Zero
		if s, ok := scenario.Find(a.ID); ok {
			after = s.Total
		}
		changes[i] = after.Sub(a.Total)
		sum = sum.Add(changes[i])
		small = small && changes[i].Abs().LessThan(decimal.NewFromInt(10000))
	}
	unit, scale, format := msg.ChartWan.In(msg.Zh), wan, func(d decimal.Decimal) string { return formatWan(d, true) }
	if small {
		unit, scale, format = msg.ChartYuan.In(msg.Zh), func(d decimal.Decimal) float64 { return d.InexactFloat64() }, signedAmount(scenario)
	}
	b := &bars{
		plan:      base.Plan.Name,
		title:     " · " + msg.ChartCompareTitle.In(msg.Zh, what, format(sum), unit),
		unit:      unit,
		parts:     []legendItem{{label: msg.ChartIncrease.In(msg.Zh), color: colorIncrease}, {label: msg.ChartDecrease.In(msg.Zh), color: colorDecrease}},
		symmetric: true,
	}
	for i := range base.Subdistricts {
		v := scale(changes[i])
		b.names = append(b.names, label(base.Subdistricts[i].Name))
		b.values = append(b.values, []float64{math.Max(v, 0), math.Min(v, 0)})
		b.labels = append(b.labels, format(changes[i]))
	}
	return b
}

// signedAmount formats an amount in 元 at the result's rounding unit, with
// digit grouping and a sign on increases.
func signedAmount(r *formula.Result) func(decimal.Decimal) string {
	fm := numfmt.NewFmt(r)
	return func(d decimal.Decimal) string {
		s := numfmt.Group(fm.Amount(d))
		if d.IsPositive() {
			s = "+" + s
		}
		return s
	}
}

// PerCapita draws each sub-district's total divided by a quantity of its
// plan data, in 元 per unit. quantity is a name from [subdistrict.quantities]
// (such as "resident_population") or "staff.ID" for a headcount. A quantity
// that is empty, missing from a sub-district or zero in one gives an error
// wrapping [ErrBadQuantity]. Names ending in "population" are taken to be
// residents and titled 人均 (元/人).
func PerCapita(res *formula.Result, quantity string, f Format) ([]byte, error) {
	if err := checkResult("the", res); err != nil {
		return nil, err
	}
	b, err := perCapitaBars(res, quantity)
	if err != nil {
		return nil, err
	}
	return drawBars(b, f)
}

// perCapitaBars are the bars of [PerCapita].
func perCapitaBars(res *formula.Result, quantity string) (*bars, error) {
	if quantity == "" {
		return nil, fail(ErrBadQuantity, msg.ChartNoQuantity)
	}
	plan := subdistrictsByID(res.Plan)
	unit, what := msg.ChartPerUnit.In(msg.Zh, quantity), msg.ChartPerQuantity.In(msg.Zh, quantity)
	if name := res.Plan.QuantityName(quantity); name != quantity { // [quantity_labels]
		unit, what = msg.ChartPerUnit.In(msg.Zh, cmp.Or(res.Plan.QuantityUnit(quantity), name)), msg.ChartPerNamed.In(msg.Zh, name)
	}
	if strings.HasSuffix(quantity, "population") {
		unit, what = msg.ChartPerPerson.In(msg.Zh), msg.ChartPerCapita.In(msg.Zh)
	}
	b := &bars{
		plan:  res.Plan.Name,
		title: " · " + what,
		unit:  unit,
		parts: []legendItem{{label: what, color: colorPersonnel}},
	}
	for i := range res.Subdistricts {
		a := &res.Subdistricts[i]
		q, err := quantityOf(plan[a.ID], a.ID, quantity)
		if err != nil {
			return nil, err
		}
		per := a.Total.DivRound(q, 2)
		b.names = append(b.names, label(a.Name))
		b.values = append(b.values, []float64{per.InexactFloat64()})
		b.labels = append(b.labels, numfmt.Group(per.StringFixed(perPlaces(per))))
	}
	return b, nil
}

// perPlaces shows per-unit amounts of 100 元 and more without decimals.
func perPlaces(d decimal.Decimal) int32 {
	if d.Abs().GreaterThanOrEqual(decimal.NewFromInt(100)) {
		return 0
	}
	return 2
}

func subdistrictsByID(p *formula.Plan) map[string]*formula.Subdistrict {
	m := make(map[string]*formula.Subdistrict, len(p.Subdistricts))
	for i := range p.Subdistricts {
		m[p.Subdistricts[i].ID] = &p.Subdistricts[i]
	}
	return m
}

// quantityOf looks a quantity up in a sub-district's plan data: a value
// of [subdistrict.quantities], or a headcount for "staff.ID".
func quantityOf(s *formula.Subdistrict, id, quantity string) (decimal.Decimal, error) {
	if s == nil {
		return decimal.Zero, fail(ErrBadQuantity, msg.ChartSubMissing, id)
	}
	var (
		q  decimal.Decimal
		ok bool
	)
	if cat, isStaff := strings.CutPrefix(quantity, formula.StaffRefPrefix); isStaff {
		q, ok = s.Staff.Value(cat), true // a missing headcount is 0 (rules §2)
	} else {
		q, ok = s.Quantities.Get(quantity)
	}
	if !ok {
		return decimal.Zero, fail(ErrBadQuantity, msg.ChartQuantityMissing, quantity, id)
	}
	if !q.IsPositive() {
		return decimal.Zero, fail(ErrBadQuantity, msg.ChartQuantityZero, quantity, q.String(), id)
	}
	return q, nil
}

// PerQuantities returns the names of the quantities present in every
// sub-district of the result's plan, in sorted order: the quantities a
// per-capita chart can divide by (headcounts "staff.ID" aside).
func PerQuantities(res *formula.Result) []string {
	if res == nil || res.Plan == nil || len(res.Plan.Subdistricts) == 0 {
		return nil
	}
	var names []string
	for name := range res.Plan.Subdistricts[0].Quantities.All() {
		all := true
		for _, s := range res.Plan.Subdistricts[1:] {
			if !s.Quantities.Has(name) {
				all = false
				break
			}
		}
		if all {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// DefaultPer returns the quantity a per-capita chart divides by when the
// caller names none: the plan's [plan] population when it names one, else
// "resident_population" or else "population" when every sub-district has
// it, else "".
func DefaultPer(res *formula.Result) string {
	if res != nil && res.Plan != nil && res.Plan.Population != "" {
		return res.Plan.Population
	}
	have := map[string]bool{}
	for _, q := range PerQuantities(res) {
		have[q] = true
	}
	for _, q := range []string{"resident_population", "population"} {
		if have[q] {
			return q
		}
	}
	return ""
}
