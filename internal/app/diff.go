package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
)

// Change is one value that differs between two versions: a key path in
// one of the plan's TOML files (or a whole file that is not TOML, or
// that is only in one version), old → new. An empty Old is a key added,
// an empty New a key removed.
type Change struct {
	File string `json:"file"`
	Path string `json:"path"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// TotalChange is the change of one 街道's total between two versions.
type TotalChange struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Old   string `json:"old"`
	New   string `json:"new"`
	Delta string `json:"delta"`
	// Note says where Old came from for a successor of merged or split
	// 街道 ("2025 年为原德胜街道、新街口街道合计", succession_diff.go).
	Note string `json:"note,omitempty"`
}

// VersionDiff is what changed from version From to version To of a plan.
type VersionDiff struct {
	Plan    string        `json:"plan"`
	From    int           `json:"from"`
	To      int           `json:"to"`
	Changes []Change      `json:"changes"`
	Totals  []TotalChange `json:"totals"`
	// Error says why a version has no result (the rules reject it), so
	// that its totals are missing.
	Error string `json:"error,omitempty"`
	// Attribution splits each 街道's change of total over the
	// differences between the versions (or over the groups capacity,
	// standards, data and ratings when there are more than 12), by
	// Shapley value (docs/attribution.md); nil with AttributionError when
	// it cannot be made (the versions' 街道 differ, a combination the
	// rules reject).
	Attribution      *report.AttributionJSON `json:"attribution,omitempty"`
	AttributionError string                  `json:"attribution_error,omitempty"`
}

// Diff compares two versions (planner or approver).
func (e *App) Diff(ctx context.Context, who caili.Actor, plan string, from, to int) (*VersionDiff, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover); err != nil {
		return nil, err
	}
	var d *VersionDiff
	e.limit(func() { d, err = DiffIn(ctx, st, plan, from, to) }) // the attribution evaluates up to 2^12 plans
	return d, err
}

// DiffIn compares two versions of a plan in a store: the changed keys of
// their files and the change in each 街道's total.
func DiffIn(ctx context.Context, st caili.Store, plan string, from, to int) (*VersionDiff, error) {
	a, err := LoadVersion(ctx, st, plan, from)
	if err != nil {
		return nil, err
	}
	b, err := LoadVersion(ctx, st, plan, to)
	if err != nil {
		return nil, err
	}
	d := &VersionDiff{Plan: plan, From: from, To: to, Changes: fileChanges(a.Record.Files, b.Record.Files), Totals: []TotalChange{}}
	for _, c := range d.Changes {
		if c.Path == "" { // a data workbook changed: say what in it
			d.Changes = append(d.Changes, dataChanges(a.Plan.Doc, b.Plan.Doc)...)
			break
		}
	}
	ra, rb := a.Plan.Base, b.Plan.Base
	if ra.Err != nil || rb.Err != nil {
		for _, c := range []*Computed{ra, rb} {
			if c.Err != nil {
				d.Error = msg.ErrorWords(msg.Zh, Classify(c.Err))
			}
		}
		return d, nil
	}
	old, names := map[string]decimal.Decimal{}, map[string]string{}
	for _, s := range ra.Res.Subdistricts {
		old[s.ID], names[s.ID] = s.Total, s.Name
	}
	notes := successorTotals(b.Plan.Doc, old, names, a.Plan.FiscalYear) // succession_diff.go
	for _, s := range rb.Res.Subdistricts {
		o := old[s.ID]
		d.Totals = append(d.Totals, TotalChange{ID: s.ID, Name: s.Name, Old: o.String(), New: s.Total.String(), Delta: s.Total.Sub(o).String(), Note: notes[s.ID]})
	}
	d.attribute(a.Plan.Doc, b.Plan.Doc, from)
	return d, nil
}

// attribute splits the change from version from's plan (a) to the other
// (b) over their differences, when there are any.
func (d *VersionDiff) attribute(a, b *standards.Document, from int) {
	if len(d.Changes) == 0 {
		return
	}
	pa, pb := planOf(a), planOf(b)
	if pa == nil || pb == nil {
		return
	}
	at, err := attribution.Plans(pa, pb, attribution.ByAuto, standards.PathLabel)
	if err != nil {
		e := Classify(AttributionError(err))
		d.AttributionError = msg.ErrorWords(msg.Zh, e)
		return
	}
	d.Attribution = report.NewAttribution(at, msg.AppVersionWord.In(msg.Zh, from))
}

// fileChanges lists the changed keys of files with the same name, and
// files only in one version.
func fileChanges(a, b []caili.File) []Change {
	byName := func(fs []caili.File) map[string][]byte {
		m := map[string][]byte{}
		for _, f := range fs {
			m[f.Name] = f.Data
		}
		return m
	}
	ma, mb := byName(a), byName(b)
	names := map[string]bool{}
	for n := range ma {
		names[n] = true
	}
	for n := range mb {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	out := []Change{}
	for _, n := range sorted {
		da, oka := ma[n]
		db, okb := mb[n]
		if oka && okb && bytes.Equal(da, db) {
			continue
		}
		fa, ea := flatten(da, oka)
		fb, eb := flatten(db, okb)
		if ea != nil || eb != nil {
			out = append(out, Change{File: n, Old: fileStamp(da, oka), New: fileStamp(db, okb)})
			continue
		}
		out = append(out, keyChanges(n, fa, fb)...)
	}
	return out
}

func keyChanges(file string, a, b map[string]string) []Change {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	var out []Change
	for k := range keys {
		if a[k] != b[k] {
			out = append(out, Change{File: file, Path: k, Old: a[k], New: b[k]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// fileStamp names a file's bytes by the first 8 hex digits of their
// SHA-256, or "" for a file that is missing.
func fileStamp(b []byte, ok bool) string {
	if !ok {
		return ""
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:4])
}

// flatten decodes a TOML file into its key paths (a.b.c, rows as
// table[i]) and values as text; a missing file is empty.
func flatten(b []byte, ok bool) (map[string]string, error) {
	out := map[string]string{}
	if !ok {
		return out, nil
	}
	var doc map[string]any
	if _, err := toml.Decode(string(b), &doc); err != nil {
		return nil, err
	}
	flattenInto(out, "", doc)
	return out, nil
}

func flattenInto(out map[string]string, prefix string, v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			flattenInto(out, join(prefix, keyText(k)), x)
		}
	case []map[string]any:
		flattenRows(out, prefix, t)
	case []any:
		rows := make([]map[string]any, 0, len(t))
		for _, x := range t {
			if r, ok := x.(map[string]any); ok {
				rows = append(rows, r)
			}
		}
		if len(rows) == 0 || len(rows) != len(t) {
			out[prefix] = fmt.Sprint(t)
			return
		}
		flattenRows(out, prefix, rows)
	default:
		out[prefix] = fmt.Sprint(t)
	}
}

func join(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

// keyText quotes a key that is not bare in TOML.
func keyText(k string) string {
	if k != "" && strings.IndexFunc(k, func(r rune) bool {
		return !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) < 0 {
		return k
	}
	return strconv.Quote(k)
}

// flattenRows flattens an array of tables, naming each row by its id
// (subdistrict[east], as problems name entries) when every row has a
// distinct one, by its 0-based position otherwise.
func flattenRows(out map[string]string, prefix string, rows []map[string]any) {
	ids := make([]string, len(rows))
	seen := map[string]bool{}
	for i, r := range rows {
		id, _ := r["id"].(string)
		if id == "" || seen[id] {
			ids = nil
			break
		}
		seen[id], ids[i] = true, id
	}
	for i, r := range rows {
		key := strconv.Itoa(i)
		if ids != nil {
			key = ids[i]
		}
		flattenInto(out, prefix+"["+key+"]", r)
	}
}
