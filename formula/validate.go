package formula

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// This file holds what validation shares: the validator and its checks of
// ids, names, signs and bases, entry paths, and the record of quantity
// references. The tables are checked in validate_plan.go and the
// sub-districts in validate_subdistricts.go.

// Validate checks the plan against every rule of rules §2 and returns all
// problems found, in a stable order. An empty result means the plan can be
// compiled.
func (p *Plan) Validate() []Problem { return p.validate(true) }

// validate is Validate; without rows, the checks that read only the
// sub-districts, the names the standards use and the keys of the rating
// tables (which a numeric override can add to but never take from) are
// left out: they are those of a base plan that passed them (derive.go).
func (p *Plan) validate(rows bool) []Problem {
	var ps problems
	v := newValidator(p, &ps)
	v.tables()
	if rows {
		v.subdistricts()
		v.successions() // succession.go
	}
	v.executionRules() // execution_rule.go
	if rows {
		v.zeroIndicators()
	}
	v.zeroTransfers()
	if rows {
		v.quantityLabels() // labels are text, and checked against the sub-districts' quantities
	}
	return ps
}

// newValidator starts the validation of p into ps.
func newValidator(p *Plan, ps *problems) *validator {
	return &validator{p: p, ps: ps, one: decimal.NewFromInt(1), staffIDs: map[string]bool{}, refs: newQuantityRefs()}
}

// tables checks every table but the sub-districts and what reads them.
func (v *validator) tables() {
	v.header()
	v.staff()
	v.quotas()
	v.projects()
	v.tierCaps()
	v.projectPerformance()
	v.factors()
	v.performance()
	v.incentive()
	v.damping()
	v.money()
	v.staffRefs()
}

// validator collects the problems of one plan, table by table.
type validator struct {
	p        *Plan
	ps       *problems       // what Validate returns (held by pointer so that the rest of the validator stays on the stack)
	one      decimal.Decimal // the bound of rates and shares, and the sum of weights
	staffIDs map[string]bool // the [[staff]] ids, for references to them
	refs     *quantityRefs   // every quantity name the standards use
	absent   map[string]bool // of those, the ones no sub-district has
}

// nonNeg reports d if it is negative. The path is prefix+key, joined only
// when there is a problem.
func (v *validator) nonNeg(prefix, key string, d decimal.Decimal) {
	if d.Sign() < 0 {
		v.ps.say(CodeOutOfRange, prefix+key, textNegative, d)
	}
}

// checkID checks the id of entry i of an array of tables against the ids
// seen so far, records it, and returns the entry's path.
func (v *validator) checkID(table, id string, i int, seen map[string]bool) string {
	path := EntryPath(table, id, i)
	switch {
	case id == "":
		v.ps.say(CodeMissing, path+".id", textMissing)
	case !validID(id):
		v.ps.say(CodeBadID, path+".id", textBadID, id)
	case seen[id]:
		v.ps.say(CodeDuplicateID, EntryPath(table, "", i)+".id", textDuplicateID, id)
	}
	seen[id] = true
	return path
}

// checkName reports an entry's blank name.
func (v *validator) checkName(path, name string) {
	if strings.TrimSpace(name) == "" {
		v.ps.say(CodeMissing, path+".name", textNotEmpty)
	}
}

// checkBasis reports an empty basis and records the quantities it uses.
func (v *validator) checkBasis(path string, basis []string) {
	if len(basis) == 0 {
		v.ps.say(CodeMissing, path, textEmptyBasis)
	}
	for _, q := range basis {
		v.refs.use(q, path)
	}
}

// validID reports whether id matches ^[a-z][a-z0-9_-]*$.
func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z':
		case i > 0 && ('0' <= c && c <= '9' || c == '_' || c == '-'):
		default:
			return false
		}
	}
	return id != ""
}

// StaffRefPrefix marks a quantity name that is a headcount: `staff.ID` is
// the headcount of staff category ID.
const StaffRefPrefix = "staff."

// EntryPath names an entry of an array of tables the way problems do:
// by id when it has one (`subdistrict[west]`), else by its 1-based
// position (`subdistrict[3]`).
func EntryPath(table, id string, index int) string {
	if id != "" {
		return table + "[" + id + "]"
	}
	return fmt.Sprintf("%s[%d]", table, index+1)
}

// unit returns the plan's rounding unit, reporting false unless it is a
// power of ten from 0.01 to 10000 (rules §1.2: zero is an error, not
// "unset"; package standards writes 1 for a plan file that leaves it out).
func (p *Plan) unit() (unit, bool) { return newUnit(p.RoundingUnit) }

// quantity looks up a quantity name for one sub-district; `staff.ID` is a
// headcount (missing = 0).
func (p *Plan) quantity(s Subdistrict, name string) (decimal.Decimal, bool) {
	if id, ok := strings.CutPrefix(name, StaffRefPrefix); ok {
		return s.Staff.Value(id), true
	}
	v, ok := s.Quantities.Get(name)
	return v, ok
}

// quantityRefs records every quantity name a plan uses, in first-use order,
// with the first place that uses it.
type quantityRefs struct {
	order []string
	where map[string]string
}

func newQuantityRefs() *quantityRefs { return &quantityRefs{where: map[string]string{}} }

func (r *quantityRefs) use(name, path string) {
	if _, ok := r.where[name]; !ok {
		r.where[name] = path
		r.order = append(r.order, name)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sortedTiers(m map[Tier]decimal.Decimal) []Tier {
	ts := make([]Tier, 0, len(m))
	for t := range m {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	return ts
}
