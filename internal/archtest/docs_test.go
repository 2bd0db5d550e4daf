package archtest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// The README is what a newcomer reads in five minutes (issue 19 §5):
// short, with the two set-up commands, and a link to every document of
// docs/; every relative link of the README and of docs/*.md names a file
// that exists (and, with #anchor into a Markdown file, a heading of it).

const readmeMaxLines = 300

// readmeSetup is the block of the two commands a fresh clone starts with.
const readmeSetup = "```sh\ngo run ./cmd/caili calc\ngo test ./...\n```"

func TestREADMEIsShort(t *testing.T) {
	readme := readDoc(t, filepath.Join(moduleRoot(t), "README.md"))
	if n := strings.Count(readme, "\n"); n > readmeMaxLines {
		t.Errorf("README.md has %d lines, at most %d: move the detail to docs/", n, readmeMaxLines)
	}
	if !strings.Contains(readme, readmeSetup) {
		t.Errorf("README.md lacks the set-up block:\n%s", readmeSetup)
	}
}

// TestREADMELinksEveryDoc: each docs/*.md is linked from the README as a
// file (without #anchor) exactly once.
func TestREADMELinksEveryDoc(t *testing.T) {
	root := moduleRoot(t)
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil || len(docs) < 10 {
		t.Fatalf("found %d documents in docs/ (%v): the scan is broken", len(docs), err)
	}
	count := map[string]int{}
	for _, l := range mdLinks(readDoc(t, filepath.Join(root, "README.md"))) {
		count[l]++
	}
	for _, d := range docs {
		rel := "docs/" + filepath.Base(d)
		if count[rel] != 1 {
			t.Errorf("README.md links %s %d times, want once (in its table of documents)", rel, count[rel])
		}
	}
}

func TestDocLinksResolve(t *testing.T) {
	root := moduleRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join(root, "README.md"))
	for _, f := range files {
		for _, l := range mdLinks(readDoc(t, f)) {
			if err := checkLink(f, l); err != nil {
				rel, _ := filepath.Rel(root, f)
				t.Errorf("%s: link %q: %v", rel, l, err)
			}
		}
	}
}

// TestCheckLinkReports: the link check finds a missing file and a
// missing heading.
func TestCheckLinkReports(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.md")
	if err := os.WriteFile(doc, []byte("# 标题 (Title)\n\n```sh\n# not a heading\n```\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, ok := range map[string]bool{
		"a.md": true, "a.md#标题-title": true, "#标题-title": true, "./a.md": true,
		"b.md": false, "a.md#nope": false, "#not-a-heading": false,
		"https://example.com/x.md": true,
	} {
		if err := checkLink(doc, link); (err == nil) != ok {
			t.Errorf("checkLink(%q) = %v, want ok=%v", link, err, ok)
		}
	}
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var (
	fenceRE    = regexp.MustCompile("(?ms)^```.*?^```[ \t]*$")
	codeSpanRE = regexp.MustCompile("`[^`\n]*`")
	linkRE     = regexp.MustCompile(`\]\(([^)\s]+)\)`)
)

// prose is a Markdown text without its code blocks and code spans.
func prose(md string) string {
	return codeSpanRE.ReplaceAllString(fenceRE.ReplaceAllString(md, ""), "")
}

// mdLinks are the targets of a Markdown text's inline links.
func mdLinks(md string) []string {
	var out []string
	for _, m := range linkRE.FindAllStringSubmatch(prose(md), -1) {
		out = append(out, m[1])
	}
	return out
}

// checkLink says what is wrong with a link of the Markdown file from:
// a relative path that names no file, or an anchor no heading has.
func checkLink(from, link string) error {
	if strings.Contains(link, "://") || strings.HasPrefix(link, "mailto:") {
		return nil
	}
	path, anchor, _ := strings.Cut(link, "#")
	target := from
	if path != "" {
		target = filepath.Join(filepath.Dir(from), filepath.FromSlash(path))
		if _, err := os.Stat(target); err != nil {
			return fmt.Errorf("no such file %s", path)
		}
	}
	if anchor == "" || !strings.HasSuffix(target, ".md") {
		return nil
	}
	b, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	for _, a := range anchors(string(b)) {
		if a == anchor {
			return nil
		}
	}
	return fmt.Errorf("no heading of %s has the anchor #%s", filepath.Base(target), anchor)
}

// anchors are the ids GitHub gives a Markdown text's headings: lower
// case, punctuation dropped, spaces as hyphens, -1, -2 … on repeats.
func anchors(md string) []string {
	seen := map[string]int{}
	var out []string
	for _, line := range strings.Split(fenceRE.ReplaceAllString(md, ""), "\n") {
		text, ok := strings.CutPrefix(strings.TrimLeft(line, "#"), " ")
		if !ok || !strings.HasPrefix(line, "#") {
			continue
		}
		slug := strings.Map(func(r rune) rune {
			switch {
			case r == ' ':
				return '-'
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r):
				return unicode.ToLower(r)
			}
			return -1
		}, strings.TrimSpace(text))
		if n := seen[slug]; n > 0 {
			out = append(out, fmt.Sprintf("%s-%d", slug, n))
		} else {
			out = append(out, slug)
		}
		seen[slug]++
	}
	return out
}
