package archtest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The architecture tests check themselves: each check runs on made-up
// import graphs or on a small module planted in a temporary folder, with
// the faults it exists to catch, and must report each of them (and
// nothing on a clean one).

// plantModule writes a module example.com/m with files (path → source)
// in a temporary folder and returns its root.
func plantModule(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, src := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// formulaRule is the rule of rules about formula's direct imports.
func formulaRule(t *testing.T) rule {
	t.Helper()
	i := slices.IndexFunc(rules, func(r rule) bool { return slices.Equal(r.pkgs, []string{"./formula"}) })
	if i < 0 {
		t.Fatal("rules has no rule about ./formula")
	}
	return rules[i]
}

// formulaDeps is the rule of depRules about what formula links.
func formulaDeps(t *testing.T) depRule {
	t.Helper()
	i := slices.IndexFunc(depRules, func(r depRule) bool { return r.pkg == "./formula" })
	if i < 0 {
		t.Fatal("depRules has no rule about ./formula")
	}
	return depRules[i]
}

// TestChecksCatchPlantedFaults plants in a module a formula that imports
// net/http and a package of the module (itself importing os), and holds a
// function literal of 200 lines, and a rule about a package that does not
// exist: the architecture's checks, run as on the real module, must
// report each.
func TestChecksCatchPlantedFaults(t *testing.T) {
	long := "var f = func() {\n" + strings.Repeat("\t_ = 1\n", 198) + "}\n"
	planted := plantModule(t, map[string]string{
		"formula/formula.go": "package formula\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/m/internal/leak\"\n)\n\n" +
			"var _, _ = http.MethodGet, leak.X\n\n" + long,
		"internal/leak/leak.go": "package leak\n\nimport \"os\"\n\nvar X = os.Getpid\n",
	})
	clean := plantModule(t, map[string]string{
		"formula/formula.go": "package formula\n\nimport \"math/big\"\n\nvar f = func() *big.Int { return big.NewInt(1) }\n",
	})
	for _, tt := range []struct {
		name  string
		check func(t *testing.T, root string) []string
		want  []string // a substring of each problem on the planted module
		// clean: the check passes on the clean module (a rule naming a
		// package that does not exist fails on any module)
		clean bool
	}{
		{"a function literal of 200 lines", sizeCheck, []string{"formula/formula.go:11: func literal is 200 lines, at most 80"}, true},
		{"formula's direct imports", importCheck(formulaRule(t)), []string{"formula imports example.com/m/internal/leak", "formula imports net/http"}, true},
		{"what formula links", depsCheck(formulaDeps(t)), []string{"./formula links example.com/m/internal/leak (example.com/m/formula → example.com/m/internal/leak)"}, true},
		{"a rule naming a package that does not exist", unmatchedCheck(rule{reason: "gone", pkgs: []string{"./nope/..."}}), []string{`rule ["./nope/..."] constrains no package of example.com/m: gone`}, false},
		{"a dependency rule naming a package that does not exist", depsCheck(depRule{reason: "gone", pkg: "./nope"}), []string{"rule about ./nope: go list -deps"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.check(t, planted)
			if len(got) != len(tt.want) {
				t.Fatalf("on the planted module: %q, want %d problems like %q", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q, want it to say %q", i, got[i], w)
				}
			}
			if got := tt.check(t, clean); tt.clean && len(got) > 0 {
				t.Errorf("on a clean module: %q", got)
			}
		})
	}
}

// sizeCheck runs TestSizes' check on the module at root.
func sizeCheck(t *testing.T, root string) []string {
	var out []string
	for _, path := range moduleFiles(t, root) {
		out = append(out, sizeProblems(path, limitsFor(path))...)
	}
	return out
}

// loadPlanted loads the module at root as TestArchitecture loads the
// real one.
func loadPlanted(t *testing.T, root string) (string, []pkg) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	mod, pkgs, problems, err := loadModule(ctx, root)
	if err != nil || len(problems) > 0 {
		t.Fatalf("load the planted module: %v %q", err, problems)
	}
	return mod, pkgs
}

// importCheck runs TestArchitecture's check of r.
func importCheck(r rule) func(t *testing.T, root string) []string {
	return func(t *testing.T, root string) []string {
		mod, pkgs := loadPlanted(t, root)
		var out []string
		for _, v := range check(mod, pkgs, []rule{r}) {
			out = append(out, v.String())
		}
		return out
	}
}

// unmatchedCheck runs TestArchitecture's check that r constrains a
// package.
func unmatchedCheck(r rule) func(t *testing.T, root string) []string {
	return func(t *testing.T, root string) []string {
		mod, pkgs := loadPlanted(t, root)
		return unmatched(mod, pkgs, []rule{formulaRule(t), r})
	}
}

// depsCheck runs TestDependencies' check of r; an error is a problem.
func depsCheck(r depRule) func(t *testing.T, root string) []string {
	return func(t *testing.T, root string) []string {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		ps, err := checkDeps(ctx, root, "example.com/m", r)
		if err != nil {
			return []string{err.Error()}
		}
		return ps
	}
}

// TestRulesReportForbiddenImports runs the rules on a made-up import graph
// with forbidden arrows and checks each is reported, and nothing else.
func TestRulesReportForbiddenImports(t *testing.T) {
	const mod = "example.com/m"
	graph := []pkg{
		{mod + "/formula", map[string][]string{
			"a.go": {"fmt", "math/big"},
			"b.go": {"os", "example.com/m/internal/numfmt"},
			"c.go": {"math/rand/v2", "net/http", "log/slog", "time"},
		}},
		{mod + "/standards", map[string][]string{"s.go": {mod + "/formula", mod + "/server"}}},
		{mod + "/standards/plangen", map[string][]string{"g.go": {mod + "/internal/report"}}},
		{mod + "/internal/report", map[string][]string{"r.go": {mod + "/formula", mod + "/standards", "github.com/xuri/excelize/v2"}}},
		{mod + "/internal/report/xlsx", map[string][]string{"x.go": {"github.com/xuri/excelize/v2", mod + "/internal/report"}}},
		{mod + "/internal/numfmt", map[string][]string{"n.go": {mod + "/formula", mod + "/standards"}}},
		{mod + "/internal/app", map[string][]string{"app.go": {"github.com/gin-gonic/gin", mod + "/cmd/caili"}, "http.go": {"net/http"}}},
		{mod + "/internal/textutil", map[string][]string{"clip.go": {"unicode/utf8", mod + "/formula"}}},
		{mod + "/internal/analysis", map[string][]string{"solve.go": {mod + "/standards", mod + "/internal/app", mod + "/server/chart", "net/http"}}},
		{mod + "/server", map[string][]string{"s.go": {"github.com/gin-gonic/gin/binding", mod + "/server/chart"}}},
		{mod + "/server/dashboard", map[string][]string{"d.go": {"github.com/gin-gonic/gin", "github.com/wcharczuk/go-chart/v2", mod + "/server"}}},
		{mod + "/server/chart", map[string][]string{
			"render.go": {"github.com/wcharczuk/go-chart/v2"},
			"bars.go":   {"github.com/wcharczuk/go-chart/v2/drawing", mod + "/standards"},
			"style.go":  {"math"},
		}},
		{mod + "/cmd/caili", map[string][]string{"main.go": {mod + "/server", mod + "/internal/app", "github.com/gin-gonic/gin"}}},
	}
	var got []string
	for _, v := range check(mod, graph, rules) {
		got = append(got, v.pkg[len(mod)+1:]+" → "+v.imp+" "+strings.Join(v.files, ","))
		if v.rule.reason == "" || !strings.Contains(v.String(), v.rule.reason) {
			t.Errorf("violation %v lacks its rule's reason", v)
		}
	}
	want := []string{
		"formula → example.com/m/internal/numfmt b.go",
		"formula → log/slog c.go",
		"formula → math/rand/v2 c.go",
		"formula → net/http c.go",
		"formula → os b.go",
		"formula → time c.go",
		"standards → example.com/m/server s.go",
		"standards/plangen → example.com/m/internal/report g.go",
		"internal/report → example.com/m/standards r.go",
		"internal/numfmt → example.com/m/standards n.go",
		"internal/app → github.com/gin-gonic/gin app.go",
		"internal/app → example.com/m/cmd/caili app.go",
		"internal/app → example.com/m/cmd/caili app.go", // also: nothing imports cmd
		"internal/app → net/http http.go",
		"internal/textutil → example.com/m/formula clip.go",
		"internal/analysis → example.com/m/internal/app solve.go",
		"internal/analysis → example.com/m/server/chart solve.go",
		"internal/analysis → net/http solve.go",
		"server/dashboard → example.com/m/server d.go",
		"internal/report → github.com/xuri/excelize/v2 r.go",
		"server/dashboard → github.com/wcharczuk/go-chart/v2 d.go",
		"server/chart → github.com/wcharczuk/go-chart/v2, github.com/wcharczuk/go-chart/v2/drawing bars.go,render.go",
		"server/chart → example.com/m/standards bars.go",
		"internal/app → github.com/gin-gonic/gin app.go", // also: gin only in server
		"server/dashboard → github.com/gin-gonic/gin d.go",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("violations:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}

	// The same graph without the forbidden arrows passes.
	clean := []pkg{
		{mod + "/formula", map[string][]string{"a.go": {"fmt", "math/big", "github.com/shopspring/decimal"}}},
		{mod + "/internal/numfmt", map[string][]string{"n.go": {mod + "/formula"}}},
		{mod + "/internal/report/xlsx", map[string][]string{"x.go": {"github.com/xuri/excelize/v2"}}},
		{mod + "/server", map[string][]string{"s.go": {"github.com/gin-gonic/gin", mod + "/internal/app"}}},
		{mod + "/server/chart", map[string][]string{"render.go": {"github.com/wcharczuk/go-chart/v2", "github.com/wcharczuk/go-chart/v2/drawing"}}},
		{mod + "/cmd/caili", map[string][]string{"main.go": {mod + "/server", "github.com/gin-gonic/gin"}}},
	}
	if vs := check(mod, clean, rules); len(vs) > 0 {
		t.Errorf("a clean graph gives violations: %v", vs)
	}
}

func TestMatch(t *testing.T) {
	const mod = "example.com/m"
	for _, c := range []struct {
		pat, path string
		want      bool
	}{
		{"./...", mod + "/formula", true},
		{"./...", "example.com/mm/formula", false},
		{"./...", "fmt", false},
		{"./formula", mod + "/formula", true},
		{"./formula", mod + "/formula/sub", false},
		{"./server/...", mod + "/server", true},
		{"./server/...", mod + "/server/chart", true},
		{"./server/...", mod + "/serverless", false},
		{"net/...", "net", true},
		{"net/...", "net/http", true},
		{"net/...", "netx", false},
		{"time", "time", true},
		{"time", "time/tzdata", false},
		{gochart, "github.com/wcharczuk/go-chart/v2/drawing", true},
	} {
		if got := match(mod, c.pat, c.path); got != c.want {
			t.Errorf("match(%q, %q) = %v, want %v", c.pat, c.path, got, c.want)
		}
	}
}
