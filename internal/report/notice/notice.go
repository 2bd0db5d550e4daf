// Package notice writes the notices a district's finance bureau sends its
// 街道 as PDF (caili notice, issue 24 §4): the 财力测算通知书, 控制数通知 or
// 批复通知 of each 街道, with the bureau's name, the 文号 and date, a body
// from an editable template (configs/notice.tmpl), the 街道's components
// in 万元 (rounded with 尾差, as every 万元 table of caili), where the seal
// goes, page numbers within each notice and the result's verification
// code (its stamp's hash) in the footer.
//
// It is the only user of the PDF library (codeberg.org/go-pdf/fpdf) and
// draws with the CJK font of internal/fonts, embedded in the PDF as a
// subset of the glyphs used.
package notice

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/template"
	"time"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
)

// Kind is the kind of notice.
type Kind uint8

// The kinds of notice.
const (
	Estimate Kind = iota // 财力测算通知书: the estimate, to plan a budget by
	Control              // 财力控制数通知: the control figures
	Approval             // 财力批复通知: the approved funds
)

// kinds are each kind's word (--kind) and document name, in Kind order.
var kinds = [...]struct{ word, title msg.Message }{
	{msg.NoticeKindEstimate, msg.NoticeTitleEstimate},
	{msg.NoticeKindControl, msg.NoticeTitleControl},
	{msg.NoticeKindApproval, msg.NoticeTitleApproval},
}

// ParseKind reads a kind: 测算, 控制数 or 批复 (or estimate, control,
// approval; "" is 测算).
func ParseKind(s string) (Kind, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Estimate, true
	}
	for k, w := range kinds {
		if s == w.word.In(msg.Zh) || strings.EqualFold(s, w.word.In(msg.En)) {
			return Kind(k), true
		}
	}
	return Estimate, false
}

// KindWords are the kinds' words, for a message listing the choices.
func KindWords() []string {
	out := make([]string, len(kinds))
	for k, w := range kinds {
		out[k] = w.word.In(msg.Zh)
	}
	return out
}

// Options say what a notice says besides the result.
type Options struct {
	Kind Kind
	// DocNo is the 文号; "" shows that it is to come.
	DocNo string
	// Date is the notice's date: the publication's when the plan is
	// published; the zero time shows that it is to come.
	Date time.Time
	// Draft marks the notice 草案: the plan is not published, or the
	// result is a what-if.
	Draft bool
	// Template is the text/template of the title, body and closing
	// (configs/notice.tmpl's blocks); "" for the built-in one.
	Template string
	// Stamp is the result's stamp: its hash is the verification code.
	Stamp *report.Stamp
}

// Fields are what a template may use (configs/notice.tmpl lists them).
type Fields struct {
	Bureau, Subdistrict, SubdistrictID, Plan string
	Year                                     int64
	Kind, KindTitle, DocNo, Date, Total      string
	Draft                                    bool
}

// Bureau is the bureau that sends a plan's notices: the district's
// finance bureau (西城区财政局), or 区财政局 when the plan names no
// district.
func Bureau(p *formula.Plan) string {
	if d := strings.TrimSpace(p.District); d != "" {
		return msg.NoticeBureau.In(msg.Zh, d)
	}
	return msg.NoticeBureauNone.In(msg.Zh)
}

// DateText is a date as a notice writes it: 2025年12月1日.
func DateText(t time.Time) string {
	if t.IsZero() {
		return msg.NoticeNoDate.In(msg.Zh)
	}
	return msg.NoticeDate.In(msg.Zh, t.Year(), int(t.Month()), t.Day())
}

// page is one notice's content, ready to draw.
type page struct {
	f                     Fields
	title, body, closing  string
	rows                  []row // components, then the total
	bureau, docNo, dateTx string
}

// row is one line of a notice's table.
type row struct{ label, amount string }

// Write writes the notices of the sub-districts at the indices of
// r.Subdistricts in which (nil: every one), one PDF, each notice starting
// on a new page. A template that does not parse or run is a bad request;
// nothing is written unless the whole PDF is made.
func Write(w io.Writer, r *formula.Result, which []int, o Options) (err error) {
	if which == nil {
		for i := range r.Subdistricts {
			which = append(which, i)
		}
	}
	if len(which) == 0 {
		return msg.NoticeNoSubdistrict.Err(caili.KindUnprocessable)
	}
	pages, err := contents(r, which, o)
	if err != nil {
		return err
	}
	defer func() { // the PDF library is not ours: a panic of it is an error
		if p := recover(); p != nil {
			err = fmt.Errorf("notice: PDF: %v", p)
		}
	}()
	counts, err := draw(io.Discard, pages, nil, o)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := draw(&buf, pages, counts, o); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// contents fills the template for each notice and rounds the table.
func contents(r *formula.Result, which []int, o Options) ([]page, error) {
	src := o.Template
	if src == "" {
		src = configs.NoticeTemplate
	}
	t, err := template.New("notice").Option("missingkey=error").Parse(src)
	if err != nil {
		return nil, msg.NoticeTemplateBad.Err(caili.KindBadRequest, err.Error())
	}
	if int(o.Kind) >= len(kinds) {
		return nil, errors.New("notice: unknown kind")
	}
	cells, labels, _ := report.WanColumns(r)
	tab, err := numfmt.RoundWanTable(cells)
	if err != nil {
		return nil, err
	}
	docNo := o.DocNo
	if strings.TrimSpace(docNo) == "" {
		docNo = msg.NoticeNoDocNo.In(msg.Zh)
	}
	out := make([]page, 0, len(which))
	for _, i := range which {
		if i < 0 || i >= len(r.Subdistricts) {
			return nil, fmt.Errorf("notice: no sub-district %d", i)
		}
		a := &r.Subdistricts[i]
		pg := page{bureau: Bureau(r.Plan), docNo: docNo, dateTx: DateText(o.Date)}
		for k, c := range tab.Cells[i] {
			pg.rows = append(pg.rows, row{labels[k], numfmt.WanText(c)})
		}
		pg.rows = append(pg.rows, row{msg.RepColTotal.In(msg.Zh), numfmt.WanText(tab.RowTotals[i])})
		pg.f = Fields{Bureau: pg.bureau, Subdistrict: a.Name, SubdistrictID: a.ID, Plan: r.Plan.Name, Year: r.Plan.FiscalYear,
			Kind: kinds[o.Kind].word.In(msg.Zh), KindTitle: kinds[o.Kind].title.In(msg.Zh), DocNo: docNo, Date: pg.dateTx,
			Total: numfmt.WanText(tab.RowTotals[i]), Draft: o.Draft}
		for _, part := range []struct {
			name string
			to   *string
		}{{"title", &pg.title}, {"body", &pg.body}, {"closing", &pg.closing}} {
			if *part.to, err = run(t, part.name, pg.f); err != nil {
				return nil, err
			}
		}
		out = append(out, pg)
	}
	return out, nil
}

// run runs one block of the template; a block it lacks is empty.
func run(t *template.Template, name string, f Fields) (string, error) {
	if t.Lookup(name) == nil {
		return "", nil
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, f); err != nil {
		return "", msg.NoticeTemplateBad.Err(caili.KindBadRequest, err.Error())
	}
	return strings.TrimRight(strings.Trim(b.String(), "\r\n"), " \t\r\n"), nil
}
