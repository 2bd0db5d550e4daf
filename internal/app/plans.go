package app

import (
	"context"
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
	"time"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/periodic"
	"github.com/caili/caili/standards"
)

// PlanVersion is one successfully loaded version of a plan file, with the
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
	// Sources are the files read to load it, in the order read (the
	// plan file first): what a saved version keeps.
	Sources []caili.File
	// memo is what requests for its own result ask for (basememo.go).
	memo baseMemo
}

// PlanState is what the store knows of one plan file: the last version
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

// Plans holds the plans being served. In directory mode every
// `<id>.toml` file of the directory that is a plan (it has a `[plan]`
// table) is served under its id; other TOML files there (standards files)
// are read only through the plans that name them. In embedded mode it
// serves one plan from an fs.FS and never reloads.
type Plans struct {
	dir   string // directory mode when not ""
	fsys  fs.FS  // embedded mode
	log   *slog.Logger
	store caili.Store // where a baseline `@published:YEAR` is read (published.go); nil: none

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

// newDirStore serves the plans of a directory, loading them now; st is
// the record published baselines are read from (nil: none).
func newDirPlans(dir string, log *slog.Logger, st caili.Store) (*Plans, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, Say(caili.KindBadRequest, msg.AppPlansDir, dir).Because(err)
	}
	if !fi.IsDir() {
		return nil, Say(caili.KindBadRequest, msg.AppNotPlansDir, dir)
	}
	s := &Plans{dir: dir, log: log, store: st, seen: map[string]seenFile{}, plans: map[string]*PlanState{}}
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

// reload loads one plan file and records the outcome; prev is the plan's
// state before (nil for a new plan).
func (s *Plans) reload(id, file string, prev *PlanState) {
	st := &PlanState{ID: id, file: file, tried: time.Now()}
	if prev != nil {
		st.Good = prev.Good
	}
	v, deps, err := loadPlan(id, filepath.Base(file), diskReader(file), publishedOptions(s.store, id)...)
	st.deps = deps
	switch {
	case err == nil:
		if st.Good != nil && st.Good.Hash == v.Hash && publishedVersion(st.Good) == publishedVersion(v) {
			v = st.Good // same bytes (and published baseline): keep the version and its result
		} else {
			s.log.Info("plan loaded", "plan", id, "name", v.Name, "files", strings.Join(v.Files, ","), "sha256", v.Hash)
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
	var ce *caili.Error
	var fe *formula.InvalidPlanError
	switch {
	case errors.As(err, &ce) && formula.ProblemsOf(ce) != nil: // the loader's: placed in their files
		return formula.ProblemsOf(ce), msg.Error(msg.Zh, err)
	case errors.As(err, &fe):
		ps := make([]formula.Problem, len(fe.Problems))
		for i, p := range fe.Problems {
			p.File = file
			ps[i] = p
		}
		return ps, msg.Error(msg.Zh, err)
	}
	p := msg.AppUnreadable.At(formula.CodeUnreadable, "", err)
	p.File = file
	return []formula.Problem{p}, msg.Error(msg.Zh, err)
}

// Get returns a plan's state; the state is never modified once stored.
func (s *Plans) Get(id string) (*PlanState, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st, ok := s.plans[id]
	return st, ok
}

// All returns every plan's state, by id.
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

// Watch polls the directory every interval until ctx is done.
func (s *Plans) Watch(ctx context.Context, interval time.Duration) {
	if s.dir == "" {
		return
	}
	periodic.Every(ctx, interval, func() {
		if err := s.Scan(false); err != nil {
			s.log.Warn("plans directory scan failed", "error", err)
		}
	})
}
