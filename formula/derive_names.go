package formula

import (
	"maps"
	"reflect"
	"slices"
)

// This file spares a what-if that changes no quantity name the numbering
// of the columns (resolve): a capacity, a weight or a rate leaves every
// basis, indicator, incentive and baseline name as it was, and resolve
// would number them as it did for the base.

// sameQuantityNames reports whether p reads the same quantity names as b
// in the same places, so that resolve numbers p's columns as it numbered
// b's.
func sameQuantityNames(p, b *Plan) bool {
	basesEqual := func(n int, x, y func(int) []string) bool {
		for i := range n {
			if !slices.Equal(x(i), y(i)) {
				return false
			}
		}
		return true
	}
	if len(p.Quotas) != len(b.Quotas) || len(p.Projects) != len(b.Projects) ||
		len(p.Factors) != len(b.Factors) || len(p.Transfers) != len(b.Transfers) ||
		(p.Incentive == nil) != (b.Incentive == nil) || (p.Damping == nil) != (b.Damping == nil) {
		return false
	}
	if !basesEqual(len(p.Quotas), func(i int) []string { return p.Quotas[i].Basis }, func(i int) []string { return b.Quotas[i].Basis }) ||
		!basesEqual(len(p.Projects), func(i int) []string { return p.Projects[i].Basis }, func(i int) []string { return b.Projects[i].Basis }) ||
		!basesEqual(len(p.Transfers), func(i int) []string { return p.Transfers[i].Basis }, func(i int) []string { return b.Transfers[i].Basis }) {
		return false
	}
	for f := range p.Factors {
		if !slices.EqualFunc(p.Factors[f].Indicators, b.Factors[f].Indicators, func(x, y Indicator) bool { return x.Quantity == y.Quantity }) {
			return false
		}
	}
	if p.Incentive != nil && (p.Incentive.Current != b.Incentive.Current || p.Incentive.Previous != b.Incentive.Previous) {
		return false
	}
	return p.Damping == nil || p.Damping.Baseline == b.Damping.Baseline
}

// resolveFrom numbers d's columns: as m's when d's plan reads the same
// quantity names (sharing m's column lists, which no one changes), else
// afresh.
func (d *Model) resolveFrom(m *Model) {
	if !sameQuantityNames(d.plan, m.plan) {
		d.resolve()
		return
	}
	d.names, d.quotaCols, d.projectCols, d.indCols = m.names, m.quotaCols, m.projectCols, m.indCols
	d.incCur, d.incPrev, d.baseline, d.transCols = m.incCur, m.incPrev, m.baseline, m.transCols
}

// sameLabels reports whether two plans' quantity labels are equal: at
// once when they are the same map (a what-if shares its base's).
func sameLabels(a, b map[string]QuantityLabel) bool {
	if reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer() {
		return true
	}
	return maps.Equal(a, b)
}
