package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestByCodeGolden pins `calc --by` on the sample plan byte for byte. Run
// `go test ./cmd/caili -run ByCode -update` after an intended change.
func TestByCodeGolden(t *testing.T) {
	for _, tt := range []struct {
		file string
		args []string
	}{
		{"by-function.txt", []string{"calc", "--by", "function_code"}},
		{"by-function.csv", []string{"calc", "--by", "function_code", "--format", "csv"}},
		{"by-economic.json", []string{"calc", "--by", "economic_code", "--format", "json"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			out, stderr, code := caili(t, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			wbGolden(t, tt.file, out)
		})
	}
}

// TestByCodeJSONReconciles: in the JSON of the sample, Σ rows + reserves
// = capacity + transfers (rules §6), and nothing is uncoded: the block
// grant, incentive and damping are classified by [classification.*]
// (docs/classification.md).
func TestByCodeJSONReconciles(t *testing.T) {
	out, stderr, code := caili(t, "calc", "--by", "function_code", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Capacity, Reserves, Transfers string
		Rows                          []struct {
			Code       string
			Components struct{ Total string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	sum := decimal.RequireFromString(doc.Reserves)
	for _, r := range doc.Rows {
		sum = sum.Add(decimal.RequireFromString(r.Components.Total))
	}
	if !sum.Equal(decimal.RequireFromString(doc.Capacity).Add(decimal.RequireFromString(doc.Transfers))) {
		t.Errorf("Σ rows + reserves = %s, capacity %s", sum, doc.Capacity)
	}
	if len(doc.Rows) < 2 || doc.Rows[len(doc.Rows)-1].Code == "uncoded" {
		t.Errorf("rows %+v: want coded rows only", doc.Rows)
	}
}

// TestByCodeUsage: an unknown classification or the check workbook is a
// usage error (exit 2).
func TestByCodeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"calc", "--by", "tier"},
		{"calc", "--by", "function_code", "--format", "check-xlsx", "--out", filepath.Join(t.TempDir(), "x.xlsx")},
	} {
		_, stderr, code := caili(t, args...)
		if code != 2 || !strings.Contains(stderr, "--by") {
			t.Errorf("%v: exit %d, stderr %q; want 2 naming --by", args, code, stderr)
		}
	}
}
