package workbook

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/textutil"
)

// Merge reads a returned copy (one 街道's, or any part of the workbook)
// into plan p's sub-districts: each cell that holds a value replaces that
// value of the sub-district of its row; blank cells, absent columns and
// sub-districts the file has no row for keep what p has. A row whose id
// p does not have is an error: merging changes sub-districts, it does not
// add them (a full import with [Read] does).
//
// It returns p's sub-districts as merged (p is not changed), what
// changed, and the problems, located as by [Read]; the merged
// sub-districts are checked against rules §2 as [Read] checks its own.
func Merge(name string, data []byte, p *formula.Plan) ([]formula.Subdistrict, []Change, []formula.Problem) {
	r := newReader(name, p, true)
	r.readFile(data)
	if len(r.ps) == 0 && len(r.recs) == 0 {
		r.addFile(formula.CodeMissing, r.dataSheet(), msgNoRows())
	}
	if len(r.ps) > 0 {
		return nil, nil, r.problems()
	}
	merged := make([]formula.Subdistrict, len(p.Subdistricts))
	index := map[string]int{}
	for i, s := range p.Subdistricts {
		merged[i] = clone(s)
		index[s.ID] = i
	}
	for _, rec := range r.recs {
		i, ok := index[rec.sub.ID]
		if !ok {
			r.addPos(formula.CodeUnknownRef, rec.idCell, msgNotInPlan(rec.sub.ID, nearestSubdistrict(rec.sub.ID, p.Subdistricts)))
			continue
		}
		overlay(&merged[i], rec.sub)
	}
	r.zeroIndicators(r.recsOf(merged))
	if len(r.ps) == 0 {
		r.validate(merged)
	}
	if len(r.ps) > 0 {
		return nil, nil, r.problems()
	}
	changes := Diff(p, p.Subdistricts, merged)
	for i := range changes {
		if rec := r.byID[changes[i].ID]; rec != nil {
			at, _ := rec.cells.get(keyOf(changes[i].Key))
			changes[i].Cell = at.addr()
		}
	}
	return merged, changes, nil
}

// recsOf wraps sub-districts as records, for the checks over all of them.
func (r *reader) recsOf(subs []formula.Subdistrict) []*record {
	out := make([]*record, len(subs))
	for i := range subs {
		out[i] = &record{sub: subs[i]}
	}
	return out
}

// clone copies a sub-district, its maps included.
func clone(s formula.Subdistrict) formula.Subdistrict {
	s.Staff = s.Staff.Clone()
	s.Payroll = s.Payroll.Clone()
	s.Quantities = s.Quantities.Clone()
	s.ProjectRatings = maps.Clone(s.ProjectRatings)
	if s.Adjustment != nil {
		a := *s.Adjustment
		s.Adjustment = &a
	}
	return s
}

// overlay sets on dst every value that src (a partly filled row) has.
func overlay(dst *formula.Subdistrict, src formula.Subdistrict) {
	if src.Name != "" {
		dst.Name = src.Name
	}
	if src.Rating != "" {
		dst.Rating = src.Rating
	}
	if src.Adjustment != nil {
		a := *src.Adjustment
		dst.Adjustment = &a
	}
	put := func(dst *formula.Values, src formula.Values) {
		for k, v := range src.All() {
			dst.Set(k, v)
		}
	}
	put(&dst.Staff, src.Staff)
	put(&dst.Payroll, src.Payroll)
	put(&dst.Quantities, src.Quantities)
	if len(src.ProjectRatings) > 0 && dst.ProjectRatings == nil {
		dst.ProjectRatings = map[string]string{}
	}
	maps.Copy(dst.ProjectRatings, src.ProjectRatings)
}

// nearestSubdistrict names the sub-district whose id or name is nearest
// to id, as `desheng / 德胜街道`, or "".
func nearestSubdistrict(id string, subs []formula.Subdistrict) string {
	if len(subs) == 0 {
		return ""
	}
	best, bestD := -1, 0
	for i, s := range subs {
		for _, cand := range []string{s.ID, s.Name} {
			d := textutil.Distance(strings.ToLower(id), strings.ToLower(cand))
			if d <= max(2, len([]rune(cand))/3) && (best < 0 || d < bestD) {
				best, bestD = i, d
			}
		}
	}
	if best < 0 {
		return ""
	}
	return subs[best].ID + " / " + subs[best].Name
}

// ChangeKind says what a Change is.
type ChangeKind int

// The kinds of change.
const (
	ChangeValue   ChangeKind = iota // a value of a sub-district changed, appeared or went
	ChangeAdded                     // a sub-district the plan did not have
	ChangeRemoved                   // a sub-district the file does not have
)

// Change is one difference an import makes to a plan's sub-districts.
type Change struct {
	Kind  ChangeKind
	ID    string // the sub-district's id
	Name  string // its name (the new one)
	Key   string // what changed, as a key path below the sub-district: name, performance, adjustment, staff.X, payroll.X, quantities.X, project_ratings.X; "" for an added or removed sub-district
	Label string // Key as a person reads it: 辖区面积 (area_km2)
	Old   string // the value before; "" for none
	New   string // the value after; "" for none
	Cell  string // where the new value is in the file, when known (Merge)
}

// String writes the change for a person, Chinese first:
// `东街道 (east) 辖区面积 (area_km2):3.2 → 3.5`.
func (c Change) String() string {
	who := c.Name + " (" + c.ID + ")"
	switch c.Kind {
	case ChangeAdded:
		return msg.WbChangeAdded.In(msg.Zh, who)
	case ChangeRemoved:
		return msg.WbChangeRemoved.In(msg.Zh, who)
	}
	s := who + " " + c.Label + ":" + orNone(c.Old) + " → " + orNone(c.New)
	if c.Cell != "" {
		s += " [" + c.Cell + "]"
	}
	return s
}

func orNone(v string) string {
	if v == "" {
		return msg.WbNoValueShown.In(msg.Zh)
	}
	return v
}

// Diff lists what differs between old and new sub-districts of plan p,
// matched by id: values changed, set or cleared, and sub-districts added,
// in the order of new's sub-districts and the workbook's columns; then
// the sub-districts removed.
func Diff(p *formula.Plan, old, new []formula.Subdistrict) []Change {
	lay := newLayout(&formula.Plan{Staff: p.Staff, Projects: p.Projects, Factors: p.Factors, Quotas: p.Quotas,
		Incentive: p.Incentive, Damping: p.Damping, Performance: p.Performance, ProjectPerformance: p.ProjectPerformance,
		Subdistricts: slices.Concat(old, new), QuantityLabels: p.QuantityLabels}, nil)
	cols := lay.csvColumns()
	was := map[string]*formula.Subdistrict{}
	for i := range old {
		was[old[i].ID] = &old[i]
	}
	var out []Change
	for i := range new {
		s := &new[i]
		o, ok := was[s.ID]
		if !ok {
			out = append(out, Change{Kind: ChangeAdded, ID: s.ID, Name: s.Name})
			continue
		}
		delete(was, s.ID)
		for _, c := range cols {
			if a, b := valueOf(o, &c), valueOf(s, &c); a != b {
				out = append(out, Change{ID: s.ID, Name: s.Name, Key: pathKey(&c), Label: c.named(), Old: a, New: b})
			}
		}
	}
	for i := range old {
		if _, gone := was[old[i].ID]; gone {
			out = append(out, Change{Kind: ChangeRemoved, ID: old[i].ID, Name: old[i].Name})
		}
	}
	return out
}

// pathKey is a column's key path below a sub-district.
func pathKey(c *column) string {
	if c.kind == kindQuantity {
		return prefixQuantity + c.ref
	}
	return c.key
}

// valueOf is a sub-district's value in a column, as text; "" for none.
func valueOf(s *formula.Subdistrict, c *column) string {
	if m, ok := valuesIn(s, c); ok {
		if v, ok := m.Get(c.ref); ok {
			return formatNumber(v)
		}
		return ""
	}
	switch c.kind {
	case kindID:
		return s.ID
	case kindName:
		return s.Name
	case kindRating:
		return s.Rating
	case kindAdjustment:
		if s.Adjustment == nil {
			return ""
		}
		return formatNumber(*s.Adjustment)
	case kindProjectRating:
		return s.ProjectRatings[c.ref]
	}
	return ""
}

// valuesIn is the values of s that column c reads a value of: its
// quantities, headcounts or payroll; false for a column of another kind.
func valuesIn(s *formula.Subdistrict, c *column) (formula.Values, bool) {
	switch c.kind {
	case kindQuantity:
		return s.Quantities, true
	case kindHeadcount:
		return s.Staff, true
	case kindPayroll:
		return s.Payroll, true
	}
	return formula.Values{}, false
}

// Import reads a data file for plan p, as both the command line and the
// server take one: with merge, p's sub-districts with the file's cells
// filled in ([Merge]); without, every sub-district from the file ([Read]),
// with what changed against p ([Diff]).
func Import(name string, data []byte, p *formula.Plan, merge bool) ([]formula.Subdistrict, []Change, []formula.Problem) {
	if merge {
		return Merge(name, data, p)
	}
	subs, ps := Read(name, data, p)
	if len(ps) > 0 {
		return nil, nil, ps
	}
	subs = keepPublished(p, subs) // published.go
	return subs, Diff(p, p.Subdistricts, subs), nil
}

// nearestRecord is the 街道 of the data sheet (SheetData) nearest to id,
// by id or name, as "id / 名称"; "" when none is near. The rows are taken
// in the sheet's order, so that a tie goes to the first.
func (r *reader) nearestRecord(id string) string {
	recs := make([]*record, 0, len(r.byID))
	for _, rec := range r.byID {
		recs = append(recs, rec)
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].idCell.row < recs[j].idCell.row })
	subs := make([]formula.Subdistrict, len(recs))
	for i, rec := range recs {
		subs[i] = rec.sub
	}
	return nearestSubdistrict(id, subs)
}
