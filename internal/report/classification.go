package report

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/shopspring/decimal"
)

// This file writes a result totalled by classification code
// (formula.Result.ByCode, docs/classification.md): one row a code, the
// uncoded amounts last, then the sub-districts' total, the reserves and
// the capacity, which the rows reconcile with.

// Uncoded is the code cell of the uncoded row in CSV and JSON.
const Uncoded = "uncoded"

// UncodedLabel is the code cell of the uncoded row in the terminal table
// and in a CSV with Chinese headers.
var UncodedLabel = msg.RepUncoded.In(msg.Zh)

// CodeKindLabel is the Chinese name of a classification.
func CodeKindLabel(k formula.CodeKind) string {
	if k == formula.EconomicCode {
		return msg.RepEconomicCode.In(msg.Zh)
	}
	return msg.RepFunctionCode.In(msg.Zh)
}

// CodesJSON is the JSON document of a result totalled by code.
type CodesJSON struct {
	Stamp    *Stamp `json:"stamp,omitempty"`
	Plan     string `json:"plan"`
	Kind     string `json:"kind"`
	Capacity string `json:"capacity"`
	Reserves string `json:"reserves"` // reserve + performance reserve + damping reserve (+ district pool + district-managed, rules §6)
	// Transfers (rules §6) are part of the rows, not of capacity; present
	// when the plan has them.
	Transfers *string       `json:"transfers,omitempty"`
	Total     string        `json:"total"` // Σ rows = capacity + transfers − reserves
	IDs       []string      `json:"subdistricts"`
	Rows      []CodeRowJSON `json:"rows"`
}

// CodeRowJSON is one code's amounts; BySubdistrict follows the document's
// sub-districts.
type CodeRowJSON struct {
	Code          string   `json:"code"`
	Items         []string `json:"items"`
	Columns       Columns  `json:"components"`
	BySubdistrict []string `json:"by_subdistrict"`
}

// NewCodes builds the JSON document of t, the totals of r by code.
func NewCodes(r *formula.Result, t *formula.CodeTotals, st *Stamp) *CodesJSON {
	f := numfmt.NewFmt(r)
	doc := &CodesJSON{Stamp: st, Plan: r.Plan.Name, Kind: string(t.Kind), Capacity: f.Amount(t.Capacity),
		Reserves: f.Amount(t.Reserves), Total: f.Amount(t.Capacity.Add(t.Transfers).Sub(t.Reserves)),
		Transfers: optAmount(f, r.Plan.HasTransfers(), t.Transfers)}
	for i := range r.Subdistricts {
		doc.IDs = append(doc.IDs, r.Subdistricts[i].ID)
	}
	for _, row := range t.Rows {
		j := CodeRowJSON{Code: cmp.Or(row.Code, Uncoded), Items: row.Items, Columns: columns(f, row.Components, row.Total)}
		for _, x := range row.Subdistricts {
			j.BySubdistrict = append(j.BySubdistrict, f.Amount(x))
		}
		doc.Rows = append(doc.Rows, j)
	}
	return doc
}

// WriteCodesJSON writes the totals by code as indented JSON.
func WriteCodesJSON(w io.Writer, r *formula.Result, t *formula.CodeTotals, st *Stamp) error {
	return EncodeJSON(w, NewCodes(r, t, st))
}

// codeRows are the rows of the CSV: code, total, the six components and
// one column a sub-district; then the sub-districts' total, the reserves
// and the capacity (total column only).
func codeRows(r *formula.Result, t *formula.CodeTotals, uncoded string) [][]string {
	f := numfmt.NewFmt(r)
	n := len(r.Subdistricts)
	var rows [][]string
	sum := formula.CodeTotal{Subdistricts: make([]decimal.Decimal, n)}
	for _, row := range t.Rows {
		out := []string{cmp.Or(row.Code, uncoded), f.Amount(row.Total)}
		sum.Total = sum.Total.Add(row.Total)
		for k, c := range row.Components {
			out = append(out, f.Amount(c))
			sum.Components[k] = sum.Components[k].Add(c)
		}
		for i, x := range row.Subdistricts {
			out = append(out, f.Amount(x))
			sum.Subdistricts[i] = sum.Subdistricts[i].Add(x)
		}
		rows = append(rows, out)
	}
	out := []string{"total", f.Amount(sum.Total)}
	for _, c := range sum.Components {
		out = append(out, f.Amount(c))
	}
	for _, x := range sum.Subdistricts {
		out = append(out, f.Amount(x))
	}
	blank := make([]string, len(out)-2)
	rows = append(rows, out,
		slices.Concat([]string{"reserves", f.Amount(t.Reserves)}, blank),
		slices.Concat([]string{"capacity", f.Amount(t.Capacity)}, blank))
	if r.Plan.HasTransfers() {
		rows = append(rows, slices.Concat([]string{"transfers", f.Amount(t.Transfers)}, blank))
	}
	return rows
}

// WriteCodesCSV writes the totals by code as CSV (opts as WriteCSV).
func WriteCodesCSV(w io.Writer, r *formula.Result, t *formula.CodeTotals, opts CSVOptions) error {
	header := slices.Concat([]string{string(t.Kind), "total"}, formula.ComponentNames[:])
	uncoded := Uncoded
	if opts.ZH {
		header = slices.Concat([]string{CodeKindLabel(t.Kind), msg.RepColTotal.In(msg.Zh)}, formula.ComponentLabels[:])
		uncoded = UncodedLabel
	}
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		header = append(header, cmp.Or(a.Name, a.ID))
		if !opts.ZH {
			header[len(header)-1] = a.ID
		}
	}
	return writeCSV(w, header, codeRows(r, t, uncoded), opts)
}

// WriteCodesTable writes the totals by code for a terminal: code, total
// and the six components (the sub-districts' columns are in the CSV and
// JSON), then the reserves and the capacity they reconcile with.
func WriteCodesTable(w io.Writer, r *formula.Result, t *formula.CodeTotals, st *Stamp) error {
	var b strings.Builder
	p := r.Plan
	b.WriteString(msg.RepByCodeTitle.In(msg.Zh, p.Name, CodeKindLabel(t.Kind), string(t.Kind)))
	writeYear(&b, p.FiscalYear)
	if st.WhatIf() {
		b.WriteString("\n" + st.Title())
	}
	b.WriteString("\n\n")
	all := codeRows(r, t, UncodedLabel)
	tail := 2 // the reserves and capacity rows (and transfers, rules §6)
	if p.HasTransfers() {
		tail = 3
	}
	rows := make([][]string, 0, len(all)-tail)
	for _, row := range all[:len(all)-tail] {
		row = row[:2+len(formula.ComponentNames)]
		for k := 1; k < len(row); k++ {
			row[k] = numfmt.Group(row[k])
		}
		rows = append(rows, row)
	}
	rows[len(rows)-1][0] = msg.RepSubdistrictsTotal.In(msg.Zh)
	header := slices.Concat(zh(msg.RepColCode, msg.RepColTotal), formula.ComponentLabels[:])
	writeAligned(&b, header, rows, 1, true)
	b.WriteString("\n")
	f := numfmt.NewFmt(r)
	summary := [][]string{
		{msg.RepSumSubdistricts.In(msg.Zh), numfmt.Group(f.Amount(t.Capacity.Add(t.Transfers).Sub(t.Reserves)))},
		{msg.RepSumReserves.In(msg.Zh), numfmt.Group(f.Amount(t.Reserves))},
		{msg.RepSumCapacity.In(msg.Zh), numfmt.Group(f.Amount(t.Capacity))},
	}
	if r.Plan.HasTransfers() {
		summary = append(summary, []string{msg.RepSumTransfers.In(msg.Zh), numfmt.Group(f.Amount(t.Transfers))})
	}
	writeAligned(&b, nil, summary, 1, false)
	_, err := io.WriteString(w, b.String())
	return err
}
