package standards

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
)

func TestLoadSample(t *testing.T) {
	doc, err := LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Subdistricts) != 15 || len(p.Projects) < 12 || len(p.TierCaps) != 3 || !p.KeepsDistrictPool() || !p.HasTransfers() || !p.HasDistrictManaged() || p.Performance == nil || p.Incentive == nil || p.Damping == nil {
		t.Errorf("sample plan incomplete: %d sub-districts, %d projects, %d tier caps", len(p.Subdistricts), len(p.Projects), len(p.TierCaps))
	}
	if got := doc.Files(); len(got) != 2 || got[1] != "standards.toml" {
		t.Errorf("files = %v", got)
	}
}

// writePlan writes a plan and a standards file into a temporary directory.
func writePlan(t *testing.T, plan, std string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "plan.toml"), []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	if std != "" {
		if err := os.WriteFile(filepath.Join(dir, "std.toml"), []byte(std), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "plan.toml")
}

// splitTiny moves the tiny plan's standards into a second file.
func splitTiny(t *testing.T) (plan, std string) {
	s := tinyPlan(t)
	i, j := strings.Index(s, "[[staff]]"), strings.Index(s, "[[subdistrict]]")
	plan = strings.Replace(s[:i]+s[j:], `reserve_rate = "0.02"`, "reserve_rate = \"0.02\"\nstandards = \"std.toml\"", 1)
	return plan, s[i:j]
}

func TestStandardsFile(t *testing.T) {
	plan, std := splitTiny(t)
	doc, err := LoadFile(writePlan(t, plan, std))
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resultJSON(t, doc) != resultJSON(t, whole) {
		t.Errorf("a plan split over two files computes differently")
	}

	// A problem in the standards file names that file and its line.
	bad := strings.Replace(std, `tier = "B"`, `tier = "X"`, 1)
	doc, err = LoadFile(writePlan(t, plan, bad))
	if err != nil {
		t.Fatal(err)
	}
	_, err = doc.Plan()
	var se *formula.InvalidPlanError
	if !errors.As(err, &se) || se.Problems[0].File != "std.toml" || se.Problems[0].Line == 0 || se.Problems[0].Path != "project[greening].tier" {
		t.Errorf("want a std.toml problem with a line at project[greening].tier, got %v", err)
	}
}

func TestStandardsFileProblems(t *testing.T) {
	plan, std := splitTiny(t)
	tests := []struct {
		name, plan, std string
		path, msg       string
	}{
		{"key in both files", plan + "\n[damping]\nbaseline = \"last_year_total\"\nfloor = \"0.9\"\n", std, "damping", "also defined"},
		{"plan table in standards", plan, std + "\n[plan]\nname = \"x\"\n", "plan", "unknown key"},
		{"missing standards file", strings.Replace(plan, `"std.toml"`, `"nope.toml"`, 1), std, "plan.standards", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := LoadFile(writePlan(t, tt.plan, tt.std))
			if err == nil {
				_, err = doc.Plan()
			}
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) {
				t.Fatalf("want problems, got %v", err)
			}
			for _, p := range se.Problems {
				if p.Path == tt.path && says(p, tt.msg) {
					return
				}
			}
			t.Errorf("no problem at %s with %q:\n%s", tt.path, tt.msg, listProblems(se.Problems))
		})
	}
	// A plan sent on its own may not name a standards file.
	if _, err := Parse("plan.toml", []byte(plan), nil); err == nil {
		t.Error("a self-contained parse accepted a standards reference")
	}
}

// evaluate computes a what-if of a document, as the application does:
// the loader's model, then the engine.
func evaluate(doc *Document, ovs ...Override) (*formula.Result, error) {
	m, err := doc.Model(ovs...)
	if err != nil {
		return nil, err
	}
	return m.Evaluate()
}
