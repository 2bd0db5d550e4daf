package workbook

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// Read reads the sub-districts of plan p from a filled data-collection
// workbook (.xlsx, as [Template] writes it and Excel, WPS or LibreOffice
// save it) or from its CSV shape; name is the file's name, for problems
// and to tell the formats apart (the bytes decide: a zip is a workbook).
//
// The result is every sub-district of the file, in the order of its
// 街道数据 rows, ready to replace p.Subdistricts; it is nil when there is
// any problem. Problems are all reported at once, each located by File
// (name) and Path (the cell: `街道数据!F7`, or `F7` in a CSV file), with a
// code and a Chinese-first message, sorted by sheet, row and column.
// Besides the workbook's own rules (docs/workbooks.md),
// the sub-districts are checked against every rule of rules §2 that
// concerns them (formula's validation), so that a plan given them is
// valid if p's own tables are.
func Read(name string, data []byte, p *formula.Plan) ([]formula.Subdistrict, []formula.Problem) {
	r := newReader(name, p, false)
	r.readFile(data)
	if len(r.ps) > 0 {
		return nil, r.problems()
	}
	r.fullChecks()
	if len(r.ps) > 0 {
		return nil, r.problems()
	}
	subs := r.subdistricts()
	r.validate(subs)
	if len(r.ps) > 0 {
		return nil, r.problems()
	}
	return subs, nil
}

// reader reads one file for one plan.
type reader struct {
	name    string
	plan    *formula.Plan
	lay     *layout
	partial bool // a returned copy: blank cells keep the plan's values
	ps      []located
	order   map[string]int     // sheet name → its place, to sort problems
	recs    []*record          // the sub-districts, in row order
	byID    map[string]*record // by id
	keyCell map[string]pos     // column key → its id-row cell (街道数据, or the CSV header)
	keys    keyTable           // the column keys of its records' cells
	books   map[string]bool    // sheets the workbook has, of those read
	main    string             // the sheet of the sub-districts' rows: 街道数据, another name, or "" (CSV)
	small   smallInts          // the decimals of small whole numbers, shared by its cells
	// names number the main sheet's headcount, payroll and quantity
	// columns, shared by every record's values (formula.Values).
	names readerNames
}

// readerNames number the headcount, payroll and quantity columns a
// sub-district's values are filled from.
type readerNames struct{ staff, payroll, quantities *formula.Names }

// namesOf numbers the value columns of the main sheet's header h, then
// those of the layout's every sheet (cols: the 人员 sheet's headcounts
// and payroll, read after the records are made), so that every record's
// values have room for all of them.
func namesOf(h *header, cols []column) readerNames {
	var staff, payroll, quantities []string
	add := func(c *column) {
		switch c.kind {
		case kindHeadcount:
			staff = append(staff, c.ref)
		case kindPayroll:
			payroll = append(payroll, c.ref)
		case kindQuantity:
			quantities = append(quantities, c.ref)
		}
	}
	for _, col := range h.read {
		add(h.cols[col])
	}
	for i := range cols {
		add(&cols[i])
	}
	return readerNames{formula.NewNames(staff...), formula.NewNames(payroll...), formula.NewNames(quantities...)}
}

// record is one sub-district as read, and where each of its values is.
type record struct {
	sub    formula.Subdistrict
	idCell pos
	cells  cellIndex // column key → cell
	sheets uint32    // sheets that have a row for it (sheetBit)
}

// located is a problem with the sheet, row and column it is sorted by.
type located struct {
	p        formula.Problem
	sheet    int
	row, col int
}

func newReader(name string, p *formula.Plan, partial bool) *reader {
	r := &reader{name: name, plan: p, lay: newLayout(p, nil), partial: partial,
		order: map[string]int{}, byID: map[string]*record{}, keyCell: map[string]pos{}, books: map[string]bool{}}
	for i, s := range r.lay.sheets {
		r.order[s.name] = i + 1
	}
	return r
}

// add records a problem at a cell of grid g (0-based col, 1-based row).
func (r *reader) add(code formula.Code, g *grid, col, row int, w words) {
	r.addAt(code, g.addr(col, row), g, row, col, w)
}

// addAt records a problem at path, sorted as the cell (col, row) of g.
func (r *reader) addAt(code formula.Code, path string, g *grid, row, col int, w words) {
	r.ps = append(r.ps, located{p: r.problem(code, path, w), sheet: r.order[g.sheet], row: row, col: col})
}

// problem is the problem of code at path of the file that w says.
func (r *reader) problem(code formula.Code, path string, w words) formula.Problem {
	return formula.Problem{File: r.name, Path: path, Code: code, Says: w}
}

// addPos records a problem at a cell.
func (r *reader) addPos(code formula.Code, p pos, w words) {
	if p.g == nil {
		r.addFile(code, "", w)
		return
	}
	r.add(code, p.g, p.col, p.row, w)
}

// addFile records a problem of the whole file, or of a sheet (path).
func (r *reader) addFile(code formula.Code, path string, w words) {
	r.ps = append(r.ps, located{p: r.problem(code, path, w), sheet: r.order[path]})
}

// maxProblems bounds the problems listed: a file gone wrong throughout
// is told by its first ones.
const maxProblems = 200

// problems returns the problems sorted by sheet, row and column, at most
// maxProblems of them and then one saying how many more there are.
func (r *reader) problems() []formula.Problem {
	slices.SortStableFunc(r.ps, func(a, b located) int {
		return cmp.Or(cmp.Compare(a.sheet, b.sheet), cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col))
	})
	out := make([]formula.Problem, 0, min(len(r.ps), maxProblems+1))
	for i, l := range r.ps {
		if i == maxProblems {
			out = append(out, r.problem(codeTooLarge, "", say(msg.WbMoreProblems, len(r.ps)-maxProblems)))
			break
		}
		out = append(out, l.p)
	}
	return out
}

// The magic numbers of a zip (an .xlsx) and of an OLE compound file (an
// .xls, or an encrypted workbook).
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// readFile reads the file's rows into records, whatever its format.
func (r *reader) readFile(data []byte) {
	lower := strings.ToLower(r.name)
	r.small.eager = len(data) >= 1<<20
	switch {
	case len(data) > MaxFileBytes:
		r.addFile(codeTooLarge, "", msgTooBig(len(data)))
	case bytes.HasPrefix(data, zipMagic):
		r.readXLSX(data)
	case bytes.HasPrefix(data, oleMagic) || strings.HasSuffix(lower, ".xls"):
		r.addFile(formula.CodeUnreadable, "", say(msg.WbXLS))
	case strings.HasSuffix(lower, ".xlsx") || strings.HasSuffix(lower, ".xlsm"):
		r.addFile(formula.CodeUnreadable, "", say(msg.WbNotXLSX))
	default:
		r.readCSV(data)
	}
}

// readXLSX reads the workbook's sheets: 街道数据 first, which makes the
// records, then 人员 and 项目绩效, which fill them. Other sheets are not
// read. A workbook of one sheet by another name (a CSV file saved as a
// workbook) is read in the CSV shape.
func (r *reader) readXLSX(data []byte) {
	b, bad := openBook(data)
	if bad != nil {
		r.addFile(bad.code, "", bad.w)
		return
	}
	defer b.close()
	if !b.has(SheetData) {
		if names := b.sheets(); len(names) == 1 {
			r.readSheet(b, names[0], r.lay.csvColumns(), true)
			return
		}
		r.addFile(formula.CodeMissing, "", msgNoSheet(SheetData, b.sheets()))
		return
	}
	for _, sl := range r.lay.sheets {
		if !b.has(sl.name) {
			if !r.partial && sl.name == SheetStaff {
				r.addFile(formula.CodeMissing, "", msgNoSheet(sl.name, b.sheets()))
			}
			continue
		}
		if !r.readSheet(b, sl.name, sl.cols, sl.name == SheetData) && sl.name == SheetData {
			return // without the sub-districts' rows, the other sheets cannot be matched
		}
	}
}

// readSheet reads one sheet of the given columns; main says it is the
// sheet whose rows are the sub-districts. It reports whether the sheet's
// rows could be read.
func (r *reader) readSheet(b *book, name string, cols []column, main bool) bool {
	r.books[name] = true
	g, err := b.load(name)
	var rc *refusedCell
	var le *limitError
	switch {
	case errors.Is(err, errTooManyCells):
		r.addFile(codeTooLarge, name, msgTooManyCells())
		return false
	case errors.As(err, &rc) && errors.As(err, &le):
		r.add(le.code, rc.g, rc.col, rc.row, le.w)
		return false
	case errors.As(err, &le):
		r.addFile(le.code, name, le.w)
		return false
	case err != nil:
		r.addFile(formula.CodeUnreadable, name, sayWith(msg.WbCannotReadSheet, why(err), name))
		return false
	}
	h := r.header(g, cols, main)
	if h == nil {
		return false
	}
	kinds(g, h.row, h.read)
	spread(g, h.row, h.read)
	r.rows(g, h, main)
	return true
}

// header checks a sheet's size and finds and resolves its id row; nil
// when the sheet cannot be read further.
func (r *reader) header(g *grid, cols []column, main bool) *header {
	if g.tooLong {
		r.addFile(codeTooLarge, g.sheet, msgTooLong(g.sheet))
		return nil
	}
	if g.tooWide {
		r.addFile(codeTooLarge, g.sheet, msgTooWide(g.sheet))
		return nil
	}
	row, byKey, ok := findHeader(g)
	if !ok {
		r.addFile(formula.CodeMissing, g.sheet, msgNoHeader(g.sheet))
		return nil
	}
	return r.resolveMain(g, row, byKey, cols, main)
}

// resolveMain resolves the id row (row) of a sheet; in the sheet of the
// sub-districts' rows (main) its columns are where their headings are.
func (r *reader) resolveMain(g *grid, row int, byKey bool, cols []column, main bool) *header {
	h := r.resolve(g, row, byKey, cols)
	if main {
		r.main = g.sheet
		for _, col := range h.read {
			r.keyCell[h.cols[col].key] = pos{g, col, row}
		}
	}
	return h
}

// rows reads the rows below the id row. In 街道数据 (and a CSV file)
// each row is a new sub-district; in the other sheets a row fills the
// sub-district of its id. Blank rows are skipped; hidden rows are read
// like any other.
func (r *reader) rows(g *grid, h *header, main bool) {
	if rr := r.rowReader(h, main); rr != nil {
		for i := range g.rows {
			rr.row(g, &g.rows[i])
		}
	}
}

// rowReader reads the rows of one sheet below its id row, one at a time.
type rowReader struct {
	r     *reader
	h     *header
	idCol int
	main  bool
	seen  map[string]int // id → the row it was read in first
	slots []int          // by 0-based column: its key's number (keyTable)
	nums  []int          // by 0-based column: its name's number in the values it fills (reader.names); -1 for none
}

// rowReader is the reader of the rows under h; nil when h has no id
// column (reported by resolve).
func (r *reader) rowReader(h *header, main bool) *rowReader {
	idCol := slices.IndexFunc(h.cols, func(c *column) bool { return c != nil && c.kind == kindID })
	if idCol < 0 {
		return nil
	}
	rr := &rowReader{r: r, h: h, idCol: idCol, main: main, seen: map[string]int{}, slots: make([]int, len(h.cols))}
	for _, col := range h.read {
		rr.slots[col] = r.keys.slot(h.cols[col].key)
	}
	if main {
		r.names = namesOf(h, r.lay.csvColumns())
	}
	rr.nums = make([]int, len(h.cols))
	for col, c := range h.cols {
		rr.nums[col] = -1
		if c != nil {
			rr.nums[col] = r.names.number(c)
		}
	}
	return rr
}

// row reads one row: nothing above the id row or of a blank row.
func (rr *rowReader) row(g *grid, row *gridRow) {
	r, h := rr.r, rr.h
	if row.num <= h.row || blankIn(row, h.read) {
		return
	}
	r.unheaded(g, row, h)
	rec := r.record(g, row, rr.idCol, rr.main, rr.seen)
	if rec == nil {
		return
	}
	rec.sheets |= r.sheetBit(g.sheet)
	j := 0 // the row's cells and h.read are both in column order
	for _, col := range h.read {
		for j < len(row.cells) && int(row.cells[j].col) < col {
			j++
		}
		if c := h.cols[col]; c.kind != kindID {
			v := cell{col: int32(col)}
			if j < len(row.cells) && int(row.cells[j].col) == col {
				v = row.cells[j]
			}
			r.value(rec, g, row, v, c, rr.slots[col], rr.nums[col])
		}
	}
}

// sheetBit is the bit of a record's sheets that stands for sheet name.
func (r *reader) sheetBit(name string) uint32 { return 1 << (r.order[name] & 31) }

// unheaded reports the values of a row in columns without a heading: a
// row shifted by a stray separator, or figures typed beside the table.
func (r *reader) unheaded(g *grid, row *gridRow, h *header) {
	for _, c := range row.cells {
		if col := int(c.col); c.kind != cellBlank && (col >= len(h.headed) || !h.headed[col]) {
			r.add(codeUnknownColumn, g, col, row.num, msgUnheaded(colName(col), c))
		}
	}
}

// blankIn reports whether a row is blank in the columns read.
func blankIn(row *gridRow, cols []int) bool {
	for _, col := range cols {
		if row.at(col).kind != cellBlank {
			return false
		}
	}
	return true
}

// record reads a row's id and returns its sub-district: a new one in
// 街道数据, the one of that id elsewhere; nil (after a problem) when the
// row cannot be read. seen holds the rows of the ids read so far.
func (r *reader) record(g *grid, row *gridRow, idCol int, main bool, seen map[string]int) *record {
	c := row.at(idCol)
	id := r.text(g, c)
	switch {
	case c.kind == cellNoValue:
		r.add(codeNoValue, g, idCol, row.num, msgNoValue(&idColumn, c))
		return nil
	case id == "":
		r.add(formula.CodeMissing, g, idCol, row.num, msgMissingID())
		return nil
	case seen[id] != 0:
		r.add(formula.CodeDuplicateID, g, idCol, row.num, msgDuplicateID(id, g.addr(idCol, seen[id])))
		return nil
	}
	id = strings.Clone(id) // not the whole line's text
	seen[id] = row.num
	if !main {
		rec := r.byID[id]
		if rec == nil {
			r.add(formula.CodeUnknownRef, g, idCol, row.num, msgRowNotInData(id, r.nearestRecord(id)))
		}
		return rec
	}
	if !validID(id) {
		r.add(formula.CodeBadID, g, idCol, row.num, msgBadID(id))
	}
	at := pos{g, idCol, row.num}
	// The values are columns numbered once for the file (issue 25 §2: a
	// map a 街道 took four times the memory, and growing them a tenth of
	// reading a large file).
	rec := &record{idCell: at, cells: newCellIndex(&r.keys),
		sub: formula.Subdistrict{ID: id, Staff: formula.NewValues(r.names.staff),
			Payroll: formula.NewValues(r.names.payroll), Quantities: formula.NewValues(r.names.quantities)}}
	r.recs = append(r.recs, rec)
	r.byID[id] = rec
	return rec
}

// idColumn describes the id column in messages.
var idColumn = idColumns(true)[0]

// validID reports whether id has the form of rules §2.1.
func validID(id string) bool {
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for i := 1; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// text is a text cell's trimmed text. In a CSV file a leading ' before
// = + - @ is dropped: it is how CSV text is kept from being read as a
// formula (internal/report writes it so, and so does Template).
func (r *reader) text(g *grid, c cell) string {
	s := trimText(c.text)
	if g.sheet == "" && len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		s = s[1:]
	}
	return s
}

// subdistricts returns the records' sub-districts, in row order.
func (r *reader) subdistricts() []formula.Subdistrict {
	out := make([]formula.Subdistrict, len(r.recs))
	for i, rec := range r.recs {
		out[i] = rec.sub
	}
	return out
}

// number is the number of c's name in the names of the values it fills;
// -1 when c fills none, or they lack it.
func (n *readerNames) number(c *column) int {
	var names *formula.Names
	switch c.kind {
	case kindHeadcount:
		names = n.staff
	case kindPayroll:
		names = n.payroll
	case kindQuantity:
		names = n.quantities
	}
	if i, ok := names.Number(c.ref); ok {
		return i
	}
	return -1
}
