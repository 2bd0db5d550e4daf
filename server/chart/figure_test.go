package chart

import (
	"math"
	"slices"
	"testing"
	"unicode/utf8"
)

// fakeMeasure measures text as one em per rune.
func fakeMeasure(body string, st textStyle) int {
	return utf8.RuneCountInString(body) * int(st.size)
}

// fakeArea is a plot area of n categories over 1100×400 pixels, one
// pixel per unit of value.
func fakeArea(n int) plotArea {
	return plotArea{
		left: 50, right: 1150, bottom: 500, width: 1100,
		x: func(v float64) int { return 50 + int((v+0.5)*1100/float64(n)) },
		y: func(v float64) int { return 500 - int(v) },
	}
}

func texts(shapes []shape) []string {
	var out []string
	for _, s := range shapes {
		if t, ok := s.(text); ok {
			out = append(out, t.body)
		}
	}
	return out
}

// TestComponentsFigure checks the shapes of a components chart without
// go-chart: a rect per non-zero component in its colour, a marker on the
// bar a ceiling cuts, a label per sub-district and the legend.
func TestComponentsFigure(t *testing.T) {
	res := synth(2, seqName, func(i int) [6]int64 { return [6]int64{1000000, 0, 300000, 0, 500000, -int64(i) * 200000} })
	fig, err := barFigure(componentBars(res), SVG)
	if err != nil {
		t.Fatal(err)
	}
	if fig.axis == nil || fig.axis.min >= 0 || fig.axis.max < 180 || fig.xMax != 1.5 {
		t.Fatalf("axis %+v, x range [%v, %v]", fig.axis, fig.xMin, fig.xMax)
	}
	shapes := fig.plot(fakeArea(2), fakeMeasure)
	var rects, marks int
	for _, s := range shapes {
		switch s := s.(type) {
		case rect:
			rects++
			if !slices.Contains(componentColors[:], s.fill) || s.top > s.bottom {
				t.Errorf("bad part %+v", s)
			}
		case line:
			if s.color == colorMark {
				marks++
			}
		}
	}
	if rects != 3+4 || marks != 1 {
		t.Errorf("%d parts and %d markers, want 7 and 1", rects, marks)
	}
	got := texts(shapes)
	for _, want := range []string{"第1街道", "第2街道", "180.00", "160.00"} {
		if !slices.Contains(got, want) {
			t.Errorf("plot texts %q lack %q", got, want)
		}
	}
	legend := texts(fig.header(fakeMeasure))
	want := append(componentLabels[:], "合计（扣除封顶后）", "单位:万元")
	if !slices.Equal(legend, want) {
		t.Errorf("legend %q, want %q", legend, want)
	}
}

// TestCompositionFigure checks that the donut's wedges go once round and
// its table lists every slice.
func TestCompositionFigure(t *testing.T) {
	res := tiny(t)
	fig, err := compositionFigure(res, SVG)
	if err != nil {
		t.Fatal(err)
	}
	if fig.axis != nil || fig.header != nil {
		t.Fatal("a donut has no value axis and no legend")
	}
	shapes := fig.plot(plotArea{}, fakeMeasure)
	sweep := 0.0
	for _, s := range shapes {
		if w, ok := s.(wedge); ok {
			sweep += w.sweep
		}
	}
	if math.Abs(sweep-2*math.Pi) > 1e-9 {
		t.Errorf("wedges sweep %v, want 2π", sweep)
	}
	got := texts(shapes)
	parts, _ := compositionSlices(res)
	for _, sl := range parts {
		if !slices.Contains(got, sl.label) {
			t.Errorf("table lacks %s", sl.label)
		}
	}
}
