package chart

// render.go is the only file of the package that imports go-chart: it
// turns a figure into a gochart.Chart, and shapes into renderer calls.

import (
	"bytes"
	"fmt"
	"math"

	"github.com/caili/caili/internal/msg"
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// render draws fig in format f and returns the bytes. go-chart writes a
// partial image before it returns some errors; nothing is returned then.
func render(fig figure, f Format) ([]byte, error) {
	rp, err := provider(f)
	if err != nil {
		return nil, err
	}
	c := goChart(fig)
	var buf bytes.Buffer
	if err := c.Render(rp, &buf); err != nil {
		return nil, fmt.Errorf("render %s chart: %w", f, err)
	}
	if f == SVG && c.Font != nil {
		return fixFontFamily(buf.Bytes(), c.Font), nil
	}
	return buf.Bytes(), nil
}

// goChart builds the go-chart chart of a figure. With a value axis, it is
// go-chart's left (secondary) y axis with the figure's ticks; go-chart
// checks the primary range even when that axis is hidden and unused, so
// it gets a valid one. Without, every axis is hidden.
func goChart(fig figure) gochart.Chart {
	ft := fig.font
	c := gochart.Chart{
		Title:      fig.title,
		TitleStyle: gochart.Style{Font: ft, FontSize: fig.titleSize, FontColor: goColor(colorText), Padding: gochart.Box{Top: 14}},
		Width:      fig.width,
		Height:     fig.height,
		DPI:        dpi,
		Font:       ft,
		Background: gochart.Style{
			FillColor: goColor(colorBackground),
			Padding:   gochart.Box{Top: fig.pad.top, Left: fig.pad.left, Right: fig.pad.right, Bottom: fig.pad.bottom},
		},
		Canvas: gochart.Style{FillColor: goColor(colorBackground)},
		XAxis: gochart.XAxis{
			Style: gochart.Hidden(),
			Range: &gochart.ContinuousRange{Min: fig.xMin, Max: fig.xMax},
		},
	}
	s := &series{fig: fig, axis: gochart.YAxisPrimary}
	if a := fig.axis; a != nil {
		ticks := make([]gochart.Tick, len(a.ticks))
		for i, t := range a.ticks {
			ticks[i] = gochart.Tick{Value: t.Value, Label: t.Label}
		}
		c.YAxis = gochart.YAxis{Style: gochart.Hidden(), Range: &gochart.ContinuousRange{Min: a.min, Max: a.max}}
		c.YAxisSecondary = gochart.YAxis{
			AxisType: gochart.YAxisSecondary,
			Style: gochart.Style{
				Font: ft, FontSize: axisSize, FontColor: goColor(colorMutedText),
				StrokeColor: goColor(colorAxis), StrokeWidth: 1,
			},
			Range:          &axisRange{ContinuousRange: gochart.ContinuousRange{Min: a.min, Max: a.max}, ticks: ticks},
			GridMajorStyle: gochart.Style{StrokeColor: goColor(colorGrid), StrokeWidth: 1},
			GridMinorStyle: gochart.Style{StrokeColor: goColor(colorGrid), StrokeWidth: 1},
		}
		s.axis = gochart.YAxisSecondary
	} else {
		c.YAxis = gochart.YAxis{Style: gochart.Hidden(), Range: &gochart.ContinuousRange{Min: 0, Max: 1}}
		c.YAxisSecondary = gochart.YAxis{Style: gochart.Hidden()}
	}
	c.Series = []gochart.Series{s}
	if fig.header != nil {
		c.Elements = []gochart.Renderable{func(r gochart.Renderer, _ gochart.Box, _ gochart.Style) {
			draw(r, ft, fig.header(measureWith(r, ft)))
		}}
	}
	return c
}

// provider returns the go-chart renderer provider of a format. SVG
// renderers are wrapped so text is XML-escaped.
func provider(f Format) (gochart.RendererProvider, error) {
	switch f {
	case PNG:
		return gochart.PNG, nil
	case SVG:
		return func(w, h int) (gochart.Renderer, error) {
			r, err := gochart.SVG(w, h)
			if err != nil {
				return nil, err
			}
			return escapingRenderer{r}, nil
		}, nil
	}
	return nil, fail(ErrUnknownFormat, msg.ChartUnknownFormat, fmt.Sprint(f))
}

// escapingRenderer XML-escapes text before go-chart's SVG renderer writes
// it, which it does verbatim. Measuring still sees the raw text, so layout
// is unchanged.
type escapingRenderer struct{ gochart.Renderer }

// Text draws body, escaped, at (x, y).
func (e escapingRenderer) Text(body string, x, y int) {
	e.Renderer.Text(escapeXML(body), x, y)
}

// axisRange is a value range with its own ticks. go-chart stretches a
// range given by an axis' Ticks to the outermost ticks; a range that
// provides its ticks keeps its own ends, which need not be ticks.
type axisRange struct {
	gochart.ContinuousRange
	ticks []gochart.Tick
}

// GetTicks implements gochart.TicksProvider.
func (a *axisRange) GetTicks(gochart.Renderer, gochart.Style, gochart.ValueFormatter) []gochart.Tick {
	return a.ticks
}

// series draws a figure's plot once go-chart has laid out the plot area.
// It implements gochart.Series.
type series struct {
	fig  figure
	axis gochart.YAxisType
}

// GetName implements gochart.Series.
func (s *series) GetName() string { return s.fig.title }

// GetYAxis implements gochart.Series: the axis whose range maps values.
func (s *series) GetYAxis() gochart.YAxisType { return s.axis }

// GetStyle implements gochart.Series.
func (s *series) GetStyle() gochart.Style { return gochart.Style{} }

// Validate implements gochart.Series.
func (s *series) Validate() error { return nil }

// Render implements gochart.Series.
func (s *series) Render(r gochart.Renderer, canvas gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	a := plotArea{
		left:   canvas.Left,
		right:  canvas.Right,
		bottom: canvas.Bottom,
		width:  canvas.Width(),
		x:      func(v float64) int { return canvas.Left + xr.Translate(v) },
		y:      func(v float64) int { return canvas.Bottom - yr.Translate(v) },
	}
	draw(r, s.fig.font, s.fig.plot(a, measureWith(r, s.fig.font)))
}

// textScale is how much larger than its point size format f draws text.
// go-chart's SVG renderer sets size points at dpi/72 pixels a point, as
// golang/freetype's faces do; its PNG renderer gives the rasterizer
// points·dpi as the font's scale in 26.6 fixed point, so one em is
// points·dpi/64 pixels, 72/64 as large. PNG text is 12.5% wider than SVG
// text of the same size, and layout must know.
func textScale(f Format) float64 {
	if f == PNG {
		return 72.0 / 64
	}
	return 1
}

// measureWith measures text with the renderer that draws it.
func measureWith(r gochart.Renderer, ft *truetype.Font) measureFunc {
	return func(body string, st textStyle) int {
		return gochart.Draw.MeasureText(r, body, goText(ft, st)).Width()
	}
}

// draw draws shapes in order.
func draw(r gochart.Renderer, ft *truetype.Font, shapes []shape) {
	for _, sh := range shapes {
		switch sh := sh.(type) {
		case rect:
			gochart.Draw.Box(r, gochart.Box{Left: sh.left, Top: sh.top, Right: sh.right, Bottom: sh.bottom},
				gochart.Style{FillColor: goColor(sh.fill), StrokeColor: goColor(sh.stroke), StrokeWidth: sh.strokeWidth})
		case line:
			gochart.Style{StrokeColor: goColor(sh.color), StrokeWidth: sh.width}.WriteDrawingOptionsToRenderer(r)
			r.MoveTo(sh.x1, sh.y1)
			r.LineTo(sh.x2, sh.y2)
			r.Stroke()
			r.ResetStyle()
		case text:
			st := goText(ft, sh.style)
			st.TextRotationDegrees = sh.rotate
			gochart.Draw.Text(r, sh.body, sh.x, sh.y, st)
			if sh.rotate != 0 {
				r.ClearTextRotation()
			}
		case disc:
			// Two half arcs: an SVG arc whose ends meet draws nothing, and
			// go-chart's Circle does not fill on the raster renderer.
			c := goColor(sh.color)
			gochart.Style{FillColor: c, StrokeColor: c, StrokeWidth: 1}.WriteToRenderer(r)
			r.ArcTo(sh.cx, sh.cy, sh.radius, sh.radius, 0, math.Pi)
			r.ArcTo(sh.cx, sh.cy, sh.radius, sh.radius, math.Pi, math.Pi)
			r.Close()
			r.FillStroke()
			r.ResetStyle()
		case wedge:
			gochart.Style{FillColor: goColor(sh.fill), StrokeColor: goColor(sh.stroke), StrokeWidth: sh.strokeWidth}.WriteToRenderer(r)
			r.MoveTo(sh.cx, sh.cy)
			r.ArcTo(sh.cx, sh.cy, sh.radius, sh.radius, sh.start, sh.sweep)
			r.LineTo(sh.cx, sh.cy)
			r.Close()
			r.FillStroke()
			r.ResetStyle()
		default:
			panic(fmt.Sprintf("chart: unknown shape %T", sh))
		}
	}
}

// goText is the go-chart style of text in the embedded font.
func goText(ft *truetype.Font, st textStyle) gochart.Style {
	return gochart.Style{Font: ft, FontSize: st.size, FontColor: goColor(st.color)}
}

// goColor converts a color.
func goColor(c color) drawing.Color { return drawing.Color(c) }
