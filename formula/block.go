package formula

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// Stage 6: the block grant by factor scores (项目经费依财力).
func (r *run) block() error {
	m, p := r.m, r.m.plan
	n := len(p.Subdistricts)
	// District sums of every indicator.
	sums := make([][]decimal.Decimal, len(p.Factors))
	for f, cols := range m.indCols {
		sums[f] = make([]decimal.Decimal, len(cols))
		for k, c := range cols {
			s := decimal.Zero
			for i := 0; i < n; i++ {
				s = s.Add(m.x[i][c])
			}
			sums[f][k] = s
		}
	}
	// Factor weight × indicator weight / district sum, once per indicator.
	scale := make([][]*big.Rat, len(p.Factors))
	for f, fa := range p.Factors {
		scale[f] = make([]*big.Rat, len(fa.Indicators))
		for k, in := range fa.Indicators {
			w := fa.Weight.Mul(in.Weight).Rat()
			scale[f][k] = w.Quo(w, sums[f][k].Rat())
		}
	}
	base := make([]*big.Rat, n)
	adj := make([]*big.Rat, n)
	sumBase, sumAdj := new(big.Rat), new(big.Rat)
	for i, s := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		sc := Score{Total: new(big.Rat), Adjustment: m.adjustment[i], Coef: m.coef[i]}
		if p.Performance != nil {
			sc.Rating = s.Rating
		}
		for f, fa := range p.Factors {
			for k, in := range fa.Indicators {
				x := m.x[i][m.indCols[f][k]]
				part := new(big.Rat).Mul(scale[f][k], x.Rat())
				sc.Total.Add(sc.Total, part)
				sc.Parts = append(sc.Parts, ScorePart{Factor: fa.ID, FactorName: fa.Name, FactorWeight: fa.Weight,
					Quantity: in.Quantity, Weight: in.Weight, Value: x, DistrictSum: sums[f][k], Part: part})
			}
		}
		base[i] = new(big.Rat).Mul(sc.Total, m.adjustment[i].Rat())
		adj[i] = new(big.Rat).Mul(base[i], m.coef[i].Rat())
		sc.Adjusted = adj[i]
		sumBase.Add(sumBase, base[i])
		sumAdj.Add(sumAdj, adj[i])
		a.Score = sc
	}

	b := r.remaining
	if p.Performance != nil && p.Performance.Mode == Reserve {
		if b.Sign() > 0 && sumBase.Sign() == 0 {
			return &RejectedError{Kind: NoBlockEligible, Gap: b, Detail: "every sub-district's block score is zero"}
		}
		if b.Sign() > 0 {
			q := new(big.Rat).Mul(b.Rat(), sumAdj)
			q.Quo(q, sumBase)
			b = m.u.floor(ratDecimal(q, m.u.places+1))
			r.res.PerformanceReserve = r.remaining.Sub(b)
		}
	} else if b.Sign() > 0 && sumAdj.Sign() == 0 {
		return &RejectedError{Kind: NoBlockEligible, Gap: b, Detail: "every sub-district's adjusted block score is zero"}
	}
	shares, err := m.u.largestRemainder(b, ratWeights(adj))
	if err != nil {
		return fmt.Errorf("block grant: %w", err)
	}
	r.res.BlockPool = b
	for i := range p.Subdistricts {
		a := &r.res.Subdistricts[i]
		a.Block = shares[i].Amount
		sc := &a.Score
		sc.Formula = "得分 " + FormatRat(sc.Total) + " × 调整系数 " + sc.Adjustment.String()
		if p.Performance != nil {
			sc.Formula += " × 绩效系数 " + sc.Coef.String() + " (" + sc.Rating + ")"
		}
		sc.Formula += " = 调整后得分 " + FormatRat(adj[i]) + ";块额 " + m.u.format(b) + " × " + FormatRat(adj[i]) +
			" / Σ " + FormatRat(sumAdj) + m.lrText(shares[i])
		if err := r.blockLines(a); err != nil {
			return err
		}
	}
	r.remaining = decimal.Zero
	return nil
}

// blockLines splits a sub-district's block amount over its indicators in
// proportion to their parts of the score, one line per indicator.
func (r *run) blockLines(a *Allocation) error {
	m := r.m
	parts := make([]*big.Rat, len(a.Score.Parts))
	for k, sp := range a.Score.Parts {
		parts[k] = sp.Part
	}
	shares, err := m.u.largestRemainder(a.Block, ratWeights(parts))
	if err != nil {
		return fmt.Errorf("block grant of %s: %w", a.ID, err)
	}
	for k, sp := range a.Score.Parts {
		text := sp.FactorName + " " + sp.FactorWeight.String() + " × " + sp.Weight.String() + " × " +
			sp.Value.String() + " / " + sp.DistrictSum.String() + approx(sp.Part) + " 分"
		if a.Block.Sign() > 0 {
			text += ";块额 " + m.u.format(a.Block) + " × " + FormatRat(sp.Part) + " / 得分 " + FormatRat(a.Score.Total) + m.lrText(shares[k])
		}
		a.Lines = append(a.Lines, Line{Stage: StageBlock, Item: sp.Quantity, Amount: shares[k].Amount, Formula: text})
	}
	return nil
}

// ratDecimal truncates a non-negative rational to the given number of
// decimal places (toward zero), exactly.
func ratDecimal(q *big.Rat, places int32) decimal.Decimal {
	if places < 0 {
		places = 0
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	n := new(big.Int).Mul(q.Num(), scale)
	n.Quo(n, q.Denom())
	return decimal.NewFromBigInt(n, -places)
}
