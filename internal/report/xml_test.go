package report_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/caili/caili/internal/numfmt"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
)

// xmlResult is a two-sub-district result whose names need escaping in XML.
func xmlResult(t *testing.T, unit string) *formula.Result {
	t.Helper()
	d := decimal.RequireFromString
	sub := func(id, name string, staff, pop int64) formula.Subdistrict {
		return formula.Subdistrict{ID: id, Name: name,
			Staff:      formula.ValuesOf(map[string]decimal.Decimal{"civil_servant": decimal.NewFromInt(staff)}),
			Quantities: formula.ValuesOf(map[string]decimal.Decimal{"population": decimal.NewFromInt(pop)})}
	}
	plan := &formula.Plan{Name: `"区" & <计划>`, District: "测试区", FiscalYear: 2025,
		Capacity: d("60000000"), ReserveRate: d("0.02"), RoundingUnit: d(unit),
		Staff:  []formula.Staff{{ID: "civil_servant", Name: "公务员", AnnualPay: d("160000"), OncostRate: d("0.35")}},
		Quotas: []formula.Quota{{ID: "office", Name: "办公经费", Rate: d("12000"), Basis: []string{"staff.civil_servant"}}},
		Factors: []formula.Factor{{ID: "population", Name: "服务人口", Weight: d("1"),
			Indicators: []formula.Indicator{{Quantity: "population", Weight: d("1")}}}},
		Subdistricts: []formula.Subdistrict{sub("east", "东&西<街>", 40, 82000), sub("west", "=危险\x01街道", 35, 64001)},
	}
	m, err := formula.Compile(plan)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestWriteXMLRoundTrips(t *testing.T) {
	res := xmlResult(t, "1")
	var buf bytes.Buffer
	if err := report.WriteXML(&buf, res); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`+"\n<allocations ") || !strings.HasSuffix(out, "</allocations>\n") {
		t.Errorf("document frame:\n%s", out)
	}
	if strings.Contains(out, "xmlns") {
		t.Errorf("FILTERXML wants no namespaces:\n%s", out)
	}
	if !strings.Contains(out, "东&amp;西&lt;街&gt;") {
		t.Errorf("name not escaped:\n%s", out)
	}
	var doc report.AllocationsXML
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	if doc.Plan != res.Plan.Name || doc.Subdistricts[0].Name != "东&西<街>" || doc.FiscalYear != 2025 {
		t.Errorf("labels: %+v", doc)
	}
	// The control character, not allowed in XML, is replaced, never written.
	if strings.ContainsRune(out, '\x01') || !strings.Contains(doc.Subdistricts[1].Name, "危险") {
		t.Errorf("control character in output: %q", doc.Subdistricts[1].Name)
	}
	// The figures are the CSV's, row by row.
	rows := report.Rows(res)
	for i, s := range append(doc.Subdistricts, report.SubdistrictXML{ID: "total", ColumnsXML: doc.Totals}) {
		got := []string{s.Personnel, s.Public, s.Projects, s.Incentive, s.Block, s.Damping, s.Total}
		if strings.Join(got, ",") != strings.Join(rows[i][2:], ",") {
			t.Errorf("row %d: XML %v, CSV %v", i, got, rows[i][2:])
		}
	}
	f := numfmt.NewFmt(res)
	if doc.Capacity != f.Amount(res.Capacity) || doc.Reserve != f.Amount(res.Reserve) || doc.DampingReserve != f.Amount(res.DampingReserve) {
		t.Errorf("district figures: %+v", doc)
	}
}

func TestWriteXMLCents(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WriteXML(&buf, xmlResult(t, "0.01")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `rounding_unit="0.01"`) || !strings.Contains(buf.String(), "<capacity>60000000.00</capacity>") {
		t.Errorf("cents not shown:\n%s", buf.String())
	}
}
