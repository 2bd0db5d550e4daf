package notice

import (
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/caili/caili/internal/fonts"
	"github.com/caili/caili/internal/msg"
)

// The page, in millimetres: A4 portrait with the margins of an official
// document.
const (
	pageW, pageH       = 210.0, 297.0
	marginL, marginR   = 26.0, 26.0
	marginT, marginBot = 20.0, 28.0
	bodyW              = pageW - marginL - marginR
)

// Colours: the red of a 红头 and a grey for what only guides the eye.
var (
	red  = [3]int{200, 16, 16}
	grey = [3]int{120, 120, 120}
)

// draw lays the notices out and writes the PDF to w; it returns how
// many pages each notice took. counts, when not nil, are those of an
// earlier pass, for the footers' "共 m 页"; the layout does not depend on
// them (the footer sits below the page break).
func draw(w io.Writer, pages []page, counts []int, o Options) ([]int, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	when := o.Date
	if when.IsZero() {
		when = time.Unix(0, 0).UTC()
	}
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.AddUTF8FontFromBytes(fonts.CJKName, "", fonts.CJK())
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(true, marginBot)
	if len(pages) > 0 {
		pdf.SetTitle(pages[0].f.KindTitle, true)
		pdf.SetAuthor(pages[0].bureau, true)
	}
	pdf.SetCreator("caili", false)
	cur, start := 0, 1
	out := make([]int, len(pages))
	pdf.SetFooterFunc(func() {
		n := pdf.PageNo() - start + 1
		m := n
		if counts != nil && cur < len(counts) {
			m = counts[cur]
		}
		footer(pdf, n, m, o)
	})
	for k := range pages {
		pdf.AddPage() // the footer of the page before is drawn with its notice's numbers
		cur, start = k, pdf.PageNo()
		drawNotice(pdf, &pages[k], o)
		out[k] = pdf.PageNo() - start + 1
	}
	if err := pdf.Output(w); err != nil {
		return nil, err
	}
	return out, pdf.Error()
}

// footer draws a page's number within its notice and, small, the
// verification code.
func footer(pdf *fpdf.Fpdf, n, m int, o Options) {
	pdf.SetY(-(marginBot - 6))
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fonts.CJKName, "", 10)
	pdf.CellFormat(0, 6, msg.NoticePage.In(msg.Zh, n, m), "", 1, "C", false, 0, "")
	if o.Stamp != nil {
		pdf.SetTextColor(grey[0], grey[1], grey[2])
		pdf.SetFont(fonts.CJKName, "", 7)
		pdf.CellFormat(0, 4, msg.NoticeCode.In(msg.Zh, o.Stamp.SHA256, o.Stamp.Version), "", 1, "C", false, 0, "")
	}
}

// drawNotice draws one notice from the top of a new page.
func drawNotice(pdf *fpdf.Fpdf, pg *page, o Options) {
	if o.Draft {
		pdf.SetDrawColor(red[0], red[1], red[2])
		pdf.SetTextColor(red[0], red[1], red[2])
		pdf.SetFont(fonts.CJKName, "", 14)
		pdf.SetXY(pageW-marginR-22, 10)
		pdf.CellFormat(22, 9, msg.NoticeDraft.In(msg.Zh), "1", 0, "C", false, 0, "")
		pdf.SetXY(marginL, marginT)
	}
	pdf.SetTextColor(red[0], red[1], red[2])
	pdf.SetFont(fonts.CJKName, "", 24)
	pdf.CellFormat(0, 14, pg.bureau, "", 1, "C", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fonts.CJKName, "", 12)
	pdf.CellFormat(0, 9, pg.docNo, "", 1, "C", false, 0, "")
	y := pdf.GetY() + 1
	pdf.SetDrawColor(red[0], red[1], red[2])
	pdf.SetLineWidth(0.7)
	pdf.Line(marginL, y, pageW-marginR, y)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetY(y + 8)
	pdf.SetFont(fonts.CJKName, "", 17)
	paragraph(pdf, 9, pg.title, "C")
	pdf.Ln(5)
	pdf.SetFont(fonts.CJKName, "", 12)
	paragraph(pdf, 7.5, pg.body, "L")
	pdf.Ln(4)
	drawTable(pdf, pg.rows)
	pdf.SetFont(fonts.CJKName, "", 8.5)
	pdf.SetTextColor(grey[0], grey[1], grey[2])
	paragraph(pdf, 4.5, msg.RepWanNote.In(msg.Zh), "L")
	pdf.SetTextColor(0, 0, 0)
	pdf.Ln(4)
	if pg.closing != "" {
		pdf.SetFont(fonts.CJKName, "", 12)
		paragraph(pdf, 7.5, pg.closing, "L")
	}
	drawSignature(pdf, pg)
}

// drawTable draws the components and the total, in 万元.
func drawTable(pdf *fpdf.Fpdf, rows []row) {
	const itemW, h = 96.0, 8.5
	amountW := bodyW - itemW
	pdf.SetFont(fonts.CJKName, "", 12)
	pdf.SetFillColor(232, 232, 232)
	pdf.CellFormat(itemW, h, msg.NoticeColItem.In(msg.Zh), "1", 0, "C", true, 0, "")
	pdf.CellFormat(amountW, h, msg.NoticeColAmount.In(msg.Zh), "1", 1, "C", true, 0, "")
	for i, r := range rows {
		total := i == len(rows)-1
		pdf.SetFillColor(245, 245, 245)
		pdf.CellFormat(itemW, h, "  "+r.label, "1", 0, "L", total, 0, "")
		pdf.CellFormat(amountW, h, r.amount+"  ", "1", 1, "R", total, 0, "")
	}
	pdf.Ln(2)
}

// drawSignature draws the bureau's name and the date at the right, and a
// dashed circle where the seal goes, on a new page if they would not fit.
func drawSignature(pdf *fpdf.Fpdf, pg *page) {
	const blockW, need = 72.0, 46.0
	if pdf.GetY()+need > pageH-marginBot {
		pdf.AddPage()
	}
	y := pdf.GetY() + 10
	x := pageW - marginR - blockW
	pdf.SetDrawColor(grey[0], grey[1], grey[2])
	pdf.SetDashPattern([]float64{1.5, 1.2}, 0)
	pdf.Circle(x+blockW/2, y+11, 19, "D")
	pdf.SetDashPattern([]float64{}, 0)
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetFont(fonts.CJKName, "", 8)
	pdf.SetTextColor(grey[0], grey[1], grey[2])
	pdf.SetXY(x, y-6)
	pdf.CellFormat(blockW, 5, msg.NoticeSeal.In(msg.Zh), "", 0, "C", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fonts.CJKName, "", 12.5)
	pdf.SetXY(x, y+3)
	pdf.CellFormat(blockW, 8, pg.bureau, "", 2, "C", false, 0, "")
	pdf.CellFormat(blockW, 8, pg.dateTx, "", 2, "C", false, 0, "")
}
