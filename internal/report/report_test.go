package report_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/testplan"
)

func tinyResult(t *testing.T, sets ...string) *formula.Result {
	t.Helper()
	return testplan.File(t, "../../testdata/tiny/plan.toml", sets...)
}

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{
		"东街道": "东街道", "=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1": "+1", "-2": "-2", "-2+1": "'-2+1", "\t=1": "'\t=1", "@SUM": "'@SUM", "": "",
	} {
		if got := report.SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVNeutralisesNamesNotNumbers(t *testing.T) {
	res := tinyResult(t, "subdistrict.east.name==cmd|' /C calc'!A0")
	var b bytes.Buffer
	if err := report.WriteCSV(&b, res, report.CSVOptions{NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][1]; got != "'=cmd|' /C calc'!A0" {
		t.Errorf("name cell = %q, want it neutralised", got)
	}
	if got := rows[3][7]; got != "-1089605" {
		t.Errorf("negative damping = %q, want the bare number", got)
	}
	if rows[len(rows)-1][0] != "total" {
		t.Errorf("no totals row")
	}
}

func TestCSVBytes(t *testing.T) {
	var with, without bytes.Buffer
	res := tinyResult(t)
	if err := report.WriteCSV(&with, res, report.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteCSV(&without, res, report.CSVOptions{NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(with.Bytes(), append([]byte("\ufeff"), without.Bytes()...)) {
		t.Error("the BOM option changes more than the BOM")
	}
	if strings.Count(without.String(), "\r\n") != 5 || strings.Contains(strings.ReplaceAll(without.String(), "\r\n", ""), "\n") {
		t.Error("rows must end in CRLF only")
	}
	// GB18030: the same text, in that encoding, with no BOM.
	var gb bytes.Buffer
	if err := report.WriteCSV(&gb, res, report.CSVOptions{GB18030: true}); err != nil {
		t.Fatal(err)
	}
	back, err := simplifiedchinese.GB18030.NewDecoder().Bytes(gb.Bytes())
	if err != nil || !bytes.Equal(back, without.Bytes()) || bytes.Equal(gb.Bytes(), without.Bytes()) {
		t.Errorf("GB18030 CSV does not decode to the UTF-8 CSV (err %v)", err)
	}
}

// TestTableAlignsChinese checks that every row of the table has the same
// display width: Chinese characters count two columns.
func TestTableAlignsChinese(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteTable(&b, tinyResult(t)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	var widths []int
	for _, l := range lines[2:8] { // header, rule, three rows, rule
		widths = append(widths, runewidth.StringWidth(l))
	}
	for _, w := range widths {
		if w != widths[0] {
			t.Fatalf("rows of different display widths %v:\n%s", widths, b.String())
		}
	}
	if !strings.Contains(b.String(), "22,659,200") {
		t.Errorf("amounts not grouped:\n%s", b.String())
	}
}

func TestCompare(t *testing.T) {
	base, what := tinyResult(t), tinyResult(t, "plan.capacity=59000000")
	c := report.NewCompare(report.Comparison{Base: base, Scenario: what})
	if c.Totals.BaseTotal != "57710395" {
		t.Errorf("base total = %s, want 57710395", c.Totals.BaseTotal)
	}
	bt, st, ch := decimal.RequireFromString(c.Totals.BaseTotal), decimal.RequireFromString(c.Totals.ScenarioTotal), decimal.RequireFromString(c.Totals.Change)
	if !st.Sub(bt).Equal(ch) || ch.Sign() >= 0 {
		t.Errorf("totals: base %s, scenario %s, change %s", bt, st, ch)
	}
	for _, r := range c.Subdistricts {
		if r.ChangePct == "" {
			t.Errorf("%s: no change %%", r.ID)
		}
	}
	var b bytes.Buffer
	if err := report.WriteCompareCSV(&b, c, report.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\ufeffid,name,base_total,scenario_total,change,change_pct,") {
		t.Errorf("compare CSV header: %q", b.String()[:60])
	}
}
