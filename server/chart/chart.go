// Package chart draws caili's allocation results as PNG or SVG charts,
// labelled in Chinese in an embedded CJK font. It owns the charts: which
// bars, stacks, slices, labels, scales and colours a result becomes, and
// their rendering to image bytes.
//
//   - [Components]: one bar per sub-district (街道), stacked in absolute
//     amounts (万元) by personnel, public, projects, incentive, block and
//     damping;
//   - [Compare]: the change of each sub-district's total between a base and
//     a what-if result, decreases below the zero line;
//   - [Composition]: the district's capacity split into the stages and the
//     reserves, as a donut;
//   - [PerCapita]: each sub-district's total divided by a quantity such as
//     its resident population;
//   - [TornadoChart]: the levers of a sensitivity sweep ranked by how much
//     they move the totals at ±step.
//   - [Lorenz]: the Lorenz curves of amounts per person before the block
//     grant, after it and after damping (docs/audit.md).
//
// [Data] gives the numbers each kind draws, as a table the server writes
// as CSV beside the chart.
//
// The charts are decided in plain structs of this package (a figure with
// its value axis and the shapes it draws: rects, lines, texts, discs,
// wedges); render.go is the only file that imports go-chart
// (github.com/wcharczuk/go-chart/v2 and its subpackages) and turns a
// figure into go-chart calls. The package imports formula and
// internal/numfmt of the module; it must not import internal/app, server
// (or anything else of server/), gin, excelize, or standards, except that
// tests may use standards to evaluate plans. internal/archtest checks this.
//
// Text is set in 文泉驿微米黑 (WenQuanYi Micro Hei), embedded with its
// licence, so Chinese renders the same everywhere; SVG text is XML-escaped,
// so names such as "东&西<街>" give well-formed SVG. Every chart draws for
// one sub-district or hundreds, and for all-zero or all-equal values.
// Names show whole wherever they fit, measured as each format draws them;
// longer ones end in "…" where their room ends (a bar's slot, eight
// ideographs when labels are turned, the title's width), and no text is
// considered beyond its first 256 runes, so a name of any length draws
// in about the same time.
//
// Errors of bad input are caili's one error type (*caili.Error) with
// their kind, so that every front end maps them the same way: an unknown
// kind or format is not found, a bad ?per= quantity (a problem of the
// parameter per) or a missing baseline a bad request. Each wraps its
// sentinel ([ErrUnknownKind], [ErrUnknownFormat], [ErrBadQuantity],
// [ErrNoBaseline]) for errors.Is; a nil result ([ErrNoResult]) is the
// caller's bug, a plain error.
//
// Amounts become float64 only to place bars and slices; every number
// printed on a chart is formatted from the exact decimal.
package chart

import (
	"errors"
	"fmt"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// Sentinel errors; every error this package returns for bad input wraps
// one of them.
var (
	// ErrUnknownKind: the chart kind is not one of [Kinds].
	ErrUnknownKind = errors.New("unknown chart kind")
	// ErrUnknownFormat: the format is neither png nor svg.
	ErrUnknownFormat = errors.New("unknown chart format")
	// ErrBadQuantity: the per-capita quantity is empty, missing from a
	// sub-district, or zero in one.
	ErrBadQuantity = errors.New("bad per-capita quantity")
	// ErrNoResult: a result needed for the chart is nil.
	ErrNoResult = errors.New("no result to draw")
)

// Kind is a kind of chart.
type Kind int

// The chart kinds.
const (
	KindComponents  Kind = iota + 1 // stacked components per sub-district
	KindCompare                     // change of total, base → what-if
	KindComposition                 // capacity by stage and reserve (donut)
	KindPerCapita                   // total per unit of a quantity
	KindTornado                     // sensitivity of totals to each lever (see Tornado)
	KindLorenz                      // Lorenz curves of amounts per person
)

var kindNames = map[Kind]string{
	KindComponents:  "components",
	KindCompare:     "compare",
	KindComposition: "composition",
	KindPerCapita:   "per_capita",
	KindTornado:     "tornado",
	KindLorenz:      "lorenz",
}

// Kinds returns every chart kind drawn from a result, in a stable order.
// [KindTornado], drawn from a sensitivity sweep, is not among them.
func Kinds() []Kind {
	return []Kind{KindComponents, KindCompare, KindComposition, KindPerCapita, KindLorenz}
}

// String returns the kind's name as it appears in URLs: "components",
// "compare", "composition", "per_capita" or "lorenz".
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// ParseKind reads a kind's name as [Kind.String] writes it.
func ParseKind(s string) (Kind, error) {
	for k, name := range kindNames {
		if s == name {
			return k, nil
		}
	}
	return 0, fail(ErrUnknownKind, msg.ChartUnknownKind, s)
}

// Format is an image format, or CSV: the numbers a chart draws ([Data]).
type Format int

// The formats.
const (
	PNG Format = iota + 1
	SVG
	CSV
)

// String returns the format's file extension without the dot: "png",
// "svg" or "csv".
func (f Format) String() string {
	switch f {
	case PNG:
		return "png"
	case SVG:
		return "svg"
	case CSV:
		return "csv"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ContentType returns the format's media type for an HTTP response.
func (f Format) ContentType() string {
	switch f {
	case SVG:
		return "image/svg+xml"
	case CSV:
		return "text/csv; charset=utf-8"
	}
	return "image/png"
}

// ParseFormat reads "png", "svg" or "csv" (any case).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "png":
		return PNG, nil
	case "svg":
		return SVG, nil
	case "csv":
		return CSV, nil
	}
	return 0, fail(ErrUnknownFormat, msg.ChartUnknownFormat, s)
}

// Input is what [Render] draws a chart from.
type Input struct {
	// Result is the result drawn; for [KindCompare], the what-if result.
	Result *formula.Result
	// Base is the result a [KindCompare] chart measures changes from;
	// nil: last year's baseline ([CompareBaseline]).
	Base *formula.Result
	// Per is the quantity a [KindPerCapita] chart divides totals by;
	// empty means [DefaultPer] of Result. A [KindLorenz] chart divides by
	// it too; empty there means the plan's population quantity.
	Per string
	// Tornado is what a [KindTornado] chart draws (a sensitivity sweep,
	// which the caller runs: it needs the plan, not a result).
	Tornado *Tornado
	// NoBOM leaves the UTF-8 byte-order mark out of CSV.
	NoBOM bool
}

// Render draws a chart of the given kind and format, dispatching to
// [Components], [Compare], [Composition], [PerCapita] or [Lorenz].
//
// With format CSV it writes the numbers the chart draws ([Data]) instead.
func Render(k Kind, f Format, in Input) ([]byte, error) {
	if f == CSV {
		t, err := Data(k, in)
		if err != nil {
			return nil, err
		}
		return writeCSV(t, in.NoBOM)
	}
	if k == KindPerCapita && in.Per == "" && in.Result != nil {
		in.Per = DefaultPer(in.Result)
	}
	switch k {
	case KindComponents:
		return Components(in.Result, f)
	case KindCompare:
		if in.Base == nil {
			return CompareBaseline(in.Result, f)
		}
		return Compare(in.Base, in.Result, f)
	case KindComposition:
		return Composition(in.Result, f)
	case KindPerCapita:
		return PerCapita(in.Result, in.Per, f)
	case KindTornado:
		return TornadoChart(in.Tornado, f)
	case KindLorenz:
		return Lorenz(in.Result, in.Per, f)
	}
	return nil, fail(ErrUnknownKind, msg.ChartUnknownKind, k.String())
}

// checkResult rejects a nil result (or one without its plan).
func checkResult(role string, r *formula.Result) error {
	if r == nil || r.Plan == nil {
		return fail(ErrNoResult, msg.ChartNoResult)
	}
	return nil
}
