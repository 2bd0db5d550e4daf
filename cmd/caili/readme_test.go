package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMEOutput runs the commands of the README's block of real
// output (the fenced block after <!-- readme-output -->) and checks that
// each prints, on stdout and stderr, exactly the lines the README shows
// after it; and that each term of the README's glossary is a word caili
// says (it appears in the message table or the engine's words).
func TestREADMEOutput(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(wbRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	_, block, ok := strings.Cut(readme, "<!-- readme-output -->\n```text\n")
	if !ok {
		t.Fatal("README has no block of real output")
	}
	block, _, _ = strings.Cut(block, "```")
	runs := strings.Split(strings.TrimPrefix(block, "$ caili "), "\n$ caili ")
	if len(runs) < 2 {
		t.Fatalf("%d commands in the README's block", len(runs))
	}
	for _, run := range runs {
		cmd, want, _ := strings.Cut(run, "\n")
		out, errs, _ := caili(t, strings.Fields(cmd)...)
		if got := out + errs; strings.TrimSpace(got) != strings.TrimSpace(want) {
			t.Errorf("caili %s:\n got %s\nwant %s", cmd, got, want)
		}
	}
	words := sourceWords(t, "internal/msg", "formula")
	_, glossary, _ := strings.Cut(readme, "| 术语 | 含义 |\n|---|---|\n")
	n := 0
	for _, line := range strings.Split(glossary, "\n") {
		if !strings.HasPrefix(line, "| ") {
			break
		}
		term := strings.TrimSpace(strings.Split(line, "|")[1])
		if n++; !strings.Contains(words, term) {
			t.Errorf("glossary term %q is not a word caili says", term)
		}
	}
	if n < 5 {
		t.Errorf("%d glossary terms", n)
	}
}

// sourceWords is the text of the non-test Go files of the folders.
func sourceWords(t *testing.T, dirs ...string) string {
	t.Helper()
	var b strings.Builder
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(wbRoot, d, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(data)
		}
	}
	return b.String()
}
