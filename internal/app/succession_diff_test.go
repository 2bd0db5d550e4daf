package app_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/store/sqlite"
)

// TestDiffFollowsSuccession: version 2 merges east and west into central
// ([[succession]]); the diff from version 1 gives central the old total
// of east and west together, and says so.
func TestDiffFollowsSuccession(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.OpenDir(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	file := filepath.Join(t.TempDir(), "tiny.toml")
	save := func(text string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		v, err := app.LoadPlanFile("tiny", file, st)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := app.SaveVersionOf(ctx, st, admin, v, ""); err != nil {
			t.Fatal(err)
		}
	}
	y2025 := tinyText(t, "2025")
	save(y2025)
	// 2026: west's table removed, east renamed central, the two merged.
	west := regexp.MustCompile(`(?s)\[\[subdistrict\]\]\nid = "west".*?\n\n`)
	merged := west.ReplaceAllString(strings.Replace(y2025, "fiscal_year = 2025", "fiscal_year = 2026", 1), "")
	merged = strings.Replace(merged, "id = \"east\"\nname = \"东街道\"", "id = \"central\"\nname = \"中街道\"", 1)
	merged += "\n[[succession]]\nfrom = [\"east\", \"west\"]\nto = \"central\"\n"
	save(merged)
	d, err := app.DiffIn(ctx, st, "tiny", 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if d.Error != "" {
		t.Fatal(d.Error)
	}
	v1, err := app.LoadVersion(ctx, st, "tiny", 1)
	if err != nil {
		t.Fatal(err)
	}
	sum := decimal.Zero
	for _, s := range v1.Plan.Base.Res.Subdistricts {
		if s.ID == "east" || s.ID == "west" {
			sum = sum.Add(s.Total)
		}
	}
	for _, tc := range d.Totals {
		if tc.ID != "central" {
			continue
		}
		if tc.Old != sum.String() || !strings.Contains(tc.Note, "2025年为原东街道、西街道合计") {
			t.Errorf("central: old %s (want %s), note %q", tc.Old, sum, tc.Note)
		}
		return
	}
	t.Errorf("no central in %+v", d.Totals)
}
