package standards

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// TestResolveRef: an entry is found by its id, else by its name (trimmed);
// a name two entries share is ambiguous, listing both ids; an unknown
// reference suggests the nearest entries as "id / name".
func TestResolveRef(t *testing.T) {
	es := []Entry{{"desheng", "德胜街道"}, {"xichang", "西长安街街道"}, {"twin_a", "同名街道"}, {"twin_b", "同名街道"}, {"odd", "  留白街道 "}}
	for _, tt := range []struct {
		ref, id   string
		ambiguous bool
		says      string // in the error
	}{
		{ref: "desheng", id: "desheng"},
		{ref: "德胜街道", id: "desheng"},
		{ref: "  西长安街街道 ", id: "xichang"},
		{ref: "留白街道", id: "odd"},
		{ref: "同名街道", ambiguous: true, says: "twin_a、twin_b"},
		{ref: "德胜", says: "您是不是要找 desheng / 德胜街道?"},
		{ref: "deshen", says: "您是不是要找 desheng / 德胜街道?"},
		{ref: "nowhere", says: "没有编码或名称为 \"nowhere\" 的街道"},
		{ref: "", says: "没有编码或名称为 \"\""},
		{ref: "DESHENG", says: "desheng / 德胜街道"}, // ids match exactly
	} {
		id, err := ResolveRef(TableSubdistrict, tt.ref, es)
		if tt.says == "" {
			if err != nil || id != tt.id {
				t.Errorf("ResolveRef(%q) = %q, %v; want %q", tt.ref, id, err, tt.id)
			}
			continue
		}
		var re *RefError
		if !errors.As(err, &re) || re.Ambiguous != tt.ambiguous || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("ResolveRef(%q) = %q, %v; want a RefError (ambiguous %v) saying %q", tt.ref, id, err, tt.ambiguous, tt.says)
		}
	}
}

// TestDocumentResolveRef resolves every table of the sample by name.
func TestDocumentResolveRef(t *testing.T) {
	doc := sample(t)
	for _, tt := range []struct{ table, ref, id string }{
		{TableSubdistrict, "德胜街道", "desheng"},
		{TableSubdistrict, "desheng", "desheng"},
		{TableStaff, "公务员", "civil_servant"},
		{TableProject, "病媒生物防制", "vector_control"},
		{TableFactor, "工作任务量", "workload"},
	} {
		if id, err := doc.ResolveRef(tt.table, tt.ref); err != nil || id != tt.id {
			t.Errorf("%s %q = %q, %v; want %q", tt.table, tt.ref, id, err, tt.id)
		}
	}
	if q, ok := doc.ResolveQuantity(" 病媒防制面积 "); !ok || q != "vector_area_m2" {
		t.Errorf("quantity by label = %q, %v", q, ok)
	}
	if q, ok := doc.ResolveQuantity("area_km2"); !ok || q != "area_km2" {
		t.Errorf("quantity by name = %q, %v", q, ok)
	}
	if _, ok := doc.ResolveQuantity("没有的数量"); ok {
		t.Error("an unknown quantity resolved")
	}
}

// TestOverridesByName: an override path may name entries, staff
// categories, projects and quantities by name or label; it gives exactly
// the what-if of the same path by ids, on the fast path and the general
// one, and resolves to the id path.
func TestOverridesByName(t *testing.T) {
	doc := sample(t)
	for _, tt := range []struct{ byName, byID, value string }{
		{"subdistrict.德胜街道.adjustment", "subdistrict.desheng.adjustment", "1.1"},
		{"project.病媒生物防制.unit_cost", "project.vector_control.unit_cost", "1.5"},
		{"subdistrict.德胜街道.quantities.病媒防制面积", "subdistrict.desheng.quantities.vector_area_m2", "2400000"},
		{"subdistrict.西长安街街道.quantities.常住人口", "subdistrict.xichangan.quantities.resident_population", "60000"},
		{"subdistrict.德胜街道.staff.公务员", "subdistrict.desheng.staff.civil_servant", "120"},
		{"subdistrict.德胜街道.payroll.公务员", "subdistrict.desheng.payroll.civil_servant", "30000000"},
		{"subdistrict.德胜街道.project_ratings.病媒生物防制", "subdistrict.desheng.project_ratings.vector_control", "中"},
		{"factor.服务人口.indicator.常住人口.weight", "factor.population.indicator.resident_population.weight", "0.5"},
		{"factor.工作任务量.weight", "factor.workload.weight", "0.4"},
		{"staff.公务员.annual_pay", "staff.civil_servant.annual_pay", "220000"},
		{"quota.办公经费.rate", "quota.office.rate", "1"},
		{"subdistrict.德胜街道.name", "subdistrict.desheng.name", "德胜"}, // a text: the general way
	} {
		t.Run(tt.byName, func(t *testing.T) {
			resolved, err := doc.ResolveOverrides([]Override{{Path: tt.byName, Value: tt.value}})
			if err != nil {
				t.Fatal(err)
			}
			if resolved[0].Path != tt.byID {
				t.Fatalf("resolves to %s, want %s", resolved[0].Path, tt.byID)
			}
			byName, byID := evalOverrides(t, doc, tt.byName, tt.value), evalOverrides(t, doc, tt.byID, tt.value)
			if !reflect.DeepEqual(byName, byID) {
				t.Error("the what-if by name differs from the one by id")
			}
			if _, err := doc.Apply(Override{Path: tt.byName, Value: tt.value}); err != nil {
				t.Errorf("the general way: %v", err)
			}
		})
	}
}

// evalOverrides is the result of one override.
func evalOverrides(t *testing.T, doc *Document, path, value string) *formula.Result {
	t.Helper()
	m, err := doc.Model(Override{Path: path, Value: value, File: "--set"})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res
}

// TestOverrideNameProblems: a name two sub-districts share is refused
// listing their ids; an unknown name suggests ids and names; a quantity
// label that is misspelt is a no-op refused with the nearest quantities
// and labels. Problems quote the path as written, by name.
func TestOverrideNameProblems(t *testing.T) {
	twin := sampleText(t, func(plan string) string {
		return strings.Replace(plan, `name = "德胜街道"`, `name = "新街口街道"`, 1)
	})
	for _, tt := range []struct {
		doc  *Document
		path string
		code formula.Code
		says string
	}{
		{twin, "subdistrict.新街口街道.adjustment", formula.CodeUnknownPath, "xinjiekou、desheng"},
		{sample(t), "subdistrict.德胜.adjustment", formula.CodeUnknownPath, "您是不是要找 desheng / 德胜街道?"},
		{sample(t), "project.病媒生物.unit_cost", formula.CodeUnknownPath, "vector_control / 病媒生物防制"},
		{sample(t), "subdistrict.德胜街道.quantities.病媒防治面积", formula.CodeNoEffect, "没有标准读取数量 \"病媒防治面积\",此调整不改变任何结果;您是不是要找 病媒防制面积?"},
		{sample(t), "subdistrict.德胜街道.quantities.resident_populaton", formula.CodeNoEffect, "您是不是要找 resident_population?"},
	} {
		for _, how := range []string{"model", "apply"} {
			var err error
			o := Override{Path: tt.path, Value: "1", File: "--set"}
			if how == "model" {
				_, err = tt.doc.Model(o)
			} else {
				_, err = tt.doc.Apply(o)
			}
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) || caili.KindOf(err) != caili.KindBadRequest || len(se.Problems) != 1 {
				t.Errorf("%s %s: %v; want one override problem", how, tt.path, err)
				continue
			}
			if p := se.Problems[0]; p.Code != tt.code || !says(p, tt.says) || p.Path != tt.path {
				t.Errorf("%s %s: %+v; want %s saying %q", how, tt.path, p, tt.code, tt.says)
			}
		}
	}
}

func sample(t *testing.T) *Document {
	t.Helper()
	doc, err := LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// sampleText loads the sample with its plan file edited.
func sampleText(t *testing.T, edit func(string) string) *Document {
	t.Helper()
	plan, err := configs.FS.ReadFile(configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse("plan.toml", []byte(edit(string(plan))), func(name string) ([]byte, error) { return configs.FS.ReadFile(name) })
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestScenarioFileByName: a scenario file's [set] may name entries; a
// problem keeps the file, line and path as written.
func TestScenarioFileByName(t *testing.T) {
	doc := sample(t)
	sc, err := ParseScenario("s.toml", []byte("[scenario]\nname = \"按名称\"\n[set]\n\"project.病媒生物防制.unit_cost\" = \"1.5\"\n\"subdistrict.德胜街道.quantities.常住人口\" = 120000\n"))
	if err != nil {
		t.Fatal(err)
	}
	byID := []Override{{Path: "project.vector_control.unit_cost", Value: "1.5"}, {Path: "subdistrict.desheng.quantities.resident_population", Value: int64(120000)}}
	a, err := doc.Model(sc.Set...)
	if err != nil {
		t.Fatal(err)
	}
	b, err := doc.Model(byID...)
	if err != nil {
		t.Fatal(err)
	}
	ra, _ := a.Evaluate()
	rb, _ := b.Evaluate()
	if !reflect.DeepEqual(ra, rb) {
		t.Error("the scenario by names differs from the one by ids")
	}
	bad, err := ParseScenario("bad.toml", []byte("[scenario]\nname = \"x\"\n[set]\n\"subdistrict.德胜街道.quantities.常驻人口\" = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = doc.Model(bad.Set...)
	var se *formula.InvalidPlanError
	if !errors.As(err, &se) || len(se.Problems) != 1 {
		t.Fatalf("%v", err)
	}
	if p := se.Problems[0]; p.File != "bad.toml" || p.Line != 4 || p.Path != "subdistrict.德胜街道.quantities.常驻人口" || !strings.Contains(msg.Problem(msg.Zh, p), "常住人口") {
		t.Errorf("%+v", p)
	}
}

// BenchmarkWhatIfByName is BenchmarkWhatIf/patch with the overrides
// written by names: the resolution's cost on top of the fast path.
func BenchmarkWhatIfByName(b *testing.B) {
	doc, err := LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct {
		name string
		sets []string
	}{
		{"ids", []string{"plan.capacity=2600000000", "subdistrict.desheng.quantities.vector_area_m2=2400000", "project.vector_control.unit_cost=2"}},
		{"names", []string{"plan.capacity=2600000000", "subdistrict.德胜街道.quantities.病媒防制面积=2400000", "project.病媒生物防制.unit_cost=2"}},
	} {
		ovs, err := ParseSets(bm.sets...)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := doc.Model(ovs...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
