package formula_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// TestExportRowsClassified: every row of the sample's export is fully
// classified (class, 功能分类 to the 项, both 经济分类 with names, 资金性质);
// personnel is 人员类, public costs 运转类, the 政府经济分类 follows the
// 部门 one; district-managed rows are under their department.
func TestExportRowsClassified(t *testing.T) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	m, err := doc.Compile()
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := res.ExportRows()
	if err != nil {
		t.Fatal(err)
	}
	managed := 0
	for _, r := range rows {
		c := r.Codes
		if !slices.Contains(formula.ProjectClasses, c.Class) || len(c.Function) != 7 || r.FunctionName == "" || r.EconomicName == "" ||
			r.GovEconomicName == "" || c.Fund != formula.FundGeneral || c.GovEconomic != formula.GovEconomicOf(c.Economic) {
			t.Errorf("row %s %s %s: %+v", r.Subdistrict, r.Stage, r.Item, r)
		}
		if (r.UnitCode == "") != r.Managed {
			t.Errorf("row %s %s %s: 预算单位编码 %q", r.Subdistrict, r.Stage, r.Item, r.UnitCode)
		}
		switch r.Stage {
		case formula.StagePersonnel:
			if c.Class != formula.ClassPersonnel {
				t.Errorf("personnel %s: class %s", r.Item, c.Class)
			}
		case formula.StagePublic:
			if c.Class != formula.ClassOperation || !strings.HasPrefix(c.Economic, "302") {
				t.Errorf("public %s: %+v", r.Item, c)
			}
		case formula.StageManaged:
			managed++
			if r.Unit == r.SubdistrictName || !r.Managed {
				t.Errorf("managed %s: unit %s", r.Item, r.Unit)
			}
		case formula.StageTransfers:
			if c.DocNo == "" {
				t.Errorf("transfer %s: no 指标文号", r.Item)
			}
		}
	}
	if managed == 0 {
		t.Error("no district-managed row: the test checks nothing of them")
	}
}

// TestClassifyDefaults: a plan of no codes classifies personnel as 人员类
// 301 → 501, public costs as 运转类 302 → 502, the rest as 特定目标类,
// all 一般公共预算.
func TestClassifyDefaults(t *testing.T) {
	doc, err := standards.LoadFile("../testdata/tiny/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := doc.Compile()
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	p := res.Plan
	want := map[formula.Stage]formula.Codes{
		formula.StagePersonnel: {Class: formula.ClassPersonnel, Economic: "301", GovEconomic: "501", Fund: formula.FundGeneral},
		formula.StagePublic:    {Class: formula.ClassOperation, Economic: "302", GovEconomic: "502", Fund: formula.FundGeneral},
		formula.StageProjects:  {Class: formula.ClassSpecific, Fund: formula.FundGeneral},
		formula.StageBlock:     {Class: formula.ClassSpecific, Fund: formula.FundGeneral},
	}
	for _, l := range res.Subdistricts[0].Lines {
		if w, ok := want[l.Stage]; ok {
			if got := p.Classify(l); got != w {
				t.Errorf("%s %s: %+v, want %+v", l.Stage, l.Item, got, w)
			}
		}
	}
}
