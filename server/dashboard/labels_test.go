package dashboard

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/analysis"
	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards"
)

// shown is what each of the four places shows for a path: place → words.
type shown map[string]map[string]string

func (s shown) add(place, path, words string) {
	if s[path] == nil {
		s[path] = map[string]string{}
	}
	s[path][place] = words
}

// TestOnePathOneLabel walks the path table over the sample plan and
// renders each path through the four places that name override paths —
// the what-if form, the sensitivity levers, attribution's causes and the
// plan diff — and checks they show the same words, the path table's
// (standards.PathLabel), which name the path in the plan's words.
func TestOnePathOneLabel(t *testing.T) {
	doc, p := testplan.Sample(t)
	nps, err := doc.NumberPaths()
	if err != nil {
		t.Fatal(err)
	}
	s := shown{}
	formWords(t, s, doc, p)
	for path, words := range analysis.Labels(doc) {
		s.add("levers", path, words)
	}
	byPattern := map[string][]standards.NumberPath{}
	for _, np := range nps {
		byPattern[np.Pattern] = append(byPattern[np.Pattern], np)
		if _, words := attribution.Bundle(np.Path, p, standards.PathLabel); !strings.HasPrefix(np.Pattern, "factor.") {
			s.add("attribution", np.Path, words)
		}
	}
	for _, pattern := range standards.Patterns() {
		if nps := byPattern[pattern]; len(nps) > 0 && !strings.HasPrefix(pattern, "factor.") {
			s.add("plan diff", nps[0].Path, planDiffWords(t, doc, p, nps[0]))
		}
	}
	checkShown(t, s, p)
}

// checkShown checks every path's words are the path table's, and that
// each place showed paths of the table.
func checkShown(t *testing.T, s shown, p *formula.Plan) {
	count := map[string]int{}
	patterns := map[string]bool{}
	for path, by := range s {
		want := standards.PathLabel(path, p)
		info, ok := standards.Describe(path)
		if !ok || want == path {
			t.Errorf("%s: not a path the table names in the plan's words (%v)", path, by)
			continue
		}
		patterns[info.Pattern] = true
		for place, words := range by {
			count[place]++
			if words != want {
				t.Errorf("%s: %s shows %q, the path table %q", path, place, words, want)
			}
		}
	}
	for _, place := range []string{"form", "levers", "attribution", "plan diff"} {
		if count[place] < 10 {
			t.Errorf("%s showed %d paths", place, count[place])
		}
	}
	if len(patterns) < 20 {
		t.Errorf("only %d patterns of the path table shown", len(patterns))
	}
}

// formWords records the words of the form's fields and path hints,
// without the path, unit and value the form adds.
func formWords(t *testing.T, s shown, doc *standards.Document, p *formula.Plan) {
	t.Helper()
	f := newForm(PlanInput{PlanID: "sample", Base: mustEvaluate(t, doc)})
	for _, fd := range slices.Concat([]Field{f.Capacity}, f.Weights, f.Rules) {
		path := strings.TrimPrefix(fd.Name, ParamSetPrefix)
		words, ok := strings.CutSuffix(fd.Label, " "+path+unitText(path, p))
		if !ok {
			t.Errorf("form field %s: label %q", path, fd.Label)
		}
		s.add("form", path, words)
	}
	for _, h := range f.Hints {
		words, _, _ := strings.Cut(h.Label, " = ")
		s.add("form", h.Path, strings.TrimSuffix(words, unitText(h.Path, p)))
	}
}

// planDiffWords names the one difference between the plan and a copy
// with the number at np moved, as the plan diff names it.
func planDiffWords(t *testing.T, doc *standards.Document, old *formula.Plan, np standards.NumberPath) string {
	t.Helper()
	one := decimal.NewFromInt(1)
	for _, v := range []decimal.Decimal{np.Value.Add(one), np.Value.Sub(one), np.Value.Mul(decimal.RequireFromString("0.9")), np.Value.Mul(decimal.NewFromInt(10))} {
		m, err := doc.Model(standards.Override{Path: np.Path, Value: v.String()})
		if err != nil {
			continue
		}
		a, err := attribution.Plans(old, m.Plan(), attribution.ByPlayer, standards.PathLabel)
		if err != nil || len(a.Players) != 1 {
			continue
		}
		return a.Players[0].Label
	}
	t.Errorf("%s: no valid plan moves it", np.Path)
	return ""
}
