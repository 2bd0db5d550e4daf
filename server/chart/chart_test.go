package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/testplan"
	"github.com/golang/freetype/truetype"
	"github.com/shopspring/decimal"
)

// tiny evaluates testdata/tiny.toml (a copy of the shared tiny example),
// with overrides applied when given.
func tiny(t testing.TB, sets ...string) *formula.Result {
	t.Helper()
	return testplan.File(t, "testdata/tiny.toml", sets...)
}

// synth builds a result with n sub-districts named by name(i) whose
// components are comp(i) (元) and whose population is 1000 + i. It is not
// an evaluated plan: it exercises drawing only.
func synth(n int, name func(int) string, comp func(int) [6]int64) *formula.Result {
	plan := &formula.Plan{Name: "合成测试区 2025年街道财力测算", FiscalYear: 2025}
	res := &formula.Result{Plan: plan, Unit: decimal.NewFromInt(1)}
	var total decimal.Decimal
	for i := range n {
		id := fmt.Sprintf("s%d", i)
		plan.Subdistricts = append(plan.Subdistricts, formula.Subdistrict{ID: id, Name: name(i),
			Quantities: formula.ValuesOf(map[string]decimal.Decimal{"population": decimal.NewFromInt(int64(1000 + i))})})
		c := comp(i)
		a := formula.Allocation{ID: id, Name: name(i),
			Personnel: decimal.NewFromInt(c[0]), Public: decimal.NewFromInt(c[1]), Projects: decimal.NewFromInt(c[2]),
			Incentive: decimal.NewFromInt(c[3]), Block: decimal.NewFromInt(c[4]), Damping: decimal.NewFromInt(c[5])}
		for _, x := range a.Components() {
			a.Total = a.Total.Add(x)
		}
		total = total.Add(a.Total)
		res.Subdistricts = append(res.Subdistricts, a)
	}
	res.Capacity, res.Available = total, total
	return res
}

func seqName(i int) string { return fmt.Sprintf("第%d街道", i+1) }

// checkPNG decodes b as a PNG of at least 1200×600.
func checkPNG(t *testing.T, b []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode png: %v", err)
	}
	if s := img.Bounds().Size(); s.X < 1200 || s.Y < 600 {
		t.Fatalf("png is %v, want at least 1200×600", s)
	}
}

// svgText parses b as XML and returns its character data, one text
// element a line.
func svgText(t *testing.T, b []byte) string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("<svg")) {
		t.Fatalf("not an svg: %.40q", b)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	var sb strings.Builder
	elements := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("svg is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			elements++
		case xml.CharData:
			sb.Write(tok)
		case xml.EndElement:
			if tok.Name.Local == "text" {
				sb.WriteByte('\n')
			}
		}
	}
	if elements < 10 {
		t.Fatalf("svg has only %d elements", elements)
	}
	if !bytes.Contains(b, []byte(svgFontFamily)) || bytes.Contains(b, []byte("font-family:'?")) {
		t.Errorf("svg text does not ask for the CJK font stack")
	}
	return sb.String()
}

func wantText(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("svg text lacks %q", w)
		}
	}
}

func TestEveryKindAndFormat(t *testing.T) {
	base := tiny(t)
	whatIf := tiny(t, "plan.capacity=55000000")
	// compare draws base → what-if; the others draw the base
	in := Input{Result: base, Per: "population"}
	cmp := Input{Result: whatIf, Base: base}
	names := []string{"东街道", "西街道", "北街道"}
	want := map[Kind][]string{
		KindComponents:  append([]string{"单位:万元", "人员经费", "保底封顶", "合计（扣除封顶后）", "2,265.92"}, names...),
		KindCompare:     append([]string{"增加", "减少", "测算方案较基准的变化"}, names...),
		KindComposition: {"财力总额", "预备费", "因素分配（扣除封顶）", "已并入因素分配"},
		KindPerCapita:   append([]string{"人均可支配财力", "元/人"}, names...),
		KindLorenz:      {"洛伦兹曲线", "基尼系数", "完全均等", "因素分配前", "保底封顶后"},
	}
	for _, k := range Kinds() {
		for _, f := range []Format{PNG, SVG} {
			t.Run(k.String()+"."+f.String(), func(t *testing.T) {
				input := in
				if k == KindCompare {
					input = cmp
				}
				b, err := Render(k, f, input)
				if err != nil {
					t.Fatal(err)
				}
				if f == PNG {
					checkPNG(t, b)
					return
				}
				text := svgText(t, b)
				wantText(t, text, append(want[k], base.Plan.Name)...)
			})
		}
	}
}

func TestPerCapitaValues(t *testing.T) {
	res := tiny(t)
	b, err := PerCapita(res, "population", SVG)
	if err != nil {
		t.Fatal(err)
	}
	// east: 22659200 / 82000 = 276.33…; west 18551195 / 64000 = 289.86…
	wantText(t, svgText(t, b), "\n276\n", "\n290\n")

	b, err = PerCapita(res, "staff.civil_servant", SVG)
	if err != nil {
		t.Fatal(err)
	}
	// east: 22659200 / 40 = 566480
	wantText(t, svgText(t, b), "566,480", "元/staff.civil_servant")
}

func TestPerCapitaBadQuantity(t *testing.T) {
	res := tiny(t)
	zero := synth(2, seqName, func(int) [6]int64 { return [6]int64{1, 0, 0, 0, 0, 0} })
	zero.Plan.Subdistricts[1].Quantities.Set("population", decimal.Zero)
	for _, c := range []struct {
		res *formula.Result
		q   string
	}{{res, ""}, {res, "no_such_quantity"}, {res, "staff.nobody"}, {zero, "population"}} {
		_, err := PerCapita(c.res, c.q, PNG)
		if !errors.Is(err, ErrBadQuantity) {
			t.Errorf("PerCapita(%q) = %v, want ErrBadQuantity", c.q, err)
		}
	}
}

func TestParse(t *testing.T) {
	for _, k := range Kinds() {
		got, err := ParseKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k, got, err)
		}
	}
	for _, f := range []Format{PNG, SVG} {
		got, err := ParseFormat(strings.ToUpper(f.String()))
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f, got, err)
		}
	}
	if _, err := ParseKind("pie"); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("ParseKind(pie) = %v", err)
	}
	if _, err := ParseFormat("jpg"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("ParseFormat(jpg) = %v", err)
	}
	if _, err := Render(KindPerCapita, SVG, Input{Result: tiny(t)}); err != nil {
		t.Errorf("per capita by the default quantity: %v", err)
	}
	if _, err := Render(KindPerCapita, SVG, Input{Result: synth(1, seqName, func(int) [6]int64 { return [6]int64{} })}); err != nil {
		t.Errorf("per capita by the default quantity (population): %v", err)
	}
	noPop := tiny(t)
	noPop.Plan = &formula.Plan{Name: "x", Subdistricts: []formula.Subdistrict{{ID: "east"}, {ID: "west"}, {ID: "north"}}}
	if _, err := Render(KindPerCapita, SVG, Input{Result: noPop}); !errors.Is(err, ErrBadQuantity) {
		t.Errorf("per capita without a default quantity = %v, want ErrBadQuantity", err)
	}
	if _, err := Render(Kind(99), PNG, Input{}); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("Render(99) = %v", err)
	}
	if _, err := Components(tiny(t), Format(0)); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("Components(format 0) = %v", err)
	}
	if SVG.ContentType() != "image/svg+xml" || PNG.ContentType() != "image/png" {
		t.Error("content types")
	}
}

func TestNilResult(t *testing.T) {
	for _, k := range Kinds() {
		if _, err := Render(k, SVG, Input{Per: "population"}); !errors.Is(err, ErrNoResult) {
			t.Errorf("%v of nil = %v, want ErrNoResult", k, err)
		}
	}
	if _, err := Compare(nil, tiny(t), SVG); !errors.Is(err, ErrNoResult) {
		t.Errorf("Compare without base = %v", err)
	}
}

func TestSVGEscapesText(t *testing.T) {
	odd := []string{"东&西<街>", `"引号'街"`, "控制\x01字符", "]]>"}
	res := synth(len(odd), func(i int) string { return odd[i] }, func(i int) [6]int64 {
		return [6]int64{1000000, 200000, 300000, 0, 400000, 0}
	})
	res.Plan.Name = "A&B<区>"
	for _, k := range Kinds() {
		b, err := Render(k, SVG, Input{Result: res, Base: res, Per: "population"})
		if err != nil {
			t.Fatalf("%v: %v", k, err)
		}
		text := svgText(t, b)
		wantText(t, text, "A&B<区>")
		if k != KindComposition && k != KindLorenz {
			wantText(t, text, "东&西<街>", `"引号'街"`, "控制\uFFFD字符", "]]>")
		}
	}
}

// TestEdgeCases draws every kind in both formats for shapes that trip
// chart libraries: one bar, 300 bars, all zero, all equal, all negative
// changes, long names.
func TestEdgeCases(t *testing.T) {
	long := func(i int) string { return fmt.Sprintf("非常非常长的街道名称第%d号", i) }
	equal := func(int) [6]int64 { return [6]int64{5000000, 500000, 0, 0, 0, 0} }
	varied := func(i int) [6]int64 {
		return [6]int64{int64(8000000 + 10000*i), 900000, 1500000, int64(i % 3 * 100000), 2000000, -int64(i % 2 * 300000)}
	}
	zero := func(int) [6]int64 { return [6]int64{} }
	cases := []struct {
		name     string
		res      *formula.Result
		base     *formula.Result
		contains []string
	}{
		{"one", synth(1, seqName, varied), nil, []string{"第1街道"}},
		{"three-hundred", synth(300, seqName, varied), nil, []string{"第300街道"}},
		{"all-zero", synth(5, seqName, zero), nil, []string{"第5街道"}},
		{"all-equal", synth(7, seqName, equal), nil, []string{"第7街道"}},
		// rotated labels are shortened to eight ideographs' width
		{"long-names", synth(12, long, varied), nil, []string{"非常非常长的街…"}},
		{"all-decrease", synth(4, seqName, equal), synth(4, seqName, varied), []string{"减少"}},
		{"tiny-changes", synth(4, seqName, func(i int) [6]int64 {
			c := varied(i)
			c[4] += int64(i * 7)
			return c
		}), synth(4, seqName, varied), []string{"单位:元", "+14"}},
	}
	for _, c := range cases {
		if testing.Short() && len(c.res.Subdistricts) > 100 {
			continue // 300 bars in every kind and format take seconds
		}
		base := c.base
		if base == nil {
			base = c.res
		}
		in := Input{Result: c.res, Base: base, Per: "population"}
		for _, k := range Kinds() {
			t.Run(c.name+"/"+k.String(), func(t *testing.T) {
				b, err := Render(k, PNG, in)
				if err != nil {
					t.Fatal(err)
				}
				checkPNG(t, b)
				b, err = Render(k, SVG, in)
				if err != nil {
					t.Fatal(err)
				}
				text := svgText(t, b)
				if k != KindComposition && k != KindLorenz && (k == KindCompare || c.base == nil) {
					wantText(t, text, c.contains...)
				}
			})
		}
	}
}

func TestManyBarsWiden(t *testing.T) {
	b, err := Components(synth(300, seqName, func(int) [6]int64 { return [6]int64{1, 1, 1, 1, 1, 1} }), PNG)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w < 300*minSlot {
		t.Errorf("300 bars drawn %d px wide, want at least %d", w, 300*minSlot)
	}
}

func TestCompositionAddsUpToCapacity(t *testing.T) {
	res := tiny(t)
	slices, folded := compositionSlices(res)
	if !folded {
		t.Error("tiny's net damping is negative and should be folded into the block")
	}
	sum := decimal.Zero
	for _, s := range slices {
		if s.amount.IsNegative() {
			t.Errorf("slice %s is negative: %s", s.label, s.amount)
		}
		sum = sum.Add(s.amount)
	}
	if !sum.Equal(res.Capacity) {
		t.Errorf("slices add up to %s, capacity is %s", sum, res.Capacity)
	}
}

func TestComponentsMarksNegativeDamping(t *testing.T) {
	res := synth(2, seqName, func(i int) [6]int64 { return [6]int64{1000000, 0, 0, 0, 500000, -int64(i) * 200000} })
	lo, hi := (&bars{values: [][]float64{{100, 0, 0, 0, 50, 0}, {100, 0, 0, 0, 50, -20}}}).extent()
	if lo != -20 || hi != 150 {
		t.Errorf("extent = %v, %v; want -20, 150", lo, hi)
	}
	b, err := Components(res, SVG)
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, svgText(t, b), "合计（扣除封顶后）", "130.00")
}

func TestNiceAxis(t *testing.T) {
	for _, c := range []struct {
		lo, hi    float64
		symmetric bool
		min, max  float64 // NaN: only check that the range covers [lo, hi]
	}{
		{0, 0, false, 0, 1},
		{0, 0, true, -1, 1},
		{0, 2265.92, false, 0, 2500},
		{-1000, 2265.92, false, -1000, 3000},
		{-108.96, 2265.92, false, -108.96 - 0.04*(2265.92+108.96), 2500},
		{-3, -1, true, -3, 0},
		{5, 5, false, 0, 5},
		{0, 0.0007, false, 0, 0.0008},
	} {
		ticks, min, max := niceAxis(c.lo, c.hi, c.symmetric)
		if math.Abs(min-c.min) > 1e-9 || math.Abs(max-c.max) > 1e-9 {
			t.Errorf("niceAxis(%v, %v) = [%v, %v], want [%v, %v]", c.lo, c.hi, min, max, c.min, c.max)
		}
		if ticks[0].Value < min || ticks[len(ticks)-1].Value > max || len(ticks) < 2 {
			t.Errorf("niceAxis(%v, %v) ticks %v outside [%v, %v]", c.lo, c.hi, ticks, min, max)
		}
		zero := false
		for _, tk := range ticks {
			if strings.HasPrefix(tk.Label, "-") && strings.Trim(tk.Label, "-0.") == "" {
				t.Errorf("tick label %q", tk.Label)
			}
			zero = zero || tk.Value == 0 && tk.Label == "0" || tk.Value == 0 && strings.Trim(tk.Label, "0.") == ""
		}
		if !zero {
			t.Errorf("niceAxis(%v, %v): no labelled zero tick in %v", c.lo, c.hi, ticks)
		}
	}
	ticks, _, _ := niceAxis(0, 12345, false)
	if got := ticks[len(ticks)-1].Label; got != "12,500" {
		t.Errorf("top tick %q, want 12,500", got)
	}
	ticks, min, _ := niceAxis(-108.96, 2265.92, false)
	if ticks[0].Label != "0" || min >= 0 {
		t.Errorf("a small negative side should end below zero without a tick: [%v, …] %v", min, ticks)
	}
}

func TestEmbeddedFont(t *testing.T) {
	f, err := loadFont()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := truetype.Parse(fontTTF); err != nil {
		t.Fatal(err)
	}
	for _, r := range "街道财力万元0123456789,.%:()" {
		if f.Index(r) == 0 {
			t.Errorf("font has no glyph for %q", r)
		}
	}
	lic, err := os.ReadFile("../../internal/fonts/LICENSE-wqy-microhei.txt")
	if err != nil || !bytes.Contains(lic, []byte("Apache")) {
		t.Errorf("font licence missing or incomplete: %v", err)
	}
}

func TestConcurrentRenders(t *testing.T) {
	res := tiny(t)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Go(func() {
			k, f := Kinds()[i%4], []Format{PNG, SVG}[i/4%2]
			_, err := Render(k, f, Input{Result: res, Base: res, Per: "population"})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}
