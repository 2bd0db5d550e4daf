package app_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/store/sqlite"
)

// TestDefaultDataDir: the default data folder is ./caili-data, unless
// there is none yet and the folder older versions used by default holds
// a database, which then stays the default (nothing of an upgraded
// office's record is left behind).
func TestDefaultDataDir(t *testing.T) {
	t.Chdir(t.TempDir())
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", home)
	legacy := filepath.Join(home, "caili")
	if got := app.LegacyDataDir(); got != legacy {
		t.Fatalf("LegacyDataDir() = %s, want %s", got, legacy)
	}
	if got := app.DefaultDataDir(); got != "caili-data" {
		t.Errorf("a fresh machine: %s", got)
	}
	if err := os.MkdirAll(legacy, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := app.DefaultDataDir(); got != "caili-data" {
		t.Errorf("an old folder without a database: %s", got)
	}
	if err := os.WriteFile(filepath.Join(legacy, "caili.db"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := app.DefaultDataDir(); got != legacy {
		t.Errorf("an old folder with a database: %s, want it kept", got)
	}
	if err := os.Mkdir("caili-data", 0o755); err != nil {
		t.Fatal(err)
	}
	if got := app.DefaultDataDir(); got != "caili-data" {
		t.Errorf("./caili-data exists: %s", got)
	}
}

// TestLegacyScenarioFilesImported: started with the default data folder,
// caili imports the scenario files left in the folder older versions
// used by default, as it does those of the data folder itself.
func TestLegacyScenarioFilesImported(t *testing.T) {
	t.Chdir(t.TempDir())
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", home)
	old := filepath.Join(home, "caili", "scenarios", app.SampleID)
	if err := os.MkdirAll(old, 0o755); err != nil {
		t.Fatal(err)
	}
	body, err := configs.FS.ReadFile(configs.ScenarioDir + "/capacity_minus_5pct.toml")
	if err != nil {
		t.Fatal(err)
	}
	body = []byte(string(body) + "\n# 旧版本保存的情景\n")
	if err := os.WriteFile(filepath.Join(old, "kept.toml"), body, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := sqlite.OpenDir(ctx, app.DefaultDataDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e, err := app.New(app.Config{Store: st, Version: "test", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := e.Scenarios.Get(app.SampleID, "kept")
	if err != nil {
		t.Fatalf("the old folder's scenario: %v", err)
	}
	if string(sc.Data) != string(body) {
		t.Errorf("imported as %q", sc.Data)
	}
	if _, err := os.Stat(filepath.Join("caili-data", "caili.db")); err != nil {
		t.Errorf("the database is not in ./caili-data: %v", err)
	}
}
