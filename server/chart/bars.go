package chart

import (
	"math"

	"github.com/caili/caili/internal/msg"
)

// Bar chart geometry, in pixels.
const (
	chartHeight   = 600
	minWidth      = 1200
	maxWidth      = 12000
	minSlot       = 22 // narrowest slot per bar before the chart widens
	sideMargin    = 16
	headerHeight  = 84 // title and legend above the plot
	labelGap      = 6  // between the plot and the category labels
	barFill       = 0.7
	valueLabelMax = 60 // bars beyond this many never get value labels
	labelPad      = 4  // least room between neighbouring category labels
)

// rotatedRef is as wide as the widest category label drawn at -45°:
// eight ideographs. Longer names are shortened to its width, so the labels
// under the plot take a bounded height.
var rotatedRef = msg.ChartWidthRef.In(msg.Zh)

// Legend text widths, in pixels: an entry's label, and the unit.
const (
	legendLabelMax = 360
	unitMax        = 240
)

// legendItem is one entry of a legend: a swatch (or, for line, a short
// rule) in a colour and its label.
type legendItem struct {
	label string
	color color
	line  bool
}

// bars is a bar chart's data in display units (万元 or 元): one bar per
// category, each split into parts. Positive parts stack upwards from zero
// and negative parts downwards from zero, in part order, so a stack of
// absolute amounts is drawn as it adds up (go-chart's StackedBarChart only
// draws 100% stacks).
type bars struct {
	plan   string       // the plan's name, which the title starts with
	title  string       // the rest of the title
	unit   string       // shown as "单位:…" above the value axis
	names  []string     // category labels, whole (see label)
	parts  []legendItem // one per part, in stacking order
	values [][]float64  // values[i][k]: bar i, part k
	marks  []float64    // optional marker per bar (NaN: none), e.g. the net total
	mark   *legendItem  // legend entry of the markers
	labels []string     // optional value label per bar
	// symmetric keeps zero in the middle of the value axis when all values
	// are zero (charts of changes).
	symmetric bool
}

// extent returns the lowest and highest points the bars and marks reach.
func (b *bars) extent() (lo, hi float64) {
	for i, row := range b.values {
		var pos, neg float64
		for _, v := range row {
			if v > 0 {
				pos += v
			} else {
				neg += v
			}
		}
		lo, hi = math.Min(lo, neg), math.Max(hi, pos)
		if i < len(b.marks) && !math.IsNaN(b.marks[i]) {
			lo, hi = math.Min(lo, b.marks[i]), math.Max(hi, b.marks[i])
		}
	}
	return lo, hi
}

// barLayout is where things go, decided before go-chart lays out the
// plot area: go-chart only knows the padding it is given.
type barLayout struct {
	width      int
	rotate     bool // category labels at -45°
	labelEvery int  // label every n-th bar when rotated labels would collide
	showValues bool
	bottom     int // padding below the plot for the labels
}

// layoutBars decides the chart's width and where the category labels go:
// level under their bars when the widest name fits its slot, or when a
// slot is at least as wide as a rotated label may be (names are then
// shortened to their slot); otherwise at -45°, shortened to rotatedRef.
// The slot here is a little narrower than the one go-chart lays out, which
// is not known yet: its value axis takes less than the 100 pixels allowed.
func layoutBars(b *bars, m *measurer) barLayout {
	n := max(len(b.names), 1)
	l := barLayout{width: minWidth, labelEvery: 1}
	if need := 2*sideMargin + 100 + n*minSlot; need > l.width {
		l.width = min(need, maxWidth)
	}
	slot := float64(l.width-2*sideMargin-100) / float64(n)
	widest := 0
	for _, s := range b.names {
		widest = max(widest, m.width(s, labelSize))
	}
	h := m.height(labelSize)
	rotated := m.width(rotatedRef, labelSize)
	if float64(widest+labelPad) > slot && slot-labelPad < float64(rotated) {
		l.rotate = true
		widest = min(widest, rotated)
		// labels at 45° are slot·sin 45° apart, perpendicular to their text
		l.labelEvery = max(1, int(math.Ceil(float64(h+2)/(slot*math.Sqrt2/2))))
		l.bottom = int(math.Ceil(math.Sqrt2/2*float64(widest+h))) + 2*labelGap
	} else {
		l.bottom = h + 3*labelGap
	}
	if len(b.labels) > 0 && len(b.names) <= valueLabelMax {
		l.showValues = true
		for _, s := range b.labels {
			if float64(m.width(s, valueSize)+2) > slot {
				l.showValues = false
				break
			}
		}
	}
	return l
}

// drawBars renders a bar chart in format f.
func drawBars(b *bars, f Format) ([]byte, error) {
	fig, err := barFigure(b, f)
	if err != nil {
		return nil, err
	}
	return render(fig, f)
}

// barFigure lays out a bar chart. The value axis is go-chart's left axis
// with ticks chosen here so it always includes zero and never has a zero
// span; the x axis is hidden and the category labels are drawn with the
// bars, which know where they are. Text is measured as format f draws it.
func barFigure(b *bars, f Format) (figure, error) {
	ft, err := loadFont()
	if err != nil {
		return figure{}, err
	}
	m := newMeasurer(ft, f)
	l := layoutBars(b, m)
	lo, hi := b.extent()
	if l.showValues {
		// headroom for the value labels
		pad := (hi - lo) * 0.08
		if hi > 0 {
			hi += pad
		}
		if lo < 0 {
			lo -= pad
		}
	}
	ticks, ymin, ymax := niceAxis(lo, hi, b.symmetric)
	n := max(len(b.names), 1)
	title, tsize := m.fitTitle(b.plan, b.title, titleSize, 11, l.width-2*sideMargin)
	items := append([]legendItem(nil), b.parts...)
	if b.mark != nil {
		items = append(items, *b.mark)
	}
	return figure{
		font:      ft,
		title:     title,
		titleSize: tsize,
		width:     l.width,
		height:    chartHeight,
		pad:       insets{top: headerHeight, left: sideMargin, right: sideMargin + 8, bottom: l.bottom},
		axis:      &valueAxis{ticks: ticks, min: ymin, max: ymax},
		xMin:      -0.5,
		xMax:      float64(n) - 0.5,
		plot: func(a plotArea, measure measureFunc) []shape {
			return b.shapes(l, a, measure)
		},
		header: func(measure measureFunc) []shape {
			return legend(items, b.unit, l.width, measure)
		},
	}, nil
}

// shapes draws the bars, the markers, the value labels, the zero line and
// the category labels in the plot area.
func (b *bars) shapes(l barLayout, a plotArea, measure measureFunc) []shape {
	slot := float64(a.width) / float64(max(len(b.names), 1))
	half := max(1, int(slot*barFill/2))
	stroke := 0.0
	if slot >= 12 {
		stroke = 1 // white seams between stacked parts
	}
	var out []shape
	for i := range b.values {
		out = b.bar(out, i, l, a, half, stroke, measure)
	}
	// the zero line, over the bars' seams
	out = append(out, line{x1: a.left, y1: a.y(0), x2: a.right, y2: a.y(0), color: colorZeroLine, width: 1})
	return b.categoryLabels(out, l, a, measure)
}

// bar appends bar i: its stacked parts, its marker and its value label.
// Each part is half pixels either side of the bar's centre, outlined by
// stroke pixels.
func (b *bars) bar(out []shape, i int, l barLayout, a plotArea, half int, stroke float64, measure measureFunc) []shape {
	cx := a.x(float64(i))
	var pos, neg float64
	for k, v := range b.values[i] {
		if v == 0 {
			continue
		}
		from := pos
		if v > 0 {
			pos += v
		} else {
			from = neg
			neg += v
		}
		to := from + v
		top, bottom := min(a.y(from), a.y(to)), max(a.y(from), a.y(to))
		out = append(out, rect{left: cx - half, top: top, right: cx + half, bottom: bottom,
			fill: b.parts[k].color, stroke: colorBackground, strokeWidth: stroke})
	}
	if i < len(b.marks) && !math.IsNaN(b.marks[i]) {
		my := a.y(b.marks[i])
		out = append(out, line{x1: cx - half - 2, y1: my, x2: cx + half + 2, y2: my, color: colorMark, width: 2})
	}
	if l.showValues && i < len(b.labels) && b.labels[i] != "" {
		st := textStyle{valueSize, colorText}
		ly := a.y(pos) - 4
		if pos == 0 && neg < 0 {
			ly = a.y(neg) + 4 + int(pointsToPixels(valueSize))
		}
		out = append(out, centredText(measure, b.labels[i], cx, ly, st))
	}
	return out
}

// categoryLabels appends the category labels under the plot: centred under
// their bars, shortened to their slot of the plot drawn; or at -45° ending
// under their bars, shortened to rotatedRef and to the room left of their
// bar. Widths are the renderer's.
func (b *bars) categoryLabels(out []shape, l barLayout, a plotArea, measure measureFunc) []shape {
	st := textStyle{labelSize, colorText}
	h := int(pointsToPixels(labelSize))
	width := func(s string) int { return measure(s, st) }
	room := a.width/max(len(b.names), 1) - labelPad
	if l.rotate {
		room = width(rotatedRef)
	}
	// c is sin 45°; lift raises the rotated text's end by 0.4 em, to the
	// middle of the glyphs
	const c = math.Sqrt2 / 2
	lift := 0.4 * c * float64(h)
	for i, name := range b.names {
		if name == "" || i%l.labelEvery != 0 {
			continue
		}
		cx := a.x(float64(i))
		if !l.rotate {
			name, w := fitText(name, room, width)
			out = append(out, text{body: name, x: cx - w/2, y: a.bottom + labelGap + h, style: st})
			continue
		}
		// Baseline start O so that the text's end, lifted, lands just
		// under the bar: with u the baseline direction (cos −45°, sin −45°)
		// and v the glyphs' up direction, O = P − w·u − 0.4h·v. The glyphs'
		// top left corner O + h·v is kept inside the image: c·(w + h) ≤
		// cx + lift − 2.
		name, w := fitText(name, min(room, int((float64(cx)+lift-2)/c)-h), width)
		ox := float64(cx) - c*float64(w) + lift
		oy := float64(a.bottom+labelGap) + c*float64(w) + lift
		out = append(out, text{body: name, x: int(ox), y: int(oy), style: st, rotate: -45})
	}
	return out
}

// legend draws the legend centred in a row under the title, and the unit
// of the value axis at the left of that row; width is the image's. Labels
// are shortened to legendLabelMax pixels, the unit to unitMax.
func legend(items []legendItem, unit string, width int, measure measureFunc) []shape {
	st := textStyle{legendSize, colorText}
	const sw, gap, pad = 12, 6, 22 // swatch, swatch-to-text, between items
	total := 0
	labels, widths := make([]string, len(items)), make([]int, len(items))
	for i, it := range items {
		labels[i], widths[i] = fitText(it.label, legendLabelMax, func(s string) int { return measure(s, st) })
		total += sw + gap + widths[i]
		if i > 0 {
			total += pad
		}
	}
	base := headerHeight - 20 // text baseline
	x := (width - total) / 2
	var out []shape
	for i, it := range items {
		if it.line {
			out = append(out, line{x1: x, y1: base - 5, x2: x + sw, y2: base - 5, color: it.color, width: 2})
		} else {
			out = append(out, rect{left: x, top: base - sw + 1, right: x + sw, bottom: base + 1,
				fill: it.color, stroke: it.color, strokeWidth: 1})
		}
		out = append(out, text{body: labels[i], x: x + sw + gap, y: base, style: st})
		x += sw + gap + widths[i] + pad
	}
	if unit != "" {
		ust := textStyle{axisSize, colorMutedText}
		unit, _ = fitText(msg.ChartUnit.In(msg.Zh, unit), unitMax, func(s string) int { return measure(s, ust) })
		out = append(out, text{body: unit, x: sideMargin, y: base, style: ust})
	}
	return out
}
