package attribution

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"
)

// game makes a ValueFunc of one dimension from a function of coalitions.
func game(f func(c Coalition) int64) ValueFunc {
	return func(c Coalition) ([]*big.Int, error) { return []*big.Int{big.NewInt(f(c))}, nil }
}

func TestShapleyKnownGames(t *testing.T) {
	for _, tc := range []struct {
		name string
		k    int
		v    func(Coalition) int64
		want []string
	}{
		{"additive", 3, func(c Coalition) int64 {
			w := []int64{5, -7, 11}
			s := int64(0)
			for i, x := range w {
				if c.Has(i) {
					s += x
				}
			}
			return s
		}, []string{"5", "-7", "11"}},
		// Glove game: player 0 holds a left glove, 1 and 2 right gloves; a
		// pair is worth 1.
		{"gloves", 3, func(c Coalition) int64 {
			if c.Has(0) && (c.Has(1) || c.Has(2)) {
				return 1
			}
			return 0
		}, []string{"2/3", "1/6", "1/6"}},
		// Symmetric: every player gets v(all)/k.
		{"squares", 4, func(c Coalition) int64 { return int64(c.Size() * c.Size()) }, []string{"4", "4", "4", "4"}},
		// Unanimity of {0,1}: they share 6; player 2 is a null player.
		{"unanimity", 3, func(c Coalition) int64 {
			if c.Has(0) && c.Has(1) {
				return 6
			}
			return 0
		}, []string{"3", "3", "0"}},
		{"none", 0, func(Coalition) int64 { return 9 }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Shapley(tc.k, game(tc.v))
			if err != nil {
				t.Fatal(err)
			}
			if g.Evaluations != 1<<tc.k {
				t.Errorf("%d evaluations", g.Evaluations)
			}
			for i, w := range tc.want {
				if got := g.Phi[i][0].RatString(); got != w {
					t.Errorf("φ_%d = %s, want %s", i, got, w)
				}
			}
		})
	}
}

// bruteForce averages each player's marginal contribution over all k!
// orders of joining.
func bruteForce(k int, v func(Coalition) []*big.Int) [][]*big.Rat {
	dims := len(v(0))
	sum := make([][]*big.Rat, k)
	for i := range sum {
		sum[i] = make([]*big.Rat, dims)
		for d := range sum[i] {
			sum[i][d] = new(big.Rat)
		}
	}
	orders := 0
	var perm func(order []int, used Coalition)
	perm = func(order []int, used Coalition) {
		if len(order) == k {
			orders++
			c := Coalition(0)
			for _, i := range order {
				before, after := v(c), v(c|1<<i)
				for d := range dims {
					m := new(big.Int).Sub(after[d], before[d])
					sum[i][d].Add(sum[i][d], new(big.Rat).SetInt(m))
				}
				c |= 1 << i
			}
			return
		}
		for i := range k {
			if !used.Has(i) {
				perm(append(order, i), used|1<<i)
			}
		}
	}
	perm(nil, 0)
	for i := range sum {
		for d := range sum[i] {
			sum[i][d].Quo(sum[i][d], big.NewRat(int64(orders), 1))
		}
	}
	return sum
}

// TestShapleyMatchesPermutations checks the subset formula against the
// definition (the average over all orders) on random vector games.
func TestShapleyMatchesPermutations(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 40 {
		k := trial%6 + 1
		dims := 1 + r.IntN(3)
		table := make([][]*big.Int, 1<<k)
		for c := range table {
			table[c] = make([]*big.Int, dims)
			for d := range dims {
				table[c][d] = big.NewInt(r.Int64N(2_000_000_000) - 1_000_000_000)
			}
		}
		v := func(c Coalition) []*big.Int { return table[c] }
		g, err := Shapley(k, func(c Coalition) ([]*big.Int, error) { return v(c), nil })
		if err != nil {
			t.Fatal(err)
		}
		want := bruteForce(k, v)
		for i := range k {
			for d := range dims {
				if g.Phi[i][d].Cmp(want[i][d]) != 0 {
					t.Fatalf("trial %d: φ_%d[%d] = %s, permutations give %s", trial, i, d, g.Phi[i][d].RatString(), want[i][d].RatString())
				}
			}
		}
	}
}

func TestShapleyLimits(t *testing.T) {
	if _, err := Shapley(MaxPlayers+1, game(func(Coalition) int64 { return 0 })); !errors.Is(err, ErrTooManyPlayers) {
		t.Errorf("13 players: %v, want ErrTooManyPlayers", err)
	}
	boom := errors.New("boom")
	_, err := Shapley(3, func(c Coalition) ([]*big.Int, error) {
		if c == 0b101 {
			return nil, boom
		}
		return []*big.Int{big.NewInt(1)}, nil
	})
	if !errors.Is(err, boom) {
		t.Errorf("a failing coalition: %v, want it wrapped", err)
	}
	_, err = Shapley(2, func(c Coalition) ([]*big.Int, error) { return make([]*big.Int, c.Size()), nil })
	if err == nil {
		t.Error("vectors of different lengths: no error")
	}
}

// BenchmarkShapley12 is the arithmetic of 12 players over vectors of the
// sample's size (15 sub-districts × 7 columns), without evaluating plans.
func BenchmarkShapley12(b *testing.B) {
	vals := make([]*big.Int, 105)
	for i := range vals {
		vals[i] = big.NewInt(int64(i) * 123456789)
	}
	for b.Loop() {
		if _, err := Shapley(12, func(Coalition) ([]*big.Int, error) { return vals, nil }); err != nil {
			b.Fatal(err)
		}
	}
}
