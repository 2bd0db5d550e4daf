package app_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/standards"
)

// TestPublishedMergeThroughRecord: 2025 published in the record with
// east and west; the 2026 plan merges them into central
// ([[succession]]) with `baseline = "@published:2025"`: it loads (no
// published_incomplete) and computes as the same plan with central's
// baseline typed as east's and west's published formula funds added up;
// without the succession it does not load, saying published_incomplete.
func TestPublishedMergeThroughRecord(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.OpenDir(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	approver := caili.Actor{ID: "a", Role: caili.RoleApprover}
	file := filepath.Join(t.TempDir(), "tiny.toml")
	load := func(text string) (*app.PlanVersion, error) {
		t.Helper()
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return app.LoadPlanFile("tiny", file, st)
	}
	v, err := load(tinyText(t, "2025"))
	if err != nil {
		t.Fatal(err)
	}
	rec, _, err := app.SaveVersionOf(ctx, st, admin, v, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.ApproveIn(ctx, st, approver, "tiny", rec.N, false); err != nil {
		t.Fatal(err)
	}
	if _, err := app.PublishIn(ctx, st, approver, "tiny", rec.N, app.PublishOptions{}); err != nil {
		t.Fatal(err)
	}
	funds := map[string]decimal.Decimal{}
	for _, s := range v.Base.Res.Subdistricts {
		funds[s.ID] = s.Total.Sub(s.Personnel).Sub(s.Public)
	}

	west := regexp.MustCompile(`(?s)\[\[subdistrict\]\]\nid = "west".*?\n\n`)
	merged := west.ReplaceAllString(tinyText(t, "2026"), "")
	merged = strings.Replace(merged, "id = \"east\"\nname = \"东街道\"", "id = \"central\"\nname = \"中街道\"", 1)
	if _, err := load(strings.Replace(merged, `baseline = "last_year_total"`, `baseline = "@published:2025"`, 1)); !hasCode(err, formula.CodePublishedIncomplete) {
		t.Fatalf("merged without [[succession]]: %v, want published_incomplete", err)
	}
	got, err := load(strings.Replace(merged, `baseline = "last_year_total"`, `baseline = "@published:2025"`, 1) +
		"\n[[succession]]\nfrom = [\"east\", \"west\"]\nto = \"central\"\n")
	if err != nil || got.Base.Err != nil {
		t.Fatalf("the merged plan: %v %v", err, got.Base.Err)
	}
	typed := replaceBaseline(t, merged, "central", funds["east"].Add(funds["west"]).String())
	typed = replaceBaseline(t, typed, "north", funds["north"].String())
	doc, err := standards.Parse("tiny.toml", []byte(typed), nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := doc.Compile()
	if err != nil {
		t.Fatal(err)
	}
	want, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if a, b := amounts(t, got.Base.Res), amounts(t, want); a != b {
		t.Errorf("the merge through the record gives\n%s\nwant, typed,\n%s", a, b)
	}
}
