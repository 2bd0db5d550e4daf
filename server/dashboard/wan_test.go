package dashboard

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// In 万元 the allocation table's rows add up to their totals and its
// columns to the totals row, to the cent of 万元, and the note says how;
// the header's switch leads back to 元.
func TestPlanPageWan(t *testing.T) {
	doc := loadTiny(t)
	for _, q := range []string{"unit=%E4%B8%87%E5%85%83", "unit=wan&set.plan.capacity=59000000"} {
		v, page := planPage(t, doc, q)
		if !v.Wan || !strings.Contains(page, `id="wan-note"`) || !strings.Contains(page, "尾差") {
			t.Fatalf("%s: not in 万元", q)
		}
		sum := func(cells []Cell) (parts, total decimal.Decimal) {
			for _, c := range cells[:len(cells)-1] {
				parts = parts.Add(decimal.RequireFromString(c.Raw))
			}
			return parts, decimal.RequireFromString(cells[len(cells)-1].Raw)
		}
		cols := make([]decimal.Decimal, len(v.Totals.Cells))
		for _, r := range v.Rows {
			if p, tot := sum(r.Cells); !p.Equal(tot) {
				t.Errorf("%s %s: the parts add up to %s, the total is %s", q, r.ID, p, tot)
			}
			for k, c := range r.Cells {
				if !strings.Contains(c.Raw, ".") || len(c.Raw)-strings.Index(c.Raw, ".") != 3 {
					t.Errorf("%s %s: %q has not two decimals", q, r.ID, c.Raw)
				}
				cols[k] = cols[k].Add(decimal.RequireFromString(c.Raw))
			}
		}
		for k, c := range v.Totals.Cells {
			if !cols[k].Equal(decimal.RequireFromString(c.Raw)) {
				t.Errorf("%s column %s: the rows add up to %s, the totals row says %s", q, c.Col, cols[k], c.Raw)
			}
		}
		if !strings.Contains(v.Rows[0].Href, "unit=%E4%B8%87%E5%85%83") {
			t.Errorf("%s: the statement link %s is not in 万元", q, v.Rows[0].Href)
		}
		if len(v.UnitSwitch) != 2 || v.UnitSwitch[0].Href == "" || v.UnitSwitch[1].Href != "" || strings.Contains(v.UnitSwitch[0].Href, "unit=") {
			t.Errorf("%s: switch %+v", q, v.UnitSwitch)
		}
	}
	v, page := planPage(t, doc, "")
	if v.Wan || strings.Contains(page, "wan-note") || v.UnitSwitch[0].Href != "" || !strings.HasSuffix(v.UnitSwitch[1].Href, "?unit=%E4%B8%87%E5%85%83") {
		t.Errorf("元: %+v", v.UnitSwitch)
	}
}

// The statement in 万元: the components' 万元 column adds up to the total,
// as the plan page's row of the 街道 in 万元 shows it.
func TestStatementWan(t *testing.T) {
	doc := loadTiny(t)
	r := mustEvaluate(t, doc)
	plan, _ := planPage(t, doc, "unit=wan")
	for _, row := range plan.Rows {
		v, err := NewStatementView(StatementInput{PlanID: "tiny", SubdistrictID: row.ID, Result: r, Wan: true})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := testRenderer(t).Statement(&b, v); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), `id="wan-note"`) || v.UnitSwitch[1].Href != "" {
			t.Errorf("%s: no note or switch", row.ID)
		}
		sum := decimal.Zero
		for k, c := range v.Components {
			if c.Amount.Wan != row.Cells[k].Text {
				t.Errorf("%s %s: statement %s, plan page %s", row.ID, c.Col, c.Amount.Wan, row.Cells[k].Text)
			}
			if k < len(v.Components)-1 {
				sum = sum.Add(decimal.RequireFromString(strings.ReplaceAll(c.Amount.Wan, ",", "")))
			}
		}
		if total := decimal.RequireFromString(strings.ReplaceAll(v.Total.Wan, ",", "")); !sum.Equal(total) {
			t.Errorf("%s: components %s, total %s", row.ID, sum, total)
		}
	}
}
