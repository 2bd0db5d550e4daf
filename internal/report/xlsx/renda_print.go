package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// tableStyles are the style ids of the 人大 table and of scenarios side
// by side: the title, the unit line, the header, and a row's text and
// amounts, plain and in the totals row.
type tableStyles struct {
	title, unit, head, text, amount, totalText, totalAmount int
}

// newTableStyles makes the tables' styles: borders, amounts with
// thousands separators and two decimals, a grey bold header.
func (w *rendaWriter) newTableStyles() tableStyles {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	numFmt := "#,##0.00"
	style := func(st *excelize.Style) int {
		id, err := w.f.NewStyle(st)
		w.do(err)
		return id
	}
	return tableStyles{
		title: style(&excelize.Style{Font: &excelize.Font{Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}}),
		unit:  style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}}),
		head: style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		text:        style(&excelize.Style{Border: border}),
		amount:      style(&excelize.Style{Border: border, CustomNumFmt: &numFmt}),
		totalText:   style(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true}}),
		totalAmount: style(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, CustomNumFmt: &numFmt}),
	}
}

// styles sets the title, header, amount and totals styles and the
// columns' widths of the 人大 table (cols columns, n 街道).
func (w *rendaWriter) styles(cols, n int) {
	f, s := w.f, w.sheet
	st := w.newTableStyles()
	title, unit, head, text, amount, totalText, totalAmount := st.title, st.unit, st.head, st.text, st.amount, st.totalText, st.totalAmount
	last, _ := excelize.CoordinatesToCellName(cols, 1)
	w.do(f.SetCellStyle(s, "A1", last, title))
	unitCell, _ := excelize.CoordinatesToCellName(cols, 2)
	w.do(f.SetCellStyle(s, unitCell, unitCell, unit))
	end, _ := excelize.CoordinatesToCellName(cols, 3)
	w.do(f.SetCellStyle(s, "A3", end, head))
	w.do(f.SetRowHeight(s, 3, 30))
	for i := 4; i <= 4+n; i++ {
		tx, am := text, amount
		if i == 4+n {
			tx, am = totalText, totalAmount
		}
		w.do(f.SetCellStyle(s, fmt.Sprintf("A%d", i), fmt.Sprintf("A%d", i), tx))
		to, _ := excelize.CoordinatesToCellName(cols, i)
		w.do(f.SetCellStyle(s, fmt.Sprintf("B%d", i), to, am))
	}
	lastCol, _ := excelize.ColumnNumberToName(cols)
	w.do(f.SetColWidth(s, "A", "A", 16))
	w.do(f.SetColWidth(s, "B", lastCol, 13))
}

// print sets A4 landscape, one page wide (as many pages down as it
// takes) and the title rows 1–3 repeated on every page.
func (w *rendaWriter) print(lastCol string) {
	f, s := w.f, w.sheet
	size, orient := 9, "landscape" // 9: A4
	wide, tall := 1, 0
	w.do(f.SetPageLayout(s, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}))
	fit := true
	w.do(f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: &fit}))
	centre := true
	w.do(f.SetPageMargins(s, &excelize.PageLayoutMarginsOptions{Horizontally: &centre}))
	w.do(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + s + "'!$1:$3", Scope: s}))
}
