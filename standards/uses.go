package standards

import (
	"slices"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file reads [[use]], the permitted uses of a 街道's formula funds
// (使用方向, docs/year.md): each with an id, a name and the 科目 it may
// be spent under. A 街道's breakdown (二上) names a use of the list on
// each line, and codes the use allows. The engine does not read them.

// useDoc is one [[use]] table.
type useDoc struct {
	ID            Text  `toml:"id"`
	Name          Text  `toml:"name"`
	FunctionCodes Names `toml:"function_codes"`
	EconomicCodes Names `toml:"economic_codes"`
}

// Use is a permitted use of a 街道's formula funds: its id and name, and
// the function (支出功能分类) and economic (部门经济分类) codes it may be
// spent under; no economic codes: any.
type Use struct {
	ID, Name      string
	FunctionCodes []string
	EconomicCodes []string
}

// Uses are the plan's permitted uses ([[use]]), in the plan's order;
// none when it states none.
func (d *Document) Uses() []Use {
	out := make([]Use, 0, len(d.doc.Use))
	for _, u := range d.doc.Use {
		out = append(out, Use{ID: u.ID.S, Name: u.Name.S, FunctionCodes: u.FunctionCodes.List, EconomicCodes: u.EconomicCodes.List})
	}
	return out
}

// uses checks [[use]]: ids present and unique, names present, function
// codes listed; every code well formed and, when the plan names a 科目
// table, in it.
func (c *converter) uses(us []useDoc, cat *formula.Catalogue) {
	var seen []string
	for i, u := range us {
		path := formula.EntryPath("use", u.ID.S, i)
		id := c.text(formula.EntryPath("use", "", i)+".id", u.ID, true)
		if id != "" && slices.Contains(seen, id) {
			c.ps = append(c.ps, msg.StdUseTwice.At(formula.CodeDuplicateID, path+".id", id))
		}
		seen = append(seen, id)
		c.text(path+".name", u.Name, true)
		for _, k := range []struct {
			key      string
			kind     formula.CodeKind
			l        Names
			required bool
		}{{"function_codes", formula.FunctionCode, u.FunctionCodes, true}, {"economic_codes", formula.EconomicCode, u.EconomicCodes, false}} {
			if !k.l.Set && !k.required {
				continue
			}
			for _, code := range c.names(path+"."+k.key, k.l) {
				c.useCode(path+"."+k.key, k.kind, code, cat)
			}
		}
	}
}

// useCode checks one code of a use.
func (c *converter) useCode(path string, kind formula.CodeKind, code string, cat *formula.Catalogue) {
	if !formula.ValidCode(kind, code) {
		c.ps = append(c.ps, msg.StdUseCode.At(formula.CodeBadValue, path, code))
		return
	}
	if cat == nil {
		return
	}
	names := cat.Names(kind)
	if _, ok := names[code]; !ok {
		c.add(path, because(msg.ExportUnknownCode, code, cat.File, cat.Year, nearestCode(code, names)))
	}
}
