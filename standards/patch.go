package standards

import (
	"maps"
	"slices"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// This file is a what-if's fast path. Most what-ifs change numbers only —
// the capacity, a rate, a weight, a unit cost, a sub-district's quantity —
// and are asked for again and again with different values. For those the
// base plan is converted once; each what-if copies only the parts of the
// converted plan its overrides touch (copy on write) and shares the rest,
// and formula.Compile then validates the copy in full, as for any plan.
//
// Anything else goes the general way (clone the document, set, convert,
// validate): a text or list value, a project's tier or the performance
// mode, a number the converter checks further (the fiscal year), a value
// that does not read as a number, a path that names nothing, and any plan
// the rules then reject, so that problems keep their file, line and
// "(after overrides)" wording. Both ways find paths in the one path table
// (paths.go) and give the same plan: TestPatchMatchesApply and
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
// at a path whose field has a fast setter; the caller then takes the
// general way.
func (d *Document) patch(ovs []Override) *formula.Plan {
	return d.patchOn(d.base(), ovs)
}

// patchOn is patch on a copy of m's plan (the document's model or one
// derived from it, whatif_shapes.go).
func (d *Document) patchOn(m *formula.Model, ovs []Override) *formula.Plan {
	if m == nil {
		return nil
	}
	c := *m.Plan()
	pt := &patcher{p: &c}
	for _, o := range ovs {
		f, at, ok := lookup(o.Path)
		if !ok || f.plan == nil || d.doc.isDated(f, at) {
			return nil
		}
		n := parseNumber(o.Value)
		if n.Problem != nil || n.dated != nil || !f.plan(pt, at, n.Dec) {
			return nil
		}
	}
	return pt.p
}

// patcher copies each part of the plan the first time an override writes
// to it; everything else stays shared with the base.
type patcher struct {
	p        *formula.Plan   // the copy: the plan struct itself is copied up front
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

// How the path table sets a number in the patcher's copy of the plan
// (the plan side of fields in paths.go). Each setter reports false when
// the plan has no such table or entry, and the general way then reports
// the path; the first entry with the id is the one set.

// planSetter sets one numeric field in the patcher's copy.
type planSetter = func(pt *patcher, at match, v decimal.Decimal) bool

// planTop sets a number of the plan itself, which the copy holds by value.
func planTop(set func(*formula.Plan, decimal.Decimal)) planSetter {
	return func(pt *patcher, _ match, v decimal.Decimal) bool {
		set(pt.p, v)
		return true
	}
}

// planEntry sets a number of the entry whose id matched "*" in one of the
// plan's lists, copying the list (part) first.
func planEntry[T any](part string, list func(*formula.Plan) *[]T, id func(*T) string, set func(*T, decimal.Decimal)) planSetter {
	return func(pt *patcher, at match, v decimal.Decimal) bool {
		l := list(pt.p)
		i := slices.IndexFunc(*l, func(e T) bool { return id(&e) == at.id })
		if i < 0 {
			return false
		}
		cloneOnce(pt, part, l)
		set(&(*l)[i], v)
		return true
	}
}

// planOptional sets a number of an optional table, copying the table
// (part) first.
func planOptional[T any](part string, table func(*formula.Plan) **T, set func(*T, decimal.Decimal)) planSetter {
	return func(pt *patcher, _ match, v decimal.Decimal) bool {
		t := table(pt.p)
		if *t == nil {
			return false
		}
		if pt.once(part) {
			c := **t
			*t = &c
		}
		set(*t, v)
		return true
	}
}

func planStaff(set func(*formula.Staff, decimal.Decimal)) planSetter {
	return planEntry("staff", func(p *formula.Plan) *[]formula.Staff { return &p.Staff },
		func(s *formula.Staff) string { return s.ID }, set)
}

func planQuota(set func(*formula.Quota, decimal.Decimal)) planSetter {
	return planEntry("quota", func(p *formula.Plan) *[]formula.Quota { return &p.Quotas },
		func(q *formula.Quota) string { return q.ID }, set)
}

func planProject(set func(*formula.Project, decimal.Decimal)) planSetter {
	return planEntry("project", func(p *formula.Plan) *[]formula.Project { return &p.Projects },
		func(pr *formula.Project) string { return pr.ID }, set)
}

func planSubdistrict(set func(*formula.Subdistrict, decimal.Decimal)) planSetter {
	return planEntry("subdistrict", func(p *formula.Plan) *[]formula.Subdistrict { return &p.Subdistricts },
		func(s *formula.Subdistrict) string { return s.ID }, set)
}

func planTransfer(set func(*formula.Transfer, decimal.Decimal)) planSetter {
	return planEntry("transfer", func(p *formula.Plan) *[]formula.Transfer { return &p.Transfers },
		func(t *formula.Transfer) string { return t.ID }, set)
}

// planBlockAmount sets [block] amount, adding [block] when the plan has
// none, as the general way does.
func planBlockAmount(pt *patcher, _ match, v decimal.Decimal) bool {
	pt.p.Block = &formula.Block{Amount: &v}
	return true
}

func planIncentive(set func(*formula.Incentive, decimal.Decimal)) planSetter {
	return planOptional("incentive", func(p *formula.Plan) **formula.Incentive { return &p.Incentive }, set)
}

func planDamping(set func(*formula.Damping, decimal.Decimal)) planSetter {
	return planOptional("damping", func(p *formula.Plan) **formula.Damping { return &p.Damping }, set)
}

// planTierCap sets the cap of a tier that may be capped (A to D); a tier
// name the converter would reject is left to the general way.
func planTierCap(pt *patcher, at match, v decimal.Decimal) bool {
	t, ok := formula.ParseTier(at.id)
	if !ok || t == formula.TierMandatory {
		return false
	}
	p := pt.p
	if pt.once("tiers") {
		p.TierCaps = maps.Clone(p.TierCaps)
		if p.TierCaps == nil {
			p.TierCaps = map[formula.Tier]decimal.Decimal{}
		}
	}
	p.TierCaps[t] = v
	return true
}

// planCoefficient sets a performance coefficient, new or not.
func planCoefficient(pt *patcher, at match, v decimal.Decimal) bool {
	p := pt.p
	if p.Performance == nil {
		return false
	}
	if pt.once("performance") {
		perf := *p.Performance
		perf.Coefficients = maps.Clone(perf.Coefficients)
		p.Performance = &perf
	}
	p.Performance.Coefficients[at.name] = v
	return true
}

// planProjectCoefficient sets a project-rating coefficient, new or not.
func planProjectCoefficient(pt *patcher, at match, v decimal.Decimal) bool {
	p := pt.p
	if p.ProjectPerformance == nil {
		return false
	}
	if pt.once("project_performance") {
		pp := *p.ProjectPerformance
		pp.Coefficients = maps.Clone(pp.Coefficients)
		p.ProjectPerformance = &pp
	}
	p.ProjectPerformance.Coefficients[at.name] = v
	return true
}

// planFactorWeight sets the weight of the factor with the id.
func planFactorWeight(pt *patcher, at match, v decimal.Decimal) bool {
	p := pt.p
	f := slices.IndexFunc(p.Factors, func(f formula.Factor) bool { return f.ID == at.id })
	if f < 0 {
		return false
	}
	cloneOnce(pt, "factor", &p.Factors)
	p.Factors[f].Weight = v
	return true
}

// planIndicatorWeight sets the weight of an indicator (by its quantity)
// of the factor with the id, copying the factor's indicators first.
func planIndicatorWeight(pt *patcher, at match, v decimal.Decimal) bool {
	p := pt.p
	f := slices.IndexFunc(p.Factors, func(f formula.Factor) bool { return f.ID == at.id })
	if f < 0 {
		return false
	}
	k := slices.IndexFunc(p.Factors[f].Indicators, func(in formula.Indicator) bool { return in.Quantity == at.name })
	if k < 0 {
		return false
	}
	cloneOnce(pt, "factor", &p.Factors)
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
	subExecution
)

// planSubdistrictMap sets a key, new or not, of one of a sub-district's
// maps of numbers (which), copying the map the first time.
func planSubdistrictMap(which int) planSetter {
	return func(pt *patcher, at match, v decimal.Decimal) bool {
		p := pt.p
		i := slices.IndexFunc(p.Subdistricts, func(s formula.Subdistrict) bool { return s.ID == at.id })
		if i < 0 {
			return false
		}
		cloneOnce(pt, "subdistrict", &p.Subdistricts)
		s := &p.Subdistricts[i]
		if pt.subMaps == nil {
			pt.subMaps = map[[2]int]bool{}
		}
		first := !pt.subMaps[[2]int{i, which}]
		pt.subMaps[[2]int{i, which}] = true
		if which == subExecution {
			if first {
				s.Execution = maps.Clone(s.Execution)
				if s.Execution == nil {
					s.Execution = map[string]decimal.Decimal{}
				}
			}
			s.Execution[at.name] = v
			return true
		}
		vs := [...]*formula.Values{&s.Staff, &s.Payroll, &s.Quantities}[which]
		if first {
			*vs = vs.Clone()
		}
		vs.Set(at.name, v)
		return true
	}
}
