package server

import (
	"bytes"
	"math/big"
	"net/url"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/xlsx"
)

// Content types of the representations.
const (
	typeJSON = "application/json; charset=utf-8"
	typeCSV  = "text/csv; charset=utf-8"
	// typeGB18030CSV is CSV in GB18030 (encoding=gb18030).
	typeGB18030CSV = "text/csv; charset=GB18030"
	typeXML        = "application/xml; charset=utf-8"
	typeText       = "text/plain; charset=utf-8"
	typeTOML       = "application/toml; charset=utf-8"
	typeXLSX       = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	typeHTML       = "text/html; charset=utf-8"
)

// renderAllocations renders a whole result as json, csv, xml or xlsx. The
// CSV bytes are exactly those of `caili calc --format csv`
// (report.WriteCSV); the workbook is xlsx.Write's (sheets 分配结果,
// 测算明细 and 参数), whose bytes depend on the result alone, so that its
// ETag can be strong.
func renderAllocations(res *formula.Result, format string, opts report.CSVOptions, st *report.Stamp) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "csv":
		err = report.WriteCSV(&buf, res, opts)
	case "xml":
		err = report.WriteXMLStamped(&buf, res, st)
	case "xlsx":
		err = xlsx.WriteStamped(&buf, res, st)
	default:
		err = report.WriteJSONStamped(&buf, res, st)
	}
	return buf.Bytes(), err
}

// renderSubdistrict renders one sub-district with its lines and its factor
// score broken down by indicator, as `caili explain --format json` does.
func renderSubdistrict(res *formula.Result, a *formula.Allocation) ([]byte, error) {
	var buf bytes.Buffer
	err := report.EncodeJSON(&buf, report.NewSubdistrict(res, a, true))
	return buf.Bytes(), err
}

// renderCompare renders base against scenario as json or csv, as
// `caili compare` does.
func renderCompare(base, scenario *formula.Result, attr *report.AttributionJSON, format string, opts report.CSVOptions) ([]byte, error) {
	doc := report.NewCompare(report.Comparison{Base: base, Scenario: scenario})
	doc.Attribution = attr
	var buf bytes.Buffer
	var err error
	if format == "csv" {
		err = report.WriteCompareCSV(&buf, doc, opts)
	} else {
		err = report.EncodeJSON(&buf, doc)
	}
	return buf.Bytes(), err
}

// cellColumns lists the columns of the cell route, in order: the six
// components of rules §5, the total and the share.
var cellColumns = slices.Concat(formula.ComponentNames[:], []string{"total", "share"})

// cell renders one figure of a sub-district as bare text for Excel's
// WEBSERVICE: the digits only (a minus sign if negative, the decimal
// places of the rounding unit, no separators, no newline).
//
// The share column is the sub-district's total over the sum of all
// sub-districts' totals, as a fraction (not a percentage) with exactly six
// decimal places, rounded half away from zero from the exact quotient
// (big.Rat arithmetic, no floating point): 22659200 / 57710395 gives
// "0.392636". When the totals sum to zero every share is "0.000000".
// ok is false for an unknown column.
func cell(res *formula.Result, a *formula.Allocation, column string) (string, bool) {
	i := slices.Index(cellColumns, column)
	switch {
	case i < 0:
		return "", false
	case i < 6:
		return numfmt.NewFmt(res).Amount(a.Components()[i]), true
	case column == "total":
		return numfmt.NewFmt(res).Amount(a.Total), true
	}
	return share(a.Total, res.Totals()[6]), true
}

// sharePlaces is the number of decimal places of the share column.
const sharePlaces = 6

// share returns part/whole with sharePlaces decimal places, rounded half
// away from zero, exactly; "0.000000" when whole is zero.
func share(part, whole decimal.Decimal) string {
	if whole.IsZero() {
		return decimal.Zero.StringFixed(sharePlaces)
	}
	q := new(big.Rat).Quo(part.Rat(), whole.Rat())
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(sharePlaces), nil)
	num := new(big.Int).Mul(q.Num(), scale)
	quo, rem := new(big.Int).QuoRem(num, q.Denom(), new(big.Int))
	// |rem| / den ≥ 1/2  ⇔  2|rem| ≥ den: round away from zero.
	if rem.Abs(rem).Lsh(rem, 1).Cmp(q.Denom()) >= 0 {
		if num.Sign() < 0 {
			quo.Sub(quo, big.NewInt(1))
		} else {
			quo.Add(quo, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(quo, -sharePlaces).StringFixed(sharePlaces)
}

// csvOptions are the CSV options a query asks for.
func csvOptions(q app.Query) report.CSVOptions {
	return report.CSVOptions{NoBOM: q.NoBOM, GB18030: q.GB18030, ZH: q.HeaderZH}
}

// typeOf is the content type of a format, as the query encodes it.
func typeOf(format string, q app.Query) string {
	if format == "csv" && q.GB18030 {
		return typeGB18030CSV
	}
	return allocationsType[format]
}

// attachment is a Content-Disposition naming a download: the name in
// UTF-8 (RFC 6266's filename*), with an ASCII fallback for old clients.
func attachment(name string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < ' ' || r > '~' || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	if ascii == name {
		return `attachment; filename="` + name + `"`
	}
	return `attachment; filename="` + ascii + `"; filename*=UTF-8''` + url.PathEscape(name)
}
