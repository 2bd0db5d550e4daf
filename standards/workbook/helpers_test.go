package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
)

// samplePlan is the sample district's plan (configs/).
func samplePlan(t testing.TB) *formula.Plan {
	t.Helper()
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// tinyPlan is the shared tiny example (testdata/tiny/plan.toml).
func tinyPlan(t testing.TB) *formula.Plan {
	t.Helper()
	doc, err := standards.LoadFile(tinyPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const tinyPath = "../../testdata/tiny/plan.toml"

// withSubs is plan p with other sub-districts.
func withSubs(p *formula.Plan, subs []formula.Subdistrict) *formula.Plan {
	q := *p
	q.Subdistricts = subs
	return &q
}

// resultJSON evaluates a plan and renders its result as `caili calc
// --format json` does.
func resultJSON(t testing.TB, p *formula.Plan) []byte {
	t.Helper()
	m, err := formula.Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteJSON(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// template writes a plan's workbook (or CSV).
func template(t testing.TB, p *formula.Plan, opts TemplateOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Template(&b, p, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// mustRead reads a file that must have no problem.
func mustRead(t testing.TB, name string, data []byte, p *formula.Plan) []formula.Subdistrict {
	t.Helper()
	subs, ps := Read(name, data, p)
	for _, pb := range ps {
		t.Errorf("unexpected problem: %s", pb)
	}
	if len(ps) > 0 {
		t.FailNow()
	}
	return subs
}

// sameSubs fails unless two lists of sub-districts hold the same values.
func sameSubs(t testing.TB, p *formula.Plan, got, want []formula.Subdistrict) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d sub-districts, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].ID != want[i].ID {
			t.Errorf("sub-district %d is %s, want %s", i, got[i].ID, want[i].ID)
		}
	}
	for _, c := range Diff(p, want, got) {
		t.Errorf("differs: %s", c)
	}
}

// edit opens a workbook, lets f change it and returns the bytes.
func edit(t testing.TB, data []byte, f func(x *excelize.File)) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	f(x)
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// must fails the test on an error of excelize.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// problemsText renders problems one a line, for goldens, in Chinese
// (problemsTextIn says them in another language).
func problemsText(ps []formula.Problem) string { return problemsTextIn(ps, msg.Zh) }

// problemsTextIn renders problems one a line in language l.
func problemsTextIn(ps []formula.Problem, l msg.Lang) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(string(p.Code) + "\t" + msg.ProblemLine(l, p) + "\n")
	}
	return b.String()
}
