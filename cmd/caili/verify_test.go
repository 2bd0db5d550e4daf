package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestVerify: an untouched result verifies; one whose amount or stamp
// was edited, or that is checked against another plan, does not.
func TestVerify(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	base, _, _ := caili(t, "calc", "--format", "json")
	whatIf, _, _ := caili(t, "calc", "--format", "json", "--scenario", "vector_control_1_5", "--set", "plan.capacity=2600000000")
	// One sub-district's total, one unit more.
	at := strings.Index(whatIf, `"subdistricts"`)
	at += strings.Index(whatIf[at:], `"total": "`) + len(`"total": "`)
	end := at + strings.IndexByte(whatIf[at:], '"')
	edited := whatIf[:end-1] + string(whatIf[end-1]+1-10*(whatIf[end-1]/'9')) + whatIf[end:]
	sha := regexp.MustCompile(`"sha256": "[0-9a-f]`)
	restamped := sha.ReplaceAllString(base, `"sha256": "x`)
	// As caili wrote it before lines carried names beside their ids; and
	// that older form with an amount edited, and a line's name edited.
	lineName := regexp.MustCompile(`("item": "[^"]*",\n)\s*"name": "[^"]*",\n`)
	labels := regexp.MustCompile(`\n\s*"(quantity_name|unit)": "[^"]*",`)
	unnamed := labels.ReplaceAllString(lineName.ReplaceAllString(base, "$1"), "")
	unnamedEdited := strings.Replace(unnamed, `"amount": "27417600"`, `"amount": "27417601"`, 1)
	renamed := strings.Replace(base, `"name": "公务员"`, `"name": "公务员X"`, 1)
	tiny := filepath.Join(wbRoot, "testdata/tiny/plan.toml")
	for _, tt := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"the sample", []string{write("base.json", base)}, 0, "一致:"},
		{"a what-if: scenario and overrides from the stamp", []string{write("whatif.json", whatIf)}, 0, "情景测算: 病媒生物防制标准降至 1.5 元/平方米,调整 3 项"},
		{"an amount edited", []string{write("edited.json", edited)}, 1, "subdistricts[0].total: 应为"},
		{"written before names", []string{write("unnamed.json", unnamed)}, 0, "一致:"},
		{"written before names, an amount edited", []string{write("unnamed-edited.json", unnamedEdited)}, 1, "subdistricts[0].lines[0].amount: 应为"},
		{"a line's name edited", []string{write("renamed.json", renamed)}, 1, "subdistricts[0].lines[0].name: 应为"},
		{"the stamp edited", []string{write("restamped.json", restamped)}, 1, "校验码不符"},
		{"another plan", []string{write("base2.json", base), "--plan", tiny}, 1, "校验码不符"},
		{"no stamp", []string{write("nostamp.json", `{"plan": "x"}`)}, 1, "没有校验码"},
		{"not JSON", []string{write("x.json", "id,name\n")}, 1, "不是 JSON 结果"},
		{"no file", []string{}, 2, "verify 需要一个结果文件"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := caili(t, append([]string{"verify"}, tt.args...)...)
			if code != tt.code || !strings.Contains(out+stderr, tt.says) {
				t.Errorf("exit %d, want %d saying %q\n%s%s", code, tt.code, tt.says, out, stderr)
			}
		})
	}
	if edited == whatIf || unnamedEdited == unnamed || renamed == base {
		t.Fatal("the test did not edit the result")
	}
	if lineName.MatchString(unnamed) || labels.MatchString(unnamed) || unnamed == base {
		t.Fatal("names left in the older form")
	}
}
