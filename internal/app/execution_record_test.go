package app_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/store/sqlite"
)

// TestExecutionAgainstInForce: a year's 控制数 and 批复 published, three
// months imported (the stage 执行 entered); an adjustment dated in March
// that changes east's greening changes the budget execution measures
// against from March on (the stage 调整 entered), the approved budget
// staying the 批复's, so the line is counted adjusted.
func TestExecutionAgainstInForce(t *testing.T) {
	ctx := context.Background()
	data, plans := t.TempDir(), t.TempDir()
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	file := filepath.Join(plans, "tiny.toml")
	text := tinyText(t, "2025")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := app.New(app.Config{PlansDir: plans, DataDir: data, Store: st, Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	approver := caili.Actor{ID: "a", Role: caili.RoleApprover}
	publish := func(kind, date string) string {
		t.Helper()
		rec, _, err := e.SaveVersion(ctx, admin, "tiny", kind)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Approve(ctx, approver, "tiny", rec.N); err != nil {
			t.Fatal(err)
		}
		if _, err := e.PublishKind(ctx, approver, "tiny", app.KindRequest{N: rec.N, Kind: kind, Wenhao: kind + "1号", IssuedOn: date, Reason: "追加绿化"}); err != nil {
			t.Fatal(err)
		}
		v, err := e.Plan("tiny")
		if err != nil {
			t.Fatal(err)
		}
		return greeningOf(t, v)
	}
	approved := publish(caili.KindControl, "2025-01-10")
	v, err := e.Plan("tiny")
	if err != nil {
		t.Fatal(err)
	}
	last, err := st.Versions(ctx, "tiny")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.PublishKind(ctx, approver, "tiny", app.KindRequest{N: last[len(last)-1].N, Kind: caili.KindApproval, Wenhao: "批1号", IssuedOn: "2025-01-20"}); err != nil {
		t.Fatal(err)
	}
	rows := "街道,项目,预算数,支出数,月份\n"
	for _, m := range []string{"1", "2", "3"} {
		rows += "east,greening," + approved + ",10," + m + "\n"
	}
	if _, err := app.ImportExecutionIn(ctx, st, admin, v, execution.DefaultMapping(), "x.csv", []byte(rows)); err != nil {
		t.Fatal(err)
	}
	hasStage(t, st, caili.StageExecute)

	if err := os.WriteFile(file, []byte(strings.Replace(text, `unit_cost = "8"`, `unit_cost = "9"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := e.Plans.Scan(true); err != nil {
		t.Fatal(err)
	}
	adjusted := publish(caili.KindAdjust, "2025-03-05")
	if adjusted == approved {
		t.Fatalf("the adjustment leaves greening at %s", approved)
	}
	hasStage(t, st, caili.StageAdjust)
	r, err := e.Execution(ctx, caili.Actor{ID: "r", Role: caili.RoleReader}, "tiny")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Lines) != 1 {
		t.Fatalf("lines %+v", r.Lines)
	}
	l := r.Lines[0]
	got := []string{l.Approved.String(), l.Months[0].Budget.String(), l.Months[1].Budget.String(), l.Months[2].Budget.String()}
	want := []string{approved, approved, approved, adjusted}
	if strings.Join(got, " ") != strings.Join(want, " ") || !l.Adjusted || r.Counts.Adjusted != 1 {
		t.Errorf("approved, budgets by month %v, adjusted %v; want %v, adjusted", got, l.Adjusted, want)
	}
}

// greeningOf is east's greening amount in a plan's base result.
func greeningOf(t *testing.T, v *app.PlanVersion) string {
	t.Helper()
	for _, s := range v.Base.Res.Subdistricts {
		for _, l := range s.Lines {
			if s.ID == "east" && l.Stage == formula.StageProjects && l.Item == "greening" {
				return l.Amount.String()
			}
		}
	}
	t.Fatal("east has no greening line")
	return ""
}

// hasStage fails unless the tiny plan's 2025 has entered stage s.
func hasStage(t *testing.T, st caili.Store, s caili.Stage) {
	t.Helper()
	ss, err := st.YearStages(context.Background(), "tiny", 2025)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ss {
		if r.Stage == s {
			return
		}
	}
	t.Errorf("stages %+v lack %s", ss, s)
}
