package chart

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// longRunes is the length of the names of longNames: far more than any
// chart can show.
const longRunes = 10000

// longNames is the tiny example with a plan name, a sub-district name and a
// quantity name of longRunes runes each, as ?set.plan.name= can make them.
// It returns the quantity's name too.
func longNames(t testing.TB) (*formula.Result, string) {
	t.Helper()
	res := tiny(t)
	plan := *res.Plan
	plan.Name = strings.Repeat("长", longRunes)
	plan.Subdistricts = append([]formula.Subdistrict(nil), plan.Subdistricts...)
	per := strings.Repeat("q", longRunes)
	for i := range plan.Subdistricts {
		plan.Subdistricts[i].Quantities = plan.Subdistricts[i].Quantities.With(per, decimal.NewFromInt(int64(100+i)))
	}
	res.Plan = &plan
	res.Subdistricts[0].Name = strings.Repeat("街", longRunes)
	return res, per
}

// runeWidth measures text as one pixel per rune.
func runeWidth(s string) int { return utf8.RuneCountInString(s) }

func TestFitText(t *testing.T) {
	long := strings.Repeat("长", longRunes)
	for _, c := range []struct {
		in, tail string
		max      int
		want     string
	}{
		{"广安门内街道", "", 6, "广安门内街道"},
		{"广安门内街道", "", 100, "广安门内街道"},
		{"东华门街道办事处", "", 6, "东华门街道…"},
		{"东华门街道办事处", "", 2, "东…"},
		{"东华门街道办事处", "", 1, "东…"}, // never less than a rune
		{"", "", 0, ""},
		{long, "", 10, strings.Repeat("长", 9) + "…"},
		{long, "", 1000, strings.Repeat("长", maxTextRunes) + "…"},
		{"区名", " · 构成", 7, "区名 · 构成"},
		{"很长的区名", " · 构成", 7, "很… · 构成"},
		{long, " · 构成", 12, strings.Repeat("长", 6) + "… · 构成"},
	} {
		got, w := fitAround(c.in, c.tail, c.max, runeWidth)
		if got != c.want || w != runeWidth(got) {
			t.Errorf("fitAround(%.20q, %q, %d) = %q, %d; want %q", c.in, c.tail, c.max, got, w, c.want)
		}
	}
	for in, want := range map[string]string{
		"  什刹海街道 ": "什刹海街道",
		long:       strings.Repeat("长", maxTextRunes) + "…",
	} {
		if got := label(in); got != want {
			t.Errorf("label(%.20q) = %.20q, want %.20q", in, got, want)
		}
	}
}

// TestFitTitle fits titles in both formats' widths: whole at the largest
// size that fits, else the plan's name shortened at 11 points, keeping
// what the chart shows.
func TestFitTitle(t *testing.T) {
	ft, err := loadFont()
	if err != nil {
		t.Fatal(err)
	}
	const tail = " · 各街道可支配财力构成"
	for _, f := range []Format{SVG, PNG} {
		m := newMeasurer(ft, f)
		for _, c := range []struct {
			name  string
			width int
			whole bool
			size  float64 // 0: any
		}{
			{"小区 2025年街道财力测算", 1168, true, titleSize},
			{strings.Repeat("长", 60), 1168, true, 0},
			{strings.Repeat("长", 120), 1168, false, 11},
			{strings.Repeat("长", longRunes), 1168, false, 11},
			// maxTextRunes runes and an ellipsis fit a wide chart
			{strings.Repeat("长", longRunes), 12000 - 2*sideMargin, false, titleSize},
			{"区", 100, false, 11}, // the tail alone is too wide
		} {
			got, size := m.fitTitle(c.name, tail, titleSize, 11, c.width)
			if w := m.width(got, size); w > c.width {
				t.Errorf("%v: title %.20q is %d px wide, want at most %d", f, got, w, c.width)
			}
			if whole := got == c.name+tail; whole != c.whole || c.size != 0 && size != c.size {
				t.Errorf("%v: title of %.20q (%d runes) = %.30q at %v pt; whole %v, want %v at %v pt",
					f, c.name, len(c.name), got, size, whole, c.whole, c.size)
			}
			if !c.whole && (!strings.Contains(got, "…") || c.width > 100 && !strings.HasSuffix(got, tail)) {
				t.Errorf("%v: title %.30q, want the name shortened before %q", f, got, tail)
			}
		}
	}
}

// TestLongNamesBounded draws every chart with names of longRunes runes:
// it renders, and no text drawn is longer than a chart can show.
func TestLongNamesBounded(t *testing.T) {
	res, per := longNames(t)
	for _, k := range Kinds() {
		for _, f := range []Format{PNG, SVG} {
			b, err := Render(k, f, Input{Result: res, Base: res, Per: per})
			if err != nil {
				t.Fatalf("%v.%v: %v", k, f, err)
			}
			if f == PNG {
				checkPNG(t, b)
				continue
			}
			text := svgText(t, b)
			for line := range strings.SplitSeq(text, "\n") {
				if n := utf8.RuneCountInString(line); n > maxTextRunes+1 {
					t.Errorf("%v: a text of %d runes: %.40q", k, n, line)
				}
			}
			wantText(t, text, "长…")
			if k != KindComposition && k != KindLorenz {
				wantText(t, text, "街…", "西街道")
			}
		}
	}
}

func BenchmarkLongName(b *testing.B) {
	res, _ := longNames(b)
	for _, f := range []Format{SVG, PNG} {
		b.Run("components/"+f.String(), func(b *testing.B) {
			for b.Loop() {
				if _, err := Components(res, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestMeasurerMatchesRenderer checks that layout measures text as go-chart
// draws it in each format (PNG text is 72/64 as wide as SVG text): at most
// a pixel narrower (rounding), and at most an em wider (PNG widths are
// ink, not advance).
func TestMeasurerMatchesRenderer(t *testing.T) {
	ft, err := loadFont()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{SVG, PNG} {
		rp, err := provider(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := rp(100, 100)
		if err != nil {
			t.Fatal(err)
		}
		r.SetDPI(dpi)
		drawn := measureWith(r, ft)
		m := newMeasurer(ft, f)
		for _, s := range []string{"广安门内街道", "东&<西>街道", "第300街道", "1,265.92", rotatedRef, strings.Repeat("长", 80) + "…"} {
			for _, size := range []float64{labelSize, titleSize} {
				got, want := m.width(s, size), drawn(s, textStyle{size: size})
				if got+1 < want || float64(got-want) > pointsToPixels(size)*textScale(f) {
					t.Errorf("%v: %q at %v pt measures %d px, drawn %d px", f, s, size, got, want)
				}
			}
		}
	}
}
