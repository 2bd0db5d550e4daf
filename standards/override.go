package standards

import (
	"strings"
)

// pathRef is an override path (SPEC §4) taken apart. Both ways of
// applying overrides read paths through parsePath: document.set here and
// the what-if fast path (patch.go).
type pathRef struct {
	table string // plan, staff, quota, project, tiers, factor, performance, incentive, damping, subdistrict
	id    string // the entry's id, the tier's name; "" for plain tables
	sub   string // factor: the indicator's quantity; performance and subdistrict: the map ("coefficients", "staff", "payroll", "quantities")
	key   string // the field, or the key within the map (may hold dots)
}

// parsePath takes a path apart by the shape of its table; ok is false for
// a path of the wrong shape (too short, too long, an empty map key).
func parsePath(path string) (ref pathRef, ok bool) {
	parts := strings.Split(path, ".")
	if len(parts) < 2 {
		return ref, false
	}
	ref.table = parts[0]
	rest := parts[1:]
	switch ref.table {
	case "plan", "incentive", "damping":
		ref.key = rest[0]
		return ref, len(rest) == 1
	case "staff", "quota", "project", "tiers":
		if len(rest) != 2 {
			return ref, false
		}
		ref.id, ref.key = rest[0], rest[1]
		return ref, true
	case "factor":
		ref.id = rest[0]
		switch {
		case len(rest) == 2:
			ref.key = rest[1]
			return ref, true
		case len(rest) >= 4 && rest[1] == "indicator":
			ref.sub, ref.key = strings.Join(rest[2:len(rest)-1], "."), rest[len(rest)-1]
			return ref, true
		}
	case "performance":
		if len(rest) == 1 {
			ref.key = rest[0]
			return ref, true
		}
		ref.sub, ref.key = rest[0], strings.Join(rest[1:], ".")
		return ref, ref.sub == "coefficients" && ref.key != ""
	case "subdistrict":
		if len(rest) < 2 {
			return ref, false
		}
		ref.id = rest[0]
		if len(rest) == 2 {
			ref.key = rest[1]
			return ref, true
		}
		ref.sub, ref.key = rest[1], strings.Join(rest[2:], ".")
		return ref, ref.key != ""
	}
	return ref, false
}

// set applies one override to the document. It returns why it could not,
// or "" when it did. Paths walk tables by key and arrays of tables by id
// (indicators by their quantity), as SPEC §4 describes.
func (d *document) set(path string, value any) string {
	const unknown = "unknown path"
	ref, ok := parsePath(path)
	if !ok {
		return unknown
	}
	switch ref.table {
	case "plan":
		if d.Plan == nil {
			return unknown
		}
		p := d.Plan
		switch ref.key {
		case "name":
			return setText(&p.Name, value)
		case "district":
			return setText(&p.District, value)
		case "fiscal_year":
			return setNumber(&p.FiscalYear, value)
		case "capacity":
			return setNumber(&p.Capacity, value)
		case "rounding_unit":
			return setNumber(&p.RoundingUnit, value)
		case "reserve_rate":
			return setNumber(&p.ReserveRate, value)
		}
	case "staff":
		for i := range d.Staff {
			if s := &d.Staff[i]; s.ID.S == ref.id {
				switch ref.key {
				case "name":
					return setText(&s.Name, value)
				case "annual_pay":
					return setNumber(&s.AnnualPay, value)
				case "oncost_rate":
					return setNumber(&s.OncostRate, value)
				}
			}
		}
	case "quota":
		for i := range d.Quota {
			if q := &d.Quota[i]; q.ID.S == ref.id {
				switch ref.key {
				case "name":
					return setText(&q.Name, value)
				case "rate":
					return setNumber(&q.Rate, value)
				case "basis":
					return setNames(&q.Basis, value)
				}
			}
		}
	case "project":
		for i := range d.Project {
			if p := &d.Project[i]; p.ID.S == ref.id {
				switch ref.key {
				case "name":
					return setText(&p.Name, value)
				case "unit_cost":
					return setNumber(&p.UnitCost, value)
				case "basis":
					return setNames(&p.Basis, value)
				case "tier":
					return setText(&p.Tier, value)
				}
			}
		}
	case "tiers":
		if ref.key != "max_share" {
			return unknown
		}
		t, ok := d.Tiers[ref.id]
		if !ok {
			t = &tierDoc{}
			d.Tiers[ref.id] = t
		}
		return setNumber(&t.MaxShare, value)
	case "factor":
		return d.setFactor(ref, value)
	case "performance":
		pd := d.Performance
		if pd == nil {
			return unknown
		}
		if ref.sub == "" && ref.key == "mode" {
			return setText(&pd.Mode, value)
		}
		if ref.sub == "coefficients" {
			if pd.Coefficients == nil {
				pd.Coefficients = map[string]Number{}
			}
			return setMapNumber(pd.Coefficients, ref.key, value)
		}
	case "incentive":
		in := d.Incentive
		if in == nil {
			return unknown
		}
		switch ref.key {
		case "rate":
			return setNumber(&in.Rate, value)
		case "current":
			return setText(&in.Current, value)
		case "previous":
			return setText(&in.Previous, value)
		case "budget":
			return setNumber(&in.Budget, value)
		}
	case "damping":
		dd := d.Damping
		if dd == nil {
			return unknown
		}
		switch ref.key {
		case "baseline":
			return setText(&dd.Baseline, value)
		case "floor":
			return setNumber(&dd.Floor, value)
		case "ceiling":
			return setNumber(&dd.Ceiling, value)
		}
	case "subdistrict":
		return d.setSubdistrict(ref, value)
	}
	return unknown
}

func (d *document) setFactor(ref pathRef, value any) string {
	for i := range d.Factor {
		f := &d.Factor[i]
		if f.ID.S != ref.id {
			continue
		}
		if ref.sub == "" {
			switch ref.key {
			case "name":
				return setText(&f.Name, value)
			case "weight":
				return setNumber(&f.Weight, value)
			}
			continue
		}
		for k := range f.Indicator {
			in := &f.Indicator[k]
			if in.Quantity.S != ref.sub {
				continue
			}
			switch ref.key {
			case "weight":
				return setNumber(&in.Weight, value)
			case "quantity":
				return setText(&in.Quantity, value)
			}
		}
	}
	return "unknown path"
}

func (d *document) setSubdistrict(ref pathRef, value any) string {
	for i := range d.Subdistrict {
		s := &d.Subdistrict[i]
		if s.ID.S != ref.id {
			continue
		}
		var m *map[string]Number
		switch ref.sub {
		case "":
			switch ref.key {
			case "name":
				return setText(&s.Name, value)
			case "performance":
				return setText(&s.Performance, value)
			case "adjustment":
				return setNumber(&s.Adjustment, value)
			}
			return "unknown path"
		case "staff":
			m = &s.Staff
		case "payroll":
			m = &s.Payroll
		case "quantities":
			m = &s.Quantities
		default:
			return "unknown path"
		}
		if *m == nil {
			*m = map[string]Number{}
		}
		return setMapNumber(*m, ref.key, value)
	}
	return "unknown path"
}

func setNumber(n *Number, value any) string {
	*n = parseNumber(value)
	return n.Problem
}

func setMapNumber(m map[string]Number, key string, value any) string {
	if key == "" {
		return "unknown path"
	}
	n := parseNumber(value)
	m[key] = n
	return n.Problem
}

func setText(t *Text, value any) string {
	*t = parseText(value)
	return t.Problem
}

// setNames takes a TOML array, or from the command line a comma-separated list.
func setNames(l *Names, value any) string {
	if s, ok := value.(string); ok {
		var list []any
		for _, n := range strings.Split(s, ",") {
			list = append(list, strings.TrimSpace(n))
		}
		value = list
	}
	*l = parseNames(value)
	return l.Problem
}
