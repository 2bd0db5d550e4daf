package formula

import (
	"cmp"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"
)

// This file measures how evenly a result spreads money per person across
// the sub-districts (均衡度, docs/audit.md): per-capita amounts at three
// points — before the block grant (total − block − damping), after it
// (total − damping) and after damping (total) — and for each the
// population-weighted coefficient of variation, Gini coefficient, Theil
// index and max/min ratio. Amounts, shares, the Gini coefficient and the
// max/min ratio are exact (decimal and big.Rat); the coefficient of
// variation is taken in 256-bit big.Float and the logarithms of the Theil
// index in float64, as statistics only, never as money. Statistics are
// rounded to StatPlaces decimal places for output.

// DefaultPopulation is the quantity equalisation divides by when [plan]
// population is not set.
const DefaultPopulation = "resident_population"

// StatPlaces is the number of decimal places statistics are rounded to.
const StatPlaces = 6

// EqualisationStages name the three points measured, in order.
var EqualisationStages = [...]string{"before_block", "after_block", "after_damping"}

// Equalisation is how evenly a result spreads money per person.
type Equalisation struct {
	Population string   // the quantity divided by
	Excluded   []string // ids of sub-districts with no population, left out
	IDs        []string // the sub-districts measured, in plan order
	People     []decimal.Decimal
	Stages     [len(EqualisationStages)]EqualisationStage
}

// EqualisationStage is the measures at one point.
type EqualisationStage struct {
	Name, Label string
	Amounts     []decimal.Decimal // per sub-district measured, in plan order
	Total       decimal.Decimal
	// Mean is Σ amount / Σ population, exactly.
	Mean *big.Rat
	// CV, Gini, Theil and MaxMin are rounded to StatPlaces; nil when
	// undefined (a total or a per-capita amount that is not positive
	// where the measure needs it).
	CV, Gini, Theil, MaxMin *decimal.Decimal
	// Lorenz is the Lorenz curve: cumulative population and amount
	// shares, sub-districts in ascending per-capita order, from (0, 0)
	// to (1, 1).
	Lorenz []LorenzPoint
}

// LorenzPoint is a point of a Lorenz curve, exact shares in [0, 1] (an
// amount share may leave it when amounts are negative).
type LorenzPoint struct {
	ID                 string // the sub-district whose step ends here; "" at (0, 0)
	Population, Amount *big.Rat
}

// PopulationQuantity returns the quantity equalisation divides by: [plan]
// population, or DefaultPopulation when every sub-district has it.
func (p *Plan) PopulationQuantity() (string, bool) {
	if p.Population != "" {
		return p.Population, true
	}
	if len(p.Subdistricts) == 0 {
		return "", false
	}
	for _, s := range p.Subdistricts {
		if !s.Quantities.Has(DefaultPopulation) {
			return "", false
		}
	}
	return DefaultPopulation, true
}

// Equalisation measures the result; false when the plan has no
// population quantity or no sub-district has people.
func (r *Result) Equalisation() (*Equalisation, bool) {
	p := r.Plan
	if p == nil {
		return nil, false
	}
	q, ok := p.PopulationQuantity()
	if !ok {
		return nil, false
	}
	return r.EqualisationBy(q)
}

// EqualisationBy measures the result per unit of quantity q (a quantity
// name or staff.ID); false when no sub-district has any of it.
func (r *Result) EqualisationBy(q string) (*Equalisation, bool) {
	p := r.Plan
	if p == nil {
		return nil, false
	}
	e := &Equalisation{Population: q}
	var idx []int
	for i, s := range p.Subdistricts {
		v, _ := p.quantity(s, q)
		if v.Sign() <= 0 || i >= len(r.Subdistricts) {
			e.Excluded = append(e.Excluded, s.ID)
			continue
		}
		idx = append(idx, i)
		e.IDs = append(e.IDs, s.ID)
		e.People = append(e.People, v)
	}
	if len(idx) == 0 {
		return nil, false
	}
	for k := range e.Stages {
		amounts := make([]decimal.Decimal, len(idx))
		for n, i := range idx {
			a := &r.Subdistricts[i]
			switch k {
			case 0:
				amounts[n] = a.Total.Sub(a.Block).Sub(a.Damping)
			case 1:
				amounts[n] = a.Total.Sub(a.Damping)
			default:
				amounts[n] = a.Total
			}
		}
		e.Stages[k] = measure(e.IDs, e.People, amounts)
		e.Stages[k].Name, e.Stages[k].Label = EqualisationStages[k], EqualisationLabels[k]
	}
	return e, true
}

// measure computes the statistics of amounts a_i over populations p_i > 0.
func measure(ids []string, people, amounts []decimal.Decimal) EqualisationStage {
	st := EqualisationStage{Amounts: amounts}
	pop, total := decimal.Zero, decimal.Zero
	for i := range people {
		pop, total = pop.Add(people[i]), total.Add(amounts[i])
	}
	st.Total = total
	st.Mean = new(big.Rat).Quo(total.Rat(), pop.Rat())
	order := perCapitaOrder(people, amounts)
	st.Lorenz = lorenz(ids, people, amounts, order, pop, total)
	if total.Sign() > 0 {
		st.Gini = rounded(gini(people, amounts, order, pop, total))
		st.CV = cv(people, amounts, pop, total)
	}
	lo, hi := order[0], order[len(order)-1]
	if amounts[lo].Sign() > 0 {
		ratio := new(big.Rat).Quo(amounts[hi].Mul(people[lo]).Rat(), amounts[lo].Mul(people[hi]).Rat())
		st.MaxMin = rounded(ratio)
	}
	if total.Sign() > 0 && amounts[lo].Sign() >= 0 {
		st.Theil = theil(people, amounts, pop, total)
	}
	return st
}

// perCapitaOrder sorts the sub-districts by amount per person, ascending,
// ties in plan order. It sorts by y_i = a_i / p_i rounded to float64 and
// compares a_i·p_j with a_j·p_i exactly only where those are equal:
// rounding is monotone, so unequal floats are already in exact order.
func perCapitaOrder(people, amounts []decimal.Decimal) []int {
	order := make([]int, len(people))
	key := make([]float64, len(people))
	var y big.Rat
	for i := range order {
		order[i] = i
		key[i], _ = y.Quo(amounts[i].Rat(), people[i].Rat()).Float64()
	}
	slices.SortFunc(order, func(i, j int) int {
		if key[i] != key[j] {
			return cmp.Compare(key[i], key[j])
		}
		if c := amounts[i].Mul(people[j]).Cmp(amounts[j].Mul(people[i])); c != 0 {
			return c
		}
		return i - j
	})
	return order
}

// lorenz builds the Lorenz curve in the given order.
func lorenz(ids []string, people, amounts []decimal.Decimal, order []int, pop, total decimal.Decimal) []LorenzPoint {
	pts := make([]LorenzPoint, 0, len(order)+1)
	pts = append(pts, LorenzPoint{Population: new(big.Rat), Amount: new(big.Rat)})
	cp, ca := decimal.Zero, decimal.Zero
	popR, totR := pop.Rat(), total.Rat()
	for _, i := range order {
		cp, ca = cp.Add(people[i]), ca.Add(amounts[i])
		pt := LorenzPoint{ID: ids[i], Population: new(big.Rat).Quo(cp.Rat(), popR), Amount: new(big.Rat)}
		if total.Sign() != 0 {
			pt.Amount.Quo(ca.Rat(), totR)
		}
		pts = append(pts, pt)
	}
	return pts
}

// gini is 1 − Σ (X_k − X_{k−1})(L_k + L_{k−1}) over the Lorenz curve in
// the given order, one minus twice the area under it, exactly: with
// X_k − X_{k−1} = p_k / P and L_k + L_{k−1} = (2 C_{k−1} + a_k) / A, C the
// amounts before k, it is 1 − Σ p_k (2 C_{k−1} + a_k) / (P · A), summed in
// decimals and divided once.
func gini(people, amounts []decimal.Decimal, order []int, pop, total decimal.Decimal) *big.Rat {
	sum, before := decimal.Zero, decimal.Zero
	for _, i := range order {
		sum = sum.Add(people[i].Mul(before.Add(before).Add(amounts[i])))
		before = before.Add(amounts[i])
	}
	g := new(big.Rat).Quo(sum.Rat(), pop.Mul(total).Rat())
	return g.Sub(big.NewRat(1, 1), g)
}

// rounded rounds an exact statistic to StatPlaces, half away from zero.
func rounded(q *big.Rat) *decimal.Decimal {
	d := decimal.NewFromBigRat(q, StatPlaces+2).Round(StatPlaces)
	return &d
}
