package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRoundTrip: the sample's template imported into the sample
// plan leaves the plan file byte for byte as it was, so the results are
// the same; through CSV too.
func TestImportRoundTrip(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "configs/plan.toml"), filepath.Join(wbRoot, "configs/standards.toml"))
	before, _ := os.ReadFile(plan)
	want, _, code := caili(t, "calc", "--plan", plan, "--format", "json")
	if code != 0 {
		t.Fatal("calc failed")
	}
	for _, file := range []string{"data.xlsx", "data.csv"} {
		if _, stderr, code := caili(t, "template", "--plan", plan, "--out", file); code != 0 {
			t.Fatalf("template: %s", stderr)
		}
		_, stderr, code := caili(t, "import", file, "--plan", plan, "--out", "imported.toml")
		if code != 0 || !strings.Contains(stderr, "导入 15 个街道,0 处变化") {
			t.Fatalf("import %s: exit %d: %s", file, code, stderr)
		}
		if after, _ := os.ReadFile("imported.toml"); !bytes.Equal(after, before) {
			t.Errorf("import of %s changed the plan text", file)
		}
		got, _, _ := caili(t, "calc", "--plan", "imported.toml", "--format", "json")
		if got != want {
			t.Errorf("import of %s changed the results", file)
		}
	}
}

// TestImportMerge merges a 街道's returned copy into the plan in place,
// and reports what changed.
func TestImportMerge(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "testdata/tiny/plan.toml"))
	if _, stderr, code := caili(t, "template", "--plan", plan, "--subdistrict", "west", "--out", "west.csv"); code != 0 {
		t.Fatal(stderr)
	}
	b, _ := os.ReadFile("west.csv")
	b = bytes.Replace(b, []byte(",6100,2.1,"), []byte(",\"6,300\",２.４,"), 1)
	if err := os.WriteFile("west.csv", b, 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(plan)
	out, stderr, code := caili(t, "import", "--merge", "--plan", plan, "--out", plan, "west.csv")
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q: %s", code, out, stderr)
	}
	wbGolden(t, "import-merge.txt", stderr)
	after, _ := os.ReadFile(plan)
	want := strings.Replace(strings.Replace(string(before), "hotline_tickets = 6100", "hotline_tickets = 6300", 1),
		`area_km2 = "2.1"`, `area_km2 = "2.4"`, 1)
	if string(after) != want {
		t.Errorf("the plan after the merge:\n%s", after)
	}
	// Without --out the plan goes to standard output.
	out, _, code = caili(t, "import", "west.csv", "--plan", plan, "--merge")
	if code != 0 || out != string(after) {
		t.Errorf("stdout: exit %d, %d bytes", code, len(out))
	}
}

// TestImportProblems: a file with mistakes is refused, every problem at
// its cell, and nothing is written.
func TestImportProblems(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "testdata/tiny/plan.toml"))
	if _, stderr, code := caili(t, "template", "--plan", plan, "--out", "data.csv"); code != 0 {
		t.Fatal(stderr)
	}
	b, _ := os.ReadFile("data.csv")
	b = bytes.Replace(b, []byte(",2.1,"), []byte(",-2.1,"), 1)
	b = bytes.Replace(b, []byte("hotline_tickets"), []byte("hotline_ticket"), 1)
	b = bytes.Replace(b, []byte(",中,"), []byte(",忧,"), 1)
	if err := os.WriteFile("data.csv", b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := caili(t, "import", "data.csv", "--plan", plan, "--out", "new.toml")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, want 1", code)
	}
	wbGolden(t, "import-problems.txt", stderr)
	if _, err := os.Stat("new.toml"); err == nil {
		t.Error("a refused import wrote the plan")
	}
}

func TestImportUsage(t *testing.T) {
	plan := wbCopyPlan(t, filepath.Join(wbRoot, "testdata/tiny/plan.toml"))
	for _, tt := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"import", "--plan", plan}, 2, "import 需要一个 .xlsx 或 .csv 文件"},
		{[]string{"import", "a.csv"}, 2, "import 需要 --plan F"},
		{[]string{"import", "a.csv", "b.csv", "--plan", plan, "--lang", "en"}, 2, `unexpected argument "b.csv"`},
		{[]string{"import", "nope.csv", "--plan", plan}, 1, "读取 nope.csv 失败"},
		{[]string{"import", "a.csv", "--plan", plan, "--bogus"}, 2, "bogus"},
	} {
		_, stderr, code := caili(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
}
