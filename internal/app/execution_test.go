package app_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/store/sqlite"
)

// TestExecutionAgainstPublished: once the year is published, a project
// line is measured against what the publication gave the 街道 for the
// project: the same budget imported is executed as approved, another is
// adjusted; a line of no project keeps its first imported budget.
func TestExecutionAgainstPublished(t *testing.T) {
	ctx := context.Background()
	data, plans := t.TempDir(), t.TempDir()
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := os.WriteFile(filepath.Join(plans, "tiny.toml"), []byte(tinyText(t, "2025")), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := app.New(app.Config{PlansDir: plans, DataDir: data, Store: st, Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	rec, _, err := e.SaveVersion(ctx, admin, "tiny", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Approve(ctx, caili.Actor{ID: "a", Role: caili.RoleApprover}, "tiny", rec.N); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Publish(ctx, caili.Actor{ID: "a", Role: caili.RoleApprover}, "tiny", rec.N, ""); err != nil {
		t.Fatal(err)
	}
	v, err := e.Plan("tiny")
	if err != nil {
		t.Fatal(err)
	}
	var greening string
	for _, s := range v.Base.Res.Subdistricts {
		for _, l := range s.Lines {
			if s.ID == "east" && l.Stage == formula.StageProjects && l.Item == "greening" {
				greening = l.Amount.String()
			}
		}
	}
	if greening == "" {
		t.Fatal("east has no greening line")
	}
	file := "街道,项目,预算数,支出数,月份\n" +
		"east,greening," + greening + ",100,9\n" +
		"east,vector_control,1,1,9\n" +
		"west,议事厅,500,10,9\n"
	if _, err := app.ImportExecutionIn(ctx, st, admin, v, execution.DefaultMapping(), "x.csv", []byte(file)); err != nil {
		t.Fatal(err)
	}
	r, err := e.Execution(ctx, caili.Actor{ID: "r", Role: caili.RoleReader}, "tiny")
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Counts; c.Lines != 3 || c.AsApproved != 2 || c.Adjusted != 1 {
		t.Errorf("counts %+v", c)
	}
	for _, l := range r.Lines {
		if l.Item == "greening" && (l.Adjusted || l.Approved.String() != greening) {
			t.Errorf("greening: approved %s, adjusted %v", l.Approved, l.Adjusted)
		}
		if l.Item == "vector_control" && !l.Adjusted {
			t.Error("vector_control's budget differs from the publication but is not adjusted")
		}
	}
}
