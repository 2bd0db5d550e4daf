package checkxlsx

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// inputs are the references (qualified, absolute) of the cells of the 输入
// sheet that the stage formulas read.
type inputs struct {
	unit, digits, capacity, reserveRate, overflow, perfMode string
	incRate, incBudget, floor, ceiling, keep                string
	exclude                                                 [4]string
	staffPay, staffOncost, quotaRate, projCost, projTier    []string
	tierShare                                               [5]string // by formula.Tier; [0] unused
	factorW                                                 []string
	indW                                                    [][]string
	perfRatings, perfCoefs, projRatings, projCoefs          string   // ranges
	rating, adjustment                                      []string // [sub-district]
	heads, payroll, projRating                              [][]string
	qtyCol                                                  map[string]int
	subRow0, subRow1                                        int
	// rules §6, in a plan that has them ("" or nil otherwise)
	blockAmount, capBase, bandBelow, bandCoef string
	nBands                                    int
	projManaged, transferAmount               []string
	execRate                                  [][]string // [sub-district][project]
}

// column is the 输入 column of quantity name: a headcount column for
// staff.ID (rules §2.3), else the quantity's.
func (in *inputs) column(p *formula.Plan, name string) int {
	if id, ok := strings.CutPrefix(name, formula.StaffRefPrefix); ok {
		for j, s := range p.Staff {
			if s.ID == id {
				return 5 + j
			}
		}
	}
	return in.qtyCol[name]
}

// qty is the reference to quantity name of sub-district i.
func (in *inputs) qty(p *formula.Plan, i int, name string) string {
	return qual(SheetInputs, in.column(p, name), in.subRow0+i)
}

// qtySum is the cell of the sum of a quantity over all sub-districts
// (the 全区合计 row under the sub-districts).
func (in *inputs) qtySum(p *formula.Plan, name string) string {
	return qual(SheetInputs, in.column(p, name), in.subRow1+1)
}

// basis is the formula text of Σ basis of sub-district i.
func (in *inputs) basis(p *formula.Plan, i int, names []string) string {
	terms := make([]string, len(names))
	for k, n := range names {
		terms[k] = in.qty(p, i, n)
	}
	return "(" + sum(terms) + ")"
}

// quantityNames lists every quantity of the sub-districts: those the plan
// refers to first, in the order it does, then the others by name.
func quantityNames(p *formula.Plan) []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] && !strings.HasPrefix(n, formula.StaffRefPrefix) {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, q := range p.Quotas {
		for _, n := range q.Basis {
			add(n)
		}
	}
	for _, pr := range p.Projects {
		for _, n := range pr.Basis {
			add(n)
		}
	}
	for _, f := range p.Factors {
		for _, ind := range f.Indicators {
			add(ind.Quantity)
		}
	}
	if p.Incentive != nil {
		add(p.Incentive.Current)
		add(p.Incentive.Previous)
	}
	if p.Damping != nil {
		add(p.Damping.Baseline)
	}
	var rest []string
	for _, s := range p.Subdistricts {
		for n := range s.Quantities.All() {
			if !seen[n] && !slices.Contains(rest, n) {
				rest = append(rest, n)
			}
		}
	}
	sort.Strings(rest)
	for _, n := range rest {
		add(n)
	}
	return names
}

// param writes one labelled parameter at row and returns its reference.
func (b *book) param(row *int, label string, v any, note string) string {
	const s = SheetInputs
	b.set(s, 1, *row, label)
	if v != nil {
		b.set(s, 2, *row, v)
	}
	if note != "" {
		b.set(s, 3, *row, note)
		b.style(s, 3, *row, 3, *row, b.note)
	}
	ref := qual(s, 2, *row)
	*row++
	return ref
}

// optional is an optional decimal's value, or nil (a blank cell).
func optional(d *decimal.Decimal) any {
	if d == nil {
		return nil
	}
	return *d
}

// inputs writes the 输入 sheet.
func (b *book) inputs() {
	const s = SheetInputs
	p := b.p
	in := &inputs{}
	b.in = in
	row := 1
	b.titleRow(s, row, inTitle)
	row++
	b.param(&row, inName, p.Name, "")
	b.param(&row, inYear, p.FiscalYear, "")
	in.capacity = b.param(&row, inCapacity, p.Capacity, inCapacityNote)
	in.unit = b.param(&row, inUnit, b.res.Unit, inUnitNote)
	b.set(s, 1, row, inDigits)
	b.formula(s, 2, row, fmt.Sprintf("ROUND(-LOG10(%s),0)", in.unit))
	b.set(s, 3, row, inDigitsNote)
	in.digits = qual(s, 2, row)
	row++
	in.reserveRate = b.param(&row, inReserveRate, p.ReserveRate, "")
	in.overflow = b.param(&row, inOverflow, p.TierOverflow.String(), inOverflowNote)
	mode := wordNone
	if p.Performance != nil {
		mode = p.Performance.Mode.String()
	}
	in.perfMode = b.param(&row, inPerfMode, mode, inPerfModeNote)
	if inc := p.Incentive; inc != nil {
		in.incRate = b.param(&row, inIncRate, inc.Rate, "")
		b.param(&row, inIncCurrent, inc.Current, inSameColumn)
		b.param(&row, inIncPrevious, inc.Previous, "")
		in.incBudget = b.param(&row, inIncBudget, optional(inc.Budget), inIncBudgetNote)
	}
	if d := p.Damping; d != nil {
		b.param(&row, inBaseline, d.Baseline, inSameColumn)
		in.floor = b.param(&row, inFloor, optional(d.Floor), inFloorNote)
		in.ceiling = b.param(&row, inCeiling, optional(d.Ceiling), inCeilingNote)
		for k, name := range formula.DampingExcludable {
			in.exclude[k] = b.param(&row, inExclude+formula.ComponentLabels[k]+" ("+name+")",
				yes(slices.Contains(d.Exclude, name)), inYesNo)
		}
		in.keep = b.param(&row, inKeepRating, yes(d.FloorKeepsRating), inKeepRatingNote)
	}
	b.moneyParams(&row)
	row++
	row = b.standardTables(row)
	row = b.moneyTables(row)
	b.subdistrictTable(row)
	b.widths(s, 26, 22, 18, 16, 16, 14, 14, 14)
}

// table writes a titled table: header, then one row per item from
// values; it returns the first item row and the row after the table.
func (b *book) table(row int, title string, header []string, n int, values func(k int) []any) (int, int) {
	const s = SheetInputs
	b.titleRow(s, row, title)
	b.headerRow(s, row+1, header...)
	first := row + 2
	for k := range n {
		for c, v := range values(k) {
			if v != nil {
				b.set(s, c+1, first+k, v)
			}
		}
	}
	return first, first + n + 1
}

// standardTables writes staff, quotas, projects, tier caps, factors,
// indicators and the rating coefficients.
func (b *book) standardTables(row int) int {
	const s = SheetInputs
	p, in := b.p, b.in
	first, next := b.table(row, inStaffTitle, inStaffHead, len(p.Staff),
		func(k int) []any { st := p.Staff[k]; return []any{st.ID, st.Name, st.AnnualPay, st.OncostRate} })
	for k := range p.Staff {
		in.staffPay = append(in.staffPay, qual(s, 3, first+k))
		in.staffOncost = append(in.staffOncost, qual(s, 4, first+k))
	}
	first, next = b.table(next, inQuotaTitle, inQuotaHead, len(p.Quotas),
		func(k int) []any { q := p.Quotas[k]; return []any{q.ID, q.Name, q.Rate, strings.Join(q.Basis, ", ")} })
	for k := range p.Quotas {
		in.quotaRate = append(in.quotaRate, qual(s, 3, first+k))
	}
	projHead := inProjectHead
	if p.HasDistrictManaged() {
		projHead = append(slices.Clone(projHead), inManagedHead)
	}
	first, next = b.table(next, inProjectTitle, projHead, len(p.Projects),
		func(k int) []any {
			pr := p.Projects[k]
			return []any{pr.ID, pr.Name, pr.UnitCost, strings.Join(pr.Basis, ", "), pr.Tier.String()}
		})
	for k := range p.Projects {
		b.formula(s, 6, first+k, fmt.Sprintf(`MATCH(%s,{"mandatory","A","B","C","D"},0)-1`, cellName(5, first+k)))
		if p.HasDistrictManaged() {
			b.set(s, 7, first+k, p.Projects[k].Managed.String())
			in.projManaged = append(in.projManaged, qual(s, 7, first+k))
		}
		in.projCost = append(in.projCost, qual(s, 3, first+k))
		in.projTier = append(in.projTier, qual(s, 6, first+k))
	}
	first, next = b.table(next, inTierCapTitle, inTierCapHead, 4,
		func(k int) []any {
			t := formula.Tier(k + 1)
			if c, ok := p.TierCaps[t]; ok {
				return []any{t.String(), c}
			}
			return []any{t.String(), nil}
		})
	for k := range 4 {
		in.tierShare[k+1] = qual(s, 2, first+k)
	}
	return b.factorTables(next)
}

// factorTables writes factors, indicators and rating coefficients.
func (b *book) factorTables(row int) int {
	const s = SheetInputs
	p, in := b.p, b.in
	first, next := b.table(row, inFactorTitle, inFactorHead, len(p.Factors),
		func(k int) []any { f := p.Factors[k]; return []any{f.ID, f.Name, f.Weight} })
	for k := range p.Factors {
		in.factorW = append(in.factorW, qual(s, 3, first+k))
	}
	var inds [][2]int
	for f, fa := range p.Factors {
		for k := range fa.Indicators {
			inds = append(inds, [2]int{f, k})
		}
	}
	first, next = b.table(next, inIndicatorTitle, inIndicatorHead, len(inds),
		func(k int) []any {
			fa := p.Factors[inds[k][0]]
			ind := fa.Indicators[inds[k][1]]
			return []any{fa.ID, ind.Quantity, ind.Weight}
		})
	in.indW = make([][]string, len(p.Factors))
	for k, fk := range inds {
		in.indW[fk[0]] = append(in.indW[fk[0]], qual(s, 3, first+k))
	}
	coefTable := func(row int, title string, coefs map[string]decimal.Decimal) (string, string, int) {
		keys := make([]string, 0, len(coefs))
		for r := range coefs {
			keys = append(keys, r)
		}
		sort.Strings(keys)
		first, next := b.table(row, title, inCoefHead, max(len(keys), 1), func(k int) []any {
			if len(keys) == 0 {
				return []any{inNoRating, nil}
			}
			return []any{keys[k], coefs[keys[k]]}
		})
		last := first + max(len(keys), 1) - 1
		return qualRange(s, 1, first, last), qualRange(s, 2, first, last), next
	}
	var perf, proj map[string]decimal.Decimal
	if p.Performance != nil {
		perf = p.Performance.Coefficients
	}
	if p.ProjectPerformance != nil {
		proj = p.ProjectPerformance.Coefficients
	}
	in.perfRatings, in.perfCoefs, next = coefTable(next, inPerfTitle, perf)
	in.projRatings, in.projCoefs, next = coefTable(next, inProjPerfTitle, proj)
	return next
}

// subdistrictTable writes one row per sub-district: rating, adjustment,
// headcounts, payrolls, quantities and project ratings.
func (b *book) subdistrictTable(row int) {
	const s = SheetInputs
	p, in := b.p, b.in
	b.titleRow(s, row, inSubTitle)
	header := slices.Clone(inSubHead)
	for _, st := range p.Staff {
		header = append(header, inHeadcountPrefix+named(st.Name, st.ID))
	}
	for _, st := range p.Staff {
		header = append(header, inPayrollPrefix+named(st.Name, st.ID))
	}
	names := quantityNames(p)
	in.qtyCol = map[string]int{}
	for _, n := range names {
		in.qtyCol[n] = len(header) + 1
		header = append(header, named(p.QuantityName(n), n))
	}
	for _, pr := range p.Projects {
		header = append(header, inProjRatePrefix+named(pr.Name, pr.ID))
	}
	c0 := len(header) - len(p.Projects) + 1
	header = b.executionHeader(header)
	b.headerRow(s, row+1, header...)
	in.subRow0 = row + 2
	in.subRow1 = in.subRow0 + len(p.Subdistricts) - 1
	ns := len(p.Staff)
	for i, sd := range p.Subdistricts {
		r := in.subRow0 + i
		adj := decimal.NewFromInt(1)
		if sd.Adjustment != nil {
			adj = *sd.Adjustment
		}
		b.set(s, 1, r, sd.ID)
		b.set(s, 2, r, sd.Name)
		b.set(s, 3, r, sd.Rating)
		b.set(s, 4, r, adj)
		in.rating = append(in.rating, qual(s, 3, r))
		in.adjustment = append(in.adjustment, qual(s, 4, r))
		var heads, pays, ratings []string
		for j, st := range p.Staff {
			b.set(s, 5+j, r, sd.Staff.Value(st.ID))
			heads = append(heads, qual(s, 5+j, r))
			if v, ok := sd.Payroll.Get(st.ID); ok {
				b.set(s, 5+ns+j, r, v)
			}
			pays = append(pays, qual(s, 5+ns+j, r))
		}
		for _, n := range names {
			if v, ok := sd.Quantities.Get(n); ok {
				b.set(s, in.qtyCol[n], r, v)
			}
		}
		for j, pr := range p.Projects {
			if v, ok := sd.ProjectRatings[pr.ID]; ok {
				b.set(s, c0+j, r, v)
			}
			ratings = append(ratings, qual(s, c0+j, r))
		}
		in.heads, in.payroll, in.projRating = append(in.heads, heads), append(in.payroll, pays), append(in.projRating, ratings)
		b.executionRates(i, r, c0+len(p.Projects))
	}
	b.set(s, 1, in.subRow1+1, inDistrictTotal)
	for c := 5; c < 5+2*ns+len(names); c++ {
		if c < 5+ns || c >= 5+2*ns {
			b.formula(s, c, in.subRow1+1, "SUM("+qualRange(s, c, in.subRow0, in.subRow1)+")")
		}
	}
}

// named is a column header's name with its id after it, "公务员
// civil_servant", as every output names things (docs/names.md §6); the id
// alone when the name is empty or the id.
func named(name, id string) string {
	if name = strings.TrimSpace(name); name == "" || name == id {
		return id
	}
	return name + " " + id
}
