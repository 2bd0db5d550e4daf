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

// Size limits of the code (non-test files): files are named for one
// concept and stay readable; functions do one thing.
const (
	maxFileLines = 500
	maxFuncLines = 80
)

// TestSizes fails when a non-test file of the module is longer than
// maxFileLines or a function longer than maxFuncLines.
func TestSizes(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	gomod, err := goCmd(ctx, ".", "env", "GOMOD")
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(string(bytes.TrimSpace(gomod)))
	out, err := goCmd(ctx, root, "list", "-e", "-find", "-json=ImportPath,Dir,GoFiles", "./...")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for d := json.NewDecoder(bytes.NewReader(out)); ; {
		var l listed
		if err := d.Decode(&l); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		for _, name := range l.GoFiles {
			for _, p := range sizeProblems(filepath.Join(l.Dir, name)) {
				t.Error(p)
			}
			n++
		}
	}
	if n < 50 {
		t.Fatalf("only %d files checked: wrong module root?", n)
	}
}

// sizeProblems lists what is too long in one file.
func sizeProblems(path string) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return []string{fmt.Sprintf("parse %s: %v", path, err)}
	}
	var out []string
	rel := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
	if lines := fset.File(f.Pos()).LineCount(); lines > maxFileLines {
		out = append(out, fmt.Sprintf("%s: %d lines, at most %d: split it by concept", rel, lines, maxFileLines))
	}
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1; n > maxFuncLines {
			out = append(out, fmt.Sprintf("%s: func %s is %d lines, at most %d", rel, fd.Name.Name, n, maxFuncLines))
		}
	}
	return out
}

// TestSizeProblemsReports checks the checker on a made-up file.
func TestSizeProblemsReports(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("package x\n\nfunc short() {}\n\nfunc long() {\n")
	for range maxFuncLines {
		b.WriteString("\t_ = 1\n")
	}
	b.WriteString("}\n")
	for bytes.Count(b.Bytes(), []byte("\n")) <= maxFileLines {
		b.WriteString("// filler\n")
	}
	path := filepath.Join(t.TempDir(), "x.go")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got := sizeProblems(path)
	if len(got) != 2 || !strings.Contains(got[0], "lines, at most 500") || !strings.Contains(got[1], "func long") {
		t.Errorf("sizeProblems = %q, want the file and func long", got)
	}
}
