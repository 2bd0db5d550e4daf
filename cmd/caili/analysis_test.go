package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// TestSolveCommand: caili solve prints the answer and the one-unit
// checks, as a table and as JSON; mistakes are usage errors (2) or bad
// targets (1).
func TestSolveCommand(t *testing.T) {
	out, stderr, code := caili(t, "solve", "--target", "min_capacity")
	if code != 0 || !strings.Contains(out, "2,540,855,639") || !strings.Contains(out, "2,540,855,638") || !strings.Contains(out, "少一个单位") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	out, stderr, code = caili(t, "solve", "--target", "tier.A.demand<=cap", "--vary", "project.vector_control.unit_cost", "--format", "json")
	var s struct {
		Find   string `json:"find"`
		Answer struct {
			Value string `json:"value"`
		} `json:"answer"`
		Beyond struct {
			Value string `json:"value"`
			Holds bool   `json:"holds"`
		} `json:"beyond"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &s) != nil || s.Find != "max" || s.Answer.Value != "16.75" || s.Beyond.Value != "16.76" || s.Beyond.Holds {
		t.Fatalf("exit %d: %+v\n%s", code, s, stderr)
	}
	// the base overrides apply first
	out, _, code = caili(t, "solve", "--target", "tier.A.demand<=cap", "--vary", "project.vector_control.unit_cost",
		"--set", "tiers.A.max_share=0.3", "--find", "max", "--precision", "0.1")
	if code != 0 || strings.Contains(out, "= 16.75") || !strings.Contains(out, "步长 0.1") {
		t.Errorf("exit %d\n%s", code, out)
	}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"solve"}, 2},
		{[]string{"solve", "--target", "min_capacity", "--format", "csv"}, 2},
		{[]string{"solve", "--target", "min_capacity", "--precision", "x"}, 2},
		{[]string{"solve", "--target", "nonsense"}, 1},
		{[]string{"solve", "--target", "district.reserve<0"}, 1},
		{[]string{"sensitivity", "--step", "x"}, 2},
		{[]string{"sensitivity", "--subdistrict", "nowhere"}, 1},
	} {
		if _, stderr, code := caili(t, tt.args...); code != tt.code || stderr == "" {
			t.Errorf("%v: exit %d, want %d; stderr %q", tt.args, code, tt.code, stderr)
		}
	}
}

// TestSensitivityCommand: the sweep as a table (with the masked levers
// and the rejected moves), CSV and JSON.
func TestSensitivityCommand(t *testing.T) {
	out, stderr, code := caili(t, "sensitivity")
	if code != 0 || !strings.Contains(out, "无效调节项") || !strings.Contains(out, "测算不成立的调节") || !strings.Contains(out, "plan.capacity") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	out, _, code = caili(t, "sensitivity", "--format", "csv", "--step", "5%", "--subdistrict", "desheng")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if code != 0 || err != nil || len(rows) < 100 || rows[1][3] != "-5%" {
		t.Fatalf("exit %d, %v, %d rows", code, err, len(rows))
	}
	out, _, code = caili(t, "sensitivity", "--format", "json", "--step", "0.2")
	var r struct {
		Step   string `json:"step"`
		Levers []struct {
			Masked bool `json:"masked"`
		} `json:"levers"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Step != "0.2" || len(r.Levers) < 50 {
		t.Errorf("exit %d: %+v", code, r)
	}
}
