package archtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A rule forbids some imports to some of the module's packages. Only
// non-test files count: tests may import what their package may not.
//
// Patterns are import paths, "./x" standing for the module's package x;
// a pattern ending in "/..." also matches every path below it, so "./..."
// is every package of the module and "net/..." is net and net/http.
type rule struct {
	reason string   // why, for the failure message
	pkgs   []string // the packages the rule constrains
	except []string // packages matching pkgs that it does not constrain
	forbid []string // imports those packages must not have
	allow  []string // imports matching forbid that are allowed all the same
	// maxFiles, when above 0, lets up to that many non-test files of each
	// package have the forbidden imports: a boundary inside a package.
	maxFiles int
}

// Import paths of third-party packages the rules name.
const (
	gin      = "github.com/gin-gonic/gin/..."
	excelize = "github.com/xuri/excelize/..."
	gochart  = "github.com/wcharczuk/go-chart/..."
	fpdf     = "codeberg.org/go-pdf/fpdf/..."
)

// rules is the module's architecture. Every rule must constrain a
// package that exists: a rule whose packages are all gone (renamed,
// moved) fails, rather than pass for ever checking nothing.
var rules = []rule{
	{
		reason: "formula is the pure allocation computation: nothing of the module (it names messages, the edge renders them), no I/O, clock or randomness",
		pkgs:   []string{"./formula"},
		forbid: []string{"./...", "os/...", "io/fs", "net/...", "syscall", "time", "math/rand/...", "log/..."},
	},
	{
		reason: "internal/msg is the one message table and renders what formula and the record name: of the module only formula, the error vocabulary internal/caili and textutil (to clip what it quotes), no I/O",
		pkgs:   []string{"./internal/msg"},
		forbid: []string{"./...", "os/...", "io/fs", "net/...", "time", "log/..."},
		allow:  []string{"./formula", "./internal/caili", "./internal/textutil"},
	},
	{
		reason: "internal/caili is the domain at the centre (the record's types, the Store interface, the one error type): it imports nothing of the module",
		pkgs:   []string{"./internal/caili"},
		forbid: []string{"./...", gin, "net/...", "database/sql/..."},
	},
	{
		reason: "standards reads and checks plan documents; it must not know the application, the report formats, the server or the commands",
		pkgs:   []string{"./standards/..."},
		forbid: []string{"./internal/app/...", "./internal/report/...", "./server/...", "./cmd/..."},
	},
	{
		reason: "internal/attribution is exact Shapley arithmetic over plans (formula) and amount text (numfmt); nothing of the application, the report formats, the server, the commands, HTTP, I/O or the clock, nor plan documents (report formats it, and standards' tests import report)",
		pkgs:   []string{"./internal/attribution"},
		forbid: []string{"./...", gin, "net/...", "os/...", "io/fs", "time", "log/..."},
		allow:  []string{"./formula", "./internal/numfmt"},
	},
	{
		reason: "internal/attribution/whatif builds a what-if's coalitions from a plan document (standards) for the attribution; nothing of the application, the report formats, the server, the commands, HTTP, I/O or the clock",
		pkgs:   []string{"./internal/attribution/whatif"},
		forbid: []string{"./...", gin, "net/...", "os/...", "io/fs", "time", "log/..."},
		allow:  []string{"./formula", "./standards", "./internal/attribution"},
	},
	{
		reason: "internal/report formats a formula.Result; it must not know plan documents, the application, the server or the commands",
		pkgs:   []string{"./internal/report/..."},
		forbid: []string{"./standards/...", "./internal/app/...", "./server/...", "./cmd/..."},
	},
	{
		reason: "internal/numfmt is amount text shared by report, charts and dashboard; of the module it may use formula only",
		pkgs:   []string{"./internal/numfmt"},
		forbid: []string{"./..."},
		allow:  []string{"./formula"},
	},
	{
		reason: "internal/app is the application core under every front end; it must not know HTTP, Gin, the server or the commands",
		pkgs:   []string{"./internal/app/..."},
		forbid: []string{"net/http/...", gin, "./server/...", "./cmd/..."},
	},
	{
		reason: "internal/analysis (goal-seek, sensitivity) is application-level: it may use formula, standards, the error vocabulary and the message table, never internal/app, the server, the commands, HTTP or Gin",
		pkgs:   []string{"./internal/analysis/..."},
		forbid: []string{"./internal/app/...", "./server/...", "./cmd/...", "net/http/...", gin},
	},
	{
		reason: "internal/textutil, internal/safefile, internal/csvout (the one CSV writer), internal/periodic and internal/zipsort are leaf helpers; they import nothing of the module but the message table",
		pkgs:   []string{"./internal/textutil/...", "./internal/safefile/...", "./internal/csvout/...", "./internal/periodic", "./internal/zipsort"},
		forbid: []string{"./..."},
		allow:  []string{"./internal/msg"},
	},
	{
		reason: "internal/atomicfile writes files; of the module it may use safefile (to name what it refuses) and the message table only",
		pkgs:   []string{"./internal/atomicfile/..."},
		allow:  []string{"./internal/safefile", "./internal/msg"},
		forbid: []string{"./..."},
	},
	{
		reason: "commands are entry points (package main); nothing imports them",
		pkgs:   []string{"./..."},
		forbid: []string{"./cmd/..."},
	},
	{
		reason: "excelize stays behind three packages: internal/report/xlsx writes results, internal/report/checkxlsx writes the 复核 workbook of formulas, and standards/workbook reads and writes sub-district data (workbooks are an input format of the loader)",
		pkgs:   []string{"./..."},
		except: []string{"./internal/report/xlsx", "./internal/report/checkxlsx", "./standards/workbook"},
		forbid: []string{excelize},
	},
	{
		reason: "internal/report/checkxlsx writes the 复核 workbook from a formula.Result; of the module it may use formula and, for the errors it returns, the message table only (the workbook's own words are its words.go)",
		pkgs:   []string{"./internal/report/checkxlsx"},
		forbid: []string{"./..."},
		allow:  []string{"./formula", "./internal/msg"},
	},
	{
		reason: "standards stays free of excelize: the loader will reach standards/workbook through a small hook, never by importing it",
		pkgs:   []string{"./standards"},
		forbid: []string{"./standards/workbook"},
	},
	{
		reason: "internal/fonts is a leaf holding the embedded CJK font, shared by the charts and the PDF notices so that it is in the binary once: it imports nothing of the module",
		pkgs:   []string{"./internal/fonts"},
		forbid: []string{"./..."},
	},
	{
		reason: "the PDF library stays behind internal/report/notice, the notices' one writer (issue 24 §4)",
		pkgs:   []string{"./..."},
		except: []string{"./internal/report/notice"},
		forbid: []string{fpdf},
	},
	{
		reason: "server/chart is the only go-chart user",
		pkgs:   []string{"./..."},
		except: []string{"./server/chart"},
		forbid: []string{gochart},
	},
	{
		reason:   "in server/chart only render.go turns figures into go-chart calls; the charts themselves are plain structs",
		pkgs:     []string{"./server/chart"},
		forbid:   []string{gochart},
		maxFiles: 1,
	},
	{
		reason: "server/dashboard and server/chart are pages and charts only; the server uses them, not the other way round",
		pkgs:   []string{"./server/dashboard/...", "./server/chart/..."},
		forbid: []string{"./server"},
	},
	{
		reason: "server/chart draws results; it must not know the application, the dashboard or plan documents",
		pkgs:   []string{"./server/chart/..."},
		forbid: []string{"./internal/app/...", "./server/dashboard/...", "./standards/..."},
	},
	{
		reason: "the database stays behind internal/store/sqlite: only it imports database/sql and the SQLite driver (the application sees caili.Store)",
		pkgs:   []string{"./..."},
		except: []string{"./internal/store/sqlite"},
		forbid: []string{"database/sql/...", "modernc.org/sqlite/..."},
	},
	{
		reason: "internal/store implements caili.Store; of the module it imports internal/caili only (the record's types and errors), so that the database adapter links nothing of the engine, the loader or the reports",
		pkgs:   []string{"./internal/store/..."},
		forbid: []string{"./..."},
		allow:  []string{"./internal/caili"},
	},
	{
		reason: "the record store is opened only by the command that owns the process (cmd/caili opens the database and hands it to the server); the server, the application and below see the caili.Store interface",
		pkgs:   []string{"./..."},
		except: []string{"./cmd/caili", "./internal/store/..."},
		forbid: []string{"./internal/store/..."},
	},
	{
		reason: "internal/golden compares tests' output with golden files; tests use it, code does not",
		pkgs:   []string{"./..."},
		except: []string{"./internal/golden"},
		forbid: []string{"./internal/golden"},
	},
	{
		// cmd/caili sets Gin's process-wide mode (gin.SetMode) for serve.
		reason: "Gin is the HTTP router of package server; only it and cmd/caili (which sets Gin's mode) import it",
		pkgs:   []string{"./..."},
		except: []string{"./server", "./cmd/caili"},
		forbid: []string{gin},
	},
}

// pkg is a package of the module: its import path and, for each non-test
// file, the paths that file imports.
type pkg struct {
	path  string
	files map[string][]string
}

// violation is an import a rule forbids.
type violation struct {
	pkg    string   // the importing package
	imp    string   // the forbidden import (with maxFiles: all of them, comma-separated)
	files  []string // the package's non-test files that import it
	rule   *rule
	module string
}

func (v violation) String() string {
	rel := func(p string) string {
		if r, ok := strings.CutPrefix(p, v.module+"/"); ok {
			return r
		}
		return p
	}
	if v.rule.maxFiles > 0 {
		return fmt.Sprintf("%s: %d non-test files import %s (%s); at most %d may: %s",
			rel(v.pkg), len(v.files), v.imp, strings.Join(v.files, ", "), v.rule.maxFiles, v.rule.reason)
	}
	return fmt.Sprintf("%s imports %s (in %s): %s", rel(v.pkg), v.imp, strings.Join(v.files, ", "), v.rule.reason)
}

// match reports whether import path p matches pattern pat of module mod.
func match(mod, pat, p string) bool {
	if rest, ok := strings.CutPrefix(pat, "./"); ok {
		pat = mod + "/" + rest
	}
	if base, ok := strings.CutSuffix(pat, "/..."); ok {
		return p == base || strings.HasPrefix(p, base+"/")
	}
	return p == pat
}

func matchAny(mod string, pats []string, p string) bool {
	return slices.ContainsFunc(pats, func(pat string) bool { return match(mod, pat, p) })
}

// forbidden reports whether r forbids import imp.
func (r *rule) forbidden(mod, imp string) bool {
	return matchAny(mod, r.forbid, imp) && !matchAny(mod, r.allow, imp)
}

// check returns every violation of the rules by the packages of module mod.
func check(mod string, pkgs []pkg, rules []rule) []violation {
	var vs []violation
	for i := range rules {
		r := &rules[i]
		for _, p := range pkgs {
			if !matchAny(mod, r.pkgs, p.path) || matchAny(mod, r.except, p.path) {
				continue
			}
			vs = append(vs, r.check(mod, p)...)
		}
	}
	return vs
}

// unmatched names the rules that constrain no package of pkgs: a rule
// about a package that no longer exists checks nothing, and must go or
// be corrected.
func unmatched(mod string, pkgs []pkg, rules []rule) []string {
	var out []string
	for i := range rules {
		if !slices.ContainsFunc(pkgs, func(p pkg) bool { return matchAny(mod, rules[i].pkgs, p.path) }) {
			out = append(out, fmt.Sprintf("rule %q constrains no package of %s: %s", rules[i].pkgs, mod, rules[i].reason))
		}
	}
	return out
}

// check returns r's violations by package p.
func (r *rule) check(mod string, p pkg) []violation {
	byImport := map[string][]string{} // forbidden import → files
	var files []string                // files with any forbidden import
	for _, name := range sortedKeys(p.files) {
		bad := false
		for _, imp := range p.files[name] {
			if r.forbidden(mod, imp) {
				byImport[imp] = append(byImport[imp], name)
				bad = true
			}
		}
		if bad {
			files = append(files, name)
		}
	}
	if r.maxFiles > 0 {
		if len(files) <= r.maxFiles {
			return nil
		}
		imps := strings.Join(sortedKeys(byImport), ", ")
		return []violation{{pkg: p.path, imp: imps, files: files, rule: r, module: mod}}
	}
	var vs []violation
	for _, imp := range sortedKeys(byImport) {
		vs = append(vs, violation{pkg: p.path, imp: imp, files: byImport[imp], rule: r, module: mod})
	}
	return vs
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// goCmd runs the go command in dir and returns its standard output.
func goCmd(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out, nil
}

// listed is what go list -json reports of a package.
type listed struct {
	ImportPath   string
	Dir          string
	GoFiles      []string
	CgoFiles     []string
	TestGoFiles  []string
	XTestGoFiles []string
	Error        *struct{ Err string }
}

// loadModule lists the packages of the module whose root is dir with go
// list and parses the imports of their non-test files. go list -find does
// not resolve dependencies, so no module need be downloaded. Packages go
// list reports errors for are returned as problems.
func loadModule(ctx context.Context, root string) (mod string, pkgs []pkg, problems []string, err error) {
	out, err := goCmd(ctx, root, "list", "-m")
	if err != nil {
		return "", nil, nil, err
	}
	mod = strings.TrimSpace(string(out))
	if out, err = goCmd(ctx, root, "list", "-e", "-find", "-json=ImportPath,Dir,GoFiles,CgoFiles,Error", "./..."); err != nil {
		return "", nil, nil, err
	}
	fset := token.NewFileSet()
	for d := json.NewDecoder(bytes.NewReader(out)); ; {
		var l listed
		if err := d.Decode(&l); err == io.EOF {
			break
		} else if err != nil {
			return "", nil, nil, fmt.Errorf("decode go list output: %w", err)
		}
		if l.Error != nil {
			problems = append(problems, fmt.Sprintf("go list: %s: %s", l.ImportPath, l.Error.Err))
		}
		p := pkg{path: l.ImportPath, files: map[string][]string{}}
		for _, name := range append(l.GoFiles, l.CgoFiles...) {
			f, err := parser.ParseFile(fset, filepath.Join(l.Dir, name), nil, parser.ImportsOnly)
			if err != nil {
				problems = append(problems, fmt.Sprintf("parse %s: %v", name, err))
				continue
			}
			imps := []string{}
			for _, spec := range f.Imports {
				if path, err := strconv.Unquote(spec.Path.Value); err == nil {
					imps = append(imps, path)
				}
			}
			p.files[name] = imps
		}
		pkgs = append(pkgs, p)
	}
	return mod, pkgs, problems, nil
}

// TestArchitecture checks the module's real import graph against rules.
func TestArchitecture(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	mod, pkgs, problems, err := loadModule(ctx, moduleRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	// The rules must not pass vacuously, for a wrong module root say.
	for _, core := range []string{"formula", "standards", "server", "server/chart"} {
		if !slices.ContainsFunc(pkgs, func(p pkg) bool { return p.path == mod+"/"+core }) {
			t.Fatalf("go list found no package %s/%s among %d packages", mod, core, len(pkgs))
		}
	}
	for _, p := range unmatched(mod, pkgs, rules) {
		t.Error(p)
	}
	for _, v := range check(mod, pkgs, rules) {
		t.Error(v)
	}
}
