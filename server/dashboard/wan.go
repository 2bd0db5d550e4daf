package dashboard

import (
	"net/url"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
)

// The 万元 switch (issue 24 §3): the plan page's query unit=万元 shows its
// allocation table in 万元 with two decimals, the rows rounded by the
// largest-remainder method (numfmt.RoundWanTable over report.WanColumns,
// as calc --unit 万元 and the 人大 table round them), so that every row
// adds up to its total and every column to the totals row, with the note
// saying so. The default, 元, is the page as it always was; the switch
// itself is in the page's header (the layout), outside its content.

// ParamUnit is the pages' query parameter of the unit.
const ParamUnit = "unit"

// WanQuery reports whether a page's query asks for 万元 (unit=万元 or
// unit=wan); any other value is 元.
func WanQuery(q url.Values) bool {
	u, ok := report.ParseUnit(q.Get(ParamUnit))
	return ok && u == report.UnitWan
}

// unitSwitch is the switch between 元 and 万元 of a page at href (with its
// what-if's query, if any): the unit shown is not a link.
func unitSwitch(href string, wan bool) []Link {
	yuan := Link{Kind: "unit", Label: msg.UnitYuan.In(msg.Zh), Href: href}
	w := Link{Kind: "unit", Label: msg.UnitWan.In(msg.Zh), Href: withWan(href)}
	if wan {
		w.Href = ""
	} else {
		yuan.Href = ""
	}
	return []Link{yuan, w}
}

// withWan is a page's link with unit=万元.
func withWan(href string) string {
	sep := "?"
	if strings.Contains(href, "?") {
		sep = "&"
	}
	return href + sep + ParamUnit + "=" + url.QueryEscape(msg.UnitWan.In(msg.Zh))
}

// wanTable is r's allocation table rounded to 万元 (report.WanColumns:
// the components and transfers, adding up to each total) and, when the
// plan has district-managed projects, their column (not part of the
// total) rounded on its own.
type wanTable struct {
	numfmt.WanTable
	managed      []int64
	managedTotal int64
}

// newWanTable rounds r's allocation table to 万元.
func newWanTable(r *formula.Result) (*wanTable, error) {
	cells, _, _ := report.WanColumns(r)
	t, err := numfmt.RoundWanTable(cells)
	if err != nil {
		return nil, err
	}
	w := &wanTable{WanTable: t}
	if r.Plan != nil && r.Plan.HasDistrictManaged() {
		xs := make([]decimal.Decimal, len(r.Subdistricts))
		for i := range r.Subdistricts {
			xs[i] = r.Subdistricts[i].Managed
		}
		w.managed, w.managedTotal = numfmt.LargestRemainder(xs)
	}
	return w, nil
}

// row is the amounts of row i (-1: the totals) in the order the pages
// show them: the columns that add up, the total, then the managed column
// when there is one.
func (w *wanTable) row(i int) []int64 {
	cells, total, managed := w.ColTotals, w.Total, w.managedTotal
	if i >= 0 {
		cells, total = w.Cells[i], w.RowTotals[i]
		if w.managed != nil {
			managed = w.managed[i]
		}
	}
	out := append(append([]int64{}, cells...), total)
	if w.managed != nil {
		out = append(out, managed)
	}
	return out
}

// applyWan shows the allocation table of r in 万元.
func (v *PlanView) applyWan(r *formula.Result) error {
	t, err := newWanTable(r)
	if err != nil {
		return err
	}
	set := func(row *Row, cs []int64) {
		for k := range row.Cells {
			if k >= len(cs) {
				break
			}
			c := cs[k]
			a := &row.Cells[k].Amount
			a.Text = numfmt.WanText(c)
			a.Raw = numfmt.WanPlain(c)
			a.Class = ""
			switch {
			case c < 0:
				a.Class = "neg"
			case c == 0:
				a.Class = "zero"
			}
		}
	}
	for i := range v.Rows {
		set(&v.Rows[i], t.row(i))
		v.Rows[i].Href = withWan(v.Rows[i].Href) // the statement in 万元 too
	}
	set(&v.Totals, t.row(-1))
	v.Wan = true
	v.WanNote = msg.RepWanNote.In(msg.Zh)
	return nil
}

// applyWan shows the 万元 column of the statement of the sub-district id
// of r as the whole table rounds it (the plan page's, the notices' and
// the 人大 table's figures): its components add up to its total.
func (v *StatementView) applyWan(r *formula.Result, id string) error {
	t, err := newWanTable(r)
	if err != nil {
		return err
	}
	for i := range r.Subdistricts {
		if r.Subdistricts[i].ID != id {
			continue
		}
		cs := t.row(i)
		for k := range v.Components {
			if k < len(cs) {
				v.Components[k].Amount.Wan = numfmt.WanText(cs[k])
			}
		}
		v.Total.Wan = numfmt.WanText(t.RowTotals[i])
	}
	v.WanNote = msg.RepWanNote.In(msg.Zh)
	return nil
}
