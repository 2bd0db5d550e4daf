package archtest

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// codesDoc is the document whose table lists every problem code (it was
// the README's until issue 19 moved the reference to docs/).
const codesDoc = "docs/plan-file.md"

// TestEveryCodeInDocs: every problem code the module defines (a constant
// of type formula.Code) is listed in the table of problem codes of
// codesDoc, so that programs comparing codes can find each one.
func TestEveryCodeInDocs(t *testing.T) {
	root := moduleRoot(t)
	doc, err := os.ReadFile(filepath.Join(root, codesDoc))
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		for name, code := range codeConstants(t, path) {
			codes[code] = name
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) < 20 {
		t.Fatalf("found only %d codes: the scan is broken", len(codes))
	}
	for code, name := range codes {
		if !strings.Contains(string(doc), "| `"+code+"` |") {
			t.Errorf("code %q (%s) is not in the table of problem codes of %s", code, name, codesDoc)
		}
	}
}

// codeConstants returns the constants of type Code (formula.Code) a file
// declares, by name.
func codeConstants(t *testing.T, path string) map[string]string {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if !isCodeType(vs.Type) || len(vs.Values) != len(vs.Names) {
				continue
			}
			for i, v := range vs.Values {
				if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					out[vs.Names[i].Name] = s
				}
			}
		}
	}
	return out
}

func isCodeType(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name == "Code"
	case *ast.SelectorExpr:
		return x.Sel.Name == "Code"
	}
	return false
}

// moduleRoot is the folder of the module's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	gomod, err := goCmd(ctx, ".", "env", "GOMOD")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(string(bytes.TrimSpace(gomod)))
}
