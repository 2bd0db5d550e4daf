package standards

import (
	"maps"
	"slices"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/textutil"
)

// This file suggests what a mistyped override path or name may have
// meant: the nearest paths the table (paths.go) and the plan's ids make.

// didYouMean adds to why the names nearest to a typed one (";您是不是要找
// a / b?"); why itself when none is near.
func didYouMean(why *Reason, typed string, names []string) *Reason {
	return suggest(why, nearest(typed, names, 3))
}

// suggest adds to why what may have been meant, near: names as "a / b";
// why itself when near is empty.
func suggest(why *Reason, near string) *Reason {
	if near == "" {
		return why
	}
	return why.also(msg.StdDidYouMean, near)
}

// nearest lists at most n names nearest to a typed one, as "a / b"; ""
// when none is near.
func nearest(typed string, names []string, n int) string {
	return strings.Join(textutil.Nearest(typed, names, n), " / ")
}

// unknownPath says that path names nothing, and what it may have meant:
// the entry ids and names of its table when the entry is unknown, else
// the nearest paths of the table.
func (d *document) unknownPath(path string) *Reason {
	parts := strings.Split(path, ".")
	fs, ok := fieldsByTable[parts[0]]
	if !ok {
		if near := d.labelSuggestion(path); near != "" { // a key or a label near one (labelpath.go)
			return suggest(because(msg.StdUnknownPath), near)
		}
		fs = fields // a misspelt table: any path may be meant
	} else if es := d.entries(parts[0]); es != nil && len(parts) > 1 && !slices.ContainsFunc(es, func(e Entry) bool { return e.ID == parts[1] }) {
		return suggest(because(msg.StdUnknownEntry, quote(parts[1]), parts[0]), strings.Join(nearRefs(parts[1], es), "、"))
	}
	var cands []string
	for _, f := range fs {
		if c := fillPattern(f, parts); !strings.Contains(c, "..") {
			cands = append(cands, c)
		}
	}
	return suggest(because(msg.StdUnknownPath), nearest(path, cands, 1))
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

// refNames lists the ids and names of entries, as what a reference to
// one of them may have meant.
func refNames(es []Entry) []string {
	out := make([]string, 0, 2*len(es))
	for _, e := range es {
		out = append(out, e.ID)
		if e.Name != "" && e.Name != e.ID {
			out = append(out, e.Name)
		}
	}
	return out
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
				for q := range s.Quantities.All() {
					seen[q] = true
				}
			}
			have = slices.Sorted(maps.Keys(seen))
		}
		for name, where := range p.QuantitiesRead() {
			if (where == pr.Path || strings.TrimSuffix(where, ".quantity") == pr.Path) && !slices.Contains(have, name) && !strings.HasPrefix(name, formula.StaffRefPrefix) {
				if near := nearest(name, have, 3); near != "" {
					alsoSay(&ps[i], msg.StdDidYouMean, near)
				}
			}
		}
	}
	return ps
}
