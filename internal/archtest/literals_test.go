package archtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// Chinese words a person reads come from the message table
// (internal/msg), in both languages (issue 19 §3). The only other places
// that may hold Chinese string literals are a document's own words, each
// document's in one file (documentWords). Comments and struct tags do
// not count.

// documentWords are the files that hold a document's own words: text that
// is part of the document (Chinese in every language), kept in one file
// per document so that it is found in one place.
var documentWords = map[string]string{
	"formula/classwords.go":                 "the 预算管理一体化 classification's values (项目类别, 资金性质) and the export's names of the kinds of line: the budget system's own words, Chinese in every language",
	"formula/succession_words.go":           "a successor's damping baseline note (2025年为原…合计): part of the explanation line, Chinese in every language",
	"formula/words.go":                      "the names of components, fixed items and equalisation stages and the explanation lines' words: a result line is part of the result and is Chinese in every language",
	"internal/attribution/words.go":         "the attribution's cause groups and amount sentences: part of the attribution's result, Chinese in every language",
	"internal/execution/words.go":           "a budget system's execution export's own column headers and ways of writing a month: what the file says, Chinese in every language",
	"internal/report/checkxlsx/words.go":    "the 复核 workbook's sheet names, its 说明 sheet and each sheet's titles, headers, labels, notes and the formulas that hold words (通过, 是, 无): the workbook is Chinese in every language",
	"internal/report/xlsx/xlsx.go":          "the results workbook's sheet names and column headings",
	"standards/plangen/catalogue.go":        "the sample-plan generator's data: the names of the generated plan's categories, projects and factors",
	"standards/workbook/breakdown_words.go": "the breakdown workbook's (二上) sheet name, title and column headings: the words the reader finds again",
	"standards/workbook/columns.go":         "the data-collection template's column headings and notes, its 说明 sheet, its input prompts and what each column says reads it: the words the loader reads back",
	// The OpenAPI document (GET /openapi.json) is written in English with
	// the Chinese terms it explains; its one source is server/openapi*.go,
	// split by route group.
	"server/openapi.go":            openAPIDoc,
	"server/openapi_analysis.go":   openAPIDoc,
	"server/openapi_codes.go":      openAPIDoc,
	"server/openapi_execution.go":  openAPIDoc,
	"server/openapi_objections.go": openAPIDoc,
	"server/openapi_year.go":       openAPIDoc,
	"server/openapi_records.go":    openAPIDoc,
	"server/openapi_downloads.go":  openAPIDoc,
	"server/openapi_export.go":     openAPIDoc,
}

// openAPIDoc is why the OpenAPI document's files hold Chinese terms.
const openAPIDoc = "the OpenAPI document: English descriptions with the Chinese terms they explain (草案, 异议, 街道), one document split by route group"

// TestNoChineseLiteralOutsideTheTable fails on a string literal holding a
// Han character in a non-test file of the module outside internal/msg,
// and documentWords, and on an entry of documentWords that no longer
// holds one (a stale exception hides nothing and is removed).
func TestNoChineseLiteralOutsideTheTable(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil || !strings.HasPrefix(string(b), "module github.com/caili/caili\n") {
		t.Fatalf("%s is not the module root: %v", root, err)
	}
	files, err := goSources(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("only %d files found: wrong module root?", len(files))
	}
	found := map[string]int{}
	for _, rel := range files {
		if strings.HasPrefix(rel, "internal/msg/") {
			continue
		}
		lits, err := hanLiterals(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		found[rel] = len(lits)
		if _, ok := documentWords[rel]; ok || len(lits) == 0 {
			continue
		}
		for _, l := range lits {
			t.Errorf("%s:%s: a Chinese literal outside the message table: say it with a message of internal/msg (or, for a document's own words, in its one words file)", rel, l)
		}
	}
	for rel := range documentWords {
		if found[rel] == 0 {
			t.Errorf("%s is excepted but holds no Chinese literal (or does not exist): remove it from the list", rel)
		}
	}
}

// goSources lists the module's non-test .go files, relative to root and
// slash-separated, leaving out testdata, hidden folders and nested
// modules. Build constraints are ignored: every file counts.
func goSources(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == root {
				return nil
			}
			name := d.Name()
			if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// hanLiterals lists the string literals of a Go file that hold a Han
// character, each as "line:column: literal". Struct tags are left out;
// comments are not literals.
func hanLiterals(path string) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	tags := map[*ast.BasicLit]bool{}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field:
			if n.Tag != nil {
				tags[n.Tag] = true
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING && !tags[n] && strings.IndexFunc(n.Value, isHan) >= 0 {
				p := fset.Position(n.Pos())
				out = append(out, fmt.Sprintf("%d:%d: %s", p.Line, p.Column, n.Value))
			}
		}
		return true
	})
	return out, nil
}

// isHan reports whether r is a Han (Chinese) character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// TestHanLiteralsFindsAPlantedLiteral checks the checker on a made-up
// file: a Chinese literal is found; a comment, a struct tag and an
// English or escaped-free literal are not.
func TestHanLiteralsFindsAPlantedLiteral(t *testing.T) {
	src := "package x\n\n// 注释不算。\ntype T struct {\n\tA int `json:\"a\" label:\"标签\"`\n}\n\n" +
		"var english = \"plain\"\n\nvar planted = \"合计\"\n\nvar raw = `街道`\n"
	path := filepath.Join(t.TempDir(), "x.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := hanLiterals(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`10:15: "合计"`, "12:11: `街道`"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("hanLiterals = %q, want %q", got, want)
	}
}
