package dashboard

import (
	"fmt"
	"io"
	"net/url"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/msg"
)

// ExecutionView is the 执行监控 page (docs/year-data.md): each line's
// execution rate by month, each 街道's total as a bar with the plan's
// rules marked, the warnings, the year's counts; for a planner the import
// form and the button that writes next year's plan.
type ExecutionView struct {
	PlanID, Name, PlanHref string
	Year                   int64
	Last                   int
	Head                   []string
	Rows                   []ExecutionRow
	Bars                   []ExecutionBar
	Warnings               []string
	Counts                 string
	Planner                bool
	ImportURL, NextURL     string
	CSVHref, JSONHref      string
	ChartHref              string // the chart, SVG
}

// ExecutionRow is a row of the table; Total marks a 街道's total.
type ExecutionRow struct {
	Cells []string
	Total bool
}

// ExecutionBar is a 街道's rate at the last month, as a bar.
type ExecutionBar struct {
	Name, Rate string
	Width      int  // per cent of the bar's length, at most 100
	Low        bool // the total below a rule's rate at the rule's month
}

// NewExecutionView is the page of a report of plan id (name).
func NewExecutionView(id, name string, r *execution.Report, planner bool) *ExecutionView {
	base := "/api/v1/plans/" + url.PathEscape(id)
	v := &ExecutionView{PlanID: id, Name: name, PlanHref: "/plans/" + url.PathEscape(id), Year: r.Year, Last: r.Last, Planner: planner,
		ImportURL: base + "/execution", NextURL: base + "/next", CSVHref: base + "/execution.csv", JSONHref: base + "/execution",
		ChartHref: base + "/execution.svg"}
	if r.Last > 0 {
		rows := r.Table(msg.Zh, 0)
		v.Head = rows[0]
		total := msg.ExecTotal.In(msg.Zh)
		for _, row := range rows[1:] {
			v.Rows = append(v.Rows, ExecutionRow{Cells: row, Total: row[1] == total})
		}
	}
	for _, w := range r.Warnings {
		v.Warnings = append(v.Warnings, w.Text(msg.Zh))
	}
	for _, t := range r.Subdistricts {
		if r.Last == 0 {
			break
		}
		rate, ok := t.Months[r.Last-1].Rate()
		if !ok {
			continue
		}
		width := rate.Mul(decimal.NewFromInt(100)).Round(0).IntPart()
		v.Bars = append(v.Bars, ExecutionBar{Name: t.Name, Rate: execution.Percent(rate), Width: int(min(max(width, 0), 100)), Low: r.TotalLow(t)})
	}
	c := r.Counts
	v.Counts = msg.ExecCounts.In(msg.Zh, c.Lines, c.AsApproved, execution.Percent(c.Share(c.AsApproved)),
		c.Adjusted, execution.Percent(c.Share(c.Adjusted)), c.NotExecuted)
	return v
}

// Execution renders the 执行监控 page.
func (r *Renderer) Execution(w io.Writer, v *ExecutionView) error {
	if v == nil {
		return fmt.Errorf("dashboard: nil execution view")
	}
	return r.render(w, "execution", page{Title: msg.DashExecutionTitle.In(msg.Zh, v.Name),
		Crumbs: []Link{home, {Label: v.Name, Href: v.PlanHref}, {Label: msg.DashExecution.In(msg.Zh)}}, V: v})
}
