package attribution

import (
	"fmt"
	"strings"

	"github.com/caili/caili/internal/numfmt"
	"github.com/shopspring/decimal"
)

// Sentence says a row's change of total and its parts in Chinese, as a
// statement prints it, for example
//
//	比上年增加 1,234,567 元:数据变化 +1,000,000 元,标准调整 −65,433 元,财力总额 +300,000 元
//
// against names the base ("上年", "原方案"). Parts are the players' parts
// rounded to 分 (Row.Rounded), which still sum to the change; a zero part
// is left out. Amounts are written in whole 元 when they are whole.
func (a *Attribution) Sentence(r *Row, against string) string {
	change := r.Change(ColTotal)
	var b strings.Builder
	b.WriteString(fmt.Sprintf(sentenceAgainst, against))
	switch change.Sign() {
	case 0:
		b.WriteString(sentenceNoChange)
		return b.String()
	case 1:
		b.WriteString(fmt.Sprintf(sentenceUp, yuan(change, false)))
	default:
		b.WriteString(fmt.Sprintf(sentenceDown, yuan(change.Neg(), false)))
	}
	sep := sentenceColon
	for i, p := range r.Rounded(ColTotal) {
		if p.IsZero() {
			continue
		}
		b.WriteString(sep + fmt.Sprintf(sentencePart, a.Players[i].Label, yuan(p, true)))
		sep = sentenceComma
	}
	return b.String()
}

// yuan writes an amount with thousands separators, in whole 元 when it is
// whole; signed puts + or − (U+2212) in front.
func yuan(d decimal.Decimal, signed bool) string {
	places := int32(2)
	if d.IsInteger() {
		places = 0
	}
	s := numfmt.Group(d.Abs().StringFixed(places))
	if !signed {
		return s
	}
	if d.Sign() < 0 {
		return "−" + s
	}
	return "+" + s
}
