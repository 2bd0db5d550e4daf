package workbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// fullChecks are the checks of a full import once every sheet is read:
// some sub-district at all, a row in 人员 for each, and no indicator
// that is zero everywhere.
func (r *reader) fullChecks() {
	if len(r.recs) == 0 {
		r.addFile(formula.CodeMissing, r.dataSheet(), msgNoRows())
		return
	}
	if r.books[SheetStaff] {
		for _, rec := range r.recs {
			if rec.sheets&r.sheetBit(SheetStaff) == 0 {
				r.addFile(formula.CodeMissing, SheetStaff, msgRowMissing(SheetStaff, rec.sub.ID))
			}
		}
	}
	r.zeroIndicators(r.recs)
}

// dataSheet is where the sub-districts' rows are: 街道数据, the one sheet
// of a workbook in the CSV shape, or "" in a CSV file.
func (r *reader) dataSheet() string { return r.main }

// zeroIndicators reports, at its heading, each indicator whose quantity
// is zero in every sub-district given.
func (r *reader) zeroIndicators(recs []*record) {
	main, _ := r.lay.sheet(SheetData)
	for _, f := range r.plan.Factors {
		for _, in := range f.Indicators {
			i := slices.IndexFunc(main.cols, func(c column) bool { return c.kind == kindQuantity && c.ref == in.Quantity })
			if i < 0 || r.keyCell[main.cols[i].key].g == nil {
				continue
			}
			zero := true
			for _, rec := range recs {
				if v, ok := rec.sub.Quantities.Get(in.Quantity); !ok || !v.IsZero() {
					zero = false
					break
				}
			}
			if zero {
				r.addPos(formula.CodeZeroIndicator, r.keyCell[main.cols[i].key], msgZeroIndicator(&main.cols[i]))
			}
		}
	}
}

// validate checks subs against every rule of rules §2 (the plan p with
// subs as its sub-districts) and reports, at their cells, the problems
// that concern the sub-districts and that the workbook's own checks did
// not report already. Problems of p's own tables are not the file's and
// are left to whoever loads the plan.
func (r *reader) validate(subs []formula.Subdistrict) {
	q := *r.plan
	q.Subdistricts = subs
	have := map[string]bool{}
	for _, l := range r.ps {
		have[l.p.Path+"\x00"+string(l.p.Code)] = true
	}
	for _, pb := range q.Validate() {
		path, label, ok := r.locate(pb, subs)
		if !ok || have[path+"\x00"+string(pb.Code)] {
			continue
		}
		have[path+"\x00"+string(pb.Code)] = true
		w := pb.Says
		if label != "" {
			w = sayWith(msg.WbLabelled, w, label)
		}
		r.ps = append(r.ps, located{p: r.problem(pb.Code, path, w), sheet: len(r.order) + 1})
	}
}

// locate finds the cell of a validation problem and the column it is in,
// by its key path: `subdistrict[west].quantities.area_km2` → the cell of
// west's area_km2, `factor[area].indicator[area_km2]` (zero everywhere)
// → area_km2's heading. A value a merge kept from the plan is placed at
// its sub-district's id cell.
func (r *reader) locate(pb formula.Problem, subs []formula.Subdistrict) (path, label string, ok bool) {
	if pb.Code == formula.CodeZeroIndicator {
		if _, rest, found := strings.Cut(pb.Path, ".indicator["); found {
			q := strings.TrimSuffix(rest, "]")
			if cell := r.keyCell[quantityKey(q)].addr(); cell != "" {
				return cell, q, true
			}
		}
		return "", "", false
	}
	if pb.Path == "subdistrict" {
		return r.dataSheet(), "", true
	}
	inner, rest, found := strings.Cut(strings.TrimPrefix(pb.Path, "subdistrict["), "]")
	if !found || !strings.HasPrefix(pb.Path, "subdistrict[") {
		return "", "", false
	}
	rec := r.byID[inner]
	if n, err := strconv.Atoi(inner); err == nil && n >= 1 && n <= len(subs) {
		rec = r.byID[subs[n-1].ID]
	}
	if rec == nil {
		return pb.Path, "", true
	}
	key := keyOf(strings.TrimPrefix(rest, "."))
	if at, _ := rec.cells.get(key); at.g != nil {
		return at.addr(), key, true
	}
	return rec.idCell.addr(), "", true
}

// keyOf maps the rest of a sub-district's key path (quantities.area_km2,
// staff.x, performance) to the key of its column.
func keyOf(rest string) string {
	if q, ok := strings.CutPrefix(rest, prefixQuantity); ok {
		return quantityKey(q)
	}
	if rest == "" {
		return keyID
	}
	return rest
}
