package standards

import (
	"os"
	"slices"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
)

const testUses = `
[[use]]
id = "community"
name = "社区服务"
function_codes = ["2080208"]
economic_codes = ["30299"]

[[use]]
id = "safety"
name = "公共安全"
function_codes = ["2040299"]
`

// TestUses: [[use]] is read in order, with its codes; none is none.
func TestUses(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(tinyPlan(t)+testUses), nil)
	if err != nil {
		t.Fatal(err)
	}
	us := doc.Uses()
	if len(us) != 2 || us[0].ID != "community" || us[0].Name != "社区服务" || !slices.Equal(us[0].EconomicCodes, []string{"30299"}) ||
		us[1].EconomicCodes != nil || !slices.Equal(us[1].FunctionCodes, []string{"2040299"}) {
		t.Errorf("uses %+v", us)
	}
	plain, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(plain.Uses()); n != 0 {
		t.Errorf("a plan without [[use]] has %d", n)
	}
}

// TestUsesProblems breaks [[use]] one way at a time: each problem at its
// path with its code and line.
func TestUsesProblems(t *testing.T) {
	tests := []struct {
		name, old, new, path string
		code                 formula.Code
	}{
		{"no id", `id = "safety"`, ``, "use[2].id", formula.CodeMissing},
		{"id twice", `id = "safety"`, `id = "community"`, "use[community].id", formula.CodeDuplicateID},
		{"no name", `name = "公共安全"`, ``, "use[safety].name", formula.CodeMissing},
		{"no function codes", `function_codes = ["2040299"]`, ``, "use[safety].function_codes", formula.CodeMissing},
		{"a malformed code", `"2040299"`, `"20x"`, "use[safety].function_codes", formula.CodeBadValue},
		{"a malformed economic code", `"30299"`, `"3"`, "use[community].economic_codes", formula.CodeBadValue},
		{"codes not a list", `economic_codes = ["30299"]`, `economic_codes = "30299"`, "use[community].economic_codes", formula.CodeBadValue},
		{"an unknown key", `name = "公共安全"`, "name = \"公共安全\"\nlimit = 1", "use[2].limit", formula.CodeUnknownKey},
	}
	base := tinyPlan(t) + testUses
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := problemsOf(t, edit(t, base, tt.old, tt.new))
			for _, p := range ps {
				if p.Path == tt.path && p.Code == tt.code {
					return
				}
			}
			t.Errorf("no %s at %s; got:\n%s", tt.code, tt.path, listProblems(ps))
		})
	}
}

// TestUsesAgainstCatalogue: with a 科目 table, a use's code it lacks is a
// problem naming the nearest.
func TestUsesAgainstCatalogue(t *testing.T) {
	kemu, err := configs.FS.ReadFile(configs.CataloguePath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	text := edit(t, tinyPlan(t), "[plan]\n", "[plan]\ncatalogue = \"kemu.toml\"\n") + edit(t, testUses, `"2040299"`, `"2040298"`)
	for name, b := range map[string][]byte{"plan.toml": []byte(text), "kemu.toml": kemu} {
		if err := os.WriteFile(dir+"/"+name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := LoadFile(dir + "/plan.toml")
	if err == nil {
		_, err = doc.Plan()
	}
	ps := formula.ProblemsOf(err)
	if !slices.ContainsFunc(ps, func(p formula.Problem) bool {
		return p.Path == "use[safety].function_codes" && p.Code == formula.CodeBadValue && says(p, "2040299")
	}) {
		t.Errorf("an unknown code of a use; got:\n%s", listProblems(ps))
	}
}

// TestSampleUses: the sample plan's uses load, each with codes.
func TestSampleUses(t *testing.T) {
	doc, err := LoadFS(configs.FS, "plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	us := doc.Uses()
	if len(us) != 6 {
		t.Fatalf("%d uses", len(us))
	}
	for _, u := range us {
		if u.Name == "" || len(u.FunctionCodes) == 0 || len(u.EconomicCodes) == 0 {
			t.Errorf("use %+v", u)
		}
	}
}
