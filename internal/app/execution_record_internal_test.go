package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/store/sqlite"
)

// TestRecordBudgetsOfBreakdowns: a line of no project is measured
// against the breakdown line of its name the 批复 carries; after an
// adjustment dated in June and east's breakdown at the adjustment's
// figure, from June on against that one (May keeps the 批复's); west,
// not broken down again, keeps its 批复 lines; a line the record does not
// know is left to the imported budget.
func TestRecordBudgetsOfBreakdowns(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.OpenDir(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	approver := caili.Actor{ID: "a", Role: caili.RoleApprover}
	file := filepath.Join(t.TempDir(), "tiny.toml")
	b, err := os.ReadFile("../../testdata/tiny/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	publish := func(text, kind, date string) int {
		t.Helper()
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		v, err := LoadPlanFile("tiny", file, st)
		if err != nil {
			t.Fatal(err)
		}
		rec, _, err := SaveVersionOf(ctx, st, admin, v, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ApproveIn(ctx, st, approver, "tiny", rec.N, false); err != nil {
			t.Fatal(err)
		}
		if _, err := PublishKindIn(ctx, st, approver, "tiny", KindRequest{N: rec.N, Kind: kind, Wenhao: kind, IssuedOn: date, Reason: "r"}, false); err != nil {
			t.Fatal(err)
		}
		return rec.N
	}
	breakdown := func(sub string, version int, lines string) {
		t.Helper()
		who := caili.Actor{ID: sub, Role: caili.RoleSubdistrict, Subdistrict: sub}
		s, err := st.Submit(ctx, who, true, caili.NewSubmission{Plan: "tiny", Year: 2025, Version: version, Subdistrict: sub,
			FileName: "b.xlsx", Data: []byte(lines), Hash: lines, Lines: []byte(lines), Total: "1"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.DecideBreakdown(ctx, caili.Actor{ID: "p", Role: caili.RolePlanner}, "tiny", s.N, true, ""); err != nil {
			t.Fatal(err)
		}
	}
	n := publish(string(b), caili.KindControl, "2025-01-10")
	breakdown("east", n, `[{"name":"社区养老","amount":"600"},{"name":"巡防","amount":"400"}]`)
	breakdown("west", n, `[{"name":"社区养老","amount":"300"}]`)
	if _, err := PublishKindIn(ctx, st, approver, "tiny", KindRequest{N: n, Kind: caili.KindApproval, Wenhao: "批复"}, false); err != nil {
		t.Fatal(err)
	}
	m := publish(strings.Replace(string(b), `unit_cost = "8"`, `unit_cost = "9"`, 1), caili.KindAdjust, "2025-06-10")
	breakdown("east", m, `[{"name":"社区养老","amount":"700"},{"name":"巡防","amount":"350"}]`)

	rb, err := recordBudgetsOf(ctx, st, "tiny", 2025)
	if err != nil || rb == nil {
		t.Fatalf("budgets %v, %v", rb, err)
	}
	for _, tc := range []struct {
		sub, item string
		month     int // 0: approved
		want      string
	}{
		{"east", "社区养老", 0, "600"}, {"east", "社区养老", 5, "600"}, {"east", "社区养老", 6, "700"}, {"east", "巡防", 12, "350"},
		{"west", "社区养老", 0, "300"}, {"west", "社区养老", 9, "300"}, {"east", "不在分解中", 9, ""},
	} {
		v, ok := rb.Approved(tc.sub, tc.item, "")
		if tc.month > 0 {
			v, ok = rb.InForce(tc.sub, tc.item, "", tc.month)
		}
		if got := map[bool]string{true: v.String()}[ok]; got != tc.want {
			t.Errorf("%s %s month %d: %q, want %q", tc.sub, tc.item, tc.month, got, tc.want)
		}
	}
	// A project line follows the adjustment's result from June.
	may, _ := rb.InForce("east", "greening", "greening", 5)
	june, _ := rb.InForce("east", "greening", "greening", 6)
	if may.Equal(june) {
		t.Errorf("east's greening %s in May and in June", may)
	}
}
