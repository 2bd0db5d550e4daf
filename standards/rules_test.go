package standards

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
)

// rulesPlan is the shared example of the rules added later
// (testdata/rules/plan.toml): project ratings, overflow demoted, floors
// that keep the rating and damping without staff costs.
func rulesPlan(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/rules/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRulesOverrideEqualsEdit checks that an override of each key added
// later gives exactly the result of editing the plan by hand, on the
// tiny plan (which uses none of them) and on the rules example.
func TestRulesOverrideEqualsEdit(t *testing.T) {
	tiny, rules := tinyPlan(t), rulesPlan(t)
	tests := []struct {
		base     string
		set      []string
		old, new []string
	}{
		{tiny, []string{"tiers.overflow=demote"}, []string{"[tiers.A]"}, []string{"[tiers]\noverflow = \"demote\"\n[tiers.A]"}},
		{tiny, []string{"damping.exclude=incentive"}, []string{`ceiling = "1.10"`}, []string{"ceiling = \"1.10\"\nexclude = [\"incentive\"]"}},
		{tiny, []string{"damping.floor_keeps_rating=true", "damping.floor=1.005"}, []string{`floor = "0.95"`}, []string{"floor = \"1.005\"\nfloor_keeps_rating = true"}},
		{rules, []string{"tiers.overflow=cut"}, []string{`overflow = "demote"`}, []string{`overflow = "cut"`}},
		{rules, []string{"damping.floor_keeps_rating=false"}, []string{"floor_keeps_rating = true"}, []string{"floor_keeps_rating = false"}},
		{rules, []string{"damping.exclude=personnel, incentive"}, []string{`exclude = ["personnel"]`}, []string{`exclude = ["personnel", "incentive"]`}},
		{rules, []string{"damping.exclude=", "damping.baseline=last_year_total"}, []string{`exclude = ["personnel"]`, `baseline = "last_year_formula"`},
			[]string{`exclude = []`, `baseline = "last_year_total"`}},
		{rules, []string{"project_performance.coefficients.中=0.5"}, []string{`"中" = "0.9"     #`}, []string{`"中" = "0.5"     #`}},
		{rules, []string{"subdistrict.east.project_ratings.vector_control=中"}, []string{`vector_control = "差"`}, []string{`vector_control = "中"`}},
		{rules, []string{"subdistrict.north.project_ratings.greening=差"}, []string{"performance = \"中\"\n[subdistrict.staff]"},
			[]string{"performance = \"中\"\n[subdistrict.project_ratings]\ngreening = \"差\"\n[subdistrict.staff]"}},
		{rules, []string{"tiers.A.max_share=0.3"}, []string{`max_share = "0.2"`}, []string{`max_share = "0.3"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.set, "&"), func(t *testing.T) {
			doc, err := Parse("plan.toml", []byte(tt.base), nil)
			if err != nil {
				t.Fatal(err)
			}
			ovs, err := ParseSets(tt.set...)
			if err != nil {
				t.Fatal(err)
			}
			over, err := doc.Apply(ovs...)
			if err != nil {
				t.Fatal(err)
			}
			text := tt.base
			for i := range tt.old {
				text = edit(t, text, tt.old[i], tt.new[i])
			}
			edited, err := Parse("plan.toml", []byte(text), nil)
			if err != nil {
				t.Fatal(err)
			}
			got, want := resultJSON(t, over), resultJSON(t, edited)
			if got != want {
				t.Errorf("override result differs from the edited plan")
			}
			if got == resultJSON(t, doc) {
				t.Errorf("override changed nothing")
			}
			if fast, general := fastAndGeneral(t, doc, ovs); fast != general {
				t.Errorf("the what-if differs from Apply")
			}
		})
	}
}

// TestRulesPlanProblems breaks the keys added later in a plan file, one
// at a time, and checks the problem's path, code, message and line.
func TestRulesPlanProblems(t *testing.T) {
	tests := []struct {
		name, old, new string
		path           string
		code           formula.Code
		msg            string
	}{
		{"rounding unit 0", `rounding_unit = "1"`, `rounding_unit = 0`, "plan.rounding_unit", formula.CodeOutOfRange, "power of ten from 0.01 to 10000 (got 0)"},
		{"overflow unknown", `overflow = "demote"`, `overflow = "spill"`, "tiers.overflow", formula.CodeBadValue, `must be cut or demote (got "spill")`},
		{"overflow not text", `overflow = "demote"`, `overflow = true`, "tiers.overflow", formula.CodeBadValue, "must be a string, not a boolean"},
		{"overflow a table", `overflow = "demote"`, "[tiers.overflow]\nx = 1", "tiers.overflow", formula.CodeBadValue, "not a table"},
		{"unknown key of [tiers]", `overflow = "demote"`, "spill = 1", "tiers.spill", formula.CodeUnknownKey, "unknown key"},
		{"unknown key of a tier", "[tiers.B]\nmax_share = \"0.2\"", "[tiers.B]\nmax_share = \"0.2\"\ncolour = 1", "tiers.B.colour", formula.CodeUnknownKey, "unknown key"},
		{"mandatory cap", "[tiers.D]", "[tiers.mandatory]\nmax_share = \"0.5\"\n[tiers.D]", "tiers.mandatory", formula.CodeUnknownRef, "unknown tier"},
		{"cap of 2", `max_share = "0.05"`, `max_share = "2"`, "tiers.D.max_share", formula.CodeOutOfRange, "(0, 1]"},
		{"keeps rating not a boolean", "floor_keeps_rating = true", `floor_keeps_rating = "yes"`, "damping.floor_keeps_rating", formula.CodeBadValue, `must be true or false (got "yes")`},
		{"exclude not a list", `exclude = ["personnel"]`, `exclude = "personnel"`, "damping.exclude", formula.CodeBadValue, "must be a list of component names, not a string"},
		{"exclude unknown", `exclude = ["personnel"]`, `exclude = ["personnel", "block"]`, "damping.exclude", formula.CodeUnknownRef, `"block" is not a component`},
		{"exclude repeated", `exclude = ["personnel"]`, `exclude = ["personnel", "personnel"]`, "damping.exclude", formula.CodeRepeated, "listed twice"},
		{"rated mandatory", `vector_control = "差"`, `elderly_meals = "差"`, "subdistrict[east].project_ratings.elderly_meals", formula.CodeRatedMandatory, `project "elderly_meals" (老年助餐) is mandatory`},
		{"unlisted project rating", `vector_control = "差"`, `vector_control = "可"`, "subdistrict[east].project_ratings.vector_control", formula.CodeUnknownRef, "no coefficient"},
		{"rating not text", `vector_control = "差"`, `vector_control = 1`, "subdistrict[east].project_ratings.vector_control", formula.CodeBadValue, "must be a string"},
		{"rating of no project", `vector_control = "差"`, `parks = "差"`, "subdistrict[east].project_ratings.parks", formula.CodeUnknownRef, "not a [[project]] id"},
		{"project coefficient above 1", `"良" = "1"`, `"良" = "1.2"`, "project_performance.coefficients.良", formula.CodeOutOfRange, "[0, 1]"},
		{"no project coefficients", "[project_performance.coefficients]\n", "", "project_performance.coefficients", formula.CodeMissing, "missing"},
	}
	base := rulesPlan(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := edit(t, base, tt.old, tt.new)
			if tt.name == "no project coefficients" { // the coefficients go with their table
				text = text[:strings.Index(text, `"优" = "1"`)] + text[strings.Index(text, "# 项目经费依财力"):]
			}
			ps := problemsOf(t, text)
			for _, p := range ps {
				if p.Path == tt.path && p.Code == tt.code && says(p, tt.msg) {
					if p.File != "plan.toml" || p.Line == 0 {
						t.Errorf("problem %s lacks its file or line", p)
					}
					return
				}
			}
			t.Errorf("no %s problem at %s containing %q; got:\n%s", tt.code, tt.path, tt.msg, listProblems(ps))
		})
	}
}

// TestTierWithoutCap: a [tiers.X] table without max_share is valid and
// caps nothing (rules §2), the same as no table.
func TestTierWithoutCap(t *testing.T) {
	tiny := tinyPlan(t)
	empty, err := Parse("plan.toml", []byte(edit(t, tiny, "[tiers.A]\nmax_share = \"0.25\"", "[tiers.A]\n[tiers.B]")), nil)
	if err != nil {
		t.Fatal(err)
	}
	none, err := Parse("plan.toml", []byte(edit(t, tiny, "[tiers.A]\nmax_share = \"0.25\"", "")), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := resultJSON(t, empty), resultJSON(t, none); got != want {
		t.Error("[tiers.A] without max_share computes differently from no [tiers.A]")
	}
}

// TestRulesOverrideProblems checks the problems of overrides of the keys
// added later, from the command line.
func TestRulesOverrideProblems(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(rulesPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		set, path string
		code      formula.Code
		msg       string
	}{
		{"plan.rounding_unit=0", "plan.rounding_unit", formula.CodeOutOfRange, "power of ten from 0.01 to 10000 (got 0) (after overrides)"},
		{"damping.floor_keeps_rating=yes", "damping.floor_keeps_rating", formula.CodeBadValue, `must be true or false (got "yes")`},
		{"damping.exclude=personnel,,public", "damping.exclude", formula.CodeBadValue, "must be a list of component names"},
		{"damping.exclude=personnel,block", "damping.exclude", formula.CodeUnknownRef, `"block" is not a component`},
		{"damping.exclude=public,public", "damping.exclude", formula.CodeRepeated, "listed twice"},
		{"tiers.overflow=spill", "tiers.overflow", formula.CodeBadValue, "must be cut or demote"},
		{"tiers.overflow.max_share=0.1", "tiers.overflow.max_share", formula.CodeUnknownPath, "unknown path"},
		{"subdistrict.east.project_ratings.elderly_meals=中", "subdistrict[east].project_ratings.elderly_meals", formula.CodeRatedMandatory, "mandatory"},
		{"subdistrict.nobody.project_ratings.greening=中", "subdistrict.nobody.project_ratings.greening", formula.CodeUnknownPath, "unknown path"},
		{"project_performance.coefficients.中=2", "project_performance.coefficients.中", formula.CodeOutOfRange, "[0, 1]"},
	}
	for _, tt := range tests {
		o, err := ParseSet(tt.set)
		if err != nil {
			t.Fatal(err)
		}
		_, err = doc.Model(o)
		var se *formula.InvalidPlanError
		if !errors.As(err, &se) || caili.KindOf(err) != caili.KindBadRequest {
			t.Fatalf("%s: want problems of the overrides, got %v", tt.set, err)
		}
		found := false
		for _, p := range se.Problems {
			found = found || p.Path == tt.path && p.Code == tt.code && says(p, tt.msg)
		}
		if !found {
			t.Errorf("%s: no %s problem at %s with %q; got:\n%s", tt.set, tt.code, tt.path, tt.msg, listProblems(se.Problems))
		}
	}
	// A plan without [project_performance] has no coefficient to set.
	tiny, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tiny.Apply(Override{Path: "project_performance.coefficients.中", Value: "0.9", File: "--set"}); err == nil ||
		!strings.Contains(english(err), "unknown path") {
		t.Errorf("a coefficient without [project_performance]: %v", err)
	}
}

// TestRulesInStandardsFile: [project_performance] and the new keys of
// [tiers] and [damping] may live in the standards file.
func TestRulesInStandardsFile(t *testing.T) {
	s := rulesPlan(t)
	i, j := strings.Index(s, "[[staff]]"), strings.Index(s, "[[subdistrict]]")
	plan := strings.Replace(s[:i]+s[j:], `reserve_rate = "0.02"`, "reserve_rate = \"0.02\"\nstandards = \"std.toml\"", 1)
	doc, err := LoadFile(writePlan(t, plan, s[i:j]))
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Parse("plan.toml", []byte(s), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resultJSON(t, doc) != resultJSON(t, whole) {
		t.Errorf("the rules example split over two files computes differently")
	}
}

// TestPatchMatchesApplyRules holds the fast path to the general one on
// the rules example: a project coefficient is patched, the other new
// keys (text, flags, lists) go the general way, with the same result.
func TestPatchMatchesApplyRules(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(rulesPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		set  string
		fast bool
	}{
		{"project_performance.coefficients.中=0.8", true},
		{"project_performance.coefficients.中=0.8&plan.capacity=59000000", true},
		{"plan.rounding_unit=0", true}, // patched, then refused: the general way reports it
		{"tiers.overflow=cut", false},
		{"damping.floor_keeps_rating=false", false},
		{"damping.exclude=personnel,public", false},
		{"subdistrict.east.project_ratings.vector_control=中", false},
	} {
		t.Run(tt.set, func(t *testing.T) {
			ovs, err := ParseSets(strings.Split(tt.set, "&")...)
			if err != nil {
				t.Fatal(err)
			}
			if took := doc.patch(ovs) != nil; took != tt.fast {
				t.Errorf("the fast path took it: %v, want %v", took, tt.fast)
			}
			fast, general := fastAndGeneral(t, doc, ovs)
			if fast != general {
				t.Errorf("fast path differs from the general way:\nfast:    %.300s\ngeneral: %.300s", fast, general)
			}
		})
	}
}

// TestRulesScenarioFile: the keys added later set from a scenario file,
// with TOML's own types (a boolean, an array), give what --set gives.
func TestRulesScenarioFile(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(rulesPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ParseScenario("s.toml", []byte(`[scenario]
name = "规则"
[set]
"tiers.overflow" = "cut"
"damping.floor_keeps_rating" = false
"damping.exclude" = ["personnel", "incentive"]
"subdistrict.north.project_ratings.greening" = "中"
"project_performance.coefficients.中" = 0.8
`))
	if err != nil {
		t.Fatal(err)
	}
	ovs, err := ParseSets("tiers.overflow=cut", "damping.floor_keeps_rating=false", "damping.exclude=personnel,incentive",
		"subdistrict.north.project_ratings.greening=中", "project_performance.coefficients.中=0.8")
	if err != nil {
		t.Fatal(err)
	}
	fromFile, err := doc.Apply(sc.Set...)
	if err != nil {
		t.Fatal(err)
	}
	fromSet, err := doc.Apply(ovs...)
	if err != nil {
		t.Fatal(err)
	}
	if resultJSON(t, fromFile) != resultJSON(t, fromSet) {
		t.Error("the scenario file and --set give different results")
	}
	// A flag must be a boolean in a file too.
	_, err = doc.Apply(Override{Path: "damping.floor_keeps_rating", Value: int64(1), File: "s.toml", Line: 5})
	if err == nil || !strings.Contains(english(err), "must be true or false, not an integer") {
		t.Errorf("an integer flag: %v", err)
	}
}
