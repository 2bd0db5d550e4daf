package report

import (
	"io"
	"slices"
	"strings"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// Comparison is a base result against a what-if result, per sub-district
// and component.
type Comparison struct {
	Base, Scenario *formula.Result
}

// CompareJSON is the JSON document of a comparison.
type CompareJSON struct {
	Plan         string       `json:"plan"`
	FiscalYear   int64        `json:"fiscal_year"`
	Base         DistrictJSON `json:"base"`
	Scenario     DistrictJSON `json:"scenario"`
	Subdistricts []CompareRow `json:"subdistricts"`
	Totals       CompareRow   `json:"totals"`
	// Attribution splits each change over its causes (compare
	// --attribute); nil when not asked for.
	Attribution *AttributionJSON `json:"attribution,omitempty"`
	// Change is the change of the district's figures and Where says where
	// the change went (区级统筹 +X 元 (节省)), when either plan has a table
	// of rules §6 (compare_money.go).
	Change *DistrictJSON `json:"change,omitempty"`
	Where  string        `json:"where,omitempty"`
	wan    bool          // amounts in 万元 (NewCompareWan, wan.go)
	money  compareMoney  // the figures of rules §6 shown
}

// DistrictJSON is the district-level figures of one side of a comparison.
type DistrictJSON struct {
	Capacity           string `json:"capacity"`
	Reserve            string `json:"reserve"`
	PerformanceReserve string `json:"performance_reserve"`
	DampingReserve     string `json:"damping_reserve"`
	// DistrictPool, DistrictManaged and Transfers (rules §6) are present
	// when either plan has the feature.
	DistrictPool    *string `json:"district_pool,omitempty"`
	DistrictManaged *string `json:"district_managed,omitempty"`
	Transfers       *string `json:"transfers,omitempty"`
}

// CompareRow is one sub-district (or the totals) in a comparison.
type CompareRow struct {
	ID            string  `json:"id"`
	Name          string  `json:"name"`
	BaseTotal     string  `json:"base_total"`
	ScenarioTotal string  `json:"scenario_total"`
	Change        string  `json:"change"`
	ChangePct     string  `json:"change_pct"` // percent with two decimals; "" when the base is zero
	Components    Columns `json:"change_by_component"`
}

// CompareHeader is the CSV header of a comparison.
var CompareHeader = slices.Concat([]string{"id", "name", "base_total", "scenario_total", "change", "change_pct"},
	formula.ComponentNames[:])

// CompareHeaderZH is CompareHeader in Chinese (header=zh): each component
// column is that component's change.
var CompareHeaderZH = slices.Concat(zh(msg.RepColID, msg.RepColSubdistrict, msg.RepColBaseTotal, msg.RepColScenarioTotal, msg.RepColChange, msg.RepColChangePct),
	changeLabels())

func changeLabels() []string {
	out := make([]string, len(formula.ComponentLabels))
	for i, l := range formula.ComponentLabels {
		out[i] = msg.RepComponentChange.In(msg.Zh, l)
	}
	return out
}

// NewCompare builds the comparison document. Sub-districts are matched by
// id; the base's order is kept.
func NewCompare(c Comparison) *CompareJSON {
	f := numfmt.NewFmt(c.Scenario)
	m := moneyOf(c.Base, c.Scenario)
	doc := &CompareJSON{Plan: c.Base.Plan.Name, FiscalYear: c.Base.Plan.FiscalYear, Base: districtSide(f.Amount, m, c.Base), Scenario: districtSide(f.Amount, m, c.Scenario)}
	var tb, ts [7]decimal.Decimal
	var pairs [][2]*formula.Allocation
	for i := range c.Base.Subdistricts {
		b := &c.Base.Subdistricts[i]
		s, ok := c.Scenario.Find(b.ID)
		if !ok {
			s = &formula.Allocation{ID: b.ID, Name: b.Name}
		}
		pairs = append(pairs, [2]*formula.Allocation{b, s})
		doc.Subdistricts = append(doc.Subdistricts, compareRow(f, b.ID, b.Name, b.Components(), b.Total, s.Components(), s.Total))
		for k, x := range b.Components() {
			tb[k] = tb[k].Add(x)
		}
		for k, x := range s.Components() {
			ts[k] = ts[k].Add(x)
		}
		tb[6], ts[6] = tb[6].Add(b.Total), ts[6].Add(s.Total)
	}
	doc.Totals = compareRow(f, "total", msg.RepColTotal.In(msg.Zh), [6]decimal.Decimal(tb[:6]), tb[6], [6]decimal.Decimal(ts[:6]), ts[6])
	doc.addMoney(f, c, pairs)
	return doc
}

func compareRow(f numfmt.Fmt, id, name string, bc [6]decimal.Decimal, bt decimal.Decimal, sc [6]decimal.Decimal, st decimal.Decimal) CompareRow {
	var d [6]decimal.Decimal
	for k := range d {
		d[k] = sc[k].Sub(bc[k])
	}
	change := st.Sub(bt)
	pct := ""
	if !bt.IsZero() {
		pct = change.Mul(decimal.NewFromInt(100)).DivRound(bt, 2).StringFixed(2)
	}
	return CompareRow{ID: id, Name: name, BaseTotal: f.Amount(bt), ScenarioTotal: f.Amount(st),
		Change: f.Amount(change), ChangePct: pct, Components: columns(f, d, change)}
}

func (r CompareRow) cells() []string {
	c := r.Components
	return append([]string{r.ID, r.Name, r.BaseTotal, r.ScenarioTotal, r.Change, r.ChangePct,
		c.Personnel, c.Public, c.Projects, c.Incentive, c.Block, c.Damping}, r.moneyCells()...)
}

// csvCells are a row's CSV cells, with its attribution's parts if any.
func (c *CompareJSON) csvCells(r CompareRow) []string {
	if c.Attribution == nil {
		return r.cells()
	}
	return append(r.cells(), c.Attribution.cells(r.ID)...)
}

// WriteCompareCSV writes a comparison as CSV (BOM, CRLF, header, totals row).
func WriteCompareCSV(w io.Writer, c *CompareJSON, opts CSVOptions) error {
	rows := make([][]string, 0, len(c.Subdistricts)+1)
	for _, r := range c.Subdistricts {
		rows = append(rows, c.csvCells(r))
	}
	rows = append(rows, c.csvCells(c.Totals))
	header := c.compareHeader(opts.ZH)
	if c.Attribution != nil {
		header = slices.Concat(header, c.Attribution.attributionHeader())
	}
	if c.wan {
		opts.Title = wanTitle(opts.Title)
	}
	return writeCSV(w, header, rows, opts)
}

// WriteCompareTable writes a comparison for a terminal.
func WriteCompareTable(w io.Writer, c *CompareJSON) error {
	var b strings.Builder
	b.WriteString(c.Plan + "  " + c.compareTitle() + "\n\n")
	head := zh(msg.RepColID, msg.RepColSubdistrict, msg.RepColBaseTotal, msg.RepColScenarioTotal, msg.RepColChange, msg.RepColChangePct,
		msg.RepShortPersonnel, msg.RepShortPublic, msg.RepShortProjects, msg.RepShortIncentive, msg.RepShortBlock, msg.RepShortDamping)
	if c.money.transfers {
		head = append(head, msg.RepColTransfers.In(msg.Zh))
	}
	if c.money.managed {
		head = append(head, msg.RepColManaged.In(msg.Zh))
	}
	var rows [][]string
	for _, r := range append(append([]CompareRow{}, c.Subdistricts...), c.Totals) {
		cells := r.cells()
		for k := 2; k < len(cells); k++ {
			if k != 5 {
				cells[k] = numfmt.Group(cells[k])
			}
		}
		rows = append(rows, cells)
	}
	writeAligned(&b, head, rows, 2, true)
	b.WriteString("\n")
	dhead := []string{"", msg.RepBase.In(msg.Zh), msg.RepScenario.In(msg.Zh)}
	if c.Change != nil {
		dhead = append(dhead, msg.RepColChange.In(msg.Zh))
	}
	drows := c.districtRows()
	for i := range drows {
		drows[i] = drows[i][:len(dhead)]
	}
	writeAligned(&b, dhead, drows, 1, false)
	if c.Where != "" {
		b.WriteString("\n" + c.Where + "\n")
	}
	if c.Attribution != nil {
		writeAttributionTable(&b, c.Attribution)
	}
	b.WriteString(c.compareNote())
	_, err := io.WriteString(w, b.String())
	return err
}
