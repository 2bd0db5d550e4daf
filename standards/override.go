package standards

import (
	"strings"
)

// set applies one override to the document. It returns why it could not,
// or "" when it did. Paths walk tables by key and arrays of tables by id
// (indicators by their quantity), as SPEC §4 describes.
func (d *document) set(path string, value any) string {
	parts := strings.Split(path, ".")
	if len(parts) < 2 {
		return "unknown path"
	}
	unknown := "unknown path"
	key, rest := parts[0], parts[1:]
	switch key {
	case "plan":
		if d.Plan == nil || len(rest) != 1 {
			return unknown
		}
		p := d.Plan
		switch rest[0] {
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
		if len(rest) != 2 {
			return unknown
		}
		for i := range d.Staff {
			if s := &d.Staff[i]; s.ID.S == rest[0] {
				switch rest[1] {
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
		if len(rest) != 2 {
			return unknown
		}
		for i := range d.Quota {
			if q := &d.Quota[i]; q.ID.S == rest[0] {
				switch rest[1] {
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
		if len(rest) != 2 {
			return unknown
		}
		for i := range d.Project {
			if p := &d.Project[i]; p.ID.S == rest[0] {
				switch rest[1] {
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
		if len(rest) != 2 || rest[1] != "max_share" {
			return unknown
		}
		t, ok := d.Tiers[rest[0]]
		if !ok {
			t = &tierDoc{}
			d.Tiers[rest[0]] = t
		}
		return setNumber(&t.MaxShare, value)
	case "factor":
		return d.setFactor(rest, value)
	case "performance":
		pd := d.Performance
		if pd == nil {
			return unknown
		}
		if len(rest) == 1 && rest[0] == "mode" {
			return setText(&pd.Mode, value)
		}
		if len(rest) >= 2 && rest[0] == "coefficients" {
			if pd.Coefficients == nil {
				pd.Coefficients = map[string]Number{}
			}
			return setMapNumber(pd.Coefficients, strings.Join(rest[1:], "."), value)
		}
	case "incentive":
		in := d.Incentive
		if in == nil || len(rest) != 1 {
			return unknown
		}
		switch rest[0] {
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
		if dd == nil || len(rest) != 1 {
			return unknown
		}
		switch rest[0] {
		case "baseline":
			return setText(&dd.Baseline, value)
		case "floor":
			return setNumber(&dd.Floor, value)
		case "ceiling":
			return setNumber(&dd.Ceiling, value)
		}
	case "subdistrict":
		return d.setSubdistrict(rest, value)
	}
	return unknown
}

func (d *document) setFactor(rest []string, value any) string {
	if len(rest) < 2 {
		return "unknown path"
	}
	for i := range d.Factor {
		f := &d.Factor[i]
		if f.ID.S != rest[0] {
			continue
		}
		switch {
		case len(rest) == 2 && rest[1] == "name":
			return setText(&f.Name, value)
		case len(rest) == 2 && rest[1] == "weight":
			return setNumber(&f.Weight, value)
		case len(rest) >= 4 && rest[1] == "indicator":
			quantity, key := strings.Join(rest[2:len(rest)-1], "."), rest[len(rest)-1]
			for k := range f.Indicator {
				in := &f.Indicator[k]
				if in.Quantity.S != quantity {
					continue
				}
				switch key {
				case "weight":
					return setNumber(&in.Weight, value)
				case "quantity":
					return setText(&in.Quantity, value)
				}
			}
		}
	}
	return "unknown path"
}

func (d *document) setSubdistrict(rest []string, value any) string {
	if len(rest) < 2 {
		return "unknown path"
	}
	for i := range d.Subdistrict {
		s := &d.Subdistrict[i]
		if s.ID.S != rest[0] {
			continue
		}
		if len(rest) == 2 {
			switch rest[1] {
			case "name":
				return setText(&s.Name, value)
			case "performance":
				return setText(&s.Performance, value)
			case "adjustment":
				return setNumber(&s.Adjustment, value)
			}
			return "unknown path"
		}
		name := strings.Join(rest[2:], ".")
		switch rest[1] {
		case "staff":
			if s.Staff == nil {
				s.Staff = map[string]Number{}
			}
			return setMapNumber(s.Staff, name, value)
		case "payroll":
			if s.Payroll == nil {
				s.Payroll = map[string]Number{}
			}
			return setMapNumber(s.Payroll, name, value)
		case "quantities":
			if s.Quantities == nil {
				s.Quantities = map[string]Number{}
			}
			return setMapNumber(s.Quantities, name, value)
		}
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
