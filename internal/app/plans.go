package app

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// planVersion is one successfully loaded version of a plan file, with the
// result of the plan as written (computed once, when it was loaded).
type PlanVersion struct {
	ID         string
	Doc        *standards.Document
	Hash       string // hex SHA-256 over the names and bytes of every file read
	Name       string
	FiscalYear int64
	Files      []string
	LoadedAt   time.Time
	Base       *Computed
}

// planState is what the store knows of one plan file: the last version
// that loaded (which keeps serving) and the problems of the latest
// attempt, if it failed.
type PlanState struct {
	ID       string
	file     string // path on disk; "" for an embedded plan
	Good     *PlanVersion
	Problems []formula.Problem // of the latest attempt; nil when it loaded
	failMsg  string
	deps     map[string]stamp // every file the latest attempt read or tried to
	tried    time.Time        // when the latest attempt started
}

// stamp identifies the state of a file cheaply, for change detection.
type stamp struct {
	size   int64
	mod    time.Time
	exists bool
}

func statFile(p string) stamp {
	fi, err := os.Stat(p)
	if err != nil {
		return stamp{}
	}
	return stamp{size: fi.Size(), mod: fi.ModTime(), exists: true}
}

// planStore holds the plans being served. In directory mode every
// `<id>.toml` file of the directory that is a plan (it has a `[plan]`
// table) is served under its id; other TOML files there (standards files)
// are read only through the plans that name them. In embedded mode it
// serves one plan from an fs.FS and never reloads.
type Plans struct {
	dir  string // directory mode when not ""
	fsys fs.FS  // embedded mode
	log  *slog.Logger

	scanMu sync.Mutex          // one scan at a time
	seen   map[string]seenFile // directory entries by file name (scanMu)

	mu    sync.RWMutex
	plans map[string]*PlanState
}

// seenFile remembers whether a file of the directory is a plan.
type seenFile struct {
	stamp  stamp
	isPlan bool
	warned bool
}

// newDirStore serves the plans of a directory, loading them now.
func newDirPlans(dir string, log *slog.Logger) (*Plans, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("plans directory: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("plans directory %s: not a directory", dir)
	}
	s := &Plans{dir: dir, log: log, seen: map[string]seenFile{}, plans: map[string]*PlanState{}}
	if err := s.Scan(true); err != nil {
		return nil, err
	}
	return s, nil
}

// newEmbeddedStore serves the plan file name of fsys under id.
func newEmbeddedPlans(fsys fs.FS, name, id string, log *slog.Logger) (*Plans, error) {
	s := &Plans{fsys: fsys, log: log, plans: map[string]*PlanState{}}
	st := &PlanState{ID: id}
	v, deps, err := loadPlan(id, path.Base(name), func(n string) ([]byte, stamp, error) {
		b, err := fs.ReadFile(fsys, path.Join(path.Dir(name), n))
		return b, stamp{size: int64(len(b)), exists: err == nil}, err
	})
	st.deps = deps
	if err != nil {
		return nil, fmt.Errorf("embedded plan %s: %w", name, err)
	}
	st.Good = v
	s.plans[id] = st
	return s, nil
}

// readFunc reads a file a plan names, relative to the plan, with its stamp.
type readFunc func(name string) ([]byte, stamp, error)

// loadPlan loads, validates and evaluates a plan through read. The hash
// covers the name and bytes of every file read, in order. deps lists the
// files read or tried, for change detection, even when loading fails.
func loadPlan(id, name string, read readFunc) (*PlanVersion, map[string]stamp, error) {
	h := sha256.New()
	deps := map[string]stamp{}
	doc, err := standards.Load(name, func(n string) ([]byte, error) {
		b, st, err := read(n)
		deps[n] = st
		if err == nil {
			writeField(h, n)
			writeField(h, string(b))
		}
		return b, err
	})
	if err != nil {
		return nil, deps, err
	}
	m, err := doc.Compile()
	if err != nil {
		return nil, deps, err
	}
	p := m.Plan()
	v := &PlanVersion{ID: id, Doc: doc, Hash: hex.EncodeToString(h.Sum(nil)), Name: p.Name,
		FiscalYear: p.FiscalYear, Files: doc.Files(), LoadedAt: time.Now()}
	res, err := m.Evaluate()
	v.Base = &Computed{Res: res, Err: err}
	return v, deps, nil
}

// writeField feeds a length-prefixed string to a hash, so that fields can
// never run into each other.
func writeField(h hash.Hash, s string) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	io.WriteString(h, s)
}

// diskReader reads files relative to the directory of a plan file,
// stamping each from the same open file it reads.
func diskReader(dir string) readFunc {
	return func(n string) ([]byte, stamp, error) {
		p := n
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, n)
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, stamp{}, err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return nil, stamp{}, err
		}
		if !fi.Mode().IsRegular() {
			return nil, stamp{}, fmt.Errorf("%s: not a regular file", n)
		}
		b, err := io.ReadAll(io.LimitReader(f, maxPlanFile+1))
		if err == nil && len(b) > maxPlanFile {
			err = fmt.Errorf("%s: larger than %d bytes", n, maxPlanFile)
		}
		return b, stamp{size: fi.Size(), mod: fi.ModTime(), exists: true}, err
	}
}

// maxPlanFile bounds the size of a plan or standards file read from disk.
const maxPlanFile = 16 << 20

// planMarker finds a `[plan]` table header in TOML text that does not parse.
var planMarker = regexp.MustCompile(`(?m)^[ \t]*\[[ \t]*plan[ \t]*\]`)

// isPlanFile reports whether TOML text is a plan file: it has a top-level
// `plan` table. Text that does not parse counts as a plan when a line is a
// `[plan]` header, so that a plan broken while being edited is still
// listed with its problems rather than vanishing.
func isPlanFile(data []byte) bool {
	var top map[string]toml.Primitive
	if _, err := toml.Decode(string(data), &top); err != nil {
		return planMarker.Match(data)
	}
	_, ok := top["plan"]
	return ok
}

// scan brings the store in step with the directory: new plan files are
// loaded, changed ones (the plan or any file it read) reloaded, removed
// ones dropped. With force every plan is reloaded. A plan whose reload
// fails keeps its last good version. Embedded stores never change.
func (s *Plans) Scan(force bool) error {
	if s.dir == "" {
		return nil
	}
	s.scanMu.Lock()
	defer s.scanMu.Unlock()
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return fmt.Errorf("read plans directory: %w", err)
	}
	present := map[string]bool{}
	current := map[string]string{} // id → path
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".toml") || strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		present[name] = true
		p := filepath.Join(s.dir, name)
		st := statFile(p)
		sf, known := s.seen[name]
		if !known || sf.stamp != st || force {
			data, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			// Once a plan, a file stays one while it exists, so that a
			// plan that loses its [plan] table is reported, not dropped.
			sf.isPlan = sf.isPlan || isPlanFile(data)
			sf.stamp = st
		}
		id := strings.TrimSuffix(name, ".toml")
		if sf.isPlan && !ValidName(id) {
			if !sf.warned {
				s.log.Warn("plan file ignored: its name must match "+NameRE.String()+" (plus .toml)", "file", p)
				sf.warned = true
			}
			sf.isPlan = false
		}
		s.seen[name] = sf
		if sf.isPlan {
			current[id] = p
		}
	}
	for name := range s.seen {
		if !present[name] {
			delete(s.seen, name)
		}
	}
	for id, p := range current {
		s.mu.RLock()
		st := s.plans[id]
		s.mu.RUnlock()
		if st != nil && !force && !depsChanged(s.dir, st.deps) && !st.racy() {
			continue
		}
		s.reload(id, p, st)
	}
	s.mu.Lock()
	for id := range s.plans {
		if _, ok := current[id]; !ok {
			s.log.Info("plan removed", "plan", id)
			delete(s.plans, id)
		}
	}
	s.mu.Unlock()
	return nil
}

// depsChanged reports whether any file a plan read has changed since.
func depsChanged(dir string, deps map[string]stamp) bool {
	for n, old := range deps {
		p := n
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, n)
		}
		if statFile(p) != old {
			return true
		}
	}
	return len(deps) == 0
}

// racyWindow is how close to a load a file's modification time must be
// for its stamp to prove nothing: file systems keep times at the
// granularity of a clock tick, so a second write in the same tick with the
// same size would look unchanged.
const racyWindow = 2 * time.Second

// racy reports whether a file the plan read was modified so shortly before
// it was read that a later change might not show in its stamp. Such a plan
// is re-read (its hash decides whether anything changed) until its files
// are older than the window.
func (st *PlanState) racy() bool {
	for _, d := range st.deps {
		if d.exists && !d.mod.Before(st.tried.Add(-racyWindow)) {
			return true
		}
	}
	return false
}

// reload loads one plan file and records the outcome; prev is the plan's
// state before (nil for a new plan).
func (s *Plans) reload(id, file string, prev *PlanState) {
	st := &PlanState{ID: id, file: file, tried: time.Now()}
	if prev != nil {
		st.Good = prev.Good
	}
	v, deps, err := loadPlan(id, filepath.Base(file), diskReader(filepath.Dir(file)))
	st.deps = deps
	switch {
	case err == nil:
		if st.Good != nil && st.Good.Hash == v.Hash {
			v = st.Good // same bytes: keep the version and its result
		} else {
			s.log.Info("plan loaded", "plan", id, "name", v.Name, "files", strings.Join(v.Files, ","))
		}
		st.Good = v
	default:
		st.Problems, st.failMsg = problemsOf(filepath.Base(file), err)
		if prev == nil || prev.failMsg != st.failMsg {
			s.log.Warn("plan does not load", "plan", id, "error", err, "serving_last_good", st.Good != nil)
		}
	}
	s.mu.Lock()
	s.plans[id] = st
	s.mu.Unlock()
}

// problemsOf lists the problems of a failed load; an error without
// problems (a file that cannot be read) becomes one problem of the file.
func problemsOf(file string, err error) ([]formula.Problem, string) {
	var se *standards.Error
	var fe *formula.InvalidPlanError
	switch {
	case errors.As(err, &se):
		return se.Problems, err.Error()
	case errors.As(err, &fe):
		ps := make([]formula.Problem, len(fe.Problems))
		for i, p := range fe.Problems {
			ps[i] = formula.Problem{File: file, Path: p.Path, Message: p.Message}
		}
		return ps, err.Error()
	}
	return []formula.Problem{{File: file, Message: err.Error()}}, err.Error()
}

// get returns a plan's state; the state is never modified once stored.
func (s *Plans) Get(id string) (*PlanState, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st, ok := s.plans[id]
	return st, ok
}

// all returns every plan's state, by id.
func (s *Plans) All() []*PlanState {
	s.mu.RLock()
	out := make([]*PlanState, 0, len(s.plans))
	for _, st := range s.plans {
		out = append(out, st)
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// watch polls the directory every interval until ctx is done.
func (s *Plans) Watch(ctx context.Context, interval time.Duration) {
	if s.dir == "" || interval <= 0 {
		return
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Scan(false); err != nil {
				s.log.Warn("plans directory scan failed", "error", err)
			}
		}
	}
}
