package dashboard

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
)

// checkAllocations compares the #allocations table with a result's
// allocation table as the API's CSV has it (report.Rows).
func checkAllocations(t *testing.T, root *html.Node, res *formula.Result) {
	t.Helper()
	got := tableCells(t, byID(t, root, "allocations"))
	rows := report.Rows(res)
	if len(got) != len(rows) {
		t.Errorf("table has %d rows, want %d", len(got), len(rows))
	}
	for _, row := range rows {
		cells, ok := got[row[0]]
		if !ok {
			t.Errorf("no row for %s", row[0])
			continue
		}
		for k, col := range Columns {
			if cells[col] != row[k+2] {
				t.Errorf("row %s column %s: page %q, result %q", row[0], col, cells[col], row[k+2])
			}
		}
	}
}

func TestPlanTableEqualsResult(t *testing.T) {
	doc := loadTiny(t)
	v, page := planPage(t, doc, "")
	root := parse(t, page)
	res := mustEvaluate(t, doc)
	checkAllocations(t, root, res)
	if v.Status != http.StatusOK || v.Applied || v.Compare != nil || hasID(root, "compare") {
		t.Errorf("base page: status %d, applied %v, compare %v", v.Status, v.Applied, v.Compare != nil)
	}
	// Each row links to its statement; every amount cell has a column.
	for _, tr := range findAll(byID(t, root, "allocations"), tagged("tr")) {
		id, ok := attr(tr, "data-id")
		if !ok || id == "total" {
			continue
		}
		links := findAll(tr, tagged("a"))
		if len(links) == 0 {
			t.Fatalf("row %s has no link", id)
		}
		if href, _ := attr(links[0], "href"); href != "/plans/tiny/subdistricts/"+id {
			t.Errorf("row %s links to %q", id, href)
		}
		if n := len(findAll(tr, withAttr("data-col"))); n != 7 {
			t.Errorf("row %s has %d amount cells", id, n)
		}
	}
	if got := text(byID(t, root, "allocations")); !strings.Contains(got, "22,659,200") {
		t.Errorf("amounts are not grouped: %s", got)
	}
}

func TestPlanIdentity(t *testing.T) {
	doc := loadTiny(t)
	_, page := planPage(t, doc, "")
	got := text(byID(t, parse(t, page), "identity"))
	want := "57,710,395 + 预备费 1,200,000 + 绩效预留 0 + 封顶调减留存资金 1,089,605 = 60,000,000 = 可用财力 60,000,000 ✓"
	if !strings.Contains(got, want) {
		t.Errorf("identity line:\n got %s\nwant …%s", got, want)
	}

	// The check is computed, not assumed: a result that breaks the
	// identity shows a cross.
	res := mustEvaluate(t, doc)
	res.Reserve = res.Reserve.Add(res.Unit)
	if id := identity(res); id.OK || id.Sum.Raw != "60000001" {
		t.Errorf("broken identity passes: %+v", id)
	}
}

func TestPlanSummary(t *testing.T) {
	doc := loadTiny(t)
	_, page := planPage(t, doc, "")
	res := mustEvaluate(t, doc)
	f := numfmt.NewFmt(res)
	tot := res.Totals()
	want := map[string]string{
		"capacity": f.Amount(res.Capacity), "reserve": f.Amount(res.Reserve), "available": f.Amount(res.Available),
		"personnel": f.Amount(tot[0]), "public": f.Amount(tot[1]), "pool": f.Amount(res.Pool), "projects": f.Amount(tot[2]),
		"incentive": f.Amount(res.IncentivePool), "block_pool": f.Amount(res.BlockPool), "block": f.Amount(tot[4]),
		"performance_reserve": f.Amount(res.PerformanceReserve), "damping": f.Amount(tot[5]), "damping_reserve": f.Amount(res.DampingReserve),
	}
	rows := findAll(byID(t, parse(t, page), "summary"), withAttr("data-key"))
	if len(rows) != len(want) {
		t.Errorf("summary has %d rows, want %d", len(rows), len(want))
	}
	for _, tr := range rows {
		key, _ := attr(tr, "data-key")
		tds := findAll(tr, tagged("td"))
		if got := text(tds[2]); got != numfmt.Group(want[key]) {
			t.Errorf("summary %s = %q, want %q", key, got, numfmt.Group(want[key]))
		}
	}
	tiers := text(byID(t, parse(t, page), "tiers"))
	for _, s := range []string{"保基本民生项目（应保尽保） 1,620,000 — 应保尽保 1,620,000 全额", "A档 4,050,000 3,332,900 25% × 项目资金池 3,332,900 82.29%", "B档"} {
		if !strings.Contains(tiers, s) {
			t.Errorf("tiers table lacks %q: %s", s, tiers)
		}
	}
}

func TestPlanWhatIfShowsCompare(t *testing.T) {
	doc := loadTiny(t)
	v, page := planPage(t, doc, "set.plan.capacity=59000000&set.factor.area.weight=&path=&value=&scenario=")
	root := parse(t, page)
	base := mustEvaluate(t, doc)
	sc := mustEvaluate(t, doc, "plan.capacity=59000000")
	if !v.Applied || v.Status != http.StatusOK {
		t.Fatalf("what-if not applied: %v", v)
	}
	checkAllocations(t, root, sc)

	cmp := report.NewCompare(report.Comparison{Base: base, Scenario: sc})
	got := tableCells(t, byID(t, root, "compare"))
	for _, r := range append(slices.Clone(cmp.Subdistricts), cmp.Totals) {
		cells := got[r.ID]
		if cells["change"] != r.Change || cells["base"] != numfmt.Group(r.BaseTotal) || cells["scenario"] != numfmt.Group(r.ScenarioTotal) {
			t.Errorf("compare row %s: %v, want %+v", r.ID, cells, r)
		}
		if want := r.ChangePct + "%"; !strings.HasSuffix(cells["change_pct"], want) {
			t.Errorf("compare row %s: change %q, want %q", r.ID, cells["change_pct"], want)
		}
		if cells["damping"] != signed(numfmt.Group(r.Components.Damping)) {
			t.Errorf("compare row %s: damping change %q, want %q", r.ID, cells["damping"], r.Components.Damping)
		}
	}

	// The compare chart, the other charts and downloads carry the query;
	// the permalink reproduces the page without its empty fields.
	const q = "?set.plan.capacity=59000000"
	var srcs []string
	for _, img := range findAll(byID(t, root, "charts"), tagged("img")) {
		src, _ := attr(img, "src")
		srcs = append(srcs, src)
	}
	if want := "/api/v1/plans/tiny/charts/compare.svg" + q; !slices.Contains(srcs, want) {
		t.Errorf("no compare chart %s in %v", want, srcs)
	}
	for _, s := range srcs {
		if !strings.HasSuffix(s, q) {
			t.Errorf("chart %s lacks the query", s)
		}
	}
	for _, a := range findAll(byID(t, root, "downloads"), tagged("a")) {
		// Every result download carries the what-if (the data template is
		// the plan's, whatever the what-if).
		href, _ := attr(a, "href")
		if !strings.HasSuffix(href, "/template.xlsx") && !strings.Contains(href, strings.TrimPrefix(q, "?")) {
			t.Errorf("download %s lacks the query", href)
		}
	}
	if href, _ := attr(byID(t, root, "permalink"), "href"); href != "/plans/tiny"+q {
		t.Errorf("permalink %q", href)
	}
	// The form is pre-filled from the query.
	for _, in := range findAll(byID(t, root, "whatif"), tagged("input")) {
		if name, _ := attr(in, "name"); name == ParamCapacity {
			if val, _ := attr(in, "value"); val != "59000000" {
				t.Errorf("capacity field holds %q", val)
			}
		}
	}
}

// signed is a grouped change as the compare table shows it.
func signed(s string) string {
	if s == "0" || strings.HasPrefix(s, "-") {
		return s
	}
	return "+" + s
}

func TestPlanProblems(t *testing.T) {
	doc := loadTiny(t)
	for _, c := range []struct {
		name, query string
		status      int
		want        []string
	}{
		{"weights", "set.factor.workload.weight=0.5", http.StatusBadRequest, []string{"各因素权重之和须恰好为 1"}},
		{"unknown path", "path=project.nope.unit_cost&value=1", http.StatusBadRequest, []string{"project.nope"}},
		{"half row", "path=plan.capacity&value=", http.StatusBadRequest, []string{"path[1]", "没有数值"}},
		{"shortfall", "set.plan.capacity=1000", http.StatusUnprocessableEntity, []string{"capacity shortfall"}},
		{"bad scenario name", "scenario=a%01b", http.StatusBadRequest, []string{"scenario", "不合规"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, page := planPage(t, doc, c.query)
			root := parse(t, page)
			if v.Status != c.status || len(v.Problems) == 0 {
				t.Errorf("status %d, %d problems; want %d", v.Status, len(v.Problems), c.status)
			}
			if hasID(root, "allocations") || hasID(root, "summary") {
				t.Error("a rejected what-if shows figures")
			}
			got := text(byID(t, root, "problems"))
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("problems lack %q: %s", w, got)
				}
			}
			byID(t, root, "whatif") // the form is there to correct the query
		})
	}
}

func TestPlanForm(t *testing.T) {
	doc := loadTiny(t)
	_, page := planPage(t, doc, "path=project.vector_control.unit_cost&value=2.4&path=&value=&scenario=vector")
	form := byID(t, parse(t, page), "whatif")
	if m, _ := attr(form, "method"); m != "get" {
		t.Errorf("method %q", m)
	}
	if a, _ := attr(form, "action"); a != "/plans/tiny" {
		t.Errorf("action %q", a)
	}
	var names, paths, values []string
	for _, in := range findAll(form, tagged("input")) {
		name, _ := attr(in, "name")
		val, _ := attr(in, "value")
		names = append(names, name)
		switch name {
		case ParamPath:
			paths = append(paths, val)
		case ParamValue:
			values = append(values, val)
		}
	}
	for _, want := range []string{"set.plan.capacity", "set.factor.workload.weight", "set.factor.area.weight", "set.factor.population.weight"} {
		if !slices.Contains(names, want) {
			t.Errorf("no input %s in %v", want, names)
		}
	}
	if len(paths) != FreeRows || paths[0] != "project.vector_control.unit_cost" || values[0] != "2.4" {
		t.Errorf("free rows %v = %v", paths, values)
	}
	sel := findAll(form, tagged("option"))
	var chosen []string
	for _, o := range sel {
		if _, ok := attr(o, "selected"); ok {
			chosen = append(chosen, text(o))
		}
	}
	if !slices.Equal(chosen, []string{"vector"}) {
		t.Errorf("selected scenarios %v", chosen)
	}
	hints := findAll(byID(t, form, "paths"), tagged("option"))
	if len(hints) < 10 {
		t.Errorf("only %d path hints", len(hints))
	}
}

func TestPlanEscapes(t *testing.T) {
	doc := loadTiny(t)
	evil := "<script>alert(1)</script>"
	base := mustEvaluate(t, doc, "plan.name="+evil, "subdistrict.east.name=东&"+evil)
	w := WhatIf{Sets: []Override{{Path: `subdistrict.east.quantities.population`, Value: `1"><script>alert(2)</script>`}}}
	v, err := NewPlanView(PlanInput{PlanID: "a b/c?d", Base: base, WhatIf: w, Failure: failureOf(&formula.RejectedError{Detail: formula.Say(formula.Text(msg.Verbatim.Key()), evil)})})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := testRenderer(t).Plan(&b, v); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{b.String(), mustPlanPage(t, base)} {
		if strings.Contains(page, "<script>alert") {
			t.Fatalf("unescaped script in page")
		}
		root := parse(t, page)
		for _, s := range findAll(root, tagged("script")) {
			if strings.Contains(text(s), "alert") {
				t.Errorf("a script element holds %q", text(s))
			}
		}
		if !strings.Contains(text(root), evil) {
			t.Error("the name is not shown as text")
		}
	}
	root := parse(t, b.String())
	if a, _ := attr(byID(t, root, "whatif"), "action"); a != "/plans/a%20b%2Fc%3Fd" {
		t.Errorf("action %q: path segment not escaped", a)
	}
}

// mustPlanPage renders a base result's plan page.
func mustPlanPage(t *testing.T, base *formula.Result) string {
	t.Helper()
	v, err := NewPlanView(PlanInput{PlanID: "tiny", Base: base})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := testRenderer(t).Plan(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPlanViewMisuse(t *testing.T) {
	if _, err := NewPlanView(PlanInput{PlanID: "x"}); err == nil {
		t.Error("no base accepted")
	}
	doc := loadTiny(t)
	if _, err := NewPlanView(PlanInput{PlanID: "x", Base: mustEvaluate(t, doc), WhatIf: WhatIf{Scenario: "s"}}); err == nil {
		t.Error("an active what-if without result or error accepted")
	}
	if err := testRenderer(t).Plan(&bytes.Buffer{}, nil); err == nil {
		t.Error("nil view rendered")
	}
}

func TestPlanLinksEncodeOnce(t *testing.T) {
	doc := loadTiny(t)
	v, page := planPage(t, doc, "set.performance.coefficients.%E4%B8%AD=0.8&set.plan.capacity=59000000")
	if v.Status != http.StatusOK || !v.Applied {
		t.Fatalf("what-if not applied: %+v", v.Problems)
	}
	const q = "?set.performance.coefficients.%E4%B8%AD=0.8&amp;set.plan.capacity=59000000"
	for _, want := range []string{`src="/api/v1/plans/tiny/charts/compare.svg` + q + `"`, `href="/plans/tiny` + q + `"`,
		`href="/plans/tiny/subdistricts/east` + q + `"`, `href="/api/v1/plans/tiny/allocations.xlsx` + q + `"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, "%25E4") {
		t.Error("a link is escaped twice")
	}
}

// TestFailureOf checks what a page lists for each kind of failed what-if.
func TestFailureOf(t *testing.T) {
	doc := loadTiny(t)
	_, overrideErr := evaluate(t, doc, "nothing.here=1")
	_, rejected := evaluate(t, doc, "plan.capacity=1000")
	for _, c := range []struct {
		err    error
		status int
		want   string
	}{
		{overrideErr, http.StatusBadRequest, "nothing.here"},
		{rejected, http.StatusUnprocessableEntity, "capacity shortfall"},
		{&formula.InvalidPlanError{Problems: []formula.Problem{{Path: "factor", Says: []formula.Words{msg.Verbatim.Words("bad")}}}}, http.StatusUnprocessableEntity, "factor: bad"},
		{msg.WithProblems(msg.AppPlanInvalid.Err(caili.KindUnprocessable), []formula.Problem{{File: "p.toml", Line: 3, Path: "plan", Says: []formula.Words{msg.Verbatim.Words("x")}}}), http.StatusUnprocessableEntity, "p.toml:3 plan: x"},
		{app.Say(caili.KindNotFound, msg.AppNoScenario, "tiny", "x"), http.StatusNotFound, `no scenario "x"`},
	} {
		f := failureOf(c.err)
		if f.Status != c.status {
			t.Errorf("failureOf(%v) = %d, want %d", c.err, f.Status, c.status)
		}
		var parts []string
		for _, p := range f.Problems {
			parts = append(parts, strings.TrimSpace(p.Where()+" "+strings.TrimSpace(p.Path+": "+msg.Problem(msg.En, p))))
		}
		got := strings.Join(parts, "; ")
		if !strings.Contains(got, c.want) {
			t.Errorf("FailureOf(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
