package dashboard

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/golden"
)

// A page is its chrome (the layout template: head, stylesheet, header,
// navigation, footer), the same on every page, around its content, the
// part inside <main>…</main>. The golden files pin the content of each
// page (testdata/golden/NAME.html), the chrome once
// (testdata/golden/chrome.html), and the chrome's few lines that differ
// by page, its title, body class and crumbs, one small file per page
// (testdata/golden/chrome/NAME.txt). A change to the layout changes
// chrome.html alone.

// The markers of the content in a page, and the placeholder standing for
// it in the chrome.
const (
	contentStart = "\n<main>\n"
	contentEnd   = "</main>\n"
	contentMark  = "{{content}}"
)

// perPage are the beginnings of the chrome's lines that differ by page;
// in chrome.html each stands for its line.
var perPage = []string{"<title>", "<body class=", `<nav class="crumbs"`}

// splitPage cuts a page into its chrome, with placeholders for the
// content and the per-page lines, those lines, and its content.
func splitPage(page string) (chrome, lines, content string, err error) {
	i := strings.Index(page, contentStart)
	j := strings.LastIndex(page, contentEnd)
	if i < 0 || j < i+len(contentStart) {
		return "", "", "", fmt.Errorf("no %q … %q in the page", strings.TrimSpace(contentStart), strings.TrimSpace(contentEnd))
	}
	i += len(contentStart)
	content = page[i:j]
	frame := strings.SplitAfter(page[:i]+contentMark+"\n"+page[j:], "\n")
	var own strings.Builder
	for k, line := range frame {
		for _, p := range perPage {
			if strings.HasPrefix(line, p) {
				own.WriteString(line)
				frame[k] = p + "…\n"
			}
		}
	}
	return strings.Join(frame, ""), own.String(), content, nil
}

// goldenPage compares a page with the golden files (or rewrites them with
// -update): its content with NAME.html, its chrome with chrome.html and
// its per-page lines with chrome/NAME.txt.
//
// Every page carries caili.css inline; the chrome holds a marker in its
// place (after checking the stylesheet is there, whole), so the
// stylesheet is pinned once, in caili.css.
func goldenPage(t *testing.T, name, page string) {
	t.Helper()
	css := string(testRenderer(t).CSS())
	if !strings.Contains(page, "<style>"+css+"</style>") {
		t.Fatalf("%s does not carry the stylesheet inline", name)
	}
	page = strings.Replace(page, "<style>"+css+"</style>", "<style>/* caili.css */</style>", 1)
	chrome, lines, content, err := splitPage(page)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	dir := filepath.Join("testdata", "golden")
	golden.Check(t, filepath.Join(dir, name+".html"), []byte(content))
	golden.Check(t, filepath.Join(dir, "chrome.html"), []byte(chrome))
	golden.Check(t, filepath.Join(dir, "chrome", name+".txt"), []byte(lines))
}

// TestSplitPage: a page is cut into chrome, per-page lines and content,
// which put back together give the page; a page without <main> is an
// error.
func TestSplitPage(t *testing.T) {
	page := "<html>\n<title>A · caili</title>\n<body class=\"page-a\">\n<main>\n<p>x</p>\n<main>\n</main>\n</main>\n<footer>f</footer>\n"
	chrome, lines, content, err := splitPage(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ what, got, want string }{
		{"chrome", chrome, "<html>\n<title>…\n<body class=…\n<main>\n{{content}}\n</main>\n<footer>f</footer>\n"},
		{"lines", lines, "<title>A · caili</title>\n<body class=\"page-a\">\n"},
		{"content", content, "<p>x</p>\n<main>\n</main>\n"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if _, _, _, err := splitPage("<html><body>no main</body></html>\n"); err == nil {
		t.Error("a page without <main> splits")
	}
}
