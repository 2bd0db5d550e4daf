package main

import (
	"os"
	"strings"
	"testing"
)

// TestExplainByName: `explain --subdistrict 德胜街道` is `--subdistrict
// desheng`, and --set paths may name entries and quantities (docs/names.md).
func TestExplainByName(t *testing.T) {
	for _, tt := range []struct{ byName, byID []string }{
		{[]string{"explain", "--subdistrict", "德胜街道"}, []string{"explain", "--subdistrict", "desheng"}},
		{[]string{"explain", "--subdistrict", " 西长安街街道 ", "--format", "json"}, []string{"explain", "--subdistrict", "xichangan", "--format", "json"}},
		{
			[]string{"explain", "--subdistrict", "德胜街道", "--set", "subdistrict.德胜街道.quantities.病媒防制面积=3000000", "--set", "project.病媒生物防制.unit_cost=3"},
			[]string{"explain", "--subdistrict", "desheng", "--set", "subdistrict.desheng.quantities.vector_area_m2=3000000", "--set", "project.vector_control.unit_cost=3"},
		},
		{
			[]string{"solve", "--target", "tier.A.demand<=cap", "--vary", "project.病媒生物防制.unit_cost", "--format", "json"},
			[]string{"solve", "--target", "tier.A.demand<=cap", "--vary", "project.vector_control.unit_cost", "--format", "json"},
		},
		{
			[]string{"calc", "--format", "csv", "--set", "subdistrict.德胜街道.adjustment=1.2", "--set", "subdistrict.德胜街道.staff.公务员=120"},
			[]string{"calc", "--format", "csv", "--set", "subdistrict.desheng.adjustment=1.2", "--set", "subdistrict.desheng.staff.civil_servant=120"},
		},
	} {
		a, aerr, acode := caili(t, tt.byName...)
		b, berr, bcode := caili(t, tt.byID...)
		if acode != 0 || bcode != 0 || a != b || a == "" {
			t.Errorf("%q: exit %d %s\nis not %q: exit %d %s", tt.byName, acode, aerr, tt.byID, bcode, berr)
		}
	}
	// A target by name is the target by id; only its echo differs.
	a, _, acode := caili(t, "solve", "--target", "subdistrict.德胜街道.total>=204000000", "--format", "json")
	b, _, bcode := caili(t, "solve", "--target", "subdistrict.desheng.total>=204000000", "--format", "json")
	if acode != 0 || bcode != 0 || strings.Replace(a, "德胜街道", "desheng", 1) != b {
		t.Errorf("solve by name: exit %d\n%s\nis not by id: exit %d\n%s", acode, a, bcode, b)
	}
	base, _, _ := caili(t, "calc", "--format", "csv")
	moved, _, _ := caili(t, "calc", "--format", "csv", "--set", "subdistrict.德胜街道.adjustment=1.2")
	if base == moved {
		t.Error("the override by name changed nothing")
	}
}

// TestNameProblems: an unknown name suggests the nearest ids and names;
// the exit status is 1.
func TestNameProblems(t *testing.T) {
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"explain", "--subdistrict", "德胜"}, "您是不是要找 desheng / 德胜街道?"},
		{[]string{"explain", "--subdistrict", "deshen"}, "您是不是要找 desheng / 德胜街道?"},
		{[]string{"explain", "--subdistrict", "desheng", "--set", "subdistrict.德胜.adjustment=1.1"}, "您是不是要找 desheng / 德胜街道?"},
		{[]string{"calc", "--set", "project.病媒防制.unit_cost=1"}, "vector_control / 病媒生物防制"},
		{[]string{"template", "--subdistrict", "德胜", "--out", "-"}, "您是不是要找 desheng / 德胜街道?"},
	} {
		_, stderr, code := caili(t, tt.args...)
		if code != 1 || !strings.Contains(stderr, tt.says) {
			t.Errorf("%q: exit %d, %q; want 1 saying %q", tt.args, code, stderr, tt.says)
		}
	}
}

// TestTemplateByName: `template --subdistrict 德胜街道` writes the copy for
// desheng, named by its id, with the plan's quantity labels.
func TestTemplateByName(t *testing.T) {
	t.Chdir(t.TempDir())
	_, stderr, code := caili(t, "template", "--subdistrict", "德胜街道")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat("subdistricts-desheng.xlsx"); err != nil {
		t.Fatal(err)
	}
	byName, _, _ := caili(t, "template", "--subdistrict", "德胜街道", "--out", "-")
	byID, _, _ := caili(t, "template", "--subdistrict", "desheng", "--out", "-")
	if byName != byID {
		t.Error("the copy by name differs from the copy by id")
	}
}
