package formula

import (
	"strings"
)

// This file checks [quantity_labels] (rules §2) and names quantities by
// their labels. A label changes no figure: it is how the data-collection
// template, the dashboard and the charts name a quantity, and a name a
// what-if path may use for it.

// quantityLabels checks the labels: each names a quantity (not a
// headcount, which its staff category names), its name is not empty, and
// no two quantities share a name, nor is one quantity's label another's
// name, so that a label names one quantity only. A label for a quantity
// nothing reads is allowed (a plan may keep labels for data it collects).
func (v *validator) quantityLabels() {
	if len(v.p.QuantityLabels) == 0 {
		return
	}
	byName := make(map[string]string, len(v.p.QuantityLabels))
	for _, q := range sortedKeys(v.p.QuantityLabels) {
		lb := v.p.QuantityLabels[q]
		path := func() string { return "quantity_labels." + q } // made only for a problem
		name := strings.TrimSpace(lb.Name)
		switch {
		case strings.TrimSpace(q) == "":
			v.ps.say(CodeBadValue, "quantity_labels", textLabelNoKey)
		case strings.HasPrefix(q, StaffRefPrefix):
			v.ps.say(CodeBadValue, path(), textLabelHeadcount, q)
		case name == "":
			v.ps.say(CodeMissing, path()+".name", textLabelEmpty)
		case byName[name] != "":
			v.ps.say(CodeRepeated, path()+".name", textLabelTwice, name, byName[name])
		case name != q && v.labelIsQuantity(name):
			v.ps.say(CodeRepeated, path()+".name", textLabelIsQuantity, name)
		default:
			byName[name] = q
		}
	}
}

// labelIsQuantity reports whether a label's text is a quantity name the
// standards use or a sub-district gives.
func (v *validator) labelIsQuantity(name string) bool {
	if _, ok := v.refs.where[name]; ok {
		return true
	}
	for _, s := range v.p.Subdistricts {
		if s.Quantities.Has(name) {
			return true
		}
	}
	return false
}

// QuantityName is how people read a quantity: its label's name, or the
// quantity's own name when it has no label.
func (p *Plan) QuantityName(q string) string {
	if lb, ok := p.QuantityLabels[q]; ok && strings.TrimSpace(lb.Name) != "" {
		return lb.Name
	}
	return q
}

// QuantityUnit is a quantity's unit from its label, or "".
func (p *Plan) QuantityUnit(q string) string { return p.QuantityLabels[q].Unit }

// QuantityByLabel finds the quantity a label's name names (after
// trimming spaces); ok is false when no label has that name.
func (p *Plan) QuantityByLabel(name string) (q string, ok bool) {
	name = strings.TrimSpace(name)
	for k, lb := range p.QuantityLabels {
		if strings.TrimSpace(lb.Name) == name && name != "" {
			return k, true
		}
	}
	return "", false
}
