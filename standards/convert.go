package standards

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// converter turns a document into a formula.Plan, collecting problems by
// key path (id form, as formula names them).
type converter struct {
	ps   []formula.Problem
	year int64           // [plan] fiscal_year, which dated values are read for (dated.go); 0 when wrong
	pub  *publishedCache // reads published baselines (published.go)
	// pubNames are the names of the sub-districts of the published result
	// a baseline was read from, by id (succession.go's notes).
	pubNames map[string]string
	// numbering is the last numbering of 街道's staff, payroll and
	// quantities, shared by the next 街道 with the same keys (namesOf).
	numbering [3]*formula.Names
}

func (c *converter) add(path string, why *Reason) {
	c.addCode(formula.CodeBadValue, path, why)
}

// addCode records a problem of a given code.
func (c *converter) addCode(code formula.Code, path string, why *Reason) {
	c.ps = append(c.ps, why.problem("", 0, path, code))
}

// missing records that the value at path is absent.
func (c *converter) missing(path string) {
	c.ps = append(c.ps, msg.Missing.At(formula.CodeMissing, path))
}

func (c *converter) num(path string, n Number, required bool) decimal.Decimal {
	switch {
	case !n.Set:
		if required {
			c.missing(path)
		}
	case n.Problem != nil:
		c.add(path, n.Problem)
	case n.dated != nil:
		c.notDated(path, n)
	}
	return n.Dec
}

func (c *converter) optNum(path string, n Number) *decimal.Decimal {
	if !n.Set {
		return nil
	}
	d := c.num(path, n, false)
	return &d
}

func (c *converter) text(path string, t Text, required bool) string {
	switch {
	case !t.Set:
		if required {
			c.missing(path)
		}
	case t.Problem != nil:
		c.add(path, t.Problem)
	}
	return t.S
}

func (c *converter) names(path string, l Names) []string {
	switch {
	case !l.Set:
		c.missing(path)
	case l.Problem != nil:
		c.add(path, l.Problem)
	}
	return l.List
}

func (c *converter) numMap(path string, m map[string]Number) map[string]decimal.Decimal {
	out := make(map[string]decimal.Decimal, len(m))
	for k, n := range m {
		if n.Problem == nil && n.dated == nil { // the path only for a problem (issue 25 §2)
			out[k] = n.Dec
			continue
		}
		out[k] = c.num(path+"."+k, n, false)
	}
	return out
}

// numValues converts a 街道's map of numbers to values numbered by
// namesOf(m, names).
func (c *converter) numValues(path string, m map[string]Number, names **formula.Names) formula.Values {
	v := formula.NewValues(namesOf(m, names))
	for k, n := range m {
		if n.Problem == nil && n.dated == nil { // the path only for a problem (issue 25 §2)
			v.Set(k, n.Dec)
			continue
		}
		v.Set(k, c.num(path+"."+k, n, false))
	}
	return v
}

// namesOf is *last when it numbers exactly the keys of m, else names of
// m's keys, kept in *last for the next 街道: 街道 of one plan mostly
// have the same keys, and so share one numbering (formula.Values).
func namesOf[V any](m map[string]V, last **formula.Names) *formula.Names {
	if n := *last; n != nil && n.Len() == len(m) {
		same := true
		for k := range m {
			if !n.Has(k) {
				same = false
				break
			}
		}
		if same {
			return n
		}
	}
	*last = formula.NewNames(slices.Sorted(maps.Keys(m))...)
	return *last
}

// textMap converts a map of texts; nil when there is none.
func (c *converter) textMap(path string, m map[string]Text) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, t := range m {
		out[k] = c.text(path+"."+k, t, false)
	}
	return out
}

// plan converts the whole document, table by table.
func (c *converter) plan(d *document) *formula.Plan {
	p := &formula.Plan{}
	c.planTable(p, d.Plan)
	c.year, c.pub = p.FiscalYear, d.published
	p.Staff = c.staff(d.Staff)
	p.Quotas = c.quotas(d.Quota)
	p.Projects = c.projects(d.Project)
	p.TierCaps, p.TierOverflow, p.TierCapBase = c.tiers(d.Tiers, d.fileOf("tiers"))
	p.ProjectPerformance = c.projectPerformance(d.ProjectPerformance)
	p.Factors = c.factors(d.Factor)
	p.Performance = c.performance(d.Performance)
	p.Incentive = c.incentive(d.Incentive)
	p.Damping = c.damping(d.Damping)
	c.money(p, &d.moneyDoc, d.fileOf("project_execution"))
	p.Subdistricts = c.subdistricts(d.Subdistrict)
	p.Successions = c.successions(d.Succession)          // succession.go
	p.ExecutionRules = c.executionRules(d.ExecutionRule) // succession.go
	p.QuantityLabels = c.quantityLabels(d.QuantityLabels, d.fileOf("quantity_labels"))
	if p.Damping != nil {
		base := c.published(p.Damping, p.Damping.Exclude)
		withBaseline(p.Subdistricts, p.Damping.Baseline, c.succeed(p, base, c.pubNames))
	}
	// classify.go: the codes are checked against the catalogue the plan
	// names; without one, the built-in table names what it knows.
	p.Catalogue = d.catalogue
	c.checkCatalogue(p)
	c.uses(d.Use, d.catalogue) // uses.go
	if p.Catalogue == nil {
		p.Catalogue = builtinCatalogue()
	}
	return p
}

// planTable converts [plan] into the plan's own fields.
func (c *converter) planTable(p *formula.Plan, pd *planDoc) {
	if pd == nil {
		c.addCode(formula.CodeMissing, "plan", because(msg.StdPlanTable))
		return
	}
	p.Name = c.text("plan.name", pd.Name, true)
	p.District = c.text("plan.district", pd.District, false)
	fy := c.num("plan.fiscal_year", pd.FiscalYear, true)
	if pd.FiscalYear.Set && pd.FiscalYear.Problem == nil {
		if !fy.IsInteger() || fy.LessThan(decimal.NewFromInt(1)) || fy.GreaterThan(decimal.NewFromInt(9999)) {
			c.add("plan.fiscal_year", because(msg.StdFiscalYear, fy))
		} else {
			p.FiscalYear = fy.IntPart()
		}
	}
	p.Capacity = c.num("plan.capacity", pd.Capacity, true)
	p.RoundingUnit = c.num("plan.rounding_unit", pd.RoundingUnit, false)
	if !pd.RoundingUnit.Set {
		p.RoundingUnit = decimal.NewFromInt(1)
	}
	p.ReserveRate = c.num("plan.reserve_rate", pd.ReserveRate, false)
	p.Population = c.text("plan.population", pd.Population, false)
}

func (c *converter) staff(sd []staffDoc) []formula.Staff {
	var out []formula.Staff
	for i, s := range sd {
		path := formula.EntryPath("staff", s.ID.S, i)
		var src sources
		st := formula.Staff{
			ID:         c.text(path+".id", s.ID, true),
			Name:       c.text(path+".name", s.Name, true),
			AnnualPay:  c.dated(path+".annual_pay", s.AnnualPay, true, &src),
			OncostRate: c.dated(path+".oncost_rate", s.OncostRate, false, &src),
			Codes:      c.codes(path, s.codesDoc),
		}
		st.Source = src.String()
		out = append(out, st)
	}
	return out
}

// codes converts the classification codes of the entry at path.
func (c *converter) codes(path string, d codesDoc) formula.Codes {
	return formula.Codes{
		Function: c.text(path+".function_code", d.FunctionCode, false),
		Economic: c.text(path+".economic_code", d.EconomicCode, false),
		// classify.go
		GovEconomic: c.text(path+".gov_economic_code", d.GovEconomicCode, false),
		Class:       c.text(path+".class", d.Class, false),
		Fund:        c.text(path+".fund", d.Fund, false),
		DocNo:       c.text(path+".doc_no", d.DocNo, false),
	}
}

func (c *converter) quotas(qd []quotaDoc) []formula.Quota {
	var out []formula.Quota
	for i, q := range qd {
		path := formula.EntryPath("quota", q.ID.S, i)
		var src sources
		fq := formula.Quota{
			ID:    c.text(path+".id", q.ID, true),
			Name:  c.text(path+".name", q.Name, true),
			Rate:  c.dated(path+".rate", q.Rate, true, &src),
			Basis: c.names(path+".basis", q.Basis),
			Codes: c.codes(path, q.codesDoc),
		}
		fq.Source = src.String()
		out = append(out, fq)
	}
	return out
}

func (c *converter) projects(pd []projectDoc) []formula.Project {
	var out []formula.Project
	for i, pr := range pd {
		path := formula.EntryPath("project", pr.ID.S, i)
		var src sources
		fp := formula.Project{
			ID:       c.text(path+".id", pr.ID, true),
			Name:     c.text(path+".name", pr.Name, true),
			UnitCost: c.dated(path+".unit_cost", pr.UnitCost, true, &src),
			Basis:    c.names(path+".basis", pr.Basis),
			Codes:    c.codes(path, pr.codesDoc),
		}
		fp.Source = src.String()
		fp.Managed, fp.Department = c.managed(path, pr)
		if tier := c.text(path+".tier", pr.Tier, true); pr.Tier.Set && pr.Tier.Problem == nil {
			t, ok := formula.ParseTier(tier)
			if !ok {
				c.add(path+".tier", because(msg.StdTierGot, quote(tier)))
			}
			fp.Tier = t
		}
		out = append(out, fp)
	}
	return out
}

// tiers converts [tiers]: the caps of [tiers.X] in name order (nil when
// there are none; a table without max_share caps nothing) and overflow.
// Keys it does not know are reported as unknown keys of file.
func (c *converter) tiers(td map[string]*tierDoc, file string) (map[formula.Tier]decimal.Decimal, formula.Overflow, formula.CapBase) {
	var overflow formula.Overflow
	var base formula.CapBase
	if len(td) == 0 {
		return nil, overflow, base
	}
	unknown := func(path, typed string, keys []string) {
		c.ps = append(c.ps, unknownKey(file, path, typed, keys))
	}
	caps := map[formula.Tier]decimal.Decimal{}
	for _, name := range sortedNames(td) {
		e, path := td[name], "tiers."+name
		switch {
		case name == "overflow" && e.table:
			c.add(path, because(msg.StdOverflowTable))
		case name == "overflow":
			if o := c.text(path, e.Value, false); e.Value.Problem == nil {
				v, ok := formula.ParseOverflow(o)
				if !ok {
					c.add(path, because(msg.StdOverflowGot, quote(o)))
				}
				overflow = v
			}
		case name == "cap_base":
			base = c.capBase(path, e)
		case !e.table:
			unknown(path, name, tiersKeys())
		default:
			for _, k := range e.unknown {
				unknown(path+"."+k, k, tierKeys())
			}
			t, ok := formula.ParseTier(name)
			if !ok || t == formula.TierMandatory {
				c.addCode(formula.CodeUnknownRef, path, because(msg.StdUnknownTier))
				continue
			}
			if e.MaxShare.Set {
				caps[t] = c.num(path+".max_share", e.MaxShare, false)
			}
		}
	}
	return caps, overflow, base
}

// projectPerformance converts [project_performance].
func (c *converter) projectPerformance(pd *projectPerformanceDoc) *formula.ProjectPerformance {
	if pd == nil {
		return nil
	}
	if pd.Coefficients == nil {
		c.missing("project_performance.coefficients")
	}
	return &formula.ProjectPerformance{Coefficients: c.numMap("project_performance.coefficients", pd.Coefficients)}
}

func (c *converter) factors(fd []factorDoc) []formula.Factor {
	var out []formula.Factor
	for i, f := range fd {
		path := formula.EntryPath("factor", f.ID.S, i)
		ff := formula.Factor{
			ID:     c.text(path+".id", f.ID, true),
			Name:   c.text(path+".name", f.Name, true),
			Weight: c.num(path+".weight", f.Weight, true),
		}
		for k, in := range f.Indicator {
			ipath := formula.EntryPath(path+".indicator", in.Quantity.S, k)
			ff.Indicators = append(ff.Indicators, formula.Indicator{
				Quantity: c.text(ipath+".quantity", in.Quantity, true),
				Weight:   c.num(ipath+".weight", in.Weight, true),
			})
		}
		out = append(out, ff)
	}
	return out
}

func (c *converter) performance(pd *performanceDoc) *formula.Performance {
	if pd == nil {
		return nil
	}
	perf := &formula.Performance{Coefficients: c.numMap("performance.coefficients", pd.Coefficients)}
	if mode := c.text("performance.mode", pd.Mode, false); pd.Mode.Set && pd.Mode.Problem == nil {
		m, ok := formula.ParsePerformanceMode(mode)
		if !ok {
			c.add("performance.mode", because(msg.StdModeGot, quote(mode)))
		}
		perf.Mode = m
	}
	if pd.Coefficients == nil {
		c.missing("performance.coefficients")
	}
	return perf
}

func (c *converter) incentive(id *incentiveDoc) *formula.Incentive {
	if id == nil {
		return nil
	}
	return &formula.Incentive{
		Rate:     c.num("incentive.rate", id.Rate, true),
		Current:  c.text("incentive.current", id.Current, true),
		Previous: c.text("incentive.previous", id.Previous, true),
		Budget:   c.optNum("incentive.budget", id.Budget),
	}
}

func (c *converter) damping(dd *dampingDoc) *formula.Damping {
	if dd == nil {
		return nil
	}
	dm := &formula.Damping{
		Baseline: c.text("damping.baseline", dd.Baseline, true),
		Floor:    c.optNum("damping.floor", dd.Floor),
		Ceiling:  c.optNum("damping.ceiling", dd.Ceiling),
	}
	if dd.Exclude.Problem != nil {
		c.add("damping.exclude", dd.Exclude.Problem)
	}
	dm.Exclude = dd.Exclude.List
	if dd.FloorKeepsRating.Problem != nil {
		c.add("damping.floor_keeps_rating", dd.FloorKeepsRating.Problem)
	}
	dm.FloorKeepsRating = dd.FloorKeepsRating.B
	return dm
}

func (c *converter) subdistricts(sd []subdistrictDoc) []formula.Subdistrict {
	var out []formula.Subdistrict
	for i, s := range sd {
		path := formula.EntryPath("subdistrict", s.ID.S, i)
		fs := formula.Subdistrict{
			ID:             c.text(path+".id", s.ID, true),
			Name:           c.text(path+".name", s.Name, true),
			UnitCode:       c.text(path+".unit_code", s.UnitCode, false),
			Rating:         c.text(path+".performance", s.Performance, false),
			Adjustment:     c.optNum(path+".adjustment", s.Adjustment),
			ProjectRatings: c.textMap(path+".project_ratings", s.ProjectRatings),
			Execution:      c.execution(path+".execution", s.Execution),
		}
		if s.data != nil { // read from a data file: shared, never changed (a patch copies a map first)
			fs.Staff, fs.Payroll, fs.Quantities = s.data.Staff, s.data.Payroll, s.data.Quantities
		} else {
			fs.Staff = c.numValues(path+".staff", s.Staff, &c.numbering[0])
			fs.Payroll = c.numValues(path+".payroll", s.Payroll, &c.numbering[1])
			fs.Quantities = c.numValues(path+".quantities", s.Quantities, &c.numbering[2])
		}
		out = append(out, fs)
	}
	return out
}

// compile converts the document and compiles the plan, which validates
// it once. On failure it returns every problem: what decoding and
// conversion found first, then the rules', leaving out a rule's problem
// where conversion already named its path (or an enclosing one).
func compile(d *document) (*formula.Model, []formula.Problem, error) {
	c := &converter{}
	p := c.plan(d)
	ps := append(slices.Clone(d.pending), c.ps...)
	var rules []formula.Problem
	if len(ps) == 0 {
		m, err := formula.Compile(p)
		if err == nil {
			return m, nil, nil
		}
		var inv *formula.InvalidPlanError
		if !errors.As(err, &inv) {
			return nil, nil, fmt.Errorf("compile plan: %w", err)
		}
		rules = inv.Problems
	} else {
		rules = p.Validate()
	}
	rules = suggestQuantities(rules, p)
	seen := map[string]bool{}
	for _, pr := range ps {
		seen[pr.Path] = true
	}
	for _, fp := range rules {
		if !seen[fp.Path] && !coveredBy(fp.Path, seen) {
			ps = append(ps, fp)
		}
	}
	return nil, ps, nil
}

// coveredBy reports whether a problem at path is a consequence of one
// already reported at an enclosing path (a missing table, say).
func coveredBy(path string, seen map[string]bool) bool {
	for i := len(path) - 1; i > 0; i-- {
		if path[i] == '.' && seen[path[:i]] {
			return true
		}
	}
	return false
}

func quote(s string) string { return `"` + clip(s) + `"` }
