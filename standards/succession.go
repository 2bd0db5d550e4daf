package standards

import (
	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file reads [[succession]] (区划调整, docs/succession.md) and makes a
// published damping baseline follow it: the published result of an
// earlier year names the former sub-districts, this plan its successors.

// successionDoc is one [[succession]] table as written.
type successionDoc struct {
	From Names `toml:"from"`
	To   IDs   `toml:"to"`
	By   Text  `toml:"by"`
}

// executionRuleDoc is one [[execution_rule]] table as written: warn of
// a line whose execution rate at the end of month is below min_rate.
type executionRuleDoc struct {
	Month   Number `toml:"month"`
	MinRate Number `toml:"min_rate"`
}

// executionRules converts the [[execution_rule]] tables; a month that
// is not a whole number is reported here, its range by formula.
func (c *converter) executionRules(rd []executionRuleDoc) []formula.ExecutionRule {
	var out []formula.ExecutionRule
	for i, r := range rd {
		path := formula.EntryPath("execution_rule", "", i)
		m := c.num(path+".month", r.Month, true)
		rule := formula.ExecutionRule{MinRate: c.num(path+".min_rate", r.MinRate, true)}
		switch {
		case !r.Month.Set || r.Month.Problem != nil:
			rule.Month = 1 // reported
		case !m.IsInteger():
			c.addCode(formula.CodeNotInteger, path+".month", because(msg.ExecRuleNotInteger))
			rule.Month = 1
		case m.GreaterThan(decimal.NewFromInt(99)) || m.Sign() < 0:
			rule.Month = 0 // out of range: formula says so
		default:
			rule.Month = int(m.IntPart())
		}
		if !r.MinRate.Set || r.MinRate.Problem != nil {
			rule.MinRate = decimal.NewFromInt(1)
		}
		out = append(out, rule)
	}
	return out
}

// IDs is one sub-district id or a list of them: `to = "c"` or
// `to = ["b", "c"]`.
type IDs struct {
	Set     bool
	List    []string
	Problem *Reason
}

// UnmarshalTOML implements [toml.Unmarshaler].
func (l *IDs) UnmarshalTOML(v any) error {
	if s, ok := v.(string); ok && s != "" {
		*l = IDs{Set: true, List: []string{s}}
		return nil
	}
	if _, ok := v.([]any); !ok {
		*l = IDs{Set: true, Problem: because(msg.SuccessionToNotList)}
		return nil
	}
	list, problem := stringList(v, msg.StdNamesList, msg.StdNamesItem)
	*l = IDs{Set: true, List: list, Problem: problem}
	return nil
}

// successions converts the [[succession]] tables.
func (c *converter) successions(sd []successionDoc) []formula.Succession {
	var out []formula.Succession
	for i, s := range sd {
		path := formula.EntryPath("succession", "", i)
		var to []string
		switch {
		case !s.To.Set:
			c.missing(path + ".to")
		case s.To.Problem != nil:
			c.add(path+".to", s.To.Problem)
		default:
			to = s.To.List
		}
		out = append(out, formula.Succession{
			From: c.names(path+".from", s.From),
			To:   to,
			By:   c.text(path+".by", s.By, false),
		})
	}
	return out
}

// succeed makes the published baselines base (by the published result's
// ids) follow the plan's successions: a successor by merge gets the sum
// of its predecessors' baselines, each successor by split its share, by
// the split's quantity, of its predecessor's. A successor whose
// predecessor the result lacks gets none (formula reports it with the
// others, published_incomplete). The damping lines' notes go into
// dm.Published.Notes. base is changed and returned.
func (c *converter) succeed(p *formula.Plan, base map[string]decimal.Decimal, names map[string]string) map[string]decimal.Decimal {
	if base == nil || len(p.Successions) == 0 || p.Damping == nil || p.Damping.Published == nil {
		return base
	}
	year := p.Damping.Published.Year
	notes := map[string]string{}
	for i, s := range p.Successions {
		if len(s.From) == 0 || len(s.To) == 0 || len(s.From) > 1 && len(s.To) > 1 {
			continue // formula reports it
		}
		sum, whose, ok := decimal.Zero, make([]string, 0, len(s.From)), true
		for _, id := range s.From {
			v, has := base[id]
			if !has {
				ok = false
				break
			}
			sum = sum.Add(v)
			whose = append(whose, nameOr(names[id], id))
		}
		for _, id := range s.To {
			delete(base, id)
		}
		if !ok {
			continue
		}
		if !s.IsSplit() {
			base[s.To[0]] = sum
			notes[s.To[0]] = formula.SuccessionNote(year, whose, false, "")
			continue
		}
		c.split(p, formula.EntryPath("succession", "", i), s, sum, base)
		for _, id := range s.To {
			if _, has := base[id]; has {
				notes[id] = formula.SuccessionNote(year, whose, true, quantityName(p, s.By))
			}
		}
	}
	p.Damping.Published.Notes = notes
	return base
}

// split divides a predecessor's baseline among a split's successors by
// their values of its quantity.
func (c *converter) split(p *formula.Plan, path string, s formula.Succession, amount decimal.Decimal, base map[string]decimal.Decimal) {
	w := make([]decimal.Decimal, len(s.To))
	for k, id := range s.To {
		for _, sub := range p.Subdistricts {
			if sub.ID == id {
				w[k], _ = p.QuantityOf(sub, s.By)
			}
		}
	}
	parts, err := formula.SplitAmount(amount, w, p.RoundingUnit)
	if err != nil {
		if s.By != "" { // without by, formula says what is missing
			c.ps = append(c.ps, msg.SuccessionSplitFailed.At(formula.CodeBadSuccession, path+".by", s.From[0], err.Error()))
		}
		return
	}
	for k, id := range s.To {
		base[id] = parts[k]
	}
}

// quantityName is a quantity's label, or its name when it has none.
func quantityName(p *formula.Plan, q string) string {
	if l, ok := p.QuantityLabels[q]; ok && l.Name != "" {
		return l.Name
	}
	return q
}

// nameOr is name, or id when name is empty.
func nameOr(name, id string) string {
	if name == "" {
		return id
	}
	return name
}

// FileOf is the file, as the plan names it, that holds a top-level table
// of the plan (such as "damping"): the standards file when it holds it,
// else the plan file.
func (d *Document) FileOf(table string) string { return d.doc.fileOf(table) }
