package formula

import (
	"fmt"
	"strconv"
	"strings"
)

// This file says where a line's standards come from (docs/dated.md): a
// standards value may be dated, each entry citing its source document
// (罗财〔2024〕5号), and a damping baseline may be taken from last year's
// published result. A line ends with the citation, after its arithmetic,
// so that a 街道 can look the standard up; the arithmetic is unchanged.

// PublishedBaseline is a damping baseline taken from the published result
// of an earlier fiscal year (`baseline = "@published:2025"`).
type PublishedBaseline struct {
	Year int64 // the fiscal year whose published result it is
	// Plan is the plan id named in `@published:ID:YEAR`; empty: the plan
	// itself (the same id in the record store).
	Plan string
	// Version names the publication: its version number and the short
	// hash of its result, such as "第 3 版 1a2b3c4d".
	Version string
	// ResultHash is the SHA-256 of the published result read: the
	// stamp of a result that used the baseline covers it.
	ResultHash string
	// Notes say, by sub-district id, where a successor's baseline came
	// from ("2025 年为原德胜街道、新街口街道合计", succession.go).
	Notes map[string]string
}

// Citation is the words a damping line ends with: "基数 取自 2025年已发布版本
// 第 3 版 1a2b3c4d".
func (b *PublishedBaseline) Citation() string {
	s := fmt.Sprintf(wordPublishedYear, strconv.FormatInt(b.Year, 10))
	if b.Plan != "" {
		s = fmt.Sprintf(wordOfPlan, b.Plan, s)
	}
	if b.Version != "" {
		s += " " + b.Version
	}
	return s
}

// Source is where the standard of the line comes from: the source
// documents of its dated values in force, or the publication its damping
// baseline was taken from; empty when the plan cites none.
func (l Line) Source() string {
	switch x := l.ex.(type) {
	case personnelText:
		return x.m.plan.Staff[l.j].Source
	case *publicText:
		return x.m.plan.Quotas[l.j].Source
	case *projectTier:
		return x.m.plan.Projects[l.j].Source
	case *projectParts:
		return x.m.plan.Projects[l.j].Source
	case *dampingStage:
		if b := x.m.plan.Damping.Published; b != nil {
			return b.CitationFor(x.m.plan.Subdistricts[l.i].ID) // succession.go
		}
	}
	return ""
}

// cite appends the line's citation, if any, to its text.
func (l *Line) cite(text string) string {
	src := l.Source()
	switch {
	case src == "":
		return text
	case l.Stage == StageDamping:
		return text + BaselineMark + src
	}
	return text + CitationMark + src
}

// publishedBaseline checks a baseline taken from a published result:
// every sub-district must have its value (the loader leaves out the
// sub-districts the published result lacks), reported once, listing them.
func (v *validator) publishedBaseline(d *Damping) {
	var missing []string
	for _, s := range v.p.Subdistricts {
		if !s.Quantities.Has(d.Baseline) {
			name := s.Name
			if name == "" {
				name = s.ID
			}
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		v.ps.say(CodePublishedIncomplete, "damping.baseline", textDatedPublishedIncomplete,
			d.Published.Year, len(missing), strings.Join(missing, "、"))
	}
}
