package report

import (
	"errors"
	"io"
	"strings"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
)

// Scenarios side by side (issue 24 §6): several what-ifs against the same
// base, one column group per scenario (its total, its change against the
// base and the change in per cent) per sub-district, with the totals.
// The document is put together from the single comparisons (NewCompare,
// or NewCompareWan in 万元), so that each group holds exactly what the
// comparison of that scenario alone gives.

// ScenariosJSON is the document of scenarios side by side.
type ScenariosJSON struct {
	Plan       string `json:"plan"`
	FiscalYear int64  `json:"fiscal_year"`
	// Scenarios name the scenarios, in the order of the column groups.
	Scenarios []string `json:"scenarios"`
	// Unit is "元", or "万元" when the amounts are in 万元.
	Unit         string         `json:"unit"`
	Base         DistrictJSON   `json:"base"`
	Districts    []DistrictJSON `json:"scenario_districts"` // per scenario
	Subdistricts []ScenariosRow `json:"subdistricts"`
	Totals       ScenariosRow   `json:"totals"`
	wan          bool
}

// ScenariosRow is one sub-district (or the totals) with its base total
// and one group per scenario.
type ScenariosRow struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	BaseTotal string         `json:"base_total"`
	Scenarios []ScenarioCell `json:"scenarios"`
}

// ScenarioCell is one scenario's group in a row.
type ScenarioCell struct {
	Total     string `json:"total"`
	Change    string `json:"change"`
	ChangePct string `json:"change_pct"` // "" when the base is zero
}

// errScenarios is returned for comparisons that do not share their base.
var errScenarios = errors.New("report: scenarios side by side need comparisons of the same base")

// NewScenarios sets single comparisons (of one base, each against one
// scenario, all in 元 or all in 万元) side by side; names name the
// scenarios, one per comparison.
func NewScenarios(names []string, docs []*CompareJSON) (*ScenariosJSON, error) {
	if len(docs) == 0 || len(names) != len(docs) {
		return nil, errScenarios
	}
	first := docs[0]
	out := &ScenariosJSON{Plan: first.Plan, FiscalYear: first.FiscalYear, Scenarios: names,
		Unit: msg.UnitYuan.In(msg.Zh), Base: first.Base, wan: first.wan}
	if out.wan {
		out.Unit = msg.UnitWan.In(msg.Zh)
	}
	rowOf := func(r CompareRow) ScenariosRow {
		return ScenariosRow{ID: r.ID, Name: r.Name, BaseTotal: r.BaseTotal, Scenarios: make([]ScenarioCell, 0, len(docs))}
	}
	for _, r := range first.Subdistricts {
		out.Subdistricts = append(out.Subdistricts, rowOf(r))
	}
	out.Totals = rowOf(first.Totals)
	for _, d := range docs {
		if d.wan != out.wan || len(d.Subdistricts) != len(out.Subdistricts) || !d.Base.equal(out.Base) {
			return nil, errScenarios
		}
		out.Districts = append(out.Districts, d.Scenario)
		for i, r := range d.Subdistricts {
			o := &out.Subdistricts[i]
			if r.ID != o.ID || r.BaseTotal != o.BaseTotal {
				return nil, errScenarios
			}
			o.Scenarios = append(o.Scenarios, ScenarioCell{r.ScenarioTotal, r.Change, r.ChangePct})
		}
		t := d.Totals
		out.Totals.Scenarios = append(out.Totals.Scenarios, ScenarioCell{t.ScenarioTotal, t.Change, t.ChangePct})
	}
	return out, nil
}

// Wan reports whether the amounts are in 万元.
func (s *ScenariosJSON) Wan() bool { return s.wan }

// Header is the table's column headings: id-style for a CSV (header=id:
// id, name, base_total, then NAME.total, NAME.change, NAME.change_pct per
// scenario) or in Chinese.
func (s *ScenariosJSON) Header(zhHeader bool) []string {
	if !zhHeader {
		h := []string{"id", "name", "base_total"}
		for _, n := range s.Scenarios {
			h = append(h, n+".total", n+".change", n+".change_pct")
		}
		return h
	}
	h := zh(msg.RepColID, msg.RepColSubdistrict, msg.RepColBaseTotal)
	for _, n := range s.Scenarios {
		h = append(h, msg.RepScenarioColTotal.In(msg.Zh, n), msg.RepScenarioColChange.In(msg.Zh, n), msg.RepScenarioColPct.In(msg.Zh, n))
	}
	return h
}

// Rows are the table's rows, the sub-districts then the totals, amounts
// without separators.
func (s *ScenariosJSON) Rows() [][]string {
	rows := make([][]string, 0, len(s.Subdistricts)+1)
	for _, r := range append(append([]ScenariosRow{}, s.Subdistricts...), s.Totals) {
		cells := []string{r.ID, r.Name, r.BaseTotal}
		for _, c := range r.Scenarios {
			cells = append(cells, c.Total, c.Change, c.ChangePct)
		}
		rows = append(rows, cells)
	}
	return rows
}

// Title is the title after the plan's name.
func (s *ScenariosJSON) Title() string {
	if s.wan {
		return msg.RepScenariosTitleWan.In(msg.Zh)
	}
	return msg.RepScenariosTitle.In(msg.Zh)
}

// Notes are the lines under the table: the 万元 note, if in 万元.
func (s *ScenariosJSON) Notes() []string {
	if s.wan {
		return []string{msg.RepWanNote.In(msg.Zh)}
	}
	return nil
}

// WriteScenariosCSV writes scenarios side by side as CSV (BOM, CRLF,
// header, totals row); in 万元 the title row says how they were rounded.
func WriteScenariosCSV(w io.Writer, s *ScenariosJSON, opts CSVOptions) error {
	if s.wan {
		opts.Title = wanTitle(opts.Title)
	}
	return writeCSV(w, s.Header(opts.ZH), s.Rows(), opts)
}

// WriteScenariosTable writes scenarios side by side for a terminal.
func WriteScenariosTable(w io.Writer, s *ScenariosJSON) error {
	var b strings.Builder
	b.WriteString(s.Plan + "  " + s.Title() + "\n\n")
	rows := s.Rows()
	for _, row := range rows {
		for k := 2; k < len(row); k++ {
			if k < 3 || (k-3)%3 != 2 { // not a per cent
				row[k] = numfmt.Group(row[k])
			}
		}
	}
	short := &ScenariosJSON{Scenarios: make([]string, len(s.Scenarios))}
	for i := range s.Scenarios {
		short.Scenarios[i] = msg.RepScenarioN.In(msg.Zh, i+1)
	}
	writeAligned(&b, short.Header(true), rows, 2, true)
	b.WriteString("\n")
	for i, n := range s.Scenarios {
		b.WriteString(msg.RepScenarioIs.In(msg.Zh, i+1, n) + "\n")
	}
	b.WriteString("\n")
	head := []string{"", msg.RepBase.In(msg.Zh)}
	head = append(head, short.Scenarios...)
	district := [][]string{{msg.RepCapacity.In(msg.Zh), numfmt.Group(s.Base.Capacity)},
		{msg.RepReserve.In(msg.Zh), numfmt.Group(s.Base.Reserve)},
		{msg.RepPerformanceReserve.In(msg.Zh), numfmt.Group(s.Base.PerformanceReserve)},
		{msg.RepDampingReserve.In(msg.Zh), numfmt.Group(s.Base.DampingReserve)}}
	for _, d := range s.Districts {
		for k, x := range []string{d.Capacity, d.Reserve, d.PerformanceReserve, d.DampingReserve} {
			district[k] = append(district[k], numfmt.Group(x))
		}
	}
	writeAligned(&b, head, district, 1, false)
	for _, n := range s.Notes() {
		b.WriteString("\n" + n + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// BaseOnly is scenarios side by side without a scenario: the base's
// totals alone (a plan with no scenario to compare).
func BaseOnly(base *CompareJSON) *ScenariosJSON {
	s, err := NewScenarios([]string{""}, []*CompareJSON{base})
	if err != nil {
		return nil // not reached: one comparison always goes side by side
	}
	s.Scenarios, s.Districts = []string{}, []DistrictJSON{}
	for i := range s.Subdistricts {
		s.Subdistricts[i].Scenarios = []ScenarioCell{}
	}
	s.Totals.Scenarios = []ScenarioCell{}
	return s
}

// equal reports whether two sides of comparisons say the same figures
// (the figures of rules §6 compared by value, not by pointer).
func (a DistrictJSON) equal(b DistrictJSON) bool {
	same := func(x, y *string) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.Capacity == b.Capacity && a.Reserve == b.Reserve && a.PerformanceReserve == b.PerformanceReserve &&
		a.DampingReserve == b.DampingReserve && same(a.DistrictPool, b.DistrictPool) &&
		same(a.DistrictManaged, b.DistrictManaged) && same(a.Transfers, b.Transfers)
}
