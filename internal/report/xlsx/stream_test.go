package xlsx

import (
	"bytes"
	"slices"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/testplan"
)

// TestLinesSplitAcrossSheets writes the sample's lines a few to a sheet,
// as a plan with more lines than Excel's 1,048,575 rows would be written,
// and reads them back: the sheets 测算明细, 测算明细2, … in order, each
// with the header, frozen panes and the same column widths, together
// every line once in order with its amount shown as on the allocation
// sheet and its whole formula.
func TestLinesSplitAcrossSheets(t *testing.T) {
	res := sampleResult(t)
	const per = 7
	var buf bytes.Buffer
	if err := write(&buf, res, nil, per); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want [][]string
	fm := numfmt.NewFmt(res)
	names := itemNames(res.Plan)
	widest := 0
	for i := range res.Subdistricts {
		a := &res.Subdistricts[i]
		for k := range a.Lines {
			l := &a.Lines[k]
			want = append(want, []string{a.ID, a.Name, stageZH[l.Stage], l.Item, names.Of(l.Stage, l.Item), numfmt.Group(fm.Amount(l.Amount)), l.Formula()})
			widest = max(widest, runewidth.StringWidth(l.Formula()))
		}
	}
	sheets := (len(want) + per - 1) / per
	wantSheets := []string{SheetAllocations}
	for k := range sheets {
		wantSheets = append(wantSheets, LineSheetName(k))
	}
	wantSheets = append(wantSheets, SheetParameters)
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets %v, want %v", got, wantSheets)
	}
	var got [][]string
	for k := range sheets {
		rows, err := f.GetRows(LineSheetName(k))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], LinesHeaderZH) || len(rows) > per+1 {
			t.Fatalf("%s: header %v, %d rows", LineSheetName(k), rows[0], len(rows))
		}
		got = append(got, rows[1:]...)
		panes, err := f.GetPanes(LineSheetName(k))
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 2 {
			t.Errorf("%s: panes %+v, %v", LineSheetName(k), panes, err)
		}
		if w, _ := f.GetColWidth(LineSheetName(k), "G"); w != float64(min(widest+3, 80)) {
			t.Errorf("%s: formula column width %v, want %v", LineSheetName(k), w, min(widest+3, 80))
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d lines read back, want %d", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Fatalf("line %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}

// TestWorkbookBytesStable writes the same result again and again, its
// lines over several streamed sheets: the bytes are the same every time
// (excelize would write its streamed sheets in a map's order; zipsort.Writer
// puts them in order).
func TestWorkbookBytesStable(t *testing.T) {
	res := sampleResult(t)
	var first bytes.Buffer
	if err := write(&first, res, nil, 7); err != nil {
		t.Fatal(err)
	}
	for range 8 {
		var again bytes.Buffer
		if err := write(&again, res, nil, 7); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), again.Bytes()) {
			t.Fatal("the same result gave a different workbook")
		}
	}
	if _, err := excelize.OpenReader(&first); err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
}

// sampleResult is the sample plan's result, with its lines.
func sampleResult(t *testing.T) *formula.Result {
	t.Helper()
	doc, _ := testplan.Sample(t)
	res, err := testplan.Evaluate(doc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
