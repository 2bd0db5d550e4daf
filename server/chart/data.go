package chart

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/csvout"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
)

// Table is the numbers a chart draws, as text: a header row, then one row
// per bar, slice or point. Amounts are exact 元 at the result's rounding
// unit, not the 万元 of the labels.
type Table struct {
	Header []string
	Rows   [][]string
}

// Data returns the numbers a chart of kind k draws from in, the same
// input [Render] takes: for components one row per sub-district with its
// six components and total; for compare its base, scenario and change;
// for composition each slice with its amount and share; for per_capita
// the total, the quantity and the amount per unit; for lorenz every point
// of every curve with the curve's measures.
func Data(k Kind, in Input) (*Table, error) {
	if k == KindTornado {
		return tornadoData(in.Tornado)
	}
	if k == KindPerCapita && in.Per == "" && in.Result != nil {
		in.Per = DefaultPer(in.Result)
	}
	if err := checkResult("the", in.Result); err != nil {
		return nil, err
	}
	switch k {
	case KindComponents:
		return componentsData(in.Result), nil
	case KindCompare:
		return compareData(in)
	case KindComposition:
		return compositionData(in.Result), nil
	case KindPerCapita:
		return perCapitaData(in.Result, in.Per)
	case KindLorenz:
		return lorenzData(in.Result, in.Per)
	}
	return nil, fail(ErrUnknownKind, msg.ChartUnknownKind, k.String())
}

func componentsData(res *formula.Result) *Table {
	fm := numfmt.NewFmt(res)
	t := &Table{Header: []string{"id", msg.ChartColName.In(msg.Zh)}}
	for k, name := range formula.ComponentNames {
		t.Header = append(t.Header, formula.ComponentLabels[k]+" "+name)
	}
	transfers := res.Plan.HasTransfers()
	if transfers {
		t.Header = append(t.Header, msg.ChartColTransfers.In(msg.Zh))
	}
	t.Header = append(t.Header, msg.ChartColTotal.In(msg.Zh))
	for i := range res.Subdistricts {
		a := &res.Subdistricts[i]
		row := []string{a.ID, a.Name}
		for _, x := range a.Components() {
			row = append(row, fm.Amount(x))
		}
		if transfers {
			row = append(row, fm.Amount(a.Transfers))
		}
		t.Rows = append(t.Rows, append(row, fm.Amount(a.Total)))
	}
	return t
}

// compareData is the base, scenario and change of each sub-district, as
// [Compare] or [CompareBaseline] draws them.
func compareData(in Input) (*Table, error) {
	base, scenario := in.Base, in.Result
	head := []string{"id", msg.ChartColName.In(msg.Zh), msg.ChartColBase.In(msg.Zh), msg.ChartColScenario.In(msg.Zh), msg.ChartColChange.In(msg.Zh)}
	if base == nil {
		var err error
		if base, scenario, _, err = baselineResult(in.Result); err != nil {
			return nil, err
		}
		head[2], head[3] = msg.ChartColBaseline.In(msg.Zh, in.Result.Plan.Damping.Baseline), msg.ChartColMeasured.In(msg.Zh)
	}
	fm := numfmt.NewFmt(in.Result)
	t := &Table{Header: head}
	for i := range base.Subdistricts {
		a := &base.Subdistricts[i]
		after := decimal.Zero
		if s, ok := scenario.Find(a.ID); ok {
			after = s.Total
		}
		t.Rows = append(t.Rows, []string{a.ID, a.Name, a.Total.String(), fm.Amount(after), after.Sub(a.Total).String()})
	}
	return t, nil
}

func compositionData(res *formula.Result) *Table {
	fm := numfmt.NewFmt(res)
	slices, _ := compositionSlices(res)
	t := &Table{Header: []string{msg.ChartColItem.In(msg.Zh), msg.ChartColAmount.In(msg.Zh), msg.ChartColShare.In(msg.Zh)}}
	for _, s := range slices {
		share := "0.00"
		if res.Capacity.IsPositive() {
			share = s.amount.Mul(decimal.NewFromInt(100)).DivRound(res.Capacity, 4).Round(2).StringFixed(2)
		}
		t.Rows = append(t.Rows, []string{s.label, fm.Amount(s.amount), share})
	}
	t.Rows = append(t.Rows, []string{msg.ChartCapacity.In(msg.Zh), fm.Amount(res.Capacity), "100.00"})
	return t
}

func perCapitaData(res *formula.Result, quantity string) (*Table, error) {
	if quantity == "" {
		return nil, fail(ErrBadQuantity, msg.ChartNoQuantity)
	}
	fm := numfmt.NewFmt(res)
	plan := subdistrictsByID(res.Plan)
	t := &Table{Header: []string{"id", msg.ChartColName.In(msg.Zh), msg.ChartColTotal.In(msg.Zh), quantity, msg.ChartColPerUnit.In(msg.Zh)}}
	for i := range res.Subdistricts {
		a := &res.Subdistricts[i]
		q, err := quantityOf(plan[a.ID], a.ID, quantity)
		if err != nil {
			return nil, err
		}
		t.Rows = append(t.Rows, []string{a.ID, a.Name, fm.Amount(a.Total), q.String(), a.Total.DivRound(q, 2).StringFixed(2)})
	}
	return t, nil
}

// lorenzData is every point of every Lorenz curve, shares rounded to
// formula.StatPlaces, with the curve's measures on each of its rows.
func lorenzData(res *formula.Result, per string) (*Table, error) {
	e, err := equalisationOf(res, per)
	if err != nil {
		return nil, err
	}
	t := &Table{Header: []string{msg.ChartColStage.In(msg.Zh), msg.ChartColStageLabel.In(msg.Zh), msg.ChartColK.In(msg.Zh), "id", msg.ChartColPopShare.In(msg.Zh),
		msg.ChartColAmountShare.In(msg.Zh), msg.ChartColCV.In(msg.Zh), msg.ChartColGini.In(msg.Zh), msg.ChartColTheil.In(msg.Zh), msg.ChartColMaxMin.In(msg.Zh)}}
	share := func(q interface{ FloatString(int) string }) string { return q.FloatString(formula.StatPlaces) }
	for _, st := range e.Stages {
		for k, p := range st.Lorenz {
			t.Rows = append(t.Rows, []string{st.Name, st.Label, fmt.Sprint(k), p.ID, share(p.Population), share(p.Amount),
				statCSV(st.CV), statCSV(st.Gini), statCSV(st.Theil), statCSV(st.MaxMin)})
		}
	}
	return t, nil
}

// statCSV renders a statistic, or "" when undefined.
func statCSV(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.StringFixed(formula.StatPlaces)
}

// writeCSV writes a table as CSV through the one CSV writer
// (internal/csvout): UTF-8 with a byte-order mark for Excel unless noBOM,
// CRLF line ends, no cell a spreadsheet would run as a formula.
func writeCSV(t *Table, noBOM bool) ([]byte, error) {
	w := csvout.New(csvout.Options{NoBOM: noBOM})
	if err := w.Write(t.Header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(t.Rows); err != nil {
		return nil, err
	}
	return w.Bytes()
}

// tornadoData is a sensitivity sweep's bars: each lever's change at −step
// and +step, "不可行" where the rules refuse the plan.
func tornadoData(t *Tornado) (*Table, error) {
	if t == nil {
		return nil, fmt.Errorf("tornado: no sweep to show")
	}
	tab := &Table{Header: []string{msg.ChartColLever.In(msg.Zh), t.Down, t.Up}}
	cell := func(d decimal.Decimal, rejected bool) string {
		if rejected {
			return msg.ChartRejected.In(msg.Zh)
		}
		return d.String()
	}
	for _, b := range t.Bars {
		tab.Rows = append(tab.Rows, []string{b.Label, cell(b.Down, b.DownRejected), cell(b.Up, b.UpRejected)})
	}
	return tab, nil
}
