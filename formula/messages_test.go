package formula

import (
	"strings"
	"testing"
	"unicode"

	"github.com/shopspring/decimal"
)

// translated reports what is wrong with a message said in Chinese and
// English: either empty, both the same, or the Chinese without a Han
// character (an English text left untranslated); "" when all is well.
func translated(zh, en string) string {
	switch {
	case zh == "" || en == "":
		return "a language is missing"
	case zh == en:
		return "Chinese and English are the same"
	case !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }):
		return "the Chinese has no Chinese in it"
	}
	return ""
}

// moreBreaks are breaks of codePlan beyond codeBreaks: labels,
// classification codes, project ratings, [tiers] and [damping] exclude.
func moreBreaks() []func(p *Plan) {
	d := decimal.RequireFromString
	return []func(p *Plan){
		func(p *Plan) { p.QuantityLabels = map[string]QuantityLabel{"": {Name: "x"}} },
		func(p *Plan) { p.QuantityLabels = map[string]QuantityLabel{"staff.civil": {Name: "公务员人数"}} },
		func(p *Plan) { p.QuantityLabels = map[string]QuantityLabel{"pop": {Name: " "}} },
		func(p *Plan) {
			p.QuantityLabels = map[string]QuantityLabel{"pop": {Name: "人口"}, "area": {Name: "人口"}}
		},
		func(p *Plan) { p.QuantityLabels = map[string]QuantityLabel{"pop": {Name: "area"}} },
		func(p *Plan) { p.Staff[0].Codes = Codes{Function: "20", Economic: "3010"} },
		func(p *Plan) { p.TierOverflow = 9 },
		func(p *Plan) {
			p.Projects = append(p.Projects, Project{ID: "m", Name: "三保", UnitCost: d("1"), Basis: []string{"area"}, Tier: TierMandatory})
			p.Subdistricts[0].ProjectRatings = map[string]string{"m": "优", "nope": "优"}
		},
		func(p *Plan) {
			p.ProjectPerformance = &ProjectPerformance{Coefficients: map[string]decimal.Decimal{"优": d("1")}}
			p.Subdistricts[0].ProjectRatings = map[string]string{"clean": "差"}
		},
		func(p *Plan) { p.Damping.Exclude = []string{"block", "public", "public"} },
		func(p *Plan) { p.Quotas[0].Basis = []string{"nowhere"} },
	}
}

// TestProblemsTranslated breaks a valid plan in every way the tests know
// and checks that each problem Validate gives is said in Chinese and in
// English, from the message table: none is left untranslated.
func TestProblemsTranslated(t *testing.T) {
	var breaks []func(p *Plan)
	for _, b := range codeBreaks() {
		breaks = append(breaks, b.breakPlan)
	}
	breaks = append(breaks, moreBreaks()...)
	seen := map[string]bool{}
	for i, b := range breaks {
		p := codePlan()
		b(p)
		ps := p.Validate()
		if len(ps) == 0 {
			t.Errorf("break %d gives no problem", i)
		}
		for _, pr := range ps {
			zh, en := chinese(t, pr), english(t, pr)
			seen[en] = true
			if why := translated(zh, en); why != "" {
				t.Errorf("break %d: %s: %q / %q: %s", i, pr.Path, zh, en, why)
			}
		}
	}
	if len(seen) < 40 {
		t.Errorf("only %d different messages: the breaks do not reach every rule", len(seen))
	}
}

// TestRejectionTranslated checks that the detail of a rejection of
// every kind, and the kind's words, are said in Chinese and in English.
func TestRejectionTranslated(t *testing.T) {
	gap := decimal.NewFromInt(5)
	for _, e := range []*RejectedError{
		rejected(CapacityShortfall, gap, textShortfallDetail, "10", "5"),
		rejected(MandatoryUnfunded, gap, textMandatoryDetail, "10", "5"),
		rejected(NoBlockEligible, gap, textBlockScoreZero),
		rejected(NoBlockEligible, gap, textAdjustedScoreZero),
		rejected(FloorsInfeasible, gap, textFloorsDetail, "10", "5"),
	} {
		for _, w := range []Words{e.Detail, Say(e.Kind.Words())} {
			zh, en := sayIn(t, 0, w), sayIn(t, 1, w)
			if why := translated(zh, en); why != "" {
				t.Errorf("%v: %q / %q: %s", e.Kind, zh, en, why)
			}
		}
		if got := e.Error(); !strings.Contains(got, e.Kind.String()) || !strings.Contains(got, "5") {
			t.Errorf("Error() names neither the kind nor the gap: %q", got)
		}
	}
	if RejectionKind(99).Words() != "" {
		t.Error("an unknown kind has words")
	}
}
