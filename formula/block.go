package formula

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// blockStage is stage 6, the block grant by factor scores (项目经费依财力).
//
// Scores are kept as integers: with Ω_k the factor weight × indicator
// weight of indicator k scaled to integers (×10^-eω), X_ik the values of
// its quantity scaled to integers, S_k = Σ_j X_jk and L = lcm_k S_k, the
// part of indicator k in sub-district i is exactly
//
//	W_f·w_k·x_ik / Σ_j x_jk = P_ik × 10^eω / L,  P_ik = Ω_k · X_ik · (L / S_k),
//
// so shares by score are shares by the integers P_ik, with no rational
// arithmetic in the loop. The rationals are rebuilt only to explain.
type blockStage struct {
	m        *Model
	res      *Result
	scaleNum *big.Int // 10^eω / L (or 1 / (L·10^-eω)): turns P into a score
	scaleDen *big.Int
	pool     decimal.Decimal
	sumAdj   *big.Int // Σ adjusted scores, in the units of scale × 10^eAdj
	eAdj     int32
	shares   []lrShare // per sub-district
	parts    [][]lrShare
	withPerf bool
}

// scaled turns an integer score into the exact score.
func (b *blockStage) scaled(n *big.Int) *big.Rat {
	return new(big.Rat).SetFrac(new(big.Int).Mul(n, b.scaleNum), b.scaleDen)
}

// intColumn scales decimals to integers at their finest exponent.
func intColumn(ds []decimal.Decimal) ([]*big.Int, int32) {
	out := decimalWeights(ds)
	exp := int32(0)
	for i, d := range ds {
		if i == 0 || d.Exponent() < exp {
			exp = d.Exponent()
		}
	}
	return out, exp
}

// intCol is intColumn held as int64s when every value fits, so that
// reading a value costs no allocation.
type intCol struct {
	small column
	big   []*big.Int
	exp   int32
}

// newIntCol scales ds like intColumn; exact keeps every value a big.Int.
func newIntCol(ds []decimal.Decimal, exact bool) intCol {
	if !exact {
		if c := newColumn(ds); c.ok {
			return intCol{small: c, exp: c.exp}
		}
	}
	x, exp := intColumn(ds)
	return intCol{big: x, exp: exp}
}

// at returns value i, using z as its storage if needed.
func (c *intCol) at(i int, z *big.Int) *big.Int {
	if c.small.ok {
		return z.SetInt64(c.small.v[i])
	}
	return c.big[i]
}

// intArena keeps copies of big integers with their words in shared
// arrays, so that many small results cost a few allocations instead of two
// each. The copies must not be changed.
type intArena struct {
	ints  []big.Int
	words []big.Word
}

// keep returns a copy of x held in the arena.
func (a *intArena) keep(x *big.Int) *big.Int {
	if len(a.ints) == cap(a.ints) {
		a.ints = make([]big.Int, 0, max(16, 2*cap(a.ints)))
	}
	w := x.Bits()
	if len(a.words)+len(w) > cap(a.words) {
		a.words = make([]big.Word, 0, max(64, 2*cap(a.words), len(w)))
	}
	off := len(a.words)
	a.words = append(a.words, w...)
	a.ints = a.ints[:len(a.ints)+1]
	z := a.ints[len(a.ints)-1].SetBits(a.words[off:len(a.words):len(a.words)])
	if x.Sign() < 0 {
		z.Neg(z)
	}
	return z
}

func (r *run) block() error {
	m, p := r.m, r.m.plan
	n := len(p.Subdistricts)
	b := &blockStage{m: m, res: r.res, withPerf: p.Performance != nil}

	// Indicators, flattened in factor order, with Ω_k and the columns.
	type indicator struct {
		f, k  int
		sum   decimal.Decimal
		x     intCol
		mult  *big.Int // Ω_k · L / S_k
		total *big.Int // S_k
	}
	var inds []indicator
	var omegas []decimal.Decimal
	var xs big.Int // scratch
	words := 0     // of every x and mult: a bound on the words of the parts
	for f, fa := range p.Factors {
		for k, in := range fa.Indicators {
			omegas = append(omegas, fa.Weight.Mul(in.Weight))
			vals := make([]decimal.Decimal, n)
			for i := range vals {
				vals[i] = m.x[i][m.indCols[f][k]]
			}
			x := newIntCol(vals, m.exactOnly)
			s := new(big.Int)
			for i := range n {
				v := x.at(i, &xs)
				s.Add(s, v)
				words += len(v.Bits())
			}
			inds = append(inds, indicator{f: f, k: k, x: x, total: s, sum: decimal.NewFromBigInt(s, x.exp)})
		}
	}
	omega, eOmega := intColumn(omegas)
	l := big.NewInt(1)
	g := new(big.Int)
	maxMult := 0
	for _, in := range inds {
		if in.total.Sign() == 0 { // validation forbids it; keep the arithmetic safe regardless
			continue
		}
		g.GCD(nil, nil, l, in.total)
		l.Mul(l, new(big.Int).Quo(in.total, g))
	}
	for q := range inds {
		if inds[q].total.Sign() == 0 {
			inds[q].mult = new(big.Int)
			continue
		}
		mult := new(big.Int).Quo(l, inds[q].total)
		inds[q].mult = mult.Mul(mult, omega[q])
		words += n * len(mult.Bits())
		maxMult = max(maxMult, len(mult.Bits()))
	}
	b.scaleNum, b.scaleDen = pow10Int(max(eOmega, 0)), l
	if eOmega < 0 {
		b.scaleNum, b.scaleDen = big.NewInt(1), new(big.Int).Mul(l, pow10Int(-eOmega))
	}

	// Integer weights: base_i = Σ_k P_ik · A_i, adj_i = base_i · C_i,
	// kept in one arena; t and u are scratch.
	adjInts := newIntCol(m.adjustment, m.exactOnly)
	coefInts := newIntCol(m.coef, m.exactOnly)
	nk := len(inds)
	ar := intArena{ints: make([]big.Int, 0, n*(nk+3)), words: make([]big.Word, 0, words+n*(2*maxMult+8))}
	parts := make([]ScorePart, n*nk)
	ws := make([]*big.Int, n*nk)
	adj := make([]*big.Int, n)
	sumBase, sumAdj := new(big.Int), new(big.Int)
	var sum, t, u big.Int
	for i, s := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		sc := Score{Adjustment: m.adjustment[i], Coef: m.coef[i], b: b, i: i,
			Parts: parts[i*nk : (i+1)*nk : (i+1)*nk]}
		if p.Performance != nil {
			sc.Rating = s.Rating
		}
		sum.SetInt64(0)
		for q, in := range inds {
			fa := p.Factors[in.f]
			t.Mul(in.mult, in.x.at(i, &xs))
			sum.Add(&sum, &t)
			part := ar.keep(&t)
			ws[i*nk+q] = part
			sc.Parts[q] = ScorePart{Factor: fa.ID, FactorName: fa.Name, FactorWeight: fa.Weight,
				Quantity: fa.Indicators[in.k].Quantity, Weight: fa.Indicators[in.k].Weight,
				Value: m.x[i][m.indCols[in.f][in.k]], DistrictSum: in.sum, p: part, b: b}
		}
		sc.sum = ar.keep(&sum)
		t.Mul(&sum, adjInts.at(i, &xs))
		sumBase.Add(sumBase, &t)
		u.Mul(&t, coefInts.at(i, &xs))
		sumAdj.Add(sumAdj, &u)
		adj[i] = ar.keep(&u)
		a.Score = sc
	}
	b.sumAdj, b.eAdj = sumAdj, adjInts.exp+coefInts.exp

	pool := r.remaining
	if p.Performance != nil && p.Performance.Mode == Reserve {
		if pool.Sign() > 0 && sumBase.Sign() == 0 {
			return &RejectedError{Kind: NoBlockEligible, Gap: pool, Detail: "every sub-district's block score is zero"}
		}
		if pool.Sign() > 0 {
			// B = floor_u(remaining × Σadj / Σbase), Σadj/Σbase = ΣadjInts·10^eCoef / ΣbaseInts.
			q := new(big.Rat).SetFrac(sumAdj, sumBase)
			q.Mul(q, ratPow10(coefInts.exp))
			q.Mul(q, pool.Rat())
			pool = m.u.floor(ratDecimal(q, m.u.places+1))
			r.res.PerformanceReserve = r.remaining.Sub(pool)
		}
	} else if pool.Sign() > 0 && sumAdj.Sign() == 0 {
		return &RejectedError{Kind: NoBlockEligible, Gap: pool, Detail: "every sub-district's adjusted block score is zero"}
	}
	split := func(out []lrShare, amount decimal.Decimal, w []*big.Int, buf *lrBuf) error {
		if m.exactOnly {
			return m.u.lrExactInto(out, amount, w)
		}
		return m.u.lrInto(out, amount, w, buf)
	}
	var buf lrBuf
	shares := make([]lrShare, n)
	if err := split(shares, pool, adj, &buf); err != nil {
		return fmt.Errorf("block grant: %w", err)
	}
	b.pool, b.shares = pool, shares
	b.parts = make([][]lrShare, n)
	all := make([]lrShare, n*nk)
	r.res.BlockPool = pool
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Block = shares[i].Amount
		// The block amount split over the indicators by their parts of the score.
		ps := all[i*nk : (i+1)*nk : (i+1)*nk]
		if err := split(ps, a.Block, ws[i*nk:(i+1)*nk], &buf); err != nil {
			return fmt.Errorf("block grant of %s: %w", a.ID, err)
		}
		b.parts[i] = ps
		for q, sp := range a.Score.Parts {
			a.Lines = append(a.Lines, Line{Stage: StageBlock, Item: sp.Quantity, Amount: ps[q].Amount,
				ex: b, i: int32(i), k: int32(q)})
		}
	}
	r.remaining = decimal.Zero
	return nil
}

// explain renders a block line: the indicator's part of the score, then
// its share of the sub-district's block amount.
func (b *blockStage) explain(l *Line) string {
	a := &b.res.Subdistricts[l.i]
	sp := a.Score.Parts[l.k]
	part := sp.Part()
	t := sp.FactorName + " " + sp.FactorWeight.String() + " × " + sp.Weight.String() + " × " +
		sp.Value.String() + " / " + sp.DistrictSum.String() + approx(part) + " 分"
	if a.Block.Sign() > 0 {
		t += ";块额 " + b.m.u.format(a.Block) + " × " + FormatRat(part) + " / 得分 " + FormatRat(a.Score.Total()) + b.m.lrText(b.parts[l.i][l.k])
	}
	return t
}

// scoreText says how a sub-district's block amount was reached.
func (b *blockStage) scoreText(s Score) string {
	t := "得分 " + FormatRat(s.Total()) + " × 调整系数 " + s.Adjustment.String()
	if b.withPerf {
		t += " × 绩效系数 " + s.Coef.String() + " (" + s.Rating + ")"
	}
	adj := s.Adjusted()
	sumAdj := b.scaled(b.sumAdj)
	sumAdj.Mul(sumAdj, ratPow10(b.eAdj))
	return t + " = 调整后得分 " + FormatRat(adj) + ";块额 " + b.m.u.format(b.pool) + " × " +
		FormatRat(adj) + " / Σ " + FormatRat(sumAdj) + b.m.lrText(b.shares[s.i])
}

// ratDecimal truncates a non-negative rational to the given number of
// decimal places (toward zero), exactly.
func ratDecimal(q *big.Rat, places int32) decimal.Decimal {
	if places < 0 {
		places = 0
	}
	n := new(big.Int).Mul(q.Num(), pow10Int(places))
	n.Quo(n, q.Denom())
	return decimal.NewFromBigInt(n, -places)
}

func pow10Int(k int32) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil) }

// ratPow10 is 10^k for any integer k.
func ratPow10(k int32) *big.Rat {
	if k >= 0 {
		return new(big.Rat).SetInt(pow10Int(k))
	}
	return new(big.Rat).SetFrac(big.NewInt(1), pow10Int(-k))
}
