// Package report renders a [formula.Result] for people and programs: JSON
// as rules §5 defines it, CSV that Chinese Excel opens cleanly (UTF-8 with
// BOM, CRLF, a totals row, formula injection neutralised), flat XML for
// Excel's FILTERXML, an aligned terminal table, and the base-versus-
// scenario comparison. It only formats: the same result always gives the
// same bytes.
//
// Number text comes from internal/numfmt; the Excel workbook is the
// subpackage xlsx. It must not import standards, internal/app, server or
// cmd, nor excelize (only report/xlsx does).
package report
