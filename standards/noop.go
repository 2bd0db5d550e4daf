package standards

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/caili/caili/formula"
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
		var msg string
		switch f.path {
		case "subdistrict.*.quantities.**":
			if reads == nil {
				reads = p.QuantitiesRead()
			}
			msg = unreadQuantity(at.name, reads, base.QuantityLabels)
		case "performance.coefficients.**":
			msg = unheldRating(at.name, "绩效等级", performanceKeys(base), func(s formula.Subdistrict) []string { return []string{s.Rating} }, p)
		case "project_performance.coefficients.**":
			msg = unheldRating(at.name, "项目绩效等级", projectPerformanceKeys(base), func(s formula.Subdistrict) []string {
				return slices.Collect(maps.Values(s.ProjectRatings))
			}, p)
		}
		if msg != "" {
			ps = append(ps, formula.Problem{File: o.File, Line: o.Line, Path: o.Path, Code: formula.CodeNoEffect, Message: msg})
		}
	}
	return ps
}

// unreadQuantity says why setting quantity name changes nothing, or "";
// it suggests the nearest quantities read, by name or label.
func unreadQuantity(name string, reads map[string]string, labels map[string]*labelDoc) string {
	if _, ok := reads[name]; ok || strings.HasPrefix(name, formula.StaffRefPrefix) {
		return ""
	}
	cands := slices.Sorted(maps.Keys(reads))
	for _, q := range cands {
		if l := labels[q]; l != nil && l.Name.S != "" {
			cands = append(cands, l.Name.S)
		}
	}
	return "没有标准读取数量 " + quote(name) + ",此调整不改变任何结果" + didYouMean(name, cands) +
		" (no standard reads this quantity: the override would change nothing)"
}

// unheldRating says why a coefficient for rating changes nothing: the
// rating is not in the plan's table and no sub-district has it (after the
// overrides, which may give it to one); "" when it does something.
func unheldRating(rating, what string, known []string, held func(formula.Subdistrict) []string, p *formula.Plan) string {
	if slices.Contains(known, rating) {
		return ""
	}
	for _, s := range p.Subdistricts {
		if slices.Contains(held(s), rating) {
			return ""
		}
	}
	hint := ""
	if utf8.RuneCountInString(rating) > 1 { // one character is near every other
		hint = didYouMean(rating, known)
	}
	return "没有" + what + " " + quote(rating) + "(现有:" + strings.Join(known, "、") + "),也没有街道评为该等级,此调整不改变任何结果" +
		hint + " (a coefficient for a rating no one has: the override would change nothing)"
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
