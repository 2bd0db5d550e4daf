package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/caili/caili/formula"
)

// The tiny example's workbook: 街道数据 columns A id, B name,
// C performance, D adjustment, E communities, F hotline_tickets,
// G area_km2, H population, I elderly_80plus, J vector_area_m2,
// K green_area_m2, L tax_revenue, M tax_revenue_prev, N last_year_total;
// rows 3 east, 4 west, 5 north. 人员: C, D headcounts, E, F payrolls.

// withCache gives a formula cell of sheet1 a cached value, as Excel and
// LibreOffice save them (excelize writes formulas without one).
func withCache(t testing.TB, data []byte, ref, value string) []byte {
	t.Helper()
	return setCache(t, data, "xl/worksheets/sheet1.xml", ref, "<v>"+value+"</v>")
}

// withoutCache takes a formula cell's cached value away, as a program
// that does not compute formulas saves it.
func withoutCache(t testing.TB, data []byte, part, ref string) []byte {
	t.Helper()
	return setCache(t, data, part, ref, "")
}

// setCache sets what follows the formula of cell ref in a sheet's XML:
// a cached number (v), or nothing.
func setCache(t testing.TB, data []byte, part, ref, v string) []byte {
	t.Helper()
	re := regexp.MustCompile(`<c r="` + ref + `"([^>]*?)( t="str")?([^>]*)><f>([^<]*)</f>(<v>[^<]*</v>)?</c>`)
	return rewritePart(t, data, part, func(x string) string {
		if !re.MatchString(x) {
			t.Fatalf("no formula cell %s", ref)
		}
		return re.ReplaceAllString(x, `<c r="`+ref+`"$1$3><f>$4</f>`+v+`</c>`)
	})
}

// rewritePart rewrites one part of a zip package.
func rewritePart(t testing.TB, data []byte, part string, f func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		rc, err := e.Open()
		must(t, err)
		b, err := io.ReadAll(rc)
		must(t, err)
		rc.Close()
		if e.Name == part {
			b = []byte(f(string(b)))
		}
		w, err := zw.Create(e.Name)
		must(t, err)
		_, err = w.Write(b)
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

// TestCells reads workbooks as people fill them in: numbers as text,
// with separators, full-width, with spaces; formulas; merged, hidden,
// blank and extra rows, columns and sheets. Each gives the tiny example's
// sub-districts, with the change it makes.
func TestCells(t *testing.T) {
	p := tinyPlan(t)
	base := template(t, p, TemplateOptions{})
	dec := decimal.RequireFromString
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		want func(subs []formula.Subdistrict) // changes to the tiny example's values
	}{
		{"text numbers", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.SetCellStr(SheetData, "G3", "3.2"))
				must(t, x.SetCellStr(SheetData, "F4", "6100"))
				must(t, x.SetCellStr(SheetStaff, "C5", "30"))
			})
		}, nil},
		{"thousands separators", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.SetCellStr(SheetData, "H3", "82,000"))
				must(t, x.SetCellStr(SheetStaff, "F5", "4,000,000.00"))
				must(t, x.SetCellStr(SheetData, "L3", "81,000,000"))
			})
		}, nil},
		{"full-width digits", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.SetCellStr(SheetData, "G3", "３．２"))
				must(t, x.SetCellStr(SheetData, "F3", "５，２００"))
				must(t, x.SetCellStr(SheetStaff, "C3", "４０"))
			})
		}, nil},
		{"spaces at the ends", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.SetCellStr(SheetData, "F3", "5200  "))
				must(t, x.SetCellStr(SheetData, "G3", "\u00a03.2\u3000"))
				must(t, x.SetCellStr(SheetData, "A3", " east "))
				must(t, x.SetCellStr(SheetData, "C3", "优 "))
			})
		}, nil},
		{"stored doubles", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.SetCellDefault(SheetData, "G3", "3.2000000000000002"))
				must(t, x.SetCellDefault(SheetData, "D4", "1.1000000000000001"))
				must(t, x.SetCellDefault(SheetData, "J3", "9E5"))
			})
		}, nil},
		{"formulas with cached values", func(t *testing.T) []byte {
			b := edit(t, base, func(x *excelize.File) {
				must(t, x.SetCellFormula(SheetData, "F3", "5000+200"))
				must(t, x.SetCellFormula(SheetData, "G3", "1.6*2"))
			})
			return withCache(t, withCache(t, b, "F3", "5200"), "G3", "3.2000000000000002")
		}, nil},
		{"title and merged group headings above the labels", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.InsertRows(SheetData, 1, 2))
				must(t, x.SetCellStr(SheetData, "A1", "2026年街道数据采集表"))
				must(t, x.MergeCell(SheetData, "A1", "N1"))
				must(t, x.SetCellStr(SheetData, "E2", "因素"))
				must(t, x.MergeCell(SheetData, "E2", "H2"))
				must(t, x.MergeCell(SheetData, "A3", "B3")) // label cells merged
			})
		}, nil},
		{"extra sheet", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				_, err := x.NewSheet("备注")
				must(t, err)
				must(t, x.SetSheetRow("备注", "A1", &[]any{"id", "area_km2", "备注"}))
				must(t, x.SetSheetRow("备注", "A2", &[]any{"east", -1, "不读"}))
			})
		}, nil},
		{"hidden row is read", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.SetRowVisible(SheetData, 4, false))
				must(t, x.SetRowVisible(SheetStaff, 4, false))
			})
		}, nil},
		{"blank rows in the middle and below", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.InsertRows(SheetData, 4, 2))
				must(t, x.SetCellStr(SheetData, "C4", "  ")) // only spaces: blank
				must(t, x.InsertRows(SheetStaff, 5, 1))
			})
		}, nil},
		{"merged data cells give every cell the value", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.SetCellStr(SheetData, "D3", "1.1"))
				must(t, x.MergeCell(SheetData, "D3", "D5"))
			})
		}, func(subs []formula.Subdistrict) {
			a := dec("1.1")
			subs[0].Adjustment, subs[2].Adjustment = &a, &a
		}},
		{"columns in another order, headed by labels", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) {
				must(t, x.RemoveRow(SheetData, 2))
				must(t, x.SetCellStr(SheetData, "A1", "区域调节系数"))
				must(t, x.SetCellStr(SheetData, "D1", "街道编码"))
				for r := 2; r <= 4; r++ {
					a, _ := x.GetCellValue(SheetData, cellName(1, r))
					d, _ := x.GetCellValue(SheetData, cellName(4, r))
					must(t, x.SetCellStr(SheetData, cellName(1, r), d))
					must(t, x.SetCellStr(SheetData, cellName(4, r), a))
				}
			})
		}, nil},
		{"a changed value", func(t *testing.T) []byte {
			return edit(t, base, func(x *excelize.File) { must(t, x.SetCellInt(SheetData, "F5", 4000)) })
		}, func(subs []formula.Subdistrict) { subs[2].Quantities.Set("hotline_tickets", dec("4000")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := make([]formula.Subdistrict, len(p.Subdistricts))
			for i, s := range p.Subdistricts {
				want[i] = clone(s)
			}
			if tt.want != nil {
				tt.want(want)
			}
			sameSubs(t, p, mustRead(t, "x.xlsx", tt.data(t), p), want)
		})
	}
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// TestCSVShapes reads the tiny example's CSV in the encodings and
// separators Chinese Excel and WPS write, and headed by labels.
func TestCSVShapes(t *testing.T) {
	p := tinyPlan(t)
	utf8CSV := string(template(t, p, TemplateOptions{Format: CSV}))
	plain := strings.TrimPrefix(utf8CSV, "\ufeff")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(plain)
	must(t, err)
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(plain, ",", "\t"))
	must(t, err)
	labels := strings.Replace(plain, "id,name,performance,adjustment", "街道编码,街道名称,绩效等级,区域调节系数", 1)
	labels = strings.Replace(labels, "staff.civil_servant,staff.community_worker", "公务员人数,社区工作者人数", 1)
	for name, text := range map[string]string{
		"utf-8 with BOM":    utf8CSV,
		"utf-8 without BOM": plain,
		"gbk":               gbk,
		"utf-16 with tabs":  utf16,
		"semicolons":        strings.ReplaceAll(plain, ",", ";"),
		"LF line ends":      strings.ReplaceAll(plain, "\r\n", "\n"),
		"headed by labels":  labels,
		"a title line":      "2026年街道数据\r\n\r\n" + plain,
		"blank lines":       strings.Replace(plain, "\r\n", "\r\n\r\n,,,\r\n", 2),
	} {
		t.Run(name, func(t *testing.T) {
			sameSubs(t, p, mustRead(t, "x.csv", []byte(text), p), p.Subdistricts)
		})
	}
}

// A plan that reads its sub-districts from a data file has none of its
// own: a column of a quantity no standard reads is kept as it is (the
// template writes one for every quantity the sub-districts have), while
// a misspelt column of a quantity the standards read is reported with
// the suggestion.
func TestExtraQuantityColumn(t *testing.T) {
	p := tinyPlan(t)
	filled := template(t, p, TemplateOptions{})
	tables := withSubs(p, nil)
	data := setCells(t, filled, map[string]any{"街道数据!P2": "households_2024", "街道数据!P3": 12, "街道数据!P4": "13.5"})
	got := mustRead(t, "d.xlsx", data, tables)
	if v, ok := got[0].Quantities.Get("households_2024"); !ok || v.String() != "12" {
		t.Errorf("the extra column was not kept: %v", got[0].Quantities)
	}
	if v := got[1].Quantities.Value("households_2024"); v.String() != "13.5" {
		t.Errorf("second row: %v", got[1].Quantities)
	}
	for _, heading := range []string{"populaton", "staff.nobody", "Not An Id"} {
		misspelt := setCells(t, filled, map[string]any{"街道数据!H2": heading})
		_, ps := Read("d.xlsx", misspelt, tables)
		if !slices.ContainsFunc(ps, func(p formula.Problem) bool { return p.Path == "街道数据!H2" && p.Code == codeUnknownColumn }) {
			t.Errorf("heading %q: want unknown_column at 街道数据!H2, got\n%s", heading, problemsText(ps))
		}
	}
}
