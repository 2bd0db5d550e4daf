package standards

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"unicode"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// untranslated says what is wrong with a problem said in Chinese and
// English: a language missing, both the same, or a Chinese message with
// no Chinese in it (English left untranslated); "" when all is well.
func untranslated(p formula.Problem) string {
	switch {
	case msg.Problem(msg.Zh, p) == "" || msg.Problem(msg.En, p) == "":
		return "a language is missing"
	case msg.Problem(msg.Zh, p) == msg.Problem(msg.En, p):
		return "Chinese and English are the same"
	case !strings.ContainsFunc(msg.Problem(msg.Zh, p), func(r rune) bool { return unicode.Is(unicode.Han, r) }):
		return "the Chinese has no Chinese in it"
	}
	return ""
}

// checkTranslated checks every problem of err, caili's error, and its
// summary in both languages; it returns how many problems there were.
func checkTranslated(t *testing.T, what string, err error) int {
	t.Helper()
	var se *formula.InvalidPlanError
	if !errors.As(err, &se) {
		t.Errorf("%s: want problems, got %v", what, err)
		return 0
	}
	for _, p := range se.Problems {
		if why := untranslated(p); why != "" {
			t.Errorf("%s: %s %s: %q / %q: %s", what, p.Path, p.Code, msg.Problem(msg.Zh, p), msg.Problem(msg.En, p), why)
		}
	}
	if zh, en := msg.Error(msg.Zh, err), msg.Error(msg.En, err); zh == en || !strings.HasPrefix(en, "the plan is invalid") && !strings.HasPrefix(en, "the overrides cannot be applied") {
		t.Errorf("%s: the summary %q / %q", what, zh, en)
	}
	return len(se.Problems)
}

// TestStandardsProblemsTranslated loads broken plans, standards files,
// scenarios and overrides, and checks that every problem is said in
// Chinese and in English from the message table.
func TestStandardsProblemsTranslated(t *testing.T) {
	tiny, rules := tinyPlan(t), rulesPlan(t)
	plans := map[string]string{
		"syntax":        "[plan\n",
		"UTF-16":        "\xff\xfe[\x00",
		"workbook":      "PK\x03\x04rest",
		"GBK":           "[plan]\nname = \"\xce\xf7\"\n",
		"nesting":       "a = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n",
		"float digits":  strings.Replace(tiny, `capacity = "60000000"`, `capacity = 1234567890123456.78`, 1),
		"string digits": strings.Replace(tiny, `capacity = "60000000"`, `capacity = "`+strings.Repeat("9", 40)+`"`, 1),
		"values": strings.NewReplacer(
			`capacity = "60000000"`, `capacity = "6e7"`+"\ncolour = 1",
			`fiscal_year = 2025`, `fiscal_year = 20.5`,
			`name = "公务员"`, `name = 5`,
			`tier = "B"`, `tier = "E"`,
			`mode = "redistribute"`, `mode = "share"`,
			`basis = ["communities"]`, `basis = "communities"`,
			`population = 64000`, `population = nan`,
			`rate = "12000"`, `rate = true`,
		).Replace(tiny),
		"no plan table": strings.Replace(tiny, "[plan]", "[plan_]", 1),
		"rules": strings.NewReplacer(
			`overflow = "demote"`, `overflow = "spill"`,
			`exclude = [`, `floor_keeps_rating = "yes"`+"\nexclude = [\"block\", ",
		).Replace(rules) + "\n[tiers.mandatory]\nmax_share = \"0.5\"\n[quantity_labels]\npopulation = \"人口\"\narea_km2 = { name = \"面积\", colour = 1 }\n",
		"standards elsewhere": strings.Replace(tiny, "[plan]", "[plan]\nstandards = \"../std.toml\"", 1),
		"no standards file":   strings.Replace(tiny, "[plan]", "[plan]\nstandards = \"nope.toml\"", 1),
		"standards twice":     strings.Replace(tiny, "[plan]", "[plan]\nstandards = \"std.toml\"", 1),
		"data and tables":     strings.Replace(tiny, "[plan]", "[plan]\ndata = \"d.csv\"", 1),
		"data empty":          strings.Replace(tiny, "[plan]", "[plan]\ndata = \"\"", 1),
	}
	files := map[string]string{"std.toml": "[damping]\nbaseline = \"x\"\nfloor = \"0.9\"\n"}
	read := func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, fs.ErrNotExist
	}
	n := 0
	for name, text := range plans {
		doc, err := Parse("plan.toml", []byte(text), read)
		if err == nil {
			_, err = doc.Plan()
		}
		n += checkTranslated(t, name, err)
	}

	// Overrides, on the sample plan.
	doc, err := LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []string{
		"subdistrict.desheng.quantities.resident_populaton=9", "performance.coefficients.忧=2",
		"project_performance.coefficients.一般=0.5", "subdistrict.deshen.adjustment=1.1", "plann.capacity=1",
		"plan.capacity=lots", "plan.capacity=-1", "damping.floor_keeps_rating=yes", "damping.exclude=a,,b",
		"tiers.overflow=spill", "plan.capacity=" + strings.Repeat("7", 40),
	} {
		path, value, _ := strings.Cut(set, "=")
		_, err := doc.Model(Override{Path: path, Value: value, File: "--set"})
		n += checkTranslated(t, set, err)
	}

	// Scenario files.
	for _, text := range []string{
		"[set]\n\"plan.capacity\" = 1\n", "[scenario]\nname = \"x\"\ncolour = 1\n", "[scenario]\nname = 5\ndescription = 1\n",
		"[scenario\n",
	} {
		_, err := ParseScenario("s.toml", []byte(text))
		n += checkTranslated(t, text, err)
	}
	if n < 40 {
		t.Errorf("only %d problems: the inputs do not reach the messages", n)
	}
}

// TestRefErrorTranslated: a reference that names no entry, or several,
// is said in either language.
func TestRefErrorTranslated(t *testing.T) {
	es := []Entry{{ID: "east", Name: "东"}, {ID: "west", Name: "西"}, {ID: "west2", Name: "西"}}
	for _, ref := range []string{"eest", "西"} {
		_, err := ResolveRef(TableSubdistrict, ref, es)
		var re *RefError
		if !errors.As(err, &re) {
			t.Fatalf("%s: %v", ref, err)
		}
		p := formula.Problem{Says: []formula.Words{msg.Verbatim.Words(re)}}
		if why := untranslated(p); why != "" || !strings.Contains(msg.Problem(msg.En, p), "sub-district") {
			t.Errorf("%s: %q / %q %s", ref, msg.Problem(msg.Zh, p), msg.Problem(msg.En, p), why)
		}
	}
}
