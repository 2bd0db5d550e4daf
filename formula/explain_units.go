package formula

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// appendDemand's text of a project item on int64 mantissas (fixed.go),
// the way most items go: the unit cost, the basis and the coefficients
// multiplied without a big.Int, the demand rounded to units, the same
// bytes as the exact way (TestFastPathMatchesExact compares the lines of
// both ways). It reports false, having appended nothing, when a number
// does not fit or the model keeps to the exact path.

// appendDemandUnits is appendDemand with the projects' heads, on int64
// mantissas.
func (m *Model) appendDemandUnits(b []byte, i, j int, heads []string) (decimal.Decimal, []byte, bool) {
	if m.exactOnly {
		return decimal.Decimal{}, b, false
	}
	pr := m.plan.Projects[j]
	cost, ok := toSmall(pr.UnitCost)
	if !ok {
		return decimal.Decimal{}, b, false
	}
	s, ok := sumBasis(m.cols, m.projectCols[j], i)
	if !ok {
		return decimal.Decimal{}, b, false
	}
	exact, ok := mulSmall(cost, s)
	if !ok {
		return decimal.Decimal{}, b, false
	}
	start := len(b)
	b = m.appendBasis(append(b, heads[j]...), i, m.projectCols[j])
	if c, rated := m.projectCoef(i, j); rated {
		if exact, ok = mulCoef(exact, c); !ok {
			return decimal.Decimal{}, b[:start], false
		}
		b = fmt.Appendf(b, wordProjectRating, c.String(), m.plan.Subdistricts[i].ProjectRatings[pr.ID])
	}
	if e, k, cut := m.executionCoef(i, j); cut {
		if exact, ok = mulCoef(exact, e); !ok {
			return decimal.Decimal{}, b[:start], false
		}
		b = fmt.Appendf(b, wordExecution, e.String(), num(m.plan.Subdistricts[i].Execution[pr.ID]),
			num(m.plan.ProjectExecution.Bands[k].Below))
	}
	units, ok := mulRoundUnits(exact, small{1, 0}, m.u.places)
	if !ok {
		return decimal.Decimal{}, b[:start], false
	}
	same, ok := sameSmall(exact, small{units, -m.u.places})
	if !ok {
		return decimal.Decimal{}, b[:start], false
	}
	demand := m.u.unitsDecimal(units)
	b = append(b, " = "...)
	if !same {
		var plain [48]byte
		b = append(appendGrouped(b, plainDecimal(plain[:0], exact.m, exact.exp, true)), " → "...)
	}
	return demand, m.u.appendGroup(b, demand), true
}

// mulCoef is x × c on mantissas, c a non-negative coefficient.
func mulCoef(x small, c decimal.Decimal) (small, bool) {
	cs, ok := toSmall(c)
	if !ok {
		return small{}, false
	}
	return mulSmall(x, cs)
}

// sameSmall reports whether a and b are the same number; false when
// one does not fit at the other's exponent.
func sameSmall(a, b small) (same, ok bool) {
	e := min(a.exp, b.exp)
	x, ok1 := scaleUp(a.m, a.exp-e)
	y, ok2 := scaleUp(b.m, b.exp-e)
	return x == y, ok1 && ok2
}
