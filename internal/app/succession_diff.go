package app

import (
	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// A version diff across a 区划调整 (docs/year-data.md): when the newer
// version's plan states [[succession]] tables and the older version's
// result has the former 街道, a successor's old total is its
// predecessors' (their sum for a merge; for a split, the predecessor's
// divided by the stated quantity, as a damping baseline is), with a note
// saying so, instead of nothing.

// successorTotals fills in old, for each successor of the plan of doc
// that old lacks, its old total from its predecessors; names are the old
// result's names by id, year its fiscal year. It returns the notes by
// successor id.
func successorTotals(doc *standards.Document, old map[string]decimal.Decimal, names map[string]string, year int64) map[string]string {
	p, err := doc.Plan()
	if err != nil || len(p.Successions) == 0 {
		return nil
	}
	notes := map[string]string{}
	for _, s := range p.Successions {
		if len(s.To) == 0 || len(s.From) == 0 || len(s.From) > 1 && len(s.To) > 1 {
			continue
		}
		sum, whose, ok := decimal.Zero, []string{}, true
		for _, id := range s.From {
			v, has := old[id]
			if !has {
				ok = false
				break
			}
			sum = sum.Add(v)
			name := names[id]
			if name == "" {
				name = id
			}
			whose = append(whose, name)
		}
		if !ok {
			continue
		}
		if !s.IsSplit() {
			old[s.To[0]] = sum
			notes[s.To[0]] = formula.SuccessionNote(year, whose, false, "")
			continue
		}
		w := make([]decimal.Decimal, len(s.To))
		for k, id := range s.To {
			for _, sub := range p.Subdistricts {
				if sub.ID == id {
					w[k], _ = p.QuantityOf(sub, s.By)
				}
			}
		}
		parts, err := formula.SplitAmount(sum, w, p.RoundingUnit)
		if err != nil {
			continue
		}
		label := s.By
		if l, ok := p.QuantityLabels[s.By]; ok && l.Name != "" {
			label = l.Name
		}
		for k, id := range s.To {
			old[id] = parts[k]
			notes[id] = formula.SuccessionNote(year, whose, true, label)
		}
	}
	return notes
}
