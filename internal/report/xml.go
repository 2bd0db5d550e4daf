package report

import (
	"bytes"
	"encoding/xml"
	"io"

	"github.com/caili/caili/internal/numfmt"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

// AllocationsXML is the XML document of a result: flat elements without
// namespaces, so that Excel's FILTERXML can pick any figure with a short
// XPath such as `//subdistrict[id='east']/total` or `//totals/block`.
// Labels are attributes of the root; every amount is an element holding a
// decimal string with the decimal places of the rounding unit, the same
// strings as the CSV and JSON.
type AllocationsXML struct {
	XMLName            xml.Name `xml:"allocations"`
	Plan               string   `xml:"plan,attr"`
	District           string   `xml:"district,attr,omitempty"`
	FiscalYear         int64    `xml:"fiscal_year,attr"`
	RoundingUnit       string   `xml:"rounding_unit,attr"`
	Stamp              *Stamp   `xml:"stamp,omitempty"`
	Capacity           string   `xml:"capacity"`
	Reserve            string   `xml:"reserve"`
	PerformanceReserve string   `xml:"performance_reserve"`
	DampingReserve     string   `xml:"damping_reserve"`
	// DistrictPool, DistrictManaged and Transfers (SPEC §6) are present
	// when the plan has the feature, as in the JSON.
	DistrictPool    string           `xml:"district_pool,omitempty"`
	DistrictManaged string           `xml:"district_managed,omitempty"`
	Transfers       string           `xml:"transfers,omitempty"`
	Subdistricts    []SubdistrictXML `xml:"subdistrict"`
	Totals          ColumnsXML       `xml:"totals"`
}

// SubdistrictXML is one sub-district's row of the XML document.
type SubdistrictXML struct {
	ID   string `xml:"id"`
	Name string `xml:"name"`
	ColumnsXML
}

// ColumnsXML are the component amounts and the total of one row, as XML
// elements named like the CSV header.
type ColumnsXML struct {
	Personnel string `xml:"personnel"`
	Public    string `xml:"public"`
	Projects  string `xml:"projects"`
	Incentive string `xml:"incentive"`
	Block     string `xml:"block"`
	Damping   string `xml:"damping"`
	// Transfers (part of the total) and Managed (not part of it) are
	// present when the plan has them, in the CSV's order (SPEC §6).
	Transfers string `xml:"transfers,omitempty"`
	Total     string `xml:"total"`
	Managed   string `xml:"managed,omitempty"`
}

// NewAllocationsXML builds the XML document of a result.
func NewAllocationsXML(r *formula.Result) *AllocationsXML {
	f := numfmt.NewFmt(r)
	p := r.Plan
	cols := func(c [6]string, total string) ColumnsXML {
		return ColumnsXML{Personnel: c[0], Public: c[1], Projects: c[2], Incentive: c[3], Block: c[4], Damping: c[5], Total: total}
	}
	opt := func(has bool, x decimal.Decimal) string {
		if !has {
			return ""
		}
		return f.Amount(x)
	}
	transfers, managed := moneyColumns(r)
	doc := &AllocationsXML{
		Plan: p.Name, District: p.District, FiscalYear: p.FiscalYear,
		RoundingUnit:       r.Unit.String(),
		Capacity:           f.Amount(r.Capacity),
		Reserve:            f.Amount(r.Reserve),
		PerformanceReserve: f.Amount(r.PerformanceReserve),
		DampingReserve:     f.Amount(r.DampingReserve),
		Subdistricts:       make([]SubdistrictXML, len(r.Subdistricts)),
	}
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		var c [6]string
		for k, x := range a.Components() {
			c[k] = f.Amount(x)
		}
		doc.Subdistricts[i] = SubdistrictXML{ID: a.ID, Name: a.Name, ColumnsXML: cols(c, f.Amount(a.Total))}
		doc.Subdistricts[i].Transfers, doc.Subdistricts[i].Managed = opt(transfers, a.Transfers), opt(managed, a.Managed)
	}
	t := r.Totals()
	var c [6]string
	for k := range c {
		c[k] = f.Amount(t[k])
	}
	doc.Totals = cols(c, f.Amount(t[6]))
	doc.Totals.Transfers, doc.Totals.Managed = opt(transfers, r.Transfers), opt(managed, r.DistrictManaged)
	doc.DistrictPool = opt(p != nil && p.KeepsDistrictPool(), r.DistrictPool)
	doc.DistrictManaged, doc.Transfers = doc.Totals.Managed, doc.Totals.Transfers
	return doc
}

// WriteXML writes a result as the flat XML of [AllocationsXML], UTF-8 with
// an XML declaration, indented by two spaces and ending in a newline. Text
// is escaped by encoding/xml, so names holding `<`, `&` or quotes are safe.
func WriteXML(w io.Writer, r *formula.Result) error {
	return WriteXMLStamped(w, r, nil)
}

// WriteXMLStamped is WriteXML with the result's stamp as the first element.
func WriteXMLStamped(w io.Writer, r *formula.Result, st *Stamp) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	doc := NewAllocationsXML(r)
	doc.Stamp = st
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}
