package workbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
)

// TestMerge: a returned one-街道 copy changes only the cells it fills in,
// and says what changed, where.
func TestMerge(t *testing.T) {
	p := tinyPlan(t)
	copyOf := template(t, p, TemplateOptions{Subdistrict: "west"})
	data := edit(t, copyOf, func(x *excelize.File) {
		must(t, x.SetCellStr(SheetData, "G3", "2.4"))        // area 2.1 → 2.4
		must(t, x.SetCellStr(SheetData, "B3", ""))           // a blank name keeps the name
		must(t, x.SetCellStr(SheetData, "H3", ""))           // a blank quantity keeps the value
		must(t, x.SetCellStr(SheetData, "C3", "优"))          // 良 → 优
		must(t, x.SetCellStr(SheetStaff, "E3", "4,500,000")) // a payroll where there was none
	})
	merged, changes, ps := Merge("west.xlsx", data, p)
	if len(ps) > 0 {
		t.Fatal(problemsText(ps))
	}
	var got []string
	for _, c := range changes {
		got = append(got, c.String())
	}
	want := []string{
		"西街道 (west) 绩效等级 (performance):良 → 优 [街道数据!C3]",
		"西街道 (west) area_km2:2.1 → 2.4 [街道数据!G3]",
		"西街道 (west) 公务员实际工资总额 (payroll.civil_servant):（空） → 4500000 [人员!E3]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if merged[1].Name != "西街道" || merged[1].Quantities.Value("population").String() != "64000" {
		t.Errorf("blank cells changed values: %+v", merged[1])
	}
	if p.Subdistricts[1].Rating != "良" {
		t.Error("Merge changed the plan")
	}
}

// TestMergePartialCSV: a CSV of some columns only changes those.
func TestMergePartialCSV(t *testing.T) {
	p := tinyPlan(t)
	merged, changes, ps := Merge("x.csv", []byte("id,area_km2,staff.community_worker\r\nnorth,4.8,\r\neast,,61\r\n"), p)
	if len(ps) > 0 {
		t.Fatal(problemsText(ps))
	}
	if len(changes) != 2 || changes[0].Key != "staff.community_worker" || changes[1].Key != "quantities.area_km2" ||
		changes[0].Cell != "C3" || changes[1].Cell != "B2" { // in the plan's order: east, then north
		t.Errorf("changes %v", changes)
	}
	sameSubs(t, p, merged[1:2], p.Subdistricts[1:2])
}

// TestMergeProblems: a row of a sub-district the plan does not have, and
// a change that breaks a rule of the plan.
func TestMergeProblems(t *testing.T) {
	p := tinyPlan(t)
	for _, tt := range []failing{
		{"unknown sub-district", func(t *testing.T, b []byte) []byte { return []byte("id,area_km2\r\nwset,2\r\n") },
			[]string{"A2 unknown_ref"}, "您是不是要找 west / 西街道?"},
		{"zero everywhere after the merge", func(t *testing.T, b []byte) []byte {
			return []byte("id,hotline_tickets\r\neast,0\r\nwest,0\r\nnorth,0\r\n")
		}, []string{"B1 zero_indicator"}, "hotline_tickets 在所有街道都为 0"},
		{"no rows", func(t *testing.T, b []byte) []byte { return []byte("id,area_km2\r\n") }, []string{" missing"}, "没有街道数据行"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, tt, nil, func(data []byte) []formula.Problem { _, _, ps := Merge("x.csv", data, p); return ps })
		})
	}
}

// TestDiff lists sub-districts added and removed.
func TestDiff(t *testing.T) {
	p := tinyPlan(t)
	subs := []formula.Subdistrict{clone(p.Subdistricts[0]), clone(p.Subdistricts[2])}
	subs[1].ID = "south"
	var got []string
	for _, c := range Diff(p, p.Subdistricts, subs) {
		got = append(got, c.String())
	}
	want := []string{"新增街道 北街道 (south) (added)", "删除街道 西街道 (west) (removed)", "删除街道 北街道 (north) (removed)"}
	if !slices.Equal(got, want) {
		t.Errorf("diff %q, want %q", got, want)
	}
}
