package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/atomicfile"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/standards"
)

// Scenario is one scenario file (rules §4) of a plan: saved in the
// data directory, or built in (the embedded sample's scenarios).
type Scenario struct {
	Plan, Name string
	Data       []byte
	Parsed     *standards.Scenario // nil when the file does not parse
	Err        error               // why it does not parse
	Hash       string              // hex SHA-256 of data
	Builtin    bool
	Modified   time.Time
	stamp      stamp
}

// File is the name problems in the scenario are reported under.
func (s *Scenario) File() string { return "scenarios/" + s.Plan + "/" + s.Name + ".toml" }

// Scenarios keeps saved scenarios as files
// `<data>/scenarios/<plan>/<name>.toml`, written atomically (a temporary
// file in the same directory, synced, renamed over, directory synced), so
// a crash leaves either the old or the new file, never a torn one. Files
// are read back on use when their size or modification time changed, so
// a file edited by hand is picked up too. Built-in scenarios are
// read-only.
type Scenarios struct {
	dir     string
	Builtin map[string]map[string][]byte // plan → name → bytes

	writeMu sync.Mutex // one write at a time

	mu     sync.Mutex
	parsed map[string]*Scenario // by file path
}

func newScenarios(dir string) *Scenarios {
	return &Scenarios{dir: dir, Builtin: map[string]map[string][]byte{}, parsed: map[string]*Scenario{}}
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

func (s *Scenarios) planDir(plan string) string { return filepath.Join(s.dir, "scenarios", plan) }

func (s *Scenarios) filePath(plan, name string) string {
	return filepath.Join(s.planDir(plan), name+".toml")
}

func parseSaved(plan, name string, data []byte) *Scenario {
	sum := sha256.Sum256(data)
	v := &Scenario{Plan: plan, Name: name, Data: data, Hash: hex.EncodeToString(sum[:])}
	v.Parsed, v.Err = standards.ParseScenario(v.File(), data)
	return v
}

// Get returns the scenario name of plan: a saved one, else a built-in one.
func (s *Scenarios) Get(plan, name string) (*Scenario, error) {
	if !ValidName(name) {
		return nil, Errorf(KindBadRequest, "scenario name %q must match %s", Clip(name), NameRE)
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
		data, _, err := safefile.Read(p, safefile.MaxInput)
		switch {
		case errors.Is(err, safefile.ErrNotRegular), errors.Is(err, safefile.ErrTooLarge):
			// A FIFO or a device under the scenarios folder is the
			// scenario's problem; it is never read.
			v = &Scenario{Plan: plan, Name: name}
			v.Err = &standards.Error{Overrides: true, Problems: []formula.Problem{
				{File: v.File(), Code: formula.CodeUnreadable, Message: "cannot read the scenario file: " + err.Error()}}}
			return v, nil
		case err == nil:
			v = parseSaved(plan, name, data)
			v.stamp, v.Modified = st, st.mod
			s.mu.Lock()
			s.parsed[p] = v
			s.mu.Unlock()
			return v, nil
		case !errors.Is(err, fs.ErrNotExist):
			return nil, &Error{Kind: KindInternal, Message: "cannot read the scenario", Err: err}
		}
	}
	s.mu.Lock()
	delete(s.parsed, p)
	s.mu.Unlock()
	if b, ok := s.Builtin[plan][name]; ok {
		v := parseSaved(plan, name, b)
		v.Builtin = true
		return v, nil
	}
	return nil, Errorf(KindNotFound, "plan %s has no scenario %q", plan, name)
}

// List returns the scenarios of plan, saved and built-in, by name.
func (s *Scenarios) List(plan string) ([]*Scenario, error) {
	names := map[string]bool{}
	for n := range s.Builtin[plan] {
		names[n] = true
	}
	entries, err := os.ReadDir(s.planDir(plan))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{Kind: KindInternal, Message: "cannot list the scenarios", Err: err}
	}
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok && ValidName(n) && e.Type().IsRegular() {
			names[n] = true
		}
	}
	out := make([]*Scenario, 0, len(names))
	for n := range names {
		v, err := s.Get(plan, n)
		if err != nil {
			var ae *Error
			if errors.As(err, &ae) && ae.Kind == KindNotFound {
				continue // removed meanwhile
			}
			return nil, err
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// CheckWritable refuses names that are malformed or built in.
func (s *Scenarios) CheckWritable(plan, name string) error {
	if !ValidName(name) {
		return Errorf(KindBadRequest, "scenario name %q must match %s", Clip(name), NameRE)
	}
	if _, ok := s.Builtin[plan][name]; ok {
		return Errorf(KindConflict, "scenario %q is built in and read-only; save yours under another name", name)
	}
	return nil
}

// Put saves data (a scenario file already checked by the caller) as
// scenario name of plan, atomically. created is false when it replaced
// an existing file.
func (s *Scenarios) Put(plan, name string, data []byte) (created bool, err error) {
	if err := s.CheckWritable(plan, name); err != nil {
		return false, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	p := s.filePath(plan, name)
	created = !statFile(p).exists
	if err := atomicfile.Write(p, data, 0o640); err != nil {
		return false, &Error{Kind: KindInternal, Message: "cannot save the scenario" + diskReason(err), Err: err}
	}
	return created, nil
}

// Remove deletes a saved scenario.
func (s *Scenarios) Remove(plan, name string) error {
	if err := s.CheckWritable(plan, name); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	p := s.filePath(plan, name)
	if err := os.Remove(p); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Errorf(KindNotFound, "plan %s has no saved scenario %q", plan, name)
		}
		return &Error{Kind: KindInternal, Message: "cannot delete the scenario" + diskReason(err), Err: err}
	}
	s.mu.Lock()
	delete(s.parsed, p)
	s.mu.Unlock()
	if err := atomicfile.SyncDir(filepath.Dir(p)); err != nil {
		return &Error{Kind: KindInternal, Message: "cannot delete the scenario" + diskReason(err), Err: err}
	}
	return nil
}

// diskReason says why a write failed, for the client, without the
// server's paths: ": no space left on the server's disk", ": the data
// folder is read-only", ": the server may not write its data folder", or
// "" for anything else.
func diskReason(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return ": no space left on the server's disk (磁盘已满)"
	case errors.Is(err, syscall.EROFS):
		return ": the data folder is read-only (数据目录只读)"
	case errors.Is(err, fs.ErrPermission):
		return ": the server may not write its data folder (无写入权限)"
	}
	return ""
}

// staleAfter is how old a temporary file of an interrupted save must be
// before it is removed at start.
const staleAfter = time.Hour

// removeStale removes the temporary files that a save interrupted by a
// crash left in the scenario folders (.NAME.toml.tmp-*), when older than
// staleAfter, so that they do not pile up.
func (s *Scenarios) removeStale(log *slog.Logger) {
	matches, _ := filepath.Glob(filepath.Join(s.dir, "scenarios", "*", ".*.toml.tmp-*"))
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
