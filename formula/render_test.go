package formula

import (
	"fmt"
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
)

// formula says what is wrong by naming texts of the message table
// (package internal/msg), which imports formula to render them; formula's
// own tests cannot import it, so they read the table's source to say a
// problem in words. The table's own test checks that every text formula
// names is in it.

// tableFormats maps each key of the message table to its Chinese and
// English formats, read from the table's source once.
var tableFormats = sync.OnceValues(func() (map[string][2]string, error) {
	files, err := filepath.Glob(filepath.Join("..", "internal", "msg", "*.go"))
	if err != nil {
		return nil, err
	}
	out := map[string][2]string{}
	fset := gotoken.NewFileSet()
	for _, f := range files {
		af, err := goparser.ParseFile(fset, f, nil, 0)
		if err != nil {
			return nil, err
		}
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if id, isID := call.Fun.(*ast.Ident); !isID || id.Name != "def" || len(call.Args) != 3 {
				return true
			}
			var s [3]string
			for i, a := range call.Args {
				lit, ok := a.(*ast.BasicLit)
				if !ok {
					return true
				}
				s[i], _ = strconv.Unquote(lit.Value)
			}
			out[s[0]] = [2]string{s[1], s[2]}
			return true
		})
	}
	return out, nil
})

// sayIn renders words in Chinese (lang 0) or English (lang 1), as the
// table does: arguments that are texts or words are said in the same
// language.
func sayIn(t testing.TB, lang int, ws ...Words) string {
	t.Helper()
	table, err := tableFormats()
	if err != nil || len(table) == 0 {
		t.Fatalf("cannot read the message table: %v", err)
	}
	var out string
	for _, w := range ws {
		f, ok := table[string(w.Text)]
		if !ok {
			t.Fatalf("text %q is not in the message table", w.Text)
		}
		args := make([]any, len(w.Args))
		for i, a := range w.Args {
			switch v := a.(type) {
			case Text:
				args[i] = sayIn(t, lang, Say(v))
			case Words:
				args[i] = sayIn(t, lang, v)
			default:
				args[i] = a
			}
		}
		if len(args) == 0 {
			out += f[lang]
			continue
		}
		out += fmt.Sprintf(f[lang], args...)
	}
	return out
}

// chinese and english say what a problem says.
func chinese(t testing.TB, p Problem) string { t.Helper(); return sayIn(t, 0, p.Says...) }
func english(t testing.TB, p Problem) string { t.Helper(); return sayIn(t, 1, p.Says...) }
