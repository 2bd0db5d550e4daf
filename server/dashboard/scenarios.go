package dashboard

import (
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
)

// The page of scenarios side by side (issue 24 §6): /plans/{plan}/compare
// ?scenario=A&scenario=B[&unit=万元] shows report.NewScenarios's document
// (each group exactly the single comparison of its scenario): a form to
// choose the scenarios, the table with one column group per scenario, and
// its downloads.

// ScenariosPath is the page of scenarios side by side of a plan.
func ScenariosPath(plan string) string { return PlanPath(plan) + "/compare" }

// ScenarioOption is one scenario the form offers.
type ScenarioOption struct {
	Name    string
	Checked bool
}

// ScenariosCell is one cell of a scenario's group.
type ScenariosCell struct {
	Col   string // total.N, change.N or change_pct.N (N: the group's place from 1)
	Text  string
	Class string // "neg", "zero" or "" (changes only)
}

// ScenariosRowView is one 街道 (or the totals) of the table.
type ScenariosRowView struct {
	ID, Name, Href string
	Base           string
	Cells          []ScenariosCell
}

// ScenariosView is the page's content.
type ScenariosView struct {
	PlanID, PlanName, PlanHref string
	Action                     string
	Title                      string
	Options                    []ScenarioOption
	Names                      []string
	Rows                       []ScenariosRowView
	Totals                     ScenariosRowView
	Wan                        bool
	WanNote                    string
	UnitSwitch                 []Link
	Downloads                  []Link
}

// NewScenariosView arranges a document of scenarios side by side; all are
// the plan's scenarios the form offers.
func NewScenariosView(plan, planName string, all []string, doc *report.ScenariosJSON) *ScenariosView {
	v := &ScenariosView{PlanID: plan, PlanName: planName, PlanHref: PlanPath(plan), Action: ScenariosPath(plan),
		Title: doc.Title(), Names: doc.Scenarios, Wan: doc.Wan()}
	for _, n := range all {
		v.Options = append(v.Options, ScenarioOption{Name: n, Checked: slices.Contains(doc.Scenarios, n)})
	}
	row := func(r report.ScenariosRow, href string) ScenariosRowView {
		out := ScenariosRowView{ID: r.ID, Name: r.Name, Href: href, Base: numfmt.Group(r.BaseTotal)}
		for i, c := range r.Scenarios {
			n := fmt.Sprint(i + 1)
			ch := ScenariosCell{Col: "change." + n, Text: numfmt.Group(c.Change), Class: signClass(c.Change)}
			if ch.Class == "" {
				ch.Text = "+" + ch.Text
			}
			pct := ScenariosCell{Col: "change_pct." + n, Class: ch.Class}
			if c.ChangePct != "" {
				pct.Text = c.ChangePct + "%"
				if ch.Class == "" {
					pct.Text = "+" + pct.Text
				}
			}
			out.Cells = append(out.Cells, ScenariosCell{Col: "total." + n, Text: numfmt.Group(c.Total)}, ch, pct)
		}
		return out
	}
	for _, r := range doc.Subdistricts {
		href := StatementPath(plan, r.ID)
		if v.Wan {
			href = withWan(href)
		}
		v.Rows = append(v.Rows, row(r, href))
	}
	v.Totals = row(doc.Totals, "")
	q := url.Values{}
	for _, n := range doc.Scenarios {
		q.Add("scenario", n)
	}
	here := ScenariosPath(plan)
	if e := q.Encode(); e != "" {
		here += "?" + e
	}
	v.UnitSwitch = unitSwitch(here, v.Wan)
	if v.Wan {
		v.WanNote = msg.RepWanNote.In(msg.Zh)
		q.Set(ParamUnit, msg.UnitWan.In(msg.Zh))
	}
	api := apiPlanPath(plan) + "/compare-scenarios."
	with := func(format string, unit bool) string {
		qq := url.Values{}
		for k, vs := range q {
			if k != ParamUnit || unit {
				qq[k] = vs
			}
		}
		if e := qq.Encode(); e != "" {
			return api + format + "?" + e
		}
		return api + format
	}
	v.Downloads = []Link{
		{Kind: "csv", Label: msg.DashScenariosCSV.In(msg.Zh), Href: with("csv", true)},
		{Kind: "xlsx", Label: msg.DashScenariosXLSXOne.In(msg.Zh), Href: with("xlsx", true)},
		{Kind: "json", Label: msg.DashScenariosJSON.In(msg.Zh), Href: with("json", false)},
	}
	return v
}

// signClass is "neg" below zero, "zero" at zero, else "", of a decimal
// string.
func signClass(s string) string {
	switch {
	case strings.HasPrefix(s, "-"):
		return "neg"
	case strings.Trim(s, "0.") == "":
		return "zero"
	}
	return ""
}

// Scenarios renders the page of scenarios side by side.
func (r *Renderer) Scenarios(w io.Writer, v *ScenariosView) error {
	if v == nil {
		return fmt.Errorf("dashboard: nil scenarios view")
	}
	return r.render(w, "scenarios", page{Title: v.PlanName + " · " + msg.DashScenariosPage.In(msg.Zh),
		Crumbs: []Link{home, {Label: v.PlanName, Href: v.PlanHref}, {Label: msg.DashScenariosPage.In(msg.Zh)}}, Tools: v.UnitSwitch, V: v})
}
