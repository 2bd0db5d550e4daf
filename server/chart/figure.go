package chart

import "github.com/golang/freetype/truetype"

// A figure is a chart as this package decides it: its size, title and
// padding, its value axis, and the shapes drawn on it. render.go hands it
// to go-chart, which lays out the title and the axis and so decides the
// plot area; the shapes inside the plot area are asked for then, in pixels,
// and drawn in order.
type figure struct {
	font          *truetype.Font
	title         string
	titleSize     float64
	width, height int
	pad           insets // between the image's edges and the plot area
	// axis is the value axis at the left; nil for a chart without axes,
	// whose plot is a fixed drawing in image pixels.
	axis *valueAxis
	// xMin, xMax is the range of the hidden x axis that plotArea.x maps.
	xMin, xMax float64
	// plot returns the shapes drawn in the plot area, over the axis and
	// its grid.
	plot func(a plotArea, measure measureFunc) []shape
	// header, when set, returns shapes drawn last, in image pixels: the
	// legend above the plot.
	header func(measure measureFunc) []shape
}

// insets are distances in pixels from the four edges of the image.
type insets struct{ top, left, right, bottom int }

// valueAxis is a value (y) axis with the ticks niceAxis chose; the axis
// runs from min to max, which need not be ticks.
type valueAxis struct {
	ticks    []tick
	min, max float64
}

// plotArea is the plot area go-chart laid out, in image pixels, and its
// mapping from data to pixels.
type plotArea struct {
	left, right, bottom int
	width               int
	x                   func(v float64) int // the pixel column of x value v
	y                   func(v float64) int // the pixel row of y value v
}

// measureFunc returns the width in pixels that text takes in a style, as
// the renderer drawing the chart measures it.
type measureFunc func(text string, st textStyle) int

// A shape is one thing drawn: a rect, line, text, disc or wedge.
type shape interface{ isShape() }

// rect is a filled box with an outline (none when stroke is the zero
// color or strokeWidth is 0).
type rect struct {
	left, top, right, bottom int
	fill, stroke             color
	strokeWidth              float64
}

// line is a straight line.
type line struct {
	x1, y1, x2, y2 int
	color          color
	width          float64
}

// text is text with its baseline starting at (x, y), turned by rotate
// degrees (negative: counter-clockwise) about that point.
type text struct {
	body   string
	x, y   int
	style  textStyle
	rotate float64
}

// disc is a filled circle, outlined in its own colour.
type disc struct {
	cx, cy int
	radius float64
	color  color
}

// wedge is a slice of a disc from angle start through sweep (radians,
// clockwise from three o'clock), filled and outlined.
type wedge struct {
	cx, cy       int
	radius       float64
	start, sweep float64
	fill, stroke color
	strokeWidth  float64
}

func (rect) isShape()  {}
func (line) isShape()  {}
func (text) isShape()  {}
func (disc) isShape()  {}
func (wedge) isShape() {}

// centredText is text centred on x with its baseline at y.
func centredText(measure measureFunc, body string, x, y int, st textStyle) text {
	return text{body: body, x: x - measure(body, st)/2, y: y, style: st}
}

// rightText is text ending at x with its baseline at y.
func rightText(measure measureFunc, body string, x, y int, st textStyle) text {
	return text{body: body, x: x - measure(body, st), y: y, style: st}
}
