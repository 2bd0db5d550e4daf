package dashboard

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// EqualisationView is the plan page's panel of equalisation measures
// (docs/audit.md): amounts per person before the block grant, after it and
// after damping, and how evenly they are spread.
type EqualisationView struct {
	Population string   // the quantity divided by
	Stages     []string // column heads, in the order of formula.EqualisationStages
	Rows       []EqualisationRow
	Excluded   string // ids of sub-districts with no population, comma-separated
	Lorenz     Link   // the Lorenz chart
}

// EqualisationRow is one measure at each stage.
type EqualisationRow struct {
	Key, Label string
	Values     []string // "—" when undefined
}

// newEqualisation builds the panel, or nil when the plan has no
// population quantity.
func newEqualisation(plan string, w WhatIf, r *formula.Result) *EqualisationView {
	e, ok := r.Equalisation()
	if !ok {
		return nil
	}
	v := &EqualisationView{Population: e.Population, Excluded: strings.Join(e.Excluded, ", "),
		Lorenz: chartLink(plan, w, "lorenz", msg.DashChartLorenz.In(msg.Zh))}
	rows := []EqualisationRow{{Key: "mean", Label: msg.DashMean.In(msg.Zh)}, {Key: "cv", Label: msg.DashCV.In(msg.Zh)},
		{Key: "gini", Label: msg.DashGini.In(msg.Zh)}, {Key: "theil", Label: msg.DashTheil.In(msg.Zh)}, {Key: "max_min", Label: msg.DashMaxMin.In(msg.Zh)}}
	for _, st := range e.Stages {
		v.Stages = append(v.Stages, st.Label)
		mean := decimal.NewFromBigRat(st.Mean, 4).Round(2).StringFixed(2)
		for k, x := range []string{mean, statText(st.CV), statText(st.Gini), statText(st.Theil), statText(st.MaxMin)} {
			rows[k].Values = append(rows[k].Values, x)
		}
	}
	v.Rows = rows
	return v
}

// statText renders a statistic at formula.StatPlaces, or "—".
func statText(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	return d.StringFixed(formula.StatPlaces)
}

// chartLink links a chart's image and, beside it, its CSV, both carrying
// the what-if's query.
func chartLink(plan string, w WhatIf, kind, label string) Link {
	img := ChartPath(plan, kind)
	return Link{Kind: kind, Label: label, Href: w.withQuery(img), CSV: w.withQuery(strings.TrimSuffix(img, ".svg") + ".csv")}
}
