package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/golden"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// wbCopyPlan copies a plan (and its standards file) into a new folder,
// makes that the working directory, and returns the plan's name there.
func wbCopyPlan(t *testing.T, plan string, more ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range append([]string{plan}, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return filepath.Base(plan)
}

// wbGolden compares got with testdata/golden/name (-update rewrites it).
func wbGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join(wbRoot, "testdata", "golden", name), []byte(got))
}

// wbRoot is the repository's root, found before a test changes folder.
var wbRoot = func() string {
	abs, err := filepath.Abs("../..")
	if err != nil {
		panic(err)
	}
	return abs
}()

func TestTemplateCommand(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "testdata/tiny/plan.toml"))
	_, stderr, code := caili(t, "template", "--plan", plan, "--out", "tiny.xlsx")
	if code != 0 || !strings.Contains(stderr, "已写入 tiny.xlsx,3 个街道") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile("tiny.xlsx")
	if err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Fatalf("no workbook written: %v", err)
	}
	doc, err := standards.LoadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if subs, ps := workbook.Read("tiny.xlsx", data, p); len(ps) > 0 || len(subs) != 3 {
		t.Errorf("the workbook reads as %d sub-districts, problems %v", len(subs), ps)
	}
	// The CSV shape, one 街道's copy, to standard output.
	out, stderr, code := caili(t, "template", "--plan", plan, "--subdistrict", "west", "--out", "-")
	if code != 0 || !strings.HasPrefix(out, "PK") {
		t.Fatalf("--out -: exit %d: %s", code, stderr)
	}
	if _, _, code := caili(t, "template", "--plan", plan, "--subdistrict", "west", "--out", "west.csv"); code != 0 {
		t.Fatal("--out west.csv failed")
	}
	if b, _ := os.ReadFile("west.csv"); !bytes.HasPrefix(b, []byte("\ufeffid,name,")) || bytes.Count(b, []byte("\r\n")) != 2 {
		t.Errorf("west.csv: %q", b)
	}
}

func TestTemplateCommandErrors(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "testdata/tiny/plan.toml"))
	for _, tt := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"template", "--plan", plan, "--out", "x.ods"}, 2, "--out 须以 .xlsx 或 .csv 结尾"},
		{[]string{"template", "--plan", plan, "--subdistrict", "wset", "--out", "x.xlsx"}, 1, "您是不是要找 west / 西街道?"},
		{[]string{"template", "--plan", "nope.toml"}, 1, "nope.toml: 无法读取方案文件:文件不存在"},
		{[]string{"template", "--plan", plan, "--out", filepath.Join("nodir", "x.xlsx")}, 1, "文件夹 nodir 不存在"},
		{[]string{"template", "extra", "--lang", "en"}, 2, "unexpected argument"},
	} {
		_, stderr, code := caili(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
	if _, err := os.Stat("x.xlsx"); err == nil {
		t.Error("a failed run wrote a file")
	}
}

// TestTemplateKeepsAnExistingFile: template --out over a file that exists
// leaves it alone and says what to do (--force, or a new name); with
// --force it writes the template.
func TestTemplateKeepsAnExistingFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "filled.xlsx")
	if err := os.WriteFile(out, []byte("filled"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := caili(t, "template", "--out", out)
	if code != 2 || !strings.Contains(stderr, "--force") || !strings.Contains(stderr, "新的文件名") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "filled" {
		t.Error("the existing file was changed")
	}
	_, stderr, code = caili(t, "--lang", "en", "template", "--out", out)
	if code != 2 || !strings.Contains(stderr, "--force") || !strings.Contains(stderr, "new name") {
		t.Errorf("in English: exit %d: %s", code, stderr)
	}
	if _, stderr, code = caili(t, "template", "--out", out, "--force"); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) == "filled" {
		t.Error("--force did not write the template")
	}
}
