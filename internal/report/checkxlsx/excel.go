package checkxlsx

import "fmt"

// This file writes the formula fragments every stage shares: the three
// roundings of rules §1.2 and largest remainder (rules §1.3).

// round is round(x): the nearest multiple of U, halves away from zero
// (Excel's and LibreOffice's ROUND to the unit's decimal places D).
func (b *book) round(x string) string {
	return fmt.Sprintf("ROUND(%s,%s)", x, b.in.digits)
}

// floorU is floor_u(x) for x ≥ 0. x is first rounded to D+6 places, so
// that a product such as 0.25 × 13331600 that a double holds as
// 3332899.9999999995 floors to 3332900 as the exact product does.
func (b *book) floorU(x string) string {
	return fmt.Sprintf("ROUNDDOWN(ROUND(%s,%s+6),%s)", x, b.in.digits, b.in.digits)
}

// ceilU is ceil_u(x) for x ≥ 0, with floorU's guard.
func (b *book) ceilU(x string) string {
	return fmt.Sprintf("ROUNDUP(ROUND(%s,%s+6),%s)", x, b.in.digits, b.in.digits)
}

// lrHeader are the labels of the four columns lr writes.
var lrHeader = []string{"配额整数部分(单位)", "余数", "余数名次", "所得"}

// lr writes a largest-remainder split LR(budget, w) (rules §1.3) of the
// weights in column wc, rows r0–r1 of sheet, into four columns from c:
// the floor of each quota in units of U, its remainder, its rank among the
// remainders (ties to the earlier row) and the amount: (floor + 1 if the
// rank is within the units left over) × U. budget is a reference to a
// multiple of U.
//
// integer says that the weights are multiples of U (project demands,
// room above floors): then the remainders are computed exactly as
// integers, (B·w − Σw·floor) / Σw, while B·w stays below 2^53. Otherwise
// (scores, growth) they are rounded to 6 decimal places, so that equal
// remainders reached by different floating-point paths tie as they do
// exactly.
func (b *book) lr(sheet string, r0, r1, wc, c int, budget string, integer bool) {
	u := b.in.unit
	wr := fmt.Sprintf("%s:%s", absName(wc, r0), absName(wc, r1))
	fr := fmt.Sprintf("%s:%s", absName(c, r0), absName(c, r1))
	rr := fmt.Sprintf("%s:%s", absName(c+1, r0), absName(c+1, r1))
	bu := fmt.Sprintf("ROUND(%s/%s,0)", budget, u)
	for r := r0; r <= r1; r++ {
		w, f, rem, rank := cellName(wc, r), cellName(c, r), cellName(c+1, r), cellName(c+2, r)
		if integer {
			su := fmt.Sprintf("ROUND(SUM(%s)/%s,0)", wr, u)
			wu := fmt.Sprintf("ROUND(%s/%s,0)", w, u)
			b.formula(sheet, c, r, fmt.Sprintf("IF(%s=0,0,INT(%s*%s/%s))", su, bu, wu, su))
			b.formula(sheet, c+1, r, fmt.Sprintf("IF(%s=0,0,(%s*%s-%s*%s)/%s)", su, bu, wu, su, f, su))
		} else {
			b.formula(sheet, c, r, fmt.Sprintf("IF(SUM(%s)=0,0,INT(%s*%s/SUM(%s)))", wr, bu, w, wr))
			b.formula(sheet, c+1, r, fmt.Sprintf("IF(SUM(%s)=0,0,ROUND(%s*%s/SUM(%s)-%s,6))", wr, bu, w, wr, f))
		}
		b.formula(sheet, c+2, r, fmt.Sprintf("SUMPRODUCT((%s>%s)*1)+SUMPRODUCT((ROW(%s)<ROW())*(%s=%s))+1", rr, rem, rr, rr, rem))
		b.formula(sheet, c+3, r, fmt.Sprintf("ROUND((%s+IF(AND(%s>0,%s<=%s-SUM(%s)),1,0))*%s,%s)", f, w, rank, bu, fr, u, b.in.digits))
	}
}

// lookup is the coefficient of rating cell r in a table of ratings and
// coefficients (qualified ranges), matched exactly (EXACT: case and
// wildcards as written).
func lookup(r, ratings, coefs string) string {
	return fmt.Sprintf("SUMPRODUCT(EXACT(%s,%s)*%s)", ratings, r, coefs)
}
