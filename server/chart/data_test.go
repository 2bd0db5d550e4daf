package chart

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestData pins the numbers each kind draws on the tiny example: the
// rows, a header cell and a cell of the first row.
func TestData(t *testing.T) {
	base := tiny(t)
	whatIf := tiny(t, "plan.capacity=55000000")
	for _, tc := range []struct {
		kind       Kind
		in         Input
		rows       int
		head, cell string
	}{
		{KindComponents, Input{Result: base}, 3, "合计 total", "east"},
		{KindCompare, Input{Result: whatIf, Base: base}, 3, "变化 change", "东街道"},
		{KindCompare, Input{Result: base}, 3, "上年基数 baseline (last_year_total)", "east"},
		{KindComposition, Input{Result: base}, 10, "占比 share %", "人员经费"},
		{KindPerCapita, Input{Result: base, Per: "population"}, 3, "population", "east"},
		// three curves of 1 + 3 points
		{KindLorenz, Input{Result: base, Per: "population"}, 12, "基尼系数 gini", "before_block"},
	} {
		t.Run(tc.kind.String(), func(t *testing.T) {
			d, err := Data(tc.kind, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Rows) != tc.rows {
				t.Errorf("%d rows, want %d", len(d.Rows), tc.rows)
			}
			if !strings.Contains(strings.Join(d.Header, "|"), tc.head) {
				t.Errorf("header %v lacks %q", d.Header, tc.head)
			}
			if !strings.Contains(strings.Join(d.Rows[0], "|"), tc.cell) {
				t.Errorf("first row %v lacks %q", d.Rows[0], tc.cell)
			}
			for _, r := range d.Rows {
				if len(r) != len(d.Header) {
					t.Fatalf("row %v has %d cells, header %d", r, len(r), len(d.Header))
				}
			}
		})
	}
}

// TestDataAmounts: the components CSV holds the exact amounts, and the
// compare change is scenario − base.
func TestDataAmounts(t *testing.T) {
	base := tiny(t)
	d, err := Data(KindComponents, Input{Result: base})
	if err != nil {
		t.Fatal(err)
	}
	a := base.Subdistricts[0]
	if got := d.Rows[0][len(d.Rows[0])-1]; got != a.Total.String() {
		t.Errorf("total %s, want %s", got, a.Total)
	}
	c, err := Data(KindCompare, Input{Result: base})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Rows {
		if r[2] == "" || r[4] == "" {
			t.Fatalf("row %v", r)
		}
	}
}

// TestCompareBaseline: a compare chart without a base draws last year's
// baseline, and refuses a plan without one.
func TestCompareBaseline(t *testing.T) {
	b, err := Render(KindCompare, SVG, Input{Result: tiny(t)})
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, svgText(t, b), "较上年基数 last_year_total 的变化")
	res := synth(3, seqName, func(int) [6]int64 { return [6]int64{1, 2, 3, 0, 0, 0} })
	for _, f := range []Format{SVG, CSV} {
		if _, err := Render(KindCompare, f, Input{Result: res}); !errors.Is(err, ErrNoBaseline) {
			t.Errorf("%v without a baseline: %v", f, err)
		}
	}
}

// TestLorenzNoPopulation: a plan with no population quantity has no
// Lorenz curve unless per names one.
func TestLorenzNoPopulation(t *testing.T) {
	res := tiny(t)
	for _, f := range []Format{PNG, CSV} {
		if _, err := Render(KindLorenz, f, Input{Result: res}); !errors.Is(err, ErrBadQuantity) {
			t.Errorf("%v: %v", f, err)
		}
	}
	b, err := Render(KindLorenz, CSV, Input{Result: res, Per: "population", NoBOM: true})
	if err != nil || bytes.HasPrefix(b, []byte("\uFEFF")) {
		t.Fatalf("%v, %.20q", err, b)
	}
}

// TestDefaultPerPlanPopulation: [plan] population is the per-capita
// chart's default quantity too.
func TestDefaultPerPlanPopulation(t *testing.T) {
	res := tiny(t, "plan.population=staff.civil_servant")
	if got := DefaultPer(res); got != "staff.civil_servant" {
		t.Errorf("DefaultPer = %q", got)
	}
	if got := DefaultPer(tiny(t)); got != "population" {
		t.Errorf("DefaultPer without [plan] population = %q", got)
	}
}
