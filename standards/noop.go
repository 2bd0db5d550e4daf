package standards

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file refuses overrides that would change nothing: a key that no
// part of the plan reads, set or added by a scenario or --set, would give
// the base figures under a what-if's name (a typo such as
// resident_populaton). Each is an error that says what it would have to
// be, with the nearest names.

// noEffect checks the overrides against the plan they produced, p; base
// is the document before them. It returns a problem for each override
// that sets a key nothing reads.
func noEffect(ovs []Override, p *formula.Plan, base *document) []formula.Problem {
	var ps []formula.Problem
	var reads map[string]string
	for _, o := range ovs {
		f, at, ok := lookup(o.Path)
		if !ok {
			continue
		}
		var why *Reason
		switch f.path {
		case "subdistrict.*.quantities.**":
			if reads == nil {
				reads = p.QuantitiesRead()
			}
			why = unreadQuantity(at.name, reads, base.QuantityLabels)
		case "performance.coefficients.**":
			why = unheldRating(at.name, msg.StdUnheldRating, performanceKeys(base), func(s formula.Subdistrict) []string { return []string{s.Rating} }, p)
		case "project_performance.coefficients.**":
			why = unheldRating(at.name, msg.StdUnheldProjectRating, projectPerformanceKeys(base), func(s formula.Subdistrict) []string {
				return slices.Collect(maps.Values(s.ProjectRatings))
			}, p)
		}
		if why != nil {
			ps = append(ps, why.problem(o.File, o.Line, o.Path, formula.CodeNoEffect))
		}
	}
	return ps
}

// unreadQuantity says why setting quantity name changes nothing, or nil;
// it suggests the nearest quantities read, by name or label.
func unreadQuantity(name string, reads map[string]string, labels map[string]*labelDoc) *Reason {
	if _, ok := reads[name]; ok || strings.HasPrefix(name, formula.StaffRefPrefix) {
		return nil
	}
	cands := slices.Sorted(maps.Keys(reads))
	for _, q := range cands {
		if l := labels[q]; l != nil && l.Name.S != "" {
			cands = append(cands, l.Name.S)
		}
	}
	return didYouMean(because(msg.StdUnreadQuantity, quote(name)), name, cands)
}

// unheldRating says why a coefficient for rating changes nothing, as m
// does (of the rating and the known ones): the rating is not in the
// plan's table and no sub-district has it (after the overrides, which may
// give it to one); nil when it does something.
func unheldRating(rating string, m msg.Message, known []string, held func(formula.Subdistrict) []string, p *formula.Plan) *Reason {
	if slices.Contains(known, rating) {
		return nil
	}
	for _, s := range p.Subdistricts {
		if slices.Contains(held(s), rating) {
			return nil
		}
	}
	why := because(m, quote(rating), strings.Join(known, "、"))
	if utf8.RuneCountInString(rating) > 1 { // one character is near every other
		why = didYouMean(why, rating, known)
	}
	return why
}

func performanceKeys(d *document) []string {
	if d.Performance == nil {
		return nil
	}
	return byCoefficient(d.Performance.Coefficients)
}

func projectPerformanceKeys(d *document) []string {
	if d.ProjectPerformance == nil {
		return nil
	}
	return byCoefficient(d.ProjectPerformance.Coefficients)
}

// byCoefficient lists ratings from the highest coefficient down (优、良、中、差),
// ties and unreadable values by name.
func byCoefficient(m map[string]Number) []string {
	ks := sortedNames(m)
	slices.SortStableFunc(ks, func(a, b string) int { return m[b].Dec.Cmp(m[a].Dec) })
	return ks
}
