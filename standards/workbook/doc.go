// Package workbook moves sub-district data (街道数据) between a plan and the
// spreadsheets a bureau sends out and gets back: the data-collection
// workbook (.xlsx) and its CSV shape. It owns
//
//   - the layout: which columns a plan reads (its quantities, ratings,
//     adjustments, headcounts, payrolls and project ratings), their
//     Chinese labels and units, and the id row the import keys on;
//   - [Template]: the workbook (or CSV) to send out, pre-filled with the
//     plan's current values, with data validation, a frozen header, widths
//     for Chinese and a 说明 sheet;
//   - [Read] and [Merge]: a filled workbook or CSV back into
//     [formula.Subdistrict] values, exact decimals read from each cell's
//     stored text (never through a float), every problem a
//     [formula.Problem] located by sheet and cell (`街道数据!F7`), Chinese
//     first;
//   - [ReplaceSubdistricts]: a plan file's text with its [[subdistrict]]
//     tables written from those values, the rest of the text untouched.
//
// Inputs are bounded (file bytes, unzipped bytes, rows, columns, digits,
// merged ranges), so a hostile file costs bounded work.
//
// It builds on formula, excelize, encoding/csv and shopspring/decimal.
// Workbooks are an input format of the loader, so it must not import the
// layers above the loader (internal/app, internal/report, server, cmd);
// nor does it need package standards. Package standards must not import
// it (standards stays free of excelize): the loader will reach it through
// a small hook with the signature of [Read].
package workbook
