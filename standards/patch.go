package standards

import (
	"maps"
	"slices"
	"sync"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

// This file is a what-if's fast path. Most what-ifs change numbers only —
// the capacity, a rate, a weight, a unit cost, a sub-district's quantity —
// and are asked for again and again with different values. For those the
// base plan is converted once; each what-if copies only the parts of the
// converted plan its overrides touch (copy on write) and shares the rest,
// and formula.Compile then validates the copy in full, as for any plan.
//
// Anything else goes the general way (clone the document, set, convert,
// validate): a text or list value, a tier or a mode, a value that does not
// read as a number, a path that names nothing, and any plan the rules then
// reject, so that problems keep their file, line and "(after overrides)"
// wording. Both ways read paths with parsePath (override.go) and give the
// same plan: TestPatchMatchesApply and FuzzOverride hold them to it.

// lazyModel is the base plan compiled once, on first use.
type lazyModel struct {
	once sync.Once
	m    *formula.Model // nil when the plan as written does not compile
}

// base returns the document's compiled plan, or nil when it has problems.
func (d *Document) base() *formula.Model {
	if d.model != nil {
		return d.model
	}
	if d.lazy == nil {
		return nil
	}
	d.lazy.once.Do(func() {
		if m, ps, err := compile(d.doc); err == nil && len(ps) == 0 {
			d.lazy.m = m
		}
	})
	return d.lazy.m
}

// patch applies numeric overrides to a copy of the base plan. It returns
// nil when the base does not compile or an override is not a plain number
// at a numeric path; the caller then takes the general way.
func (d *Document) patch(ovs []Override) *formula.Plan {
	m := d.base()
	if m == nil {
		return nil
	}
	pt := &patcher{base: m.Plan()}
	c := *pt.base
	pt.p = &c
	for _, o := range ovs {
		ref, ok := parsePath(o.Path)
		if !ok {
			return nil
		}
		n := parseNumber(o.Value)
		if n.Problem != "" || !pt.set(ref, n.Dec) {
			return nil
		}
	}
	return pt.p
}

// patcher copies each part of the plan the first time an override writes
// to it; everything else stays shared with the base.
type patcher struct {
	base, p  *formula.Plan
	done     map[string]bool // parts already copied
	subMaps  map[[2]int]bool // (sub-district, map) already copied
	indsDone map[int]bool    // factors whose indicators are copied
}

// once reports whether part is being copied for the first time.
func (pt *patcher) once(part string) bool {
	if pt.done == nil {
		pt.done = map[string]bool{}
	}
	if pt.done[part] {
		return false
	}
	pt.done[part] = true
	return true
}

// cloneOnce copies the slice *s the first time part is written to.
func cloneOnce[T any](pt *patcher, part string, s *[]T) {
	if pt.once(part) {
		*s = slices.Clone(*s)
	}
}

// set writes v at the path ref, as document.set would for the numeric
// fields. It reports false for any path it does not handle.
func (pt *patcher) set(ref pathRef, v decimal.Decimal) bool {
	p := pt.p
	switch ref.table {
	case "plan":
		switch ref.key {
		case "capacity":
			p.Capacity = v
		case "reserve_rate":
			p.ReserveRate = v
		case "rounding_unit":
			p.RoundingUnit = v
		default:
			return false
		}
		return true
	case "staff":
		i := slices.IndexFunc(p.Staff, func(s formula.Staff) bool { return s.ID == ref.id })
		if i < 0 || ref.key != "annual_pay" && ref.key != "oncost_rate" {
			return false
		}
		cloneOnce(pt, "staff", &p.Staff)
		if ref.key == "annual_pay" {
			p.Staff[i].AnnualPay = v
		} else {
			p.Staff[i].OncostRate = v
		}
		return true
	case "quota":
		i := slices.IndexFunc(p.Quotas, func(q formula.Quota) bool { return q.ID == ref.id })
		if i < 0 || ref.key != "rate" {
			return false
		}
		cloneOnce(pt, "quota", &p.Quotas)
		p.Quotas[i].Rate = v
		return true
	case "project":
		i := slices.IndexFunc(p.Projects, func(pr formula.Project) bool { return pr.ID == ref.id })
		if i < 0 || ref.key != "unit_cost" {
			return false
		}
		cloneOnce(pt, "project", &p.Projects)
		p.Projects[i].UnitCost = v
		return true
	case "tiers":
		t, ok := formula.ParseTier(ref.id)
		if ref.key != "max_share" || !ok || t == formula.TierMandatory {
			return false
		}
		if pt.once("tiers") {
			p.TierCaps = maps.Clone(p.TierCaps)
			if p.TierCaps == nil {
				p.TierCaps = map[formula.Tier]decimal.Decimal{}
			}
		}
		p.TierCaps[t] = v
		return true
	case "factor":
		return pt.setFactor(ref, v)
	case "performance":
		if p.Performance == nil || ref.sub != "coefficients" {
			return false
		}
		if pt.once("performance") {
			perf := *p.Performance
			perf.Coefficients = maps.Clone(perf.Coefficients)
			p.Performance = &perf
		}
		p.Performance.Coefficients[ref.key] = v
		return true
	case "incentive":
		if p.Incentive == nil || ref.key != "rate" && ref.key != "budget" {
			return false
		}
		if pt.once("incentive") {
			inc := *p.Incentive
			p.Incentive = &inc
		}
		if ref.key == "rate" {
			p.Incentive.Rate = v
		} else {
			p.Incentive.Budget = &v
		}
		return true
	case "damping":
		if p.Damping == nil || ref.key != "floor" && ref.key != "ceiling" {
			return false
		}
		if pt.once("damping") {
			dm := *p.Damping
			p.Damping = &dm
		}
		if ref.key == "floor" {
			p.Damping.Floor = &v
		} else {
			p.Damping.Ceiling = &v
		}
		return true
	case "subdistrict":
		return pt.setSubdistrict(ref, v)
	}
	return false
}

func (pt *patcher) setFactor(ref pathRef, v decimal.Decimal) bool {
	p := pt.p
	f := slices.IndexFunc(p.Factors, func(f formula.Factor) bool { return f.ID == ref.id })
	if f < 0 || ref.key != "weight" {
		return false
	}
	k := -1
	if ref.sub != "" {
		k = slices.IndexFunc(p.Factors[f].Indicators, func(in formula.Indicator) bool { return in.Quantity == ref.sub })
		if k < 0 {
			return false
		}
	}
	cloneOnce(pt, "factor", &p.Factors)
	if k < 0 {
		p.Factors[f].Weight = v
		return true
	}
	if pt.indsDone == nil {
		pt.indsDone = map[int]bool{}
	}
	if !pt.indsDone[f] {
		pt.indsDone[f] = true
		p.Factors[f].Indicators = slices.Clone(p.Factors[f].Indicators)
	}
	p.Factors[f].Indicators[k].Weight = v
	return true
}

// Sub-district maps, numbered for the copy-on-write bookkeeping.
const (
	subStaff = iota
	subPayroll
	subQuantities
)

func (pt *patcher) setSubdistrict(ref pathRef, v decimal.Decimal) bool {
	p := pt.p
	i := slices.IndexFunc(p.Subdistricts, func(s formula.Subdistrict) bool { return s.ID == ref.id })
	if i < 0 {
		return false
	}
	which := -1
	switch ref.sub {
	case "":
		if ref.key != "adjustment" {
			return false
		}
	case "staff":
		which = subStaff
	case "payroll":
		which = subPayroll
	case "quantities":
		which = subQuantities
	default:
		return false
	}
	cloneOnce(pt, "subdistrict", &p.Subdistricts)
	s := &p.Subdistricts[i]
	if which < 0 {
		s.Adjustment = &v
		return true
	}
	if pt.subMaps == nil {
		pt.subMaps = map[[2]int]bool{}
	}
	m := [...]*map[string]decimal.Decimal{&s.Staff, &s.Payroll, &s.Quantities}[which]
	if !pt.subMaps[[2]int{i, which}] {
		pt.subMaps[[2]int{i, which}] = true
		*m = maps.Clone(*m)
		if *m == nil {
			*m = map[string]decimal.Decimal{}
		}
	}
	(*m)[ref.key] = v
	return true
}
