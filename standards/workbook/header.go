package workbook

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/textutil"
)

// header is a sheet's id row and the columns it names.
type header struct {
	row    int       // 1-based number of the id row
	cols   []*column // by 0-based column index; nil where a column is not read
	read   []int     // the 0-based indices of the columns read, in order
	headed []bool    // by 0-based column: it has a heading, known or not
}

// columnIndex finds a sheet's columns by the text of a heading: by key
// (`area_km2`, `quantities.area_km2`; fixed keys in any case), or by the
// Chinese label with or without its unit (`辖区面积(平方公里)`, `辖区面积`)
// when no other column has that label.
type columnIndex struct {
	cols    []column
	byKey   map[string]int
	byLabel map[string]int // -1: more than one column has the label
}

func newColumnIndex(cols []column) *columnIndex {
	x := &columnIndex{cols: cols, byKey: map[string]int{}, byLabel: map[string]int{}}
	for i, c := range cols {
		x.byKey[c.key] = i
		if c.kind == kindQuantity {
			x.byKey[prefixQuantity+c.ref] = i
		}
		if c.kind == kindID || c.kind == kindName || c.kind == kindRating || c.kind == kindAdjustment {
			x.byKey[strings.ToUpper(c.key)] = i
			x.byKey[strings.ToUpper(c.key[:1])+c.key[1:]] = i
		}
	}
	for i, c := range cols {
		for _, l := range []string{normLabel(c.heading()), normLabel(c.label)} {
			if _, isKey := x.byKey[l]; isKey || l == "" {
				continue
			}
			if j, ok := x.byLabel[l]; ok && j != i {
				x.byLabel[l] = -1
			} else {
				x.byLabel[l] = i
			}
		}
	}
	return x
}

// find returns the column a heading names.
func (x *columnIndex) find(text string) (int, bool) {
	t := trimText(text)
	if i, ok := x.byKey[t]; ok {
		return i, true
	}
	if i, ok := x.byLabel[normLabel(t)]; ok && i >= 0 {
		return i, true
	}
	if i, ok := x.byLabel[normLabel(stripUnit(t))]; ok && i >= 0 {
		return i, true
	}
	return 0, false
}

// normLabel drops spaces from a label and maps full-width brackets.
func normLabel(s string) string {
	s = strings.NewReplacer("（", "(", "）", ")", " ", "", "\u3000", "", "\n", "", "\r", "").Replace(s)
	return s
}

// stripUnit drops a trailing bracketed unit: 辖区面积(平方公里) → 辖区面积.
func stripUnit(s string) string {
	s = normLabel(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			return s[:i]
		}
	}
	return s
}

// isIDHeading reports whether a heading names the id column.
func isIDHeading(text string) bool { return isIDKey(text) || isIDLabel(text) }

func isIDKey(text string) bool   { return strings.EqualFold(trimText(text), keyID) }
func isIDLabel(text string) bool { return normLabel(trimText(text)) == labelID }

// findHeader returns the id row: the first of the sheet's first
// maxHeaderRows rows with a cell reading `id`, or else the first with one
// reading 街道编码 (a sheet headed by labels only). Rows above it (titles,
// labels, merged group headings) are not read.
func findHeader(g *grid) (row int, byKey, ok bool) {
	for k, is := range []func(string) bool{isIDKey, isIDLabel} {
		for i := range min(len(g.rows), maxHeaderRows) {
			for _, c := range g.rows[i].cells {
				if c.kind != cellBlank && is(c.text) {
					return g.rows[i].num, k == 0, true
				}
			}
		}
	}
	return 0, false, false
}

// resolve reads the id row's headings into columns, reporting unknown and
// repeated ones at their cells and, in a full import, the columns that
// must be there and are not. When the headings are ids (byKey), a column
// whose label the layout does not know takes the label written above its
// id cell, for messages.
func (r *reader) resolve(g *grid, row int, byKey bool, cols []column) *header {
	x := newColumnIndex(cols)
	h := &header{row: row}
	seen := map[int]int{} // layout index → 0-based column
	var unknown []int     // 0-based columns of headings the layout lacks
	hr := &g.rows[row-1]
	h.cols = make([]*column, hr.width())
	h.headed = make([]bool, hr.width())
	for _, c := range hr.cells {
		col := int(c.col)
		if c.kind == cellBlank {
			continue
		}
		h.headed[col] = true
		i, ok := x.find(c.text)
		switch {
		case !ok:
			unknown = append(unknown, col)
			continue
		case seen[i] > 0:
			r.add(formula.CodeRepeated, g, col, row, msgRepeatedColumn(trimText(c.text), colName(seen[i]-1)))
			continue
		}
		seen[i] = col + 1
		cc := cols[i]
		if cc.label == cc.key && byKey && row > 1 {
			if above := g.rows[row-2].at(col); above.kind != cellBlank && !isIDHeading(above.text) {
				cc.label = stripUnit(trimText(above.text))
			}
		}
		h.cols[col] = &cc
		h.read = append(h.read, col)
	}
	var missing []column
	for i := range cols {
		if c := &cols[i]; seen[i] == 0 && r.needColumn(c) {
			r.addAt(formula.CodeMissing, g.rowAddr(row), g, row, hr.width(), msgMissingColumn(c))
			missing = append(missing, *c)
		}
	}
	for _, col := range unknown {
		t := trimText(hr.at(col).text)
		if c, ok := r.extraQuantity(t, byKey, cols, missing); ok {
			h.cols[col] = &c
			h.read = append(h.read, col)
			continue
		}
		r.add(codeUnknownColumn, g, col, row, msgUnknownColumn(t, suggest(t, cols)))
	}
	slices.Sort(h.read)
	return h
}

// extraQuantity reads an unknown heading of 街道数据 as a quantity no
// standard reads, kept as it is (as the template writes the ones a plan's
// sub-districts have): in a full import, when the heading is a quantity
// id and is not a misspelling of a column that is missing (a misspelt
// column is reported, with the suggestion).
func (r *reader) extraQuantity(text string, byKey bool, cols, missing []column) (column, bool) {
	q := strings.TrimPrefix(text, prefixQuantity)
	dataSheet := slices.ContainsFunc(cols, func(c column) bool { return c.kind == kindQuantity })
	if r.partial || !byKey || !dataSheet || !validID(q) || suggest(text, missing) != "" {
		return column{}, false
	}
	for _, pre := range []string{prefixStaff, prefixPayroll, prefixProject} {
		if strings.HasPrefix(text, pre) {
			return column{}, false
		}
	}
	return quantityColumn(q, Label{}, []string{msgUnusedQuantity}, false, false), true
}

// needColumn reports whether a column must be in the id row: the id
// always; in a full import also the name, a rating the plan needs, the
// quantities the standards read and the headcounts.
func (r *reader) needColumn(c *column) bool {
	if c.kind == kindID {
		return true
	}
	if r.partial {
		return false
	}
	return c.required || c.kind == kindHeadcount
}

// suggest names the known column nearest to an unknown heading, as
// `resident_population / 常住人口`, or "" when none is near.
func suggest(text string, cols []column) string {
	best, bestD := -1, 0
	t := strings.ToLower(text)
	for i, c := range cols {
		for _, cand := range []string{strings.ToLower(c.key), c.label, stripUnit(c.heading())} {
			d := textutil.Distance(t, cand)
			if utf8.RuneCountInString(t) >= 3 && (strings.HasPrefix(cand, t) || strings.HasPrefix(t, cand)) {
				d = min(d, 1) // a heading cut short, or run on
			}
			limit := max(2, utf8.RuneCountInString(cand)/3)
			if d <= limit && (best < 0 || d < bestD) {
				best, bestD = i, d
			}
		}
	}
	if best < 0 {
		return ""
	}
	c := cols[best]
	if c.label == c.key {
		return c.key
	}
	return c.key + " / " + c.label
}
