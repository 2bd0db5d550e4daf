package numfmt

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

func yuan(xs ...int64) []decimal.Decimal {
	out := make([]decimal.Decimal, len(xs))
	for i, x := range xs {
		out[i] = decimal.NewFromInt(x)
	}
	return out
}

func TestLargestRemainder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    []decimal.Decimal
		want  []int64
		total int64
	}{
		{"exact", yuan(1000000, 2500000), []int64{10000, 25000}, 35000},
		// three thirds of 1 万元: 33.3333 cents each, the total 100 cents;
		// the first (a tie) gets the missing cent.
		{"thirds", []decimal.Decimal{decimal.RequireFromString("3333.3333"), decimal.RequireFromString("3333.3333"), decimal.RequireFromString("3333.3334")},
			[]int64{33, 33, 34}, 100},
		// rounding each alone gives 1+1+1 = 3 cents, the total is 2 (150 元 →
		// 1.5, 3 × 50 元 = 1.5 cents → 2); the largest remainders win.
		{"fewer", yuan(50, 50, 50), []int64{1, 1, 0}, 2},
		{"remainders", yuan(149, 151, 100), []int64{1, 2, 1}, 4},
		{"negative", yuan(-150, 350), []int64{-1, 3}, 2},
		{"empty", nil, []int64{}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total := LargestRemainder(tc.in)
			if !slices.Equal(got, tc.want) || total != tc.total {
				t.Errorf("LargestRemainder = %v, %d; want %v, %d", got, total, tc.want, tc.total)
			}
		})
	}
}

func TestWanText(t *testing.T) {
	for c, want := range map[int64]string{123457: "1,234.57", 5: "0.05", -120: "-1.20", 0: "0.00"} {
		if got := WanText(c); got != want {
			t.Errorf("WanText(%d) = %q, want %q", c, got, want)
		}
	}
	if got := WanPlain(123457); got != "1234.57" {
		t.Errorf("WanPlain = %q", got)
	}
}

// within says whether cents c is within one cent of the exact amount x (元).
func within(c int64, x decimal.Decimal) bool {
	return decimal.NewFromInt(c).Sub(WanCents(x)).Abs().LessThan(decimal.NewFromInt(1))
}

// randomAmount is an amount in 元 to the 元, sometimes negative (a
// 封顶调减), sometimes zero, sometimes a whole 万元.
func randomAmount(r *rand.Rand) decimal.Decimal {
	switch r.IntN(6) {
	case 0:
		return decimal.Zero
	case 1:
		return decimal.NewFromInt(-r.Int64N(5_000_000))
	case 2:
		return decimal.NewFromInt(r.Int64N(1000) * 10000)
	}
	return decimal.NewFromInt(r.Int64N(200_000_000))
}

func TestLargestRemainderProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 3))
	for n := range 500 {
		xs := make([]decimal.Decimal, r.IntN(40))
		sum := decimal.Zero
		for i := range xs {
			xs[i] = randomAmount(r)
			sum = sum.Add(xs[i])
		}
		rows, total := LargestRemainder(xs)
		var s int64
		for i, c := range rows {
			s += c
			if !within(c, xs[i]) {
				t.Fatalf("case %d: row %d: %d cents for %s 元", n, i, c, xs[i])
			}
		}
		if s != total || total != RoundWanTotal(sum) {
			t.Fatalf("case %d: rows add to %d, total %d, rounded sum %d", n, s, total, RoundWanTotal(sum))
		}
	}
}

func TestRoundWanTableProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 4))
	for n := range 300 {
		nr, nc := r.IntN(30), 1+r.IntN(8)
		cells := make([][]decimal.Decimal, nr)
		for i := range cells {
			cells[i] = make([]decimal.Decimal, nc)
			for j := range cells[i] {
				cells[i][j] = randomAmount(r)
			}
		}
		tab, err := RoundWanTable(cells)
		if err != nil {
			t.Fatalf("case %d: %v", n, err)
		}
		checkTable(t, n, cells, tab)
	}
}

func checkTable(t *testing.T, n int, cells [][]decimal.Decimal, tab WanTable) {
	t.Helper()
	var grand int64
	colSum := make([]int64, len(tab.ColTotals))
	exactCol := make([]decimal.Decimal, len(tab.ColTotals))
	for i, row := range tab.Cells {
		var s int64
		exact := decimal.Zero
		for j, c := range row {
			if !within(c, cells[i][j]) {
				t.Fatalf("case %d: cell %d,%d: %d cents for %s 元", n, i, j, c, cells[i][j])
			}
			s += c
			colSum[j] += c
			exact = exact.Add(cells[i][j])
			exactCol[j] = exactCol[j].Add(cells[i][j])
		}
		if s != tab.RowTotals[i] || !within(s, exact) {
			t.Fatalf("case %d: row %d adds to %d, total %d, exact %s", n, i, s, tab.RowTotals[i], exact)
		}
		grand += s
	}
	for j, s := range colSum {
		if s != tab.ColTotals[j] || !within(s, exactCol[j]) {
			t.Fatalf("case %d: column %d adds to %d, total %d, exact %s", n, j, s, tab.ColTotals[j], exactCol[j])
		}
	}
	if grand != tab.Total {
		t.Fatalf("case %d: cells add to %d, total %d", n, grand, tab.Total)
	}
}

func TestRoundWanTable(t *testing.T) {
	// Two 街道 with three components of 50 元 each: every cell is half a
	// cent; rows total 1.5 → 2 and 1, or 1 and 2; columns likewise;
	// the grand total 3 cents.
	cells := [][]decimal.Decimal{yuan(50, 50, 50), yuan(50, 50, 50)}
	tab, err := RoundWanTable(cells)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Total != 3 || !slices.Equal(tab.RowTotals, []int64{2, 1}) || !slices.Equal(tab.ColTotals, []int64{1, 1, 1}) {
		t.Errorf("margins %v %v %d", tab.RowTotals, tab.ColTotals, tab.Total)
	}
	checkTable(t, 0, cells, tab)
	if _, err := RoundWanTable([][]decimal.Decimal{yuan(1, 2), yuan(1)}); err == nil {
		t.Error("ragged table rounded")
	}
}
