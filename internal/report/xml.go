package report

import (
	"bytes"
	"encoding/xml"
	"io"

	"github.com/caili/caili/internal/numfmt"

	"github.com/caili/caili/formula"
)

// AllocationsXML is the XML document of a result: flat elements without
// namespaces, so that Excel's FILTERXML can pick any figure with a short
// XPath such as `//subdistrict[id='east']/total` or `//totals/block`.
// Labels are attributes of the root; every amount is an element holding a
// decimal string with the decimal places of the rounding unit, the same
// strings as the CSV and JSON.
type AllocationsXML struct {
	XMLName            xml.Name         `xml:"allocations"`
	Plan               string           `xml:"plan,attr"`
	District           string           `xml:"district,attr,omitempty"`
	FiscalYear         int64            `xml:"fiscal_year,attr"`
	RoundingUnit       string           `xml:"rounding_unit,attr"`
	Stamp              *Stamp           `xml:"stamp,omitempty"`
	Capacity           string           `xml:"capacity"`
	Reserve            string           `xml:"reserve"`
	PerformanceReserve string           `xml:"performance_reserve"`
	DampingReserve     string           `xml:"damping_reserve"`
	Subdistricts       []SubdistrictXML `xml:"subdistrict"`
	Totals             ColumnsXML       `xml:"totals"`
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
	Total     string `xml:"total"`
}

// NewAllocationsXML builds the XML document of a result.
func NewAllocationsXML(r *formula.Result) *AllocationsXML {
	f := numfmt.NewFmt(r)
	p := r.Plan
	cols := func(c [6]string, total string) ColumnsXML {
		return ColumnsXML{c[0], c[1], c[2], c[3], c[4], c[5], total}
	}
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
	}
	t := r.Totals()
	var c [6]string
	for k := range c {
		c[k] = f.Amount(t[k])
	}
	doc.Totals = cols(c, f.Amount(t[6]))
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
