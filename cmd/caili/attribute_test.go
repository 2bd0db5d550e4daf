package main

import (
	"strings"
	"testing"
)

// TestAttributeGolden pins `caili compare --attribute` (docs/attribution.md)
// byte for byte. Run `go test ./cmd/caili -update` after an intended change.
func TestAttributeGolden(t *testing.T) {
	lastYear := "../../testdata/lastyear/plan.toml"
	tests := []struct {
		file string
		args []string
	}{
		{"attribute-workload.txt", []string{"compare", "--scenario", "workload_weight_0_5", "--set", "plan.capacity=2700000000", "--attribute"}},
		{"attribute-rated.csv", []string{"compare", "--scenario", "vector_control_rated_zhong", "--attribute", "--format", "csv"}},
		{"attribute-lastyear.txt", []string{"compare", "--against", lastYear, "--attribute", "--by", "group"}},
		{"attribute-lastyear.json", []string{"compare", "--against", lastYear, "--attribute", "--by", "group", "--format", "json"}},
		{"attribute-lastyear-detail.csv", []string{"compare", "--against", lastYear, "--attribute", "--format", "csv"}},
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

func TestAttributeRefusals(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"bad --by", []string{"compare", "--scenario", "capacity_minus_5pct", "--attribute", "--by", "magic"}, 2, []string{"--by"}},
		{"--by without --attribute", []string{"compare", "--scenario", "capacity_minus_5pct", "--by", "group", "--lang", "en"}, 2, []string{"--by goes with --attribute"}},
		{"--against with --set", []string{"compare", "--against", "../../testdata/lastyear/plan.toml", "--set", "plan.capacity=1"}, 2, []string{"--against"}},
		{"nothing to compare", []string{"compare", "--attribute"}, 2, []string{"--against"}},
		{"15 overrides one by one", []string{"compare", "--scenario", "vector_control_rated_zhong", "--attribute", "--by", "override"}, 1, []string{"at most 12"}},
		{"a coalition the rules reject", []string{"compare", "--set", "staff.civil_servant.annual_pay=2000000", "--set", "plan.capacity=9000000000", "--attribute"}, 1,
			[]string{"组合 [staff.civil_servant.annual_pay]", "by group"}},
		{"missing old plan", []string{"compare", "--against", "nope.toml", "--attribute"}, 1, []string{"nope.toml", "文件不存在"}},
		{"explain --attribute without a what-if", []string{"--lang=en", "explain", "--subdistrict", "desheng", "--attribute"}, 2, []string{"explain --attribute needs"}},
		{"explain --attribute as JSON", []string{"explain", "--subdistrict", "desheng", "--attribute", "--set", "plan.capacity=2700000000", "--format", "json"}, 2, []string{"--format text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := caili(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if out != "" {
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

// TestExplainAttribute: a what-if's explanation ends with its change
// split by group; without --attribute it is as before.
func TestExplainAttribute(t *testing.T) {
	args := []string{"explain", "--subdistrict", "xinjiekou", "--set", "plan.capacity=2700000000", "--set", "project.vector_control.unit_cost=2"}
	plain, _, code := caili(t, args...)
	if code != 0 || strings.Contains(plain, "变化归因") {
		t.Fatalf("exit %d; explanation without --attribute:\n%s", code, plain)
	}
	out, stderr, code := caili(t, append(args, "--attribute")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "\n变化归因（Shapley 值,见 docs/attribution.md）: 比原方案减少 861,745 元:标准调整 −861,745 元\n"
	if out != plain+want {
		t.Errorf("explanation with --attribute ends\n%q\nwant the plain one and %q", out[max(0, len(out)-300):], want)
	}
	// Against last year: the explanation of this year's plan, then the
	// change on last year split by group.
	out, stderr, code = caili(t, "explain", "--subdistrict", "desheng", "--against", "../../testdata/lastyear/plan.toml")
	want = "\n变化归因（Shapley 值,见 docs/attribution.md）: 比上年增加 6,478,509 元:数据变化 +2,332,472.75 元,标准调整 −920,911.92 元,财力总额 +4,486,359.42 元,绩效评级 +580,588.75 元\n"
	if code != 0 || !strings.HasSuffix(out, want) {
		t.Errorf("exit %d %s; explain --against ends\n%q\nwant %q", code, stderr, out[max(0, len(out)-300):], want)
	}
}
