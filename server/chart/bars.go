package chart

import (
	"math"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
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
)

// legendItem is one entry of a legend: a swatch (or, for line, a short
// rule) in a colour and its label.
type legendItem struct {
	label string
	color drawing.Color
	line  bool
}

// bars is a bar chart's data in display units (万元 or 元): one bar per
// category, each split into parts. Positive parts stack upwards from zero
// and negative parts downwards from zero, in part order, so a stack of
// absolute amounts is drawn as it adds up (go-chart's StackedBarChart only
// draws 100% stacks).
type bars struct {
	title  string
	unit   string       // shown as "单位:…" above the value axis
	names  []string     // category labels, already shortened
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
// canvas: go-chart only knows the padding it is given.
type barLayout struct {
	width      int
	rotate     bool // category labels at -45°
	labelEvery int  // label every n-th bar when rotated labels would collide
	showValues bool
	bottom     int // padding below the plot for the labels
}

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
	if float64(widest+4) > slot {
		l.rotate = true
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

// drawBars renders a bar chart. The value axis is go-chart's left
// (secondary) y axis with ticks chosen here so it always includes zero and
// never has a zero span; the x axis is hidden and the category labels are
// drawn by the series, which knows where its bars are.
func drawBars(b *bars, f Format) ([]byte, error) {
	ft, err := loadFont()
	if err != nil {
		return nil, err
	}
	m := newMeasurer(ft)
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
	title, tsize := m.fit(b.title, titleSize, 11, l.width-2*sideMargin)

	axisStyle := gochart.Style{
		Font: ft, FontSize: axisSize, FontColor: colorMutedText,
		StrokeColor: colorAxis, StrokeWidth: 1,
	}
	yaxis := gochart.YAxis{
		AxisType:       gochart.YAxisSecondary,
		Style:          axisStyle,
		Range:          &axisRange{ContinuousRange: gochart.ContinuousRange{Min: ymin, Max: ymax}, ticks: ticks},
		GridMajorStyle: gochart.Style{StrokeColor: colorGrid, StrokeWidth: 1},
		GridMinorStyle: gochart.Style{StrokeColor: colorGrid, StrokeWidth: 1},
	}
	// go-chart checks the primary range even when that axis is hidden and
	// unused: give it a valid one.
	primary := gochart.YAxis{Style: gochart.Hidden(), Range: &gochart.ContinuousRange{Min: ymin, Max: ymax}}

	c := gochart.Chart{
		Title:      title,
		TitleStyle: gochart.Style{Font: ft, FontSize: tsize, FontColor: colorText, Padding: gochart.Box{Top: 14}},
		Width:      l.width,
		Height:     chartHeight,
		DPI:        dpi,
		Font:       ft,
		Background: gochart.Style{
			FillColor: colorBackground,
			Padding:   gochart.Box{Top: headerHeight, Left: sideMargin, Right: sideMargin + 8, Bottom: l.bottom},
		},
		Canvas: gochart.Style{FillColor: colorBackground},
		XAxis: gochart.XAxis{
			Style: gochart.Hidden(),
			Range: &gochart.ContinuousRange{Min: -0.5, Max: float64(n) - 0.5},
		},
		YAxis:          primary,
		YAxisSecondary: yaxis,
		Series:         []gochart.Series{&barSeries{b: b, l: l, font: ft}},
	}
	items := append([]legendItem(nil), b.parts...)
	if b.mark != nil {
		items = append(items, *b.mark)
	}
	c.Elements = []gochart.Renderable{legend(ft, items, b.unit, l.width)}
	return render(c, f)
}

// barSeries draws the bars, the zero line, the markers, the value labels
// and the category labels. It implements gochart.Series.
type barSeries struct {
	b    *bars
	l    barLayout
	font *truetype.Font
}

// GetName implements gochart.Series.
func (s *barSeries) GetName() string { return s.b.title }

// GetYAxis implements gochart.Series: the left axis.
func (s *barSeries) GetYAxis() gochart.YAxisType { return gochart.YAxisSecondary }

// GetStyle implements gochart.Series.
func (s *barSeries) GetStyle() gochart.Style { return gochart.Style{} }

// Validate implements gochart.Series.
func (s *barSeries) Validate() error { return nil }

// Render implements gochart.Series.
func (s *barSeries) Render(r gochart.Renderer, canvas gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	b := s.b
	y := func(v float64) int { return canvas.Bottom - yr.Translate(v) }
	slot := float64(canvas.Width()) / float64(max(len(b.names), 1))
	half := max(1, int(slot*barFill/2))
	stroke := 0.0
	if slot >= 12 {
		stroke = 1 // white seams between stacked parts
	}
	valueStyle := textStyle(s.font, valueSize, colorText)
	for i, row := range b.values {
		cx := canvas.Left + xr.Translate(float64(i))
		var pos, neg float64
		for k, v := range row {
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
			col := b.parts[k].color
			top, bottom := min(y(from), y(to)), max(y(from), y(to))
			gochart.Draw.Box(r, gochart.Box{Left: cx - half, Right: cx + half, Top: top, Bottom: bottom},
				gochart.Style{FillColor: col, StrokeColor: colorBackground, StrokeWidth: stroke})
		}
		if i < len(b.marks) && !math.IsNaN(b.marks[i]) {
			my := y(b.marks[i])
			gochart.Style{StrokeColor: colorMark, StrokeWidth: 2}.WriteDrawingOptionsToRenderer(r)
			r.MoveTo(cx-half-2, my)
			r.LineTo(cx+half+2, my)
			r.Stroke()
			r.ResetStyle()
		}
		if s.l.showValues && i < len(b.labels) && b.labels[i] != "" {
			w := gochart.Draw.MeasureText(r, b.labels[i], valueStyle).Width()
			ly := y(pos) - 4
			if pos == 0 && neg < 0 {
				ly = y(neg) + 4 + int(drawing.PointsToPixels(dpi, valueSize))
			}
			gochart.Draw.Text(r, b.labels[i], cx-w/2, ly, valueStyle)
		}
	}
	// the zero line, over the bars' seams
	gochart.Style{StrokeColor: colorZeroLine, StrokeWidth: 1}.WriteDrawingOptionsToRenderer(r)
	r.MoveTo(canvas.Left, y(0))
	r.LineTo(canvas.Right, y(0))
	r.Stroke()
	r.ResetStyle()
	s.drawNames(r, canvas, xr)
}

// drawNames writes the category labels under the plot: centred under
// their bars, or at -45° ending under their bars when they do not fit.
func (s *barSeries) drawNames(r gochart.Renderer, canvas gochart.Box, xr gochart.Range) {
	st := textStyle(s.font, labelSize, colorText)
	h := int(drawing.PointsToPixels(dpi, labelSize))
	for i, name := range s.b.names {
		if name == "" || i%s.l.labelEvery != 0 {
			continue
		}
		cx := canvas.Left + xr.Translate(float64(i))
		w := gochart.Draw.MeasureText(r, name, st).Width()
		if !s.l.rotate {
			gochart.Draw.Text(r, name, cx-w/2, canvas.Bottom+labelGap+h, st)
			continue
		}
		// Baseline start O so that the text's end, raised by 0.4 em to the
		// middle of the glyphs, lands just under the bar: with u the
		// baseline direction (cos −45°, sin −45°) and v the glyphs' up
		// direction, O = P − w·u − 0.4h·v.
		const c = math.Sqrt2 / 2
		ox := float64(cx) - c*float64(w) + 0.4*c*float64(h)
		oy := float64(canvas.Bottom+labelGap) + c*float64(w) + 0.4*c*float64(h)
		rot := st
		rot.TextRotationDegrees = -45
		gochart.Draw.Text(r, name, int(ox), int(oy), rot)
		r.ClearTextRotation()
	}
}

// legend draws the legend centred in a row under the title, and the unit
// of the value axis at the left of that row.
func legend(ft *truetype.Font, items []legendItem, unit string, width int) gochart.Renderable {
	return func(r gochart.Renderer, canvas gochart.Box, _ gochart.Style) {
		st := textStyle(ft, legendSize, colorText)
		const sw, gap, pad = 12, 6, 22 // swatch, swatch-to-text, between items
		total := 0
		widths := make([]int, len(items))
		for i, it := range items {
			widths[i] = gochart.Draw.MeasureText(r, it.label, st).Width()
			total += sw + gap + widths[i]
			if i > 0 {
				total += pad
			}
		}
		base := headerHeight - 20 // text baseline
		x := (width - total) / 2
		for i, it := range items {
			if it.line {
				gochart.Style{StrokeColor: it.color, StrokeWidth: 2}.WriteDrawingOptionsToRenderer(r)
				r.MoveTo(x, base-5)
				r.LineTo(x+sw, base-5)
				r.Stroke()
				r.ResetStyle()
			} else {
				gochart.Draw.Box(r, gochart.Box{Left: x, Right: x + sw, Top: base - sw + 1, Bottom: base + 1},
					gochart.Style{FillColor: it.color, StrokeColor: it.color, StrokeWidth: 1})
			}
			gochart.Draw.Text(r, it.label, x+sw+gap, base, st)
			x += sw + gap + widths[i] + pad
		}
		if unit != "" {
			gochart.Draw.Text(r, "单位:"+unit, sideMargin, base, textStyle(ft, axisSize, colorMutedText))
		}
	}
}
