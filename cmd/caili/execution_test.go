package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExecutionCommands: an execution export imported (a mapping beside
// the plan names other headers; a file with a problem is refused with its
// cell and nothing recorded), the report as a table with the plan's rule's
// warning, as CSV; then plan next writes next year's plan from the
// publication, which calc computes.
func TestExecutionCommands(t *testing.T) {
	plan, b, data := tinyRecord(t)
	text := string(b) + "\n[[execution_rule]]\nmonth = 9\nmin_rate = \"0.6\"\n"
	if err := os.WriteFile(plan, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(plan)
	mapping := "[columns]\nsubdistrict = \"预算单位\"\nspent = \"累计支出数\"\n"
	if err := os.WriteFile(filepath.Join(dir, "execution-columns.toml"), []byte(mapping), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("预算单位,项目,预算数,累计支出数,月份\n南街道,greening,100,10,9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := rec(t, 1, "execution", "import", "--plan", plan, "--data", data, bad); !strings.Contains(out, "A2") || !strings.Contains(out, "南街道") {
		t.Errorf("a bad file: %s", out)
	}
	good := filepath.Join(dir, "9月.csv")
	if err := os.WriteFile(good, []byte("预算单位,项目,预算数,累计支出数,月份\n东街道,greening,100000,40000,2025-09\n西街道,vector_control,50000,45000,2025-09\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := rec(t, 0, "execution", "import", "--plan", plan, "--data", data, good); !strings.Contains(out, "第 1 批") {
		t.Errorf("import: %s", out)
	}
	table := rec(t, 0, "execution", "report", "--plan", plan, "--data", data)
	for _, want := range []string{"40.0%", "90.0%", "东街道 绿化养护:9 月末执行率 40.0%,低于 60%", "共 2 项"} {
		if !strings.Contains(table, want) {
			t.Errorf("report lacks %q:\n%s", want, table)
		}
	}
	if csv := rec(t, 0, "execution", "report", "--plan", plan, "--data", data, "--format", "csv"); !strings.Contains(csv, "east,东街道,greening,greening,9,100000,40000,0.4") {
		t.Errorf("csv:\n%s", csv)
	}
	if log := rec(t, 0, "audit", "--data", data); !strings.Contains(log, "execution.import") {
		t.Errorf("audit:\n%s", log)
	}

	rec(t, 0, "plan", "save", "--plan", plan, "--data", data)
	rec(t, 0, "plan", "approve", "--single-user", "--id", "tiny", "--data", data, "1")
	rec(t, 0, "plan", "publish", "--single-user", "--id", "tiny", "--data", data, "1")
	next := filepath.Join(dir, "tiny-2026.toml")
	if out := rec(t, 0, "plan", "next", "--plan", plan, "--data", data, "--out", next); !strings.Contains(out, "2026") {
		t.Errorf("next: %s", out)
	}
	rec(t, 1, "plan", "next", "--plan", plan, "--data", data, "--out", next)
	if out := rec(t, 0, "calc", "--plan", next, "--data", data); !strings.Contains(out, "东街道") {
		t.Errorf("calc of next year's plan: %s", out)
	}
	rec(t, 2, "execution", "report", "--plan", plan, "--data", data, "--format", "xml")
	rec(t, 2, "execution", "nothing")
}
