package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

var stageTitle = func() map[formula.Stage]string {
	m := map[formula.Stage]string{}
	for k, name := range formula.ComponentNames {
		m[formula.Stage(name)] = formula.ComponentLabels[k] + " " + name
	}
	m[formula.StageTransfers] = msg.RepColTransfers.In(msg.Zh) + " " + string(formula.StageTransfers)
	m[formula.StageManaged] = msg.RepColManaged.In(msg.Zh) + " " + string(formula.StageManaged)
	return m
}()

// WriteExplain writes one sub-district's statement for a terminal: every
// line with its formula, grouped by stage (the block grant one line, its
// share by adjusted score: formula.Allocation.ReadableLines), and its
// factor score broken down by indicator.
func WriteExplain(w io.Writer, r *formula.Result, a *formula.Allocation) error {
	f := numfmt.NewFmt(r)
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s (%s)\n%s\n", r.Plan.Name, a.Name, a.ID, msg.RepExplainTotal.In(msg.Zh, numfmt.Group(f.Amount(a.Total))))
	comps := a.Components()
	lines := a.ReadableLines()
	items, width := itemColumn(r.Plan, lines)
	for k, st := range []formula.Stage{formula.StagePersonnel, formula.StagePublic, formula.StageProjects,
		formula.StageIncentive, formula.StageBlock, formula.StageDamping} {
		fmt.Fprintf(&b, "\n%s\n", msg.RepExplainStage.In(msg.Zh, stageTitle[st], numfmt.Group(f.Amount(comps[k]))))
		for n, l := range lines {
			if l.Stage == st {
				fmt.Fprintf(&b, "  %s %15s  %s\n", runewidth.FillRight(items[n], width), numfmt.Group(f.Amount(l.Amount)), l.Formula())
			}
		}
	}
	// Rules §6: the transfers (part of the total) and what the district
	// manages for the sub-district (not part of it), when the plan has them.
	for _, x := range []struct {
		has bool
		st  formula.Stage
		sum decimal.Decimal
	}{
		{r.Plan.HasTransfers(), formula.StageTransfers, a.Transfers},
		{r.Plan.HasDistrictManaged(), formula.StageManaged, a.Managed},
	} {
		if !x.has {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", msg.RepExplainStage.In(msg.Zh, stageTitle[x.st], numfmt.Group(f.Amount(x.sum))))
		for n, l := range lines {
			if l.Stage == x.st {
				fmt.Fprintf(&b, "  %s %15s  %s\n", runewidth.FillRight(items[n], width), numfmt.Group(f.Amount(l.Amount)), l.Formula())
			}
		}
	}
	if e := a.RatingEffect; e != nil {
		fmt.Fprintf(&b, "\n%s\n", msg.RepRatingEffect.In(msg.Zh,
			numfmt.Group(f.Amount(*e)), numfmt.Group(f.Amount(a.Block)), numfmt.Group(f.Amount(a.Block.Sub(*e)))))
	}
	sc := a.Score
	if len(sc.Parts) > 0 {
		fmt.Fprintf(&b, "\n%s\n", msg.RepFactorScore.In(msg.Zh, formula.ShareText(sc.Total())))
		rows := [][]string{}
		for _, p := range sc.Parts {
			rows = append(rows, []string{p.FactorName, r.Plan.QuantityName(p.Quantity), p.FactorWeight.String(), p.Weight.String(),
				num(p.Value), num(p.DistrictSum), formula.ShareText(p.Part())})
		}
		writeAligned(&b, zh(msg.RepColFactor, msg.RepColIndicator, msg.RepColFactorWeight, msg.RepColIndicatorWeight,
			msg.RepColThis, msg.RepColDistrict, msg.RepColScore), rows, 2, false)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// num renders a quantity with thousands separators: "7,030,000".
func num(d decimal.Decimal) string { return numfmt.Group(d.String()) }

// itemWidth is the widest the item column of WriteExplain grows; an item
// whose name and id together are wider shows its name alone.
const itemWidth = 44

// itemColumn names each line's item as WriteExplain shows it, the name
// with the id after it where space allows ("公务员 civil_servant"), and
// the column's width in terminal cells (CJK characters are two wide).
func itemColumn(p *formula.Plan, lines []formula.Line) ([]string, int) {
	names := p.ItemNames()
	items := make([]string, len(lines))
	width := 20
	for n, l := range lines {
		items[n] = names.Label(l.Stage, l.Item)
		if runewidth.StringWidth(items[n]) > itemWidth {
			if name := names.Of(l.Stage, l.Item); name != "" {
				items[n] = name
			}
		}
		width = max(width, min(itemWidth, runewidth.StringWidth(items[n])))
	}
	return items, width
}
