package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/report"
)

var sideScenarios = []string{"vector_control_1_5", "capacity_minus_5pct", "workload_weight_0_5"}

// readCSV reads a CSV output: the BOM and a title row (the 万元 note)
// left out, the header row first.
func readCSV(t *testing.T, out string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if len(rows) > 0 && len(rows[0]) == 1 {
		rows = rows[1:]
	}
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, out)
	}
	return rows
}

// Three scenarios side by side give, per 街道, exactly what three single
// compares give (issue 24 §6), in 元 (JSON, CSV) and in 万元 (CSV).
func TestCompareScenariosMatchSingle(t *testing.T) {
	args := []string{"compare"}
	for _, s := range sideScenarios {
		args = append(args, "--scenario", s)
	}
	out, errOut, code := caili(t, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("side by side: %d %s", code, errOut)
	}
	var side report.ScenariosJSON
	if err := json.Unmarshal([]byte(out), &side); err != nil {
		t.Fatal(err)
	}
	if len(side.Subdistricts) != 15 || len(side.Scenarios) != 3 {
		t.Fatalf("side by side: %d 街道, %v", len(side.Subdistricts), side.Scenarios)
	}
	for k, s := range sideScenarios {
		out, errOut, code := caili(t, "compare", "--scenario", s, "--format", "json")
		if code != 0 {
			t.Fatalf("%s: %d %s", s, code, errOut)
		}
		var one report.CompareJSON
		if err := json.Unmarshal([]byte(out), &one); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(side.Districts[k], one.Scenario) || !reflect.DeepEqual(side.Base, one.Base) {
			t.Errorf("%s: district %v, alone %v", s, side.Districts[k], one.Scenario)
		}
		rows := append(append([]report.CompareRow{}, one.Subdistricts...), one.Totals)
		got := append(append([]report.ScenariosRow{}, side.Subdistricts...), side.Totals)
		for i, r := range rows {
			g := got[i]
			want := report.ScenarioCell{Total: r.ScenarioTotal, Change: r.Change, ChangePct: r.ChangePct}
			if g.ID != r.ID || g.BaseTotal != r.BaseTotal || g.Scenarios[k] != want {
				t.Errorf("%s %s: side by side %v %s, alone %v %s", s, r.ID, g.Scenarios[k], g.BaseTotal, want, r.BaseTotal)
			}
		}
	}
	for _, unit := range []string{"元", "万元"} {
		out, errOut, code := caili(t, append(args, "--format", "csv", "--unit", unit)...)
		if code != 0 {
			t.Fatalf("side by side csv %s: %d %s", unit, code, errOut)
		}
		side := readCSV(t, out)
		for k, s := range sideScenarios {
			out, errOut, code := caili(t, "compare", "--scenario", s, "--format", "csv", "--unit", unit)
			if code != 0 {
				t.Fatalf("%s csv %s: %d %s", s, unit, code, errOut)
			}
			one := readCSV(t, out)
			if len(one) != len(side) {
				t.Fatalf("%s %s: %d rows, side by side %d", s, unit, len(one), len(side))
			}
			for i := 1; i < len(one); i++ { // id, name, base_total, scenario_total, change, change_pct
				a, b := one[i], side[i]
				if a[0] != b[0] || a[2] != b[2] || a[3] != b[3+3*k] || a[4] != b[4+3*k] || a[5] != b[5+3*k] {
					t.Errorf("%s %s %s: alone %v, side by side %v", unit, s, a[0], a[:6], b)
				}
			}
		}
	}
}

func TestCompareScenariosFormats(t *testing.T) {
	args := []string{"compare", "--scenario", sideScenarios[0], "--scenario", sideScenarios[1]}
	out, errOut, code := caili(t, args...)
	if code != 0 || !strings.Contains(out, "多方案对比（单位: 元）") || !strings.Contains(out, "方案2 变化") ||
		!strings.Contains(out, "方案1: vector_control_1_5") {
		t.Fatalf("table: %d %s\n%s", code, errOut, out)
	}
	out, _, code = caili(t, append(args, "--format", "csv", "--header", "zh", "--unit", "万元")...)
	if code != 0 || !strings.Contains(out, "尾差") || !strings.Contains(out, "capacity_minus_5pct 变化%") {
		t.Fatalf("csv zh 万元: %d\n%s", code, out)
	}
	f := filepath.Join(t.TempDir(), "s.xlsx")
	if _, errOut, code := caili(t, append(args, "--format", "xlsx", "--out", f)...); code != 0 {
		t.Fatalf("xlsx: %d %s", code, errOut)
	}
	x, err := excelize.OpenFile(f)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetName(0))
	if err != nil || len(rows) < 20 || rows[2][1] != "基准合计" || rows[2][2] != sideScenarios[0] || rows[19][0] != "合计" {
		t.Fatalf("xlsx rows: %v %q", err, rows)
	}
	// The single form is unchanged; several refuse what needs one.
	if out, _, code := caili(t, "compare", "--scenario", sideScenarios[0]); code != 0 || !strings.Contains(out, "方案对比（单位: 元）") {
		t.Fatalf("single: %d\n%s", code, out)
	}
	for _, bad := range [][]string{append(args, "--attribute"), append(args, "--format", "xlsx"), append(args, "--format", "check-xlsx", "--out", "x.xlsx")} {
		if _, errOut, code := caili(t, bad...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d %q", bad, code, errOut)
		}
	}
	_ = os.Remove(f)
}
