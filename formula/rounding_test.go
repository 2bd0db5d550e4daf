package formula

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestUnitRounding(t *testing.T) {
	tests := []struct {
		unit, x            string
		round, floor, ceil string
	}{
		{"1", "2.5", "3", "2", "3"},
		{"1", "-2.5", "-3", "-3", "-2"},
		{"1", "1110966.6666", "1110967", "1110966", "1110967"},
		{"0.01", "1.005", "1.01", "1", "1.01"},
		{"10000", "15000", "20000", "10000", "20000"},
		{"10000", "14999.99", "10000", "10000", "20000"},
		{"100", "250", "300", "200", "300"},
		{"1", "7", "7", "7", "7"},
	}
	for _, tt := range tests {
		u, ok := newUnit(dec(tt.unit))
		if !ok {
			t.Fatalf("unit %s rejected", tt.unit)
		}
		x := dec(tt.x)
		if got := u.round(x); !got.Equal(dec(tt.round)) {
			t.Errorf("U=%s round(%s) = %s, want %s", tt.unit, tt.x, got, tt.round)
		}
		if got := u.floor(x); !got.Equal(dec(tt.floor)) {
			t.Errorf("U=%s floor(%s) = %s, want %s", tt.unit, tt.x, got, tt.floor)
		}
		if got := u.ceil(x); !got.Equal(dec(tt.ceil)) {
			t.Errorf("U=%s ceil(%s) = %s, want %s", tt.unit, tt.x, got, tt.ceil)
		}
	}
}

func TestUnitAllowed(t *testing.T) {
	for _, s := range []string{"0.01", "0.1", "1", "10", "100", "1000", "10000", "1.00"} {
		if _, ok := newUnit(dec(s)); !ok {
			t.Errorf("unit %s rejected", s)
		}
	}
	for _, s := range []string{"0.001", "100000", "2", "0.5", "0", "-1"} {
		if _, ok := newUnit(dec(s)); ok {
			t.Errorf("unit %s accepted", s)
		}
	}
}

func ints(xs ...int64) []*big.Int {
	out := make([]*big.Int, len(xs))
	for i, x := range xs {
		out[i] = big.NewInt(x)
	}
	return out
}

func TestLargestRemainder(t *testing.T) {
	tests := []struct {
		name    string
		unit, b string
		w       []*big.Int
		want    []string
	}{
		{"tiny tier A", "1", "3332900", ints(1350000, 1050000, 1650000), []string{"1110967", "864085", "1357848"}},
		{"ties go to the earlier item", "1", "2", ints(1, 1, 1), []string{"1", "1", "0"}},
		{"all ties", "1", "1", ints(5, 5), []string{"1", "0"}},
		{"exact", "1", "10", ints(3, 7), []string{"3", "7"}},
		{"zero weight never gets a unit", "1", "5", ints(0, 1, 1, 1), []string{"0", "2", "2", "1"}},
		{"unit 100", "100", "1000", ints(1, 1, 1), []string{"400", "300", "300"}},
		{"cents", "0.01", "1", ints(1, 1, 1), []string{"0.34", "0.33", "0.33"}},
		{"nothing to split", "1", "0", ints(0, 0), []string{"0", "0"}},
		{"single item", "1", "123", ints(9), []string{"123"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := newUnit(dec(tt.unit))
			got, err := u.largestRemainder(dec(tt.b), tt.w)
			if err != nil {
				t.Fatal(err)
			}
			sum := decimal.Zero
			for i, s := range got {
				if !s.Amount.Equal(dec(tt.want[i])) {
					t.Errorf("item %d = %s, want %s", i, s.Amount, tt.want[i])
				}
				sum = sum.Add(s.Amount)
			}
			if !sum.Equal(dec(tt.b)) {
				t.Errorf("handed out %s, want %s", sum, tt.b)
			}
		})
	}
}

func TestLargestRemainderNoWeight(t *testing.T) {
	u, _ := newUnit(dec("1"))
	if _, err := u.largestRemainder(dec("5"), ints(0, 0)); err != errNoWeight {
		t.Fatalf("err = %v, want errNoWeight", err)
	}
}

func TestWeightsKeepRatios(t *testing.T) {
	ws := decimalWeights([]decimal.Decimal{dec("1.5"), dec("300"), dec("0.25")})
	want := ints(150, 30000, 25)
	for i := range ws {
		if ws[i].Cmp(want[i]) != 0 {
			t.Errorf("decimal weight %d = %s, want %s", i, ws[i], want[i])
		}
	}
	rs := ratWeights([]*big.Rat{big.NewRat(1, 3), big.NewRat(1, 6), big.NewRat(0, 1)})
	want = ints(2, 1, 0)
	for i := range rs {
		if rs[i].Cmp(want[i]) != 0 {
			t.Errorf("rat weight %d = %s, want %s", i, rs[i], want[i])
		}
	}
}

func TestFormatRat(t *testing.T) {
	for _, tt := range []struct {
		q    *big.Rat
		want string
	}{
		{big.NewRat(3, 1), "3"},
		{big.NewRat(1, 4), "0.25"},
		{big.NewRat(1, 3), "≈0.333333"},
		{big.NewRat(2, 3), "≈0.666667"},
	} {
		if got := FormatRat(tt.q); got != tt.want {
			t.Errorf("FormatRat(%s) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
