package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/caili/caili/standards"
)

// savedScenario is one scenario file (SPEC §4) of a plan: saved in the
// data directory, or built in (the embedded sample's scenarios).
type savedScenario struct {
	plan, name string
	data       []byte
	sc         *standards.Scenario // nil when the file does not parse
	err        error               // why it does not parse
	hash       string              // hex SHA-256 of data
	builtin    bool
	modified   time.Time
	stamp      stamp
}

// file is the name problems in the scenario are reported under.
func (s *savedScenario) file() string { return "scenarios/" + s.plan + "/" + s.name + ".toml" }

// scenarioStore keeps saved scenarios as files
// `<data>/scenarios/<plan>/<name>.toml`, written atomically (a temporary
// file in the same directory, synced, renamed over, directory synced), so
// a crash leaves either the old or the new file, never a torn one. Files
// are read back on use when their size or modification time changed, so
// a file edited by hand is picked up too. Built-in scenarios are
// read-only.
type scenarioStore struct {
	dir     string
	builtin map[string]map[string][]byte // plan → name → bytes

	writeMu sync.Mutex // one write at a time

	mu     sync.Mutex
	parsed map[string]*savedScenario // by file path
}

func newScenarioStore(dir string) *scenarioStore {
	return &scenarioStore{dir: dir, builtin: map[string]map[string][]byte{}, parsed: map[string]*savedScenario{}}
}

// addBuiltin makes every `<name>.toml` of dir in fsys a read-only scenario
// of plan.
func (s *scenarioStore) addBuiltin(plan string, fsys fs.FS, dir string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("built-in scenarios: %w", err)
	}
	m := map[string][]byte{}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok || !validName(name) || e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return fmt.Errorf("built-in scenario %s: %w", e.Name(), err)
		}
		m[name] = b
	}
	s.builtin[plan] = m
	return nil
}

func (s *scenarioStore) planDir(plan string) string { return filepath.Join(s.dir, "scenarios", plan) }

func (s *scenarioStore) filePath(plan, name string) string {
	return filepath.Join(s.planDir(plan), name+".toml")
}

func parseSaved(plan, name string, data []byte) *savedScenario {
	sum := sha256.Sum256(data)
	v := &savedScenario{plan: plan, name: name, data: data, hash: hex.EncodeToString(sum[:])}
	v.sc, v.err = standards.ParseScenario(v.file(), data)
	return v
}

// get returns the scenario name of plan: a saved one, else a built-in one.
func (s *scenarioStore) get(plan, name string) (*savedScenario, error) {
	if !validName(name) {
		return nil, errorf(kindBadRequest, "scenario name %q must match %s", clip(name), nameRE)
	}
	p := s.filePath(plan, name)
	st := statFile(p)
	if st.exists {
		s.mu.Lock()
		v, ok := s.parsed[p]
		s.mu.Unlock()
		if ok && v.stamp == st {
			return v, nil
		}
		data, err := os.ReadFile(p)
		switch {
		case err == nil:
			v = parseSaved(plan, name, data)
			v.stamp, v.modified = st, st.mod
			s.mu.Lock()
			s.parsed[p] = v
			s.mu.Unlock()
			return v, nil
		case !errors.Is(err, fs.ErrNotExist):
			return nil, &apiError{kind: kindInternal, msg: "cannot read the scenario", cause: err}
		}
	}
	s.mu.Lock()
	delete(s.parsed, p)
	s.mu.Unlock()
	if b, ok := s.builtin[plan][name]; ok {
		v := parseSaved(plan, name, b)
		v.builtin = true
		return v, nil
	}
	return nil, errorf(kindNotFound, "plan %s has no scenario %q", plan, name)
}

// list returns the scenarios of plan, saved and built-in, by name.
func (s *scenarioStore) list(plan string) ([]*savedScenario, error) {
	names := map[string]bool{}
	for n := range s.builtin[plan] {
		names[n] = true
	}
	entries, err := os.ReadDir(s.planDir(plan))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, &apiError{kind: kindInternal, msg: "cannot list the scenarios", cause: err}
	}
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok && validName(n) && e.Type().IsRegular() {
			names[n] = true
		}
	}
	out := make([]*savedScenario, 0, len(names))
	for n := range names {
		v, err := s.get(plan, n)
		if err != nil {
			var ae *apiError
			if errors.As(err, &ae) && ae.kind == kindNotFound {
				continue // removed meanwhile
			}
			return nil, err
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

// checkWritable refuses names that are malformed or built in.
func (s *scenarioStore) checkWritable(plan, name string) error {
	if !validName(name) {
		return errorf(kindBadRequest, "scenario name %q must match %s", clip(name), nameRE)
	}
	if _, ok := s.builtin[plan][name]; ok {
		return errorf(kindConflict, "scenario %q is built in and read-only; save yours under another name", name)
	}
	return nil
}

// put saves data (a scenario file already checked by the caller) as
// scenario name of plan, atomically. created is false when it replaced
// an existing file.
func (s *scenarioStore) put(plan, name string, data []byte) (created bool, err error) {
	if err := s.checkWritable(plan, name); err != nil {
		return false, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	p := s.filePath(plan, name)
	created = !statFile(p).exists
	if err := standards.WriteFileAtomic(p, data, 0o640); err != nil {
		return false, &apiError{kind: kindInternal, msg: "cannot save the scenario", cause: err}
	}
	return created, nil
}

// remove deletes a saved scenario.
func (s *scenarioStore) remove(plan, name string) error {
	if err := s.checkWritable(plan, name); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	p := s.filePath(plan, name)
	if err := os.Remove(p); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return errorf(kindNotFound, "plan %s has no saved scenario %q", plan, name)
		}
		return &apiError{kind: kindInternal, msg: "cannot delete the scenario", cause: err}
	}
	s.mu.Lock()
	delete(s.parsed, p)
	s.mu.Unlock()
	if err := standards.SyncDir(filepath.Dir(p)); err != nil {
		return &apiError{kind: kindInternal, msg: "cannot delete the scenario", cause: err}
	}
	return nil
}

// clip shortens client text quoted in a message.
func clip(s string) string {
	if len(s) <= 80 {
		return s
	}
	cut := 80
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
