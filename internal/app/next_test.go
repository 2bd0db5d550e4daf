package app_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/store/sqlite"
)

// execCSV is 2025's execution of the money example: parking slow in the
// east, a breakdown line nothing was spent on in the west.
const execCSV = `街道,项目,预算数,支出数,月份
东街道,parking,100000,30000,12
东街道,greening,200000,190000,12
东街道,elderly_meals,500000,500000,12
西街道,议事厅改造,80000,0,12
`

// TestNextYear: this year's plan saved, approved and published, a year of
// execution imported; `plan next` writes next year's plan with its
// baseline from the publication, the execution rates of the projects the
// rules let it (not the mandatory one), the line unused two years among
// its notes; the plan it writes loads and calculates; it is not written
// over without force.
func TestNextYear(t *testing.T) {
	ctx := context.Background()
	data, plans := t.TempDir(), t.TempDir()
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	src, err := os.ReadFile("../../testdata/money/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(plans, "money.toml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := app.New(app.Config{PlansDir: plans, DataDir: data, Store: st, Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	approver := caili.Actor{ID: "approver", Role: caili.RoleApprover}
	rec, _, err := e.SaveVersion(ctx, admin, "money", "2025")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Approve(ctx, approver, "money", rec.N); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Publish(ctx, approver, "money", rec.N, ""); err != nil {
		t.Fatal(err)
	}
	v, err := e.Plan("money")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.ImportExecutionIn(ctx, st, admin, v, execution.DefaultMapping(), "2025.csv", []byte(execCSV)); err != nil {
		t.Fatal(err)
	}
	// 2024: the same line unused in the west.
	if _, err := st.ImportExecution(ctx, admin, caili.NewExecutionImport{Plan: "money", Year: 2024, File: "2024.csv", Hash: "h",
		Rows: []caili.ExecutionRow{{Subdistrict: "west", Item: "议事厅改造", Month: 12, Budget: "60000", Spent: "0", Cumulative: true}}}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(plans, "money-2026.toml")
	n, err := app.NextYear(ctx, st, admin, v, file, app.NextOptions{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	text := string(n.Plan)
	for _, want := range []string{"fiscal_year = 2026", `name = "示例区 2026`, `baseline = "@published:money:2025"`,
		"parking = \"0.3\"", "greening = \"0.95\"", "议事厅改造:本年结余 80000 元,上年结余 60000 元"} {
		if !strings.Contains(text, want) {
			t.Errorf("next year's plan lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "elderly_meals = \"1\"") {
		t.Error("a mandatory project's rate was written")
	}
	if n.Year != 2026 || n.Rates != 2 || len(n.Unused) != 1 {
		t.Errorf("year %d, %d rates, unused %+v", n.Year, n.Rates, n.Unused)
	}
	written, err := os.ReadFile(out)
	if err != nil || string(written) != text {
		t.Fatalf("written %d bytes, %v", len(written), err)
	}
	// It loads with its baseline from the record; with this year's
	// capacity its floors cannot be funded, which a note says.
	nv, err := app.LoadPlanFile("money-2026", out, st)
	if err != nil {
		t.Fatal(err)
	}
	if nv.FiscalYear != 2026 || nv.Base.Err == nil || !strings.Contains(text, "测算不可行") {
		t.Errorf("year %d, %v", nv.FiscalYear, nv.Base.Err)
	}
	// Not over an existing file without force; with force, yes.
	if _, err := app.NextYear(ctx, st, admin, v, file, app.NextOptions{Out: out}); app.Classify(err).Kind != caili.KindConflict {
		t.Errorf("over an existing file: %v", err)
	}
	if _, err := app.NextYear(ctx, st, admin, v, file, app.NextOptions{Out: out, Force: true}); err != nil {
		t.Errorf("with force: %v", err)
	}
	// A reader may not.
	if _, err := app.NextYear(ctx, st, caili.Actor{ID: "r", Role: caili.RoleReader}, v, file, app.NextOptions{Out: filepath.Join(plans, "x.toml")}); app.Classify(err).Kind != caili.KindForbidden {
		t.Errorf("a reader: %v", err)
	}
}

// TestNextYearCalculates: the tiny plan, published, gives a next year's
// plan that loads and calculates; without [project_execution] no rate is
// written, and the notes say so.
func TestNextYearCalculates(t *testing.T) {
	ctx := context.Background()
	data, plans := t.TempDir(), t.TempDir()
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	file := filepath.Join(plans, "tiny.toml")
	if err := os.WriteFile(file, []byte(tinyText(t, "2025")), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := app.New(app.Config{PlansDir: plans, DataDir: data, Store: st, Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	approver := caili.Actor{ID: "approver", Role: caili.RoleApprover}
	v, err := e.Plan("tiny")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(plans, "tiny-next.toml")
	// Before the publication: the baseline stays, a note says why.
	n, err := app.NextYear(ctx, st, admin, v, file, app.NextOptions{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(n.Plan), `baseline = "last_year_total"`) || !strings.Contains(string(n.Plan), "尚未发布") {
		t.Errorf("before publication:\n%s", n.Plan[:400])
	}
	rec, _, err := e.SaveVersion(ctx, admin, "tiny", "2025")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Approve(ctx, approver, "tiny", rec.N); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Publish(ctx, approver, "tiny", rec.N, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := app.ImportExecutionIn(ctx, st, admin, v, execution.DefaultMapping(), "x.csv", []byte("街道,项目,预算数,支出数,月份\neast,greening,100,50,9\n")); err != nil {
		t.Fatal(err)
	}
	n, err = app.NextYear(ctx, st, admin, v, file, app.NextOptions{Out: out, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(n.Plan), `baseline = "@published:tiny:2025"`) || !strings.Contains(string(n.Plan), "[project_execution]") {
		t.Errorf("after publication:\n%s", n.Plan[:600])
	}
	nv, err := app.LoadPlanFile("tiny-next", out, st)
	if err != nil {
		t.Fatal(err)
	}
	if nv.FiscalYear != 2026 || nv.Base.Err != nil {
		t.Fatalf("year %d, %v", nv.FiscalYear, nv.Base.Err)
	}
}

// TestNextYearStandardsFile: the sample, whose [damping] lives in its
// standards file, gets a standards file of next year beside it with only
// the baseline changed, and a plan that names it; both are written, the
// plan loads with its baseline from the publication.
func TestNextYearStandardsFile(t *testing.T) {
	ctx := context.Background()
	data, plans := t.TempDir(), t.TempDir()
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, f := range []string{"plan.toml", "standards.toml"} {
		b, err := os.ReadFile(filepath.Join("../../configs", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(plans, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e, err := app.New(app.Config{PlansDir: plans, DataDir: data, Store: st, Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	approver := caili.Actor{ID: "approver", Role: caili.RoleApprover}
	rec, _, err := e.SaveVersion(ctx, admin, "plan", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Approve(ctx, approver, "plan", rec.N); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Publish(ctx, approver, "plan", rec.N, ""); err != nil {
		t.Fatal(err)
	}
	n, err := e.NextYearOf(ctx, admin, "plan", "", false)
	if err != nil {
		t.Fatal(err)
	}
	if n.Standards != "standards-2026.toml" || len(n.Files) != 2 || !strings.Contains(string(n.Plan), `standards = "standards-2026.toml"`) {
		t.Fatalf("standards %q, files %v", n.Standards, n.Files)
	}
	old, _ := os.ReadFile(filepath.Join(plans, "standards.toml"))
	if want := strings.Replace(string(old), `baseline = "last_year_formula"`, `baseline = "@published:plan:2025"`, 1); string(n.StdText) != want {
		t.Error("the standards file of next year differs from this year's in more than the baseline")
	}
	nv, err := app.LoadPlanFile("plan-2026", filepath.Join(plans, "plan-2026.toml"), st)
	if err != nil {
		t.Fatal(err)
	}
	if nv.FiscalYear != 2026 {
		t.Errorf("year %d", nv.FiscalYear)
	}
}
