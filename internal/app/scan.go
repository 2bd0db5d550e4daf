package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/caili/caili/internal/safefile"
)

// Scan brings the store in step with the directory: new plan files are
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
	changed := map[string]bool{}   // files new or changed since the last scan
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".toml") || strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		present[name] = true
		p := filepath.Join(s.dir, name)
		sf, fresh, ok := s.look(name, p, force)
		if !ok {
			continue
		}
		if fresh {
			changed[name] = true
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
		if !force && unsettled(filepath.Base(p), st, changed) {
			continue // being written: load it once it has stood still for a poll
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

// look brings what the store knows of one *.toml file of the folder up to
// date: whether it is a plan, and whether it is new or changed since the
// last scan (fresh). A file that is not a regular file (a FIFO, a link to
// a device) or is too large counts as a plan, so that it is listed with
// its problem rather than blocking or exhausting the server. ok is false
// when the file vanished meanwhile.
func (s *Plans) look(name, p string, force bool) (sf seenFile, fresh, ok bool) {
	st := statFile(p)
	sf, known := s.seen[name]
	if known && sf.stamp == st && !force {
		return sf, false, true
	}
	fresh = !force && (!known || sf.stamp != st)
	data, _, err := safefile.Read(p, safefile.MaxInput)
	switch {
	case errors.Is(err, safefile.ErrNotRegular), errors.Is(err, safefile.ErrTooLarge):
		sf.isPlan = true
	case err != nil:
		return sf, false, false
	default:
		// Once a plan, a file stays one while it exists, so that a plan
		// that loses its [plan] table is reported, not dropped.
		sf.isPlan = sf.isPlan || isPlanFile(data)
	}
	sf.stamp = st
	return sf, fresh, true
}

// unsettled reports whether a plan file, or a file it read, changed since
// the last scan: a file being written in place (a plan cut at a
// [[subdistrict]] boundary would be valid) is loaded only once its size
// and modification time stood still from one poll to the next.
func unsettled(name string, st *PlanState, changed map[string]bool) bool {
	if changed[name] {
		return true
	}
	if st != nil {
		for n := range st.deps {
			if changed[n] {
				return true
			}
		}
	}
	return false
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
