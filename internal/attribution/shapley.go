package attribution

import (
	"errors"
	"fmt"
	"math/big"
)

// MaxPlayers is the most players a game may have: 2^12 = 4096 coalitions
// are evaluated.
const MaxPlayers = 12

// Coalition is a set of players: bit i is player i.
type Coalition uint32

// Has reports whether player i is in the coalition.
func (c Coalition) Has(i int) bool { return c&(1<<i) != 0 }

// Size is the number of players in the coalition.
func (c Coalition) Size() int {
	n := 0
	for ; c != 0; c &= c - 1 {
		n++
	}
	return n
}

// ValueFunc is a game: the worth of a coalition, as a vector of integers
// of the same length for every coalition (amounts in their smallest unit,
// one per sub-district and component). Shapley calls it once per
// coalition, one call at a time, in increasing order of the coalition's
// bits (0, 1, 2, … 2^k−1): player k−1 changes least often, which lets a
// caller keep work shared by many coalitions (package whatif does). The
// slice it returns is read before the next call and may be reused.
type ValueFunc func(c Coalition) ([]*big.Int, error)

// Game is the outcome of a game's Shapley computation.
type Game struct {
	K int
	// Empty and Full are the worths of no player and of all players.
	Empty, Full []*big.Int
	// Phi[i][d] is player i's Shapley value in dimension d, exactly.
	Phi [][]*big.Rat
	// Evaluations is the number of coalitions evaluated, 2^K.
	Evaluations int
}

// ErrTooManyPlayers is returned for a game of more than MaxPlayers.
var ErrTooManyPlayers = errors.New("too many players")

// Shapley computes every player's Shapley value of the game v with k
// players, exactly, from all 2^k coalitions:
//
//	φ_i = Σ_{S ∌ i} |S|!(k−|S|−1)!/k! · (v(S ∪ {i}) − v(S))
//
// computed as k!·φ_i = Σ_s (s−1)!(k−s)!·A_i(s) − s!(k−s−1)!·B_i(s), where
// A_i(s) sums v(T) over the coalitions T of size s holding i and B_i(s)
// over those of size s without i. It checks that the values sum to
// v(all) − v(none) in every dimension and returns an error if they do not
// (they always do: the check guards the code). An error of v stops the
// computation and is returned wrapped, naming the coalition's bits.
func Shapley(k int, v ValueFunc) (*Game, error) {
	if k < 0 || k > MaxPlayers {
		return nil, fmt.Errorf("%d players (at most %d): %w", k, MaxPlayers, ErrTooManyPlayers)
	}
	n := 1 << k
	var dims int
	var sizeSum []([]*big.Int)   // C(s): Σ v(T) over |T| = s
	var withSum [][]([]*big.Int) // A_i(s)
	g := &Game{K: k, Evaluations: n}
	for c := Coalition(0); int(c) < n; c++ {
		val, err := v(c)
		if err != nil {
			return nil, fmt.Errorf("coalition %b: %w", c, err)
		}
		if c == 0 {
			dims = len(val)
			sizeSum = newSums(k+1, dims)
			withSum = make([][][]*big.Int, k)
			for i := range withSum {
				withSum[i] = newSums(k+1, dims)
			}
		}
		if len(val) != dims {
			return nil, fmt.Errorf("coalition %b: %d values, want %d", c, len(val), dims)
		}
		s := c.Size()
		addTo(sizeSum[s], val)
		for i := range k {
			if c.Has(i) {
				addTo(withSum[i][s], val)
			}
		}
		if c == 0 {
			g.Empty = cloneInts(val)
		}
		if int(c) == n-1 {
			g.Full = cloneInts(val)
		}
	}
	g.Phi = combine(k, dims, sizeSum, withSum)
	return g, g.checkEfficiency()
}

func newSums(n, dims int) [][]*big.Int {
	s := make([][]*big.Int, n)
	for i := range s {
		s[i] = make([]*big.Int, dims)
		for d := range s[i] {
			s[i][d] = new(big.Int)
		}
	}
	return s
}

func addTo(dst, val []*big.Int) {
	for d, x := range val {
		dst[d].Add(dst[d], x)
	}
}

func cloneInts(v []*big.Int) []*big.Int {
	c := make([]*big.Int, len(v))
	for i, x := range v {
		c[i] = new(big.Int).Set(x)
	}
	return c
}

// factorial is n! for small n.
func factorial(n int) *big.Int { return new(big.Int).MulRange(1, int64(max(n, 1))) }

// combine weighs the sums by coalition size into the Shapley values.
func combine(k, dims int, sizeSum [][]*big.Int, withSum [][][]*big.Int) [][]*big.Rat {
	kf := factorial(k)
	with := make([]*big.Int, k+1)    // T ∋ i, |T| = s: (s−1)!(k−s)!
	without := make([]*big.Int, k+1) // T ∌ i, |T| = s: s!(k−s−1)!
	for s := 0; s <= k; s++ {
		if s >= 1 {
			with[s] = new(big.Int).Mul(factorial(s-1), factorial(k-s))
		}
		if s <= k-1 {
			without[s] = new(big.Int).Mul(factorial(s), factorial(k-s-1))
		}
	}
	phi := make([][]*big.Rat, k)
	var t, rest big.Int
	for i := range k {
		phi[i] = make([]*big.Rat, dims)
		for d := range dims {
			acc := new(big.Int)
			for s := 0; s <= k; s++ {
				a := withSum[i][s][d]
				if with[s] != nil {
					acc.Add(acc, t.Mul(with[s], a))
				}
				if without[s] != nil {
					rest.Sub(sizeSum[s][d], a)
					acc.Sub(acc, t.Mul(without[s], &rest))
				}
			}
			phi[i][d] = new(big.Rat).SetFrac(acc, kf)
		}
	}
	return phi
}

// ErrNotEfficient is returned when the Shapley values do not sum to the
// change; it would be a defect of this package.
var ErrNotEfficient = errors.New("attribution: Shapley values do not sum to the change")

// checkEfficiency checks Σ_i φ_i = v(all) − v(none) in every dimension.
func (g *Game) checkEfficiency() error {
	for d := range g.Empty {
		sum := new(big.Rat)
		for i := range g.K {
			sum.Add(sum, g.Phi[i][d])
		}
		want := new(big.Int).Sub(g.Full[d], g.Empty[d])
		if sum.Cmp(new(big.Rat).SetInt(want)) != 0 {
			return fmt.Errorf("dimension %d: Σφ = %s, change %s: %w", d, sum.RatString(), want, ErrNotEfficient)
		}
	}
	return nil
}
