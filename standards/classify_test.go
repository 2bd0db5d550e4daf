package standards

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
)

// TestBuiltinCatalogue: the 科目 table in configs reads without a problem
// and names the sample's codes.
func TestBuiltinCatalogue(t *testing.T) {
	c := builtinCatalogue()
	if c == nil || c.Year != 2025 || c.Name(formula.FunctionCode, "2010301") == "" || c.Name(formula.GovEconomicCode, "501") == "" {
		t.Fatalf("built-in catalogue %+v", c)
	}
}

// TestClassificationProblems: every new key is checked, at its file,
// line and key, in Chinese: a class, a fund, a 政府经济分类, a code the
// catalogue lacks (with the nearest), a key of [classification.block].
func TestClassificationProblems(t *testing.T) {
	for _, tc := range []struct {
		name, set, path, msg string
	}{
		{"class", `class = "人员"`, "staff[civil_servant].class", "项目类别"},
		{"fund", `fund = "基金"`, "staff[civil_servant].fund", "资金性质"},
		{"gov economic", `gov_economic_code = "30101"`, "staff[civil_servant].gov_economic_code", "以 5 开头"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := edit(t, tinyPlan(t), `id = "civil_servant"`, "id = \"civil_servant\"\n"+tc.set)
			checkProblem(t, problemsOf(t, text), tc.path, tc.msg)
		})
	}
	text := tinyPlan(t) + "\n[classification.block]\nfunction_code = \"2010399\"\nclas = \"运转类\"\n"
	checkProblem(t, problemsOf(t, text), "classification.block.clas", "class")
}

// TestUnknownCodes: with a catalogue named, a code it lacks is a problem
// with the nearest code it holds; without one, nothing is checked and the
// built-in table names the codes it knows.
func TestUnknownCodes(t *testing.T) {
	kemu, err := configs.FS.ReadFile(configs.CataloguePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, set, path, msg string
	}{
		{"function", `function_code = "2010302"`, "staff[civil_servant].function_code", "最接近的是 2010301"},
		{"economic", `economic_code = "30102"`, "staff[civil_servant].economic_code", "最接近的是 30101"},
		{"gov economic", `gov_economic_code = "50102"`, "staff[civil_servant].gov_economic_code", "不在科目表"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := edit(t, tinyPlan(t), `id = "civil_servant"`, "id = \"civil_servant\"\n"+tc.set)
			named := edit(t, text, "[plan]", "[plan]\ncatalogue = \"kemu.toml\"")
			checkProblem(t, loadProblems(t, map[string][]byte{"plan.toml": []byte(named), "kemu.toml": kemu}), tc.path, tc.msg)
			if ps := loadProblems(t, map[string][]byte{"plan.toml": []byte(text)}); len(ps) > 0 {
				t.Errorf("without a catalogue named: %s", listProblems(ps))
			}
		})
	}
	text := edit(t, tinyPlan(t), "[plan]", "[plan]\ncatalogue = \"kemu.toml\"") + "\n[classification.damping]\nfunction_code = \"2019999\"\n"
	checkProblem(t, loadProblems(t, map[string][]byte{"plan.toml": []byte(text), "kemu.toml": kemu}), "classification.damping.function_code", "2010399")
}

// loadProblems writes files into a folder and loads plan.toml from it:
// the problems of loading and validating.
func loadProblems(t *testing.T, files map[string][]byte) []formula.Problem {
	t.Helper()
	dir := t.TempDir()
	for f, b := range files {
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := LoadFile(filepath.Join(dir, "plan.toml"))
	if err == nil {
		_, err = doc.Plan()
	}
	return formula.ProblemsOf(err)
}

func checkProblem(t *testing.T, ps []formula.Problem, path, msg string) {
	t.Helper()
	for _, p := range ps {
		if p.Path == path && says(p, msg) {
			if p.File == "" || p.Line == 0 {
				t.Errorf("problem %s lacks its file or line", p)
			}
			return
		}
	}
	t.Errorf("no problem at %s containing %q; got:\n%s", path, msg, listProblems(ps))
}

// TestClassificationParsed: [classification.*] and a transfer's codes
// reach the plan; a plan's own catalogue replaces the built-in one.
func TestClassificationParsed(t *testing.T) {
	dir := t.TempDir()
	text := edit(t, tinyPlan(t), "[plan]", "[plan]\ncatalogue = \"kemu.toml\"")
	text = edit(t, text, `id = "civil_servant"`, "id = \"civil_servant\"\nfunction_code = \"2240101\"\nclass = \"人员类\"\ndoc_no = \"区财〔2025〕1号\"")
	text += "\n[classification.block]\nfunction_code = \"2240101\"\nfund = \"政府性基金预算\"\n"
	kemu := "year = 2026\n[function]\n\"2240101\" = \"自定义\"\n"
	for f, b := range map[string]string{"plan.toml": text, "kemu.toml": kemu} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := LoadFile(filepath.Join(dir, "plan.toml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if c := p.Staff[0].Codes; c.Class != "人员类" || c.DocNo != "区财〔2025〕1号" || c.Function != "2240101" {
		t.Errorf("staff codes %+v", c)
	}
	if c := p.StageCodes.Block; c.Function != "2240101" || c.Fund != "政府性基金预算" {
		t.Errorf("block codes %+v", c)
	}
	if p.Catalogue == nil || p.Catalogue.Year != 2026 || p.Catalogue.Name(formula.FunctionCode, "2240101") != "自定义" {
		t.Errorf("catalogue %+v", p.Catalogue)
	}
	// a bad catalogue: its file, line and key
	if err := os.WriteFile(filepath.Join(dir, "kemu.toml"), []byte("year = 2026\n[function]\n\"22401\" = \"\"\nnames = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if doc, err = LoadFile(filepath.Join(dir, "plan.toml")); err == nil {
		_, err = doc.Plan()
	}
	ps := formula.ProblemsOf(err)
	checkProblem(t, ps, "function.22401", "名称为空")
	checkProblem(t, ps, "function.names", "格式不对")
	for _, p := range ps {
		if p.File == "kemu.toml" && p.Path == "function.22401" && p.Line != 3 {
			t.Errorf("problem %s: want line 3", p)
		}
	}
}

// TestProfiles: the built-in profile reads; every problem of a profile
// names its file, line and key.
func TestProfiles(t *testing.T) {
	data, err := configs.FS.ReadFile("export/yitihua.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseProfile("yitihua.toml", data)
	if err != nil || p.Name != "yitihua" || len(p.Columns) != len(formula.ExportFields) {
		t.Fatalf("profile %+v, %v", p, err)
	}
	bad := "name = \"x\"\n[[column]]\nheader = \"金额\"\nfield = \"amout\"\n[[column]]\nheader = \"金额\"\nfield = \"item\"\nformat = \"0.00\"\n[[column]]\nheader = \"b\"\nfield = \"amount\"\nformat = \"0.000\"\nwidth = 3\n"
	_, err = ParseProfile("p.toml", []byte(bad))
	ps := formula.ProblemsOf(err)
	checkProblem(t, ps, "column[1].field", "amount")
	checkProblem(t, ps, "column[2].header", "重复")
	checkProblem(t, ps, "column[2].format", "amount")
	checkProblem(t, ps, "column[3].format", "0.000")
	checkProblem(t, ps, "column[3].width", "")
	for _, p := range ps {
		if p.File != "p.toml" {
			t.Errorf("problem %s lacks its file", p)
		}
	}
}
