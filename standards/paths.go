package standards

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file is the one override path table (rules §4). Every field an
// override may set is one entry of fields: its path, the kind of value it
// takes, how to reach it in a document and, for the numeric fields the
// what-if fast path patches, how to set it in a copy of the compiled plan.
// Both ways of applying overrides find a path's entry with lookup and
// nothing else: document.set (override.go) reaches the field through doc,
// the fast path (patch.go) through plan. Each entry also holds the
// field's label and unit, the one source of what the field is called
// wherever a person reads a path (pathlabel.go).

// valueKind is the kind of value a field takes.
type valueKind uint8

const (
	kindNumber     valueKind = iota + 1 // a Number, read from an integer, a float or a string
	kindText                            // a Text, read from a string
	kindNames                           // a Names, read from an array or a comma-separated string
	kindFlag                            // a Flag, read from a boolean or the text true or false
	kindComponents                      // a Components, read from an array or a comma-separated string
	kindBands                           // execution bands, read from an array of inline tables or its TOML text
)

// field is one settable field of a plan.
//
// path is a pattern of dot-separated segments: a literal segment matches
// itself (an empty one an empty segment), "*" any one segment (an entry's
// id, a tier's name) and "**" one or more segments whose text, joined by
// dots, is not empty (a key of a map of numbers, an indicator's quantity;
// either may hold dots).
type field struct {
	path string
	kind valueKind
	// label is what a person reads for the field (pathlabel.go), a format
	// taking the names of what "*" and "**" matched; unit is its unit, the
	// zero Message for a ratio, weight, coefficient or text.
	label, unit msg.Message
	// doc reaches the field in a document: a *Number, *Text, *Names,
	// *Flag or *Components as kind says, or a numberKey (textKey) for a
	// map of numbers (texts). It returns nil when the document has no such
	// table or entry.
	doc docGetter
	// plan sets the field in the patcher's copy of the compiled plan,
	// copying on write what it touches; it reports false when the plan has
	// no such entry. nil for the fields the fast path leaves to the
	// general way (text, lists and numbers the converter checks further).
	plan planSetter

	table string   // the first segment
	segs  []string // the segments
	rest  int      // index of "**" in segs, or -1 (these three filled in by indexFields)
}

// match is what a path's wildcards matched.
type match struct {
	id   string // "*": the entry's id or the tier's name
	name string // "**": the map key or the indicator's quantity
}

// numberKey is a key of a map of numbers in a document.
type numberKey struct {
	m   map[string]Number
	key string
}

// fields is the path table, grouped by table.
var fields = []*field{
	{path: "plan.name", label: msg.PathPlanName, kind: kindText, doc: inPlan(func(p *planDoc) any { return &p.Name })},
	{path: "plan.district", label: msg.PathDistrict, kind: kindText, doc: inPlan(func(p *planDoc) any { return &p.District })},
	{path: "plan.population", label: msg.PathPopulation, kind: kindText, doc: inPlan(func(p *planDoc) any { return &p.Population })},
	{path: "plan.fiscal_year", label: msg.PathFiscalYear, kind: kindNumber, doc: inPlan(func(p *planDoc) any { return &p.FiscalYear })},
	{path: "plan.capacity", label: msg.PathCapacity, unit: msg.UnitYuan, kind: kindNumber, doc: inPlan(func(p *planDoc) any { return &p.Capacity }),
		plan: planTop(func(p *formula.Plan, v decimal.Decimal) { p.Capacity = v })},
	{path: "plan.rounding_unit", label: msg.PathRoundingUnit, unit: msg.UnitYuan, kind: kindNumber, doc: inPlan(func(p *planDoc) any { return &p.RoundingUnit }),
		plan: planTop(func(p *formula.Plan, v decimal.Decimal) { p.RoundingUnit = v })},
	{path: "plan.reserve_rate", label: msg.PathReserveRate, kind: kindNumber, doc: inPlan(func(p *planDoc) any { return &p.ReserveRate }),
		plan: planTop(func(p *formula.Plan, v decimal.Decimal) { p.ReserveRate = v })},

	{path: "staff.*.name", label: msg.PathEntryName, kind: kindText, doc: inStaff(func(s *staffDoc) any { return &s.Name })},
	{path: "staff.*.annual_pay", label: msg.PathAnnualPay, unit: msg.UnitYuan, kind: kindNumber, doc: inStaff(func(s *staffDoc) any { return &s.AnnualPay }),
		plan: planStaff(func(s *formula.Staff, v decimal.Decimal) { s.AnnualPay = v })},
	{path: "staff.*.oncost_rate", label: msg.PathOncostRate, kind: kindNumber, doc: inStaff(func(s *staffDoc) any { return &s.OncostRate }),
		plan: planStaff(func(s *formula.Staff, v decimal.Decimal) { s.OncostRate = v })},

	{path: "quota.*.name", label: msg.PathEntryName, kind: kindText, doc: inQuota(func(q *quotaDoc) any { return &q.Name })},
	{path: "quota.*.rate", label: msg.PathQuotaRate, unit: msg.UnitYuan, kind: kindNumber, doc: inQuota(func(q *quotaDoc) any { return &q.Rate }),
		plan: planQuota(func(q *formula.Quota, v decimal.Decimal) { q.Rate = v })},
	{path: "quota.*.basis", label: msg.PathBasis, kind: kindNames, doc: inQuota(func(q *quotaDoc) any { return &q.Basis })},

	{path: "project.*.name", label: msg.PathEntryName, kind: kindText, doc: inProject(func(p *projectDoc) any { return &p.Name })},
	{path: "project.*.unit_cost", label: msg.PathUnitCost, unit: msg.UnitYuan, kind: kindNumber, doc: inProject(func(p *projectDoc) any { return &p.UnitCost }),
		plan: planProject(func(p *formula.Project, v decimal.Decimal) { p.UnitCost = v })},
	{path: "project.*.basis", label: msg.PathBasis, kind: kindNames, doc: inProject(func(p *projectDoc) any { return &p.Basis })},
	{path: "project.*.tier", label: msg.PathTier, kind: kindText, doc: inProject(func(p *projectDoc) any { return &p.Tier })},
	{path: "project.*.managed", label: msg.PathManaged, kind: kindText, doc: inProject(func(p *projectDoc) any { return &p.Managed })},
	{path: "project.*.department", label: msg.PathDepartment, kind: kindText, doc: inProject(func(p *projectDoc) any { return &p.Department })},

	// A tier the plan does not cap yet is added; the fast path takes only
	// the tiers that may be capped (A to D).
	{path: "tiers.*.max_share", label: msg.PathTierCap, kind: kindNumber, doc: tierMaxShare, plan: planTierCap},
	{path: "tiers.overflow", label: msg.PathOverflow, kind: kindText, doc: tiersValue("overflow")},
	{path: "tiers.cap_base", label: msg.PathCapBase, kind: kindText, doc: tiersValue("cap_base")},

	// Rules §6: [block] amount (the table is added when absent),
	// [project_execution] bands and the transfers.
	{path: "block.amount", label: msg.PathBlockAmount, unit: msg.UnitYuan, kind: kindNumber, doc: blockAmount, plan: planBlockAmount},
	{path: "project_execution.bands", label: msg.PathExecutionBands, kind: kindBands,
		doc: inTable(func(d *document) *projectExecutionDoc { return d.ProjectExecution }, func(pe *projectExecutionDoc) any { return &pe.Bands })},
	{path: "transfer.*.name", label: msg.PathEntryName, kind: kindText, doc: inTransfer(func(t *transferDoc) any { return &t.Name })},
	{path: "transfer.*.amount", label: msg.PathTransferAmount, unit: msg.UnitYuan, kind: kindNumber, doc: inTransfer(func(t *transferDoc) any { return &t.Amount }),
		plan: planTransfer(func(t *formula.Transfer, v decimal.Decimal) { t.Amount = v })},
	{path: "transfer.*.basis", label: msg.PathBasis, kind: kindNames, doc: inTransfer(func(t *transferDoc) any { return &t.Basis })},

	{path: "project_performance.coefficients.**", label: msg.PathProjectCoefficient, kind: kindNumber, doc: projectCoefficient, plan: planProjectCoefficient},

	{path: "factor.*.name", label: msg.PathEntryName, kind: kindText, doc: inFactor(func(f *factorDoc) any { return &f.Name })},
	{path: "factor.*.weight", label: msg.PathFactorWeight, kind: kindNumber, doc: inFactor(func(f *factorDoc) any { return &f.Weight }),
		plan: planFactorWeight},
	{path: "factor.*.indicator.**.weight", label: msg.PathIndicatorWeight, kind: kindNumber, doc: inIndicator(func(in *indicatorDoc) any { return &in.Weight }),
		plan: planIndicatorWeight},
	{path: "factor.*.indicator.**.quantity", label: msg.PathIndicatorQuantity, kind: kindText, doc: inIndicator(func(in *indicatorDoc) any { return &in.Quantity })},
	// An empty quantity names the factor itself, as the path reader always
	// took it: factor.workload.indicator..weight is factor.workload.weight.
	{path: "factor.*.indicator..name", label: msg.PathEntryName, kind: kindText, doc: inFactor(func(f *factorDoc) any { return &f.Name })},
	{path: "factor.*.indicator..weight", label: msg.PathFactorWeight, kind: kindNumber, doc: inFactor(func(f *factorDoc) any { return &f.Weight }),
		plan: planFactorWeight},

	{path: "performance.mode", label: msg.PathPerformanceMode, kind: kindText, doc: inPerformance(func(p *performanceDoc) any { return &p.Mode })},
	{path: "performance.coefficients.**", label: msg.PathCoefficient, kind: kindNumber, doc: coefficient, plan: planCoefficient},

	{path: "incentive.rate", label: msg.PathIncentiveRate, kind: kindNumber, doc: inIncentive(func(in *incentiveDoc) any { return &in.Rate }),
		plan: planIncentive(func(in *formula.Incentive, v decimal.Decimal) { in.Rate = v })},
	{path: "incentive.current", label: msg.PathIncentiveCurrent, kind: kindText, doc: inIncentive(func(in *incentiveDoc) any { return &in.Current })},
	{path: "incentive.previous", label: msg.PathIncentivePrevious, kind: kindText, doc: inIncentive(func(in *incentiveDoc) any { return &in.Previous })},
	{path: "incentive.budget", label: msg.PathIncentiveBudget, unit: msg.UnitYuan, kind: kindNumber, doc: inIncentive(func(in *incentiveDoc) any { return &in.Budget }),
		plan: planIncentive(func(in *formula.Incentive, v decimal.Decimal) { in.Budget = &v })},

	{path: "damping.baseline", label: msg.PathDampingBaseline, kind: kindText, doc: inDamping(func(dd *dampingDoc) any { return &dd.Baseline })},
	{path: "damping.floor", label: msg.PathDampingFloor, kind: kindNumber, doc: inDamping(func(dd *dampingDoc) any { return &dd.Floor }),
		plan: planDamping(func(dm *formula.Damping, v decimal.Decimal) { dm.Floor = &v })},
	{path: "damping.ceiling", label: msg.PathDampingCeiling, kind: kindNumber, doc: inDamping(func(dd *dampingDoc) any { return &dd.Ceiling }),
		plan: planDamping(func(dm *formula.Damping, v decimal.Decimal) { dm.Ceiling = &v })},
	{path: "damping.exclude", label: msg.PathDampingExclude, kind: kindComponents, doc: inDamping(func(dd *dampingDoc) any { return &dd.Exclude })},
	{path: "damping.floor_keeps_rating", label: msg.PathFloorKeeps, kind: kindFlag, doc: inDamping(func(dd *dampingDoc) any { return &dd.FloorKeepsRating })},

	{path: "subdistrict.*.name", label: msg.PathEntryName, kind: kindText, doc: inSubdistrict(func(s *subdistrictDoc) any { return &s.Name })},
	{path: "subdistrict.*.performance", label: msg.PathRating, kind: kindText, doc: inSubdistrict(func(s *subdistrictDoc) any { return &s.Performance })},
	{path: "subdistrict.*.adjustment", label: msg.PathAdjustment, kind: kindNumber, doc: inSubdistrict(func(s *subdistrictDoc) any { return &s.Adjustment }),
		plan: planSubdistrict(func(s *formula.Subdistrict, v decimal.Decimal) { s.Adjustment = &v })},
	// An empty map name names the sub-district itself, as the path reader
	// always took it: subdistrict.east..name is subdistrict.east.name.
	{path: "subdistrict.*..name", label: msg.PathEntryName, kind: kindText, doc: inSubdistrict(func(s *subdistrictDoc) any { return &s.Name })},
	{path: "subdistrict.*..performance", label: msg.PathRating, kind: kindText, doc: inSubdistrict(func(s *subdistrictDoc) any { return &s.Performance })},
	{path: "subdistrict.*..adjustment", label: msg.PathAdjustment, kind: kindNumber, doc: inSubdistrict(func(s *subdistrictDoc) any { return &s.Adjustment }),
		plan: planSubdistrict(func(s *formula.Subdistrict, v decimal.Decimal) { s.Adjustment = &v })},
	{path: "subdistrict.*.staff.**", label: msg.PathHeadcount, unit: msg.UnitPerson, kind: kindNumber, doc: subdistrictMap(func(s *subdistrictDoc) *map[string]Number { return &s.Staff }),
		plan: planSubdistrictMap(subStaff)},
	{path: "subdistrict.*.payroll.**", label: msg.PathPayroll, unit: msg.UnitYuan, kind: kindNumber, doc: subdistrictMap(func(s *subdistrictDoc) *map[string]Number { return &s.Payroll }),
		plan: planSubdistrictMap(subPayroll)},
	{path: "subdistrict.*.quantities.**", label: msg.PathQuantity, kind: kindNumber, doc: subdistrictMap(func(s *subdistrictDoc) *map[string]Number { return &s.Quantities }),
		plan: planSubdistrictMap(subQuantities)},
	{path: "subdistrict.*.project_ratings.**", label: msg.PathProjectRating, kind: kindText, doc: projectRating},
	{path: "subdistrict.*.execution.**", label: msg.PathExecutionRate, kind: kindNumber, doc: subdistrictMap(func(s *subdistrictDoc) *map[string]Number { return &s.Execution }),
		plan: planSubdistrictMap(subExecution)},
}

// fieldsByTable indexes fields by their first segment.
var fieldsByTable = indexFields(fields)

func indexFields(fs []*field) map[string][]*field {
	by := map[string][]*field{}
	for _, f := range fs {
		f.segs = strings.Split(f.path, ".")
		f.table = f.segs[0]
		f.rest = -1
		for i, s := range f.segs {
			if s == "**" {
				f.rest = i
			}
		}
		by[f.table] = append(by[f.table], f)
	}
	return by
}

// lookup finds the field a path names and what its wildcards matched; ok
// is false for a path that names no field. No path matches two fields.
func lookup(path string) (f *field, at match, ok bool) {
	var buf [8]string // a path's segments, without an allocation for most
	parts := appendSplit(buf[:0], path)
	for _, f := range fieldsByTable[parts[0]] {
		if at, ok := f.match(parts); ok {
			return f, at, true
		}
	}
	return nil, match{}, false
}

// appendSplit appends path's segments, split at its dots, to dst (as
// strings.Split(path, ".") gives them).
func appendSplit(dst []string, path string) []string {
	for {
		seg, rest, more := strings.Cut(path, ".")
		dst = append(dst, seg)
		if !more {
			return dst
		}
		path = rest
	}
}

// match matches a path, split at its dots, against the field's pattern.
func (f *field) match(parts []string) (at match, ok bool) {
	if f.rest < 0 {
		return at, len(parts) == len(f.segs) && matchSegs(f.segs, parts, &at)
	}
	// "**" takes what the segments before and after it leave, at least one.
	tail := len(f.segs) - f.rest - 1
	if len(parts) < len(f.segs) ||
		!matchSegs(f.segs[:f.rest], parts[:f.rest], &at) ||
		!matchSegs(f.segs[f.rest+1:], parts[len(parts)-tail:], &at) {
		return at, false
	}
	at.name = strings.Join(parts[f.rest:len(parts)-tail], ".")
	return at, at.name != ""
}

// matchSegs matches segments without "**" one for one, recording "*".
func matchSegs(segs, parts []string, at *match) bool {
	for i, s := range segs {
		switch {
		case s == "*":
			at.id = parts[i]
		case s != parts[i]:
			return false
		}
	}
	return true
}
