// Package report renders a [formula.Result] for people and programs: JSON
// as SPEC §5 defines it, CSV that Chinese Excel opens cleanly (UTF-8 with
// BOM, CRLF, a totals row, formula injection neutralised), flat XML for
// Excel's FILTERXML, an aligned terminal table, and the base-versus-
// scenario comparison. It only formats: the same result always gives the
// same bytes.
package report
