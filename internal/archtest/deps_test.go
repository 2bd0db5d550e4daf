package archtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
)

// A depRule bounds everything one package links, its transitive imports
// as go list -deps reports them (non-test files only), where a rule only
// sees direct imports: with allow, every package it depends on must be in
// the standard library or match allow; nothing it depends on may match
// forbid. Patterns are as in rule.
type depRule struct {
	reason string
	pkg    string   // the package, "./x" standing for the module's x
	allow  []string // nil: any package outside forbid
	forbid []string
}

// depRules bound what the module's packages link.
var depRules = []depRule{
	{
		reason: "formula is the pure engine: it links the standard library and decimal, and nothing else",
		pkg:    "./formula",
		allow:  []string{"github.com/shopspring/decimal"},
	},
	{
		reason: "the SQLite record store links the record's types and its driver, not the workbooks, the plan documents' TOML, the reports or the engine",
		pkg:    "./internal/store/sqlite",
		forbid: []string{excelize, "github.com/BurntSushi/toml/...", "./internal/report/...", "./formula/...", "./standards/...", "./internal/app/...", "./internal/msg/..."},
	},
	{
		reason: "internal/caili, the domain at the centre, links the standard library only",
		pkg:    "./internal/caili",
		allow:  []string{},
	},
}

// dep is a package go list -deps reports.
type dep struct {
	ImportPath string
	Standard   bool
	Imports    []string
}

// listDeps runs go list -deps in the module at root on the package pat
// ("./x") and returns its dependencies (the package itself last).
func listDeps(ctx context.Context, root, pat string) ([]dep, error) {
	out, err := goCmd(ctx, root, "list", "-deps", "-json=ImportPath,Standard,Imports", pat)
	if err != nil {
		return nil, err
	}
	var deps []dep
	for d := json.NewDecoder(bytes.NewReader(out)); ; {
		var p dep
		if err := d.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("decode go list -deps %s: %w", pat, err)
		}
		deps = append(deps, p)
	}
	if len(deps) == 0 {
		return nil, fmt.Errorf("go list -deps %s: no package", pat)
	}
	return deps, nil
}

// problems lists r's violations by the dependencies deps of r.pkg in
// module mod, each with the chain of imports that leads to it.
func (r depRule) problems(mod string, deps []dep) []string {
	root := deps[len(deps)-1].ImportPath
	var out []string
	for _, d := range deps {
		if d.ImportPath == root {
			continue
		}
		allowed := r.allow == nil || d.Standard || matchAny(mod, r.allow, d.ImportPath)
		if !allowed || matchAny(mod, r.forbid, d.ImportPath) {
			out = append(out, fmt.Sprintf("%s links %s (%s): %s",
				r.pkg, d.ImportPath, strings.Join(chain(deps, root, d.ImportPath), " → "), r.reason))
		}
	}
	return out
}

// chain is a shortest path of imports from one package to another of
// deps.
func chain(deps []dep, from, to string) []string {
	imports := map[string][]string{}
	for _, d := range deps {
		imports[d.ImportPath] = d.Imports
	}
	prev := map[string]string{from: ""}
	for queue := []string{from}; len(queue) > 0; queue = queue[1:] {
		for _, next := range imports[queue[0]] {
			if _, seen := prev[next]; !seen {
				prev[next] = queue[0]
				queue = append(queue, next)
			}
		}
	}
	var path []string
	for p := to; p != ""; p = prev[p] {
		path = append(path, p)
	}
	slices.Reverse(path)
	return path
}

// checkDeps runs r on the module at root.
func checkDeps(ctx context.Context, root, mod string, r depRule) ([]string, error) {
	deps, err := listDeps(ctx, root, r.pkg)
	if err != nil {
		return nil, fmt.Errorf("rule about %s: %w", r.pkg, err)
	}
	return r.problems(mod, deps), nil
}

// TestDependencies checks what the module's packages link against
// depRules.
func TestDependencies(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	root := moduleRoot(t)
	out, err := goCmd(ctx, root, "list", "-m")
	if err != nil {
		t.Fatal(err)
	}
	mod := strings.TrimSpace(string(out))
	for _, r := range depRules {
		ps, err := checkDeps(ctx, root, mod, r)
		if err != nil {
			t.Error(err)
		}
		for _, p := range ps {
			t.Error(p)
		}
	}
}

// TestDepRuleProblems runs depRules' kinds of rule on made-up
// dependency lists.
func TestDepRuleProblems(t *testing.T) {
	const mod = "example.com/m"
	std := func(p string, imps ...string) dep { return dep{ImportPath: p, Standard: true, Imports: imps} }
	pkg := func(p string, imps ...string) dep { return dep{ImportPath: p, Imports: imps} }
	allowRule := depRule{reason: "pure", pkg: "./formula", allow: []string{"github.com/shopspring/decimal"}}
	forbidRule := depRule{reason: "leaf", pkg: "./internal/store/sqlite", forbid: []string{excelize, "./formula/..."}}
	for _, tt := range []struct {
		name string
		r    depRule
		deps []dep
		want []string
	}{
		{"standard library and decimal", allowRule, []dep{std("fmt"), pkg("github.com/shopspring/decimal", "fmt"),
			pkg(mod+"/formula", "fmt", "github.com/shopspring/decimal")}, nil},
		{"a package of the module, through another", allowRule, []dep{std("os"), pkg(mod+"/internal/msg", "golang.org/x/text/language"),
			pkg("golang.org/x/text/language"), pkg(mod+"/formula", "os", mod+"/internal/msg")}, []string{
			"./formula links example.com/m/internal/msg (example.com/m/formula → example.com/m/internal/msg): pure",
			"./formula links golang.org/x/text/language (example.com/m/formula → example.com/m/internal/msg → golang.org/x/text/language): pure"}},
		{"nothing forbidden", forbidRule, []dep{std("database/sql"), pkg("modernc.org/sqlite", "database/sql"),
			pkg(mod+"/internal/store/sqlite", "modernc.org/sqlite")}, nil},
		{"forbidden, two steps away", forbidRule, []dep{pkg("github.com/xuri/excelize/v2"), pkg(mod + "/formula"),
			pkg(mod+"/internal/app", mod+"/formula", "github.com/xuri/excelize/v2"), pkg(mod+"/internal/store/sqlite", mod+"/internal/app")}, []string{
			"./internal/store/sqlite links github.com/xuri/excelize/v2 (example.com/m/internal/store/sqlite → example.com/m/internal/app → github.com/xuri/excelize/v2): leaf",
			"./internal/store/sqlite links example.com/m/formula (example.com/m/internal/store/sqlite → example.com/m/internal/app → example.com/m/formula): leaf"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.problems(mod, tt.deps); !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}
