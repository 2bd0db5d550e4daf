package standards

import (
	"os"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
)

// moneyPlan is the shared example of where the money goes
// (testdata/money/plan.toml, SPEC §6).
func moneyPlan(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/money/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMoneyOverrideEqualsEdit: an override of each path of rules §6
// gives exactly the result of editing the plan by hand, the fast path
// agrees with the general way, and block.amount and tiers.cap_base add
// their table to a plan that has none.
func TestMoneyOverrideEqualsEdit(t *testing.T) {
	tiny, money := tinyPlan(t), moneyPlan(t)
	tests := []struct {
		base     string
		set      []string
		old, new []string
	}{
		{tiny, []string{"block.amount=4500000"}, []string{"[performance]\n"}, []string{"[block]\namount = 4500000\n\n[performance]\n"}},
		{tiny, []string{"tiers.cap_base=available"}, []string{"[tiers.A]"}, []string{"[tiers]\ncap_base = \"available\"\n[tiers.A]"}},
		{money, []string{"block.amount=3900000"}, []string{`amount = "4000000"`}, []string{`amount = "3900000"`}},
		{money, []string{"tiers.cap_base=pool"}, []string{`cap_base = "available"`}, []string{`cap_base = "pool"`}},
		{money, []string{"project.greening.managed=subdistrict"}, []string{`managed = "district"`}, []string{`managed = "subdistrict"`}},
		{money, []string{"transfer.city_greening.amount=2000000"}, []string{`amount = "3000000"`}, []string{`amount = "2000000"`}},
		{money, []string{`project_execution.bands=[{below="0.5",coefficient="0.7"}]`},
			[]string{`bands = [{ below = "0.5", coefficient = "0.8" }, { below = "0.8", coefficient = "0.9" }]`},
			[]string{`bands = [{ below = "0.5", coefficient = "0.7" }]`}},
		{money, []string{"subdistrict.west.execution.vector_control=0.4"}, []string{`vector_control = "0.7"`}, []string{`vector_control = "0.4"`}},
		{money, []string{"subdistrict.east.execution.vector_control=0.4"}, []string{"parking = \"0.45\"\n"}, []string{"parking = \"0.45\"\nvector_control = \"0.4\"\n"}},
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

// TestMoneyPatchMatchesApply holds the fast path to the general way on
// the numeric paths of rules §6, and checks which it takes.
func TestMoneyPatchMatchesApply(t *testing.T) {
	for _, tt := range []struct {
		base, set string
		fast      bool
	}{
		{"money", "block.amount=3000000", true},
		{"money", "block.amount=3900000&project.vector_control.unit_cost=1.2", true},
		{"tiny", "block.amount=4500000", true},
		{"money", "transfer.elderly_subsidy.amount=1500000", true},
		{"money", "transfer.elderly_subsidy.amount=1500000.5", true}, // patched, then not a multiple of U: reported the general way
		{"money", "subdistrict.north.execution.parking=0.3", true},
		{"money", "subdistrict.north.execution.elderly_meals=0.3", true}, // mandatory: a problem either way
		{"money", "transfer.nobody.amount=1", false},
		{"money", "tiers.cap_base=pool", false},
		{"money", "project.greening.managed=subdistrict", false},
		{"money", `project_execution.bands=[{below="0.9",coefficient="0.95"}]`, false},
		{"tiny", `project_execution.bands=[{below="0.9",coefficient="0.95"}]`, false}, // no [project_execution]: an unknown path
	} {
		t.Run(tt.base+" "+tt.set, func(t *testing.T) {
			text := moneyPlan(t)
			if tt.base == "tiny" {
				text = tinyPlan(t)
			}
			doc, err := Parse("plan.toml", []byte(text), nil)
			if err != nil {
				t.Fatal(err)
			}
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

// TestMoneyPlanProblems breaks the tables of rules §6 in a plan file one
// at a time and checks the problem's path, code, message and line.
func TestMoneyPlanProblems(t *testing.T) {
	tests := []struct {
		name, old, new string
		path           string
		code           formula.Code
		msg            string
	}{
		{"block amount not a multiple", `amount = "4000000"`, `amount = "4000000.5"`, "block.amount", formula.CodeNotMultiple, "multiple of the rounding unit"},
		{"unknown key of [block]", `amount = "4000000"`, `amont = "4000000"`, "block.amont", formula.CodeUnknownKey, "did you mean amount"},
		{"cap base unknown", `cap_base = "available"`, `cap_base = "whole"`, "tiers.cap_base", formula.CodeBadValue, `must be pool or available (got "whole")`},
		{"cap base a table", `cap_base = "available"`, "[tiers.cap_base]\nx = 1", "tiers.cap_base", formula.CodeBadValue, "not a table"},
		{"managed unknown", `managed = "district"`, `managed = "city"`, "project[greening].managed", formula.CodeBadValue, `must be subdistrict or district (got "city")`},
		{"no bands", `bands = [{ below = "0.5", coefficient = "0.8" }, { below = "0.8", coefficient = "0.9" }]`, "", "project_execution.bands", formula.CodeMissing, "missing"},
		{"bands not increasing", `{ below = "0.8", coefficient = "0.9" }`, `{ below = "0.5", coefficient = "0.9" }`, "project_execution.bands[2].below", formula.CodeBandsOrder, "must increase"},
		{"band coefficient", `{ below = "0.8", coefficient = "0.9" }`, `{ below = "0.8", coefficient = "1.9" }`, "project_execution.bands[2].coefficient", formula.CodeOutOfRange, "[0, 1]"},
		{"unknown key of a band", `{ below = "0.8", coefficient = "0.9" }`, `{ below = "0.8", coef = "0.9" }`, "project_execution.bands[2].coef", formula.CodeUnknownKey, "unknown key"},
		{"transfer id twice", `id = "elderly_subsidy"`, `id = "city_greening"`, "transfer[2].id", formula.CodeDuplicateID, "duplicate id"},
		{"transfer zero basis", "basis = [\"elderly_80plus\"]\n\n#", "basis = [\"nobody\"]\n\n#", "transfer[elderly_subsidy].basis", formula.CodeMissingQuantity, "nobody"},
		{"unknown key of a transfer", `name = "高龄津贴补助"`, "name = \"高龄津贴补助\"\nrate = 1", "transfer[2].rate", formula.CodeUnknownKey, "unknown key"},
		{"rate of a mandatory project", `parking = "0.45"`, `elderly_meals = "0.45"`, "subdistrict[east].execution.elderly_meals", formula.CodeExecutionMandatory, "mandatory"},
		{"rate of no project", `parking = "0.45"`, `parks = "0.45"`, "subdistrict[east].execution.parks", formula.CodeUnknownRef, "not a [[project]] id"},
		{"rate not a number", `parking = "0.45"`, `parking = "slow"`, "subdistrict[east].execution.parking", formula.CodeBadValue, "not a number"},
		{"rate without bands", "[project_execution]\nbands = [{ below = \"0.5\", coefficient = \"0.8\" }, { below = \"0.8\", coefficient = \"0.9\" }]", "",
			"subdistrict[east].execution.parking", formula.CodeUnknownRef, "[project_execution]"},
	}
	base := moneyPlan(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := problemsOf(t, edit(t, base, tt.old, tt.new))
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

// TestMoneyInStandardsFile: the standards file may hold [block],
// [project_execution] and [[transfer]], and gives the same result as the
// plan file holding them; one in both files is an error.
func TestMoneyInStandardsFile(t *testing.T) {
	base := moneyPlan(t)
	cut := func(from, to string) (rest, part string) {
		i, j := strings.Index(base, from), strings.Index(base, to)
		return base[:i] + base[j:], base[i:j]
	}
	rest, part := cut("# 预算执行慢的项目按比例压减", "# 项目经费依财力")
	// [project_execution] there holds [project_performance] too: both move.
	plan := strings.Replace(rest, "[plan]\n", "[plan]\nstandards = \"std.toml\"\n", 1)
	files := map[string][]byte{"plan.toml": []byte(plan), "std.toml": []byte(part)}
	read := func(name string) ([]byte, error) { return files[name], nil }
	split, err := Parse("plan.toml", files["plan.toml"], read)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Parse("plan.toml", []byte(base), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resultJSON(t, split) != resultJSON(t, whole) {
		t.Error("the plan with its standards file differs from the plan as one file")
	}
	files["std.toml"] = []byte(part + "\n[block]\namount = 1\n")
	_, err = Parse("plan.toml", files["plan.toml"], read)
	if se, ok := invalidOf(err); !ok || !strings.Contains(listProblems(se.Problems), "block") {
		t.Errorf("[block] in both files: %v", err)
	}
}
