package server

import (
	"bytes"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report"
)

// renderCSVWan renders allocations.csv?unit=万元: the table in 万元, rows
// rounded with 尾差 so that they add up, the note in the title row.
func renderCSVWan(res *formula.Result, opts report.CSVOptions) ([]byte, error) {
	var buf bytes.Buffer
	err := report.WriteCSVWan(&buf, res, opts)
	return buf.Bytes(), err
}

// renderCompareWan renders compare.csv?unit=万元.
func renderCompareWan(base, scenario *formula.Result, attr *report.AttributionJSON, opts report.CSVOptions) ([]byte, error) {
	doc, err := report.NewCompareWan(report.Comparison{Base: base, Scenario: scenario})
	if err != nil {
		return nil, err
	}
	doc.Attribution = attr
	var buf bytes.Buffer
	err = report.WriteCompareCSV(&buf, doc, opts)
	return buf.Bytes(), err
}
