package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// caili runs the command in-process and returns stdout, stderr and the exit code.
func caili(t testing.TB, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), exitCode(err)
}

// TestTinyExample reproduces shared/examples/tiny/expected.json amount for amount.
func TestTinyExample(t *testing.T) { checkExample(t, "tiny") }

// TestRulesExample reproduces shared/examples/rules/expected.json, the
// example of the rules added later (project ratings, overflow demoted,
// floors that keep the rating, damping without staff costs), amount for
// amount.
func TestRulesExample(t *testing.T) { checkExample(t, "rules") }

// TestMoneyExample reproduces shared/examples/money/expected.json, the
// example of where the money goes (SPEC §6: a fixed block grant with the
// rest kept by the district, a district-managed project, transfers, tier
// caps on the whole budget, execution-rate cuts), amount for amount.
func TestMoneyExample(t *testing.T) { checkExample(t, "money") }

// checkExample compares `caili calc --format json` on testdata/NAME/plan.toml
// with testdata/NAME/expected.json.
func checkExample(t *testing.T, name string) {
	out, stderr, code := caili(t, "calc", "--plan", "../../testdata/"+name+"/plan.toml", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got, want struct {
		Capacity           string `json:"capacity"`
		Reserve            string `json:"reserve"`
		PerformanceReserve string `json:"performance_reserve"`
		DampingReserve     string `json:"damping_reserve"`
		DistrictPool       any    `json:"district_pool"`
		DistrictManaged    any    `json:"district_managed"`
		Transfers          any    `json:"transfers"`
		Subdistricts       []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../../testdata/" + name + "/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	same := func(what string, g, w any) {
		gs, _ := g.(string)
		ws, _ := w.(string)
		gd, err1 := decimal.NewFromString(gs)
		wd, err2 := decimal.NewFromString(ws)
		if err1 != nil || err2 != nil || !gd.Equal(wd) {
			t.Errorf("%s = %v, want %v", what, g, w)
		}
	}
	same("capacity", got.Capacity, want.Capacity)
	same("reserve", got.Reserve, want.Reserve)
	same("performance_reserve", got.PerformanceReserve, want.PerformanceReserve)
	same("damping_reserve", got.DampingReserve, want.DampingReserve)
	for _, x := range []struct {
		name      string
		got, want any
	}{{"district_pool", got.DistrictPool, want.DistrictPool}, {"district_managed", got.DistrictManaged, want.DistrictManaged},
		{"transfers", got.Transfers, want.Transfers}} {
		if x.want != nil {
			same(x.name, x.got, x.want)
		}
	}
	if len(got.Subdistricts) != len(want.Subdistricts) {
		t.Fatalf("%d sub-districts, want %d", len(got.Subdistricts), len(want.Subdistricts))
	}
	for i, w := range want.Subdistricts {
		g := got.Subdistricts[i]
		for _, k := range []string{"id", "name"} {
			if g[k] != w[k] {
				t.Errorf("subdistrict %d %s = %v, want %v", i, k, g[k], w[k])
			}
		}
		for _, k := range []string{"personnel", "public", "projects", "incentive", "block", "damping", "total", "managed", "transfers"} {
			if _, ok := w[k]; ok {
				same(w["id"].(string)+"."+k, g[k], w[k])
			}
		}
	}
}

// TestGolden pins every output of the sample plan byte for byte.
// Run `go test ./cmd/caili -update` after an intended change.
func TestGolden(t *testing.T) {
	tests := []struct {
		file string
		args []string
	}{
		{"sample.txt", []string{"calc"}},
		{"sample.csv", []string{"calc", "--format", "csv"}},
		{"sample.json", []string{"calc", "--format", "json"}},
		{"explain-desheng.txt", []string{"explain", "--subdistrict", "desheng"}},
		{"compare-vector.txt", []string{"compare", "--scenario", "vector_control_1_5"}},
		{"compare-vector-saved.txt", []string{"compare", "--scenario", "vector_control_saved"}},
		{"compare-execution.txt", []string{"compare", "--scenario", "execution_cut"}},
		{"compare-vector.csv", []string{"compare", "--scenario", "vector_control_1_5", "--format", "csv"}},
		{"compare-capacity.json", []string{"compare", "--scenario", "capacity_minus_5pct", "--format", "json"}},
		{"compare-workload.txt", []string{"compare", "--set", "factor.workload.weight=0.5", "--set", "factor.area.weight=0.1"}},
		{"tiny.json", []string{"calc", "--plan", "../../testdata/tiny/plan.toml", "--format", "json"}},
		{"tiny.csv", []string{"calc", "--plan", "../../testdata/tiny/plan.toml", "--format", "csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out, stderr, code := caili(t, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			wbGolden(t, tt.file, out)
		})
	}
}

func TestCSVShape(t *testing.T) {
	out, _, code := caili(t, "calc", "--format", "csv")
	if code != 0 {
		t.Fatal("calc failed")
	}
	if !strings.HasPrefix(out, "\ufeffid,name,personnel,") {
		t.Errorf("CSV does not start with BOM and header: %q", out[:40])
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if len(lines) != 1+15+1 {
		t.Errorf("CSV has %d CRLF lines, want header + 15 + totals", len(lines))
	}
	if !strings.HasPrefix(lines[len(lines)-1], "total,合计,") {
		t.Errorf("last row is not the totals row: %q", lines[len(lines)-1])
	}
	gb, _, code := caili(t, "calc", "--format", "csv", "--encoding", "gb18030")
	back, err := simplifiedchinese.GB18030.NewDecoder().String(gb)
	if code != 0 || err != nil || "\ufeff"+back != out {
		t.Errorf("--encoding gb18030: exit %d, err %v; want the UTF-8 CSV in GB18030 without a BOM", code, err)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	tiny, err := os.ReadFile("../../testdata/tiny/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := write("bad.toml", strings.Replace(string(tiny), `tier = "B"`, `tier = "E"`, 1)+"\n[oops]\nx = 1\n")
	short := write("short.toml", strings.Replace(string(tiny), `capacity = "60000000"`, `capacity = "40000000"`, 1))
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"ok", []string{"validate"}, 0, nil},
		{"no command", nil, 2, []string{"用法:", "没有给出命令"}},
		{"no command (en)", []string{"--lang", "en"}, 2, []string{"usage:", "no command"}},
		{"unknown command", []string{"frobnicate", "--lang", "en"}, 2, []string{"unknown command"}},
		{"unknown language", []string{"--lang", "fr", "calc"}, 2, []string{`"fr"`, "zh", "en"}},
		{"bad flag", []string{"calc", "--bogus"}, 2, []string{"bogus"}},
		{"bad format", []string{"calc", "--format", "pdf"}, 2, []string{"--format"}},
		{"explain without id", []string{"explain"}, 2, []string{"--subdistrict"}},
		{"compare without overrides", []string{"compare"}, 2, []string{"--scenario"}},
		{"invalid plan lists every problem", []string{"calc", "--plan", bad}, 1, []string{"bad.toml:", "project[greening].tier", "oops: 未知的键"}},
		{"shortfall", []string{"calc", "--plan", short, "--lang", "en"}, 1, []string{"the calculation does not hold", "exceed what is available", "6,268,400", "626.84 万元", "raise the capacity"}},
		{"missing file", []string{"calc", "--plan", filepath.Join(dir, "nope.toml")}, 1, []string{"nope.toml", "文件不存在"}},
		{"unknown override", []string{"calc", "--set", "plan.nope=1"}, 1, []string{"--set: plan.nope: 未知的调整路径"}},
		{"unknown sub-district", []string{"explain", "--lang", "en", "--subdistrict", "nowhere"}, 1, []string{`nothing has the id or name "nowhere" among the sub-districts`}},
		{"a typo in a quantity", []string{"compare", "--set", "subdistrict.desheng.quantities.resident_populaton=999999"}, 1, []string{"您是不是要找 resident_population?"}},
		{"a coefficient for no rating", []string{"compare", "--set", "performance.coefficients.忧=2"}, 1, []string{"没有绩效等级 \"忧\"（现有:优、良、中、差）"}},
		{"floors infeasible", []string{"--lang", "en", "calc", "--plan", "../../testdata/tiny/plan.toml", "--set", "damping.floor=1.08", "--set", "damping.ceiling=1.1"}, 1, []string{"damping floors cannot be funded"}},
		{"mandatory unfunded", []string{"--lang", "en", "calc", "--plan", "../../testdata/tiny/plan.toml", "--set", "project.elderly_meals.unit_cost=10000"}, 1, []string{"mandatory projects cannot be funded"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := caili(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if code != 0 && out != "" {
				t.Errorf("a failed run wrote to stdout: %.200q", out)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
		})
	}
}

func TestOutFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "result.csv")
	if err := os.WriteFile(out, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A rejected plan leaves the previous file alone.
	if _, _, code := caili(t, "calc", "--set", "plan.capacity=1", "--format", "csv", "--out", out); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if b, _ := os.ReadFile(out); string(b) != "previous" {
		t.Errorf("a failed run changed the output file")
	}
	if _, _, code := caili(t, "calc", "--format", "csv", "--out", out); code != 0 {
		t.Fatal("calc --out failed")
	}
	b, _ := os.ReadFile(out)
	if !bytes.HasPrefix(b, []byte("\ufeffid,")) {
		t.Errorf("output file is not the CSV")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestHelpInBothLanguages pins the usage text: Chinese by default,
// English with --lang en (CAILI_LANG=en in main does the same).
func TestHelpInBothLanguages(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		golden string
	}{
		{[]string{"help"}, "help-zh.txt"},
		{[]string{"--lang", "en", "help"}, "help-en.txt"},
		{[]string{"--lang=zh", "--lang=en", "--help"}, "help-en.txt"},
	} {
		out, _, code := caili(t, tt.args...)
		if code != 0 {
			t.Fatalf("%q: exit %d", tt.args, code)
		}
		wbGolden(t, tt.golden, out)
	}
}
