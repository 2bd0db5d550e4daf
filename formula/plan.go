package formula

import (
	"github.com/shopspring/decimal"
)

// Plan is one year's allocation problem: the district's capacity, the
// expenditure standards and the sub-districts with their factor data. It is
// the engine's input; package standards builds it from TOML files.
type Plan struct {
	Name         string
	District     string
	FiscalYear   int64
	Capacity     decimal.Decimal // total fiscal capacity for the sub-districts, 元
	RoundingUnit decimal.Decimal // the smallest amount handed out: a power of ten from 0.01 to 10000 (zero is an error, not "unset")
	ReserveRate  decimal.Decimal // share kept back as district reserve (预备费), in [0,1)
	// Population names the quantity equalisation divides by (人均,
	// docs/audit.md); empty: DefaultPopulation when every sub-district has
	// it, else no equalisation. It does not change any amount.
	Population string

	Staff    []Staff
	Quotas   []Quota
	Projects []Project
	TierCaps map[Tier]decimal.Decimal // max_share of the project pool per tier; absent: no cap
	// TierOverflow says what becomes of the demand a tier's cap (or what
	// remains) refuses: cut (the default) or demoted to the next tier.
	TierOverflow Overflow
	// TierCapBase says what max_share is a share of: the project pool
	// (the default) or the available capacity (rules §6).
	TierCapBase CapBase
	// ProjectPerformance holds the coefficients of project ratings
	// (项目绩效); nil: no project is rated.
	ProjectPerformance *ProjectPerformance
	Factors            []Factor
	Performance        *Performance // nil: no performance adjustment
	Incentive          *Incentive   // nil: no tax-growth incentive
	Damping            *Damping     // nil: no year-on-year floor or ceiling
	// Block is [block] (rules §6); nil: stage 6 shares out all that is
	// left and the district keeps nothing.
	Block *Block
	// ProjectExecution is [project_execution], the execution-rate cuts
	// (rules §6); nil: no cut.
	ProjectExecution *ProjectExecution
	// Transfers are the earmarked transfers from above (rules §6).
	Transfers []Transfer

	Subdistricts []Subdistrict
	// Successions are the [[succession]] tables: which sub-districts of
	// an earlier year this plan's succeed (区划调整, succession.go).
	Successions []Succession
	// ExecutionRules are the [[execution_rule]] tables: when a line's
	// execution rate is warned of (execution_rule.go).
	ExecutionRules []ExecutionRule

	// QuantityLabels name quantities the way people read them
	// ([quantity_labels]): quantity → Chinese name and unit. A quantity
	// without one is shown by its name. Labels change no figure.
	QuantityLabels map[string]QuantityLabel

	// StageCodes classify the lines of no standard: the block grant, the
	// incentive and damping ([classification.*], classify.go).
	StageCodes StageCodes
	// Catalogue names the classification codes (科目表, [plan]
	// catalogue); nil: none named, codes are shown without names.
	Catalogue *Catalogue
}

// QuantityLabel is how people name a quantity: 病媒防制面积, in 平方米.
type QuantityLabel struct {
	Name string // required
	Unit string // may be empty
}

// Staff is a personnel category (人员类别) paid at actual.
type Staff struct {
	ID         string
	Name       string
	AnnualPay  decimal.Decimal // pay per head per year, 元
	OncostRate decimal.Decimal // employer social insurance and housing fund, as a fraction of pay
	Codes      Codes           // classification codes; empty: uncoded (classification.go)
	Source     string          // the documents its dated values in force come from (docs/dated.md); empty: none cited
}

// Quota is a public-cost quota (公用经费定额): Rate 元 per unit of basis per year.
type Quota struct {
	ID    string
	Name  string
	Rate  decimal.Decimal
	Basis []string // quantity names whose values are summed
	Codes Codes    // classification codes; empty: uncoded (classification.go)
	// Source is the document its dated rate in force comes from
	// (docs/dated.md); empty: none cited.
	Source string
}

// Project is a common project (共性项目) at a zero-based unit cost.
type Project struct {
	ID       string
	Name     string
	UnitCost decimal.Decimal
	Basis    []string
	Tier     Tier
	Codes    Codes // classification codes; empty: uncoded (classification.go)
	// Source is the document its dated unit cost in force comes from
	// (docs/dated.md); empty: none cited.
	Source string
	// Managed says who spends its funds: the sub-district (the default)
	// or the district's department (统分结合, rules §6).
	Managed Management
	// Department is the 主管部门's name; empty: none given.
	Department string
}

// Factor is one factor of the block-grant method (因素法), such as workload,
// area or population, with its weight and indicators.
type Factor struct {
	ID         string
	Name       string
	Weight     decimal.Decimal
	Indicators []Indicator
}

// Indicator is a quantity inside a factor; its values are shared out in
// proportion across sub-districts. An indicator is identified by its quantity.
type Indicator struct {
	Quantity string
	Weight   decimal.Decimal
}

// Performance holds the performance-rating coefficients (绩效系数) applied to
// the block grant.
type Performance struct {
	Mode         PerformanceMode
	Coefficients map[string]decimal.Decimal // rating → coefficient
}

// ProjectPerformance holds the coefficients of project ratings (项目绩效,
// rules §3 stage 4): a rated item's demand is scaled by its rating's
// coefficient, in [0, 1], before the tiers.
type ProjectPerformance struct {
	Coefficients map[string]decimal.Decimal // rating → coefficient
}

// Incentive rewards tax-source growth: Rate × max(0, Current − Previous),
// at most Budget in all.
type Incentive struct {
	Rate     decimal.Decimal
	Current  string // quantity name
	Previous string // quantity name
	Budget   *decimal.Decimal
}

// Damping is the year-on-year guard (保底封顶):
// Floor × baseline ≤ measure ≤ Ceiling × baseline, where the measure is
// the total before damping less the components Exclude names.
type Damping struct {
	Baseline string // quantity name, e.g. last year's total
	Floor    *decimal.Decimal
	Ceiling  *decimal.Decimal
	// Exclude names the components left out of the measure, among
	// DampingExcludable (personnel, public, projects, incentive); none: the
	// measure is the total before damping.
	Exclude []string
	// FloorKeepsRating tests floors on the measure without the effect of
	// the performance rating, so that a floor does not undo a poor rating.
	FloorKeepsRating bool
	// Published, when not nil, says that the baseline was taken from a
	// published result (`baseline = "@published:2025"`, docs/dated.md):
	// the loader put each sub-district's value in its quantities under
	// the name Baseline, and the damping lines cite the publication.
	Published *PublishedBaseline
}

// DampingExcludable are the components [Damping] Exclude may name, in
// rules order.
var DampingExcludable = [...]string{string(StagePersonnel), string(StagePublic), string(StageProjects), string(StageIncentive)}

// Subdistrict is one sub-district (街道) with its staff and factor data.
type Subdistrict struct {
	ID         string
	Name       string
	UnitCode   string           // 预算单位编码 in the budget system; empty: none given (classify.go)
	Rating     string           // performance rating; ignored without [performance]
	Adjustment *decimal.Decimal // regional coefficient on the block score; nil means 1
	Staff      Values           // staff category → whole headcount
	Payroll    Values           // staff category → actual annual payroll
	Quantities Values           // quantity name → value
	// ProjectRatings rates projects of this sub-district: project id →
	// a rating of [ProjectPerformance]. Unrated projects count in full.
	ProjectRatings map[string]string
	// Execution is [subdistrict.execution]: project id → last year's
	// execution rate of that project here (执行率, rules §6).
	Execution map[string]decimal.Decimal
}

// Tier is a project priority tier. Mandatory (三保) is funded first and in
// full; A to D follow in order, each within its cap.
type Tier int

// The tiers, in funding order.
const (
	TierMandatory Tier = iota
	TierA
	TierB
	TierC
	TierD
)

// Tiers lists every tier in funding order.
var tierOrder = [...]Tier{TierMandatory, TierA, TierB, TierC, TierD}

var tierNames = [...]string{"mandatory", "A", "B", "C", "D"}

// String returns the tier's name as written in a plan file.
func (t Tier) String() string {
	if t < 0 || int(t) >= len(tierNames) {
		return "?"
	}
	return tierNames[t]
}

// ParseTier reads a tier name: mandatory, A, B, C or D.
func ParseTier(s string) (Tier, bool) {
	for i, n := range tierNames {
		if n == s {
			return Tier(i), true
		}
	}
	return 0, false
}

// PerformanceMode says what happens to the money that performance
// coefficients below 1 take away.
type PerformanceMode int

const (
	// Redistribute shares the whole block grant by the adjusted scores.
	Redistribute PerformanceMode = iota
	// Reserve keeps back what the coefficients take away as a performance reserve.
	Reserve
)

// String returns the mode's name as written in a plan file.
func (m PerformanceMode) String() string {
	if m == Reserve {
		return "reserve"
	}
	return "redistribute"
}

// ParsePerformanceMode reads "redistribute" or "reserve".
func ParsePerformanceMode(s string) (PerformanceMode, bool) {
	switch s {
	case "redistribute":
		return Redistribute, true
	case "reserve":
		return Reserve, true
	}
	return 0, false
}

// Overflow says what becomes of the part of a tier's demand that its cap,
// or what remains, refuses (rules §3 stage 4).
type Overflow int

const (
	// OverflowCut leaves what a tier refuses unfunded (the default).
	OverflowCut Overflow = iota
	// OverflowDemote moves what tiers A, B and C refuse to the next tier,
	// as a demand of the same item.
	OverflowDemote
)

// String returns the overflow's name as written in a plan file.
func (o Overflow) String() string {
	if o == OverflowDemote {
		return "demote"
	}
	return "cut"
}

// ParseOverflow reads "cut" or "demote".
func ParseOverflow(s string) (Overflow, bool) {
	switch s {
	case "cut":
		return OverflowCut, true
	case "demote":
		return OverflowDemote, true
	}
	return 0, false
}
