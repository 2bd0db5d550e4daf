package dashboard

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
)

// ErrUnknownSubdistrict is wrapped by NewStatementView when the result has
// no sub-district with the id asked for; the server answers 404.
var ErrUnknownSubdistrict = errors.New("unknown sub-district")

// StatementInput is what a sub-district's statement is built from.
type StatementInput struct {
	PlanID        string          // the plan's id, as in its URL; required
	SubdistrictID string          // required
	Result        *formula.Result // the result shown: the what-if's when one applies; required
	// Base is the plan as written, when a what-if applies, for the
	// change against it; nil leaves that out.
	Base   *formula.Result
	WhatIf WhatIf // the page's what-if, from ParseWhatIf
	Stamp  string // the result's stamp, on one line (report.Stamp Title)
	// Attribution is the sentence of the sub-district's change against
	// the base split over the groups (data, standards, capacity, ratings):
	// "比原方案增加 X 元:数据变化 +a 元,…" (attribution.Attribution.Sentence);
	// AttributionNote says why there is none. Both "": nothing shown.
	// Shown only with a what-if and a base.
	Attribution, AttributionNote string
	// Record and Published mark the figures as on the plan page
	// (PlanInput.Record).
	Record    string
	Published bool
	// Wan shows the components' 万元 column rounded with 尾差 (unit=万元,
	// wan.go).
	Wan bool
}

// StatementView is the printable statement (测算说明书) of one
// sub-district: its total and components, every line with its formula by
// stage, its factor score by indicator, and its change against the
// damping baseline (and against the base plan under a what-if).
type StatementView struct {
	Stamp      string // the result's stamp, on one line
	PlanID     string
	PlanName   string
	District   string
	FiscalYear int64
	Unit       string // the rounding unit, such as "1 元"
	ID, Name   string

	WhatIf   WhatIf
	Applied  bool   // the figures are the what-if's
	PlanHref string // the plan page, with the what-if
	BaseHref string // this statement without the what-if

	// Record is 草案 or 已发布 <date> <hash前8位>; "" for none.
	Record    string
	Published bool

	Total      Amount
	Components []ComponentRow
	// RatingEffect is what the performance rating changed in the block
	// grant, when [damping] floor_keeps_rating applies (nil otherwise): a
	// floored sub-district ends at its floor plus this figure.
	RatingEffect *RatingEffectView
	Profile      []KV         // rating, adjustment and performance coefficient
	Stages       []StageLines // every line, by stage
	Score        *ScoreView   // nil when the plan has no factors in play
	Baseline     *BaselineView
	VsBase       *CompareRow // the change against the base plan; nil without a what-if or a base
	// Attribution is the change against the base in words, split by
	// group: "比原方案增加 X 元:数据变化 +a 元,标准调整 −b 元,…"; "" without
	// one. AttributionNote says why it could not be made.
	Attribution     string
	AttributionNote string
	// Where says where the what-if's change went across the district
	// (rules §6): "变化去向:街道合计 −X 元,区级统筹 +Y 元 (节省),…"; ""
	// without a what-if, or when the plan has none of §6's tables.
	Where string

	Charts    []Link
	Downloads []Link

	// WanNote says how the 万元 column was rounded (unit=万元); UnitSwitch
	// is the switch between 元 and 万元 (wan.go).
	WanNote    string
	UnitSwitch []Link
}

// ComponentRow is one component of the sub-district's total.
type ComponentRow struct {
	Col    string // one of Columns
	Label  string
	Amount Amount
	Share  string // of the total, in percent
	// Outside marks a row not added to the total: the district-managed
	// amount (rules §6), shown after the total.
	Outside bool
}

// KV is a labelled value.
type KV struct{ Label, Value string }

// StageLines are the lines of one stage.
type StageLines struct {
	Stage string // formula.Stage
	Label string
	Total Amount
	Lines []LineRow
	// Outside marks the section of district-managed projects (rules §6):
	// spent by the district's departments, not part of the total.
	Outside bool
}

// LineRow is one line of the statement.
type LineRow struct {
	Item    string // the staff, quota or project id; the indicator quantity; floor/ceiling/none
	Name    string // what the item is, in Chinese
	Amount  Amount
	Formula string // how the amount was reached (formula.Line.Formula)
}

// RatingEffectView is the effect of the performance rating on the block
// grant: the block grant, the block grant without ratings, and the
// difference.
type RatingEffectView struct {
	Block   Amount // the block grant
	Neutral Amount // what it would be without ratings
	Effect  Amount // Block − Neutral
}

// ScoreView is the factor score broken down by indicator.
type ScoreView struct {
	Parts      []ScorePartRow
	Total      string // the factor score to six places, formula.ShareText
	Adjustment string
	Rating     string
	Coef       string
	Adjusted   string // score × adjustment × coefficient, formula.ShareText
	Formula    string // formula.Score.Formula: the statement's one block line
}

// ScorePartRow is one indicator's part of the score.
type ScorePartRow struct {
	Factor, FactorName, FactorWeight string
	Quantity, Weight                 string
	QuantityLabel                    string // the quantity's label and unit, or ""
	Value, DistrictSum               string
	Part                             string // W_f · w_k · x / Σx to six places, formula.ShareText
}

// BaselineView is the change against the damping baseline (such as last
// year's total).
type BaselineView struct {
	Quantity   string // the quantity named by [damping] baseline
	Label      string // its label and unit, or ""
	Value      Amount // the baseline
	TotalLabel string // "本年合计", or what the measure leaves out: "本年测算口径 (不含人员经费)"
	Total      Amount // this year's total, less the components [damping] exclude names
	Change     Amount
	Pct        string
	Floor      *Amount // ceil_u(floor × baseline), when a floor is set
	Ceiling    *Amount // floor_u(ceiling × baseline), when a ceiling is set
	Rule       string  // "基数 last_year_total,保底 95%,封顶 110%"
	Status     string  // what damping did this year: 未调整, 按封顶调减, 按保底补足, 分摊保底资金
}

// stageLabel is a stage of the statement with its label.
type stageLabel struct {
	stage formula.Stage
	label string
}

// stages in the order of rules §3 with their labels.
var stageLabels = []stageLabel{
	{formula.StagePersonnel, msg.DashStagePersonnel.In(msg.Zh)},
	{formula.StagePublic, msg.DashStagePublic.In(msg.Zh)},
	{formula.StageProjects, msg.DashStageProjects.In(msg.Zh)},
	{formula.StageIncentive, msg.DashStageIncentive.In(msg.Zh)},
	{formula.StageBlock, msg.DashStageBlock.In(msg.Zh)},
	{formula.StageDamping, msg.DashStageDamping.In(msg.Zh)},
}

// NewStatementView builds a sub-district's statement. An id the result
// does not have gives an error wrapping ErrUnknownSubdistrict.
func NewStatementView(in StatementInput) (*StatementView, error) {
	r := in.Result
	if in.PlanID == "" || r == nil || r.Plan == nil {
		return nil, errors.New("dashboard: statement view needs a plan id and a result")
	}
	a, err := app.FindSubdistrict(in.PlanID, r, in.SubdistrictID)
	if err != nil {
		var ae *caili.Error
		if errors.As(err, &ae) && ae.Kind == caili.KindNotFound {
			return nil, fmt.Errorf("%w: %w", ErrUnknownSubdistrict, err)
		}
		return nil, err
	}
	p, m := r.Plan, moneyOf(r)
	v := &StatementView{
		PlanID: in.PlanID, PlanName: p.Name, District: p.District, FiscalYear: p.FiscalYear,
		Unit: msg.DashYuan.In(msg.Zh, r.Unit.String()), ID: a.ID, Name: a.Name, WhatIf: in.WhatIf, Applied: in.WhatIf.Active(),
		Record: in.Record, Published: in.Published,
		PlanHref: in.WhatIf.withQuery(PlanPath(in.PlanID)), BaseHref: StatementPath(in.PlanID, a.ID),
		Total: m.amount(a.Total), Stamp: in.Stamp,
	}
	for k, c := range a.Components() {
		v.Components = append(v.Components, ComponentRow{Col: Columns[k], Label: columnLabels[k], Amount: m.amount(c), Share: percent(c, a.Total)})
	}
	if p.HasTransfers() {
		v.Components = append(v.Components, ComponentRow{Col: "transfers", Label: msg.RepColTransfers.In(msg.Zh), Amount: m.amount(a.Transfers), Share: percent(a.Transfers, a.Total)})
	}
	v.Components = append(v.Components, ComponentRow{Col: Columns[6], Label: columnLabels[6], Amount: v.Total, Share: percent(a.Total, a.Total)})
	if p.HasDistrictManaged() {
		v.Components = append(v.Components, ComponentRow{Col: "managed", Label: msg.DashManagedOutside.In(msg.Zh), Amount: m.amount(a.Managed), Share: "—", Outside: true})
	}
	if e := a.RatingEffect; e != nil {
		v.RatingEffect = &RatingEffectView{Block: m.amount(a.Block), Neutral: m.amount(a.Block.Sub(*e)), Effect: m.amount(*e)}
	}
	v.Stages = stageLines(r, a)
	v.Profile, v.Score = score(p, a)
	v.Baseline = baseline(r, a)
	if in.Base != nil && v.Applied {
		if cv := newCompare(in.PlanID, in.WhatIf, in.Base, r); cv != nil {
			for i := range cv.Rows {
				if cv.Rows[i].ID == a.ID {
					row := cv.Rows[i]
					v.VsBase = &row
				}
			}
		}
	}
	if v.VsBase != nil {
		v.Attribution, v.AttributionNote = in.Attribution, in.AttributionNote
		v.Where = report.NewCompare(report.Comparison{Base: in.Base, Scenario: r}).Where
	}
	v.Charts = []Link{chartLink(in.PlanID, in.WhatIf, "components", msg.DashChartComponents.In(msg.Zh))}
	if v.VsBase != nil {
		v.Charts = append(v.Charts, chartLink(in.PlanID, in.WhatIf, "compare", msg.DashChartCompare.In(msg.Zh)))
	}
	v.Downloads = []Link{{Kind: "json", Label: msg.DashSubdistrictJSON.In(msg.Zh), Href: in.WhatIf.withQuery(apiPlanPath(in.PlanID) + "/subdistricts/" + url.PathEscape(a.ID) + ".json")}}
	v.UnitSwitch = unitSwitch(in.WhatIf.withQuery(v.BaseHref), in.Wan)
	if in.Wan {
		if err := v.applyWan(r, a.ID); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// stageLines groups the lines by stage, naming each item.
func stageLines(r *formula.Result, a *formula.Allocation) []StageLines {
	p, m := r.Plan, moneyOf(r)
	names := p.ItemNames()
	for _, pr := range p.Projects {
		names[formula.StageProjects][pr.ID] = pr.Name + " · " + tierName(pr.Tier)
		names[formula.StageManaged][pr.ID] = names[formula.StageProjects][pr.ID]
	}
	comps := a.Components()
	out := make([]StageLines, 0, len(stageLabels)+2)
	for k, st := range statementStages(p) {
		sl := StageLines{Stage: string(st.stage), Label: st.label}
		switch st.stage {
		case formula.StageManaged:
			sl.Total, sl.Outside = m.amount(a.Managed), true
		case formula.StageTransfers:
			sl.Total = m.amount(a.Transfers)
		default:
			sl.Total = m.amount(comps[k])
		}
		// The block grant is one line, its share by adjusted score; the
		// breakdown by indicator is the 因素得分 table.
		for _, l := range a.ReadableLines() {
			if l.Stage != st.stage {
				continue
			}
			name := names.Of(l.Stage, l.Item)
			sl.Lines = append(sl.Lines, LineRow{Item: l.Item, Name: name, Amount: m.amount(l.Amount), Formula: l.Formula()})
		}
		out = append(out, sl)
	}
	return out
}

// statementStages are the statement's sections: the stages of rules §3,
// then those of rules §6 that the plan has — district-managed projects
// (not part of the total) and transfers, each its own section.
func statementStages(p *formula.Plan) []stageLabel {
	out := slices.Clone(stageLabels)
	if p.HasDistrictManaged() {
		out = append(out, stageLabel{formula.StageManaged, msg.DashStageManaged.In(msg.Zh)})
	}
	if p.HasTransfers() {
		out = append(out, stageLabel{formula.StageTransfers, msg.DashStageTransfers.In(msg.Zh)})
	}
	return out
}

// score builds the profile (rating, adjustment, coefficient) and the
// factor score's breakdown.
func score(p *formula.Plan, a *formula.Allocation) ([]KV, *ScoreView) {
	sc := a.Score
	adj, coef := sc.Adjustment, sc.Coef
	profile := []KV{{msg.DashAdjustment.In(msg.Zh), adj.String()}}
	if p.Performance != nil {
		profile = append(profile, KV{msg.DashRating.In(msg.Zh), sc.Rating}, KV{msg.DashCoefficient.In(msg.Zh), coef.String()})
	}
	if len(sc.Parts) == 0 {
		return profile, nil
	}
	sv := &ScoreView{Total: formula.ShareText(sc.Total()), Adjustment: adj.String(), Rating: sc.Rating,
		Coef: coef.String(), Adjusted: formula.ShareText(sc.Adjusted()), Formula: sc.Formula()}
	for _, sp := range sc.Parts {
		sv.Parts = append(sv.Parts, ScorePartRow{Factor: sp.Factor, FactorName: sp.FactorName, FactorWeight: sp.FactorWeight.String(),
			Quantity: sp.Quantity, QuantityLabel: quantityLabel(p, sp.Quantity), Weight: sp.Weight.String(),
			Value: numfmt.Group(sp.Value.String()), DistrictSum: numfmt.Group(sp.DistrictSum.String()), Part: formula.ShareText(sp.Part())})
	}
	return profile, sv
}

// dampingStatus says what each damping line did.
var dampingStatus = map[string]string{
	"none": msg.DashDampingNone.In(msg.Zh), "ceiling": msg.DashDampingCut.In(msg.Zh),
	"floor": msg.DashDampingToppedUp.In(msg.Zh), "floor_funding": msg.DashDampingFunding.In(msg.Zh),
}

// ceilingUncut is the status of a ceiling line of 0: over the ceiling with
// no block grant to cut.
var ceilingUncut = msg.DashDampingUncut.In(msg.Zh)

// baseline compares the total with the damping baseline, with the floor
// and ceiling it gives.
func baseline(r *formula.Result, a *formula.Allocation) *BaselineView {
	d := r.Plan.Damping
	if d == nil {
		return nil
	}
	var sd *formula.Subdistrict
	for i := range r.Plan.Subdistricts {
		if r.Plan.Subdistricts[i].ID == a.ID {
			sd = &r.Plan.Subdistricts[i]
		}
	}
	if sd == nil {
		return nil
	}
	x, ok := sd.Quantities.Get(d.Baseline)
	if !ok {
		return nil
	}
	m := moneyOf(r)
	unit := r.Unit
	if unit.IsZero() {
		unit = decimal.NewFromInt(1)
	}
	measure, label := dampingMeasure(d, a)
	change := measure.Sub(x)
	b := &BaselineView{Quantity: d.Baseline, Label: quantityLabel(r.Plan, d.Baseline), Value: m.amount(x), TotalLabel: label, Total: m.amount(measure), Change: m.amount(change),
		Pct: signedPercent(change, x), Rule: dampingNote(r.Plan)}
	var did []string
	for _, l := range a.Lines {
		if l.Stage == formula.StageDamping {
			if s, ok := dampingStatus[l.Item]; ok {
				if l.Item == "ceiling" && l.Amount.IsZero() {
					s = ceilingUncut
				}
				did = append(did, s)
			}
		}
	}
	b.Status = strings.Join(did, ",")
	if d.Floor != nil {
		lo := m.amount(d.Floor.Mul(x).Div(unit).Ceil().Mul(unit))
		b.Floor = &lo
	}
	if d.Ceiling != nil {
		hi := m.amount(d.Ceiling.Mul(x).Div(unit).Floor().Mul(unit))
		b.Ceiling = &hi
	}
	return b
}

// dampingMeasure is what damping measures of an allocation after damping
// (its total less the components [damping] exclude names), with its
// label.
func dampingMeasure(d *formula.Damping, a *formula.Allocation) (decimal.Decimal, string) {
	if len(d.Exclude) == 0 {
		return a.Total, msg.DashThisYearTotal.In(msg.Zh)
	}
	measure := a.Total
	var out []string
	for k, c := range a.Components() {
		if slices.Contains(d.Exclude, formula.ComponentNames[k]) {
			measure = measure.Sub(c)
			out = append(out, formula.ComponentLabels[k])
		}
	}
	return measure, msg.DashThisYearMeasure.In(msg.Zh, msg.List(out))
}
