package formula

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// Stage names the stage of rules §3 a line belongs to. The stages that
// produce lines are the six components of an allocation, and a stage's
// name is its component's name in ComponentNames.
type Stage string

// The stages that produce lines, in rules order. These constants are the
// only place the six names are spelled; ComponentNames lists them.
const (
	StagePersonnel Stage = "personnel"
	StagePublic    Stage = "public"
	StageProjects  Stage = "projects"
	StageIncentive Stage = "incentive"
	StageBlock     Stage = "block"
	StageDamping   Stage = "damping"
)

// The stages of rules §6 whose lines are not components: what the
// district manages for a sub-district (not part of its total) and the
// transfers passed through (part of its total, outside the six).
const (
	StageManaged   Stage = "managed"
	StageTransfers Stage = "transfers"
)

// Line is one amount in a sub-district's allocation and how it was reached.
type Line struct {
	Stage  Stage
	Item   string // staff, quota or project id; indicator quantity for the block; floor/ceiling for damping
	Amount decimal.Decimal
	ex     explainer // renders the formula on demand
	i, j   int32     // sub-district and standard (staff, quota, project, indicator) index
	k      int32     // item index within the explainer's split, if any
}

// Formula says how the amount was reached, in words a person can check,
// e.g. "40 人 × 160,000 元 × (1 + 0.35) = 8,640,000". It is rendered on
// demand, so results that are only summed or written as CSV never pay for
// the text.
func (l Line) Formula() string {
	if l.ex == nil {
		return ""
	}
	return l.cite(l.ex.explain(&l)) // cite: source.go
}

// explainer renders the formula of the lines of one stage; lines carry
// indices into what it holds, so a line costs no allocation of its own.
type explainer interface {
	explain(l *Line) string
}

// Result is a computed allocation. Its amounts satisfy the accounting
// identity Σ total + reserve + performance reserve + damping reserve +
// district pool + district managed = capacity + transfers.
type Result struct {
	Plan               *Plan
	Unit               decimal.Decimal // rounding unit in force
	Capacity           decimal.Decimal
	Reserve            decimal.Decimal // district reserve (预备费)
	Available          decimal.Decimal // capacity − reserve
	Pool               decimal.Decimal // available − Σ(personnel + public): the project pool
	Tiers              []TierOutcome   // how each tier of projects was funded
	IncentivePool      decimal.Decimal // what the incentive stage handed out
	BlockPool          decimal.Decimal // what was left for the block grant
	PerformanceReserve decimal.Decimal
	DampingReserve     decimal.Decimal
	// DistrictPool is what [block] amount left with the district (区级统筹,
	// rules §6); zero without it.
	DistrictPool decimal.Decimal
	// DistrictManaged is Σ of the sub-districts' Managed (统分结合).
	DistrictManaged decimal.Decimal
	// Transfers is Σ of the transfers' amounts (专项转移支付).
	Transfers    decimal.Decimal
	Subdistricts []Allocation
	// Ceilinged and Floored count the sub-districts whose measure stood
	// above its ceiling and below its floor at stage 7 (for Warnings).
	Ceilinged, Floored int

	noLines bool // made by EvaluateTotals: no allocation has lines
	// absorbed names the sub-districts whose figure before damping the
	// overrides changed and whose final amount they did not
	// (CompareWith, WarnAbsorbed).
	absorbed []string
}

// TierOutcome is how one project tier was funded.
type TierOutcome struct {
	Tier   Tier
	Demand decimal.Decimal // T: sum of the tier's item demands, those demoted to it included
	// Demoted is the part of Demand demoted from the tiers above (overflow
	// = demote); zero otherwise.
	Demoted decimal.Decimal
	Cap     *decimal.Decimal // floor_u(max_share × pool); nil: no cap
	Budget  decimal.Decimal  // what the tier got
}

// Allocation is one sub-district's result.
type Allocation struct {
	ID, Name  string
	Personnel decimal.Decimal
	Public    decimal.Decimal
	Projects  decimal.Decimal
	Incentive decimal.Decimal
	Block     decimal.Decimal
	Damping   decimal.Decimal
	// Managed is what the district's departments spend for it on
	// district-managed projects (rules §6): not part of Total.
	Managed decimal.Decimal
	// Transfers is its share of the earmarked transfers (rules §6):
	// part of Total, outside the six components and damping.
	Transfers decimal.Decimal
	Total     decimal.Decimal
	Score     Score
	Lines     []Line
	// RatingEffect is what the performance rating changed in the block
	// grant, block − the block grant without ratings (rules §3 stage 7),
	// when [damping] floor_keeps_rating applies; nil otherwise. A floored
	// sub-district ends at its floor plus this effect.
	RatingEffect *decimal.Decimal
}

// Score is a sub-district's factor score for the block grant, broken down
// by indicator.
type Score struct {
	Adjustment decimal.Decimal
	Rating     string
	Coef       decimal.Decimal // performance coefficient (1 without [performance])
	Parts      []ScorePart
	sum        *big.Int // Σ parts, in the units of scale
	b          *blockStage
	i          int
}

// Total is the factor score Σ_f W_f · Σ_k w_k · x_ik / Σ_j x_jk, exactly.
func (s Score) Total() *big.Rat {
	if s.b == nil {
		return new(big.Rat)
	}
	return s.b.scaled(s.sum)
}

// Adjusted is Total × Adjustment × Coef: the weight of the block grant.
func (s Score) Adjusted() *big.Rat {
	t := s.Total()
	t.Mul(t, s.Adjustment.Rat())
	return t.Mul(t, s.Coef.Rat())
}

// Formula says how the block amount was reached from the adjusted score.
func (s Score) Formula() string {
	if s.b == nil {
		return ""
	}
	return s.b.scoreText(s)
}

// ScorePart is one indicator's contribution to a score.
type ScorePart struct {
	Factor       string // factor id
	FactorName   string
	FactorWeight decimal.Decimal
	Quantity     string
	Weight       decimal.Decimal
	Value        decimal.Decimal // x_ik
	DistrictSum  decimal.Decimal // Σ_j x_jk
	p            *big.Int        // the part in the units of the stage's scale
	b            *blockStage
}

// Part is W_f · w_k · x_ik / Σ_j x_jk, exactly.
func (sp ScorePart) Part() *big.Rat {
	if sp.b == nil {
		return new(big.Rat)
	}
	return sp.b.scaled(sp.p)
}

// ComponentNames are the names of the six components of an allocation,
// in rules order (rules §3 stages 2–7): personnel, public, projects,
// incentive, block, damping. It is the one list of them: each is the name
// of the Stage of its lines, Allocation.Components and Result.Totals give
// amounts in this order, and outputs name their columns by it. Other code
// should range over it rather than spell the names again.
var ComponentNames = [...]string{
	string(StagePersonnel), string(StagePublic), string(StageProjects),
	string(StageIncentive), string(StageBlock), string(StageDamping),
}

// Components returns the six component amounts in the order of
// ComponentNames.
func (a *Allocation) Components() [len(ComponentNames)]decimal.Decimal {
	return [len(ComponentNames)]decimal.Decimal{a.Personnel, a.Public, a.Projects, a.Incentive, a.Block, a.Damping}
}

// Totals sums each column over all sub-districts: the six components in
// the order of ComponentNames, then total.
func (r *Result) Totals() [len(ComponentNames) + 1]decimal.Decimal {
	u, _ := newUnit(r.Unit)
	var s [len(ComponentNames) + 1]accum
	for k := range s {
		s[k].u = u
	}
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		for k, c := range a.Components() {
			s[k].add(c)
		}
		s[len(ComponentNames)].add(a.Total)
	}
	var t [len(ComponentNames) + 1]decimal.Decimal
	for k := range s {
		t[k] = s[k].sum()
	}
	return t
}

// Find returns the allocation of the sub-district with the given id.
func (r *Result) Find(id string) (*Allocation, bool) {
	for i := range r.Subdistricts {
		if r.Subdistricts[i].ID == id {
			return &r.Subdistricts[i], true
		}
	}
	return nil, false
}

// CheckIdentity verifies the accounting identity and that each total is
// the sum of its components and its lines (a result of
// [Model.EvaluateTotals] has none to check). It returns ErrIdentity when
// anything is off.
func (r *Result) CheckIdentity() error {
	u, ok := newUnit(r.Unit)
	if !ok {
		return ErrIdentity
	}
	sum := accum{u: u}
	sum.add(r.Reserve)
	sum.add(r.PerformanceReserve)
	sum.add(r.DampingReserve)
	sum.add(r.DistrictPool)
	sum.add(r.DistrictManaged)
	managed, transfers := accum{u: u}, accum{u: u}
	for i := range r.Subdistricts {
		a := &r.Subdistricts[i]
		c := a.Components()
		t := accum{u: u}
		for _, x := range c {
			t.add(x)
		}
		t.add(a.Transfers)
		managed.add(a.Managed)
		transfers.add(a.Transfers)
		if !t.equals(a.Total) {
			return ErrIdentity
		}
		if !r.noLines && !a.linesAddUp(u) {
			return ErrIdentity
		}
		sum.add(a.Total)
	}
	if !managed.equals(r.DistrictManaged) || !transfers.equals(r.Transfers) {
		return ErrIdentity
	}
	if !sum.sum().Equal(r.Capacity.Add(r.Transfers)) {
		return ErrIdentity
	}
	return nil
}

// linesAddUp reports whether each component is the sum of its lines.
func (a *Allocation) linesAddUp(u unit) bool {
	c := a.Components()
	var byStage [len(ComponentNames)]accum
	managed, transfers := accum{u: u}, accum{u: u}
	for _, l := range a.Lines {
		k := stageIndex(l.Stage)
		switch {
		case l.Stage == StageManaged:
			managed.add(l.Amount)
			continue
		case l.Stage == StageTransfers:
			transfers.add(l.Amount)
			continue
		case k < 0:
			return false
		}
		byStage[k].u = u
		byStage[k].add(l.Amount)
	}
	for k := range c {
		byStage[k].u = u
		if !byStage[k].sum().Equal(c[k]) {
			return false
		}
	}
	return managed.sum().Equal(a.Managed) && transfers.sum().Equal(a.Transfers)
}

// stageIndex is the position of a stage among ComponentNames, or -1. It
// switches on the Stage constants rather than searching ComponentNames, as
// it runs for every line; TestStageIndex holds the two to the same order.
func stageIndex(s Stage) int {
	switch s {
	case StagePersonnel:
		return 0
	case StagePublic:
		return 1
	case StageProjects:
		return 2
	case StageIncentive:
		return 3
	case StageBlock:
		return 4
	case StageDamping:
		return 5
	}
	return -1
}

// BlockItem is the item of the one block line a statement shows for a
// sub-district (ReadableLines): its share of the pool by adjusted score.
const BlockItem = "by_score"

// ReadableLines are the lines a statement shows a person: every line of
// the allocation, except that the block grant's lines by indicator give
// way to one line, the sub-district's share of the pool by its adjusted
// score (Score.Formula), item BlockItem, and a project paid in parts at
// several tiers (overflow = demote) is one line a part. The breakdown by
// indicator is the score's table; Lines keeps the lines by indicator and
// by project for machines (JSON, CSV, the 复核 workbook, classification).
func (a *Allocation) ReadableLines() []Line {
	b := a.Score.b
	out := make([]Line, 0, len(a.Lines))
	done := false
	for _, l := range a.Lines {
		if x, ok := l.ex.(*projectParts); ok {
			out = append(out, x.readable(l)...)
			continue
		}
		if l.Stage != StageBlock || b == nil {
			out = append(out, l)
			continue
		}
		if !done {
			out = append(out, Line{Stage: StageBlock, Item: BlockItem, Amount: a.Block, ex: b, i: int32(a.Score.i), k: -1})
			done = true
		}
	}
	return out
}
