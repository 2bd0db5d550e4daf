package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/caili/caili/internal/report"
)

// TestPublishedBaselineCommands: the tiny plan of 2025 saved, approved
// and published with caili plan; the same file made the 2026 plan with
// `baseline = "@published:2025"` computes with --data (its damping lines
// cite the publication, and the totals are those of the baselines typed
// in), and without --data, or with a data folder that has no
// publication, is refused with the problem at its line.
func TestPublishedBaselineCommands(t *testing.T) {
	plan, b, data := tinyRecord(t)
	rec(t, 0, "plan", "save", "--plan", plan, "--data", data)
	rec(t, 0, "plan", "approve", "--single-user", "--id", "tiny", "--data", data, "1")
	rec(t, 0, "plan", "publish", "--single-user", "--id", "tiny", "--data", data, "1")
	var y2025 report.Allocations
	if err := json.Unmarshal([]byte(rec(t, 0, "calc", "--plan", plan, "--format", "json")), &y2025); err != nil {
		t.Fatal(err)
	}

	text := strings.Replace(string(b), "fiscal_year = 2025", "fiscal_year = 2026", 1)
	typed := text
	for _, s := range y2025.Subdistricts {
		re := regexp.MustCompile(`(?s)(id = "` + s.ID + `".*?last_year_total = )"[0-9.]+"`)
		typed = re.ReplaceAllString(typed, `${1}"`+s.Total+`"`)
	}
	text = strings.Replace(text, `baseline = "last_year_total"`, `baseline = "@published:2025"`, 1)
	if err := os.WriteFile(plan, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	typedPlan := filepath.Join(filepath.Dir(plan), "typed.toml")
	if err := os.WriteFile(typedPlan, []byte(typed), 0o644); err != nil {
		t.Fatal(err)
	}

	got := rec(t, 0, "calc", "--plan", plan, "--data", data, "--format", "csv")
	if want := rec(t, 0, "calc", "--plan", typedPlan, "--format", "csv"); got != want {
		t.Errorf("@published:2025:\n%s\nwant, as typed:\n%s", got, want)
	}
	explain := rec(t, 0, "explain", "--plan", plan, "--data", data, "--subdistrict", "east")
	if !regexp.MustCompile(`基数 取自 2025年已发布版本 第 1 版 [0-9a-f]{8}`).MatchString(explain) {
		t.Errorf("explain does not cite the publication:\n%s", explain)
	}

	line := strings.Count(text[:strings.Index(text, `baseline = "@published`)], "\n") + 1
	empty := t.TempDir()
	for _, args := range [][]string{
		{"calc", "--plan", plan},
		{"calc", "--plan", plan, "--data", empty},
	} {
		out := rec(t, 1, args...)
		if !strings.Contains(out, "tiny.toml:"+strconv.Itoa(line)) || !strings.Contains(out, "damping.baseline") ||
			!strings.Contains(out, "2025") {
			t.Errorf("caili %s:\n%s", strings.Join(args, " "), out)
		}
	}
	if _, err := os.Stat(filepath.Join(empty, "caili.db")); err == nil {
		t.Error("calc made a database in a data folder without one")
	}
}
