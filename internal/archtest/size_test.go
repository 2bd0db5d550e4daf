package archtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sizeLimits bound the length of a file and of a function, declared
// (func f() {…}) or literal (var f = func() {…}, or a closure inside a
// function, which counts on its own as well as in its function).
type sizeLimits struct {
	file, fn int
}

// Size limits. Code (non-test files) is named for one concept per file
// and does one thing per function: at most 500 lines a file, 80 a
// function. Tests may be longer, a table or a walk through a page
// reading best in one piece, but bounded: at most 700 lines a file and
// 150 a function (when these bounds were set, in December 2026, the
// longest test file had 644 lines, formula/property_test.go, and the
// longest test function 125, randomPlan in the same file; the longest
// function literal of the code had 30 lines).
var (
	codeLimits = sizeLimits{file: 500, fn: 80}
	testLimits = sizeLimits{file: 700, fn: 150}
)

// limitsFor returns the limits of the file at path.
func limitsFor(path string) sizeLimits {
	if strings.HasSuffix(path, "_test.go") {
		return testLimits
	}
	return codeLimits
}

// TestSizes fails when a file of the module (test files included) or a
// function in it is longer than its limits allow.
func TestSizes(t *testing.T) {
	n := 0
	for _, path := range moduleFiles(t, moduleRoot(t)) {
		for _, p := range sizeProblems(path, limitsFor(path)) {
			t.Error(p)
		}
		n++
	}
	if n < 100 {
		t.Fatalf("only %d files checked: wrong module root?", n)
	}
}

// moduleFiles lists the Go files, test files included, of the packages
// of the module at root, as go list reports them.
func moduleFiles(t *testing.T, root string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := goCmd(ctx, root, "list", "-e", "-find", "-json=Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles", "./...")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for d := json.NewDecoder(bytes.NewReader(out)); ; {
		var l listed
		if err := d.Decode(&l); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("decode go list output: %v", err)
		}
		for _, names := range [][]string{l.GoFiles, l.CgoFiles, l.TestGoFiles, l.XTestGoFiles} {
			for _, name := range names {
				paths = append(paths, filepath.Join(l.Dir, name))
			}
		}
	}
	return paths
}

// sizeProblems lists what is too long in one file.
func sizeProblems(path string, max sizeLimits) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return []string{fmt.Sprintf("parse %s: %v", path, err)}
	}
	var out []string
	rel := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
	if lines := fset.File(f.Pos()).LineCount(); lines > max.file {
		out = append(out, fmt.Sprintf("%s: %d lines, at most %d: split it by concept", rel, lines, max.file))
	}
	lines := func(n ast.Node) int { return fset.Position(n.End()).Line - fset.Position(n.Pos()).Line + 1 }
	ast.Inspect(f, func(n ast.Node) bool {
		switch fn := n.(type) {
		case *ast.FuncDecl:
			if l := lines(fn); l > max.fn {
				out = append(out, fmt.Sprintf("%s: func %s is %d lines, at most %d", rel, fn.Name.Name, l, max.fn))
			}
		case *ast.FuncLit:
			if l := lines(fn); l > max.fn {
				out = append(out, fmt.Sprintf("%s:%d: func literal is %d lines, at most %d", rel, fset.Position(fn.Pos()).Line, l, max.fn))
			}
		}
		return true
	})
	return out
}

// TestSizeProblemsReports checks the checker on planted files: a long
// file, a long function, a function literal of 200 lines (in a variable,
// and as a closure inside a short-enough function), and test files,
// which may be longer but not without bound.
func TestSizeProblemsReports(t *testing.T) {
	body := func(n int) string { return strings.Repeat("\t_ = 1\n", n) }
	long := "package x\n\n" + strings.Repeat("// filler\n", codeLimits.file)
	for _, tt := range []struct {
		name, file, src string
		want            []string // a substring of each problem, in order
	}{
		{"short", "x.go", "package x\n\nfunc short() {}\n\nvar f = func() {}\n", nil},
		{"long file", "x.go", long, []string{"lines, at most 500"}},
		{"long func", "x.go", "package x\n\nfunc long() {\n" + body(codeLimits.fn) + "}\n", []string{"func long is 82 lines, at most 80"}},
		{"func literal of 200 lines", "x.go", "package x\n\nvar f = func() {\n" + body(198) + "}\n", []string{"x.go:3: func literal is 200 lines, at most 80"}},
		{"closure of 200 lines", "x.go", "package x\n\nfunc g() {\n\tf := func() {\n" + body(198) + "\t}\n\tf()\n}\n",
			[]string{"func g is 203 lines", "x.go:4: func literal is 200 lines"}},
		{"long test, within bounds", "x_test.go", "package x\n\nfunc TestLong() {\n" + body(codeLimits.fn) + "}\n" + strings.Repeat("//\n", codeLimits.file), nil},
		{"test func literal of 200 lines", "x_test.go", "package x\n\nvar f = func() {\n" + body(198) + "}\n", []string{"func literal is 200 lines, at most 150"}},
		{"test file too long", "x_test.go", "package x\n\n" + strings.Repeat("//\n", testLimits.file), []string{"lines, at most 700"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			got := sizeProblems(path, limitsFor(path))
			if len(got) != len(tt.want) {
				t.Fatalf("sizeProblems = %q, want %d problems like %q", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q, want it to say %q", i, got[i], w)
				}
			}
		})
	}
}
