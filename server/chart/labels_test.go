package chart

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
)

// drawnLabels lays out the components chart of res in format f and
// returns its category labels as drawn in a plot area like go-chart's,
// measured as f draws text.
func drawnLabels(t *testing.T, b *bars, f Format) (figure, []text) {
	t.Helper()
	fig, err := barFigure(b, f)
	if err != nil {
		t.Fatal(err)
	}
	ft, err := loadFont()
	if err != nil {
		t.Fatal(err)
	}
	m := newMeasurer(ft, f)
	left, right := fig.pad.left+50, fig.width-fig.pad.right // 50: the value axis
	a := plotArea{
		left: left, right: right, bottom: fig.height - fig.pad.bottom, width: right - left,
		x: func(v float64) int { return left + int((v-fig.xMin)/(fig.xMax-fig.xMin)*float64(right-left)) },
		y: func(float64) int { return 300 },
	}
	var labels []text
	for _, s := range fig.plot(a, func(s string, st textStyle) int { return m.width(s, st.size) }) {
		if tx, ok := s.(text); ok && tx.style.size == labelSize {
			labels = append(labels, tx)
		}
	}
	return fig, labels
}

// checkApart fails when labels overlap or leave the image: level labels
// side by side, rotated ones on parallel lines at least a line apart.
func checkApart(t *testing.T, fig figure, labels []text, f Format) {
	t.Helper()
	ft, _ := loadFont()
	m := newMeasurer(ft, f)
	h := float64(m.height(labelSize))
	const c = math.Sqrt2 / 2
	for i, l := range labels {
		w := m.width(l.body, labelSize)
		if l.rotate == 0 && (l.x < 0 || l.x+w > fig.width) || l.rotate != 0 && (float64(l.x)-c*h < 0 || l.y > fig.height) {
			t.Errorf("%v: label %q at (%d, %d) leaves the image", f, l.body, l.x, l.y)
		}
		if i == 0 {
			continue
		}
		p := labels[i-1]
		if l.rotate == 0 && p.x+m.width(p.body, labelSize) >= l.x {
			t.Errorf("%v: labels %q and %q overlap", f, p.body, l.body)
		}
		if l.rotate != 0 && c*float64(l.x-p.x+l.y-p.y) < h {
			t.Errorf("%v: rotated labels %q and %q are %.1f px apart", f, p.body, l.body, c*float64(l.x-p.x+l.y-p.y))
		}
	}
}

// TestCategoryLabels checks that names show whole whenever they fit, are
// shortened with an ellipsis when they do not, and never overlap, in both
// formats.
func TestCategoryLabels(t *testing.T) {
	names := []string{"广安门内街道", "东&<西>街道", "西长安街街道"}
	real := func(i int) string { return names[i%3] }
	long := func(i int) string { return fmt.Sprintf("非常非常长的街道名称第%d号", i) }
	for _, c := range []struct {
		name  string
		n     int
		names func(int) string
		whole bool // every name whole; else every one shortened
	}{
		{"three", 3, real, true},
		{"three-long", 3, long, true},
		{"twelve", 12, real, true},
		{"sixty", 60, real, true},
		{"three-hundred", 300, seqName, true},
		{"twelve-long", 12, long, false},
		{"sixty-long", 60, long, false},
		{"three-hundred-long", 300, long, false},
	} {
		res := synth(c.n, c.names, func(i int) [6]int64 { return [6]int64{int64(8000000 + 10000*i), 900000, 1500000, 0, 2000000, 0} })
		for _, f := range []Format{SVG, PNG} {
			t.Run(c.name+"/"+f.String(), func(t *testing.T) {
				fig, labels := drawnLabels(t, componentBars(res), f)
				if len(labels) == 0 {
					t.Fatal("no labels")
				}
				all := map[string]bool{}
				for i := range c.n {
					all[c.names(i)] = true
				}
				for _, l := range labels {
					if whole := all[l.body]; whole != c.whole || !whole && !strings.HasSuffix(l.body, "…") {
						t.Errorf("label %q; want whole names: %v", l.body, c.whole)
					}
				}
				checkApart(t, fig, labels, f)
			})
		}
	}
}

// TestNamesWholeInSVG draws real names on three bars, where they fit, and
// long names on sixty, where they do not.
func TestNamesWholeInSVG(t *testing.T) {
	names := []string{"广安门内街道", "东&<西>街道", "西长安街街道"}
	long := func(i int) string { return fmt.Sprintf("非常非常长的街道名称第%d号", i) }
	comp := func(i int) [6]int64 { return [6]int64{int64(8000000 + 10000*i), 900000, 1500000, 0, 2000000, 0} }
	three := synth(3, func(i int) string { return names[i] }, comp)
	sixty := synth(60, long, comp)
	for _, k := range []Kind{KindComponents, KindCompare, KindPerCapita} {
		b, err := Render(k, SVG, Input{Result: three, Base: three, Per: "population"})
		if err != nil {
			t.Fatal(err)
		}
		text := svgText(t, b)
		for _, name := range names {
			wantText(t, text, "\n"+name+"\n")
		}
		if !bytes.Contains(b, []byte(">东&amp;&lt;西&gt;街道</text>")) {
			t.Errorf("%v: 东&<西>街道 is not escaped whole", k)
		}
		b, err = Render(k, SVG, Input{Result: sixty, Base: sixty, Per: "population"})
		if err != nil {
			t.Fatal(err)
		}
		text = svgText(t, b)
		wantText(t, text, "\n非常非常长的街…\n")
		if strings.Contains(text, "名称") {
			t.Errorf("%v: a long name is not shortened on 60 bars", k)
		}
	}
}
