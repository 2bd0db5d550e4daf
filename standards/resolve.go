package standards

import (
	"slices"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/textutil"
)

// This file is the one place where a name people use stands for an id
// (docs/names.md). A sub-district, staff category, quota, project or
// factor may be named by its id or by its name (德胜街道, 病媒生物防制),
// matched exactly after trimming spaces; a quantity by its name or its
// label ([quantity_labels]). Override paths, and the application's
// command-line flags and URLs, resolve names here to ids; everything
// after works by id, so results and scenario files do not change.

// The tables whose entries a name may stand for.
const (
	TableStaff       = "staff"
	TableQuota       = "quota"
	TableProject     = "project"
	TableFactor      = "factor"
	TableSubdistrict = "subdistrict"
	TableTransfer    = "transfer"
)

// tableWords name the tables in messages.
var tableWords = map[string]msg.Message{
	TableStaff:       msg.StdTableStaff,
	TableQuota:       msg.StdTableQuota,
	TableProject:     msg.StdTableProject,
	TableFactor:      msg.StdTableFactor,
	TableSubdistrict: msg.StdTableSubdistrict,
	TableTransfer:    msg.StdTableTransfer,
}

// Entry is one entry of a table as a reference may name it.
type Entry struct{ ID, Name string }

// RefError says why a reference names no single entry: nothing has that
// id or name (Near lists the nearest ids and names), or several entries
// share the name (IDs lists them). Ambiguous tells which.
type RefError struct {
	Table     string   // staff, quota, project, factor or subdistrict
	Ref       string   // the reference as given, trimmed
	Ambiguous bool     // several entries have the name
	IDs       []string // the ids of the entries with the name, when Ambiguous
	Near      []string // the nearest entries, as "id / name", when not Ambiguous
}

// Error says what went wrong in Chinese, with what may have been meant.
func (e *RefError) Error() string { return e.In(msg.Zh) }

// In says what went wrong in language l, with what may have been meant.
func (e *RefError) In(l msg.Lang) string {
	w := e.Table
	if what, ok := tableWords[e.Table]; ok {
		w = what.In(l)
	}
	if e.Ambiguous {
		return msg.StdRefShared.In(l, quote(e.Ref), w, strings.Join(e.IDs, "、"))
	}
	s := msg.StdRefNone.In(l, quote(e.Ref), w)
	if len(e.Near) > 0 {
		s += msg.StdDidYouMean.In(l, strings.Join(e.Near, "、"))
	}
	return s
}

// reason is the error as a Reason, in both languages.
func (e *RefError) reason() *Reason {
	return because(msg.Verbatim, e)
}

// ResolveRef finds the entry of table that ref names: by its id, else by
// its name (after trimming spaces). It returns the entry's id, or a
// *RefError.
func ResolveRef(table, ref string, entries []Entry) (string, error) {
	ref = strings.TrimSpace(ref)
	var ids []string
	for _, e := range entries {
		if e.ID == ref {
			return e.ID, nil
		}
		if ref != "" && strings.TrimSpace(e.Name) == ref {
			ids = append(ids, e.ID)
		}
	}
	switch len(ids) {
	case 1:
		return ids[0], nil
	case 0:
		return "", &RefError{Table: table, Ref: clip(ref), Near: nearRefs(ref, entries)}
	}
	return "", &RefError{Table: table, Ref: clip(ref), Ambiguous: true, IDs: ids}
}

// nearRefs lists the entries whose id or name is nearest to a
// reference, at most 3, each as "id / name".
func nearRefs(ref string, entries []Entry) []string {
	var out []string
	for _, c := range textutil.Nearest(ref, refNames(entries), 6) {
		i := slices.IndexFunc(entries, func(e Entry) bool { return e.ID == c || e.Name == c })
		s := entries[i].ID
		if n := entries[i].Name; n != "" && n != s {
			s += " / " + n
		}
		if !slices.Contains(out, s) && len(out) < 3 {
			out = append(out, s)
		}
	}
	return out
}

// ResolveRef finds the entry of table (TableSubdistrict, …) that ref
// names in the plan as written: its id, or a *RefError.
func (d *Document) ResolveRef(table, ref string) (string, error) {
	return ResolveRef(table, ref, d.doc.entries(table))
}

// PlanEntries lists the entries of a table of a compiled plan (say, a
// what-if's), for [ResolveRef].
func PlanEntries(p *formula.Plan, table string) []Entry {
	var out []Entry
	switch table {
	case TableStaff:
		for _, e := range p.Staff {
			out = append(out, Entry{e.ID, e.Name})
		}
	case TableQuota:
		for _, e := range p.Quotas {
			out = append(out, Entry{e.ID, e.Name})
		}
	case TableProject:
		for _, e := range p.Projects {
			out = append(out, Entry{e.ID, e.Name})
		}
	case TableFactor:
		for _, e := range p.Factors {
			out = append(out, Entry{e.ID, e.Name})
		}
	case TableSubdistrict:
		for _, e := range p.Subdistricts {
			out = append(out, Entry{e.ID, e.Name})
		}
	case TableTransfer:
		for _, e := range p.Transfers {
			out = append(out, Entry{e.ID, e.Name})
		}
	}
	return out
}

// entries lists the entries of a table of the document; nil for a table
// that is not an array of tables.
func (d *document) entries(table string) []Entry {
	var out []Entry
	add := func(id, name Text) { out = append(out, Entry{id.S, name.S}) }
	switch table {
	case TableStaff:
		for _, e := range d.Staff {
			add(e.ID, e.Name)
		}
	case TableQuota:
		for _, e := range d.Quota {
			add(e.ID, e.Name)
		}
	case TableProject:
		for _, e := range d.Project {
			add(e.ID, e.Name)
		}
	case TableFactor:
		for _, e := range d.Factor {
			add(e.ID, e.Name)
		}
	case TableSubdistrict:
		for _, e := range d.Subdistrict {
			add(e.ID, e.Name)
		}
	case TableTransfer:
		for _, e := range d.Transfer {
			add(e.ID, e.Name)
		}
	default:
		return nil
	}
	if out == nil {
		out = []Entry{}
	}
	return out
}

// ResolveQuantity finds the quantity a reference names: a quantity by
// its own name when some label, standard or sub-district knows it, else
// the quantity whose label has that name; ok is false for neither.
func (d *Document) ResolveQuantity(ref string) (q string, ok bool) {
	return d.doc.quantity(strings.TrimSpace(ref))
}

// quantity is ResolveQuantity on the document.
func (d *document) quantity(ref string) (string, bool) {
	if _, ok := d.QuantityLabels[ref]; ok {
		return ref, true
	}
	for _, s := range d.Subdistrict {
		if s.hasQuantity(ref) {
			return ref, true
		}
	}
	var found []string
	for _, q := range sortedNames(d.QuantityLabels) {
		if l := d.QuantityLabels[q]; l != nil && l.Name.S != "" && strings.TrimSpace(l.Name.S) == ref {
			found = append(found, q)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return ref, false
}

// resolvePath rewrites an override path that names entries, staff
// categories, projects or quantities by name into the same path by ids:
// `subdistrict.德胜街道.quantities.病媒防制面积` is
// `subdistrict.desheng.quantities.vector_area_m2`. A path it cannot
// resolve is returned unchanged, for set to report; a name several
// entries share is an error (its reason; nil when none).
func (d *document) resolvePath(path string) (string, *Reason) {
	var buf [8]string
	parts := appendSplit(buf[:0], path)
	if _, ok := fieldsByTable[parts[0]]; !ok {
		if p := d.pathByLabel(path); p != "" { // a number named by its label (labelpath.go)
			return p, nil
		}
	}
	if _, ok := tableWords[parts[0]]; !ok || len(parts) < 2 {
		return path, nil
	}
	// A name may hold dots: take the shortest run of segments that names
	// an entry, leaving at least one segment after it.
	resolved := path
	if !d.hasID(parts[0], parts[1]) {
		es := d.entries(parts[0])
		for k := 2; k < len(parts); k++ {
			id, err := ResolveRef(parts[0], strings.Join(parts[1:k], "."), es)
			if re, ok := err.(*RefError); ok && re.Ambiguous {
				return path, re.reason()
			}
			if err == nil {
				resolved = strings.Join(append([]string{parts[0], id}, parts[k:]...), ".")
				break
			}
		}
	}
	f, at, ok := lookup(resolved)
	if !ok || at.name == "" {
		return resolved, nil
	}
	var key string
	switch f.path {
	case "subdistrict.*.quantities.**", "factor.*.indicator.**.weight", "factor.*.indicator.**.quantity":
		key, _ = d.quantity(strings.TrimSpace(at.name))
	case "subdistrict.*.staff.**", "subdistrict.*.payroll.**":
		key = d.keyByName(TableStaff, at.name)
	case "subdistrict.*.project_ratings.**", "subdistrict.*.execution.**":
		key = d.keyByName(TableProject, at.name)
	}
	if key == "" || key == at.name {
		return resolved, nil
	}
	return fill(f.path, at.id, key), nil
}

// keyByName is the id a map key names, when it is the name of exactly one
// entry of table and no id; else the key unchanged.
func (d *document) keyByName(table, key string) string {
	id, err := ResolveRef(table, key, d.entries(table))
	if err != nil {
		return key
	}
	return id
}

// resolveOverrides resolves the names in the overrides' paths
// (resolvePath), keeping the overrides' order, files and lines; a name
// several entries share is a problem of its override.
func (d *document) resolveOverrides(ovs []Override) ([]Override, []formula.Problem) {
	var out []Override
	var ps []formula.Problem
	for i, o := range ovs {
		p, why := d.resolvePath(o.Path)
		if why != nil {
			ps = append(ps, why.problem(o.File, o.Line, o.Path, formula.CodeUnknownPath))
			continue
		}
		if p != o.Path && out == nil {
			out = slices.Clone(ovs)
		}
		if out != nil {
			out[i].Path = p
		}
	}
	if out == nil {
		out = ovs
	}
	return out, ps
}

// ResolveOverrides returns the overrides with the names in their paths
// resolved to ids (德胜街道 → desheng, 病媒防制面积 → vector_area_m2),
// as [Document.Model] applies them; a name several entries share is an
// error of the overrides (caili.KindBadRequest). Resolving them first makes the same what-if
// the same request whichever names it uses.
func (d *Document) ResolveOverrides(ovs []Override) ([]Override, error) {
	out, ps := d.doc.resolveOverrides(ovs)
	if len(ps) > 0 {
		return nil, invalidOverrides(ps)
	}
	return out, nil
}

// asWritten puts back, in the problems of err, the paths of the overrides
// as they were written (by name) for the paths they were resolved to, so
// that a problem quotes what a person typed.
func asWritten(err error, written, resolved []Override) error {
	ps := formula.ProblemsOf(err)
	if !ofOverrides(err) {
		return err
	}
	for i := range ps {
		p := &ps[i]
		for k := range resolved {
			if written[k].Path != resolved[k].Path && p.Path == resolved[k].Path && p.File == resolved[k].File && p.Line == resolved[k].Line {
				p.Path = written[k].Path
				break
			}
		}
	}
	return err
}

// hasID reports whether an entry of table has the id, without listing
// the entries (every what-if's override asks).
func (d *document) hasID(table, id string) bool {
	switch table {
	case TableStaff:
		return slices.ContainsFunc(d.Staff, func(e staffDoc) bool { return e.ID.S == id })
	case TableQuota:
		return slices.ContainsFunc(d.Quota, func(e quotaDoc) bool { return e.ID.S == id })
	case TableProject:
		return slices.ContainsFunc(d.Project, func(e projectDoc) bool { return e.ID.S == id })
	case TableFactor:
		return slices.ContainsFunc(d.Factor, func(e factorDoc) bool { return e.ID.S == id })
	case TableSubdistrict:
		return slices.ContainsFunc(d.Subdistrict, func(e subdistrictDoc) bool { return e.ID.S == id })
	}
	return false
}
