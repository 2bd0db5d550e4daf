package standards

import (
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// TestEveryFieldHasALabel: each entry of the path table has a label that
// takes one name per wildcard, in both languages.
func TestEveryFieldHasALabel(t *testing.T) {
	for _, f := range fields {
		zh, en := f.label.Formats()
		wild := strings.Count(f.path, "*") - strings.Count(f.path, "**")
		if zh == "" || strings.Count(zh, "%s") != wild || strings.Count(en, "%s") != wild {
			t.Errorf("%s: label %q / %q, want %d names", f.path, zh, en, wild)
		}
	}
}

// TestPathLabel: a path is named in the plan's words, the path itself
// when the plan has no entry of its id or the path names no field.
func TestPathLabel(t *testing.T) {
	p := &formula.Plan{
		Staff:          []formula.Staff{{ID: "civil_servant", Name: "公务员"}},
		Quotas:         []formula.Quota{{ID: "office", Name: "办公经费"}},
		Projects:       []formula.Project{{ID: "vector_control", Name: "病媒生物防制"}},
		Factors:        []formula.Factor{{ID: "workload", Name: "工作任务量"}, {ID: "area"}},
		Subdistricts:   []formula.Subdistrict{{ID: "east", Name: "东街道"}},
		QuantityLabels: map[string]formula.QuantityLabel{"vector_area_m2": {Name: "病媒防制面积", Unit: "平方米"}},
	}
	for _, c := range []struct{ path, want string }{
		{"plan.capacity", "可用财力"},
		{"staff.civil_servant.annual_pay", "公务员 年人均工资"},
		{"staff.civil_servant.oncost_rate", "公务员 单位缴费比例"},
		{"quota.office.rate", "办公经费 定额标准"},
		{"project.vector_control.unit_cost", "病媒生物防制 单价"},
		{"factor.workload.indicator.vector_area_m2.weight", "工作任务量·病媒防制面积 权重"},
		{"factor.area.weight", "area 权重"},
		{"factor.workload.indicator..weight", "工作任务量 权重"},
		{"subdistrict.east.quantities.vector_area_m2", "东街道 病媒防制面积"},
		{"subdistrict.east.quantities.households", "东街道 households"},
		{"subdistrict.east.staff.civil_servant", "东街道 公务员 人数"},
		{"subdistrict.east.project_ratings.vector_control", "东街道 病媒生物防制 项目评级"},
		{"subdistrict.east.performance", "东街道 绩效等级"},
		{"subdistrict.east..adjustment", "东街道 调节系数"},
		{"tiers.A.max_share", "A 档上限比例"},
		{"damping.floor", "保底比例"},
		{"performance.coefficients.优", "绩效系数 优"},
		{"project_performance.coefficients.中", "项目绩效系数 中"},
		{"subdistrict.west.quantities.households", "subdistrict.west.quantities.households"},
		{"subdistrict.east.staff.nobody", "subdistrict.east.staff.nobody"},
		{"project.nope.unit_cost", "project.nope.unit_cost"},
		{"plan.colour", "plan.colour"},
		{"capacity", "capacity"},
	} {
		if got := PathLabel(c.path, p); got != c.want {
			t.Errorf("PathLabel(%s) = %q, want %q", c.path, got, c.want)
		}
	}
	if got := PathLabel("plan.capacity", nil); got != "plan.capacity" {
		t.Errorf("without a plan: %q", got)
	}
	if got := PathLabelIn(msg.En, "staff.civil_servant.annual_pay", p); got != "公务员 annual pay per head" {
		t.Errorf("in English: %q", got)
	}
}

// TestDescribe: a path's entry, kind, unit and what its wildcards matched.
func TestDescribe(t *testing.T) {
	p := &formula.Plan{QuantityLabels: map[string]formula.QuantityLabel{"area_m2": {Name: "面积", Unit: "平方米"}}}
	for _, c := range []struct {
		path, pattern, kind, id, key, unit string
	}{
		{"plan.capacity", "plan.capacity", "number", "", "", "元"},
		{"staff.cs.annual_pay", "staff.*.annual_pay", "number", "cs", "", "元"},
		{"subdistrict.east.staff.cs", "subdistrict.*.staff.**", "number", "east", "cs", "人"},
		{"subdistrict.east.quantities.area_m2", "subdistrict.*.quantities.**", "number", "east", "area_m2", "平方米"},
		{"factor.w.indicator.a.b.weight", "factor.*.indicator.**.weight", "number", "w", "a.b", ""},
		{"damping.exclude", "damping.exclude", "components", "", "", ""},
		{"quota.office.basis", "quota.*.basis", "names", "office", "", ""},
	} {
		info, ok := Describe(c.path)
		if !ok || info.Pattern != c.pattern || info.Kind != c.kind || info.ID != c.id || info.Key != c.key || info.UnitIn(msg.Zh, p) != c.unit {
			t.Errorf("Describe(%s) = %+v, %v; unit %q", c.path, info, ok, info.UnitIn(msg.Zh, p))
		}
	}
	if _, ok := Describe("plan.colour"); ok {
		t.Error("plan.colour described")
	}
}
