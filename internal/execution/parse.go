package execution

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards/workbook"
)

// Limits of an import, beyond the workbook's own (workbook.MaxRows …).
const (
	MaxRows      = 20000 // data rows of one import
	maxItemRunes = 200   // a project or line name
	maxProblems  = 200   // problems listed; then one saying how many more
	maxHeaderRow = 30    // rows searched for the header row
)

// codeTooLarge is the code of a file beyond the limits (as a data
// file's, standards/workbook).
const codeTooLarge formula.Code = "too_large"

// Row is one execution row: a line of a 街道 in a month.
type Row struct {
	Cell        int    // the file's row number (1-based), for problems
	Subdistrict string // the plan's 街道 id
	Item        string // the project or breakdown line as the file names it
	// Project is the plan's [[project]] id the item names (by id or
	// name), or "" for a breakdown line.
	Project string
	Month   int
	Budget  decimal.Decimal
	Spent   decimal.Decimal
	// Cumulative says Spent is to the month's end (else the month's own).
	Cumulative bool
}

// Parse reads the rows of an execution file (CSV or the first sheet of an
// xlsx) with mapping m, matching 街道 and projects against plan p (its
// fiscal year bounds a month that names a year). It returns every row,
// or every problem (each with its cell and code, at most maxProblems).
func Parse(name string, data []byte, m Mapping, p *formula.Plan) ([]Row, []formula.Problem) {
	t, ps := workbook.ReadTable(name, data)
	if len(ps) > 0 {
		return nil, ps
	}
	r := &reader{name: name, t: t, p: p, m: m, seen: map[[3]string]int{}}
	head, cols := r.header()
	if cols == nil {
		return nil, r.ps
	}
	var rows []Row
	for _, tr := range t.Rows {
		if tr.N <= head || blankRow(tr, cols) {
			continue
		}
		if len(rows) == MaxRows {
			r.add(codeTooLarge, "", msg.ExecTooManyRows, MaxRows)
			break
		}
		if row, ok := r.row(tr, cols); ok {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 && len(r.ps) == 0 {
		r.add(formula.CodeMissing, "", msg.ExecNoRows)
	}
	if len(r.ps) > 0 {
		return nil, r.problems()
	}
	return rows, nil
}

// reader holds what reading one file needs.
type reader struct {
	name string
	t    *workbook.Table
	p    *formula.Plan
	m    Mapping
	ps   []formula.Problem
	seen map[[3]string]int // (街道, item, month) → the row that gave it
}

func (r *reader) add(code formula.Code, path string, m msg.Message, args ...any) {
	r.ps = append(r.ps, at(r.name, path, code, m, args...))
}

// problems returns at most maxProblems problems and one saying how many
// more there were.
func (r *reader) problems() []formula.Problem {
	if len(r.ps) <= maxProblems {
		return r.ps
	}
	more := len(r.ps) - maxProblems
	return append(r.ps[:maxProblems:maxProblems], at(r.name, "", codeTooLarge, msg.ExecMoreProblems, more))
}

// header finds the header row (the first of the first maxHeaderRow rows
// holding a header of every field) and each field's column; nil cols and
// a problem naming the missing headers when there is none.
func (r *reader) header() (int, []int) {
	best, bestFound := -1, 0
	for k, tr := range r.t.Rows {
		if k == maxHeaderRow {
			break
		}
		cols, found := r.match(tr)
		if found == int(numFields) {
			return tr.N, cols
		}
		if found > bestFound {
			best, bestFound = k, found
		}
	}
	var missing []string
	var cols []int
	if best >= 0 {
		cols, _ = r.match(r.t.Rows[best])
	}
	for f := range numFields {
		if cols == nil || cols[f] < 0 {
			missing = append(missing, strings.Join(r.m.Headers[f], "/"))
		}
	}
	r.add(formula.CodeMissing, "", msg.ExecNoHeader, strings.Join(missing, "、"), MappingFile)
	return 0, nil
}

// match finds each field's column in a row: cols[f] = -1 when absent.
func (r *reader) match(tr workbook.TableRow) ([]int, int) {
	cols, found := make([]int, numFields), 0
	for f := range numFields {
		cols[f] = -1
		for c, text := range tr.Cells {
			if headerIs(text, r.m.Headers[f]) {
				cols[f] = c
				found++
				break
			}
		}
	}
	return cols, found
}

// headerIs reports whether a header cell is one of heads, ignoring
// spaces and a unit in brackets ("预算数(元)").
func headerIs(text string, heads []string) bool {
	text = strings.ReplaceAll(text, " ", "")
	if i := strings.IndexAny(text, "(("); i > 0 {
		text = text[:i]
	}
	for _, h := range heads {
		if text == h {
			return true
		}
	}
	return false
}

// blankRow reports whether a row holds nothing in the mapped columns (a
// totals row's label alone is not blank: it fails as a row).
func blankRow(tr workbook.TableRow, cols []int) bool {
	for _, c := range cols {
		if tr.Cell(c) != "" {
			return false
		}
	}
	return true
}

// row reads one data row.
func (r *reader) row(tr workbook.TableRow, cols []int) (Row, bool) {
	before := len(r.ps)
	cell := func(f Field) (string, string) { return tr.Cell(cols[f]), r.t.Addr(cols[f], tr.N) }
	row := Row{Cell: tr.N, Cumulative: !r.m.Monthly}
	text, addr := cell(FieldSubdistrict)
	row.Subdistrict = r.subdistrict(text, addr)
	text, addr = cell(FieldItem)
	switch {
	case text == "":
		r.add(formula.CodeMissing, addr, msg.ExecBlank, r.m.Headers[FieldItem][0])
	case len([]rune(text)) > maxItemRunes:
		r.add(formula.CodeBadValue, addr, msg.ExecItemTooLong, maxItemRunes)
	default:
		row.Item, row.Project = text, r.project(text)
	}
	text, addr = cell(FieldMonth)
	row.Month = r.month(text, addr)
	text, addr = cell(FieldBudget)
	row.Budget = r.amount(text, addr, r.m.Headers[FieldBudget][0])
	text, addr = cell(FieldSpent)
	row.Spent = r.amount(text, addr, r.m.Headers[FieldSpent][0])
	if len(r.ps) > before {
		return row, false
	}
	key := [3]string{row.Subdistrict, row.Item, strconv.Itoa(row.Month)}
	if first, ok := r.seen[key]; ok {
		r.add(formula.CodeRepeated, r.t.Addr(cols[FieldItem], tr.N), msg.ExecRowTwice, first)
		return row, false
	}
	r.seen[key] = tr.N
	return row, true
}

// subdistrict finds the 街道 a cell names by id, name or 预算单位编码.
func (r *reader) subdistrict(text, addr string) string {
	if text == "" {
		r.add(formula.CodeMissing, addr, msg.ExecBlank, r.m.Headers[FieldSubdistrict][0])
		return ""
	}
	for _, s := range r.p.Subdistricts {
		if text == s.ID || text == s.Name || s.UnitCode != "" && text == s.UnitCode {
			return s.ID
		}
	}
	r.add(formula.CodeUnknownRef, addr, msg.ExecUnknownSubdistrict, text)
	return ""
}

// project is the [[project]] id an item names by id or name, or "".
func (r *reader) project(text string) string {
	for _, p := range r.p.Projects {
		if text == p.ID || text == p.Name {
			return p.ID
		}
	}
	return ""
}

// month reads a month cell: 1–12, in the plan's fiscal year when it
// names a year.
func (r *reader) month(text, addr string) int {
	text = strings.ReplaceAll(text, " ", "")
	var mm string
	if m := monthAlone.FindStringSubmatch(text); m != nil {
		mm = m[1]
	} else if m := yearMonth.FindStringSubmatch(text); m != nil {
		mm = m[2] + m[3]
		if y, _ := strconv.ParseInt(m[1], 10, 64); y != r.p.FiscalYear {
			r.add(formula.CodeBadValue, addr, msg.ExecOtherYear, text, r.p.FiscalYear)
			return 0
		}
	}
	n, err := strconv.Atoi(mm)
	if text == "" {
		r.add(formula.CodeMissing, addr, msg.ExecBlank, r.m.Headers[FieldMonth][0])
		return 0
	}
	if err != nil || n < 1 || n > 12 {
		r.add(formula.CodeBadValue, addr, msg.ExecBadMonth, text)
		return 0
	}
	return n
}

// maxAmount bounds an amount: a trillion 元.
var maxAmount = decimal.New(1, 12)

// amount reads an amount in 元: digits with an optional sign, decimal
// point and thousands separators; not negative.
func (r *reader) amount(text, addr, head string) decimal.Decimal {
	if text == "" {
		r.add(formula.CodeMissing, addr, msg.ExecBlank, head)
		return decimal.Zero
	}
	clean := strings.ReplaceAll(strings.ReplaceAll(text, ",", ""), ",", "")
	if len(clean) > 40 {
		r.add(formula.CodeBadValue, addr, msg.ExecBadAmount, text)
		return decimal.Zero
	}
	d, err := decimal.NewFromString(clean)
	switch {
	case err != nil || d.Exponent() < -10:
		r.add(formula.CodeBadValue, addr, msg.ExecBadAmount, text)
	case d.Sign() < 0:
		r.add(formula.CodeOutOfRange, addr, msg.ExecNegative, text)
	case d.GreaterThan(maxAmount):
		r.add(formula.CodeOutOfRange, addr, msg.ExecTooLarge, text)
	default:
		return d.Round(2)
	}
	return decimal.Zero
}
