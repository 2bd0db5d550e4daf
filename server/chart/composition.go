package chart

import (
	"fmt"
	"math"

	"github.com/caili/caili/formula"
	"github.com/golang/freetype/truetype"
	"github.com/shopspring/decimal"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Donut geometry, in pixels.
const (
	donutWidth  = 1200
	donutHeight = 600
	donutCX     = 330
	donutCY     = 330
	donutOuter  = 215.0
	donutInner  = 120.0
	tableLeft   = 640
	rowHeight   = 32
)

// slice is one part of the capacity.
type slice struct {
	label  string
	color  drawing.Color
	amount decimal.Decimal
}

// compositionSlices splits the capacity into the stages and reserves. By
// the accounting identity they add up to the capacity exactly. Damping is
// net over the district: when the ceilings cut more than the floors add
// (a negative net), a slice cannot show it, so it is folded into the
// block grant, which the cuts come from, and folded reports it. For every
// sub-district block + damping ≥ 0, so the folded slice is never negative.
func compositionSlices(res *formula.Result) (slices []slice, folded bool) {
	t := res.Totals()
	block, damping := t[4], t[5]
	blockLabel := componentLabels[4]
	if damping.IsNegative() {
		block, damping, folded = block.Add(damping), decimal.Zero, true
		blockLabel = "因素分配(扣除封顶)"
	}
	return []slice{
		{componentLabels[0], colorPersonnel, t[0]},
		{componentLabels[1], colorPublic, t[1]},
		{componentLabels[2], colorProjects, t[2]},
		{componentLabels[3], colorIncentive, t[3]},
		{blockLabel, colorBlock, block},
		{"保底补助", colorDamping, damping},
		{"预备费", colorReserve, res.Reserve},
		{"绩效预留", colorPerfRes, res.PerformanceReserve},
		{"封顶结余", colorDampRes, res.DampingReserve},
	}, folded
}

// Composition draws the district's capacity as a donut: personnel,
// public, projects, incentive, block and damping (net; see below), the
// reserve (预备费), the performance reserve and the damping reserve, with
// a table of amounts (万元) and shares beside it. A negative net damping
// is folded into the block slice, labelled 因素分配(扣除封顶), and a note
// says so; the slices then still add up to the capacity. Zero slices are
// listed but not drawn; a zero capacity draws a grey ring.
func Composition(res *formula.Result, f Format) ([]byte, error) {
	if err := checkResult("the", res); err != nil {
		return nil, err
	}
	ft, err := loadFont()
	if err != nil {
		return nil, err
	}
	slices, folded := compositionSlices(res)
	m := newMeasurer(ft)
	title, tsize := m.fit(res.Plan.Name+" · 财力总额构成", titleSize, 11, donutWidth-2*sideMargin)
	c := gochart.Chart{
		Title:          title,
		TitleStyle:     gochart.Style{Font: ft, FontSize: tsize, FontColor: colorText, Padding: gochart.Box{Top: 14}},
		Width:          donutWidth,
		Height:         donutHeight,
		DPI:            dpi,
		Font:           ft,
		Background:     gochart.Style{FillColor: colorBackground, Padding: gochart.Box{Top: headerHeight, Left: sideMargin, Right: sideMargin, Bottom: sideMargin}},
		Canvas:         gochart.Style{FillColor: colorBackground},
		XAxis:          gochart.XAxis{Style: gochart.Hidden(), Range: &gochart.ContinuousRange{Min: 0, Max: 1}},
		YAxis:          gochart.YAxis{Style: gochart.Hidden(), Range: &gochart.ContinuousRange{Min: 0, Max: 1}},
		YAxisSecondary: gochart.YAxis{Style: gochart.Hidden()},
		Series:         []gochart.Series{&donutSeries{slices: slices, folded: folded, font: ft}},
	}
	return render(c, f)
}

// donutSeries draws the donut and its table. It implements gochart.Series;
// the chart's axes are hidden.
type donutSeries struct {
	slices []slice
	folded bool
	font   *truetype.Font
}

// GetName implements gochart.Series.
func (s *donutSeries) GetName() string { return "composition" }

// GetYAxis implements gochart.Series.
func (s *donutSeries) GetYAxis() gochart.YAxisType { return gochart.YAxisPrimary }

// GetStyle implements gochart.Series.
func (s *donutSeries) GetStyle() gochart.Style { return gochart.Style{} }

// Validate implements gochart.Series.
func (s *donutSeries) Validate() error { return nil }

// Render implements gochart.Series.
func (s *donutSeries) Render(r gochart.Renderer, _ gochart.Box, _, _ gochart.Range, _ gochart.Style) {
	total := decimal.Zero
	for _, sl := range s.slices {
		total = total.Add(sl.amount)
	}
	share := func(d decimal.Decimal) float64 {
		if !total.IsPositive() {
			return 0
		}
		return d.Div(total).InexactFloat64()
	}
	if !total.IsPositive() {
		fillCircle(r, donutCX, donutCY, donutOuter, colorGrid)
	}
	start := -math.Pi / 2 // twelve o'clock, then clockwise
	for _, sl := range s.slices {
		p := share(sl.amount)
		if p <= 0 {
			continue
		}
		delta := 2 * math.Pi * p
		if p >= 1-1e-9 {
			fillCircle(r, donutCX, donutCY, donutOuter, sl.color)
		} else {
			gochart.Style{FillColor: sl.color, StrokeColor: colorBackground, StrokeWidth: 2}.WriteToRenderer(r)
			r.MoveTo(donutCX, donutCY)
			r.ArcTo(donutCX, donutCY, donutOuter, donutOuter, start, delta)
			r.LineTo(donutCX, donutCY)
			r.Close()
			r.FillStroke()
			r.ResetStyle()
		}
		start += delta
	}
	fillCircle(r, donutCX, donutCY, donutInner, colorBackground)
	s.drawShares(r, share)

	// centre: the capacity
	big := textStyle(s.font, 18, colorText)
	small := textStyle(s.font, 11, colorMutedText)
	centred(r, "财力总额", donutCX, donutCY-14, small)
	centred(r, formatWan(total, false), donutCX, donutCY+14, big)
	centred(r, "万元", donutCX, donutCY+36, small)

	s.drawTable(r, total, share)
}

// drawShares writes the share of every slice of at least 4% on the ring.
func (s *donutSeries) drawShares(r gochart.Renderer, share func(decimal.Decimal) float64) {
	st := textStyle(s.font, 10, drawing.ColorWhite)
	start := -math.Pi / 2
	for _, sl := range s.slices {
		p := share(sl.amount)
		if p >= 0.04 {
			mid := start + math.Pi*p
			rad := (donutOuter + donutInner) / 2
			x := donutCX + int(rad*math.Cos(mid))
			y := donutCY + int(rad*math.Sin(mid))
			centred(r, fmt.Sprintf("%.1f%%", 100*p), x, y+5, st)
		}
		start += 2 * math.Pi * p
	}
}

// drawTable lists every slice with its amount and share beside the donut.
func (s *donutSeries) drawTable(r gochart.Renderer, total decimal.Decimal, share func(decimal.Decimal) float64) {
	st := textStyle(s.font, legendSize, colorText)
	head := textStyle(s.font, legendSize, colorMutedText)
	const amountRight, shareRight = tableLeft + 380, tableLeft + 480
	rows := len(s.slices) + 2 // header and total
	y := donutCY - rows*rowHeight/2 + rowHeight/2
	rightText(r, "金额(万元)", amountRight, y, head)
	rightText(r, "占比", shareRight, y, head)
	for _, sl := range s.slices {
		y += rowHeight
		gochart.Draw.Box(r, gochart.Box{Left: tableLeft, Right: tableLeft + 14, Top: y - 13, Bottom: y + 1},
			gochart.Style{FillColor: sl.color, StrokeColor: sl.color, StrokeWidth: 1})
		gochart.Draw.Text(r, sl.label, tableLeft+24, y, st)
		rightText(r, formatWan(sl.amount, false), amountRight, y, st)
		rightText(r, percent(sl.amount, total, share), shareRight, y, st)
	}
	y += rowHeight
	gochart.Style{StrokeColor: colorAxis, StrokeWidth: 1}.WriteDrawingOptionsToRenderer(r)
	r.MoveTo(tableLeft, y-rowHeight+10)
	r.LineTo(shareRight, y-rowHeight+10)
	r.Stroke()
	r.ResetStyle()
	gochart.Draw.Text(r, "合计(财力总额)", tableLeft+24, y, st)
	rightText(r, formatWan(total, false), amountRight, y, st)
	rightText(r, percent(total, total, share), shareRight, y, st)
	if s.folded {
		note := textStyle(s.font, 9, colorMutedText)
		gochart.Draw.Text(r, "注:保底封顶净额为负(封顶扣减多于保底补助),已并入因素分配。", tableLeft, y+rowHeight, note)
	}
}

func percent(d, total decimal.Decimal, share func(decimal.Decimal) float64) string {
	if !total.IsPositive() {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100*share(d))
}

// fillCircle fills a circle. It is drawn as two half arcs: an SVG arc
// whose ends meet draws nothing, and go-chart's Circle does not fill on
// the raster renderer.
func fillCircle(r gochart.Renderer, cx, cy int, radius float64, c drawing.Color) {
	gochart.Style{FillColor: c, StrokeColor: c, StrokeWidth: 1}.WriteToRenderer(r)
	r.ArcTo(cx, cy, radius, radius, 0, math.Pi)
	r.ArcTo(cx, cy, radius, radius, math.Pi, math.Pi)
	r.Close()
	r.FillStroke()
	r.ResetStyle()
}

// centred writes text centred on x with its baseline at y.
func centred(r gochart.Renderer, text string, x, y int, st gochart.Style) {
	w := gochart.Draw.MeasureText(r, text, st).Width()
	gochart.Draw.Text(r, text, x-w/2, y, st)
}

// rightText writes text ending at x with its baseline at y.
func rightText(r gochart.Renderer, text string, x, y int, st gochart.Style) {
	w := gochart.Draw.MeasureText(r, text, st).Width()
	gochart.Draw.Text(r, text, x-w, y, st)
}
