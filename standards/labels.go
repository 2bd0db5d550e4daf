package standards

import (
	"slices"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file reads [quantity_labels] (rules §2): how people name each
// quantity, `vector_area_m2 = { name = "病媒防制面积", unit = "平方米" }`.
// It is a standards-level table, in the plan file or in the standards
// file. Like every value, decoding never fails: a bad label is kept as a
// problem so that every problem in a file is reported together.

// labelDoc is one key of [quantity_labels].
// Its tags are what keys.go suggests for an unknown key of a label.
type labelDoc struct {
	Name    Text     `toml:"name"`
	Unit    Text     `toml:"unit"`
	table   bool     // the value is a table
	unknown []string // keys of the table other than name and unit, sorted
}

// UnmarshalTOML implements [toml.Unmarshaler] for one label: an inline
// table (or [quantity_labels.X]) with name and unit.
func (l *labelDoc) UnmarshalTOML(v any) error {
	tm, ok := v.(map[string]any)
	if !ok {
		*l = labelDoc{}
		return nil
	}
	*l = labelDoc{table: true}
	for k, x := range tm {
		switch k {
		case "name":
			l.Name = parseText(x)
		case "unit":
			l.Unit = parseText(x)
		default:
			l.unknown = append(l.unknown, k)
		}
	}
	slices.Sort(l.unknown)
	return nil
}

// quantityLabels converts [quantity_labels]; nil when the plan has none.
// The engine checks the rest (formula's validation): an empty name, a
// label of a headcount, two quantities with one name.
func (c *converter) quantityLabels(ld map[string]*labelDoc, file string) map[string]formula.QuantityLabel {
	if len(ld) == 0 {
		return nil
	}
	out := make(map[string]formula.QuantityLabel, len(ld))
	for _, q := range sortedNames(ld) {
		l, path := ld[q], "quantity_labels."+q
		if !l.table {
			c.add(path, because(msg.StdLabelTable))
			continue
		}
		for _, k := range l.unknown {
			p := sayAt(file, 0, path+"."+k, formula.CodeUnknownKey, msg.StdLabelKey)
			if near := nearest(k, labelKeys(), 1); near != "" {
				alsoSay(&p, msg.StdDidYouMean, near)
			}
			c.ps = append(c.ps, p)
		}
		out[q] = formula.QuantityLabel{Name: c.text(path+".name", l.Name, false), Unit: c.text(path+".unit", l.Unit, false)}
	}
	return out
}
