package chart

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// ErrNoBaseline: a compare chart without a what-if needs last year's
// baseline ([damping] baseline), and the plan has none.
var ErrNoBaseline = errors.New("no baseline to compare with")

// baselineResult makes the base of a compare chart without a what-if:
// for each sub-district, last year's baseline ([damping] baseline) as the
// base and this year's damping measure — the total less the components
// [damping] exclude leaves out, as damping compares them — as the
// scenario. what names the comparison for the title.
func baselineResult(res *formula.Result) (base, scenario *formula.Result, what string, err error) {
	if err := checkResult("the", res); err != nil {
		return nil, nil, "", err
	}
	d := res.Plan.Damping
	if d == nil || d.Baseline == "" {
		return nil, nil, "", fail(ErrNoBaseline, msg.ChartNoBaseline)
	}
	plan := subdistrictsByID(res.Plan)
	base = &formula.Result{Plan: res.Plan, Unit: res.Unit}
	scenario = &formula.Result{Plan: res.Plan, Unit: res.Unit}
	for i := range res.Subdistricts {
		a := &res.Subdistricts[i]
		s := plan[a.ID]
		if s == nil {
			return nil, nil, "", fail(ErrBadQuantity, msg.ChartSubMissing, a.ID)
		}
		b, ok := s.Quantities.Get(d.Baseline)
		if !ok {
			return nil, nil, "", fail(ErrNoBaseline, msg.ChartQuantityMissing, d.Baseline, a.ID)
		}
		base.Subdistricts = append(base.Subdistricts, formula.Allocation{ID: a.ID, Name: a.Name, Total: b})
		scenario.Subdistricts = append(scenario.Subdistricts, formula.Allocation{ID: a.ID, Name: a.Name, Total: measured(a, d)})
	}
	what = msg.ChartBaselineChange.In(msg.Zh, d.Baseline)
	if len(d.Exclude) > 0 {
		what = msg.ChartExcluding.In(msg.Zh, excludedLabels(d), what)
	}
	return base, scenario, what, nil
}

// measured is what damping measures of a sub-district, after damping:
// its total less the components [damping] exclude names.
func measured(a *formula.Allocation, d *formula.Damping) decimal.Decimal {
	t := a.Total
	c := a.Components()
	for k, name := range formula.ComponentNames {
		for _, ex := range d.Exclude {
			if ex == name {
				t = t.Sub(c[k])
			}
		}
	}
	return t
}

// excludedLabels names the excluded components in Chinese: "人员经费、公用经费".
func excludedLabels(d *formula.Damping) string {
	var out []string
	for k, name := range formula.ComponentNames {
		for _, ex := range d.Exclude {
			if ex == name {
				out = append(out, formula.ComponentLabels[k])
			}
		}
	}
	return strings.Join(out, "、")
}

// CompareBaseline draws the change of each sub-district from last year's
// baseline ([damping] baseline) to this year's damping measure, as
// [Compare] draws a what-if; a plan without a baseline gives an error
// wrapping [ErrNoBaseline].
func CompareBaseline(res *formula.Result, f Format) ([]byte, error) {
	base, scenario, what, err := baselineResult(res)
	if err != nil {
		return nil, err
	}
	return drawBars(compareBars(base, scenario, what), f)
}
