package report

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/numfmt"
)

// TestAppendAmountMatchesFmt: appendAmount writes numfmt's text of an
// amount, for every rounding unit, on amounts of the unit and on others
// (more decimals, huge coefficients, large exponents) that take the
// slow way.
func TestAppendAmountMatchesFmt(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 4))
	for _, unit := range []string{"0.01", "0.1", "1", "10", "100", "10000"} {
		res := &formula.Result{Unit: decimal.RequireFromString(unit)}
		f, places := numfmt.NewFmt(res), max(-res.Unit.Exponent(), 0)
		cases := []decimal.Decimal{decimal.Zero, {}, decimal.New(-5, -2), decimal.New(5, 0), decimal.New(-1, 3),
			decimal.New(1<<62, 0), decimal.New(-1<<62, -2), decimal.New(1<<62, 1), decimal.New(123456789, 12),
			decimal.RequireFromString("123456789012345678901234567890.25"), decimal.New(7, -5)}
		for range 3000 {
			v := r.Int64N(1 << uint(1+r.IntN(62)))
			if r.IntN(2) == 0 {
				v = -v
			}
			cases = append(cases, decimal.New(v, int32(r.IntN(8)-4)))
		}
		for _, d := range cases {
			want := f.Amount(d)
			if got := string(appendAmount([]byte("x"), f, places, d)); got != "x"+want {
				t.Fatalf("unit %s, %s (coef %s exp %d): got %q, want %q", unit, d, d.Coefficient(), d.Exponent(), got, "x"+want)
			}
		}
	}
}

// TestRowsTotalsMatchResult: the totals row is Result.Totals as text,
// whether the cells are amounts of the unit (summed as written) or have
// more decimals or huge coefficients (Result.Totals' sums).
func TestRowsTotalsMatchResult(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 5))
	for k := range 300 {
		unit := []string{"0.01", "1", "100"}[k%3]
		res := randomResult(r, unit, 1+r.IntN(20), []string{"街道"}, 40)
		rows := Rows(res)
		f := numfmt.NewFmt(res)
		totals := res.Totals()
		for c, want := range totals {
			if got := rows[len(rows)-1][2+c]; got != f.Amount(want) {
				t.Fatalf("case %d column %d: total %q, want %q", k, c, got, f.Amount(want))
			}
		}
	}
}

// randomResult is a result of n 街道 named in turn from names, in
// rounding unit unit, with random amounts of the unit; about one amount
// in odd/2 has more decimals than the unit and as many go beyond an
// int64 (the slow ways).
func randomResult(r *rand.Rand, unit string, n int, names []string, odd int) *formula.Result {
	res := &formula.Result{Unit: decimal.RequireFromString(unit)}
	amount := func() decimal.Decimal {
		d := decimal.NewFromInt(r.Int64N(1_000_000_000) - 100_000_000).Mul(res.Unit)
		switch r.IntN(odd) {
		case 0:
			d = d.Add(decimal.New(1, -5)) // more decimals than the unit
		case 1:
			d = d.Mul(decimal.New(1, 14)) // beyond an int64
		}
		return d
	}
	for i := range n {
		a := formula.Allocation{ID: fmt.Sprint("s", i), Name: names[i%len(names)], Personnel: amount(), Public: amount(),
			Projects: amount(), Incentive: amount(), Block: amount(), Damping: amount()}
		a.Total = a.Personnel.Add(a.Public).Add(a.Projects).Add(a.Incentive).Add(a.Block).Add(a.Damping)
		res.Subdistricts = append(res.Subdistricts, a)
	}
	return res
}
