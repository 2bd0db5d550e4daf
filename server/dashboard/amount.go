package dashboard

import (
	"net/url"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
)

// Amount is a sum of money as the pages show it: in full at the plan's
// rounding unit, digits grouped, with its value in 万元 beside.
type Amount struct {
	Raw   string // the API's decimal string, such as "22659200" (for data-value)
	Text  string // grouped, such as "22,659,200"
	Wan   string // in 万元 with two decimals, such as "2,265.92"
	Class string // "neg" below zero, "zero" at zero, else ""
}

// Signed returns the grouped text with a "+" in front of a positive
// amount, for a change.
func (a Amount) Signed() string {
	if a.Class == "" {
		return "+" + a.Text
	}
	return a.Text
}

// money formats the amounts of one result.
type money struct{ f numfmt.Fmt }

func moneyOf(r *formula.Result) money { return money{numfmt.NewFmt(r)} }

// amount formats one amount.
func (m money) amount(d decimal.Decimal) Amount {
	raw := m.f.Amount(d)
	a := Amount{Raw: raw, Text: numfmt.Group(raw), Wan: numfmt.Wan(d)}
	switch d.Sign() {
	case -1:
		a.Class = "neg"
	case 0:
		a.Class = "zero"
	}
	return a
}

// percent renders part/whole × 100 with two decimals and a "%" sign, or ""
// when whole is zero.
func percent(part, whole decimal.Decimal) string {
	if whole.IsZero() {
		return ""
	}
	return part.Mul(decimal.NewFromInt(100)).DivRound(whole, 2).StringFixed(2) + "%"
}

// rate renders a fraction such as a reserve rate or a floor exactly in
// percent: 0.02 → "2%", 1.1 → "110%".
func rate(d decimal.Decimal) string {
	return d.Shift(2).String() + "%"
}

// signedPercent is percent with a "+" in front of a rise.
func signedPercent(part, whole decimal.Decimal) string {
	p := percent(part, whole)
	if p != "" && part.Sign() > 0 {
		return "+" + p
	}
	return p
}

// Columns are the amount columns of the allocation table, in the order of rules §3:
// the six components then the total. They are the data-col attributes of
// the table's cells.
var Columns = [7]string(slices.Concat(formula.ComponentNames[:], []string{"total"}))

// columnLabels are the Chinese headers of Columns.
var columnLabels = [7]string(slices.Concat(formula.ComponentLabels[:], []string{msg.DashTotal.In(msg.Zh)}))

// Cell is one amount cell of a table row.
type Cell struct {
	Col string // one of Columns
	Amount
}

// cells builds the seven cells of a row from its components and total.
func (m money) cells(c [6]decimal.Decimal, total decimal.Decimal) []Cell {
	out := make([]Cell, 0, 7)
	for k, d := range c {
		out = append(out, Cell{Col: Columns[k], Amount: m.amount(d)})
	}
	return append(out, Cell{Col: Columns[6], Amount: m.amount(total)})
}

// Paths of the pages and the API, with every segment escaped.

// PlanPath is the dashboard page of a plan: /plans/{plan}.
func PlanPath(plan string) string { return "/plans/" + url.PathEscape(plan) }

// StatementPath is the statement page of a sub-district:
// /plans/{plan}/subdistricts/{id}.
func StatementPath(plan, id string) string {
	return PlanPath(plan) + "/subdistricts/" + url.PathEscape(id)
}

// apiPlanPath is the API's prefix for a plan: /api/v1/plans/{plan}.
func apiPlanPath(plan string) string { return "/api/v1/plans/" + url.PathEscape(plan) }

// ChartPath is the SVG chart of a kind (components, composition,
// per_capita, compare): /api/v1/plans/{plan}/charts/{kind}.svg.
func ChartPath(plan, kind string) string {
	return apiPlanPath(plan) + "/charts/" + url.PathEscape(kind) + ".svg"
}
