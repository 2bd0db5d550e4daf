package formula

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Warnings are what an accepted result should not leave unsaid (issue 21
// §4): nothing is wrong with the plan, but a person reading only the
// totals would be misled. Each has a stable code, like a problem, and its
// words; the edge renders them beside the result (calc, validate, JSON,
// the dashboard's banner).

// Warning codes.
const (
	// WarnKeptBack: money kept back from the sub-districts (the
	// performance reserve, the damping reserve, the district pool and
	// the district-managed projects, every figure SPEC §6 keeps at the
	// district) above 1% of capacity.
	WarnKeptBack Code = "kept_back"
	// WarnCeilings and WarnFloors: a ceiling or a floor that binds for
	// more than half of the sub-districts, so that the formula decides
	// little and what-ifs barely move the totals.
	WarnCeilings Code = "ceilings_bind"
	WarnFloors   Code = "floors_bind"
	// WarnAbsorbed: overrides (a what-if or a scenario) change some
	// sub-districts' figure before damping, but floors and ceilings
	// absorb all of it: their final amounts are those of the plan
	// without the overrides (Result.CompareWith).
	WarnAbsorbed Code = "override_absorbed"
)

// Warning is one thing an accepted result should say.
type Warning struct {
	Code Code
	Says Words
}

// keptBackShare is the share of capacity above which money kept back is
// worth a warning.
var keptBackShare = decimal.New(1, -2)

// Warnings are the result's warnings, in a fixed order; none for a result
// that allocates as it seems to.
func (r *Result) Warnings() []Warning {
	var out []Warning
	kept := r.PerformanceReserve.Add(r.DampingReserve).Add(r.DistrictPool).Add(r.DistrictManaged)
	if r.Capacity.IsPositive() && kept.GreaterThan(r.Capacity.Mul(keptBackShare)) {
		pct := kept.Mul(decimal.NewFromInt(100)).DivRound(r.Capacity, 2).StringFixed(2)
		out = append(out, Warning{WarnKeptBack, Say(textWarnKeptBack, num(kept), pct, r.keptParts(), r.Ceilinged, r.Floored)})
	}
	n := len(r.Subdistricts)
	if 2*r.Ceilinged > n {
		out = append(out, Warning{WarnCeilings, Say(textWarnCeilings, r.Ceilinged, n)})
	}
	if 2*r.Floored > n {
		out = append(out, Warning{WarnFloors, Say(textWarnFloors, r.Floored, n)})
	}
	if len(r.absorbed) > 0 {
		names := r.absorbed
		if len(names) > absorbedNamed {
			names = append(names[:absorbedNamed:absorbedNamed], wordAndMore)
		}
		out = append(out, Warning{WarnAbsorbed, Say(textWarnAbsorbed, len(r.absorbed), strings.Join(names, "、"))})
	}
	return out
}

// keptParts lists the non-zero parts of the money kept back, each with
// its amount, for WarnKeptBack.
func (r *Result) keptParts() []Words {
	var out []Words
	for _, p := range []struct {
		text   Text
		amount decimal.Decimal
	}{{textWarnPartPerformance, r.PerformanceReserve}, {textWarnPartDamping, r.DampingReserve},
		{textWarnPartPool, r.DistrictPool}, {textWarnPartManaged, r.DistrictManaged}} {
		if p.amount.IsZero() {
			continue
		}
		if out != nil {
			out = append(out, Say(textWarnPartSep))
		}
		out = append(out, Say(p.text, num(p.amount)))
	}
	return out
}

// absorbedNamed is how many sub-districts WarnAbsorbed names.
const absorbedNamed = 5

// CompareWith notes base, the result of the same plan without the
// overrides r was computed with, so that Warnings says which
// sub-districts' figure before damping the overrides changed while their
// final amount stayed base's (WarnAbsorbed). Call it once, before r is
// shared; base may have no lines (EvaluateTotals).
func (r *Result) CompareWith(base *Result) {
	r.absorbed = nil
	if base == nil {
		return
	}
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		b, ok := base.Find(a.ID)
		if !ok || a.Damping.IsZero() && b.Damping.IsZero() {
			continue
		}
		pre, basePre := a.Total.Sub(a.Damping), b.Total.Sub(b.Damping)
		if !pre.Equal(basePre) && a.Total.Equal(b.Total) {
			r.absorbed = append(r.absorbed, a.Name)
		}
	}
}
