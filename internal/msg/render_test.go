package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

// TestKeysAreUnique checks that no two messages share a key, so that a
// key names one message.
func TestKeysAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range All() {
		if m.Key() == "" {
			t.Errorf("message %q has no key", m.zh)
		}
		if seen[m.Key()] {
			t.Errorf("key %q declared twice", m.Key())
		}
		seen[m.Key()] = true
	}
}

// textsOf reads the constants of type Text that the package in dir
// (relative to the module root) declares, from its source: the texts it
// says.
func textsOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join("..", "..", dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("%s's source not found: %v", dir, err)
	}
	out := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Text" {
				return true
			}
			for i, name := range vs.Names {
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok {
					key, _ := strconv.Unquote(lit.Value)
					out[name.Name] = key
				}
			}
			return true
		})
	}
	return out
}

// TestEveryTextHasItsMessage checks that every text formula and the
// record (internal/caili) say is a key of the table, so that each renders
// in both languages.
func TestEveryTextHasItsMessage(t *testing.T) {
	for _, tc := range []struct {
		dir   string
		least int
	}{{"formula", 50}, {"internal/caili", 25}} {
		texts := textsOf(t, tc.dir)
		if len(texts) < tc.least {
			t.Fatalf("found only %d texts in %s", len(texts), tc.dir)
		}
		for name, key := range texts {
			if _, ok := Lookup(key); !ok {
				t.Errorf("%s's %s names %q, which the table lacks", tc.dir, name, key)
			}
		}
	}
}

func TestRenderProblem(t *testing.T) {
	p := formula.NewProblem(formula.CodeOutOfRange, "plan.capacity", formula.Text(Negative.Key()), decimal.RequireFromString("-5"))
	p.File, p.Line = "plan.toml", 3
	if got := ProblemLine(Zh, p); got != "plan.toml:3: plan.capacity: 不能为负数（实为 -5）" {
		t.Errorf("Zh: %q", got)
	}
	p.Also(formula.Text(StdDidYouMean.Key()), "capacity")
	if got := Problem(En, p); got != "must not be negative (got -5); did you mean capacity?" {
		t.Errorf("En: %q", got)
	}
	if got := Text(Zh, "NoSuchKey", 1); got != "NoSuchKey1" {
		t.Errorf("a missing key: %q", got)
	}
}

func TestRenderRejection(t *testing.T) {
	e := &formula.RejectedError{Kind: formula.CapacityShortfall, Gap: decimal.NewFromInt(7)}
	if got := Error(En, e); !strings.Contains(got, "7") || strings.Contains(got, "人员") {
		t.Errorf("En: %q", got)
	}
	if got := Error(Zh, e); !strings.Contains(got, "7") {
		t.Errorf("Zh: %q", got)
	}
}
