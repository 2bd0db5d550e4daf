package standards

import (
	"maps"
	"slices"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/textutil"
)

// This file suggests what a mistyped override path or name may have
// meant: the nearest paths the table (paths.go) and the plan's ids make.

// didYouMean suggests the names nearest to a typed one: ";您是不是要找
// a / b?", or "" when none is near.
func didYouMean(typed string, names []string) string {
	return nearest(typed, names, 3)
}

// nearest is didYouMean with at most n names.
func nearest(typed string, names []string, n int) string {
	near := textutil.Nearest(typed, names, n)
	if len(near) == 0 {
		return ""
	}
	return ";您是不是要找 " + strings.Join(near, " / ") + "?"
}

// unknownPath says that path names nothing, and what it may have meant:
// the entry ids of its table when the id is unknown, else the nearest
// paths of the table.
func (d *document) unknownPath(path string) string {
	const msg = "unknown path (未知的调整路径)"
	parts := strings.Split(path, ".")
	fs, ok := fieldsByTable[parts[0]]
	if !ok {
		fs = fields // a misspelt table: any path may be meant
	} else if ids := d.entryIDs(parts[0]); ids != nil && len(parts) > 1 && !slices.Contains(ids, parts[1]) {
		return msg + ":没有编码为 " + quote(parts[1]) + " 的 " + parts[0] + didYouMean(parts[1], ids)
	}
	var cands []string
	for _, f := range fs {
		if c := fillPattern(f, parts); !strings.Contains(c, "..") {
			cands = append(cands, c)
		}
	}
	return msg + nearest(path, cands, 1)
}

// fillPattern writes a field's pattern with the typed path's id and key in
// place of its wildcards, as a path it may have meant.
func fillPattern(f *field, parts []string) string {
	out := slices.Clone(f.segs)
	for i, s := range out {
		switch {
		case i == 0:
		case s == "*" && i < len(parts):
			out[i] = parts[i]
		case s == "**" && i < len(parts):
			tail := len(f.segs) - i - 1
			out[i] = strings.Join(parts[i:max(i+1, len(parts)-tail)], ".")
		}
	}
	return strings.Join(out, ".")
}

// entryIDs lists the ids of an array of tables (nil for a plain table).
func (d *document) entryIDs(table string) []string {
	var ids []string
	add := func(t Text) { ids = append(ids, t.S) }
	switch table {
	case "staff":
		for _, e := range d.Staff {
			add(e.ID)
		}
	case "quota":
		for _, e := range d.Quota {
			add(e.ID)
		}
	case "project":
		for _, e := range d.Project {
			add(e.ID)
		}
	case "factor":
		for _, e := range d.Factor {
			add(e.ID)
		}
	case "subdistrict":
		for _, e := range d.Subdistrict {
			add(e.ID)
		}
	default:
		return nil
	}
	if ids == nil {
		ids = []string{}
	}
	return ids
}

// suggestQuantities adds to each problem of a quantity no sub-district
// has (reported at the standard that reads it) the nearest quantities the
// sub-districts do have: a misspelt name in the standards file.
func suggestQuantities(ps []formula.Problem, p *formula.Plan) []formula.Problem {
	var have []string
	for i, pr := range ps {
		if pr.Code != formula.CodeMissingQuantity || strings.HasPrefix(pr.Path, "subdistrict") {
			continue
		}
		if have == nil {
			seen := map[string]bool{}
			for _, s := range p.Subdistricts {
				for q := range s.Quantities {
					seen[q] = true
				}
			}
			have = slices.Sorted(maps.Keys(seen))
		}
		for name, where := range p.QuantitiesRead() {
			if where == pr.Path && !slices.Contains(have, name) && !strings.HasPrefix(name, formula.StaffRefPrefix) {
				ps[i].Message += didYouMean(name, have)
			}
		}
	}
	return ps
}
