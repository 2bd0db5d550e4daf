package dashboard

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// indexItems are the plans of the golden index page: one good, one whose
// file does not load, one whose file broke after it loaded.
var indexItems = []PlanItem{
	{ID: "tiny", Name: "示例区 2025年街道财力测算(小例)", FiscalYear: 2025, OK: true},
	{ID: "broken", Name: "坏的 <方案>", FiscalYear: 2025, Problems: []string{
		"plan.toml:17: staff[civil_servant].oncost_rate: must not be negative (got -0.35)",
		"plan.toml:59: project[greening].tier: must be mandatory, A, B, C or D (got \"E\")"}},
	{ID: "edited", Name: "改坏了的方案", FiscalYear: 2025, OK: true, Stale: true, Problems: []string{
		"文件已修改但无法载入,仍按上次载入的版本测算 (serving the last good version)",
		"edited.toml:3: syntax error"}},
}

func TestGolden(t *testing.T) {
	doc := loadTiny(t)
	r := testRenderer(t)
	var b bytes.Buffer
	if err := r.Index(&b, indexItems); err != nil {
		t.Fatal(err)
	}
	goldenPage(t, "index", b.String())

	_, page := planPage(t, doc, "")
	goldenPage(t, "plan", page)
	_, page = planPage(t, doc, "set.plan.capacity=59000000&path=project.vector_control.unit_cost&value=2.4")
	goldenPage(t, "plan_whatif", page)
	_, page = planPage(t, doc, "set.factor.workload.weight=0.5&path=nothing.here&value=1")
	goldenPage(t, "plan_problems", page)
	_, page = planPage(t, doc, "set.plan.population=population")
	goldenPage(t, "plan_equalisation", page)
	_, page = statementPage(t, doc, "north")
	goldenPage(t, "statement", page)
	_, page = statementPage(t, doc, "east", "plan.capacity=59000000")
	goldenPage(t, "statement_whatif", page)

	b.Reset()
	if err := r.Error(&b, http.StatusNotFound, `no plan "nope"`, nil); err != nil {
		t.Fatal(err)
	}
	goldenPage(t, "error", b.String())
}

func TestIndex(t *testing.T) {
	var b bytes.Buffer
	if err := testRenderer(t).Index(&b, indexItems); err != nil {
		t.Fatal(err)
	}
	root := parse(t, b.String())
	rows := findAll(byID(t, root, "plans"), withAttr("data-id"))
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	if got := text(rows[0]); !strings.Contains(got, "tiny") || !strings.Contains(got, "2025") || !strings.Contains(got, "正常") {
		t.Errorf("good plan row: %s", got)
	}
	if got := text(rows[1]); !strings.Contains(got, "坏的 <方案>") || !strings.Contains(got, "无法测算") || !strings.Contains(got, "oncost_rate: must not be negative") {
		t.Errorf("broken plan row: %s", got)
	}
	if got := text(rows[2]); !strings.Contains(got, "沿用上次版本") || strings.Contains(got, "无法测算") || !strings.Contains(got, "syntax error") {
		t.Errorf("stale plan row: %s", got)
	}
	if links := findAll(rows[2], withAttr("href")); len(links) != 5 {
		t.Errorf("stale plan row has %d links, want its id, its name and its 版本, 异议 and 预算年度 pages", len(links))
	}
	if strings.Contains(b.String(), "<方案>") {
		t.Error("a name is not escaped")
	}
	b.Reset()
	if err := testRenderer(t).Index(&b, nil); err != nil || !strings.Contains(b.String(), "没有方案") {
		t.Errorf("empty index: %v", err)
	}
}

func TestErrorPage(t *testing.T) {
	var b bytes.Buffer
	problems := []formula.Problem{{File: "query", Path: "set.x", Says: []formula.Words{msg.Verbatim.Words("unknown path <x>")}}, {Says: []formula.Words{msg.Verbatim.Words("capacity shortfall, gap 45467420 元")}}}
	if err := testRenderer(t).Error(&b, http.StatusUnprocessableEntity, "the plan is rejected", problems); err != nil {
		t.Fatal(err)
	}
	got := text(parse(t, b.String()))
	for _, want := range []string{"422 方案无法测算", "the plan is rejected", "query set.x unknown path <x>", "capacity shortfall, gap 45467420 元"} {
		if !strings.Contains(got, want) {
			t.Errorf("error page lacks %q: %s", want, got)
		}
	}
	b.Reset()
	if err := testRenderer(t).Error(&b, http.StatusTeapot, "", nil); err != nil || !strings.Contains(b.String(), "418 i&#39;m a teapot") {
		t.Errorf("unnamed status: %v\n%s", err, b.String())
	}
}
