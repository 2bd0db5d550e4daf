package standards

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// TestNoSilentNoOps: an override that sets a key nothing reads, or names
// nothing, is refused with the nearest valid names, whether it alone would
// take the fast path or comes with one that does not; never the base
// figures under a what-if's name.
func TestNoSilentNoOps(t *testing.T) {
	doc, err := LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		set  []string // path=value
		code formula.Code
		says string
	}{
		{"a quantity no standard reads", []string{"subdistrict.desheng.quantities.resident_populaton=999999"}, formula.CodeNoEffect, "您是不是要找 resident_population?"},
		{"a coefficient for an unknown rating", []string{"performance.coefficients.忧=2"}, formula.CodeNoEffect, "现有:优、良、中、差"},
		{"a project coefficient for an unknown rating", []string{"project_performance.coefficients.一般=0.5"}, formula.CodeNoEffect, "没有项目绩效等级 \"一般\""},
		{"an unknown sub-district", []string{"subdistrict.deshen.adjustment=1.1"}, formula.CodeUnknownPath, "您是不是要找 desheng / 德胜街道?"},
		{"a misspelt key", []string{"subdistrict.desheng.adjustmnt=1.1"}, formula.CodeUnknownPath, "您是不是要找 subdistrict.desheng.adjustment?"},
		{"a misspelt table", []string{"plann.capacity=1"}, formula.CodeUnknownPath, "您是不是要找 plan.capacity?"},
		{"a misspelt map", []string{"subdistrict.desheng.quantity.area_km2=3"}, formula.CodeUnknownPath, "subdistrict.desheng.quantities.area_km2"},
		{"a no-op beside a text override", []string{"plan.name=试算", "subdistrict.desheng.quantities.area=3"}, formula.CodeNoEffect, "您是不是要找 area_km2?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ovs []Override
			for _, s := range tt.set {
				path, value, _ := strings.Cut(s, "=")
				ovs = append(ovs, Override{Path: path, Value: value, File: "--set"})
			}
			fast, general := fastAndGeneral(t, doc, ovs)
			if fast != general {
				t.Errorf("the fast path and the general way differ:\n%s\n%s", fast, general)
			}
			_, err := doc.Model(ovs...)
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) || caili.KindOf(err) != caili.KindBadRequest {
				t.Fatalf("want an override problem, got %v", err)
			}
			p := se.Problems[len(se.Problems)-1]
			if p.Code != tt.code || p.File != "--set" || !says(p, tt.says) {
				t.Errorf("got %s %s: %s; want %s saying %q", p.Code, p.Path, msg.Problem(msg.Zh, p), tt.code, tt.says)
			}
		})
	}
	// What does change something is accepted: a quantity a standard
	// reads, a new rating given to a sub-district with its coefficient.
	for _, set := range [][]Override{
		{{Path: "subdistrict.desheng.quantities.resident_population", Value: "120000"}},
		{{Path: "performance.coefficients.特优", Value: "1.1"}, {Path: "subdistrict.desheng.performance", Value: "特优"}},
		{{Path: "subdistrict.desheng.staff.civil_servant", Value: "100"}},
	} {
		if _, err := doc.Model(set...); err != nil {
			t.Errorf("%v: %v", set, err)
		}
	}
}

// TestMisspeltQuantityInStandards: a quantity the standards read that no
// sub-district has is one problem, at the standards file's line, with the
// nearest quantity the sub-districts have; a quantity some lack is
// reported at each of those sub-districts.
func TestMisspeltQuantityInStandards(t *testing.T) {
	for _, tc := range []struct{ old, new, path, near string }{
		{`basis = ["vector_area_m2"]`, `basis = ["vector_area"]`, "project[vector_control].basis", "vector_area_m2"},
		{`quantity = "resident_population"`, `quantity = "resident_populaton"`, "factor[population].indicator[resident_populaton]", "resident_population"},
	} {
		dir := t.TempDir()
		for _, f := range []string{"plan.toml", "standards.toml"} {
			b, err := configs.FS.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if f == "standards.toml" {
				b = []byte(strings.Replace(string(b), tc.old, tc.new, 1))
			}
			if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		doc, err := LoadFile(filepath.Join(dir, "plan.toml"))
		if err != nil {
			t.Fatal(err)
		}
		_, err = doc.Plan()
		var se *formula.InvalidPlanError
		if !errors.As(err, &se) || len(se.Problems) != 1 {
			t.Fatalf("%s: want one problem, got %v", tc.new, err)
		}
		p := se.Problems[0]
		if p.File != "standards.toml" || p.Line == 0 || p.Path != tc.path || p.Code != formula.CodeMissingQuantity ||
			!strings.Contains(msg.Problem(msg.Zh, p), "您是不是要找 "+tc.near+"?") || !strings.Contains(msg.Problem(msg.En, p), "did you mean "+tc.near+"?") {
			t.Errorf("got %s:%d %s %s: %s / %s", p.File, p.Line, p.Path, p.Code, msg.Problem(msg.Zh, p), msg.Problem(msg.En, p))
		}
	}
}
