package chart

import (
	"github.com/caili/caili/internal/msg"
	"github.com/shopspring/decimal"
)

// Tornado is what a tornado chart draws: the levers of a sensitivity
// sweep (internal/analysis), ranked, each with the change of a total at
// −step and +step. The caller decides which total (the largest change
// over the sub-districts, or one sub-district's).
type Tornado struct {
	Plan   string       // the plan's name, which the title starts with
	Title  string       // the rest of the title, e.g. "敏感性 ±10%(各街道合计最大变动)"
	Down   string       // the legend of the −step bars, e.g. "-10%"
	Up     string       // the legend of the +step bars
	Bars   []TornadoBar // largest first; drawn top to bottom
	Masked int          // levers that move no total, noted under the chart
}

// TornadoBar is one lever: its label and the change at each step; a
// rejected step (the rules refuse the plan there) draws no bar but 不可行.
type TornadoBar struct {
	Label                    string
	Down, Up                 decimal.Decimal
	DownRejected, UpRejected bool
}

// Tornado geometry, in pixels.
const (
	tornadoWidth = 1200
	tornadoRow   = 30
	tornadoLabel = 380 // right edge of the lever labels
	tornadoLeft  = 400 // the plot, left and right
	tornadoRight = 1120
	tornadoMax   = 40 // at most this many levers are drawn
)

// TornadoChart draws a tornado chart: one row per lever, the −step bar
// above the +step bar, both from the zero line, in 万元, with the change
// at the end of each bar; longest first. At most tornadoMax levers are
// drawn; the masked ones are only counted in a note.
func TornadoChart(t *Tornado, f Format) ([]byte, error) {
	if t == nil {
		return nil, fail(ErrNoResult, msg.ChartNoResult)
	}
	ft, err := loadFont()
	if err != nil {
		return nil, err
	}
	bars := t.Bars
	if len(bars) > tornadoMax {
		bars = bars[:tornadoMax]
	}
	height := max(chartHeight, headerHeight+max(len(bars), 1)*tornadoRow+70)
	m := newMeasurer(ft, f)
	title, tsize := m.fitTitle(t.Plan, " · "+t.Title, titleSize, 11, tornadoWidth-2*sideMargin)
	fig := figure{
		font: ft, title: title, titleSize: tsize, width: tornadoWidth, height: height,
		pad:  insets{top: headerHeight, left: sideMargin, right: sideMargin, bottom: sideMargin},
		xMin: 0, xMax: 1,
		plot: func(_ plotArea, measure measureFunc) []shape { return tornadoShapes(t, bars, height, measure) },
		header: func(measure measureFunc) []shape {
			return legend([]legendItem{{label: t.Down, color: colorDecrease}, {label: t.Up, color: colorIncrease}}, msg.ChartWan.In(msg.Zh), tornadoWidth, measure)
		},
	}
	return render(fig, f)
}

// tornadoShapes draws the rows, the zero line, the scale and the note.
func tornadoShapes(t *Tornado, bars []TornadoBar, height int, measure measureFunc) []shape {
	lo, hi := 0.0, 0.0
	for _, b := range bars {
		for _, v := range []float64{wan(b.Down), wan(b.Up)} {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	ticks, amin, amax := niceAxis(lo, hi, true)
	x := func(v float64) int {
		return tornadoLeft + int(float64(tornadoRight-tornadoLeft)*(v-amin)/(amax-amin))
	}
	top := headerHeight + 10
	bottom := top + max(len(bars), 1)*tornadoRow
	var out []shape
	axisSt := textStyle{axisSize, colorMutedText}
	for _, tk := range ticks {
		out = append(out,
			line{x1: x(tk.Value), y1: top, x2: x(tk.Value), y2: bottom, color: colorGrid, width: 1},
			centredText(measure, tk.Label, x(tk.Value), bottom+16, axisSt))
	}
	out = append(out, line{x1: x(0), y1: top - 4, x2: x(0), y2: bottom, color: colorZeroLine, width: 1})
	labelSt := textStyle{labelSize, colorText}
	valueSt := textStyle{valueSize, colorMutedText}
	for i, b := range bars {
		y := top + i*tornadoRow
		name, _ := fitText(label(b.Label), tornadoLabel-sideMargin, func(s string) int { return measure(s, labelSt) })
		out = append(out, rightText(measure, name, tornadoLabel, y+tornadoRow/2+4, labelSt))
		out = tornadoBar(out, x, y+3, b.Down, b.DownRejected, colorDecrease, valueSt, measure)
		out = tornadoBar(out, x, y+tornadoRow/2, b.Up, b.UpRejected, colorIncrease, valueSt, measure)
	}
	note := msg.ChartTornadoAxis.In(msg.Zh)
	if len(bars) == 0 {
		note = msg.ChartTornadoNone.In(msg.Zh)
	}
	if t.Masked > 0 {
		note += msg.ChartTornadoMasked.In(msg.Zh, t.Masked)
	}
	if len(t.Bars) > len(bars) {
		note += msg.ChartTornadoFirst.In(msg.Zh, len(bars))
	}
	out = append(out, text{body: note, x: sideMargin, y: height - 20, style: textStyle{9, colorMutedText}})
	return out
}

// tornadoBar draws one half-row bar from zero with its value, or 不可行.
func tornadoBar(out []shape, x func(float64) int, y int, d decimal.Decimal, rejected bool, c color, st textStyle, measure measureFunc) []shape {
	h := tornadoRow/2 - 3
	z := x(0)
	if rejected {
		return append(out, text{body: msg.ChartRejected.In(msg.Zh), x: z + 4, y: y + h - 2, style: st})
	}
	e := x(wan(d))
	l, r := min(z, e), max(z, e)
	if r == l {
		r = l + 1
	}
	out = append(out, rect{left: l, top: y, right: r, bottom: y + h, fill: c, stroke: c, strokeWidth: 0})
	v := formatWan(d, true)
	w := measure(v, st)
	inside := textStyle{st.size, colorOnSlice}
	if d.IsNegative() {
		if l-4-w < tornadoLeft-8 && r-l > w+8 { // no room left of the bar: inside it
			return append(out, text{body: v, x: l + 4, y: y + h - 2, style: inside})
		}
		return append(out, rightText(measure, v, l-4, y+h-2, st))
	}
	if r+4+w > tornadoWidth-4 && r-l > w+8 {
		return append(out, rightText(measure, v, r-4, y+h-2, inside))
	}
	return append(out, text{body: v, x: r + 4, y: y + h - 2, style: st})
}
