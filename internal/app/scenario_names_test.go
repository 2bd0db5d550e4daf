package app_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/store/sqlite"
)

// TestScenarioNameShared: two saved scenarios with one [scenario] name
// are a bad request naming both files.
func TestScenarioNameShared(t *testing.T) {
	dir := t.TempDir()
	st, err := sqlite.OpenDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e, err := app.New(app.Config{DataDir: dir, Store: st, Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	byFile, err := e.Scenarios.Find(app.SampleID, "capacity_minus_5pct")
	if err != nil {
		t.Fatal(err)
	}
	admin := caili.Actor{ID: "test", Role: caili.RoleAdmin}
	if _, err := e.Scenarios.Put(admin, app.SampleID, "copy", byFile.Data); err != nil {
		t.Fatal(err)
	}
	var ae *caili.Error
	if _, err := e.Scenarios.Find(app.SampleID, "财力总额减少 5%"); !errors.As(err, &ae) || ae.Kind != caili.KindBadRequest ||
		!strings.Contains(msg.ErrorWords(msg.Zh, ae), "capacity_minus_5pct / copy") {
		t.Errorf("ambiguous: %v", err)
	}
}
