package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/standards"
)

// Scenario is one scenario file (rules §4) of a plan: saved in the
// record store, or built in (the embedded sample's scenarios).
type Scenario struct {
	Plan, Name string
	Data       []byte
	Parsed     *standards.Scenario // nil when the file does not parse
	Err        error               // why it does not parse
	Hash       string              // hex SHA-256 of data
	Builtin    bool
	Modified   time.Time
}

// File is the name problems in the scenario are reported under.
func (s *Scenario) File() string { return "scenarios/" + s.Plan + "/" + s.Name + ".toml" }

// Scenarios keeps saved scenarios in the record store (Store), and the
// built-in ones (the embedded sample's) read-only beside them. Scenario
// files under `<data>/scenarios/<plan>/<name>.toml`, where caili kept
// them before the store, are imported once, at the first start on the
// data folder (importScenarioFiles). Without a store only the built-in
// scenarios exist and every write is refused.
type Scenarios struct {
	store   caili.Store
	Builtin map[string]map[string][]byte // plan → name → bytes

	mu     sync.Mutex
	parsed map[string]*Scenario // by plan/name; reused while the hash is the same
}

func newScenarios(st caili.Store) *Scenarios {
	return &Scenarios{store: st, Builtin: map[string]map[string][]byte{}, parsed: map[string]*Scenario{}}
}

// AddBuiltin makes every `<name>.toml` of dir in fsys a read-only scenario
// of plan.
func (s *Scenarios) AddBuiltin(plan string, fsys fs.FS, dir string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("built-in scenarios: %w", err)
	}
	m := map[string][]byte{}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok || !ValidName(name) || e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return fmt.Errorf("built-in scenario %s: %w", e.Name(), err)
		}
		m[name] = b
	}
	s.Builtin[plan] = m
	return nil
}

func parseSaved(plan, name string, data []byte) *Scenario {
	sum := sha256.Sum256(data)
	v := &Scenario{Plan: plan, Name: name, Data: data, Hash: hex.EncodeToString(sum[:])}
	v.Parsed, v.Err = standards.ParseScenario(v.File(), data)
	return v
}

// fromStore parses a stored scenario, reusing the parse of the same bytes.
func (s *Scenarios) fromStore(sc *caili.StoredScenario) *Scenario {
	key := sc.Plan + "/" + sc.Name
	s.mu.Lock()
	v, ok := s.parsed[key]
	s.mu.Unlock()
	if ok && v.Hash == sc.Hash && v.Modified.Equal(sc.Modified) {
		return v
	}
	v = parseSaved(sc.Plan, sc.Name, sc.Data)
	v.Modified = sc.Modified
	s.mu.Lock()
	s.parsed[key] = v
	s.mu.Unlock()
	return v
}

// Get returns the scenario name of plan: a saved one, else a built-in one.
func (s *Scenarios) Get(plan, name string) (*Scenario, error) {
	if !ValidName(name) {
		return nil, Say(caili.KindBadRequest, msg.AppScenarioName, msg.Clip(name), NameRE)
	}
	if s.store != nil {
		sc, err := s.store.Scenario(context.Background(), plan, name)
		if err == nil {
			return s.fromStore(sc), nil
		}
		var ae *caili.Error
		if !errors.As(err, &ae) || ae.Kind != caili.KindNotFound {
			return nil, err
		}
	}
	if b, ok := s.Builtin[plan][name]; ok {
		v := parseSaved(plan, name, b)
		v.Builtin = true
		return v, nil
	}
	return nil, Say(caili.KindNotFound, msg.AppNoScenario, plan, name)
}

// List returns the scenarios of plan, saved and built-in, by name; a
// saved one hides a built-in one of the same name.
func (s *Scenarios) List(plan string) ([]*Scenario, error) {
	byName := map[string]*Scenario{}
	for n, b := range s.Builtin[plan] {
		v := parseSaved(plan, n, b)
		v.Builtin = true
		byName[n] = v
	}
	if s.store != nil {
		scs, err := s.store.Scenarios(context.Background(), plan)
		if err != nil {
			return nil, err
		}
		for i := range scs {
			byName[scs[i].Name] = s.fromStore(&scs[i])
		}
	}
	out := make([]*Scenario, 0, len(byName))
	for _, v := range byName {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// CheckWritable refuses names that are malformed or built in.
func (s *Scenarios) CheckWritable(plan, name string) error {
	if !ValidName(name) {
		return Say(caili.KindBadRequest, msg.AppScenarioName, msg.Clip(name), NameRE)
	}
	if _, ok := s.Builtin[plan][name]; ok {
		return Say(caili.KindConflict, msg.AppScenarioBuiltIn, name)
	}
	if s.store == nil {
		return Say(caili.KindForbidden, msg.AppScenarioNoStore)
	}
	return nil
}

// Put saves data (a scenario file already checked by the caller) as
// scenario name of plan, in one transaction with its audit entry.
// created is false when it replaced an existing one.
func (s *Scenarios) Put(who caili.Actor, plan, name string, data []byte) (created bool, err error) {
	if err := s.CheckWritable(plan, name); err != nil {
		return false, err
	}
	sum := sha256.Sum256(data)
	return s.store.PutScenario(context.Background(), who,
		caili.StoredScenario{Plan: plan, Name: name, Data: data, Hash: hex.EncodeToString(sum[:])})
}

// Remove deletes a saved scenario.
func (s *Scenarios) Remove(who caili.Actor, plan, name string) error {
	if err := s.CheckWritable(plan, name); err != nil {
		return err
	}
	return s.store.DeleteScenario(context.Background(), who, plan, name)
}

// importScenarioFiles imports the scenario files the data folders dirs
// hold from before the store (scenarios/<plan>/<name>.toml), once in the
// store's life; of a scenario in two folders, the first folder's is
// kept. The files are left where they are.
func importScenarioFiles(st caili.Store, dirs []string, log *slog.Logger) error {
	var scs []caili.StoredScenario
	seen := map[string]bool{}
	for i, dir := range dirs {
		if slices.Contains(dirs[:i], dir) {
			continue
		}
		found, err := scenarioFiles(dir)
		if err != nil && i > 0 { // an old default folder: what cannot be read there is left
			log.Warn(msg.LogScenariosNotImported.Bilingual(), "folder", dir, "error", err)
			continue
		}
		if err != nil {
			return err
		}
		for _, sc := range found {
			if k := sc.Plan + "/" + sc.Name; !seen[k] {
				seen[k] = true
				scs = append(scs, sc)
			}
		}
	}
	n, done, err := st.ImportScenarios(context.Background(), caili.Actor{ID: "caili-upgrade", Role: caili.RoleAdmin}, scs)
	if err != nil {
		return err
	}
	if done && len(scs) > 0 {
		log.Info(msg.LogScenariosImported.Bilingual(), "files", len(scs), "imported", n)
	}
	return nil
}

// scenarioFiles reads the scenario files of the data folder dir (none
// when it has no scenarios folder).
func scenarioFiles(dir string) ([]caili.StoredScenario, error) {
	var scs []caili.StoredScenario
	plans, err := os.ReadDir(filepath.Join(dir, "scenarios"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("import scenario files: %w", err)
	}
	for _, p := range plans {
		if !p.IsDir() || !ValidName(p.Name()) {
			continue
		}
		files, err := os.ReadDir(filepath.Join(dir, "scenarios", p.Name()))
		if err != nil {
			return nil, fmt.Errorf("import scenario files: %w", err)
		}
		for _, f := range files {
			name, ok := strings.CutSuffix(f.Name(), ".toml")
			if !ok || !ValidName(name) || !f.Type().IsRegular() {
				continue
			}
			data, fi, err := safefile.Read(filepath.Join(dir, "scenarios", p.Name(), f.Name()), safefile.MaxInput)
			if err != nil {
				return nil, fmt.Errorf("import scenario file %s/%s: %w", p.Name(), f.Name(), err)
			}
			sum := sha256.Sum256(data)
			scs = append(scs, caili.StoredScenario{Plan: p.Name(), Name: name, Data: data, Hash: hex.EncodeToString(sum[:]), Modified: fi.ModTime()})
		}
	}
	return scs, nil
}

// staleAfter is how old a temporary file of an interrupted save must be
// before it is removed at start.
const staleAfter = time.Hour

// removeStale removes the temporary files that a save interrupted by a
// crash left in the scenario folders (.NAME.toml.tmp-*), when older than
// staleAfter, so that they do not pile up.
func removeStale(dir string, log *slog.Logger) {
	matches, _ := filepath.Glob(filepath.Join(dir, "scenarios", "*", ".*.toml.tmp-*"))
	for _, m := range matches {
		fi, err := os.Lstat(m)
		if err != nil || !fi.Mode().IsRegular() || time.Since(fi.ModTime()) < staleAfter {
			continue
		}
		if err := os.Remove(m); err == nil {
			log.Info("removed the temporary file of an interrupted save", "file", filepath.Base(m))
		}
	}
}
