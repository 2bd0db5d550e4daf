package standards

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// vectorLine is the tiny plan's unit cost of vector control, which the
// tests of this file replace with dated values.
const vectorLine = `unit_cost = "1.5"
basis = ["vector_area_m2"]`

// datedPlan is the tiny plan with vector control's unit cost written as
// value (the text after `unit_cost = `).
func datedPlan(t *testing.T, value string) string {
	t.Helper()
	return edit(t, tinyPlan(t), vectorLine, "unit_cost = "+value+"\nbasis = [\"vector_area_m2\"]")
}

// lineOf is the 1-based line of the first occurrence of s in text.
func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("text lacks %q", s)
	}
	return strings.Count(text[:i], "\n") + 1
}

// TestDatedProblems: each way a dated value can be wrong is one problem,
// with its file, line (the entry's own, when the array spans lines),
// key path and code.
func TestDatedProblems(t *testing.T) {
	const key = "project[vector_control].unit_cost"
	tests := []struct {
		name  string
		value string
		path  string
		code  formula.Code
		at    string // the text of the line the problem is on
	}{
		{"none in force", `[{ from = 2026, value = "1.2" }, { from = 2027, value = "1" }]`, key, formula.CodeNoValueForYear, "unit_cost = ["},
		{"same from twice", "[\n  { from = 2024, value = \"2.4\" },\n  { from = 2024, value = \"1.5\", source = \"b\" },\n]",
			key + "[2].from", formula.CodeDuplicateYear, `source = "b"`},
		{"empty", `[]`, key, formula.CodeMissing, "unit_cost = ["},
		{"not a table", `[{ from = 2024, value = "2.4" }, "1.5"]`, key + "[2]", formula.CodeBadValue, "unit_cost = ["},
		{"no from", "[\n  { value = \"2.4\" },\n]", key + "[1].from", formula.CodeMissing, `{ value = "2.4" }`},
		{"from not a year", `[{ from = "2024", value = "2.4" }]`, key + "[1].from", formula.CodeBadValue, "unit_cost = ["},
		{"from a float", `[{ from = 2024.5, value = "2.4" }]`, key + "[1].from", formula.CodeBadValue, "unit_cost = ["},
		{"no value", `[{ from = 2024 }]`, key + "[1].value", formula.CodeMissing, "unit_cost = ["},
		{"value not a number", `[{ from = 2024, value = "两元" }]`, key + "[1].value", formula.CodeBadValue, "unit_cost = ["},
		{"value dated again", `[{ from = 2024, value = [] }]`, key + "[1].value", formula.CodeBadValue, "unit_cost = ["},
		{"source too long", `[{ from = 2024, value = "2.4", source = "` + strings.Repeat("文", maxSourceRunes+1) + `" }]`,
			key + "[1].source", formula.CodeBadValue, "unit_cost = ["},
		{"source not text", `[{ from = 2024, value = "2.4", source = 5 }]`, key + "[1].source", formula.CodeBadValue, "unit_cost = ["},
		{"unknown key", "[\n  { from = 2023, value = \"2.4\" },\n  { from = 2024, value = \"2.4\", to = 2025 },\n]",
			key + "[2].to", formula.CodeUnknownKey, "to = 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := datedPlan(t, tt.value)
			ps := problemsOf(t, text)
			if len(ps) != 1 {
				t.Fatalf("problems %v, want one", ps)
			}
			p := ps[0]
			if p.File != "plan.toml" || p.Path != tt.path || p.Code != tt.code || p.Line != lineOf(t, text, tt.at) {
				t.Errorf("got %s:%d %s [%s] %q, want plan.toml:%d %s [%s]", p.File, p.Line, p.Path, p.Code, msg.Problem(msg.Zh, p),
					lineOf(t, text, tt.at), tt.path, tt.code)
			}
			if msg.Problem(msg.En, p) == "" && p.Code != formula.CodeBadValue {
				t.Errorf("%s: no English: not from the message table", p.Path)
			}
		})
	}
}

// TestDatedNotAllowed: only the money and rates of standards may be dated.
func TestDatedNotAllowed(t *testing.T) {
	text := edit(t, tinyPlan(t), `capacity = "60000000"`, `capacity = [{ from = 2025, value = "60000000" }]`)
	ps := problemsOf(t, text)
	if len(ps) != 1 || ps[0].Path != "plan.capacity" || ps[0].Code != formula.CodeBadValue || ps[0].Line != lineOf(t, text, "capacity =") {
		t.Fatalf("problems %v, want one bad_value at plan.capacity", ps)
	}
}

// TestDatedNoValueWords: no value in force says when the entries start
// and the plan's year.
func TestDatedNoValueWords(t *testing.T) {
	ps := problemsOf(t, datedPlan(t, `[{ from = 2027, value = "1" }, { from = 2026, value = "1.2" }]`))
	if len(ps) != 1 {
		t.Fatalf("problems %v", ps)
	}
	if got := msg.Problem(msg.En, ps[0]); !strings.Contains(got, "2026、2027") || !strings.Contains(got, "2025") {
		t.Errorf("%q does not say the years", got)
	}
}

// TestDatedInForce: for each fiscal year the value in force is that of
// the entry with the greatest from not after it, whatever the order the
// entries are written in, and its source is cited at the end of the line.
func TestDatedInForce(t *testing.T) {
	entries := []string{
		`{ from = 2020, value = "3", source = "罗财〔2020〕1号" }`,
		`{ from = 2023, value = "2.4", source = "罗财〔2023〕12号" }`,
		`{ from = 2024, value = 1.5 }`,
		`{ from = 2027, value = "1.2", source = "罗财〔2027〕3号" }`,
	}
	want := func(year int) (string, string) {
		switch {
		case year >= 2027:
			return "1.2", "罗财〔2027〕3号"
		case year >= 2024:
			return "1.5", ""
		case year >= 2023:
			return "2.4", "罗财〔2023〕12号"
		}
		return "3", "罗财〔2020〕1号"
	}
	r := rand.New(rand.NewPCG(14, 2))
	for year := 2020; year <= 2030; year++ {
		r.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
		text := datedPlan(t, "[\n  "+strings.Join(entries, ",\n  ")+",\n]")
		text = edit(t, text, "fiscal_year = 2025", fmt.Sprintf("fiscal_year = %d", year))
		doc, err := Parse("plan.toml", []byte(text), nil)
		if err != nil {
			t.Fatal(err)
		}
		m, err := doc.Compile()
		if err != nil {
			t.Fatalf("%d: %v", year, err)
		}
		pr := m.Plan().Projects[1]
		v, src := want(year)
		if !pr.UnitCost.Equal(decimal.RequireFromString(v)) || pr.Source != src {
			t.Errorf("%d: unit cost %s from %q, want %s from %q", year, pr.UnitCost, pr.Source, v, src)
		}
		res, err := m.Evaluate()
		if err != nil {
			t.Fatal(err)
		}
		checkCited(t, res, "vector_control", src)
	}
}

// checkCited checks that the project lines of item end with the citation
// of src (none when src is empty) and recompute.
func checkCited(t *testing.T, res *formula.Result, item, src string) {
	t.Helper()
	n := 0
	for _, a := range res.Subdistricts {
		for _, l := range a.Lines {
			if l.Item != item {
				continue
			}
			n++
			f := l.Formula()
			if l.Source() != src || (src != "" && !strings.HasSuffix(f, formula.CitationMark+src)) ||
				(src == "" && strings.Contains(f, formula.CitationMark)) {
				t.Errorf("%s %s: %q cites %q, want %q", a.ID, item, f, l.Source(), src)
			}
		}
	}
	if n == 0 {
		t.Errorf("no line of %s", item)
	}
}

// TestDatedOverrides: an override of a dated value sets the value in
// force, for the plan's year, without citing the entries' sources; it
// gives the plan as if that plain value had been written. Unknown paths
// and overrides that change nothing are still refused.
func TestDatedOverrides(t *testing.T) {
	dated := datedPlan(t, `[{ from = 2023, value = "2.4", source = "罗财〔2023〕12号" }, { from = 2024, value = "1.5", source = "罗财〔2024〕5号" }]`)
	doc, err := Parse("plan.toml", []byte(dated), nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Parse("plan.toml", []byte(edit(t, tinyPlan(t), `unit_cost = "1.5"`, `unit_cost = "1.2"`)), nil)
	if err != nil {
		t.Fatal(err)
	}
	ovs, err := ParseSets("project.vector_control.unit_cost=1.2")
	if err != nil {
		t.Fatal(err)
	}
	if doc.patch(ovs) != nil {
		t.Error("the fast path took an override of a dated value")
	}
	fast, general := fastAndGeneral(t, doc, ovs)
	if fast != general || fast != resultJSON(t, plain) {
		t.Errorf("override of a dated value differs from the plain value:\n%.300s\n%.300s", fast, resultJSON(t, plain))
	}
	m, err := doc.Model(ovs...)
	if err != nil {
		t.Fatal(err)
	}
	if src := m.Plan().Projects[1].Source; src != "" {
		t.Errorf("the override cites %q", src)
	}
	base, err := doc.Compile()
	if err != nil {
		t.Fatal(err)
	}
	if src := base.Plan().Projects[1].Source; src != "罗财〔2024〕5号" {
		t.Errorf("the plan as written cites %q", src)
	}
	// Another fiscal year picks its own value in force.
	y2023, err := doc.Model(Override{Path: "plan.fiscal_year", Value: int64(2023)})
	if err != nil {
		t.Fatal(err)
	}
	if pr := y2023.Plan().Projects[1]; !pr.UnitCost.Equal(decimal.RequireFromString("2.4")) || pr.Source != "罗财〔2023〕12号" {
		t.Errorf("fiscal_year 2023: %s from %q", pr.UnitCost, pr.Source)
	}
	for set, code := range map[string]formula.Code{
		"project.nothing.unit_cost=1":             formula.CodeUnknownPath,
		"subdistrict.east.quantities.nothing_x=1": formula.CodeNoEffect,
	} {
		ovs, err := ParseSets(set)
		if err != nil {
			t.Fatal(err)
		}
		_, err = doc.Model(ovs...)
		var se *formula.InvalidPlanError
		if !errors.As(err, &se) || len(se.Problems) == 0 || se.Problems[0].Code != code {
			t.Errorf("%s: %v, want %s", set, err, code)
		}
	}
}

// TestDatedStaffSources: a staff category cites the distinct sources of
// its pay and on-cost rate, once each.
func TestDatedStaffSources(t *testing.T) {
	text := edit(t, tinyPlan(t), `annual_pay = "160000"
oncost_rate = "0.35"`, `annual_pay = [{ from = 2024, value = "160000", source = "人社〔2024〕1号" }]
oncost_rate = [{ from = 2020, value = "0.35", source = "财社〔2020〕7号" }]`)
	text = edit(t, text, `rate = "12000"`, `rate = [{ from = 2025, value = "12000", source = "人社〔2024〕1号" }]`)
	doc, err := Parse("plan.toml", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := doc.Compile()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Plan().Staff[0].Source; got != "人社〔2024〕1号、财社〔2020〕7号" {
		t.Errorf("staff source %q", got)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	checkCited(t, res, "civil_servant", "人社〔2024〕1号、财社〔2020〕7号")
	checkCited(t, res, "office", "人社〔2024〕1号")
	want, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := totalsOf(t, doc), totalsOf(t, want); a != b {
		t.Errorf("dated values changed the totals: %s, want %s", a, b)
	}
}

// totalsOf renders each sub-district's total.
func totalsOf(t *testing.T, doc *Document) string {
	t.Helper()
	res, err := evaluate(doc)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, a := range res.Subdistricts {
		b.WriteString(a.ID + "=" + a.Total.String() + " ")
	}
	return b.String()
}
