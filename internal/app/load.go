package app

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// readFunc reads a file a plan names, relative to the plan, with its stamp.
type readFunc func(name string) ([]byte, stamp, error)

// loadPlan loads, validates and evaluates a plan through read. The hash
// is standards.Document FilesHash: the bytes of every file read, in
// order, which the record store keeps (Sources). deps lists the
// files read or tried, for change detection, even when loading fails.
//
// opts are further options of the loader (publishedOptions, published.go).
func loadPlan(id, name string, read readFunc, opts ...standards.Option) (*PlanVersion, map[string]stamp, error) {
	deps := map[string]stamp{}
	var sources []caili.File
	doc, err := standards.Load(name, func(n string) ([]byte, error) {
		b, st, err := read(n)
		deps[n] = st
		if err == nil {
			sources = append(sources, caili.File{Name: n, Data: b})
		}
		return b, err
	}, append([]standards.Option{standards.WithData(workbook.Read)}, opts...)...)
	if err != nil {
		return nil, deps, err
	}
	m, err := doc.Compile()
	if err != nil {
		return nil, deps, err
	}
	p := m.Plan()
	v := &PlanVersion{ID: id, Doc: doc, Hash: doc.FilesHash(), Name: p.Name,
		FiscalYear: p.FiscalYear, Files: doc.Files(), LoadedAt: time.Now(), Sources: sources}
	res, err := m.Evaluate()
	v.Base = &Computed{Res: res, Err: err}
	return v, deps, nil
}

// diskReader reads the plan file and the files it names, relative to its
// directory, stamping each from the same open file it reads. The files it
// names must land inside the plan's folder once symbolic links are
// followed (safefile.ReadInside); the plan file itself is where the
// plans folder has it.
func diskReader(file string) readFunc {
	dir, plan := filepath.Dir(file), filepath.Base(file)
	return func(n string) ([]byte, stamp, error) {
		if !filepath.IsLocal(n) {
			return nil, stamp{}, fmt.Errorf("%s: %w", n, errOutside)
		}
		read := func() ([]byte, fs.FileInfo, error) { return safefile.ReadInside(dir, n, safefile.MaxInput) }
		if n == plan {
			read = func() ([]byte, fs.FileInfo, error) { return safefile.Read(file, safefile.MaxInput) }
		}
		b, fi, err := read()
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, stamp{}, err
			}
			return nil, stamp{}, fmt.Errorf("%s: %w", n, err)
		}
		return b, stamp{size: fi.Size(), mod: fi.ModTime(), exists: true}, nil
	}
}

// errOutside refuses a file named outside the plan's folder: a plan may
// read only files beside it or below it (rules §2).
var errOutside = errors.New("a plan may only name files inside its own folder")

// planMarker finds a `[plan]` table header in TOML text that does not parse.
var planMarker = regexp.MustCompile(`(?m)^[ \t]*\[[ \t]*plan[ \t]*\]`)

// isPlanFile reports whether TOML text is a plan file: it has a top-level
// `plan` table. Text that does not parse counts as a plan when a line is a
// `[plan]` header, so that a plan broken while being edited is still
// listed with its problems rather than vanishing. Text beyond the
// decoding limits (standards.CheckTOML) is never decoded.
func isPlanFile(data []byte) bool {
	var top map[string]toml.Primitive
	if standards.CheckTOML("", data) != nil {
		// Beyond the limits every file is held to (nesting, keys): not
		// decoded here either; listed as a plan if it says it is one.
		return planMarker.Match(data)
	}
	if _, err := toml.Decode(string(data), &top); err != nil {
		return planMarker.Match(data)
	}
	_, ok := top["plan"]
	return ok
}
