package formula

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// This file checks the tables of a plan other than its sub-districts
// (rules §2.2): [plan], the standards, the factors and the optional
// performance, incentive and damping tables.

// header checks [plan]: name, fiscal year, rounding unit, capacity and
// reserve rate.
func (v *validator) header() {
	p := v.p
	if strings.TrimSpace(p.Name) == "" {
		v.ps.say(CodeMissing, "plan.name", textNotEmpty)
	}
	if p.FiscalYear <= 0 {
		v.ps.say(CodeOutOfRange, "plan.fiscal_year", textPositiveYear, p.FiscalYear)
	}
	u, okUnit := p.unit()
	if !okUnit {
		v.ps.say(CodeOutOfRange, "plan.rounding_unit", textBadRoundingUnit, p.RoundingUnit)
	}
	v.nonNeg("plan.capacity", "", p.Capacity)
	if okUnit && !u.isMultiple(p.Capacity) {
		v.ps.say(CodeNotMultiple, "plan.capacity", textNotMultipleOfUnit, u.d, p.Capacity)
	}
	if p.ReserveRate.Sign() < 0 || p.ReserveRate.GreaterThanOrEqual(v.one) {
		v.ps.say(CodeOutOfRange, "plan.reserve_rate", textRateBelowOne, p.ReserveRate)
	}
	if p.Population != "" {
		v.refs.use(p.Population, "plan.population")
	}
}

// staff checks the [[staff]] categories and records their ids.
func (v *validator) staff() {
	for i, s := range v.p.Staff {
		path := v.checkID("staff", s.ID, i, v.staffIDs)
		v.checkName(path, s.Name)
		v.nonNeg(path, ".annual_pay", s.AnnualPay)
		v.nonNeg(path, ".oncost_rate", s.OncostRate)
		v.checkCodes(path, s.Codes)
	}
}

// quotas checks the [[quota]] entries.
func (v *validator) quotas() {
	seen := map[string]bool{}
	for i, q := range v.p.Quotas {
		path := v.checkID("quota", q.ID, i, seen)
		v.checkName(path, q.Name)
		v.nonNeg(path, ".rate", q.Rate)
		v.checkBasis(path+".basis", q.Basis)
		v.checkCodes(path, q.Codes)
	}
}

// projects checks the [[project]] entries.
func (v *validator) projects() {
	seen := map[string]bool{}
	for i, pr := range v.p.Projects {
		path := v.checkID("project", pr.ID, i, seen)
		v.checkName(path, pr.Name)
		v.nonNeg(path, ".unit_cost", pr.UnitCost)
		v.checkBasis(path+".basis", pr.Basis)
		v.checkCodes(path, pr.Codes)
		if pr.Tier < TierMandatory || pr.Tier > TierD {
			v.ps.say(CodeBadValue, path+".tier", textBadTier)
		}
	}
}

// tierCaps checks [tiers]: the overflow rule, and that only A to D take
// a cap, a share in (0, 1].
func (v *validator) tierCaps() {
	if o := v.p.TierOverflow; o != OverflowCut && o != OverflowDemote {
		v.ps.say(CodeBadValue, "tiers.overflow", textBadOverflow)
	}
	for _, t := range sortedTiers(v.p.TierCaps) {
		share := v.p.TierCaps[t]
		path := "tiers." + t.String() + ".max_share"
		if t == TierMandatory || t > TierD {
			v.ps.say(CodeUnknownRef, "tiers."+t.String(), textCapNotTier)
		} else if share.Sign() <= 0 || share.GreaterThan(v.one) {
			v.ps.say(CodeOutOfRange, path, textShareRange, share)
		}
	}
}

// projectPerformance checks [project_performance]: at least one rating,
// each coefficient in [0, 1].
func (v *validator) projectPerformance() {
	pp := v.p.ProjectPerformance
	if pp == nil {
		return
	}
	if len(pp.Coefficients) == 0 {
		v.ps.say(CodeMissing, "project_performance.coefficients", textNeedRating)
	}
	for _, r := range sortedKeys(pp.Coefficients) {
		if c := pp.Coefficients[r]; c.Sign() < 0 || c.GreaterThan(v.one) {
			v.ps.say(CodeOutOfRange, "project_performance.coefficients."+r, textCoefficientRange, c)
		}
	}
}

// factors checks the [[factor]] entries and that their weights sum to 1.
func (v *validator) factors() {
	if len(v.p.Factors) == 0 {
		v.ps.say(CodeMissing, "factor", textNeedFactor)
	}
	seen := map[string]bool{}
	fsum := decimal.Zero
	for i, f := range v.p.Factors {
		path := v.checkID("factor", f.ID, i, seen)
		v.checkName(path, f.Name)
		v.nonNeg(path, ".weight", f.Weight)
		fsum = fsum.Add(f.Weight)
		v.indicators(path, f.Indicators)
	}
	if len(v.p.Factors) > 0 && !fsum.Equal(v.one) {
		v.ps.say(CodeWeightsNotOne, "factor", textFactorWeights, fsum)
	}
}

// indicators checks the [[factor.indicator]] entries of the factor at
// path: each names a quantity once, and their weights sum to 1.
func (v *validator) indicators(path string, inds []Indicator) {
	if len(inds) == 0 {
		v.ps.say(CodeMissing, path+".indicator", textNeedIndicator)
		return
	}
	isum := decimal.Zero
	seen := map[string]bool{}
	for k, in := range inds {
		ipath := EntryPath(path+".indicator", in.Quantity, k)
		if in.Quantity == "" {
			v.ps.say(CodeMissing, ipath+".quantity", textMissing)
		} else if seen[in.Quantity] {
			v.ps.say(CodeDuplicateID, EntryPath(path+".indicator", "", k)+".quantity", textIndicatorTwice, in.Quantity)
		}
		seen[in.Quantity] = true
		v.nonNeg(ipath, ".weight", in.Weight)
		isum = isum.Add(in.Weight)
		if in.Quantity != "" {
			v.refs.use(in.Quantity, ipath)
		}
	}
	if !isum.Equal(v.one) {
		v.ps.say(CodeWeightsNotOne, path+".indicator", textIndicatorWeights, isum)
	}
}

// performance checks [performance]: at least one rating, coefficients
// ≥ 0, and at most 1 in reserve mode.
func (v *validator) performance() {
	perf := v.p.Performance
	if perf == nil {
		return
	}
	if len(perf.Coefficients) == 0 {
		v.ps.say(CodeMissing, "performance.coefficients", textNeedRating)
	}
	for _, r := range sortedKeys(perf.Coefficients) {
		c := perf.Coefficients[r]
		path := "performance.coefficients." + r
		v.nonNeg(path, "", c)
		if perf.Mode == Reserve && c.GreaterThan(v.one) {
			v.ps.say(CodeOutOfRange, path, textReserveCoefficient, c)
		}
	}
}

// incentive checks [incentive] and records the quantities it reads.
func (v *validator) incentive() {
	inc := v.p.Incentive
	if inc == nil {
		return
	}
	v.nonNeg("incentive.rate", "", inc.Rate)
	if inc.Budget != nil {
		v.nonNeg("incentive.budget", "", *inc.Budget)
	}
	for _, kq := range [][2]string{{"current", inc.Current}, {"previous", inc.Previous}} {
		if kq[1] == "" {
			v.ps.say(CodeMissing, "incentive."+kq[0], textMissing)
		} else {
			v.refs.use(kq[1], "incentive."+kq[0])
		}
	}
}

// damping checks [damping] and records its baseline quantity.
func (v *validator) damping() {
	d := v.p.Damping
	if d == nil {
		return
	}
	switch {
	case d.Baseline == "":
		v.ps.say(CodeMissing, "damping.baseline", textMissing)
	case d.Published != nil:
		v.publishedBaseline(d) // source.go
	default:
		v.refs.use(d.Baseline, "damping.baseline")
	}
	if d.Floor == nil && d.Ceiling == nil {
		v.ps.say(CodeMissing, "damping", textDampingBounds)
	}
	if d.Floor != nil {
		v.nonNeg("damping.floor", "", *d.Floor)
	}
	if d.Ceiling != nil {
		v.nonNeg("damping.ceiling", "", *d.Ceiling)
	}
	if d.Floor != nil && d.Ceiling != nil && d.Floor.GreaterThan(*d.Ceiling) {
		v.ps.say(CodeOutOfRange, "damping.floor", textFloorAboveCeiling, d.Floor, d.Ceiling)
	}
	seen := map[string]bool{}
	for _, c := range d.Exclude {
		switch {
		case !slices.Contains(DampingExcludable[:], c):
			v.ps.say(CodeUnknownRef, "damping.exclude", textNotExcludable, c)
		case seen[c]:
			v.ps.say(CodeRepeated, "damping.exclude", textListedTwice, c)
		}
		seen[c] = true
	}
}

// staffRefs reports quantity names `staff.ID` whose ID is no [[staff]]
// category.
func (v *validator) staffRefs() {
	for _, name := range v.refs.order {
		if id, ok := strings.CutPrefix(name, StaffRefPrefix); ok && !v.staffIDs[id] {
			v.ps.say(CodeUnknownRef, v.refs.where[name], textNoStaffCategory, name)
		}
	}
}
