package chart

import (
	"math/big"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// Lorenz chart geometry, in pixels.
const (
	lorenzWidth  = 1200
	lorenzHeight = 720
	lorenzBottom = 56  // x labels and the x axis title under the plot
	lorenzRight  = 520 // the table of measures right of the plot
	lorenzCol    = 112 // a column of that table
)

// lorenzColors are the curves' colours, in the order of
// formula.EqualisationStages: before the block grant, after it, after
// damping.
var lorenzColors = [...]color{colorProjects, colorPersonnel, colorDamping}

// Lorenz draws the Lorenz curves of per-capita amounts (docs/audit.md):
// sub-districts in ascending order of amount per person, cumulative share
// of the population across, cumulative share of the money up, one curve
// before the block grant, after it and after damping, over the diagonal of
// perfect equality, with each curve's Gini coefficient in the legend.
// Shares become float64 only to place points. A plan with no population
// quantity ([plan] population, or resident_population in every
// sub-district) gives an error wrapping [ErrBadQuantity]; per, when not
// empty, names the quantity instead, as for [PerCapita]. A table right of
// the plot gives each curve's coefficient of variation, Gini, Theil and
// max/min ratio.
func Lorenz(res *formula.Result, per string, f Format) ([]byte, error) {
	e, err := equalisationOf(res, per)
	if err != nil {
		return nil, err
	}
	fig, err := lorenzFigure(res.Plan.Name, e, f)
	if err != nil {
		return nil, err
	}
	return render(fig, f)
}

// equalisationOf measures a result for the Lorenz chart and its data,
// per unit of per when it is not empty.
func equalisationOf(res *formula.Result, per string) (*formula.Equalisation, error) {
	if err := checkResult("the", res); err != nil {
		return nil, err
	}
	if per != "" {
		plan := subdistrictsByID(res.Plan)
		for i := range res.Subdistricts {
			if _, err := quantityOf(plan[res.Subdistricts[i].ID], res.Subdistricts[i].ID, per); err != nil {
				return nil, err
			}
		}
		e, _ := res.EqualisationBy(per)
		return e, nil
	}
	e, ok := res.Equalisation()
	if !ok {
		return nil, fail(ErrBadQuantity, msg.ChartNoPopulation)
	}
	return e, nil
}

// lorenzFigure lays out the Lorenz chart: a value axis of 0–100 %, the
// x axis drawn in the plot, the diagonal and the curves.
func lorenzFigure(plan string, e *formula.Equalisation, f Format) (figure, error) {
	ft, err := loadFont()
	if err != nil {
		return figure{}, err
	}
	m := newMeasurer(ft, f)
	title, tsize := m.fitTitle(plan, " · "+msg.ChartLorenz.In(msg.Zh, e.Population), titleSize, 11, lorenzWidth-2*sideMargin)
	var ticks []tick
	for v := 0; v <= 100; v += 20 {
		ticks = append(ticks, tick{Value: float64(v), Label: strconv.Itoa(v) + "%"})
	}
	var items []legendItem
	for k, st := range e.Stages {
		g := "—"
		if st.Gini != nil {
			g = st.Gini.StringFixed(4)
		}
		items = append(items, legendItem{label: msg.ChartGiniOf.In(msg.Zh, st.Label, g), color: lorenzColors[k], line: true})
	}
	items = append(items, legendItem{label: msg.ChartEquality.In(msg.Zh), color: colorAxis, line: true})
	return figure{
		font: ft, title: title, titleSize: tsize, width: lorenzWidth, height: lorenzHeight,
		pad:  insets{top: headerHeight, left: sideMargin, right: lorenzRight, bottom: lorenzBottom},
		axis: &valueAxis{ticks: ticks, min: 0, max: 100},
		xMin: 0, xMax: 100,
		plot: func(a plotArea, measure measureFunc) []shape { return lorenzShapes(e, a, measure) },
		header: func(measure measureFunc) []shape {
			return legend(items, msg.ChartAmountShareAxis.In(msg.Zh), lorenzWidth, measure)
		},
	}, nil
}

// lorenzShapes draws the x grid and labels, the diagonal and the curves.
func lorenzShapes(e *formula.Equalisation, a plotArea, measure measureFunc) []shape {
	st := textStyle{labelSize, colorText}
	h := int(pointsToPixels(labelSize))
	var out []shape
	for v := 0; v <= 100; v += 20 {
		x := a.x(float64(v))
		out = append(out, line{x1: x, y1: a.y(0), x2: x, y2: a.y(100), color: colorGrid, width: 1},
			centredText(measure, strconv.Itoa(v)+"%", x, a.bottom+labelGap+h, st))
	}
	out = append(out, centredText(measure, msg.ChartPopShareAxis.In(msg.Zh), (a.left+a.right)/2, a.bottom+labelGap+2*h+8, textStyle{axisSize, colorMutedText}))
	out = append(out, line{x1: a.x(0), y1: a.y(0), x2: a.x(100), y2: a.y(100), color: colorAxis, width: 1})
	for k, stg := range e.Stages {
		pts := stg.Lorenz
		for i := 1; i < len(pts); i++ {
			x1, y1 := percent(pts[i-1].Population), percent(pts[i-1].Amount)
			x2, y2 := percent(pts[i].Population), percent(pts[i].Amount)
			out = append(out, line{x1: a.x(x1), y1: a.y(y1), x2: a.x(x2), y2: a.y(y2), color: lorenzColors[k], width: 2})
		}
	}
	return lorenzTable(out, e, a.right+48, a.y(100)+16, measure)
}

// lorenzTable draws the measures of each curve as a table whose top left
// is (x, y): a row per measure, a column per curve.
func lorenzTable(out []shape, e *formula.Equalisation, x, y int, measure measureFunc) []shape {
	head, body := textStyle{labelSize, colorMutedText}, textStyle{labelSize, colorText}
	right := func(col int) int { return x + 96 + (col+1)*lorenzCol }
	for k, st := range e.Stages {
		out = append(out, rightText(measure, st.Label, right(k), y, textStyle{labelSize, lorenzColors[k]}))
	}
	for r, row := range EqualisationRows(e) {
		ry := y + (r+1)*rowHeight
		out = append(out, text{body: row[0], x: x, y: ry, style: head})
		for k, v := range row[1:] {
			out = append(out, rightText(measure, v, right(k), ry, body))
		}
	}
	return out
}

// EqualisationRows are the measures of each curve as text, a row per
// measure: its Chinese name, then one value per stage ("—" when undefined):
// mean per person (元), coefficient of variation, Gini, Theil, max/min.
func EqualisationRows(e *formula.Equalisation) [][]string {
	rows := [][]string{{msg.ChartMeanYuan.In(msg.Zh)}, {msg.ChartCV.In(msg.Zh)}, {msg.ChartGini.In(msg.Zh)}, {msg.ChartTheil.In(msg.Zh)}, {msg.ChartMaxMin.In(msg.Zh)}}
	for _, st := range e.Stages {
		mean := decimal.NewFromBigRat(st.Mean, 4).Round(2).StringFixed(2)
		for r, v := range []string{mean, stat(st.CV), stat(st.Gini), stat(st.Theil), stat(st.MaxMin)} {
			rows[r] = append(rows[r], v)
		}
	}
	return rows
}

// stat renders a statistic at formula.StatPlaces, or "—" when undefined.
func stat(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	return d.StringFixed(formula.StatPlaces)
}

// percent turns an exact share into a percentage to place a point.
func percent(q *big.Rat) float64 {
	f, _ := q.Float64()
	return 100 * f
}
