package standards

import (
	"maps"
	"slices"
	"strings"
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
// wording. Both ways give the same plan: TestPatchMatchesApply and
// FuzzOverride hold them to it.

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
		n := parseNumber(o.Value)
		if n.Problem != "" || !pt.set(strings.Split(o.Path, "."), n.Dec) {
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

// set writes v at path, mirroring document.set for the numeric paths. It
// reports false for any path it does not handle.
func (pt *patcher) set(parts []string, v decimal.Decimal) bool {
	if len(parts) < 2 {
		return false
	}
	p, rest := pt.p, parts[1:]
	switch parts[0] {
	case "plan":
		if len(rest) != 1 {
			return false
		}
		switch rest[0] {
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
		i := index(p.Staff, rest, func(s formula.Staff) string { return s.ID })
		if i < 0 {
			return false
		}
		cloneOnce(pt, "staff", &p.Staff)
		switch rest[1] {
		case "annual_pay":
			p.Staff[i].AnnualPay = v
		case "oncost_rate":
			p.Staff[i].OncostRate = v
		default:
			return false
		}
		return true
	case "quota":
		i := index(p.Quotas, rest, func(q formula.Quota) string { return q.ID })
		if i < 0 || rest[1] != "rate" {
			return false
		}
		cloneOnce(pt, "quota", &p.Quotas)
		p.Quotas[i].Rate = v
		return true
	case "project":
		i := index(p.Projects, rest, func(pr formula.Project) string { return pr.ID })
		if i < 0 || rest[1] != "unit_cost" {
			return false
		}
		cloneOnce(pt, "project", &p.Projects)
		p.Projects[i].UnitCost = v
		return true
	case "tiers":
		t, ok := formula.ParseTier(rest[0])
		if len(rest) != 2 || rest[1] != "max_share" || !ok || t == formula.TierMandatory {
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
		return pt.setFactor(rest, v)
	case "performance":
		key := strings.Join(rest[min(1, len(rest)):], ".")
		if p.Performance == nil || len(rest) < 2 || rest[0] != "coefficients" || key == "" {
			return false
		}
		if pt.once("performance") {
			perf := *p.Performance
			perf.Coefficients = maps.Clone(perf.Coefficients)
			p.Performance = &perf
		}
		p.Performance.Coefficients[key] = v
		return true
	case "incentive":
		if p.Incentive == nil || len(rest) != 1 {
			return false
		}
		if pt.once("incentive") {
			inc := *p.Incentive
			p.Incentive = &inc
		}
		switch rest[0] {
		case "rate":
			p.Incentive.Rate = v
		case "budget":
			p.Incentive.Budget = &v
		default:
			return false
		}
		return true
	case "damping":
		if p.Damping == nil || len(rest) != 1 {
			return false
		}
		if pt.once("damping") {
			dm := *p.Damping
			p.Damping = &dm
		}
		switch rest[0] {
		case "floor":
			p.Damping.Floor = &v
		case "ceiling":
			p.Damping.Ceiling = &v
		default:
			return false
		}
		return true
	case "subdistrict":
		return pt.setSubdistrict(rest, v)
	}
	return false
}

// index finds the entry whose id is rest[0], for a path of exactly two
// parts after the table name.
func index[T any](s []T, rest []string, id func(T) string) int {
	if len(rest) != 2 {
		return -1
	}
	return slices.IndexFunc(s, func(e T) bool { return id(e) == rest[0] })
}

func (pt *patcher) setFactor(rest []string, v decimal.Decimal) bool {
	p := pt.p
	if len(rest) < 2 {
		return false
	}
	f := slices.IndexFunc(p.Factors, func(f formula.Factor) bool { return f.ID == rest[0] })
	if f < 0 {
		return false
	}
	k := -1
	switch {
	case len(rest) == 2 && rest[1] == "weight":
	case len(rest) >= 4 && rest[1] == "indicator" && rest[len(rest)-1] == "weight":
		quantity := strings.Join(rest[2:len(rest)-1], ".")
		k = slices.IndexFunc(p.Factors[f].Indicators, func(in formula.Indicator) bool { return in.Quantity == quantity })
		if k < 0 {
			return false
		}
	default:
		return false
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

func (pt *patcher) setSubdistrict(rest []string, v decimal.Decimal) bool {
	p := pt.p
	if len(rest) < 2 {
		return false
	}
	i := slices.IndexFunc(p.Subdistricts, func(s formula.Subdistrict) bool { return s.ID == rest[0] })
	if i < 0 {
		return false
	}
	which := -1
	if len(rest) == 2 {
		if rest[1] != "adjustment" {
			return false
		}
	} else {
		if strings.Join(rest[2:], ".") == "" {
			return false
		}
		switch rest[1] {
		case "staff":
			which = subStaff
		case "payroll":
			which = subPayroll
		case "quantities":
			which = subQuantities
		default:
			return false
		}
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
	(*m)[strings.Join(rest[2:], ".")] = v
	return true
}
