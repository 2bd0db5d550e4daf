package standards

import (
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/shopspring/decimal"
)

// This file converts the tables of rules §6, where the money goes:
// [block], [project_execution], [[transfer]], a project's managed and
// department, [tiers] cap_base and [subdistrict.execution].

// money converts [block], [project_execution] and [[transfer]] into p.
func (c *converter) money(p *formula.Plan, d *moneyDoc) {
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
		})
	}
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
