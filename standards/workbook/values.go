package workbook

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// value reads one cell of a row into its sub-district. A blank cell sets
// nothing: in a full import it is an error where the column is required
// (a name, a rating the plan needs, a quantity a standard reads), and
// otherwise means what leaving the key out of the plan file means (no
// adjustment: 1; no headcount: 0; no payroll: headcount × pay; no
// project rating: funded in full).
//
// v is the row's cell of the column, slot the number of c's key, num
// the number of c's name in the values it fills (-1 for none).
func (r *reader) value(rec *record, g *grid, row *gridRow, v cell, c *column, slot, num int) {
	col := int(v.col)
	first, had := rec.cells.getSlot(slot)
	rec.cells.setSlot(slot, pos{g, col, row.num})
	switch v.kind {
	case cellNoValue:
		r.add(codeNoValue, g, col, row.num, msgNoValue(c, v))
		return
	case cellExternal:
		r.add(formula.CodeBadValue, g, col, row.num, say(msg.WbExternalLink, c.named(), quote(v.display())))
		return
	}
	if v.kind == cellBlank {
		if c.required && !r.partial {
			code, msg := formula.CodeMissing, msgMissing(c)
			if c.kind == kindQuantity {
				code, msg = formula.CodeMissingQuantity, msgMissingQuantity(c)
			}
			r.add(code, g, col, row.num, msg)
		}
		return
	}
	switch c.kind {
	case kindName:
		name := r.textValue(g, row, col, c, v)
		if had && rec.sub.Name != "" && name != "" && name != rec.sub.Name {
			// One sub-district named two ways: which one is meant is for
			// the person who filled it in to say (issue 20 §9).
			r.add(formula.CodeBadValue, g, col, row.num, say(msg.WbNameDiffers, rec.sub.ID,
				first.addr(), quote(rec.sub.Name), g.addr(col, row.num), quote(name)))
			return
		}
		rec.sub.Name = strings.Clone(name) // not the whole line's text (a CSV file's)
	case kindRating:
		rec.sub.Rating = strings.Clone(r.rating(g, row, col, c, v, r.lay.ratings))
	case kindProjectRating:
		if s := r.rating(g, row, col, c, v, r.lay.pratings); s != "" {
			if rec.sub.ProjectRatings == nil {
				rec.sub.ProjectRatings = map[string]string{}
			}
			rec.sub.ProjectRatings[c.ref] = strings.Clone(s)
		}
	default:
		r.numberValue(rec, g, row, col, c, v, num)
	}
}

// textValue reads a text cell; an error value is a problem.
func (r *reader) textValue(g *grid, row *gridRow, col int, c *column, v cell) string {
	if v.kind == cellError {
		r.add(formula.CodeBadValue, g, col, row.num, msgKind(c, v))
		return ""
	}
	return r.text(g, v)
}

// rating reads a rating, which must be one of list (the plan's
// coefficients); "" after a problem.
func (r *reader) rating(g *grid, row *gridRow, col int, c *column, v cell, list []string) string {
	s := r.textValue(g, row, col, c, v)
	if s == "" {
		return ""
	}
	if !slices.Contains(list, s) {
		if c.kind == kindRating && r.plan.Performance == nil {
			return s // ignored by the rules without [performance]; kept as written
		}
		r.add(formula.CodeUnknownRef, g, col, row.num, msgRating(c, s, list))
		return ""
	}
	return s
}

// numberValue reads a number cell into the map or field its column names.
func (r *reader) numberValue(rec *record, g *grid, row *gridRow, col int, c *column, v cell, num int) {
	d, ok := r.number(g, row, col, c, v)
	if !ok {
		return
	}
	switch c.kind {
	case kindAdjustment:
		rec.sub.Adjustment = &d
	case kindQuantity:
		rec.sub.Quantities.SetNumbered(num, c.ref, d)
	case kindHeadcount:
		rec.sub.Staff.SetNumbered(num, c.ref, d)
	case kindPayroll:
		rec.sub.Payroll.SetNumbered(num, c.ref, d)
	}
}

// number reads a non-blank cell as a number of its column: not negative,
// and whole for a headcount.
func (r *reader) number(g *grid, row *gridRow, col int, c *column, v cell) (decimal.Decimal, bool) {
	var d decimal.Decimal
	var np numProblem
	var neg bool
	switch v.kind {
	case cellNumber:
		d, np, neg = readStoredIn(&r.small, v.text)
	case cellText:
		d, np, neg = readTextIn(&r.small, r.text(g, v))
	default:
		r.add(formula.CodeBadValue, g, col, row.num, msgKind(c, v))
		return d, false
	}
	switch {
	case np == numBad:
		r.add(formula.CodeBadValue, g, col, row.num, msgNotNumber(c, v))
	case np == numDigits:
		r.add(formula.CodeBadValue, g, col, row.num, msgDigits(c, v))
	case neg:
		r.add(formula.CodeOutOfRange, g, col, row.num, msgNegative(c, formatNumber(d)))
	case c.kind == kindHeadcount && !d.IsInteger():
		r.add(formula.CodeNotInteger, g, col, row.num, msgNotInteger(c, formatNumber(d)))
	default:
		return d, true
	}
	return d, false
}
