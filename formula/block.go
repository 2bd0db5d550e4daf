package formula

import (
	"fmt"
	"math/big"
	"sync"

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
	sums     blockSums // what every 街道's score formula says alike, made once (scoreText)
}

// blockSums is what every score formula of a block grant says alike: the
// pool and the sum of adjusted scores, at the places the pool needs.
type blockSums struct {
	once      sync.Once
	zero      bool // the adjusted scores sum to zero
	places    int32
	pool, sum string
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

// blockIndicator is one indicator of the block grant, flattened in factor
// order, with its column of values scaled to integers.
type blockIndicator struct {
	f, k  int // factor and indicator index
	sum   decimal.Decimal
	x     intCol
	mult  *big.Int // Ω_k · L / S_k
	total *big.Int // S_k
}

// blockWeights are the block grant's integer weights: the parts P_ik of
// every score and each sub-district's adjusted score (their sum is the
// stage's sumAdj).
type blockWeights struct {
	parts   []*big.Int // [sub-district × indicator] P_ik
	adj     []*big.Int // [sub-district] Σ_k P_ik · A_i · C_i
	base    []*big.Int // [sub-district] Σ_k P_ik · A_i, kept only when damping's floors keep the rating
	sumBase *big.Int   // Σ_i Σ_k P_ik · A_i
	coefExp int32      // the exponent the coefficients C_i were scaled by
}

// block is stage 6 of rules §3: the block grant by factor scores.
func (r *run) block() error {
	b, w, nk := r.blockWeights() // tail.go
	remaining := r.remaining
	pool, err := r.blockPool(b, w)
	if err != nil {
		return err
	}
	if err := r.shareBlock(b, pool, w, nk); err != nil || !r.m.keepsRating() {
		return err
	}
	return r.neutralBlock(remaining, w.base)
}

// newBlockWeights computes the block grant's scores into res and its
// integer weights, and returns them with the stage and the number of
// indicators. The weights are read, never changed, by the rest of the
// stage.
func newBlockWeights(m *Model, res *Result) (*blockStage, *blockWeights, int) {
	b := &blockStage{m: m, res: res, withPerf: m.plan.Performance != nil}
	inds, omegas, words := b.indicators()
	multWords, maxMult := b.scale(inds, omegas)
	n, nk := len(res.Subdistricts), len(inds)
	w := &blockWeights{parts: make([]*big.Int, n*nk), adj: make([]*big.Int, n), sumBase: new(big.Int)}
	if m.keepsRating() {
		w.base = make([]*big.Int, n)
	}
	b.weigh(inds, words+multWords, maxMult, w)
	return b, w, nk
}

// keepsRating reports whether damping tests floors without the effect of
// the performance rating: [damping] floor_keeps_rating with [performance].
func (m *Model) keepsRating() bool {
	d := m.plan.Damping
	return d != nil && d.FloorKeepsRating && m.plan.Performance != nil
}

// neutralBlock computes what each sub-district's block grant would be
// without its rating, neutral = LR(R, base) with R what remained at the
// start of stage 6 (rules §3 stage 7), and records the rating's effect,
// block − neutral.
func (r *run) neutralBlock(remaining decimal.Decimal, base []*big.Int) error {
	n := len(r.res.Subdistricts)
	shares := make([]lrShare, n)
	// Without lines the neutral amounts are read only for the effects:
	// on units, they need no decimal of their own.
	buf := lrBuf{unitsOnly: r.res.noLines && !r.m.exactOnly}
	if err := r.m.splitInto(shares, remaining, base, &buf); err != nil {
		return fmt.Errorf("block grant without ratings: %w", err)
	}
	r.neutral = shares
	effects := make([]decimal.Decimal, n)
	if buf.unitsLeft {
		if r.effectsOnUnits(effects, buf.floors) {
			return nil
		}
		// An effect off units (never for an amount of the result): the
		// amounts the split left, for difference.
		r.m.u.lrAmounts(shares, base, buf.floors, shares[0].split)
	}
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		effects[i] = r.difference(a.Block, shares[i].Amount)
		a.RatingEffect = &effects[i]
	}
	return nil
}

// effectsOnUnits sets each sub-district's rating effect, its block grant
// less its neutral share of floors[i] units, as difference does on units;
// false when a block grant is not a whole number of units that fits.
func (r *run) effectsOnUnits(effects []decimal.Decimal, floors []int64) bool {
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		b, ok := r.m.u.toUnits(a.Block)
		var c checked
		d := c.sub(b, floors[i])
		if !ok || c.bad {
			return false
		}
		effects[i] = r.m.u.unitsDecimal(d)
		a.RatingEffect = &effects[i]
	}
	return true
}

// difference is x − y; on units for a result without lines (off the
// exact-only path), one decimal instead of two rescaled ones.
func (r *run) difference(x, y decimal.Decimal) decimal.Decimal {
	if r.res.noLines && !r.m.exactOnly {
		a, ok1 := r.m.u.toUnits(x)
		b, ok2 := r.m.u.toUnits(y)
		var c checked
		if d := c.sub(a, b); ok1 && ok2 && !c.bad {
			return r.m.u.unitsDecimal(d)
		}
	}
	return x.Sub(y)
}

// indicators flattens the indicators in factor order with their columns
// and sums S_k, and returns the weights Ω_k = W_f · w_k and a bound on
// the words of the columns' values.
func (b *blockStage) indicators() (inds []blockIndicator, omegas []decimal.Decimal, words int) {
	m, p := b.m, b.m.plan
	n := len(p.Subdistricts)
	var xs big.Int // scratch
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
			inds = append(inds, blockIndicator{f: f, k: k, x: x, total: s, sum: decimal.NewFromBigInt(s, x.exp)})
		}
	}
	return inds, omegas, words
}

// scale sets each indicator's multiplier Ω_k · L / S_k, L = lcm_k S_k, and
// the stage's scale 10^eω / L. It returns a bound on the words of every
// part and the most words of a multiplier.
func (b *blockStage) scale(inds []blockIndicator, omegas []decimal.Decimal) (words, maxMult int) {
	n := len(b.m.plan.Subdistricts)
	omega, eOmega := intColumn(omegas)
	l := big.NewInt(1)
	g := new(big.Int)
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
	return words, maxMult
}

// weigh computes every sub-district's score and integer weights into w:
// base_i = Σ_k P_ik · A_i, adj_i = base_i · C_i, kept in one arena sized
// by words and maxMult.
func (b *blockStage) weigh(inds []blockIndicator, words, maxMult int, w *blockWeights) {
	m, p := b.m, b.m.plan
	n, nk := len(p.Subdistricts), len(inds)
	adjInts := newIntCol(m.adjustment, m.exactOnly)
	coefInts := newIntCol(m.coef, m.exactOnly)
	ar := intArena{ints: make([]big.Int, 0, n*(nk+3)), words: make([]big.Word, 0, words+n*(2*maxMult+8))}
	parts := make([]ScorePart, n*nk)
	w.coefExp = coefInts.exp
	sumAdj := new(big.Int)
	var sum, t, u, xs big.Int // scratch
	for i, s := range p.Subdistricts {
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
			w.parts[i*nk+q] = part
			sc.Parts[q] = ScorePart{Factor: fa.ID, FactorName: fa.Name, FactorWeight: fa.Weight,
				Quantity: fa.Indicators[in.k].Quantity, Weight: fa.Indicators[in.k].Weight,
				Value: m.x[i][m.indCols[in.f][in.k]], DistrictSum: in.sum, p: part, b: b}
		}
		sc.sum = ar.keep(&sum)
		t.Mul(&sum, adjInts.at(i, &xs))
		w.sumBase.Add(w.sumBase, &t)
		if w.base != nil {
			w.base[i] = ar.keep(&t)
		}
		u.Mul(&t, coefInts.at(i, &xs))
		sumAdj.Add(sumAdj, &u)
		w.adj[i] = ar.keep(&u)
		b.res.Subdistricts[i].Score = sc
	}
	b.sumAdj, b.eAdj = sumAdj, adjInts.exp+coefInts.exp
}

// blockPool decides what the block grant shares out: all that remains,
// less in reserve mode what the coefficients below 1 keep back. It rejects
// a plan with money left and no score to share it by.
func (r *run) blockPool(b *blockStage, w *blockWeights) (decimal.Decimal, error) {
	m, p := r.m, r.m.plan
	pool := r.remaining
	if p.Performance != nil && p.Performance.Mode == Reserve {
		if pool.Sign() > 0 && w.sumBase.Sign() == 0 {
			return pool, rejected(NoBlockEligible, pool, textBlockScoreZero)
		}
		if pool.Sign() > 0 {
			// B = floor_u(remaining × Σadj / Σbase), Σadj/Σbase = ΣadjInts·10^eCoef / ΣbaseInts.
			q := new(big.Rat).SetFrac(b.sumAdj, w.sumBase)
			q.Mul(q, ratPow10(w.coefExp))
			q.Mul(q, pool.Rat())
			pool = m.u.floor(ratDecimal(q, m.u.places+1))
			r.res.PerformanceReserve = r.remaining.Sub(pool)
		}
	} else if pool.Sign() > 0 && b.sumAdj.Sign() == 0 {
		return pool, rejected(NoBlockEligible, pool, textAdjustedScoreZero)
	}
	return pool, nil
}

// shareBlock shares the pool over the sub-districts by their adjusted
// scores, then each sub-district's amount over its indicators by their
// parts of its score, one line each.
func (r *run) shareBlock(b *blockStage, pool decimal.Decimal, w *blockWeights, nk int) error {
	m := r.m
	n := len(r.res.Subdistricts)
	var buf lrBuf
	shares := make([]lrShare, n)
	if err := m.splitInto(shares, pool, w.adj, &buf); err != nil {
		return fmt.Errorf("block grant: %w", err)
	}
	b.pool, b.shares = pool, shares
	b.parts = make([][]lrShare, n)
	var all []lrShare
	if !r.res.noLines {
		all = make([]lrShare, n*nk)
	}
	r.res.BlockPool = pool
	for i := range r.res.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Block = shares[i].Amount
		if r.res.noLines {
			continue // the indicators' parts only explain lines
		}
		ps := all[i*nk : (i+1)*nk : (i+1)*nk]
		if err := m.splitInto(ps, a.Block, w.parts[i*nk:(i+1)*nk], &buf); err != nil {
			return fmt.Errorf("block grant of %s: %w", a.ID, err)
		}
		b.parts[i] = ps
		for q, sp := range a.Score.Parts {
			r.line(a, Line{Stage: StageBlock, Item: sp.Quantity, Amount: ps[q].Amount, ex: b, i: int32(i), k: int32(q)})
		}
	}
	r.remaining = decimal.Zero
	return nil
}

// splitInto is largestRemainder into out with scratch space buf, on the
// exact path alone when the model says so.
func (m *Model) splitInto(out []lrShare, amount decimal.Decimal, w []*big.Int, buf *lrBuf) error {
	if m.exactOnly {
		return m.u.lrExactInto(out, amount, w)
	}
	return m.u.lrInto(out, amount, w, buf)
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

// pow10Int is 10^k (k ≥ 0) as a new big.Int: from a word (pow10s) for
// k ≤ 19, the powers the lines' numbers need, else by exponentiation.
func pow10Int(k int32) *big.Int {
	if k >= 0 && k < int32(len(pow10s)) {
		return new(big.Int).SetUint64(pow10s[k])
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
}

// ratPow10 is 10^k for any integer k.
func ratPow10(k int32) *big.Rat {
	if k >= 0 {
		return new(big.Rat).SetInt(pow10Int(k))
	}
	return new(big.Rat).SetFrac(big.NewInt(1), pow10Int(-k))
}
