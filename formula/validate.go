package formula

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// validID reports whether id matches ^[a-z][a-z0-9_-]*$.
func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z':
		case i > 0 && ('0' <= c && c <= '9' || c == '_' || c == '-'):
		default:
			return false
		}
	}
	return id != ""
}

// StaffRefPrefix marks a quantity name that is a headcount: `staff.ID` is
// the headcount of staff category ID.
const StaffRefPrefix = "staff."

// EntryPath names an entry of an array of tables the way problems do:
// by id when it has one (`subdistrict[west]`), else by its 1-based
// position (`subdistrict[3]`).
func EntryPath(table, id string, index int) string {
	if id != "" {
		return table + "[" + id + "]"
	}
	return fmt.Sprintf("%s[%d]", table, index+1)
}

// Validate checks the plan against every rule of SPEC §2 and returns all
// problems found, in a stable order. An empty result means the plan can be
// compiled.
func (p *Plan) Validate() []Problem {
	var ps problems
	one := decimal.NewFromInt(1)
	// The path is prefix+key, joined only when there is a problem.
	nonNeg := func(prefix, key string, d decimal.Decimal) {
		if d.Sign() < 0 {
			ps.add(prefix+key, "must not be negative (got %s)", d)
		}
	}

	// [plan]
	if strings.TrimSpace(p.Name) == "" {
		ps.add("plan.name", "must not be empty")
	}
	if p.FiscalYear <= 0 {
		ps.add("plan.fiscal_year", "must be a positive year (got %d)", p.FiscalYear)
	}
	u, okUnit := p.unit()
	if !okUnit {
		ps.add("plan.rounding_unit", "must be a power of ten from 0.01 to 10000 (got %s)", p.RoundingUnit)
	}
	nonNeg("plan.capacity", "", p.Capacity)
	if okUnit && !u.isMultiple(p.Capacity) {
		ps.add("plan.capacity", "must be a multiple of the rounding unit %s (got %s)", u.d, p.Capacity)
	}
	if p.ReserveRate.Sign() < 0 || p.ReserveRate.GreaterThanOrEqual(one) {
		ps.add("plan.reserve_rate", "must be in [0, 1) (got %s)", p.ReserveRate)
	}

	// Entries with ids.
	staffIDs := map[string]bool{}
	checkID := func(table, id string, i int, seen map[string]bool) string {
		path := EntryPath(table, id, i)
		switch {
		case id == "":
			ps.add(path+".id", "missing")
		case !validID(id):
			ps.add(path+".id", "%q must match ^[a-z][a-z0-9_-]*$", id)
		case seen[id]:
			ps.add(EntryPath(table, "", i)+".id", "duplicate id %q (the same id is used by an earlier entry)", id)
		}
		seen[id] = true
		return path
	}
	checkName := func(path, name string) {
		if strings.TrimSpace(name) == "" {
			ps.add(path+".name", "must not be empty")
		}
	}
	refs := newQuantityRefs()
	for i, s := range p.Staff {
		path := checkID("staff", s.ID, i, staffIDs)
		checkName(path, s.Name)
		nonNeg(path, ".annual_pay", s.AnnualPay)
		nonNeg(path, ".oncost_rate", s.OncostRate)
	}
	checkBasis := func(path string, basis []string) {
		if len(basis) == 0 {
			ps.add(path, "must name at least one quantity")
		}
		for _, q := range basis {
			refs.use(q, path)
		}
	}
	seen := map[string]bool{}
	for i, q := range p.Quotas {
		path := checkID("quota", q.ID, i, seen)
		checkName(path, q.Name)
		nonNeg(path, ".rate", q.Rate)
		checkBasis(path+".basis", q.Basis)
	}
	seen = map[string]bool{}
	for i, pr := range p.Projects {
		path := checkID("project", pr.ID, i, seen)
		checkName(path, pr.Name)
		nonNeg(path, ".unit_cost", pr.UnitCost)
		checkBasis(path+".basis", pr.Basis)
		if pr.Tier < TierMandatory || pr.Tier > TierD {
			ps.add(path+".tier", "must be mandatory, A, B, C or D")
		}
	}
	for _, t := range sortedTiers(p.TierCaps) {
		share := p.TierCaps[t]
		path := "tiers." + t.String() + ".max_share"
		if t == TierMandatory || t > TierD {
			ps.add("tiers."+t.String(), "only tiers A, B, C and D take a cap")
		} else if share.Sign() <= 0 || share.GreaterThan(one) {
			ps.add(path, "must be in (0, 1] (got %s)", share)
		}
	}

	// Factors.
	if len(p.Factors) == 0 {
		ps.add("factor", "at least one [[factor]] is required")
	}
	seen = map[string]bool{}
	fsum := decimal.Zero
	for i, f := range p.Factors {
		path := checkID("factor", f.ID, i, seen)
		checkName(path, f.Name)
		nonNeg(path, ".weight", f.Weight)
		fsum = fsum.Add(f.Weight)
		if len(f.Indicators) == 0 {
			ps.add(path+".indicator", "at least one [[factor.indicator]] is required")
			continue
		}
		isum := decimal.Zero
		inds := map[string]bool{}
		for k, in := range f.Indicators {
			ipath := EntryPath(path+".indicator", in.Quantity, k)
			if in.Quantity == "" {
				ps.add(ipath+".quantity", "missing")
			} else if inds[in.Quantity] {
				ps.add(EntryPath(path+".indicator", "", k)+".quantity", "quantity %q appears twice in this factor", in.Quantity)
			}
			inds[in.Quantity] = true
			nonNeg(ipath, ".weight", in.Weight)
			isum = isum.Add(in.Weight)
			if in.Quantity != "" {
				refs.use(in.Quantity, ipath)
			}
		}
		if !isum.Equal(one) {
			ps.add(path+".indicator", "indicator weights must sum to exactly 1 (sum is %s)", isum)
		}
	}
	if len(p.Factors) > 0 && !fsum.Equal(one) {
		ps.add("factor", "factor weights must sum to exactly 1 (sum is %s)", fsum)
	}

	// Performance, incentive, damping.
	if perf := p.Performance; perf != nil {
		if len(perf.Coefficients) == 0 {
			ps.add("performance.coefficients", "at least one rating is required")
		}
		for _, r := range sortedKeys(perf.Coefficients) {
			c := perf.Coefficients[r]
			path := "performance.coefficients." + r
			nonNeg(path, "", c)
			if perf.Mode == Reserve && c.GreaterThan(one) {
				ps.add(path, "in reserve mode a coefficient must be at most 1 (got %s)", c)
			}
		}
	}
	if inc := p.Incentive; inc != nil {
		nonNeg("incentive.rate", "", inc.Rate)
		if inc.Budget != nil {
			nonNeg("incentive.budget", "", *inc.Budget)
		}
		for _, kq := range [][2]string{{"current", inc.Current}, {"previous", inc.Previous}} {
			if kq[1] == "" {
				ps.add("incentive."+kq[0], "missing")
			} else {
				refs.use(kq[1], "incentive."+kq[0])
			}
		}
	}
	if d := p.Damping; d != nil {
		if d.Baseline == "" {
			ps.add("damping.baseline", "missing")
		} else {
			refs.use(d.Baseline, "damping.baseline")
		}
		if d.Floor == nil && d.Ceiling == nil {
			ps.add("damping", "needs a floor, a ceiling or both")
		}
		if d.Floor != nil {
			nonNeg("damping.floor", "", *d.Floor)
		}
		if d.Ceiling != nil {
			nonNeg("damping.ceiling", "", *d.Ceiling)
		}
		if d.Floor != nil && d.Ceiling != nil && d.Floor.GreaterThan(*d.Ceiling) {
			ps.add("damping.floor", "must not exceed the ceiling (%s > %s)", d.Floor, d.Ceiling)
		}
	}

	// Quantity references that name staff categories.
	for _, name := range refs.order {
		if id, ok := strings.CutPrefix(name, StaffRefPrefix); ok && !staffIDs[id] {
			ps.add(refs.where[name], "%q names no [[staff]] category", name)
		}
	}

	// Sub-districts.
	if len(p.Subdistricts) == 0 {
		ps.add("subdistrict", "at least one [[subdistrict]] is required")
	}
	seen = map[string]bool{}
	for i, s := range p.Subdistricts {
		path := checkID("subdistrict", s.ID, i, seen)
		checkName(path, s.Name)
		if p.Performance != nil {
			if s.Rating == "" {
				ps.add(path+".performance", "missing: [performance] needs every sub-district's rating")
			} else if _, ok := p.Performance.Coefficients[s.Rating]; !ok {
				ps.add(path+".performance", "rating %q has no coefficient in [performance.coefficients]", s.Rating)
			}
		}
		if s.Adjustment != nil {
			nonNeg(path, ".adjustment", *s.Adjustment)
		}
		// Maps are checked in any order and their problems sorted by
		// path, so a valid plan pays for no sorting.
		mark := len(ps)
		for k, v := range s.Staff {
			if staffIDs[k] && v.Sign() >= 0 && v.IsInteger() {
				continue
			}
			kp := path + ".staff." + k
			if !staffIDs[k] {
				ps.add(kp, "%q is not a [[staff]] id", k)
			}
			nonNeg(kp, "", v)
			if !v.IsInteger() {
				ps.add(kp, "a headcount must be a whole number (got %s)", v)
			}
		}
		for k, v := range s.Payroll {
			if staffIDs[k] && v.Sign() >= 0 {
				continue
			}
			kp := path + ".payroll." + k
			if !staffIDs[k] {
				ps.add(kp, "%q is not a [[staff]] id", k)
			}
			nonNeg(kp, "", v)
		}
		for k, v := range s.Quantities {
			if v.Sign() < 0 {
				nonNeg(path+".quantities.", k, v)
			}
		}
		slices.SortStableFunc(ps[mark:], func(a, b Problem) int { return strings.Compare(a.Path, b.Path) })
		for _, name := range refs.order {
			if strings.HasPrefix(name, StaffRefPrefix) {
				continue
			}
			if _, ok := s.Quantities[name]; !ok {
				ps.add(path+".quantities."+name, "missing (used by %s)", refs.where[name])
			}
		}
	}

	// Indicators that are zero everywhere.
	for i, f := range p.Factors {
		for k, in := range f.Indicators {
			if in.Quantity == "" || len(p.Subdistricts) == 0 {
				continue
			}
			allZero := true
			for _, s := range p.Subdistricts {
				if v, ok := p.quantity(s, in.Quantity); !ok || !v.IsZero() {
					allZero = false
					break
				}
			}
			if allZero {
				ps.add(EntryPath(EntryPath("factor", f.ID, i)+".indicator", in.Quantity, k),
					"quantity %q is zero in every sub-district", in.Quantity)
			}
		}
	}
	return ps
}

// unit returns the plan's rounding unit (1 元 when unset).
func (p *Plan) unit() (unit, bool) {
	if p.RoundingUnit.IsZero() {
		return newUnit(decimal.NewFromInt(1))
	}
	return newUnit(p.RoundingUnit)
}

// quantity looks up a quantity name for one sub-district; `staff.ID` is a
// headcount (missing = 0).
func (p *Plan) quantity(s Subdistrict, name string) (decimal.Decimal, bool) {
	if id, ok := strings.CutPrefix(name, StaffRefPrefix); ok {
		return s.Staff[id], true
	}
	v, ok := s.Quantities[name]
	return v, ok
}

// quantityRefs records every quantity name a plan uses, in first-use order,
// with the first place that uses it.
type quantityRefs struct {
	order []string
	where map[string]string
}

func newQuantityRefs() *quantityRefs { return &quantityRefs{where: map[string]string{}} }

func (r *quantityRefs) use(name, path string) {
	if _, ok := r.where[name]; !ok {
		r.where[name] = path
		r.order = append(r.order, name)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sortedTiers(m map[Tier]decimal.Decimal) []Tier {
	ts := make([]Tier, 0, len(m))
	for t := range m {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	return ts
}
