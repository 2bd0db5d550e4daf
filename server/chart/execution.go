package chart

import (
	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/msg"
)

// Rates is what an execution chart draws (双监控, docs/year-data.md): each
// 街道's execution rate at a month's end as a bar from 0 to 100%, those
// below a rule of the plan in the warning colour, and each rule's rate
// as a line across.
type Rates struct {
	Plan  string     // the plan's name, which the title starts with
	Title string     // the rest of the title, e.g. "9 月末执行率"
	Bars  []RateBar  // drawn top to bottom
	Marks []RateMark // the rules' rates
}

// RateBar is one 街道: its name and rate (a fraction); Low marks it below
// a rule's rate at the rule's month.
type RateBar struct {
	Label string
	Rate  decimal.Decimal
	Low   bool
}

// RateMark is a rule's rate and its label ("9 月 60%").
type RateMark struct {
	Label string
	Rate  decimal.Decimal
}

// ratesMax bounds the bars drawn.
const ratesMax = 60

// RatesChart draws an execution chart: one row per 街道, the rate as a
// bar with its percentage at its end, the rules' rates as vertical lines.
func RatesChart(r *Rates, f Format) ([]byte, error) {
	if r == nil {
		return nil, fail(ErrNoResult, msg.ChartNoResult)
	}
	ft, err := loadFont()
	if err != nil {
		return nil, err
	}
	bars := r.Bars
	if len(bars) > ratesMax {
		bars = bars[:ratesMax]
	}
	height := max(chartHeight/2, headerHeight+max(len(bars), 1)*tornadoRow+70)
	m := newMeasurer(ft, f)
	title, tsize := m.fitTitle(r.Plan, " · "+r.Title, titleSize, 11, tornadoWidth-2*sideMargin)
	fig := figure{
		font: ft, title: title, titleSize: tsize, width: tornadoWidth, height: height,
		pad:  insets{top: headerHeight, left: sideMargin, right: sideMargin, bottom: sideMargin},
		xMin: 0, xMax: 1,
		plot: func(_ plotArea, measure measureFunc) []shape { return rateShapes(r, bars, measure) },
		header: func(measure measureFunc) []shape {
			return legend([]legendItem{{label: msg.ChartRateOK.In(msg.Zh), color: colorIncrease}, {label: msg.ChartRateLow.In(msg.Zh), color: colorDecrease}},
				"%", tornadoWidth, measure)
		},
	}
	return render(fig, f)
}

// rateShapes draws the rows, the scale (0–100%, or beyond when a rate is)
// and the rules' lines.
func rateShapes(r *Rates, bars []RateBar, measure measureFunc) []shape {
	hi := 100.0
	for _, b := range bars {
		hi = max(hi, pct(b.Rate))
	}
	ticks, amin, amax := niceAxis(0, hi, false)
	x := func(v float64) int { return tornadoLeft + int(float64(tornadoRight-tornadoLeft)*(v-amin)/(amax-amin)) }
	top := headerHeight + 10
	bottom := top + max(len(bars), 1)*tornadoRow
	axisSt := textStyle{axisSize, colorMutedText}
	var out []shape
	for _, tk := range ticks {
		out = append(out, line{x1: x(tk.Value), y1: top, x2: x(tk.Value), y2: bottom, color: colorGrid, width: 1},
			centredText(measure, tk.Label, x(tk.Value), bottom+16, axisSt))
	}
	out = append(out, line{x1: x(0), y1: top - 4, x2: x(0), y2: bottom, color: colorZeroLine, width: 1})
	labelSt, valueSt := textStyle{labelSize, colorText}, textStyle{valueSize, colorMutedText}
	for i, b := range bars {
		y := top + i*tornadoRow
		name, _ := fitText(label(b.Label), tornadoLabel-sideMargin, func(s string) int { return measure(s, labelSt) })
		out = append(out, rightText(measure, name, tornadoLabel, y+tornadoRow/2+4, labelSt))
		c := colorIncrease
		if b.Low {
			c = colorDecrease
		}
		e := max(x(pct(b.Rate)), x(0)+1)
		out = append(out, rect{left: x(0), top: y + 5, right: e, bottom: y + tornadoRow - 5, fill: c, stroke: c},
			text{body: b.Rate.Shift(2).StringFixed(1) + "%", x: e + 4, y: y + tornadoRow/2 + 4, style: valueSt})
	}
	for _, mk := range r.Marks {
		mx := x(pct(mk.Rate))
		out = append(out, line{x1: mx, y1: top - 4, x2: mx, y2: bottom, color: colorDecrease, width: 2},
			centredText(measure, mk.Label, mx, top-8, textStyle{valueSize, colorDecrease}))
	}
	return out
}

// pct is a rate in per cent, as a float for drawing only.
func pct(d decimal.Decimal) float64 { return d.Shift(2).InexactFloat64() }
