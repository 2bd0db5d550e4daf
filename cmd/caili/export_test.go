package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/testplan"
)

// TestExportRoundTrip: the sample exported to CSV, by the default
// profile (UTF-8 and GB18030) and by a second profile of other headers
// and order, read back, sums to the result to the unit: per 街道 (its
// rows but the district-managed ones) and in total (+ the managed
// ones = Σ totals + DistrictManaged); no row is 未分类.
func TestExportRoundTrip(t *testing.T) {
	doc, _ := testplan.Sample(t)
	res, err := testplan.Evaluate(doc)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name    string
		args    []string
		gb      bool
		id, amt string // the headers of the 街道's id and the amount
		line    string // of the kind of line
		fn      string // of the function code
	}{
		{"utf8", nil, false, "街道编码", "金额(元)", "测算分项", "功能分类科目编码"},
		{"gb18030", []string{"--encoding", "gb18030"}, true, "街道编码", "金额(元)", "测算分项", "功能分类科目编码"},
		{"province", []string{"--profile", "../../testdata/export/province.toml"}, false, "单位代码", "金额", "来源", "支出功能科目"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".csv")
			if _, stderr, code := caili(t, append([]string{"export", "--out", out}, tc.args...)...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if tc.gb {
				if b, err = simplifiedchinese.GB18030.NewDecoder().Bytes(b); err != nil {
					t.Fatal(err)
				}
			}
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			per := map[string]decimal.Decimal{}
			managed, total := decimal.Zero, decimal.Zero
			for _, r := range rows[1:] {
				a := decimal.RequireFromString(r[col[tc.amt]])
				total = total.Add(a)
				if r[col[tc.fn]] == "" {
					t.Errorf("row %v has no function code", r)
				}
				if r[col[tc.line]] == formula.StageLabel(formula.StageManaged) {
					managed = managed.Add(a)
					continue
				}
				per[r[col[tc.id]]] = per[r[col[tc.id]]].Add(a)
			}
			sum := decimal.Zero
			for _, a := range res.Subdistricts {
				sum = sum.Add(a.Total)
				if !per[a.ID].Equal(a.Total) {
					t.Errorf("%s: Σ rows %s, total %s", a.ID, per[a.ID], a.Total)
				}
			}
			if !managed.Equal(res.DistrictManaged) || !total.Equal(sum.Add(res.DistrictManaged)) {
				t.Errorf("managed %s (want %s), Σ %s (want %s)", managed, res.DistrictManaged, total, sum.Add(res.DistrictManaged))
			}
		})
	}
}

// TestExportUsage: a missing or unknown --out, an unknown profile, GB18030
// for xlsx are usage errors; a broken profile file names its line.
func TestExportUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export"},
		{"export", "--out", filepath.Join(dir, "x.pdf")},
		{"export", "--profile", "nosuch", "--out", filepath.Join(dir, "x.csv")},
		{"export", "--encoding", "gb18030", "--out", filepath.Join(dir, "x.xlsx")},
	} {
		if _, stderr, code := caili(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2: %s", args, code, stderr)
		}
	}
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"x\"\n[[column]]\nheader = \"a\"\nfield = \"amont\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := caili(t, "export", "--profile", bad, "--out", filepath.Join(dir, "x.csv"))
	if code != 1 || !strings.Contains(stderr, "bad.toml:4") || !strings.Contains(stderr, "amount") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
