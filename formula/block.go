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
	scale    *big.Rat // 10^eω / L: turns P into a score
	pool     decimal.Decimal
	sumAdj   *big.Rat  // Σ adjusted scores
	shares   []lrShare // per sub-district
	parts    [][]lrShare
	withPerf bool
}

// scaled turns an integer score into the exact score.
func (b *blockStage) scaled(n *big.Int) *big.Rat {
	r := new(big.Rat).SetInt(n)
	return r.Mul(r, b.scale)
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

func (r *run) block() error {
	m, p := r.m, r.m.plan
	n := len(p.Subdistricts)
	b := &blockStage{m: m, res: r.res, withPerf: p.Performance != nil}

	// Indicators, flattened in factor order, with Ω_k and the columns.
	type indicator struct {
		f, k  int
		sum   decimal.Decimal
		x     []*big.Int
		mult  *big.Int // Ω_k · L / S_k
		total *big.Int // S_k
	}
	var inds []indicator
	var omegas []decimal.Decimal
	for f, fa := range p.Factors {
		for k, in := range fa.Indicators {
			omegas = append(omegas, fa.Weight.Mul(in.Weight))
			vals := make([]decimal.Decimal, n)
			for i := range vals {
				vals[i] = m.x[i][m.indCols[f][k]]
			}
			x, exp := intColumn(vals)
			s := new(big.Int)
			for _, v := range x {
				s.Add(s, v)
			}
			inds = append(inds, indicator{f: f, k: k, x: x, total: s, sum: decimal.NewFromBigInt(s, exp)})
		}
	}
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
	}
	b.scale = new(big.Rat).SetFrac(pow10Int(max(eOmega, 0)), l)
	if eOmega < 0 {
		b.scale = new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Mul(l, pow10Int(-eOmega)))
	}

	// Integer weights: base_i = Σ_k P_ik · A_i, adj_i = base_i · C_i.
	adjInts, eAdj := intColumn(m.adjustment)
	coefInts, eCoef := intColumn(m.coef)
	base := make([]*big.Int, n)
	adj := make([]*big.Int, n)
	sumBase, sumAdj := new(big.Int), new(big.Int)
	for i, s := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		sc := Score{Adjustment: m.adjustment[i], Coef: m.coef[i], sum: new(big.Int), b: b, i: i,
			Parts: make([]ScorePart, len(inds))}
		if p.Performance != nil {
			sc.Rating = s.Rating
		}
		for q, in := range inds {
			fa := p.Factors[in.f]
			part := new(big.Int).Mul(in.mult, in.x[i])
			sc.sum.Add(sc.sum, part)
			sc.Parts[q] = ScorePart{Factor: fa.ID, FactorName: fa.Name, FactorWeight: fa.Weight,
				Quantity: fa.Indicators[in.k].Quantity, Weight: fa.Indicators[in.k].Weight,
				Value: m.x[i][m.indCols[in.f][in.k]], DistrictSum: in.sum, p: part, b: b}
		}
		base[i] = new(big.Int).Mul(sc.sum, adjInts[i])
		adj[i] = new(big.Int).Mul(base[i], coefInts[i])
		sumBase.Add(sumBase, base[i])
		sumAdj.Add(sumAdj, adj[i])
		a.Score = sc
	}
	b.sumAdj = b.scaled(sumAdj)
	b.sumAdj.Mul(b.sumAdj, ratPow10(eAdj+eCoef))

	pool := r.remaining
	if p.Performance != nil && p.Performance.Mode == Reserve {
		if pool.Sign() > 0 && sumBase.Sign() == 0 {
			return &RejectedError{Kind: NoBlockEligible, Gap: pool, Detail: "every sub-district's block score is zero"}
		}
		if pool.Sign() > 0 {
			// B = floor_u(remaining × Σadj / Σbase), Σadj/Σbase = ΣadjInts·10^eCoef / ΣbaseInts.
			q := new(big.Rat).SetFrac(sumAdj, sumBase)
			q.Mul(q, ratPow10(eCoef))
			q.Mul(q, pool.Rat())
			pool = m.u.floor(ratDecimal(q, m.u.places+1))
			r.res.PerformanceReserve = r.remaining.Sub(pool)
		}
	} else if pool.Sign() > 0 && sumAdj.Sign() == 0 {
		return &RejectedError{Kind: NoBlockEligible, Gap: pool, Detail: "every sub-district's adjusted block score is zero"}
	}
	shares, err := m.u.largestRemainder(pool, adj)
	if err != nil {
		return fmt.Errorf("block grant: %w", err)
	}
	b.pool, b.shares = pool, shares
	b.parts = make([][]lrShare, n)
	r.res.BlockPool = pool
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Block = shares[i].Amount
		// The block amount split over the indicators by their parts of the score.
		ws := make([]*big.Int, len(a.Score.Parts))
		for q, sp := range a.Score.Parts {
			ws[q] = sp.p
		}
		ps, err := m.u.largestRemainder(a.Block, ws)
		if err != nil {
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
	return t + " = 调整后得分 " + FormatRat(adj) + ";块额 " + b.m.u.format(b.pool) + " × " +
		FormatRat(adj) + " / Σ " + FormatRat(b.sumAdj) + b.m.lrText(b.shares[s.i])
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
