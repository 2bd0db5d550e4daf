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

// lrWidth is the number of lrHeader's columns; the amount is in the fourth.
const lrWidth = 8

// lr writes a largest-remainder split LR(budget, w) (rules §1.3) of the
// weights in column wc, rows r0–r1 of sheet, into lrWidth columns from c:
// the floor of each quota in units of U, its remainder, its place among
// the rows whose remainder ties the threshold, and the amount; in row r0
// only, the units k left over after the floors, the threshold (the k-th
// largest remainder, LARGE), how many remainders exceed it and Σw. A row gets
// one more unit when its remainder exceeds the threshold, or ties it and
// is among the first k − (those above) such rows (ties to the earlier
// row). Each row costs a constant number of operations, so a split of n
// rows recalculates in O(n), not O(n²) as a rank per row would. budget is
// a reference to a multiple of U.
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
	k, th, g, sw := absName(c+4, r0), absName(c+5, r0), absName(c+6, r0), absName(c+7, r0)
	b.formula(sheet, c+7, r0, "SUM("+wr+")")
	b.formula(sheet, c+4, r0, fmt.Sprintf("%s-SUM(%s)", bu, fr))
	b.formula(sheet, c+5, r0, fmt.Sprintf(`IF(OR(%s<=0,%s>COUNT(%s)),"",LARGE(%s,%s))`, k, k, rr, rr, k))
	b.formula(sheet, c+6, r0, fmt.Sprintf(`IF(%s="",0,SUMPRODUCT((%s>%s)*1))`, th, rr, th))
	for r := r0; r <= r1; r++ {
		w, f, rem, ord := cellName(wc, r), cellName(c, r), cellName(c+1, r), cellName(c+2, r)
		if integer {
			su := fmt.Sprintf("ROUND(%s/%s,0)", sw, u)
			wu := fmt.Sprintf("ROUND(%s/%s,0)", w, u)
			b.formula(sheet, c, r, fmt.Sprintf("IF(%s=0,0,INT(%s*%s/%s))", su, bu, wu, su))
			b.formula(sheet, c+1, r, fmt.Sprintf("IF(%s=0,0,(%s*%s-%s*%s)/%s)", su, bu, wu, su, f, su))
		} else {
			b.formula(sheet, c, r, fmt.Sprintf("IF(%s=0,0,INT(%s*%s/%s))", sw, bu, w, sw))
			b.formula(sheet, c+1, r, fmt.Sprintf("IF(%s=0,0,ROUND(%s*%s/%s-%s,6))", sw, bu, w, sw, f))
		}
		prev := ""
		if r > r0 {
			prev = "+" + cellName(c+2, r-1)
		}
		b.formula(sheet, c+2, r, fmt.Sprintf(`IF(%s="",0,IF(%s=%s,1,0)%s)`, th, rem, th, prev))
		extra := fmt.Sprintf(`IF(%s="",0,IF(AND(%s>0,OR(%s>%s,AND(%s=%s,%s<=%s-%s))),1,0))`, th, w, rem, th, rem, th, ord, k, g)
		b.formula(sheet, c+3, r, fmt.Sprintf("ROUND((%s+%s)*%s,%s)", f, extra, u, b.in.digits))
	}
}

// lookup is the coefficient of rating cell r in a table of ratings and
// coefficients (qualified ranges), matched exactly (EXACT: case and
// wildcards as written).
func lookup(r, ratings, coefs string) string {
	return fmt.Sprintf("SUMPRODUCT(EXACT(%s,%s)*%s)", ratings, r, coefs)
}
