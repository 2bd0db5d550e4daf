package formula

import (
	"strings"
	"unicode"
)

// This file is how output names things (docs/names.md §6): a line's item
// by the name the plan gives it, and a quantity in line text by its label
// ([quantity_labels]) or a headcount by its staff category's name, so that
// a statement reads 公务员 and 病媒防制面积 where the plan says so. Ids stay
// where a machine needs them: the line's Item, the JSON and CSV fields.

// ItemNames maps each stage's line items to their Chinese names; build it
// once with Plan.ItemNames and look up every line with Of.
type ItemNames map[Stage]map[string]string

// ItemNames names every line item of the plan: staff categories, quotas
// and projects (district-managed ones under stage managed) and transfers
// by their names, an indicator's line by its quantity's label
// (the quantity's own name when it has none), the incentive and damping
// lines by what they do.
func (p *Plan) ItemNames() ItemNames {
	n := ItemNames{StagePersonnel: {}, StagePublic: {}, StageProjects: {}, StageBlock: {}, StageIncentive: {}, StageDamping: {},
		StageManaged: {}, StageTransfers: {}}
	for st, m := range fixedItemNames {
		for k, v := range m {
			n[st][k] = v
		}
	}
	if p == nil {
		return n
	}
	for _, s := range p.Staff {
		n[StagePersonnel][s.ID] = s.Name
	}
	for _, q := range p.Quotas {
		n[StagePublic][q.ID] = q.Name
	}
	for _, pr := range p.Projects {
		if pr.Managed == ManagedByDistrict {
			n[StageManaged][pr.ID] = pr.Name
			continue
		}
		n[StageProjects][pr.ID] = pr.Name
	}
	for _, t := range p.Transfers {
		n[StageTransfers][t.ID] = t.Name
	}
	for _, f := range p.Factors {
		for _, ind := range f.Indicators {
			n[StageBlock][ind.Quantity] = p.QuantityName(ind.Quantity)
		}
	}
	return n
}

// Of is the name of a line's item, or "" when it has none.
func (n ItemNames) Of(st Stage, item string) string {
	name := strings.TrimSpace(n[st][item])
	if name == item {
		return ""
	}
	return name
}

// Label is a line's item as a person reads it, with the id beside the
// name: "公务员 civil_servant"; the id alone when the item has no name.
func (n ItemNames) Label(st Stage, item string) string {
	if name := n.Of(st, item); name != "" {
		return name + " " + item
	}
	return item
}

// refNames gives each column the name line text calls it by inside its
// brackets (basisText): a headcount `staff.ID` by its staff category's
// name, a quantity by its label, else by the quantity's own name. A name
// is used only when it names that column alone and cannot end the
// brackets early (no [ ] ( ) and no control characters), so that the text
// still recomputes and the name still leads back to one quantity.
func refNames(p *Plan, names []string) []string {
	out := make([]string, len(names))
	count := make(map[string]int, len(names))
	staff := make(map[string]string, len(p.Staff))
	for _, s := range p.Staff {
		staff[s.ID] = s.Name
	}
	for c, n := range names {
		name := p.QuantityName(n)
		if id, ok := strings.CutPrefix(n, StaffRefPrefix); ok {
			name = staff[id]
		}
		if name = strings.TrimSpace(name); !refSafe(name) {
			name = n
		}
		out[c] = name
		count[name]++
	}
	for c, n := range names {
		if count[out[c]] > 1 {
			out[c] = n
		}
	}
	return out
}

// refSafe reports whether a name can stand in line text brackets.
func refSafe(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if strings.ContainsRune("[]()", r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// ref names column c in line text: "[病媒防制面积]", "[公务员]", "[x]".
func (m *Model) ref(c int) string {
	if m.refs == nil {
		return "[" + m.names[c] + "]"
	}
	return "[" + m.refs[c] + "]"
}
