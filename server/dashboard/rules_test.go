package dashboard

import (
	"strings"
	"testing"

	"github.com/caili/caili/standards"
)

// loadRules loads the example of the rules added later: project ratings,
// overflow demoted, floors that keep the rating, damping without
// personnel costs.
func loadRules(t *testing.T) *standards.Document {
	t.Helper()
	doc, err := standards.LoadFile("../../testdata/rules/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestStatementRatingEffect: the statement of a floored sub-district rated
// 差 shows the rating's effect as its own figure, and measures damping
// without the components the plan excludes.
func TestStatementRatingEffect(t *testing.T) {
	doc := loadRules(t)
	v, page := statementPage(t, doc, "west")
	if v.RatingEffect == nil || v.RatingEffect.Effect.Raw != "-1634206" || v.RatingEffect.Neutral.Raw != "1634206" {
		t.Fatalf("rating effect %+v", v.RatingEffect)
	}
	root := parse(t, page)
	if got := text(byID(t, root, "rating-effect")); !strings.Contains(got, "因素分配 0 − 不计绩效等级的因素分配 1,634,206 = -1,634,206 元") {
		t.Errorf("rating effect: %s", got)
	}
	b := v.Baseline
	if b.TotalLabel != "本年测算口径（不含人员经费）" || b.Total.Raw != "4540794" || b.Floor == nil || b.Floor.Raw != "6175000" {
		t.Errorf("baseline: %+v", b)
	}
	if got := text(byID(t, root, "baseline")); !strings.Contains(got, "本年测算口径（不含人员经费）") || !strings.Contains(got, "测算口径不含人员经费,保底保留绩效等级影响") {
		t.Errorf("baseline section: %s", got)
	}
	// A plan without the rule has no such figure.
	if v, _ := statementPage(t, loadTiny(t), "west"); v.RatingEffect != nil || v.Baseline.TotalLabel != "本年合计" {
		t.Errorf("tiny: %+v %+v", v.RatingEffect, v.Baseline)
	}
}

// TestStatementCeilingUncut: over the ceiling with no block grant to cut,
// the statement says so rather than "within bounds".
func TestStatementCeilingUncut(t *testing.T) {
	v, _ := statementPage(t, loadTiny(t), "north", "performance.coefficients.中=0", "damping.ceiling=1")
	if v.Baseline.Status != ceilingUncut {
		t.Errorf("status %q", v.Baseline.Status)
	}
}

// TestFormRules: the what-if form of a plan that uses the rules offers
// them, pre-filled from the query; a plan that uses none leaves them to
// the free rows.
func TestFormRules(t *testing.T) {
	doc := loadRules(t)
	v, page := planPage(t, doc, "set.tiers.overflow=cut&set.damping.exclude=personnel,incentive")
	if len(v.Form.Rules) != 3 {
		t.Fatalf("%d rule fields", len(v.Form.Rules))
	}
	want := map[string][2]string{ // name → value, placeholder
		"set.tiers.overflow":             {"cut", "demote"},
		"set.damping.floor_keeps_rating": {"", "true"},
		"set.damping.exclude":            {"personnel,incentive", "personnel"},
	}
	for _, f := range v.Form.Rules {
		if w := want[f.Name]; f.Value != w[0] || f.Placeholder != w[1] || len(f.Options) == 0 {
			t.Errorf("%s: value %q, placeholder %q, want %q", f.Name, f.Value, f.Placeholder, w)
		}
	}
	for _, r := range v.Form.Rows {
		if r.Path == "tiers.overflow" || r.Path == "damping.exclude" {
			t.Errorf("a rule is repeated in the free rows: %+v", r)
		}
	}
	for _, s := range []string{`name="set.tiers.overflow" value="cut"`, `<option value="demote">`, `list="set.damping.exclude-values"`} {
		if !strings.Contains(page, s) {
			t.Errorf("the page lacks %s", s)
		}
	}
	if !strings.Contains(page, `value="subdistrict.east.project_ratings.vector_control"`) || !strings.Contains(page, `value="project_performance.coefficients.中"`) {
		t.Error("the path hints lack the project ratings")
	}
	if v, _ := planPage(t, loadTiny(t), ""); v.Form.Rules != nil {
		t.Errorf("tiny has rule fields: %+v", v.Form.Rules)
	}
	// The demoted demand shows in the tiers table: what B (cap 2666320)
	// refused of its 3025680.
	if len(v.Problems) > 0 || !v.Applied {
		t.Fatalf("the what-if failed: %+v", v.Problems)
	}
	v, _ = planPage(t, doc, "")
	if got := v.Tiers[3].Tier; got != "C档（含上档顺延 359,360）" {
		t.Errorf("tier C: %q", got)
	}
}
