package formula

import (
	"github.com/shopspring/decimal"
)

// This file holds the plan's tables of rules §6, where the money goes: a
// fixed block grant with the rest kept by the district ([block]), tier
// caps on the whole budget ([tiers] cap_base), district-managed projects
// (统分结合), earmarked transfers ([[transfer]]) and execution-rate cuts
// ([project_execution]). A plan without them computes as before.

// Block is [block]: the most stage 6 shares out, block grant and
// performance reserve together (因素分配资金). What the stages leave
// beyond it stays with the district (区级统筹).
type Block struct {
	// Amount caps what stage 6 shares out; nil: all that is left.
	Amount *decimal.Decimal
}

// CapBase says what a tier's max_share is a share of (rules §6): the
// project pool of stage 3 (the default) or the available capacity.
type CapBase int

const (
	// CapPool caps a tier at max_share × the project pool (the default).
	CapPool CapBase = iota
	// CapAvailable caps a tier at max_share × the available capacity,
	// the "部门预算总盘子" of 罗湖's 25% rule.
	CapAvailable
)

// String returns the cap base's name as written in a plan file.
func (c CapBase) String() string {
	if c == CapAvailable {
		return "available"
	}
	return "pool"
}

// ParseCapBase reads "pool" or "available".
func ParseCapBase(s string) (CapBase, bool) {
	switch s {
	case "pool":
		return CapPool, true
	case "available":
		return CapAvailable, true
	}
	return 0, false
}

// Management says who spends a project's funds (rules §6).
type Management int

const (
	// ManagedBySubdistrict hands the project's funds to the sub-district
	// (the default).
	ManagedBySubdistrict Management = iota
	// ManagedByDistrict has the district's department spend them on the
	// sub-district's behalf (统分结合): they are not part of its total.
	ManagedByDistrict
)

// String returns the management's name as written in a plan file.
func (g Management) String() string {
	if g == ManagedByDistrict {
		return "district"
	}
	return "subdistrict"
}

// ParseManagement reads "subdistrict" or "district".
func ParseManagement(s string) (Management, bool) {
	switch s {
	case "subdistrict":
		return ManagedBySubdistrict, true
	case "district":
		return ManagedByDistrict, true
	}
	return 0, false
}

// Transfer is an earmarked transfer from above (上级专项转移支付), passed
// through to the sub-districts by its own basis: outside capacity, the
// pool and the damping guard.
type Transfer struct {
	ID     string
	Name   string
	Amount decimal.Decimal // a multiple of the rounding unit
	Basis  []string        // quantity names whose values are summed
	Codes  Codes           // classification (classify.go); empty: the defaults
}

// ProjectExecution is [project_execution]: the bands of execution-rate
// cuts (预算执行慢的项目按比例压减).
type ProjectExecution struct {
	Bands []ExecutionBand // below strictly increasing
}

// ExecutionBand cuts the demand of an item whose execution rate is below
// Below (and not below an earlier band's) by Coefficient.
type ExecutionBand struct {
	Below       decimal.Decimal // > 0
	Coefficient decimal.Decimal // in [0, 1]
}

// executionBand returns the first band whose below exceeds rate, and
// whether there is one.
func (pe *ProjectExecution) executionBand(rate decimal.Decimal) (int, bool) {
	if pe == nil {
		return 0, false
	}
	for k, b := range pe.Bands {
		if b.Below.GreaterThan(rate) {
			return k, true
		}
	}
	return 0, false
}

// KeepsDistrictPool reports whether the plan has [block] amount, so that
// its results have a district_pool (rules §6).
func (p *Plan) KeepsDistrictPool() bool { return p.Block != nil && p.Block.Amount != nil }

// HasDistrictManaged reports whether a project of the plan is managed by
// the district, so that its results have managed figures (rules §6).
func (p *Plan) HasDistrictManaged() bool {
	for _, pr := range p.Projects {
		if pr.Managed == ManagedByDistrict {
			return true
		}
	}
	return false
}

// HasTransfers reports whether the plan has [[transfer]] entries, so that
// its results have transfers (rules §6).
func (p *Plan) HasTransfers() bool { return len(p.Transfers) > 0 }
