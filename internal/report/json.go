package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// Allocations is the JSON document of a result (rules §5). Amounts are
// decimal strings in 元 with the decimal places of the rounding unit.
type Allocations struct {
	// Stamp says what the result is (stamp.go); absent only where a caller
	// has none to give.
	Stamp              *Stamp `json:"stamp,omitempty"`
	Plan               string `json:"plan"`
	District           string `json:"district,omitempty"`
	FiscalYear         int64  `json:"fiscal_year"`
	RoundingUnit       string `json:"rounding_unit"`
	Capacity           string `json:"capacity"`
	Reserve            string `json:"reserve"`
	PerformanceReserve string `json:"performance_reserve"`
	DampingReserve     string `json:"damping_reserve"`
	// DistrictPool, DistrictManaged and Transfers are where the money
	// goes (rules §6), each present when the plan has the feature: what
	// [block] amount left with the district, what its departments manage
	// for the sub-districts, and the earmarked transfers passed through.
	DistrictPool    *string           `json:"district_pool,omitempty"`
	DistrictManaged *string           `json:"district_managed,omitempty"`
	Transfers       *string           `json:"transfers,omitempty"`
	Available       string            `json:"available"`
	ProjectPool     string            `json:"project_pool"`
	Tiers           []TierJSON        `json:"tiers"`
	IncentivePool   string            `json:"incentive_pool"`
	BlockPool       string            `json:"block_pool"`
	Totals          Columns           `json:"totals"`
	Subdistricts    []SubdistrictJSON `json:"subdistricts"`
	// Equalisation measures how evenly the result spreads money per
	// person (docs/audit.md); absent when the plan has no population
	// quantity.
	Equalisation *EqualisationJSON `json:"equalisation,omitempty"`
	// Warnings are what the result should not leave unsaid (money kept
	// back, floors or ceilings binding for most 街道); absent when none.
	Warnings []WarningJSON `json:"warnings,omitempty"`
}

// WarningJSON is one warning: its stable code and its words (Chinese).
type WarningJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Warnings are r's warnings as JSON (formula.Result.Warnings), in Chinese.
func Warnings(r *formula.Result) []WarningJSON {
	var out []WarningJSON
	for _, w := range r.Warnings() {
		out = append(out, WarningJSON{Code: string(w.Code), Message: msg.Say(msg.Zh, w.Says)})
	}
	return out
}

// Columns are the component amounts and the total of one row.
type Columns struct {
	Personnel string `json:"personnel"`
	Public    string `json:"public"`
	Projects  string `json:"projects"`
	Incentive string `json:"incentive"`
	Block     string `json:"block"`
	Damping   string `json:"damping"`
	// Managed (not part of the total) and Transfers (part of it) are
	// present when the plan has district-managed projects or transfers
	// (rules §6).
	Managed   *string `json:"managed,omitempty"`
	Transfers *string `json:"transfers,omitempty"`
	Total     string  `json:"total"`
}

// TierJSON is how one project tier was funded.
type TierJSON struct {
	Tier   string  `json:"tier"`
	Demand string  `json:"demand"`
	Cap    *string `json:"cap"`
	Budget string  `json:"budget"`
	// Demoted is the part of the demand demoted from the tiers above
	// ([tiers] overflow = "demote"); absent when there is none.
	Demoted *string `json:"demoted,omitempty"`
}

// SubdistrictJSON is one sub-district's allocation with its lines.
type SubdistrictJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Columns
	// RatingEffect is what the performance rating changed in the block
	// grant (block − the block grant without ratings), present when
	// [damping] floor_keeps_rating applies.
	RatingEffect *string    `json:"rating_effect,omitempty"`
	Lines        []LineJSON `json:"lines"`
	Score        *ScoreJSON `json:"score,omitempty"`
}

// LineJSON is one line of an allocation.
type LineJSON struct {
	Stage string `json:"stage"`
	Item  string `json:"item"`
	// Name is the item as people read it (formula.Plan.ItemNames, the
	// same naming as caili explain, the statement and the workbook): 公务员,
	// 病媒生物防制, 常住人口, 保底补足; absent when the plan gives the item
	// no name (an indicator whose quantity has no [quantity_labels] name).
	Name    string `json:"name,omitempty"`
	Amount  string `json:"amount"`
	Formula string `json:"formula"`
	// Source is where the line's standard comes from: the source
	// documents of its dated values in force, or the publication its
	// damping baseline was taken from (docs/dated.md); absent when none.
	Source string `json:"source,omitempty"`
}

// ScoreJSON is a sub-district's factor score broken down by indicator.
type ScoreJSON struct {
	Score      string `json:"score"`
	Adjustment string `json:"adjustment"`
	Rating     string `json:"rating,omitempty"`
	Coef       string `json:"coefficient"`
	Adjusted   string `json:"adjusted"`
	// ScoreFraction and AdjustedFraction are the score and adjusted
	// score exactly, as fractions of whole numbers in lowest terms
	// ("4453057/14822280"), the numbers the formula text uses.
	ScoreFraction    string          `json:"score_fraction"`
	AdjustedFraction string          `json:"adjusted_fraction"`
	Formula          string          `json:"formula"`
	Indicators       []IndicatorJSON `json:"indicators"`
}

// IndicatorJSON is one indicator's part of a score.
type IndicatorJSON struct {
	Factor       string `json:"factor"`
	FactorName   string `json:"factor_name"`
	FactorWeight string `json:"factor_weight"`
	Quantity     string `json:"quantity"`
	// QuantityName and Unit are the quantity's [quantity_labels] name and
	// unit (常住人口, 人); each absent when the label does not give it.
	QuantityName string `json:"quantity_name,omitempty"`
	Unit         string `json:"unit,omitempty"`
	Weight       string `json:"weight"`
	Value        string `json:"value"`
	DistrictSum  string `json:"district_sum"`
	Part         string `json:"part"`
	// PartFraction is the part exactly, a fraction of whole numbers in
	// lowest terms ("1/19").
	PartFraction string `json:"part_fraction"`
}

// columns formats a row's six components and its total.
func columns(f numfmt.Fmt, c [6]decimal.Decimal, total decimal.Decimal) Columns {
	return Columns{Personnel: f.Amount(c[0]), Public: f.Amount(c[1]), Projects: f.Amount(c[2]), Incentive: f.Amount(c[3]),
		Block: f.Amount(c[4]), Damping: f.Amount(c[5]), Total: f.Amount(total)}
}

// NewAllocations builds the JSON document of a result. withScores adds each
// sub-district's score breakdown.
func NewAllocations(r *formula.Result, withScores bool) *Allocations {
	doc := allocationsHead(r)
	f := numfmt.NewFmt(r)
	p := r.Plan
	doc.Subdistricts = make([]SubdistrictJSON, len(r.Subdistricts))
	names := p.ItemNames()
	for i := range r.Subdistricts {
		doc.Subdistricts[i] = subdistrict(f, p, names, &r.Subdistricts[i], withScores)
	}
	doc.Equalisation = NewEqualisation(r)
	doc.Warnings = Warnings(r)
	return doc
}

// allocationsHead is the JSON document of a result up to its
// sub-districts, which are an empty list (the stream writes them).
func allocationsHead(r *formula.Result) *Allocations {
	f := numfmt.NewFmt(r)
	p := r.Plan
	t := r.Totals()
	doc := &Allocations{
		Plan: p.Name, District: p.District, FiscalYear: p.FiscalYear,
		RoundingUnit:       r.Unit.String(),
		Capacity:           f.Amount(r.Capacity),
		Reserve:            f.Amount(r.Reserve),
		PerformanceReserve: f.Amount(r.PerformanceReserve),
		DampingReserve:     f.Amount(r.DampingReserve),
		Available:          f.Amount(r.Available),
		ProjectPool:        f.Amount(r.Pool),
		IncentivePool:      f.Amount(r.IncentivePool),
		BlockPool:          f.Amount(r.BlockPool),
		Totals:             columns(f, [6]decimal.Decimal(t[:6]), t[6]),
		Tiers:              []TierJSON{},
		Subdistricts:       []SubdistrictJSON{},
	}
	for _, to := range r.Tiers {
		tj := TierJSON{Tier: to.Tier.String(), Demand: f.Amount(to.Demand), Budget: f.Amount(to.Budget)}
		if to.Cap != nil {
			c := f.Amount(*to.Cap)
			tj.Cap = &c
		}
		if to.Demoted.Sign() > 0 {
			d := f.Amount(to.Demoted)
			tj.Demoted = &d
		}
		doc.Tiers = append(doc.Tiers, tj)
	}
	doc.DistrictPool = optAmount(f, p.KeepsDistrictPool(), r.DistrictPool)
	doc.DistrictManaged = optAmount(f, p.HasDistrictManaged(), r.DistrictManaged)
	doc.Transfers = optAmount(f, p.HasTransfers(), r.Transfers)
	doc.Totals.Managed, doc.Totals.Transfers = doc.DistrictManaged, doc.Transfers
	return doc
}

// optAmount formats an amount of rules §6 when the plan has its feature;
// nil otherwise.
func optAmount(f numfmt.Fmt, has bool, x decimal.Decimal) *string {
	if !has {
		return nil
	}
	s := f.Amount(x)
	return &s
}

// NewSubdistrict builds the JSON of one allocation of result r, its
// lines and score parts named as in the whole result's JSON.
func NewSubdistrict(r *formula.Result, a *formula.Allocation, withScore bool) SubdistrictJSON {
	return subdistrict(numfmt.NewFmt(r), r.Plan, r.Plan.ItemNames(), a, withScore)
}

// subdistrict builds the JSON of one allocation, naming its items by names
// and its quantities by plan's [quantity_labels].
func subdistrict(f numfmt.Fmt, plan *formula.Plan, names formula.ItemNames, a *formula.Allocation, withScore bool) SubdistrictJSON {
	s := SubdistrictJSON{ID: a.ID, Name: a.Name, Columns: columns(f, a.Components(), a.Total), Lines: make([]LineJSON, len(a.Lines))}
	if plan != nil {
		s.Managed = optAmount(f, plan.HasDistrictManaged(), a.Managed)
		s.Transfers = optAmount(f, plan.HasTransfers(), a.Transfers)
	}
	if a.RatingEffect != nil {
		e := f.Amount(*a.RatingEffect)
		s.RatingEffect = &e
	}
	for k, l := range a.Lines {
		s.Lines[k] = LineJSON{Stage: string(l.Stage), Item: l.Item, Name: names.Of(l.Stage, l.Item), Amount: f.Amount(l.Amount), Formula: l.Formula(), Source: l.Source()}
	}
	if withScore && len(a.Score.Parts) > 0 {
		sc := &ScoreJSON{
			Score: formula.FormatRat(a.Score.Total()), Adjustment: a.Score.Adjustment.String(), Rating: a.Score.Rating,
			Coef: a.Score.Coef.String(), Adjusted: formula.FormatRat(a.Score.Adjusted()), Formula: a.Score.Formula(),
			ScoreFraction: formula.Fraction(a.Score.Total()), AdjustedFraction: formula.Fraction(a.Score.Adjusted()),
		}
		for _, p := range a.Score.Parts {
			sc.Indicators = append(sc.Indicators, IndicatorJSON{
				Factor: p.Factor, FactorName: p.FactorName, FactorWeight: p.FactorWeight.String(),
				Quantity: p.Quantity, QuantityName: names.Of(formula.StageBlock, p.Quantity), Unit: quantityUnit(plan, p.Quantity),
				Weight: p.Weight.String(), Value: p.Value.String(),
				DistrictSum: p.DistrictSum.String(), Part: formula.FormatRat(p.Part()), PartFraction: formula.Fraction(p.Part()),
			})
		}
		s.Score = sc
	}
	return s
}

// quantityUnit is the unit a quantity's label gives, "" when none.
func quantityUnit(p *formula.Plan, q string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(p.QuantityUnit(q))
}

// WriteJSON writes a result as indented JSON (rules §5).
func WriteJSON(w io.Writer, r *formula.Result) error {
	return WriteJSONStamped(w, r, nil)
}

// WriteJSONStamped is WriteJSON with the result's stamp first. It writes
// one sub-district at a time (jsonstream.go): the bytes of EncodeJSON of
// NewAllocations(r, true) with the stamp, never the whole document at once.
func WriteJSONStamped(w io.Writer, r *formula.Result, st *Stamp) error {
	return streamAllocations(w, r, st, true)
}

// WriteJSONUnnamed is WriteJSONStamped without the names beside the ids
// (line name, quantity_name, unit): the bytes caili wrote before results
// carried them, so that caili verify still accepts a result published
// then.
func WriteJSONUnnamed(w io.Writer, r *formula.Result, st *Stamp) error {
	return streamAllocations(w, r, st, false)
}

// EncodeJSON writes any report document as indented JSON without HTML escaping.
func EncodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	if err := encodeTo(&buf, v, ""); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// encodeTo encodes v into buf as EncodeJSON does, every line after the
// first beginning with prefix.
func encodeTo(buf *bytes.Buffer, v any, prefix string) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	return enc.Encode(v)
}
