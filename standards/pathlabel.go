package standards

import (
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file names override paths for people from the path table: the
// field's label (a message of internal/msg) filled with the plan's names
// of what the path's wildcards matched, "公务员 年人均工资" for
// staff.civil_servant.annual_pay. The dashboard's what-if form, the
// sensitivity levers, attribution's causes and the plan diff all name a
// path with PathLabel, so that a path reads the same everywhere.

// PathInfo describes an override path from its entry in the path table.
type PathInfo struct {
	Pattern string      // the entry, such as staff.*.annual_pay
	Kind    string      // the kind of value: number, text, names, flag or components
	Label   msg.Message // the field's label, a format taking the names of ID and Key (see [PathInfo.Names])
	Unit    msg.Message // the field's unit; the zero Message for none (see [PathInfo.UnitIn])
	ID      string      // what "*" matched: an entry's id or a tier's name; "" when the entry has no "*"
	Key     string      // what "**" matched: a quantity, a staff category, a project or a rating; "" when none
}

// Describe looks a path up in the path table; ok is false for a path that
// names no field.
func Describe(path string) (info PathInfo, ok bool) {
	f, at, ok := lookup(path)
	if !ok {
		return PathInfo{}, false
	}
	return PathInfo{Pattern: f.path, Kind: f.kind.String(), Label: f.label, Unit: f.unit, ID: at.id, Key: at.name}, true
}

// Patterns lists the entries of the path table, in its order.
func Patterns() []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.path
	}
	return out
}

// PathLabel names an override path in Chinese in the plan's words:
// "东街道 常住人口", "公务员 年人均工资", "可用财力". It is the path itself
// when the path names no field, when the plan is nil or when the plan has
// no entry of the id the path names.
func PathLabel(path string, p *formula.Plan) string { return PathLabelIn(msg.Zh, path, p) }

// PathLabelIn is [PathLabel] in the language l.
func PathLabelIn(l msg.Lang, path string, p *formula.Plan) string {
	info, ok := Describe(path)
	if !ok || p == nil {
		return path
	}
	names, ok := info.Names(p)
	if !ok {
		return path
	}
	if info.Pattern == "staff.*.annual_pay" && retireePay(p, info.ID) {
		return msg.PathRetireePay.In(l, names...)
	}
	return info.Label.In(l, names...)
}

// retireePay reports whether staff category id is the plan's one category
// of retirees (its name says 退休), whose annual pay is called 人均离退休费
// rather than 年人均工资.
func retireePay(p *formula.Plan, id string) bool {
	n, this := 0, false
	for _, s := range p.Staff {
		if strings.Contains(s.Name, msg.RetireeWord) {
			n++
			this = this || s.ID == id
		}
	}
	return this && n == 1
}

// Names are the plan's names of what the path's wildcards matched, in the
// order its label takes them: the entry of "*" (a staff category, quota,
// project, factor or sub-district by its name, or its id when it has no
// name; a tier as it is), then the key of "**" (a quantity by its label,
// a staff category or project by its name, a rating as it is). ok is
// false when the plan has no entry of the id or key.
func (i PathInfo) Names(p *formula.Plan) (names []any, ok bool) {
	segs := strings.Split(i.Pattern, ".")
	for n, s := range segs {
		var name string
		switch s {
		case "*":
			name, ok = entryName(p, segs[0], i.ID)
		case "**":
			name, ok = keyName(p, segs[n-1], i.Key)
		default:
			continue
		}
		if !ok {
			return nil, false
		}
		names = append(names, name)
	}
	return names, true
}

// UnitIn is the field's unit in l, "" for none; a sub-district's quantity
// has the unit the plan gives it ([quantity_labels]).
func (i PathInfo) UnitIn(l msg.Lang, p *formula.Plan) string {
	if i.Pattern == "subdistrict.*.quantities.**" && p != nil {
		return p.QuantityUnit(i.Key)
	}
	return i.Unit.In(l)
}

// entryName is the name of the entry of a table by its id.
func entryName(p *formula.Plan, table, id string) (string, bool) {
	switch table {
	case "staff":
		return named(p.Staff, id, func(s formula.Staff) (string, string) { return s.ID, s.Name })
	case "quota":
		return named(p.Quotas, id, func(q formula.Quota) (string, string) { return q.ID, q.Name })
	case "project":
		return named(p.Projects, id, func(pr formula.Project) (string, string) { return pr.ID, pr.Name })
	case "factor":
		return named(p.Factors, id, func(f formula.Factor) (string, string) { return f.ID, f.Name })
	case "subdistrict":
		return named(p.Subdistricts, id, func(s formula.Subdistrict) (string, string) { return s.ID, s.Name })
	case "transfer":
		return named(p.Transfers, id, func(t formula.Transfer) (string, string) { return t.ID, t.Name })
	}
	return id, true // a tier
}

// keyName names the key of "**" by the segment before it.
func keyName(p *formula.Plan, before, key string) (string, bool) {
	switch before {
	case "indicator", "quantities":
		return p.QuantityName(key), true
	case "staff", "payroll":
		return entryName(p, "staff", key)
	case "project_ratings", "execution":
		return entryName(p, "project", key)
	}
	return key, true // a rating
}

// named finds the entry of a list with the id: its name, or the id when
// the name is blank; ok is false when no entry has the id.
func named[T any](list []T, id string, idName func(T) (string, string)) (string, bool) {
	for _, e := range list {
		if eid, name := idName(e); eid == id {
			if strings.TrimSpace(name) == "" {
				return id, true
			}
			return strings.TrimSpace(name), true
		}
	}
	return "", false
}

// String is the kind's name: number, text, names, flag, components or
// bands.
func (k valueKind) String() string {
	return [...]string{"", "number", "text", "names", "flag", "components", "bands"}[k]
}
