package xlsx_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report/xlsx"
	"github.com/caili/caili/standards"
)

// TestExportWorkbookRoundTrip: the sample's export workbook, by the
// default profile and by a second one of other headers and order, read
// back, sums to the result to the unit per 街道 and in total; codes stay
// text with their digits.
func TestExportWorkbookRoundTrip(t *testing.T) {
	res := sampleResult(t)
	def, _, err := standards.BuiltinProfile("yitihua")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../../testdata/export/province.toml")
	if err != nil {
		t.Fatal(err)
	}
	prov, err := standards.ParseProfile("province.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, prof := range []*formula.ExportProfile{def, prov} {
		t.Run(prof.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := xlsx.WriteExport(&buf, res, prof); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(f.GetSheetName(0), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			col := map[string]int{}
			for i, c := range prof.Columns {
				col[c.Field] = i
				if rows[0][i] != c.Header {
					t.Errorf("header %d = %q, want %q", i, rows[0][i], c.Header)
				}
			}
			per := map[string]decimal.Decimal{}
			managed := decimal.Zero
			for _, r := range rows[1:] {
				a := decimal.RequireFromString(r[col["amount"]])
				if fc := r[col["function_code"]]; len(fc) != 7 {
					t.Errorf("row %v: function code %q", r, fc)
				}
				if r[col["line"]] == formula.StageLabel(formula.StageManaged) {
					managed = managed.Add(a)
					continue
				}
				per[r[col["subdistrict_id"]]] = per[r[col["subdistrict_id"]]].Add(a)
			}
			for _, a := range res.Subdistricts {
				if !per[a.ID].Equal(a.Total) {
					t.Errorf("%s: Σ rows %s, total %s", a.ID, per[a.ID], a.Total)
				}
			}
			if !managed.Equal(res.DistrictManaged) {
				t.Errorf("managed %s, want %s", managed, res.DistrictManaged)
			}
		})
	}
}
