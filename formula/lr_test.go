package formula

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	mrand "math/rand"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestLRMatchesExact holds the word-based largest remainder to the big
// integer reference on random splits: small, tied, zero and huge weights,
// and amounts beyond an int64 of units, with one scratch buffer reused
// across splits as the block stage does.
func TestLRMatchesExact(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	huge := func() *big.Int { // up to 200 bits
		b := make([]byte, 1+r.IntN(25))
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		return new(big.Int).SetBytes(b)
	}
	weight := func(kind int) *big.Int {
		switch kind {
		case 0: // small, often tied
			return big.NewInt(r.Int64N(4))
		case 1: // int64-sized
			return big.NewInt(r.Int64N(1 << 62))
		case 2: // beyond an int64
			return huge()
		default: // a mix, with repeats of a large value for ties
			if r.IntN(2) == 0 {
				return new(big.Int).Lsh(big.NewInt(3), 70)
			}
			return big.NewInt(r.Int64N(1000))
		}
	}
	var buf lrBuf
	for it := range 5000 {
		u, _ := newUnit(decimal.New(1, -allowedUnits[r.IntN(len(allowedUnits))]))
		kind := r.IntN(4)
		w := make([]*big.Int, 1+r.IntN(12))
		for i := range w {
			w[i] = weight(kind)
		}
		var units *big.Int
		switch r.IntN(4) {
		case 0:
			units = big.NewInt(r.Int64N(10))
		case 1:
			units = big.NewInt(r.Int64N(1 << 40))
		case 2:
			units = big.NewInt(r.Int64())
		default:
			units = huge()
		}
		b := u.amount(units)
		if r.IntN(3) == 0 { // the same amount with a finer exponent
			b = decimal.NewFromBigInt(new(big.Int).Mul(b.Coefficient(), big.NewInt(100)), b.Exponent()-2)
		}
		got := make([]lrShare, len(w))
		want := make([]lrShare, len(w))
		err1 := u.lrInto(got, b, w, &buf)
		err2 := u.lrExactInto(want, b, w)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("split %d: errors %v and %v", it, err1, err2)
		}
		if err1 != nil {
			continue
		}
		if g, x := lrString(got), lrString(want); g != x {
			t.Fatalf("split %d of %s over %v:\n got %s\nwant %s", it, b, w, g, x)
		}
	}
}

// TestLRErrors checks the errors and empty splits of both paths.
func TestLRErrors(t *testing.T) {
	u, _ := newUnit(dec("1"))
	for _, w := range [][]*big.Int{ints(0, 0), {new(big.Int).Lsh(big.NewInt(1), 70), big.NewInt(0)}} {
		for _, b := range []string{"0", "5", "123456789012345678901234567890"} {
			got, want := make([]lrShare, len(w)), make([]lrShare, len(w))
			err1, err2 := u.lrInto(got, dec(b), w, new(lrBuf)), u.lrExactInto(want, dec(b), w)
			if err1 != err2 || err1 == nil && lrString(got) != lrString(want) {
				t.Errorf("%s over %v: %v %s, want %v %s", b, w, err1, lrString(got), err2, lrString(want))
			}
		}
	}
}

// lrString renders every amount (with its exponent), extra and quota.
func lrString(s []lrShare) string {
	out := ""
	for _, x := range s {
		out += fmt.Sprintf("%s/%d %v %s; ", x.Amount, x.Amount.Exponent(), x.Extra, x.Quota().RatString())
	}
	return out
}

// TestBlockHugeMatchesExact gives the block stage quantities and
// capacities far beyond int64 mantissas and requires the fast and exact
// paths to agree, formulas included.
func TestBlockHugeMatchesExact(t *testing.T) {
	scale := decimal.New(1, 20)
	accepted := 0
	for seed := uint64(1); seed <= 60; seed++ {
		p := randomPlan(seed)
		switch seed % 3 {
		case 0: // huge indicator values
			for _, s := range p.Subdistricts {
				for q, v := range s.Quantities.All() {
					if q[0] == 'q' {
						s.Quantities.Set(q, v.Mul(scale).Add(decimal.New(int64(seed), -3)))
					}
				}
			}
		case 1: // a block pool of more than an int64 of units
			p.Capacity = p.Capacity.Add(decimal.RequireFromString("98765432109876543210987650000"))
		default: // both
			for _, s := range p.Subdistricts {
				s.Quantities.Set("q0", s.Quantities.Value("q0").Mul(scale))
			}
			p.Capacity = p.Capacity.Mul(scale)
		}
		r1, err1 := fastMatchesExact(t, seed, p)
		if err1 == nil && r1.BlockPool.Sign() > 0 {
			accepted++
		}
	}
	if accepted < 20 {
		t.Errorf("only %d plans reached the block grant", accepted)
	}
}

// TestMulDiv128 checks the two-word division against big integers, on
// random and extreme words.
func TestMulDiv128(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	r1 := mrand.New(mrand.NewSource(9)) // for big.Int.Rand
	word := func() uint64 {
		switch r.IntN(6) {
		case 0:
			return 0
		case 1:
			return math.MaxUint64
		case 2:
			return 1 << 63
		case 3:
			return uint64(r.IntN(3))
		}
		return r.Uint64() >> r.IntN(64)
	}
	for range 200000 {
		d := new(big.Int).SetBits([]big.Word{big.Word(word()), big.Word(max(1, word()))})
		w := new(big.Int).Rand(r1, new(big.Int).Add(d, big.NewInt(1)))
		if r.IntN(8) == 0 {
			w.Set(d)
		}
		x := uint64(r.Int64()) >> r.IntN(64)
		if r.IntN(8) == 0 {
			x = math.MaxInt64
		}
		wantQ, wantR := new(big.Int).QuoRem(new(big.Int).Mul(new(big.Int).SetUint64(x), w), d, new(big.Int))
		s := d.Bits()
		sh := uint(bits.LeadingZeros64(uint64(s[1])))
		var w1, w0 uint64
		if wb := w.Bits(); len(wb) > 1 {
			w1, w0 = uint64(wb[1]), uint64(wb[0])
		} else if len(wb) == 1 {
			w0 = uint64(wb[0])
		}
		q, r1, r0 := mulDiv128(x, w1, w0, uint64(s[1])<<sh|uint64(s[0])>>(64-sh), uint64(s[0])<<sh, sh)
		gotR := new(big.Int).SetBits([]big.Word{big.Word(r0), big.Word(r1)})
		if q != wantQ.Uint64() || !wantQ.IsUint64() || gotR.Cmp(wantR.Lsh(wantR, sh)) != 0 {
			t.Fatalf("%d·%s / %s = %d r %s, want %s r %s", x, w, d, q, gotR, wantQ, wantR)
		}
	}
}
