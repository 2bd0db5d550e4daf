package chart

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func tornadoOf(n int) *Tornado {
	t := &Tornado{Plan: "东&西<区>", Title: "敏感性 ±10%", Down: "-10%", Up: "+10%", Masked: 3}
	for i := range n {
		t.Bars = append(t.Bars, TornadoBar{Label: fmt.Sprintf("调节项%d", i),
			Down: decimal.NewFromInt(int64(-1000000 * (n - i))), Up: decimal.NewFromInt(int64(900000 * (n - i)))})
	}
	if n > 1 {
		t.Bars[0].DownRejected = true
		t.Bars[1].Up = decimal.NewFromInt(-5000) // both the same way
	}
	return t
}

// TestTornado draws tornado charts of no, a few and too many levers in
// both formats, with a rejected step and a lever moving the same way
// both ways.
func TestTornado(t *testing.T) {
	for _, n := range []int{0, 1, 5, 100} {
		for _, f := range []Format{PNG, SVG} {
			b, err := Render(KindTornado, f, Input{Tornado: tornadoOf(n)})
			if err != nil {
				t.Fatalf("%d %v: %v", n, f, err)
			}
			if f == PNG {
				checkPNG(t, b)
				continue
			}
			s := string(b)
			for _, want := range []string{"东&amp;西&lt;区&gt;", "万元", "3 个无效调节项"} {
				if !strings.Contains(s, want) {
					t.Errorf("%d: svg lacks %q", n, want)
				}
			}
			if n > 1 && (!strings.Contains(s, "不可行") || !strings.Contains(s, "调节项1")) {
				t.Errorf("%d: svg lacks a rejected step or a label", n)
			}
			if n == 100 && (strings.Contains(s, "调节项40<") || !strings.Contains(s, "只画出前 40 项")) {
				t.Errorf("more than %d levers drawn", tornadoMax)
			}
		}
	}
	if _, err := Render(KindTornado, SVG, Input{}); err == nil {
		t.Error("a tornado without a sweep drew")
	}
	if k, err := ParseKind("tornado"); err != nil || k != KindTornado {
		t.Errorf("ParseKind(tornado) = %v, %v", k, err)
	}
}
