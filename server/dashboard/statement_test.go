package dashboard

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/numfmt"
)

func TestStatementHasEveryLine(t *testing.T) {
	doc := loadTiny(t)
	res := mustEvaluate(t, doc)
	for _, a := range res.Subdistricts {
		t.Run(a.ID, func(t *testing.T) {
			_, page := statementPage(t, doc, a.ID)
			root := parse(t, page)
			f := numfmt.NewFmt(res)

			// Every line a person reads, in order, with its amount and
			// formula (the block grant one line).
			lines := a.ReadableLines()
			var got [][3]string
			for _, tr := range findAll(byID(t, root, "lines"), func(n *html.Node) bool { c, _ := attr(n, "class"); return c == "line" }) {
				tds := findAll(tr, tagged("td"))
				st, _ := attr(tr, "data-stage")
				got = append(got, [3]string{st, text(tds[1]), text(tds[2])})
			}
			if len(got) != len(lines) {
				t.Fatalf("%d lines shown, want %d", len(got), len(lines))
			}
			for i, l := range lines {
				want := [3]string{string(l.Stage), numfmt.Group(f.Amount(l.Amount)), strings.Join(strings.Fields(l.Formula()), " ")}
				if got[i] != want {
					t.Errorf("line %d:\n got %q\nwant %q", i, got[i], want)
				}
			}

			// The total and each component.
			cells := map[string]string{}
			for _, td := range findAll(byID(t, root, "components"), withAttr("data-col")) {
				col, _ := attr(td, "data-col")
				cells[col], _ = attr(td, "data-value")
			}
			for k, c := range a.Components() {
				if cells[Columns[k]] != f.Amount(c) {
					t.Errorf("component %s = %q, want %q", Columns[k], cells[Columns[k]], f.Amount(c))
				}
			}
			if cells["total"] != f.Amount(a.Total) {
				t.Errorf("total %q", cells["total"])
			}

			// The factor score by indicator (six places), and the block
			// grant as one line: the share by adjusted score.
			score := text(byID(t, root, "score"))
			for _, p := range a.Score.Parts {
				q := quantityLabel(res.Plan, p.Quantity) // ids only in tooltips
				if q == "" {
					q = p.Quantity
				}
				row := strings.Join([]string{p.FactorName, q, p.FactorWeight.String(), p.Weight.String(),
					numfmt.Group(p.Value.String()), numfmt.Group(p.DistrictSum.String()), formula.ShareText(p.Part())}, " ")
				if !strings.Contains(score, row) {
					t.Errorf("score lacks %q:\n%s", row, score)
				}
			}
			block := findAll(byID(t, root, "stage-block"), withAttr("data-stage"))
			if len(block) != 2 || !strings.Contains(text(block[1]), strings.Join(strings.Fields(a.Score.Formula()), " ")) {
				t.Errorf("the block grant is not one line with the formula %q", a.Score.Formula())
			}
			if hasID(root, "whatif-banner") || hasID(root, "vs-base") {
				t.Error("a base statement says a what-if applies")
			}
		})
	}
}

func TestStatementBaseline(t *testing.T) {
	doc := loadTiny(t)
	v, page := statementPage(t, doc, "east")
	b := v.Baseline
	if b == nil || b.Quantity != "last_year_total" || b.Value.Raw != "22500000" || b.Change.Raw != "159200" || b.Pct != "+0.71%" {
		t.Fatalf("baseline %+v", b)
	}
	// The bounds are the ones the damping line states.
	if b.Floor == nil || b.Floor.Raw != "21375000" || b.Ceiling == nil || b.Ceiling.Raw != "24750000" {
		t.Errorf("bounds %+v %+v", b.Floor, b.Ceiling)
	}
	got := text(byID(t, parse(t, page), "baseline"))
	if !strings.Contains(got, "22,500,000 22,659,200 +159,200 +0.71% 21,375,000 24,750,000") {
		t.Errorf("baseline section: %s", got)
	}
	// North is capped: its change is negative.
	v, _ = statementPage(t, doc, "north")
	if v.Baseline.Change.Raw != "1500000" || v.Baseline.Total.Raw != "16500000" {
		t.Errorf("north baseline %+v", v.Baseline)
	}
}

func TestStatementWhatIf(t *testing.T) {
	doc := loadTiny(t)
	v, page := statementPage(t, doc, "east", "plan.capacity=59000000")
	root := parse(t, page)
	if !v.Applied || v.VsBase == nil || v.VsBase.Change.Raw != "-371832" || v.VsBase.Pct != "-1.64%" {
		t.Fatalf("what-if statement: %+v", v.VsBase)
	}
	if got := text(byID(t, root, "whatif-banner")); !strings.Contains(got, "plan.capacity = 59000000") {
		t.Errorf("banner %q", got)
	}
	if got := text(byID(t, root, "vs-base")); !strings.Contains(got, "22,659,200 22,287,368 -371,832 -1.64%") {
		t.Errorf("change against the base: %s", got)
	}
	var srcs []string
	for _, img := range findAll(byID(t, root, "charts"), tagged("img")) {
		src, _ := attr(img, "src")
		srcs = append(srcs, src)
	}
	if len(srcs) != 2 || srcs[1] != "/api/v1/plans/tiny/charts/compare.svg?set.plan.capacity=59000000" {
		t.Errorf("charts %v", srcs)
	}
}

func TestStatementUnknown(t *testing.T) {
	doc := loadTiny(t)
	_, err := NewStatementView(StatementInput{PlanID: "tiny", SubdistrictID: "nowhere", Result: mustEvaluate(t, doc)})
	if !errors.Is(err, ErrUnknownSubdistrict) {
		t.Errorf("err = %v", err)
	}
	if _, err := NewStatementView(StatementInput{PlanID: "tiny", SubdistrictID: "east"}); err == nil {
		t.Error("no result accepted")
	}
	if err := testRenderer(t).Statement(&bytes.Buffer{}, nil); err == nil {
		t.Error("nil view rendered")
	}
}

func TestStatementEscapes(t *testing.T) {
	doc := loadTiny(t)
	evil := "<script>alert(1)</script>"
	res := mustEvaluate(t, doc, "subdistrict.east.name="+evil)
	v, err := NewStatementView(StatementInput{PlanID: "t/1 x", SubdistrictID: "east", Result: res})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := testRenderer(t).Statement(&b, v); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if strings.Contains(page, "<script>alert") || !strings.Contains(text(parse(t, page)), evil) {
		t.Error("the name is not escaped text")
	}
	for _, want := range []string{`href="/plans/t%2F1%20x"`, `src="/api/v1/plans/t%2F1%20x/charts/components.svg"`} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s: path segments not escaped", want)
		}
	}
}
