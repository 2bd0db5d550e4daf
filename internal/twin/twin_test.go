package twin

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards/plangen"
)

// table reads a CSV allocation table (after its BOM) into rows.
func table(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestTwinAgrees checks that the twin computes caili's table on
// generated plans, from TOML and from CSV data: the same rows, the same
// personnel and public costs (whole 元, no splitting), and every other
// amount within a millionth of the total.
func TestTwinAgrees(t *testing.T) {
	for _, opt := range []plangen.Options{
		{N: 60, Standards: 40, Seed: 3},
		{N: 40, Standards: 25, Seed: 4, Extra: 5, Data: "data.csv"},
	} {
		dir := t.TempDir()
		planPath := filepath.Join(dir, "plan.toml")
		var plan, data bytes.Buffer
		if err := plangen.WriteOptions(&plan, &data, opt); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(planPath, plan.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if opt.Data != "" {
			if err := os.WriteFile(filepath.Join(dir, opt.Data), data.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var got bytes.Buffer
		if err := Run(planPath, &got, "total"); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := report.WriteCSV(&want, testplan.File(t, planPath), report.CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		g, w := table(t, got.Bytes()), table(t, want.Bytes())
		if len(g) != len(w) || len(g) != opt.N+2 {
			t.Fatalf("%+v: %d rows, caili %d", opt, len(g), len(w))
		}
		grand, _ := strconv.ParseFloat(w[len(w)-1][8], 64)
		for i := 1; i < len(w); i++ {
			if g[i][0] != w[i][0] || g[i][2] != w[i][2] || g[i][3] != w[i][3] {
				t.Errorf("%+v: row %d: twin %v, caili %v", opt, i, g[i][:4], w[i][:4])
			}
			for k := 4; k < len(w[i]); k++ {
				a, _ := strconv.ParseFloat(g[i][k], 64)
				b, _ := strconv.ParseFloat(w[i][k], 64)
				if math.Abs(a-b) > grand*1e-6 {
					t.Errorf("%+v: row %d column %d: twin %s, caili %s", opt, i, k, g[i][k], w[i][k])
				}
			}
		}
	}
}
