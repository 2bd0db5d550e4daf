package formula

import (
	"slices"

	"github.com/shopspring/decimal"
)

// This file checks the tables of rules §6, where the money goes: [block]
// amount, [tiers] cap_base, a project's managed, [project_execution] and
// its bands, the [[transfer]] entries, and each sub-district's
// [subdistrict.execution] rates.

// money checks the tables of rules §6 other than the sub-districts'.
func (v *validator) money() {
	p := v.p
	u, okUnit := p.unit()
	if b := p.Block; b != nil && b.Amount != nil {
		v.nonNeg("block.amount", "", *b.Amount)
		if okUnit && !u.isMultiple(*b.Amount) {
			v.ps.say(CodeNotMultiple, "block.amount", textNotMultipleOfUnit, u.d, *b.Amount)
		}
	}
	if c := p.TierCapBase; c != CapPool && c != CapAvailable {
		v.ps.say(CodeBadValue, "tiers.cap_base", textBadCapBase)
	}
	for i, pr := range p.Projects {
		if g := pr.Managed; g != ManagedBySubdistrict && g != ManagedByDistrict {
			v.ps.say(CodeBadValue, EntryPath("project", pr.ID, i)+".managed", textBadManaged)
		}
	}
	v.executionBands()
	seen := map[string]bool{}
	for i, t := range p.Transfers {
		path := v.checkID("transfer", t.ID, i, seen)
		v.checkName(path, t.Name)
		v.nonNeg(path, ".amount", t.Amount)
		if okUnit && !u.isMultiple(t.Amount) {
			v.ps.say(CodeNotMultiple, path+".amount", textNotMultipleOfUnit, u.d, t.Amount)
		}
		v.checkBasis(path+".basis", t.Basis)
		v.checkCodes(path, t.Codes)
	}
	v.checkStageCodes() // classify.go
}

// executionBands checks [project_execution]: at least one band, each
// below above zero and above the band before it, each coefficient in
// [0, 1].
func (v *validator) executionBands() {
	pe := v.p.ProjectExecution
	if pe == nil {
		return
	}
	if len(pe.Bands) == 0 {
		v.ps.say(CodeMissing, "project_execution.bands", textNeedBand)
	}
	for k, b := range pe.Bands {
		path := EntryPath("project_execution.bands", "", k)
		switch {
		case b.Below.Sign() <= 0:
			v.ps.say(CodeOutOfRange, path+".below", textBandBelow, b.Below)
		case k > 0 && !b.Below.GreaterThan(pe.Bands[k-1].Below):
			v.ps.say(CodeBandsOrder, path+".below", textBandsIncreasing, b.Below, pe.Bands[k-1].Below)
		}
		if c := b.Coefficient; c.Sign() < 0 || c.GreaterThan(v.one) {
			v.ps.say(CodeOutOfRange, path+".coefficient", textCoefficientRange, c)
		}
	}
}

// executionRates checks [subdistrict.execution]: each key a project that
// is not mandatory, each rate not negative, and a [project_execution]
// table to read them by.
func (v *validator) executionRates(path string, s Subdistrict) {
	for id, rate := range s.Execution {
		kp := path + ".execution." + id
		j := slices.IndexFunc(v.p.Projects, func(pr Project) bool { return pr.ID == id })
		switch {
		case j < 0:
			v.ps.say(CodeUnknownRef, kp, textNotProjectID, id)
		case v.p.Projects[j].Tier == TierMandatory:
			v.ps.say(CodeExecutionMandatory, kp, textExecutionMandatory, id, v.p.Projects[j].Name)
		}
		v.nonNeg(kp, "", rate)
		if v.p.ProjectExecution == nil {
			v.ps.say(CodeUnknownRef, kp, textExecutionNoTable)
		}
	}
}

// zeroTransfers reports a transfer of an amount above zero whose basis is
// zero in every sub-district: nobody to pass it to. A basis with a
// missing quantity is reported as missing, not here.
func (v *validator) zeroTransfers() {
	p := v.p
	if len(p.Subdistricts) == 0 {
		return
	}
	for i, t := range p.Transfers {
		if t.Amount.Sign() <= 0 || len(t.Basis) == 0 {
			continue
		}
		sum, ok := decimal.Zero, true
		for _, s := range p.Subdistricts {
			for _, q := range t.Basis {
				x, has := p.quantity(s, q)
				ok = ok && has
				sum = sum.Add(x)
			}
		}
		if ok && sum.IsZero() {
			v.ps.say(CodeZeroBasis, EntryPath("transfer", t.ID, i)+".basis", textTransferZeroBasis, t.Amount)
		}
	}
}
