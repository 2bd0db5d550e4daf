package dashboard

import (
	"errors"
	"net/http"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// PlanInput is what the plan page is built from. The server computes the
// results (it has the plans, the saved scenarios and the cache); the view
// only arranges them.
type PlanInput struct {
	PlanID string          // the plan's id, as in its URL; required
	Base   *formula.Result // the plan as written; required (a plan whose base is rejected gets the error page)
	WhatIf WhatIf          // the page's what-if, from ParseWhatIf
	// Problems are ParseWhatIf's problems. When there are any, nothing is
	// computed for the what-if: the page lists them instead of a table.
	Problems []formula.Problem
	// Result is the what-if's result: nil when the what-if is inactive or
	// failed.
	Result *formula.Result
	// Failure is why the what-if failed (bad overrides, an unknown
	// scenario, a plan the rules reject), as the server classified it: its
	// problems are listed instead of a table, under its status.
	Failure *Failure
	// Scenarios are the names of the plan's saved scenarios, offered in
	// the what-if form.
	Scenarios []string
	// ScenarioTitles are the [scenario] names of the scenarios by id, the
	// words the form shows for them (a saved 病媒3元 is kept as s-…).
	ScenarioTitles map[string]string
	// Stamp is the stamp of the result shown, on one line (report.Stamp
	// Title): what it is, so that a what-if is never taken for the plan.
	Stamp string
	// Record marks the figures in the governed record: "草案" (the files
	// are not published), "已发布 <date> <hash前8位>" when they are the
	// published version, "" without a record store.
	Record    string
	Published bool
	// Wan shows the allocation table in 万元 (unit=万元, wan.go).
	Wan bool
}

// Failure is why a what-if could not be computed, as the server's kind
// table decided it: the HTTP status to send and the problems to list.
type Failure struct {
	Status   int
	Problems []formula.Problem
}

// PlanView is the plan page: the district summary, the allocation table,
// the charts, the downloads and the what-if form, and when a what-if
// applies, its change against the base.
type PlanView struct {
	Stamp      string // the shown result's stamp, on one line
	PlanID     string
	Name       string
	District   string
	FiscalYear int64
	Unit       string // the rounding unit, such as "1 元"
	Href       string // the page without a what-if
	Status     int    // the HTTP status to send: 200, or 400/422 when the what-if was rejected

	WhatIf   WhatIf
	Applied  bool              // the figures are the what-if's
	Problems []formula.Problem // the what-if was rejected: these are shown instead of the figures

	Summary  []SummaryRow // capacity → reserve → … → reserves
	Tiers    []TierRow    // how each project tier was funded
	Identity Identity     // Σ totals + reserves = capacity, checked
	// Warnings are what the figures shown should not leave unsaid
	// (formula.Result.Warnings), in Chinese: the page's banner.
	Warnings []string
	Rows     []Row // the allocation table, one row a sub-district
	Totals   Row   // its totals row
	// TransfersLabel and ManagedLabel head the allocation table's
	// columns of rules §6 in a plan that has them ("": no column).
	TransfersLabel, ManagedLabel string
	Compare                      *CompareView // the change against the base; nil without a what-if

	// Equalisation is the panel of equalisation measures; nil when the
	// plan has no population quantity.
	Equalisation *EqualisationView

	Charts    []Link // chart images, carrying the what-if's query
	Downloads []Link // CSV, JSON, XLSX (and the comparison), carrying the query
	Permalink string // the page's canonical URL with its what-if
	Form      Form   // the what-if form, pre-filled

	Record    string // 草案, or 已发布 <date> <hash前8位>; "" for none
	Published bool

	// Wan: the allocation table is in 万元, WanNote says so and how it was
	// rounded; UnitSwitch is the switch between 元 and 万元 (wan.go).
	Wan        bool
	WanNote    string
	UnitSwitch []Link
}

// SummaryRow is one step of the district summary.
type SummaryRow struct {
	Key     string // stable name: capacity, reserve, available, personnel, public, pool, projects, incentive, block_pool, block, performance_reserve, damping, damping_reserve
	Op      string // "", "−" (taken out), "=" (what is left) or "→" (shared out)
	Label   string // Chinese label
	English string
	Note    string
	Strong  bool
	Value   Amount
	Base    *Amount // the base's figure, when a what-if is shown
	Change  *Amount // Value − Base
}

// TierRow is how one project tier was funded.
type TierRow struct {
	Tier    string  // "三保 mandatory", "A 档" …
	Demand  Amount  // the tier's demand T
	Cap     *Amount // floor_u(max_share × pool); nil: no cap
	CapNote string  // "25% × 项目资金池", or "不设上限"
	Budget  Amount  // what the tier got
	Funded  string  // "全额" or the share of the demand funded
}

// Identity is the accounting identity, computed from the result's
// decimals: Totals + Reserve + PerformanceReserve + DampingReserve = Sum,
// which must equal Capacity.
type Identity struct {
	Totals, Reserve, PerformanceReserve, DampingReserve Amount
	// Money is the terms of rules §6 in words, "+ 区级统筹 X + 区级部门统筹 Y
	// − 专项转移支付 Z", in a plan that has them ("" otherwise).
	Money         string
	Sum, Capacity Amount
	OK            bool
}

// Row is one row of the allocation table.
type Row struct {
	ID    string
	Name  string
	Href  string // the sub-district's statement, with the what-if; "" for the totals
	Cells []Cell // one per Columns entry
}

// Link is a labelled URL: a chart image, a download.
type Link struct {
	Kind  string // chart kind, or download format
	Label string
	Href  string
	CSV   string // a chart's numbers as CSV; "" for other links
}

// NewPlanView builds the plan page. It fails only on a caller's mistake:
// no plan id or base result, or an active what-if with neither a result
// nor an error nor problems.
func NewPlanView(in PlanInput) (*PlanView, error) {
	if in.PlanID == "" || in.Base == nil || in.Base.Plan == nil {
		return nil, errors.New("dashboard: plan view needs a plan id and a base result")
	}
	p := in.Base.Plan
	v := &PlanView{
		PlanID: in.PlanID, Name: p.Name, District: p.District, FiscalYear: p.FiscalYear,
		Unit: msg.DashYuan.In(msg.Zh, in.Base.Unit.String()), Href: PlanPath(in.PlanID), Status: http.StatusOK,
		WhatIf: in.WhatIf, Permalink: in.WhatIf.withQuery(PlanPath(in.PlanID)), Stamp: in.Stamp,
		Record: in.Record, Published: in.Published,
	}
	v.Form = newForm(in)
	shown := in.Base
	switch {
	case len(in.Problems) > 0:
		v.Problems, v.Status = slices.Clone(in.Problems), http.StatusBadRequest
		return v, nil
	case in.Failure != nil:
		v.Problems, v.Status = slices.Clone(in.Failure.Problems), in.Failure.Status
		return v, nil
	case in.WhatIf.Active():
		if in.Result == nil {
			return nil, errors.New("dashboard: an active what-if needs its result or its error")
		}
		shown, v.Applied = in.Result, true
	}
	m := moneyOf(shown)
	var base *formula.Result
	if v.Applied {
		base = in.Base
		v.Compare = newCompare(in.PlanID, in.WhatIf, in.Base, shown)
	}
	v.Summary = summary(shown, base)
	v.Tiers = tiers(shown)
	v.Identity = identity(shown)
	for _, w := range shown.Warnings() {
		v.Warnings = append(v.Warnings, msg.Say(msg.Zh, w.Says))
	}
	for i := range shown.Subdistricts {
		a := &shown.Subdistricts[i]
		v.Rows = append(v.Rows, Row{ID: a.ID, Name: a.Name, Href: in.WhatIf.withQuery(StatementPath(in.PlanID, a.ID)),
			Cells: m.cells(a.Components(), a.Total)})
	}
	t := shown.Totals()
	v.Totals = Row{ID: "total", Name: msg.DashTotal.In(msg.Zh), Cells: m.cells([6]decimal.Decimal(t[:6]), t[6])}
	v.moneyColumns(shown)
	v.Charts, v.Downloads = links(in.PlanID, in.WhatIf, v.Compare != nil)
	if v.Equalisation = newEqualisation(in.PlanID, in.WhatIf, shown); v.Equalisation != nil {
		v.Charts = append(v.Charts, v.Equalisation.Lorenz)
	}
	v.UnitSwitch = unitSwitch(v.Permalink, in.Wan)
	if in.Wan {
		if err := v.applyWan(shown); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// links are the chart images and downloads of a page.
func links(plan string, w WhatIf, compare bool) (charts, downloads []Link) {
	kinds := [][2]string{{"components", msg.DashChartComponents.In(msg.Zh)}, {"composition", msg.DashChartComposition.In(msg.Zh)}, {"per_capita", msg.DashChartPerCapita.In(msg.Zh)}}
	if compare {
		kinds = append([][2]string{{"compare", msg.DashChartCompare.In(msg.Zh)}}, kinds...)
	}
	for _, c := range kinds {
		charts = append(charts, chartLink(plan, w, c[0], c[1]))
	}
	api := apiPlanPath(plan)
	downloads = []Link{
		{Kind: "csv", Label: msg.DashAllocationsCSV.In(msg.Zh), Href: w.withQuery(api + "/allocations.csv")},
		{Kind: "xlsx", Label: msg.DashAllocationsXLSX.In(msg.Zh), Href: w.withQuery(api + "/allocations.xlsx")},
		{Kind: "check-xlsx", Label: msg.DashCheckXLSX.In(msg.Zh), Href: w.withQuery(api + "/allocations-check.xlsx")},
		{Kind: "json", Label: "JSON", Href: w.withQuery(api + "/allocations.json")},
		{Kind: "template", Label: msg.DashTemplateXLSX.In(msg.Zh), Href: api + "/template.xlsx"},
	}
	downloads = append(downloads, documentLinks(plan, w)...) // documents.go
	if compare {
		downloads = append(downloads, Link{Kind: "compare.csv", Label: msg.DashCompareCSV.In(msg.Zh), Href: w.withQuery(api + "/compare.csv")},
			Link{Kind: "attribution.csv", Label: msg.DashAttributionCSV.In(msg.Zh), Href: w.withQuery(api+"/compare.csv") + "&attribute=1&by=group"})
	}
	return charts, downloads
}

// step is one step of the summary: its key, operation, label, note,
// whether it is a subtotal, and its figure in a result.
type step struct {
	key, op string
	word    msg.Message
	note    string
	strong  bool
	val     func(*formula.Result) decimal.Decimal
}

// summary walks the district's capacity through the stages to the
// reserves. With a base, each row carries the base's figure and the
// change.
func summary(r, base *formula.Result) []SummaryRow {
	col := func(k int) func(*formula.Result) decimal.Decimal {
		return func(r *formula.Result) decimal.Decimal { return r.Totals()[k] }
	}
	tiersSum := func(r *formula.Result) decimal.Decimal {
		s := decimal.Zero
		for _, t := range r.Tiers {
			s = s.Add(t.Budget)
		}
		return s
	}
	reserveNote := msg.DashReserveNote.In(msg.Zh, rate(r.Plan.ReserveRate))
	perfNote := msg.DashRedistribute.In(msg.Zh)
	if pf := r.Plan.Performance; pf != nil && pf.Mode == formula.Reserve {
		perfNote = msg.DashPerfReserveMode.In(msg.Zh)
	} else if pf == nil {
		perfNote = msg.DashNoPerformance.In(msg.Zh)
	}
	steps := []step{
		{"capacity", "", msg.DashCapacity, msg.DashCapacityNote.In(msg.Zh), true, func(r *formula.Result) decimal.Decimal { return r.Capacity }},
		{"reserve", "−", msg.DashReserve, reserveNote, false, func(r *formula.Result) decimal.Decimal { return r.Reserve }},
		{"available", "=", msg.DashAvailable, "", true, func(r *formula.Result) decimal.Decimal { return r.Available }},
		{"personnel", "−", msg.DashPersonnel, msg.DashPersonnelNote.In(msg.Zh), false, col(0)},
		{"public", "−", msg.DashPublic, msg.DashPublicNote.In(msg.Zh), false, col(1)},
		{"pool", "=", msg.DashPool, msg.DashPoolNote.In(msg.Zh), true, func(r *formula.Result) decimal.Decimal { return r.Pool }},
		{"projects", "−", msg.DashProjects, msg.DashProjectsNote.In(msg.Zh), false, tiersSum},
		{"incentive", "−", msg.DashIncentive, msg.DashIncentiveNote.In(msg.Zh), false, func(r *formula.Result) decimal.Decimal { return r.IncentivePool }},
		{"block_pool", "=", msg.DashBlockPool, "", true, func(r *formula.Result) decimal.Decimal { return r.BlockPool }},
		{"block", "→", msg.DashBlock, msg.DashBlockNote.In(msg.Zh), false, col(4)},
		{"performance_reserve", "→", msg.DashPerfReserve, perfNote, false, func(r *formula.Result) decimal.Decimal { return r.PerformanceReserve }},
		{"damping", "±", msg.DashDamping, dampingNote(r.Plan), false, col(5)},
		{"damping_reserve", "→", msg.DashDampingReserve, msg.DashDampingReserveNote.In(msg.Zh), false, func(r *formula.Result) decimal.Decimal { return r.DampingReserve }},
	}
	steps = moneySteps(r, steps)
	m := moneyOf(r)
	out := make([]SummaryRow, 0, len(steps))
	for _, s := range steps {
		row := SummaryRow{Key: s.key, Op: s.op, Label: s.word.In(msg.Zh), English: s.word.In(msg.En), Note: s.note, Strong: s.strong, Value: m.amount(s.val(r))}
		if base != nil {
			b, c := m.amount(s.val(base)), m.amount(s.val(r).Sub(s.val(base)))
			row.Base, row.Change = &b, &c
		}
		out = append(out, row)
	}
	return out
}

// dampingNote describes the year-on-year guard.
func dampingNote(p *formula.Plan) string {
	d := p.Damping
	if d == nil {
		return msg.DashNoDamping.In(msg.Zh)
	}
	s := msg.DashDampingBaseline.In(msg.Zh, p.QuantityName(d.Baseline))
	if d.Floor != nil {
		s += msg.DashDampingFloor.In(msg.Zh, rate(*d.Floor))
	}
	if d.Ceiling != nil {
		s += msg.DashDampingCeiling.In(msg.Zh, rate(*d.Ceiling))
	}
	if len(d.Exclude) > 0 {
		var out []string
		for k, name := range formula.ComponentNames {
			if slices.Contains(d.Exclude, name) {
				out = append(out, formula.ComponentLabels[k])
			}
		}
		s += msg.DashDampingExclude.In(msg.Zh, msg.List(out))
	}
	if d.FloorKeepsRating {
		s += msg.DashDampingKeeps.In(msg.Zh)
	}
	return s
}

// tierName is a tier's label.
func tierName(t formula.Tier) string {
	if t == formula.TierMandatory {
		return msg.DashMandatory.In(msg.Zh)
	}
	return msg.DashTier.In(msg.Zh, t.String())
}

// tiers lists how each project tier was funded.
func tiers(r *formula.Result) []TierRow {
	m := moneyOf(r)
	out := make([]TierRow, 0, len(r.Tiers))
	for _, t := range r.Tiers {
		row := TierRow{Tier: tierName(t.Tier), Demand: m.amount(t.Demand), Budget: m.amount(t.Budget), CapNote: msg.DashNoCap.In(msg.Zh)}
		if t.Demoted.Sign() > 0 {
			row.Tier += msg.DashDemoted.In(msg.Zh, m.amount(t.Demoted).Text)
		}
		if t.Tier == formula.TierMandatory {
			row.CapNote = msg.DashMandatoryCap.In(msg.Zh)
		}
		if t.Cap != nil {
			c := m.amount(*t.Cap)
			row.Cap = &c
			if share, ok := r.Plan.TierCaps[t.Tier]; ok {
				row.CapNote = msg.DashCapShare.In(msg.Zh, rate(share))
				if r.Plan.TierCapBase == formula.CapAvailable {
					row.CapNote = msg.DashCapShareAvailable.In(msg.Zh, rate(share))
				}
			}
		}
		switch {
		case t.Budget.Equal(t.Demand):
			row.Funded = msg.DashFundedInFull.In(msg.Zh)
		default:
			row.Funded = percent(t.Budget, t.Demand)
		}
		out = append(out, row)
	}
	return out
}

// identity checks Σ totals + reserves = capacity with the result's
// decimals.
func identity(r *formula.Result) Identity {
	m := moneyOf(r)
	t := r.Totals()[6]
	sum := t.Add(r.Reserve).Add(r.PerformanceReserve).Add(r.DampingReserve)
	var money string
	if p := r.Plan; p.KeepsDistrictPool() || p.HasDistrictManaged() || p.HasTransfers() {
		sum = sum.Add(r.DistrictPool).Add(r.DistrictManaged).Sub(r.Transfers)
		money = msg.DashIdentityMoney.In(msg.Zh, m.amount(r.DistrictPool).Text, m.amount(r.DistrictManaged).Text, m.amount(r.Transfers).Text)
	}
	return Identity{Totals: m.amount(t), Reserve: m.amount(r.Reserve), PerformanceReserve: m.amount(r.PerformanceReserve),
		DampingReserve: m.amount(r.DampingReserve), Money: money, Sum: m.amount(sum), Capacity: m.amount(r.Capacity), OK: sum.Equal(r.Capacity)}
}

// CompareView is a what-if's change against the base, per sub-district.
type CompareView struct {
	Rows   []CompareRow
	Totals CompareRow
}

// CompareRow is one sub-district's change (or the totals').
type CompareRow struct {
	ID, Name   string
	Href       string // the statement with the what-if; "" for the totals
	Base       Amount // the base's total
	Scenario   Amount // the what-if's total
	Change     Amount
	Pct        string // the change in percent of the base total, "" when it is zero
	Components []Cell // the change of each of the six components
}

// newCompare matches sub-districts by id in the base's order, as
// report.NewCompare does (a sub-district the what-if lacks counts as zero).
func newCompare(plan string, w WhatIf, base, sc *formula.Result) *CompareView {
	m := moneyOf(sc)
	var tb, ts [7]decimal.Decimal
	row := func(id, name, href string, bc, scc [6]decimal.Decimal, bt, st decimal.Decimal) CompareRow {
		var d [6]decimal.Decimal
		for k := range d {
			d[k] = scc[k].Sub(bc[k])
		}
		change := st.Sub(bt)
		return CompareRow{ID: id, Name: name, Href: href, Base: m.amount(bt), Scenario: m.amount(st),
			Change: m.amount(change), Pct: signedPercent(change, bt), Components: m.cells(d, change)[:6]}
	}
	cv := &CompareView{}
	for i := range base.Subdistricts {
		b := &base.Subdistricts[i]
		s, ok := sc.Find(b.ID)
		if !ok {
			s = &formula.Allocation{ID: b.ID, Name: b.Name}
		}
		bc, scc := b.Components(), s.Components()
		cv.Rows = append(cv.Rows, row(b.ID, b.Name, w.withQuery(StatementPath(plan, b.ID)), bc, scc, b.Total, s.Total))
		for k := range 6 {
			tb[k], ts[k] = tb[k].Add(bc[k]), ts[k].Add(scc[k])
		}
		tb[6], ts[6] = tb[6].Add(b.Total), ts[6].Add(s.Total)
	}
	cv.Totals = row("total", msg.DashTotal.In(msg.Zh), "", [6]decimal.Decimal(tb[:6]), [6]decimal.Decimal(ts[:6]), tb[6], ts[6])
	return cv
}

// ProblemsOf lists the problems a page shows for an error: a rejection
// as its kind and text; else the error's problems, less one that only
// repeats the error's message (the page shows that as its heading).
func ProblemsOf(ae *caili.Error) []formula.Problem {
	if r := msg.Rejection(ae); r != nil {
		p := msg.Problems(app.Rejected(r))[0]
		p.Path = r.Kind.String()
		return []formula.Problem{p}
	}
	var out []formula.Problem
	for _, p := range msg.Problems(ae) {
		if p.File == "" && p.Path == "" && p.Line == 0 && msg.Problem(msg.Zh, p) == msg.ErrorWords(msg.Zh, ae) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// FailureOf is a failed what-if as the plan page shows it: the status
// the server's kind table gives the error, and ProblemsOf, or the error's
// message when that lists none.
func FailureOf(ae *caili.Error, status int) *Failure {
	ps := ProblemsOf(ae)
	if len(ps) == 0 {
		ps = []formula.Problem{{Says: msg.ProblemWords(ae.Says)}}
	}
	return &Failure{Status: status, Problems: ps}
}
