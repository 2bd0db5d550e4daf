package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/standards"
)

const tighter = `# 情景:财力收紧
[scenario]
name = "财力收紧"
description = "capacity 58000000, workload weight 0.5"

[set]
"plan.capacity" = "58000000"
"factor.workload.weight" = "0.5"
"factor.area.weight" = "0.1"
`

func TestScenarioLifecycle(t *testing.T) {
	e := newEnv(t, "secret")
	auth := []string{"Authorization", "Bearer secret", "Content-Type", "application/toml"}
	url := "/api/v1/plans/tiny/scenarios/tighter"

	w := e.do(http.MethodPut, url, []byte(tighter), auth...)
	if w.Code != http.StatusCreated || w.Header().Get("Location") != url {
		t.Fatalf("PUT new: %d %s", w.Code, w.Body.String())
	}
	var sj scenarioJSON
	if err := json.Unmarshal(w.Body.Bytes(), &sj); err != nil || sj.Title != "财力收紧" || sj.Overrides != 3 || sj.Builtin {
		t.Fatalf("PUT answer %s (%v)", w.Body.String(), err)
	}
	if w := e.do(http.MethodPut, url, []byte(tighter), auth...); w.Code != http.StatusOK {
		t.Fatalf("PUT again: %d", w.Code)
	}
	got := e.Get(url, http.StatusOK)
	if got.Body.String() != tighter || got.Header().Get("Content-Type") != typeTOML {
		t.Errorf("GET scenario: %q %q", got.Header().Get("Content-Type"), got.Body.String())
	}
	e.Get(url, http.StatusNotModified, "If-None-Match", got.Header().Get("ETag"))

	var list struct{ Scenarios []scenarioJSON }
	if err := json.Unmarshal(e.Get("/api/v1/plans/tiny/scenarios", http.StatusOK).Body.Bytes(), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Scenarios) != 1 || list.Scenarios[0].Name != "tighter" || list.Scenarios[0].Status != "ok" {
		t.Errorf("list %+v", list.Scenarios)
	}

	// scenario= on every result route uses it.
	sets := []string{"plan.capacity=58000000", "factor.workload.weight=0.5", "factor.area.weight=0.1"}
	csv := e.Get("/api/v1/plans/tiny/allocations.csv?scenario=tighter", http.StatusOK)
	if !bytes.Equal(csv.Body.Bytes(), csvOf(t, compute(t, "tiny.toml", sets...), false)) {
		t.Errorf("scenario result differs:\n%s", csv.Body.String())
	}
	if cell := e.Get("/api/v1/plans/tiny/cell/east/total?scenario=tighter", http.StatusOK); cell.Body.String() != cellOf(t, "east", 6, sets...) {
		t.Errorf("scenario cell %s", cell.Body.String())
	}
	e.Get("/api/v1/plans/tiny/compare.csv?scenario=tighter", http.StatusOK)
	e.Get("/api/v1/plans/tiny/subdistricts/west.json?scenario=tighter", http.StatusOK)
	// Query overrides apply after the scenario.
	both := e.Get("/api/v1/plans/tiny/cell/east/total?scenario=tighter&set.plan.capacity=59000000", http.StatusOK)
	if want := cellOf(t, "east", 6, append(sets, "plan.capacity=59000000")...); both.Body.String() != want {
		t.Errorf("scenario + set: %s, want %s", both.Body.String(), want)
	}

	// The ETag follows the scenario's content.
	tag := csv.Header().Get("ETag")
	changed := strings.Replace(tighter, "58000000", "57000000", 1)
	if w := e.do(http.MethodPut, url, []byte(changed), auth...); w.Code != http.StatusOK {
		t.Fatalf("PUT changed: %d", w.Code)
	}
	if w := e.Get("/api/v1/plans/tiny/allocations.csv?scenario=tighter", http.StatusOK, "If-None-Match", tag); w.Header().Get("ETag") == tag {
		t.Errorf("ETag unchanged after the scenario changed")
	}

	// Saved in the database, not as files.
	if _, err := os.Stat(filepath.Join(e.data, "scenarios")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("scenario files written beside the database: %v", err)
	}

	if w := e.do(http.MethodDelete, url, nil, auth...); w.Code != http.StatusNoContent {
		t.Fatalf("DELETE: %d", w.Code)
	}
	e.Get(url, http.StatusNotFound)
	e.Get("/api/v1/plans/tiny/allocations.csv?scenario=tighter", http.StatusNotFound)
	if w := e.do(http.MethodDelete, url, nil, auth...); w.Code != http.StatusNotFound {
		t.Errorf("DELETE again: %d", w.Code)
	}
}

func TestScenarioRefused(t *testing.T) {
	e := newEnv(t, "secret")
	auth := []string{"Authorization", "Bearer secret"}
	for _, tc := range []struct {
		name, url, body string
		status          int
		path            string
	}{
		{"bad name", "/api/v1/plans/tiny/scenarios/Bad.Name", tighter, 400, ""},
		{"dotdot", "/api/v1/plans/tiny/scenarios/..", tighter, 400, ""},
		{"escaped slash", "/api/v1/plans/tiny/scenarios/..%2F..%2Fplans%2Ftiny", tighter, 404, ""}, // more segments: no such route
		{"escaped dots", "/api/v1/plans/tiny/scenarios/%2e%2e", tighter, 400, ""},
		{"unknown plan", "/api/v1/plans/nope/scenarios/x", tighter, 404, ""},
		{"not TOML", "/api/v1/plans/tiny/scenarios/x", "[scenario\n", 400, ""},
		{"no name", "/api/v1/plans/tiny/scenarios/x", "[scenario]\n[set]\n\"plan.capacity\" = 1\n", 400, "scenario.name"},
		{"unknown path", "/api/v1/plans/tiny/scenarios/x", "[scenario]\nname = \"x\"\n[set]\n\"plan.capcity\" = 1\n", 400, "plan.capcity"},
		{"weights off", "/api/v1/plans/tiny/scenarios/x", "[scenario]\nname = \"x\"\n[set]\n\"factor.area.weight\" = 0.5\n", 400, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := e.do(http.MethodPut, tc.url, []byte(tc.body), auth...)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.status, w.Body.String())
			}
			b := decodeError(t, w)
			if tc.path != "" {
				found := false
				for _, p := range b.Problems {
					found = found || p.Path == tc.path
				}
				if !found {
					t.Errorf("no problem at %s: %+v", tc.path, b.Problems)
				}
			}
		})
	}
	if _, err := os.Stat(filepath.Join(e.data, "scenarios", "tiny", "x.toml")); err == nil {
		t.Errorf("a refused scenario was saved")
	}
	// A scenario whose what-if the rules reject can be saved (and gives 422 when used).
	short := "[scenario]\nname = \"short\"\n[set]\n\"plan.capacity\" = \"1000\"\n"
	if w := e.do(http.MethodPut, "/api/v1/plans/tiny/scenarios/short", []byte(short), auth...); w.Code != http.StatusCreated {
		t.Fatalf("PUT short: %d %s", w.Code, w.Body.String())
	}
	e.Get("/api/v1/plans/tiny/allocations.csv?scenario=short", http.StatusUnprocessableEntity)
}

func TestScenarioSurvivesRestart(t *testing.T) {
	e := newEnv(t, "secret")
	if w := e.do(http.MethodPut, "/api/v1/plans/tiny/scenarios/tighter", []byte(tighter), "Authorization", "Bearer secret"); w.Code != http.StatusCreated {
		t.Fatalf("PUT: %d", w.Code)
	}
	before := e.Get("/api/v1/plans/tiny/allocations.csv?scenario=tighter", http.StatusOK)
	e.srv = e.start("") // a new process on the same data dir, writes off
	after := e.Get("/api/v1/plans/tiny/allocations.csv?scenario=tighter", http.StatusOK)
	if !bytes.Equal(before.Body.Bytes(), after.Body.Bytes()) || before.Header().Get("ETag") != after.Header().Get("ETag") {
		t.Errorf("the saved scenario reads differently after a restart")
	}
	if got := e.Get("/api/v1/plans/tiny/scenarios/tighter", http.StatusOK).Body.String(); got != tighter {
		t.Errorf("scenario file after restart: %q", got)
	}
}

// TestScenarioFilesImportedOnce is the upgrade: a data folder with the
// scenario files of an older caili is imported into the database at the
// first start, nothing lost (bytes and times kept, a broken file listed
// with its problems); files are not read again after that.
func TestScenarioFilesImportedOnce(t *testing.T) {
	e := newEnv(t, "secret")
	e.data = filepath.Join(t.TempDir(), "old-data")
	dir := filepath.Join(e.data, "scenarios", "tiny")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	broken := "[scenario]\nname = \"hand\"\n[set]\n\"nope\" = 1\n"
	old := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	for name, body := range map[string]string{"hand.toml": tighter, "broken.toml": broken, ".tighter.toml.tmp-1": "x", "Bad Name.toml": tighter} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	e.srv = e.start("secret")
	if got := e.Get("/api/v1/plans/tiny/scenarios/hand", http.StatusOK).Body.String(); got != tighter {
		t.Errorf("imported scenario reads %q", got)
	}
	e.Get("/api/v1/plans/tiny/allocations.csv?scenario=hand", http.StatusOK)
	w := e.Get("/api/v1/plans/tiny/allocations.csv?scenario=broken", http.StatusBadRequest)
	if b := decodeError(t, w); len(b.Problems) == 0 || !strings.Contains(b.Problems[0].File, "broken.toml") {
		t.Errorf("problems %+v should name the scenario file", b.Problems)
	}
	var list struct {
		Scenarios []scenarioJSON `json:"scenarios"`
	}
	if err := json.Unmarshal(e.Get("/api/v1/plans/tiny/scenarios", http.StatusOK).Body.Bytes(), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Scenarios) != 2 || list.Scenarios[0].Name != "broken" ||
		list.Scenarios[1].Modified == nil || !list.Scenarios[1].Modified.Equal(old) {
		t.Errorf("imported list %+v", list.Scenarios)
	}
	// Imported once: a file changed or added later is not read again, and
	// a restart does not import twice.
	if err := os.WriteFile(filepath.Join(dir, "later.toml"), []byte(tighter), 0o644); err != nil {
		t.Fatal(err)
	}
	e.srv = e.start("secret")
	e.Get("/api/v1/plans/tiny/scenarios/later", http.StatusNotFound)
	var audit struct {
		Entries []auditJSON `json:"entries"`
	}
	if err := json.Unmarshal(e.Get("/api/v1/audit", http.StatusOK, "Authorization", "Bearer secret").Body.Bytes(), &audit); err != nil {
		t.Fatal(err)
	}
	imports := 0
	for _, en := range audit.Entries {
		if en.Action == "scenario.import" {
			imports++
		}
	}
	if imports != 2 {
		t.Errorf("%d import entries in the audit log, want 2: %+v", imports, audit.Entries)
	}
}

func TestBuiltinScenariosOfTheSample(t *testing.T) {
	srv, err := New(withRecord(t, Config{Token: "secret", Version: "test", Logger: slog.New(slog.DiscardHandler), PollInterval: -1}))
	if err != nil {
		t.Fatal(err)
	}
	if ids := srv.Plans(); len(ids) != 1 || ids[0] != SampleID {
		t.Fatalf("plans %v", ids)
	}
	names, err := fs.Glob(configs.FS, configs.ScenarioDir+"/*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no built-in scenarios: %v", err)
	}
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		name := strings.TrimSuffix(filepath.Base(n), ".toml")
		data, _ := fs.ReadFile(configs.FS, n)
		sc, err := standards.ParseScenario(n, data)
		if err != nil {
			t.Fatal(err)
		}
		d, err := doc.Apply(sc.Set...)
		if err != nil {
			t.Fatal(err)
		}
		m, err := d.Compile()
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.Evaluate()
		if err != nil {
			t.Fatal(err)
		}
		w := serve(srv, http.MethodGet, "/api/v1/plans/sample/allocations.csv?scenario="+name, nil)
		if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), csvOf(t, res, false)) {
			t.Errorf("built-in scenario %s: %d\n%s", name, w.Code, w.Body.String())
		}
		// Built-in scenarios are read-only.
		for _, m := range []string{http.MethodPut, http.MethodDelete} {
			if w := serve(srv, m, "/api/v1/plans/sample/scenarios/"+name, data, "Authorization", "Bearer secret"); w.Code != http.StatusConflict {
				t.Errorf("%s built-in %s: %d, want 409", m, name, w.Code)
			}
		}
	}
}
