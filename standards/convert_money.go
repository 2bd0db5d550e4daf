package standards

import (
	"reflect"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file converts the tables of rules §6, where the money goes:
// [block], [project_execution], [[transfer]], a project's managed and
// department, [tiers] cap_base and [subdistrict.execution].

// money converts [block], [project_execution] and [[transfer]] into p;
// file holds [project_execution], for its bands' unknown keys.
func (c *converter) money(p *formula.Plan, d *moneyDoc, file string) {
	if d.Block != nil {
		p.Block = &formula.Block{Amount: c.optNum("block.amount", d.Block.Amount)}
	}
	if pe := d.ProjectExecution; pe != nil {
		if pe.Bands == nil {
			c.missing("project_execution.bands")
		}
		out := &formula.ProjectExecution{Bands: make([]formula.ExecutionBand, 0, len(pe.Bands))}
		for k, b := range pe.Bands {
			path := formula.EntryPath("project_execution.bands", "", k)
			if b.problem != nil {
				c.add(path, b.problem)
				continue
			}
			for _, key := range b.unknown {
				c.ps = append(c.ps, unknownKey(file, path+"."+key, key, structKeys(reflect.TypeFor[bandDoc]())))
			}
			out.Bands = append(out.Bands, formula.ExecutionBand{
				Below:       c.num(path+".below", b.Below, true),
				Coefficient: c.num(path+".coefficient", b.Coefficient, true),
			})
		}
		p.ProjectExecution = out
	}
	for i, t := range d.Transfer {
		path := formula.EntryPath("transfer", t.ID.S, i)
		p.Transfers = append(p.Transfers, formula.Transfer{
			ID:     c.text(path+".id", t.ID, true),
			Name:   c.text(path+".name", t.Name, true),
			Amount: c.num(path+".amount", t.Amount, true),
			Basis:  c.names(path+".basis", t.Basis),
			Codes:  c.codes(path, t.codesDoc),
		})
	}
	c.stageCodes(p, d.Classification) // classify.go
}

// managed converts a project's managed and department.
func (c *converter) managed(path string, pr projectDoc) (formula.Management, string) {
	var g formula.Management
	if s := c.text(path+".managed", pr.Managed, false); pr.Managed.Set && pr.Managed.Problem == nil {
		v, ok := formula.ParseManagement(s)
		if !ok {
			c.add(path+".managed", because(msg.StdManagedGot, quote(s)))
		}
		g = v
	}
	return g, c.text(path+".department", pr.Department, false)
}

// capBase converts [tiers] cap_base.
func (c *converter) capBase(path string, e *tierDoc) formula.CapBase {
	if e.table {
		c.add(path, because(msg.StdCapBaseTable))
		return formula.CapPool
	}
	s := c.text(path, e.Value, false)
	if e.Value.Problem != nil {
		return formula.CapPool
	}
	v, ok := formula.ParseCapBase(s)
	if !ok {
		c.add(path, because(msg.StdCapBaseGot, quote(s)))
	}
	return v
}

// execution converts [subdistrict.execution]; nil when there is none.
func (c *converter) execution(path string, m map[string]Number) map[string]decimal.Decimal {
	if len(m) == 0 {
		return nil
	}
	return c.numMap(path, m)
}

// parseBands reads [project_execution] bands as an override sets them: a
// TOML array of inline tables, or its text from the command line
// (`[{below="0.5",coefficient="0.8"}]`). A band's numbers are checked
// when the document is converted, like those of a file.
func parseBands(value any) ([]bandDoc, *Reason) {
	if s, ok := value.(string); ok {
		var v struct {
			B any `toml:"b"`
		}
		if _, err := toml.Decode("b = "+s, &v); err != nil {
			return nil, because(msg.StdBandsList)
		}
		value = v.B
	}
	var items []any
	switch x := value.(type) {
	case []map[string]any:
		for _, m := range x {
			items = append(items, m)
		}
	case []any:
		items = x
	default:
		return nil, because(msg.StdBandsList)
	}
	out := make([]bandDoc, len(items))
	for k, it := range items {
		if err := out[k].UnmarshalTOML(it); err != nil {
			return nil, because(msg.StdBandsList)
		}
		if out[k].problem != nil {
			return nil, out[k].problem
		}
	}
	return out, nil
}

// UnmarshalTOML implements [toml.Unmarshaler] for one band: an inline
// table of below and coefficient; any other key is kept to be reported
// as unknown, and a value that is not a table as a problem.
func (b *bandDoc) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		*b = bandDoc{problem: because(msg.StdBandsList)}
		return nil
	}
	*b = bandDoc{}
	for _, k := range sortedNames(m) {
		switch k {
		case "below":
			b.Below = parseNumber(m[k])
		case "coefficient":
			b.Coefficient = parseNumber(m[k])
		default:
			b.unknown = append(b.unknown, k)
		}
	}
	return nil
}
