package chart

import (
	"fmt"
	"math"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/shopspring/decimal"
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
	color  color
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
		blockLabel = msg.ChartBlockFolded.In(msg.Zh)
	}
	slices = []slice{
		{componentLabels[0], colorPersonnel, t[0]},
		{componentLabels[1], colorPublic, t[1]},
		{componentLabels[2], colorProjects, t[2]},
		{componentLabels[3], colorIncentive, t[3]},
		{blockLabel, colorBlock, block},
		{msg.ChartFloorTopUp.In(msg.Zh), colorDamping, damping},
		{msg.ChartReserve.In(msg.Zh), colorReserve, res.Reserve},
		{msg.ChartPerfReserve.In(msg.Zh), colorPerfRes, res.PerformanceReserve},
		{msg.ChartDampingReserve.In(msg.Zh), colorDampRes, res.DampingReserve},
	}
	// rules §6: what the district keeps (its own slice, the savings) and
	// what its departments spend for the sub-districts; with them the
	// slices still add up to the capacity.
	if res.Plan.KeepsDistrictPool() {
		slices = append(slices, slice{msg.ChartDistrictPool.In(msg.Zh), colorDistPool, res.DistrictPool})
	}
	if res.Plan.HasDistrictManaged() {
		slices = append(slices, slice{msg.ChartDistrictManaged.In(msg.Zh), colorManaged, res.DistrictManaged})
	}
	return slices, folded
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
	fig, err := compositionFigure(res, f)
	if err != nil {
		return nil, err
	}
	return render(fig, f)
}

// compositionFigure lays out the donut of [Composition] at fixed pixels;
// its axes are hidden and its plot area unused. The title is fitted as
// format f draws it.
func compositionFigure(res *formula.Result, f Format) (figure, error) {
	ft, err := loadFont()
	if err != nil {
		return figure{}, err
	}
	slices, folded := compositionSlices(res)
	m := newMeasurer(ft, f)
	title, tsize := m.fitTitle(res.Plan.Name, " · "+msg.ChartComposition.In(msg.Zh), titleSize, 11, donutWidth-2*sideMargin)
	d := &donut{slices: slices, folded: folded, total: decimal.Zero}
	for _, sl := range slices {
		d.total = d.total.Add(sl.amount)
	}
	return figure{
		font:      ft,
		title:     title,
		titleSize: tsize,
		width:     donutWidth,
		height:    donutHeight,
		pad:       insets{top: headerHeight, left: sideMargin, right: sideMargin, bottom: sideMargin},
		xMin:      0,
		xMax:      1,
		plot: func(_ plotArea, measure measureFunc) []shape {
			return d.shapes(measure)
		},
	}, nil
}

// donut is the composition drawn: the slices, whether the net damping was
// folded into the block, and the slices' total, the capacity. It is drawn
// at fixed pixels, not in the plot area.
type donut struct {
	slices []slice
	folded bool
	total  decimal.Decimal
}

// share is an amount's share of the total, 0 when the total is not
// positive.
func (d *donut) share(x decimal.Decimal) float64 {
	if !d.total.IsPositive() {
		return 0
	}
	return x.Div(d.total).InexactFloat64()
}

// shapes draws the ring, the shares on it, the capacity in its centre and
// the table beside it.
func (d *donut) shapes(measure measureFunc) []shape {
	var out []shape
	if !d.total.IsPositive() {
		out = append(out, disc{cx: donutCX, cy: donutCY, radius: donutOuter, color: colorGrid})
	}
	start := -math.Pi / 2 // twelve o'clock, then clockwise
	for _, sl := range d.slices {
		p := d.share(sl.amount)
		if p <= 0 {
			continue
		}
		delta := 2 * math.Pi * p
		if p >= 1-1e-9 {
			out = append(out, disc{cx: donutCX, cy: donutCY, radius: donutOuter, color: sl.color})
		} else {
			out = append(out, wedge{cx: donutCX, cy: donutCY, radius: donutOuter, start: start, sweep: delta,
				fill: sl.color, stroke: colorBackground, strokeWidth: 2})
		}
		start += delta
	}
	out = append(out, disc{cx: donutCX, cy: donutCY, radius: donutInner, color: colorBackground})
	out = d.shares(out, measure)

	// centre: the capacity
	big := textStyle{18, colorText}
	small := textStyle{11, colorMutedText}
	out = append(out,
		centredText(measure, msg.ChartCapacity.In(msg.Zh), donutCX, donutCY-14, small),
		centredText(measure, formatWan(d.total, false), donutCX, donutCY+14, big),
		centredText(measure, msg.ChartWan.In(msg.Zh), donutCX, donutCY+36, small))
	return d.table(out, measure)
}

// shares appends the share of every slice of at least 4% on the ring.
func (d *donut) shares(out []shape, measure measureFunc) []shape {
	st := textStyle{10, colorOnSlice}
	start := -math.Pi / 2
	for _, sl := range d.slices {
		p := d.share(sl.amount)
		if p >= 0.04 {
			mid := start + math.Pi*p
			rad := (donutOuter + donutInner) / 2
			x := donutCX + int(rad*math.Cos(mid))
			y := donutCY + int(rad*math.Sin(mid))
			out = append(out, centredText(measure, fmt.Sprintf("%.1f%%", 100*p), x, y+5, st))
		}
		start += 2 * math.Pi * p
	}
	return out
}

// table appends the list of every slice with its amount and share beside
// the donut.
func (d *donut) table(out []shape, measure measureFunc) []shape {
	st := textStyle{legendSize, colorText}
	head := textStyle{legendSize, colorMutedText}
	const amountRight, shareRight = tableLeft + 380, tableLeft + 480
	rows := len(d.slices) + 2 // header and total
	y := donutCY - rows*rowHeight/2 + rowHeight/2
	out = append(out,
		rightText(measure, msg.ChartAmountWan.In(msg.Zh), amountRight, y, head),
		rightText(measure, msg.ChartShare.In(msg.Zh), shareRight, y, head))
	for _, sl := range d.slices {
		y += rowHeight
		out = append(out,
			rect{left: tableLeft, top: y - 13, right: tableLeft + 14, bottom: y + 1, fill: sl.color, stroke: sl.color, strokeWidth: 1},
			text{body: sl.label, x: tableLeft + 24, y: y, style: st},
			rightText(measure, formatWan(sl.amount, false), amountRight, y, st),
			rightText(measure, d.percent(sl.amount), shareRight, y, st))
	}
	y += rowHeight
	out = append(out,
		line{x1: tableLeft, y1: y - rowHeight + 10, x2: shareRight, y2: y - rowHeight + 10, color: colorAxis, width: 1},
		text{body: msg.ChartTotalCapacity.In(msg.Zh), x: tableLeft + 24, y: y, style: st},
		rightText(measure, formatWan(d.total, false), amountRight, y, st),
		rightText(measure, d.percent(d.total), shareRight, y, st))
	if d.folded {
		note := textStyle{9, colorMutedText}
		out = append(out, text{body: msg.ChartFoldedNote.In(msg.Zh), x: tableLeft, y: y + rowHeight, style: note})
	}
	return out
}

// percent is an amount's share of the total as text, "—" when the total
// is not positive.
func (d *donut) percent(x decimal.Decimal) string {
	if !d.total.IsPositive() {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100*d.share(x))
}
