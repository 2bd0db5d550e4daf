package dashboard

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards"
)

const tinyPlan = "testdata/plan.toml"

var (
	rendererOnce sync.Once
	renderer     *Renderer
	rendererErr  error
)

// testRenderer parses the templates once for every test.
func testRenderer(t *testing.T) *Renderer {
	t.Helper()
	rendererOnce.Do(func() { renderer, rendererErr = New() })
	if rendererErr != nil {
		t.Fatal(rendererErr)
	}
	return renderer
}

// loadTiny loads the tiny example plan.
func loadTiny(t *testing.T) *standards.Document {
	t.Helper()
	doc, err := standards.LoadFile(tinyPlan)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// evaluate applies overrides ("path=value") to a document and evaluates
// it, returning the error rather than failing.
func evaluate(t *testing.T, doc *standards.Document, sets ...string) (*formula.Result, error) {
	t.Helper()
	return testplan.Sets(t, doc, sets...)
}

// mustEvaluate is evaluate that fails the test on an error.
func mustEvaluate(t *testing.T, doc *standards.Document, sets ...string) *formula.Result {
	t.Helper()
	r, err := evaluate(t, doc, sets...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// planPage builds and renders the plan page for a query, as the server
// would: parse the query, compute the what-if, build the view.
func planPage(t *testing.T, doc *standards.Document, rawQuery string) (*PlanView, string) {
	t.Helper()
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		t.Fatal(err)
	}
	w, problems := ParseWhatIf(q)
	in := PlanInput{PlanID: "tiny", Base: mustEvaluate(t, doc), WhatIf: w, Problems: problems, Scenarios: []string{"cut5", "vector"}, Wan: WanQuery(q)}
	if w.Active() && len(problems) == 0 {
		d, err := doc.Apply(w.Overrides()...)
		if err == nil {
			var m *formula.Model
			if m, err = d.Compile(); err == nil {
				in.Result, err = m.Evaluate()
			}
		}
		if err != nil {
			in.Result, in.Failure = nil, failureOf(err)
		}
	}
	v, err := NewPlanView(in)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := testRenderer(t).Plan(&b, v); err != nil {
		t.Fatal(err)
	}
	return v, b.String()
}

// statementPage renders a sub-district's statement, with a what-if's
// overrides ("path=value") when given.
func statementPage(t *testing.T, doc *standards.Document, id string, sets ...string) (*StatementView, string) {
	t.Helper()
	in := StatementInput{PlanID: "tiny", SubdistrictID: id, Result: mustEvaluate(t, doc, sets...)}
	if len(sets) > 0 {
		in.Base = mustEvaluate(t, doc)
		for _, s := range sets {
			p, v, _ := strings.Cut(s, "=")
			in.WhatIf.Sets = append(in.WhatIf.Sets, Override{Path: p, Value: v})
		}
	}
	v, err := NewStatementView(in)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := testRenderer(t).Statement(&b, v); err != nil {
		t.Fatal(err)
	}
	return v, b.String()
}

// parse parses a page, failing the test when it is not HTML.
func parse(t *testing.T, page string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// attr returns an attribute of a node.
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// findAll returns every element under n (n included) that match keeps.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// byID returns the element with an id, failing the test without one.
func byID(t *testing.T, root *html.Node, id string) *html.Node {
	t.Helper()
	ns := findAll(root, func(n *html.Node) bool { v, _ := attr(n, "id"); return v == id })
	if len(ns) != 1 {
		t.Fatalf("want one element with id %q, found %d", id, len(ns))
	}
	return ns[0]
}

// hasID reports whether an element has an id.
func hasID(root *html.Node, id string) bool {
	return len(findAll(root, func(n *html.Node) bool { v, _ := attr(n, "id"); return v == id })) > 0
}

// tagged matches elements by tag name.
func tagged(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

// withAttr matches elements that have an attribute.
func withAttr(key string) func(*html.Node) bool {
	return func(n *html.Node) bool { _, ok := attr(n, key); return ok }
}

// text is the text content of a node, spaces collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data + " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// tableCells reads a table's rows by data-id into column → data-value.
func tableCells(t *testing.T, table *html.Node) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, tr := range findAll(table, tagged("tr")) {
		id, ok := attr(tr, "data-id")
		if !ok {
			continue
		}
		if _, dup := out[id]; dup {
			t.Errorf("row %q twice", id)
		}
		out[id] = map[string]string{}
		for _, td := range findAll(tr, withAttr("data-col")) {
			col, _ := attr(td, "data-col")
			v, ok := attr(td, "data-value")
			if !ok {
				v = text(td)
			}
			out[id][col] = v
			if g, _ := attr(td, "data-value"); ok && strings.TrimPrefix(text(td), "+") != numfmt.Group(g) {
				t.Errorf("row %s column %s shows %q, want %q", id, col, text(td), numfmt.Group(g))
			}
		}
	}
	return out
}

// failureOf is a what-if's error as the server passes it to the page:
// classified by app.Classify, with the statuses of the server's kind
// table for the kinds a what-if can fail with.
func failureOf(err error) *Failure {
	ae := app.Classify(err)
	status := map[caili.Kind]int{caili.KindBadRequest: http.StatusBadRequest,
		caili.KindNotFound: http.StatusNotFound, caili.KindUnprocessable: http.StatusUnprocessableEntity}[ae.Kind]
	return FailureOf(ae, status)
}
