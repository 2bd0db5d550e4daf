// Package dashboard renders caili's web pages for people: the list of
// plans, a plan's page (district summary, allocation table, charts,
// downloads and a what-if form with its change against the base) and a
// sub-district's printable statement (测算说明书), which an office checks
// line by line.
//
// Pages are server-rendered with html/template from templates and a
// stylesheet embedded in the binary; there is no front-end build and no
// script is needed (a few lines of inline script only tidy the what-if
// URL). Everything shown is escaped by html/template and every link
// escapes its path segments.
//
// The package knows nothing of HTTP routing or of how results are
// computed: the server parses a page's query with ParseWhatIf, computes
// the base and what-if results, builds a view (NewPlanView,
// NewStatementView) and renders it with a Renderer. Amounts are shown in
// full at the plan's rounding unit with digits grouped, 万元 beside.
//
// A what-if that failed arrives classified (a Failure: the status the
// server's kind table gave it and the problems to list); the package
// never decides a status itself. It must not import github.com/gin-gonic/gin,
// net/http's server side, server or cmd; it may import formula, standards,
// internal/app (for the request vocabulary and its Error), internal/numfmt
// and internal/report.
package dashboard

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

//go:embed templates/*.html caili.css records.js year.js
var files embed.FS

// Renderer holds the parsed templates. Create it once with New; it is
// safe for concurrent use.
type Renderer struct {
	pages map[string]*template.Template
	css   []byte
	js    []byte // records.js, the record pages' script
}

// pageNames are the page templates, each executed inside layout.html.
var pageNames = []string{"index", "plan", "statement", "error", "solve", "scenarios", "signin", "execution"}

// recordPageNames are the record's pages, which also share
// records_common.html.
var recordPageNames = []string{"versions", "objections", "audit", "year"}

// New parses the embedded templates and stylesheet.
func New() (*Renderer, error) {
	css, err := files.ReadFile("caili.css")
	if err != nil {
		return nil, fmt.Errorf("dashboard: read stylesheet: %w", err)
	}
	r := &Renderer{pages: map[string]*template.Template{}, css: css}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("dashboard: parse %s page: %w", name, err)
		}
		r.pages[name] = t
	}
	if r.js, err = files.ReadFile("records.js"); err != nil {
		return nil, fmt.Errorf("dashboard: read script: %w", err)
	}
	year, err := files.ReadFile("year.js") // the 预算年度 page's part, which records.js calls
	if err != nil {
		return nil, fmt.Errorf("dashboard: read script: %w", err)
	}
	r.js = append(append(year, '\n'), r.js...)
	for _, name := range recordPageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/records_common.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("dashboard: parse %s page: %w", name, err)
		}
		r.pages[name] = t
	}
	return r, nil
}

// CSS returns the stylesheet, which every page also carries inline, for a
// server that wants to serve it at a URL of its own.
func (r *Renderer) CSS() []byte { return bytes.Clone(r.css) }

// funcs are the few helpers the templates use.
var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
	// say renders what a problem says: pages are in Chinese.
	"say": func(p formula.Problem) string { return msg.Problem(msg.Zh, p) },
}

// page is what layout.html gets: the page's title, breadcrumbs and view.
type page struct {
	Title  string
	Class  string // the body's class: the page's name
	CSS    template.CSS
	Crumbs []Link
	Tools  []Link // the header's switch of the unit (wan.go); nil on most pages
	V      any
}

// render executes a page into a buffer first, so that a template error
// never sends half a page.
func (r *Renderer) render(w io.Writer, name string, p page) error {
	t, ok := r.pages[name]
	if !ok {
		return fmt.Errorf("dashboard: no page %q", name)
	}
	p.Class = name
	p.CSS = template.CSS(r.css) // the embedded stylesheet: trusted
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", p); err != nil {
		return fmt.Errorf("dashboard: render %s page: %w", name, err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("dashboard: write %s page: %w", name, err)
	}
	return nil
}

// home is the first breadcrumb of every page.
var home = Link{Label: msg.DashPlans.In(msg.Zh), Href: "/"}

// PlanItem is one plan on the home page, as GET /api/v1/plans lists it.
type PlanItem struct {
	ID         string // the plan's id (its file name without .toml)
	Name       string
	FiscalYear int64
	OK         bool     // the plan loads and its base result is computed
	Stale      bool     // the file no longer loads; its last good version (OK) still serves
	Problems   []string // why not, when !OK: the file's problems or the rejection; when Stale, the file's
}

// indexRow is a plan with its link.
type indexRow struct {
	PlanItem
	Href                         string
	VersionsHref, ObjectionsHref string // the record's pages of the plan
	YearHref                     string // its 预算年度 page (docs/year.md)
}

// Index renders the home page: every plan with its status.
func (r *Renderer) Index(w io.Writer, plans []PlanItem) error {
	rows := make([]indexRow, len(plans))
	for i, p := range plans {
		rows[i] = indexRow{PlanItem: p, Href: PlanPath(p.ID), VersionsHref: RecordsPath(p.ID, RecordVersions),
			ObjectionsHref: RecordsPath(p.ID, RecordObjections), YearHref: RecordsPath(p.ID, RecordYear)}
	}
	return r.render(w, "index", page{Title: msg.DashPlans.In(msg.Zh), V: rows})
}

// Plan renders a plan's page. Send it with v.Status.
func (r *Renderer) Plan(w io.Writer, v *PlanView) error {
	if v == nil {
		return fmt.Errorf("dashboard: nil plan view")
	}
	return r.render(w, "plan", page{Title: v.Name, Crumbs: []Link{home, {Label: v.Name}}, Tools: v.UnitSwitch, V: v})
}

// Statement renders a sub-district's statement.
func (r *Renderer) Statement(w io.Writer, v *StatementView) error {
	if v == nil {
		return fmt.Errorf("dashboard: nil statement view")
	}
	return r.render(w, "statement", page{Title: msg.DashStatementTitle.In(msg.Zh, v.Name),
		Crumbs: []Link{home, {Label: v.PlanName, Href: v.PlanHref}, {Label: v.Name}}, Tools: v.UnitSwitch, V: v})
}

// errorView is the error page's content.
type errorView struct {
	Status   int
	Text     string // the status in words
	Message  string
	Problems []formula.Problem
}

// Error renders an error page: the status, a message and the problems
// (each with its file, line and path where known). The caller sends the
// status itself.
func (r *Renderer) Error(w io.Writer, status int, message string, problems []formula.Problem) error {
	text := statusText[status]
	if text == "" {
		text = strings.ToLower(http.StatusText(status))
	}
	return r.render(w, "error", page{Title: fmt.Sprintf("%d %s", status, text), Crumbs: []Link{home, {Label: msg.DashError.In(msg.Zh)}},
		V: errorView{Status: status, Text: text, Message: message, Problems: problems}})
}

// signinView is what signin.html shows: where to go after, and why the
// last sign-in failed ("" the first time).
type signinView struct {
	Next    string
	Message string
}

// SignIn renders the sign-in page of a server on a network: a token is
// pasted once and kept in a session cookie. next is the local page to go
// back to; message says why the last try failed.
func (r *Renderer) SignIn(w io.Writer, next, message string) error {
	return r.render(w, "signin", page{Title: msg.DashSignIn.In(msg.Zh), Crumbs: []Link{home, {Label: msg.DashSignIn.In(msg.Zh)}},
		V: signinView{Next: next, Message: message}})
}

// statusText says the common statuses in Chinese.
var statusText = map[int]string{
	http.StatusBadRequest:          msg.DashBadRequest.In(msg.Zh),
	http.StatusNotFound:            msg.DashNotFound.In(msg.Zh),
	http.StatusUnprocessableEntity: msg.DashUnprocessable.In(msg.Zh),
	http.StatusInternalServerError: msg.DashInternalServerError.In(msg.Zh),
}
