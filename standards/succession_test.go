package standards

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// succeeded loads text (the tiny plan with its baseline `@published:2024`)
// with a published result of base.
func succeeded(t *testing.T, text string, pub *Published) *Document {
	t.Helper()
	doc, err := Parse("plan.toml", []byte(text), nil, WithPublished(func(string, int64) (*Published, error) { return pub, nil }))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSuccessionMerge: two 街道 of the published year merged into one
// give it the sum of their published baselines — the same result as the
// plan with that sum typed — and its damping lines say so.
func TestSuccessionMerge(t *testing.T) {
	typed, base := typedBaselines(t)
	want, err := Parse("plan.toml", []byte(typed), nil)
	if err != nil {
		t.Fatal(err)
	}
	// east was old_a and old_b in 2024: 22500000 = 13000000 + 9500000.
	old := map[string]decimal.Decimal{"old_a": decimal.NewFromInt(13000000), "old_b": decimal.NewFromInt(9500000), "west": base["west"], "north": base["north"]}
	pub := publishedOf(old)
	for id, name := range map[string]string{"old_a": "甲街道", "old_b": "乙街道"} {
		a := pub.Amounts[id]
		a.Name = name
		pub.Amounts[id] = a
	}
	text := edit(t, typed, `baseline = "last_year_total"`, `baseline = "@published:2024"`) + `
[[succession]]
from = ["old_a", "old_b"]
to = "east"
`
	doc := succeeded(t, text, pub)
	if a, b := totalsOf(t, doc), totalsOf(t, want); a != b {
		t.Errorf("totals %s, want %s", a, b)
	}
	m, err := doc.Model()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Plan().Damping.Published.CitationFor("east"), "（2024年为原甲街道、乙街道合计）"; !strings.HasSuffix(got, want) {
		t.Errorf("east cites %q, want it to end %q", got, want)
	}
	if got := m.Plan().Damping.Published.CitationFor("west"); strings.Contains(got, "原") {
		t.Errorf("west cites %q", got)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Subdistricts {
		for _, l := range a.Lines {
			if l.Stage == formula.StageDamping && a.ID == "east" && !strings.Contains(l.Formula(), "原甲街道、乙街道合计") {
				t.Errorf("east's damping line %q lacks the note", l.Formula())
			}
		}
	}
	// A what-if keeps the succession (both the fast path and the general one).
	for _, set := range []string{"damping.floor=0.9", "plan.name=x"} {
		ovs, err := ParseSets(set)
		if err != nil {
			t.Fatal(err)
		}
		if wm, err := doc.Model(ovs...); err != nil || !strings.Contains(wm.Plan().Damping.Published.CitationFor("east"), "原甲街道") {
			t.Errorf("%s: %v", set, err)
		}
	}
	// Without the succession, east is missing from the published result.
	plain := edit(t, typed, `baseline = "last_year_total"`, `baseline = "@published:2024"`)
	if _, err = succeeded(t, plain, pub).Plan(); !hasCode(formula.ProblemsOf(err), formula.CodePublishedIncomplete) {
		t.Errorf("without the succession: %v, want published_incomplete", err)
	}
}

// TestSuccessionSplit: one 街道 split into two divides its published
// baseline by the stated quantity (population 82000 : 64000 = 41 : 32),
// the parts adding up to it exactly.
func TestSuccessionSplit(t *testing.T) {
	typed, base := typedBaselines(t)
	typed = edit(t, typed, `last_year_total = "22500000"`, `last_year_total = "20500000"`)
	typed = edit(t, typed, `last_year_total = "17000000"`, `last_year_total = "16000000"`)
	want, err := Parse("plan.toml", []byte(typed), nil)
	if err != nil {
		t.Fatal(err)
	}
	old := map[string]decimal.Decimal{"old": decimal.NewFromInt(36500000), "north": base["north"]}
	text := edit(t, typed, `baseline = "last_year_total"`, `baseline = "@published:2024"`) + `
[[succession]]
from = ["old"]
to = ["east", "west"]
by = "population"
`
	doc := succeeded(t, text, publishedOf(old))
	if a, b := totalsOf(t, doc), totalsOf(t, want); a != b {
		t.Errorf("totals %s, want %s", a, b)
	}
	m, err := doc.Model()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Plan().Damping.Published.CitationFor("west"); !strings.Contains(got, "2024年为原old按population拆分") {
		t.Errorf("west cites %q", got)
	}
}

// TestSuccessionSplitByHeadcount: a split may be by a headcount
// (staff.ID), as a basis may.
func TestSuccessionSplitByHeadcount(t *testing.T) {
	typed, base := typedBaselines(t)
	old := map[string]decimal.Decimal{"old": decimal.NewFromInt(7500000), "north": base["north"]}
	text := edit(t, typed, `baseline = "last_year_total"`, `baseline = "@published:2024"`) + `
[[succession]]
from = ["old"]
to = ["east", "west"]
by = "staff.civil_servant"
`
	m, err := succeeded(t, text, publishedOf(old)).Model()
	if err != nil {
		t.Fatal(err)
	}
	// civil servants 40 : 35 → 4000000 : 3500000.
	for _, s := range m.Plan().Subdistricts {
		if want := map[string]string{"east": "4000000", "west": "3500000"}[s.ID]; want != "" && s.Quantities.Value("@published:2024").String() != want {
			t.Errorf("%s: baseline %s, want %s", s.ID, s.Quantities.Value("@published:2024"), want)
		}
	}
}

// TestSplitAmount: a split hands out exactly the amount, each part within
// one unit of its exact share.
func TestSplitAmount(t *testing.T) {
	d := decimal.RequireFromString
	for _, tc := range []struct {
		amount, unit string
		w            []string
	}{
		{"39500000", "1", []string{"82000", "64000"}},
		{"1000", "100", []string{"1", "1", "1"}},
		{"10.01", "1", []string{"1", "2"}}, // not a multiple of 1: split in 分
		{"7", "1", []string{"0", "3", "0.5"}},
	} {
		var w []decimal.Decimal
		sum := decimal.Zero
		for _, s := range tc.w {
			w = append(w, d(s))
			sum = sum.Add(d(s))
		}
		parts, err := formula.SplitAmount(d(tc.amount), w, d(tc.unit))
		if err != nil {
			t.Fatal(err)
		}
		total := decimal.Zero
		for i, p := range parts {
			total = total.Add(p)
			exact := d(tc.amount).Mul(w[i]).Div(sum)
			if p.Sub(exact).Abs().GreaterThanOrEqual(d(tc.unit)) {
				t.Errorf("%v: part %d = %s, exact %s", tc, i, p, exact)
			}
		}
		if !total.Equal(d(tc.amount)) {
			t.Errorf("%v: parts add up to %s", tc, total)
		}
	}
	if _, err := formula.SplitAmount(d("10"), []decimal.Decimal{d("0"), d("0")}, d("1")); err == nil {
		t.Error("all-zero weights split")
	}
}

// TestSuccessionProblems: each way a [[succession]] is wrong is a problem
// with its code at its path.
func TestSuccessionProblems(t *testing.T) {
	plan := tinyPlan(t)
	for _, tc := range []struct {
		name, table string
		code        formula.Code
		path        string
	}{
		{"many to many", "from = [\"a\", \"b\"]\nto = [\"east\", \"west\"]\nby = \"population\"", formula.CodeBadSuccession, "succession[1]"},
		{"unknown successor", "from = [\"a\"]\nto = \"south\"", formula.CodeUnknownRef, "succession[1].to"},
		{"still here", "from = [\"west\", \"a\"]\nto = \"east\"", formula.CodeBadSuccession, "succession[1].from"},
		{"split without by", "from = [\"a\"]\nto = [\"east\", \"west\"]", formula.CodeMissing, "succession[1].by"},
		{"split by nothing", "from = [\"a\"]\nto = [\"east\", \"west\"]\nby = \"nowhere\"", formula.CodeMissingQuantity, "subdistrict[east].quantities.nowhere"},
		{"merge with by", "from = [\"a\", \"b\"]\nto = \"east\"\nby = \"population\"", formula.CodeBadValue, "succession[1].by"},
		{"no from", "to = \"east\"", formula.CodeMissing, "succession[1].from"},
		{"to a number", "from = [\"a\"]\nto = 3", formula.CodeBadValue, "succession[1].to"},
		{"bad id", "from = [\"A B\"]\nto = \"east\"", formula.CodeBadID, "succession[1].from"},
		{"unknown key", "from = [\"a\"]\nto = \"east\"\ninto = \"x\"", formula.CodeUnknownKey, "succession[1].into"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := problemsOf(t, plan+"\n[[succession]]\n"+tc.table+"\n")
			for _, p := range ps {
				if p.Code == tc.code && p.Path == tc.path {
					if p.Line == 0 {
						t.Errorf("%s at %s has no line", p.Code, p.Path)
					}
					return
				}
			}
			t.Errorf("got %v, want %s at %s", ps, tc.code, tc.path)
		})
	}
	twice := plan + "\n[[succession]]\nfrom = [\"a\"]\nto = \"east\"\n\n[[succession]]\nfrom = [\"a\"]\nto = \"west\"\n"
	if !hasCode(problemsOf(t, twice), formula.CodeRepeated) {
		t.Error("an id in two successions is not refused")
	}
}

// hasCode reports whether a problem of code is among ps.
func hasCode(ps []formula.Problem, code formula.Code) bool {
	for _, p := range ps {
		if p.Code == code {
			return true
		}
	}
	return false
}
