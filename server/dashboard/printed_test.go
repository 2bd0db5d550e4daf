package dashboard

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/standards"
)

// printedWord is an English word or an id in printed text: two or more
// ASCII letters (a tier's letter, "A档", is one).
var printedWord = regexp.MustCompile(`[A-Za-z][A-Za-z_]+`)

// TestPrintedStatementHasNoEnglish: the statement of every 街道 of the
// sample, as printed (without the parts that do not print and the
// verification code), carries no English and no ids; ids are in tooltips
// (title) only (issue 21 §6).
func TestPrintedStatementHasNoEnglish(t *testing.T) {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	res := mustEvaluate(t, doc)
	for _, a := range res.Subdistricts {
		_, page := statementPage(t, doc, a.ID)
		root := parse(t, page)
		article := findAll(root, func(n *html.Node) bool { c, _ := attr(n, "class"); return n.Data == "article" && c == "statement" })
		if len(article) != 1 {
			t.Fatalf("%s: no statement", a.ID)
		}
		var b strings.Builder
		printed(article[0], &b)
		if w := printedWord.FindAllString(b.String(), 5); len(w) > 0 {
			t.Errorf("%s: the printed statement has %q", a.ID, w)
		}
		if !strings.Contains(page, `title="`+a.ID+`"`) {
			t.Errorf("%s: the id is not in a tooltip", a.ID)
		}
	}
}

// printed writes the text of n that prints: not of elements of class
// noprint, the verification code (a hash) or images.
func printed(n *html.Node, b *strings.Builder) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		b.WriteByte(' ')
		return
	}
	c, _ := attr(n, "class")
	id, _ := attr(n, "id")
	if strings.Contains(c, "noprint") || id == "stamp" || n.Data == "img" || n.Data == "script" || n.Data == "style" {
		return
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		printed(k, b)
	}
}
