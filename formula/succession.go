package formula

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// This file is 区划调整: the sub-districts a plan succeeds (docs/succession.md).
// A plan states, in [[succession]] tables, which sub-districts of an
// earlier year became which of its own: two or more merged into one
// (from = ["a", "b"], to = "c"), or one split into several (from = ["a"],
// to = ["b", "c"], by = a quantity that divides it). What was recorded
// under the old ids — a published damping baseline, execution history —
// then follows them: a merged 街道's baseline is the sum of its
// predecessors', a split one's is its share, by the stated quantity, of
// its predecessor's.

// Succession is one [[succession]] table.
type Succession struct {
	From []string // the former sub-districts' ids
	To   []string // this plan's sub-districts that succeed them
	// By is the quantity that divides a split among To (the plan's own
	// values of it); empty for a merge.
	By string
}

// IsSplit reports whether the succession divides one sub-district among
// several.
func (s Succession) IsSplit() bool { return len(s.To) > 1 }

// SuccessionNote says, in a damping line, where a sub-district's baseline
// came from: "2025 年为原德胜街道、新街口街道合计" for a merge, "2025 年为原德胜街道
// 按常住人口拆分" for a split. Names are the predecessors' names as the
// published result gives them (their ids when it gives none); by is the
// splitting quantity's label.
func SuccessionNote(year int64, names []string, split bool, by string) string {
	y := strconv.FormatInt(year, 10)
	if split {
		return fmt.Sprintf(wordSplitFrom, y, strings.Join(names, wordListSep), by)
	}
	return fmt.Sprintf(wordMergedFrom, y, strings.Join(names, wordListSep))
}

// CitationFor is the citation of the damping line of sub-district id:
// the publication, and the note of its succession when it has one.
func (b *PublishedBaseline) CitationFor(id string) string {
	c := b.Citation()
	if n := b.Notes[id]; n != "" {
		c += wordNoteOpen + n + wordNoteClose
	}
	return c
}

// SplitAmount divides amount among weights by largest remainder (rules
// §1.3) in the rounding unit, or in 0.01 元 when amount is not a multiple
// of it, so that the parts add up to amount exactly. It returns an error
// when every weight is zero or one is negative, or when amount is not
// a multiple of 0.01.
func SplitAmount(amount decimal.Decimal, weights []decimal.Decimal, roundingUnit decimal.Decimal) ([]decimal.Decimal, error) {
	u, ok := newUnit(roundingUnit)
	if !ok || !u.isMultiple(amount) {
		u, _ = newUnit(decimal.New(1, -2))
	}
	if !u.isMultiple(amount) {
		return nil, fmt.Errorf("split %s: not a multiple of 0.01", amount)
	}
	for _, w := range weights {
		if w.Sign() < 0 {
			return nil, fmt.Errorf("split %s: negative weight %s", amount, w)
		}
	}
	shares, err := u.largestRemainder(amount, decimalWeights(weights))
	if err != nil {
		return nil, fmt.Errorf("split %s: %w", amount, err)
	}
	out := make([]decimal.Decimal, len(shares))
	for i, s := range shares {
		out[i] = s.Amount
	}
	return out, nil
}

// The texts of successions' problems (messages in internal/msg/succession.go).
const (
	textSuccessionManyToMany Text = "SuccessionManyToMany"
	textSuccessionUnknown    Text = "SuccessionUnknown"
	textSuccessionStillHere  Text = "SuccessionStillHere"
	textSuccessionTwice      Text = "SuccessionTwice"
	textSuccessionByMerge    Text = "SuccessionByMerge"
	textSuccessionNeedBy     Text = "SuccessionNeedBy"
	textSuccessionByMissing  Text = "SuccessionByMissing"
	textSuccessionByZero     Text = "SuccessionByZero"
)

// successions checks the [[succession]] tables: each has from and to,
// ids of the right form, to names sub-districts of the plan, no id is
// in two successions, a former sub-district still in the plan succeeds
// itself, many-to-many is refused, and a split names a quantity every
// successor has, not zero in all.
func (v *validator) successions() {
	subs := make(map[string]int, len(v.p.Subdistricts))
	for i, s := range v.p.Subdistricts {
		subs[s.ID] = i
	}
	fromSeen, toSeen := map[string]bool{}, map[string]bool{}
	for i, s := range v.p.Successions {
		path := EntryPath("succession", "", i)
		if len(s.From) == 0 {
			v.ps.say(CodeMissing, path+".from", textMissing)
		}
		if len(s.To) == 0 {
			v.ps.say(CodeMissing, path+".to", textMissing)
		}
		if len(s.From) > 1 && len(s.To) > 1 {
			v.ps.say(CodeBadSuccession, path, textSuccessionManyToMany)
		}
		v.successionIDs(path+".from", s.From, fromSeen)
		v.successionIDs(path+".to", s.To, toSeen)
		for _, id := range s.To {
			if _, ok := subs[id]; validID(id) && !ok {
				v.ps.say(CodeUnknownRef, path+".to", textSuccessionUnknown, id)
			}
		}
		for _, id := range s.From {
			if _, ok := subs[id]; ok && !slices.Contains(s.To, id) {
				v.ps.say(CodeBadSuccession, path+".from", textSuccessionStillHere, id)
			}
		}
		v.successionBy(path, s, subs)
	}
}

// successionIDs checks the ids of a from or to list, each once across
// every succession.
func (v *validator) successionIDs(path string, ids []string, seen map[string]bool) {
	for _, id := range ids {
		switch {
		case !validID(id):
			v.ps.say(CodeBadID, path, textBadID, id)
		case seen[id]:
			v.ps.say(CodeRepeated, path, textSuccessionTwice, id)
		}
		seen[id] = true
	}
}

// successionBy checks a split's quantity (and that a merge has none).
func (v *validator) successionBy(path string, s Succession, subs map[string]int) {
	if !s.IsSplit() {
		if s.By != "" {
			v.ps.say(CodeBadValue, path+".by", textSuccessionByMerge)
		}
		return
	}
	if s.By == "" {
		v.ps.say(CodeMissing, path+".by", textSuccessionNeedBy)
		return
	}
	sum := decimal.Zero
	for _, id := range s.To {
		i, ok := subs[id]
		if !ok {
			continue
		}
		q, has := v.p.quantity(v.p.Subdistricts[i], s.By)
		if !has {
			v.ps.say(CodeMissingQuantity, EntryPath("subdistrict", id, i)+".quantities."+s.By, textSuccessionByMissing, s.By)
			return
		}
		if q.Sign() < 0 {
			return // reported as a negative quantity
		}
		sum = sum.Add(q)
	}
	if sum.IsZero() {
		v.ps.say(CodeZeroBasis, path+".by", textSuccessionByZero, s.By)
	}
}

// QuantityOf is a sub-district's value of a quantity name as the rules
// read it (`staff.ID` a headcount, missing 0), and whether it has it.
func (p *Plan) QuantityOf(s Subdistrict, name string) (decimal.Decimal, bool) {
	return p.quantity(s, name)
}
