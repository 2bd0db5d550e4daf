package standards

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

func tinyPlan(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/tiny/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit replaces the first occurrence of old in s, failing if it is absent.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("test plan lacks %q", old)
	}
	return strings.Replace(s, old, new, 1)
}

// problemsOf parses and validates a plan text and returns its problems.
func problemsOf(t *testing.T, text string) []formula.Problem {
	t.Helper()
	doc, err := Parse("plan.toml", []byte(text), nil)
	if err == nil {
		_, err = doc.Plan()
	}
	if err == nil {
		return nil
	}
	var se *formula.InvalidPlanError
	if !errors.As(err, &se) {
		t.Fatalf("error is not a *standards.Error: %v", err)
	}
	return se.Problems
}

// TestValidationRules breaks the tiny plan one rule at a time and checks
// that the problem names the right key path (and a line where the text has one).
func TestValidationRules(t *testing.T) {
	tests := []struct {
		name, old, new string
		path, msg      string
	}{
		{"unknown key", `oncost_rate = "0.35"`, `oncost_rate = "0.35"` + "\ncolour = 1", "staff[civil_servant].colour", "unknown key"},
		{"unknown key in sub-district", `adjustment = "1.1"`, `adjustment = "1.1"` + "\nmayor = \"x\"", "subdistrict[west].mayor", "unknown key"},
		{"unknown table", `[tiers.A]`, "[extra]\nx = 1\n[tiers.A]", "extra", "unknown key"},
		{"negative", `capacity = "60000000"`, `capacity = "-60000000"`, "plan.capacity", "negative"},
		{"missing required", `fiscal_year = 2025`, ``, "plan.fiscal_year", "missing"},
		{"missing quantity", "hotline_tickets = 6100\n", "", "subdistrict[west].quantities.hotline_tickets", "missing"},
		{"factor weights ≠ 1", `weight = "0.2"`, `weight = "0.3"`, "factor", "sum to exactly 1"},
		{"indicator weights ≠ 1", `quantity = "hotline_tickets"` + "\n  weight = \"0.5\"", `quantity = "hotline_tickets"` + "\n  weight = \"0.6\"", "factor[workload].indicator", "sum to exactly 1"},
		{"duplicate id", `id = "north"`, `id = "east"`, "subdistrict[3].id", "duplicate"},
		{"bad id", `id = "north"`, `id = "North"`, "subdistrict[North].id", "must match"},
		{"bad tier", `tier = "B"`, `tier = "E"`, "project[greening].tier", "mandatory, A, B, C or D"},
		{"NaN", `population = 64000`, `population = nan`, "subdistrict[west].quantities.population", "finite"},
		{"infinity", `population = 64000`, `population = inf`, "subdistrict[west].quantities.population", "finite"},
		{"exponent string", `unit_cost = "1.5"`, `unit_cost = "1.5e3"`, "project[vector_control].unit_cost", "not a number"},
		{"plus sign", `unit_cost = "1.5"`, `unit_cost = "+1.5"`, "project[vector_control].unit_cost", "not a number"},
		{"not a number", `rate = "12000"`, `rate = true`, "quota[office].rate", "must be a number"},
		{"fractional headcount", `civil_servant = 35`, `civil_servant = 35.5`, "subdistrict[west].staff.civil_servant", "whole number"},
		{"unknown staff category", `civil_servant = 35`, "civil_servant = 35\nclerk = 3", "subdistrict[west].staff.clerk", "not a [[staff]] id"},
		{"unknown payroll category", `community_worker = "4000000"`, `clerk = "4000000"`, "subdistrict[north].payroll.clerk", "not a [[staff]] id"},
		{"unknown rating", `performance = "中"`, `performance = "可"`, "subdistrict[north].performance", "no coefficient"},
		{"missing rating", `performance = "中"`, ``, "subdistrict[north].performance", "missing"},
		{"reserve rate ≥ 1", `reserve_rate = "0.02"`, `reserve_rate = "1"`, "plan.reserve_rate", "[0, 1)"},
		{"rounding unit", `rounding_unit = "1"`, `rounding_unit = "5"`, "plan.rounding_unit", "power of ten"},
		{"capacity not a multiple", `rounding_unit = "1"`, `rounding_unit = "10000000"`, "plan.rounding_unit", "power of ten"},
		{"capacity off the unit", `capacity = "60000000"`, `capacity = "60000000.5"`, "plan.capacity", "multiple"},
		{"tier cap > 1", `max_share = "0.25"`, `max_share = "1.5"`, "tiers.A.max_share", "(0, 1]"},
		{"mandatory cap", `[tiers.A]`, "[tiers.mandatory]\nmax_share = \"0.5\"\n[tiers.A]", "tiers.mandatory", "unknown tier"},
		{"floor above ceiling", `floor = "0.95"`, `floor = "1.2"`, "damping.floor", "must not exceed"},
		{"no floor nor ceiling", "floor = \"0.95\"\nceiling = \"1.10\"", "", "damping", "floor, a ceiling"},
		{"bad mode", `mode = "redistribute"`, `mode = "share"`, "performance.mode", "redistribute or reserve"},
		{"reserve mode coefficient > 1", `mode = "redistribute"`, `mode = "reserve"`, "performance.coefficients.优", "at most 1"},
		{"empty basis", `basis = ["communities"]`, `basis = []`, "quota[community_office].basis", "at least one"},
		{"basis not a list", `basis = ["communities"]`, `basis = "communities"`, "quota[community_office].basis", "list"},
		{"staff ref to nothing", `basis = ["staff.civil_servant"]`, `basis = ["staff.clerk"]`, "quota[office].basis", "names no [[staff]]"},
		{"repeated indicator", `quantity = "hotline_tickets"`, `quantity = "communities"`, "factor[workload].indicator[2].quantity", "twice"},
		{"all-zero indicator", "@communities", "", "factor[workload].indicator[communities]", "zero in every"},
		{"name is not text", `name = "公务员"`, `name = 5`, "staff[civil_servant].name", "must be a string"},
		{"fiscal year not a year", `fiscal_year = 2025`, `fiscal_year = 20.25`, "plan.fiscal_year", "year"},
		{"no sub-districts", "@cut", "", "subdistrict", "at least one"},
	}
	base := tinyPlan(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var text string
			switch tt.old {
			case "@communities": // zero in every sub-district
				text = regexp.MustCompile(`(?m)^communities = \d+`).ReplaceAllString(base, "communities = 0")
			case "@cut": // no [[subdistrict]] at all
				text = base[:strings.Index(base, "[[subdistrict]]")]
			default:
				text = edit(t, base, tt.old, tt.new)
			}
			ps := problemsOf(t, text)
			for _, p := range ps {
				if p.Path == tt.path && says(p, tt.msg) {
					if p.File != "plan.toml" {
						t.Errorf("problem file = %q, want plan.toml", p.File)
					}
					if p.Line == 0 && tt.new != "" && tt.path != "subdistrict" {
						t.Errorf("problem %s has no line", p)
					}
					return
				}
			}
			t.Errorf("no problem at %s containing %q; got:\n%s", tt.path, tt.msg, listProblems(ps))
		})
	}
}

func listProblems(ps []formula.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + msg.ProblemLine(msg.Zh, p) + "\n")
	}
	return b.String()
}

// TestEveryProblemAtOnce breaks several rules and expects all of them.
func TestEveryProblemAtOnce(t *testing.T) {
	s := tinyPlan(t)
	s = edit(t, s, `oncost_rate = "0.35"`, `oncost_rate = "-0.35"`)
	s = edit(t, s, `tier = "B"`, `tier = "Z"`)
	s = edit(t, s, "hotline_tickets = 6100\n", "")
	s = edit(t, s, `adjustment = "1.1"`, "adjustment = \"1.1\"\nfoo = 1")
	ps := problemsOf(t, s)
	want := []string{"staff[civil_servant].oncost_rate", "project[greening].tier",
		"subdistrict[west].quantities.hotline_tickets", "subdistrict[west].foo"}
	for _, w := range want {
		found := false
		for _, p := range ps {
			found = found || p.Path == w
		}
		if !found {
			t.Errorf("missing problem at %s; got:\n%s", w, listProblems(ps))
		}
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Line != 0 && ps[i-1].Line > ps[i].Line {
			t.Errorf("problems not in line order:\n%s", listProblems(ps))
		}
	}
}

// TestBrokenTOML: a table header without its closing bracket is one
// problem at its own line (13), where the bracket is missing: the decoder
// itself says the next line, where it noticed.
func TestBrokenTOML(t *testing.T) {
	s := edit(t, tinyPlan(t), "[[staff]]", "[[staff]\n")
	_, err := Parse("plan.toml", []byte(s), nil)
	var se *formula.InvalidPlanError
	if !errors.As(err, &se) || len(se.Problems) != 1 || se.Problems[0].Line != 13 {
		t.Fatalf("want one problem at line 13, got %v", err)
	}
}

// says reports whether a problem's message holds s, in Chinese or in
// English: test tables name the words of either.
func says(p formula.Problem, s string) bool {
	return strings.Contains(msg.Problem(msg.Zh, p), s) || strings.Contains(msg.Problem(msg.En, p), s)
}

// english is an error's text in English, as the edge says it.
func english(err error) string { return msg.Error(msg.En, err) }
