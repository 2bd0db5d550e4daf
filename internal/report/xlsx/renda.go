package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
)

// rendaTable is the 人大 table in cents of 万元: the components of every
// 街道 rounded with 尾差 (rows and columns add up), and, when the plan has
// a damping baseline, last year's baseline and this year on its basis.
type rendaTable struct {
	labels   []string // the columns' headings (report.WanColumns)
	wan      numfmt.WanTable
	last     []int64 // last year, per 街道 (nil: no baseline)
	lastT    int64
	same     []int64 // this year on the baseline's basis: the total less the components the measure excludes
	sameT    int64
	excluded []bool // per component
}

// newRendaTable rounds a result for the 人大 table.
func newRendaTable(r *formula.Result) (*rendaTable, error) {
	cells, labels, excluded := report.WanColumns(r)
	wan, err := numfmt.RoundWanTable(cells)
	if err != nil {
		return nil, err
	}
	t := &rendaTable{labels: labels, wan: wan, excluded: excluded}
	d := r.Plan.Damping
	if d == nil || d.Baseline == "" {
		return t, nil
	}
	base := make([]decimal.Decimal, len(r.Plan.Subdistricts))
	for i, s := range r.Plan.Subdistricts {
		base[i] = s.Quantities.Value(d.Baseline)
	}
	if len(base) != len(r.Subdistricts) {
		return t, nil
	}
	t.last, t.lastT = numfmt.LargestRemainder(base)
	t.same = make([]int64, len(r.Subdistricts))
	t.sameT = wan.Total
	for i := range t.same {
		t.same[i] = wan.RowTotals[i]
		for k, ex := range t.excluded {
			if ex {
				t.same[i] -= wan.Cells[i][k]
			}
		}
	}
	for k, ex := range t.excluded {
		if ex {
			t.sameT -= wan.ColTotals[k]
		}
	}
	return t, nil
}

// WriteRenda writes the 人大 table (街道财力安排表, docs/guide.md) as a
// workbook of one sheet: every 街道 × the components and the total in 万元
// with 尾差, the totals row, and last year's baseline beside this year on
// its basis with the change when the plan has a damping baseline (else a
// note says they are left out); printed on A4 landscape, one page wide,
// the title rows repeated on every page.
func WriteRenda(w io.Writer, r *formula.Result, st *report.Stamp) error {
	t, err := newRendaTable(r)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := msg.RendaSheet.In(msg.Zh)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	rw := &rendaWriter{f: f, sheet: sheet}
	rw.write(r, t, st)
	if rw.err != nil {
		return fmt.Errorf("xlsx: %w", rw.err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("xlsx: write: %w", err)
	}
	return nil
}

// rendaWriter writes the sheet; the first error stops it.
type rendaWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

func (w *rendaWriter) do(err error) {
	if w.err == nil {
		w.err = err
	}
}

// headers are the table's column headings.
func (t *rendaTable) headers() []string {
	h := []string{msg.RepColSubdistrict.In(msg.Zh)}
	h = append(h, t.labels...)
	h = append(h, msg.RepColTotal.In(msg.Zh))
	if t.last != nil {
		h = append(h, msg.RendaLastYear.In(msg.Zh), msg.RendaThisYear.In(msg.Zh), msg.RendaChange.In(msg.Zh), msg.RendaChangePct.In(msg.Zh))
	}
	return h
}

// row is one row's cells: the name, then the amounts in 万元.
func (t *rendaTable) row(name string, cells []int64, total, last, same int64) []any {
	out := []any{name}
	for _, c := range cells {
		out = append(out, wanValue(c))
	}
	out = append(out, wanValue(total))
	if t.last != nil {
		out = append(out, wanValue(last), wanValue(same), wanValue(same-last))
		if last != 0 {
			pct, _ := decimal.New(same-last, 0).Mul(decimal.NewFromInt(100)).DivRound(decimal.New(last, 0), 2).Float64()
			out = append(out, pct)
		} else {
			out = append(out, "")
		}
	}
	return out
}

// wanValue is cents of 万元 as the number a cell holds.
func wanValue(c int64) float64 {
	v, _ := decimal.New(c, -2).Float64()
	return v
}

func (w *rendaWriter) write(r *formula.Result, t *rendaTable, st *report.Stamp) {
	f, s := w.f, w.sheet
	head := t.headers()
	last, _ := excelize.CoordinatesToCellName(len(head), 1)
	lastCol := strings.TrimRight(last, "0123456789")
	district := strings.TrimSpace(r.Plan.District)
	w.do(f.SetCellValue(s, "A1", msg.RendaTitle.In(msg.Zh, district, r.Plan.FiscalYear)))
	w.do(f.MergeCell(s, "A1", lastCol+"1"))
	w.do(f.SetCellValue(s, lastCol+"2", msg.RendaUnit.In(msg.Zh)))
	w.do(f.SetSheetRow(s, "A3", &head))
	n := len(r.Subdistricts)
	for i := range r.Subdistricts {
		var l, sm int64
		if t.last != nil {
			l, sm = t.last[i], t.same[i]
		}
		row := t.row(r.Subdistricts[i].Name, t.wan.Cells[i], t.wan.RowTotals[i], l, sm)
		w.do(f.SetSheetRow(s, fmt.Sprintf("A%d", 4+i), &row))
	}
	total := t.row(msg.RepColTotal.In(msg.Zh), t.wan.ColTotals, t.wan.Total, t.lastT, t.sameT)
	w.do(f.SetSheetRow(s, fmt.Sprintf("A%d", 4+n), &total))
	notes := []string{msg.RepWanNote.In(msg.Zh), rendaBasis(r, t)}
	if st != nil {
		notes = append(notes, st.Title())
	}
	for k, note := range notes {
		w.do(f.SetCellValue(s, fmt.Sprintf("A%d", 6+n+k), note))
	}
	w.styles(len(head), n)
	w.print(lastCol)
}

// rendaBasis says what last year's columns are, or why they are left out.
func rendaBasis(r *formula.Result, t *rendaTable) string {
	if t.last == nil {
		return msg.RendaNoLastYear.In(msg.Zh)
	}
	var out []string
	for k, ex := range t.excluded {
		if ex {
			out = append(out, t.labels[k])
		}
	}
	left := msg.RendaNone.In(msg.Zh)
	if len(out) > 0 {
		left = msg.List(out).In(msg.Zh)
	}
	return msg.RendaBasis.In(msg.Zh, r.Plan.Damping.Baseline, left)
}
