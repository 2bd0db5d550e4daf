package standards

import (
	"testing"

	"github.com/caili/caili/formula"
)

// TestCodesParsed: function_code and economic_code of [[staff]], [[quota]]
// and [[project]] reach the plan; an entry without them is uncoded.
func TestCodesParsed(t *testing.T) {
	text := edit(t, tinyPlan(t), `id = "civil_servant"`, "id = \"civil_servant\"\nfunction_code = \"2010301\"\neconomic_code = \"30101\"")
	text = edit(t, text, `id = "office"`, "id = \"office\"\nfunction_code = \"20103\"")
	text = edit(t, text, `id = "greening"`, "id = \"greening\"\neconomic_code = \"302\"")
	p := planOfText(t, text)
	for _, tc := range []struct {
		name      string
		got, want formula.Codes
	}{
		{"staff civil_servant", p.Staff[0].Codes, formula.Codes{Function: "2010301", Economic: "30101"}},
		{"staff community_worker", p.Staff[1].Codes, formula.Codes{}},
		{"quota office", p.Quotas[0].Codes, formula.Codes{Function: "20103"}},
		{"project greening", p.Projects[2].Codes, formula.Codes{Economic: "302"}},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: codes %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
}

// TestCodeFileProblems: a malformed code or one written as a number is a
// bad_value at its file and line.
func TestCodeFileProblems(t *testing.T) {
	for _, tc := range []struct {
		name, set, path, msg string
	}{
		{"function 4 digits", `function_code = "2010"`, "staff[civil_servant].function_code", "3, 5 or 7 digits"},
		{"economic 7 digits", `economic_code = "3010101"`, "staff[civil_servant].economic_code", "3 or 5 digits"},
		{"a number", `function_code = 2010301`, "staff[civil_servant].function_code", "must be a string"},
		{"letters", `economic_code = "30a01"`, "staff[civil_servant].economic_code", "3 or 5 digits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := edit(t, tinyPlan(t), `id = "civil_servant"`, "id = \"civil_servant\"\n"+tc.set)
			ps := problemsOf(t, text)
			for _, p := range ps {
				if p.Path == tc.path && p.Code == formula.CodeBadValue && says(p, tc.msg) {
					if p.File != "plan.toml" || p.Line == 0 {
						t.Errorf("problem %s lacks its file or line", p)
					}
					return
				}
			}
			t.Errorf("no bad_value at %s containing %q; got:\n%s", tc.path, tc.msg, listProblems(ps))
		})
	}
}
