package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/golang/freetype/truetype"
	"github.com/shopspring/decimal"
	"golang.org/x/image/font"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/fonts"
	"github.com/caili/caili/internal/numfmt"
)

// fontTTF is the embedded CJK font (文泉驿微米黑, internal/fonts, shared
// with the PDF notices).
var fontTTF = fonts.CJK()

var (
	fontOnce   sync.Once
	parsedFont *truetype.Font
	fontErr    error
)

// loadFont parses the embedded font once. A *truetype.Font is read-only
// after parsing and safe to share; faces made from it are not, so every
// render makes its own (see measurer).
func loadFont() (*truetype.Font, error) {
	fontOnce.Do(func() {
		parsedFont, fontErr = truetype.Parse(fontTTF)
		if fontErr != nil {
			fontErr = fmt.Errorf("parse embedded font: %w", fontErr)
		}
	})
	return parsedFont, fontErr
}

// dpi is the resolution every chart is drawn at (go-chart's default), so
// point sizes below mean the same in PNG and SVG.
const dpi = 92.0

// pointsToPixels converts a font size in points to pixels at dpi, as
// go-chart's renderers do for line heights.
func pointsToPixels(points float64) float64 { return (points * dpi) / 72.0 }

// Font sizes in points.
const (
	titleSize  = 16.0
	legendSize = 11.0
	axisSize   = 10.0
	labelSize  = 10.0
	valueSize  = 9.0
)

// color is an RGBA colour with the layout of go-chart's drawing.Color,
// into which render.go converts it; the zero color means "none" there too.
type color struct{ R, G, B, A uint8 }

// opaque returns the opaque colour 0xRRGGBB.
func opaque(rgb uint32) color { return color{uint8(rgb >> 16), uint8(rgb >> 8), uint8(rgb), 0xFF} }

// Colours: a Tableau-10-like palette, distinguishable in print and for the
// common forms of colour blindness when combined with the legend order.
var (
	colorPersonnel  = opaque(0x4E79A7)
	colorPublic     = opaque(0xF28E2B)
	colorProjects   = opaque(0x59A14F)
	colorIncentive  = opaque(0xEDC948)
	colorBlock      = opaque(0x76B7B2)
	colorDamping    = opaque(0xE15759)
	colorReserve    = opaque(0xBAB0AC)
	colorPerfRes    = opaque(0xB07AA1)
	colorDampRes    = opaque(0x9C755F)
	colorTransfers  = opaque(0xFF9DA7)
	colorDistPool   = opaque(0x2F4B7C)
	colorManaged    = opaque(0x8CD17D)
	colorIncrease   = opaque(0x4E79A7)
	colorDecrease   = opaque(0xE15759)
	colorText       = opaque(0x333333)
	colorMutedText  = opaque(0x666666)
	colorAxis       = opaque(0x999999)
	colorGrid       = opaque(0xE5E5E5)
	colorZeroLine   = opaque(0x555555)
	colorMark       = opaque(0x222222)
	colorOnSlice    = opaque(0xFFFFFF)
	colorBackground = opaque(0xFFFFFF)
)

// componentLabels are the six components in the order of the stages
// (rules §3, formula.ComponentNames), as the terminal table and statements
// name them.
var componentLabels = formula.ComponentLabels

// componentColors colour the six components in the same order.
var componentColors = [6]color{colorPersonnel, colorPublic, colorProjects, colorIncentive, colorBlock, colorDamping}

// textStyle is the size (points) and colour of text in the embedded font.
type textStyle struct {
	size  float64
	color color
}

// measurer measures text in the embedded font as a format draws it. It
// caches one face per size; faces are not safe for concurrent use, so each
// render has its own.
type measurer struct {
	font  *truetype.Font
	scale float64 // textScale of the format
	faces map[float64]font.Face
}

// newMeasurer measures text as format f draws it.
func newMeasurer(ft *truetype.Font, f Format) *measurer {
	return &measurer{font: ft, scale: textScale(f), faces: map[float64]font.Face{}}
}

// width is the advance width of s in pixels at size points, as drawn.
func (m *measurer) width(s string, size float64) int {
	face, ok := m.faces[size]
	if !ok {
		face = truetype.NewFace(m.font, &truetype.Options{Size: size * m.scale, DPI: dpi})
		m.faces[size] = face
	}
	return font.MeasureString(face, s).Ceil()
}

// height is the line height go-chart's renderers report for size points.
func (m *measurer) height(size float64) int {
	return int(pointsToPixels(size))
}

// wan converts an amount in 元 to 万元 for plotting. Plotting is the only
// place amounts become float64; labels are formatted from the decimal.
func wan(d decimal.Decimal) float64 { return d.Shift(-4).InexactFloat64() }

// formatWan formats an amount in 元 as 万元 with two decimals and digit
// grouping: 22659200 → "2,265.92".
func formatWan(d decimal.Decimal, signed bool) string {
	s := numfmt.Wan(d)
	if signed && d.IsPositive() {
		s = "+" + s
	}
	return s
}

// formatTick formats an axis value with the given decimal places and digit
// grouping, never as "-0".
func formatTick(v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strconv.FormatFloat(0, 'f', places, 64)
	}
	return numfmt.Group(s)
}

// niceAxis chooses the value axis for data spanning [lo, hi]: the range is
// widened to include zero and rounded out to a "nice" step (1, 2, 2.5 or 5
// times a power of ten), giving about six labelled ticks. A side of zero
// holding less than a quarter of the span (a little negative damping under
// tall bars) is not rounded out to a whole step but padded by 4% of the
// span, ending between ticks. A zero span becomes [0, 1] (or
// [-1, 1] when symmetric), so all-zero data still draws; symmetric charts
// (changes) keep zero in the middle when nothing moved.
func niceAxis(lo, hi float64, symmetric bool) (ticks []tick, min, max float64) {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		lo, hi = 0, 0
	}
	if hi-lo == 0 {
		if symmetric {
			lo, hi = -1, 1
		} else {
			hi = 1
		}
	}
	span := hi - lo
	step := niceStep(span / 6)
	min = math.Floor(lo/step) * step
	max = math.Ceil(hi/step) * step
	if lo < 0 && -lo < span/4 {
		min = math.Max(min, lo-span*0.04)
	}
	if hi > 0 && hi < span/4 {
		max = math.Min(max, hi+span*0.04)
	}
	places := stepPlaces(step)
	first := int(math.Ceil(min/step - 1e-9))
	last := int(math.Floor(max/step + 1e-9))
	for k := first; k <= last; k++ {
		v := float64(k) * step
		ticks = append(ticks, tick{Value: v, Label: formatTick(v, places)})
	}
	return ticks, min, max
}

// tick is a labelled value on the value axis.
type tick struct {
	Value float64
	Label string
}

// niceStep rounds a raw tick step up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*p*(1+1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// stepPlaces is how many decimals tick labels need for a step.
func stepPlaces(step float64) int {
	places := 0
	for places < 10 && math.Abs(step-math.Round(step)) > 1e-9*math.Max(1, step) {
		step *= 10
		places++
	}
	return places
}
