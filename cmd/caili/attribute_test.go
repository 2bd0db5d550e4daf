package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAttributeGolden pins `caili compare --attribute` (docs/attribution.md)
// byte for byte. Run `go test ./cmd/caili -update` after an intended change.
func TestAttributeGolden(t *testing.T) {
	lastYear := "../../testdata/lastyear/plan.toml"
	tests := []struct {
		file string
		args []string
	}{
		{"attribute-workload.txt", []string{"compare", "--scenario", "workload_weight_0_5", "--set", "plan.capacity=2700000000", "--attribute"}},
		{"attribute-rated.csv", []string{"compare", "--scenario", "vector_control_rated_zhong", "--attribute", "--format", "csv"}},
		{"attribute-lastyear.txt", []string{"compare", "--against", lastYear, "--attribute", "--by", "group"}},
		{"attribute-lastyear.json", []string{"compare", "--against", lastYear, "--attribute", "--by", "group", "--format", "json"}},
		{"attribute-lastyear-detail.csv", []string{"compare", "--against", lastYear, "--attribute", "--format", "csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out, stderr, code := caili(t, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			path := filepath.Join("..", "..", "testdata", "golden", tt.file)
			if *update {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (run with -update if intended)\n--- got (first 600 bytes)\n%.600s", path, out)
			}
		})
	}
}

func TestAttributeRefusals(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"bad --by", []string{"compare", "--scenario", "capacity_minus_5pct", "--attribute", "--by", "magic"}, 2, []string{"--by"}},
		{"--against with --set", []string{"compare", "--against", "../../testdata/lastyear/plan.toml", "--set", "plan.capacity=1"}, 2, []string{"--against"}},
		{"nothing to compare", []string{"compare", "--attribute"}, 2, []string{"--against"}},
		{"15 overrides one by one", []string{"compare", "--scenario", "vector_control_rated_zhong", "--attribute", "--by", "override"}, 1, []string{"at most 12"}},
		{"a coalition the rules reject", []string{"compare", "--set", "staff.civil_servant.annual_pay=2000000", "--set", "plan.capacity=9000000000", "--attribute"}, 1,
			[]string{"组合 [staff.civil_servant.annual_pay]", "--by group"}},
		{"missing old plan", []string{"compare", "--against", "nope.toml", "--attribute"}, 1, []string{"--against"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := caili(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if out != "" {
				t.Errorf("a failed run wrote to stdout: %.200q", out)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
		})
	}
}
