package formula

import (
	"slices"
	"strings"
)

// This file checks the [[subdistrict]] entries (rules §2.2, §2.3): ids and
// names, ratings, adjustments, headcounts, payrolls and quantities, and
// that the indicators have something to share out by.

// subdistricts checks every [[subdistrict]] entry.
func (v *validator) subdistricts() {
	if len(v.p.Subdistricts) == 0 {
		v.ps.say(CodeMissing, "subdistrict", textNeedSubdistrict)
	}
	seen := map[string]bool{}
	v.absent = v.absentEverywhere()
	for i, s := range v.p.Subdistricts {
		path := v.checkID("subdistrict", s.ID, i, seen)
		v.checkName(path, s.Name)
		v.values(path, s)
	}
	for _, name := range v.refs.order {
		if v.absent[name] {
			v.ps.say(CodeMissingQuantity, v.refs.where[name], textQuantityNowhere, name)
		}
	}
}

// values checks what a sub-district holds beyond its id and name: its
// rating, adjustment, headcounts, payrolls, quantities, project ratings
// and execution rates (v.absent set first).
func (v *validator) values(path string, s Subdistrict) {
	v.rating(path, s.Rating)
	if s.Adjustment != nil {
		v.nonNeg(path, ".adjustment", *s.Adjustment)
	}
	// Maps are checked in any order and their problems sorted by
	// path, so a valid plan pays for no sorting.
	mark := len(*v.ps)
	v.headcounts(path, s)
	v.payrolls(path, s)
	v.quantityValues(path, s)
	v.projectRatings(path, s)
	v.executionRates(path, s)
	slices.SortStableFunc((*v.ps)[mark:], func(a, b Problem) int { return strings.Compare(a.Path, b.Path) })
	v.missingQuantities(path, s)
}

// absentEverywhere is the quantities the standards read that no
// sub-district has (of two or more): each is reported once, at the
// standard that reads it, rather than once a sub-district.
func (v *validator) absentEverywhere() map[string]bool {
	if len(v.p.Subdistricts) < 2 {
		return nil
	}
	out := map[string]bool{}
	for _, name := range v.refs.order {
		if strings.HasPrefix(name, StaffRefPrefix) {
			continue
		}
		if !slices.ContainsFunc(v.p.Subdistricts, func(s Subdistrict) bool { return s.Quantities.Has(name) }) {
			out[name] = true
		}
	}
	return out
}

// rating checks a sub-district's performance rating when the plan has
// [performance].
func (v *validator) rating(path, rating string) {
	perf := v.p.Performance
	if perf == nil {
		return
	}
	if rating == "" {
		v.ps.say(CodeMissing, path+".performance", textNeedRatingOf)
	} else if _, ok := perf.Coefficients[rating]; !ok {
		v.ps.say(CodeUnknownRef, path+".performance", textRatingNoCoefficient, rating)
	}
}

// headcounts checks [subdistrict.staff]: known categories, whole
// non-negative numbers.
func (v *validator) headcounts(path string, s Subdistrict) {
	for k, n := range s.Staff.All() {
		if v.staffIDs[k] && n.Sign() >= 0 && n.IsInteger() {
			continue
		}
		kp := path + ".staff." + k
		if !v.staffIDs[k] {
			v.ps.say(CodeUnknownRef, kp, textNotStaffID, k)
		}
		v.nonNeg(kp, "", n)
		if !n.IsInteger() {
			v.ps.say(CodeNotInteger, kp, textNotWholeHeadcount, n)
		}
	}
}

// payrolls checks [subdistrict.payroll]: known categories, non-negative
// amounts.
func (v *validator) payrolls(path string, s Subdistrict) {
	for k, pay := range s.Payroll.All() {
		if v.staffIDs[k] && pay.Sign() >= 0 {
			continue
		}
		kp := path + ".payroll." + k
		if !v.staffIDs[k] {
			v.ps.say(CodeUnknownRef, kp, textNotStaffID, k)
		}
		v.nonNeg(kp, "", pay)
	}
}

// projectRatings checks [subdistrict.project_ratings]: each key a
// project that is not mandatory, each rating one [project_performance]
// lists.
func (v *validator) projectRatings(path string, s Subdistrict) {
	pp := v.p.ProjectPerformance
	for id, rating := range s.ProjectRatings {
		kp := path + ".project_ratings." + id
		j := slices.IndexFunc(v.p.Projects, func(pr Project) bool { return pr.ID == id })
		switch {
		case j < 0:
			v.ps.say(CodeUnknownRef, kp, textNotProjectID, id)
		case v.p.Projects[j].Tier == TierMandatory:
			v.ps.say(CodeRatedMandatory, kp, textRatedMandatory, id, v.p.Projects[j].Name)
		}
		if pp == nil {
			v.ps.say(CodeUnknownRef, kp, textProjectRatingNoTable, rating)
		} else if _, ok := pp.Coefficients[rating]; !ok {
			v.ps.say(CodeUnknownRef, kp, textProjectRatingNoCoefficient, rating)
		}
	}
}

// quantityValues reports negative [subdistrict.quantities], used or not.
func (v *validator) quantityValues(path string, s Subdistrict) {
	for k, x := range s.Quantities.All() {
		if x.Sign() < 0 {
			v.nonNeg(path+".quantities.", k, x)
		}
	}
}

// missingQuantities reports the quantities the standards use that a
// sub-district lacks; headcounts are never missing.
func (v *validator) missingQuantities(path string, s Subdistrict) {
	for _, name := range v.refs.order {
		if strings.HasPrefix(name, StaffRefPrefix) {
			continue
		}
		if !s.Quantities.Has(name) && !v.absent[name] {
			v.ps.say(CodeMissingQuantity, path+".quantities."+name, textMissingQuantity, v.refs.where[name])
		}
	}
}

// zeroIndicators reports indicators whose quantity is zero in every
// sub-district.
func (v *validator) zeroIndicators() {
	p := v.p
	if len(p.Subdistricts) == 0 {
		return
	}
	for i, f := range p.Factors {
		for k, in := range f.Indicators {
			if in.Quantity == "" || !v.zeroEverywhere(in.Quantity) {
				continue
			}
			v.ps.say(CodeZeroIndicator, EntryPath(EntryPath("factor", f.ID, i)+".indicator", in.Quantity, k),
				textZeroIndicator, in.Quantity)
		}
	}
}

// zeroEverywhere reports whether quantity name is present and zero in
// every sub-district.
func (v *validator) zeroEverywhere(name string) bool {
	for _, s := range v.p.Subdistricts {
		if x, ok := v.p.quantity(s, name); !ok || !x.IsZero() {
			return false
		}
	}
	return true
}
