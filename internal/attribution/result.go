package attribution

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/shopspring/decimal"
)

// Columns are the figures of a row attributed: the six components of
// rules §5, then the total.
const Columns = 7

// ColTotal is the index of the total among a row's columns.
const ColTotal = 6

// Attribution is a change split over its players, per sub-district.
type Attribution struct {
	Players []Player
	// Grouped says the players are groups (capacity, standards, data,
	// ratings) rather than single overrides or differences.
	Grouped bool
	Rows    []Row // the sub-districts, in the base's order
	Totals  Row   // the sum of the sub-districts
	// Evaluations is the number of plans evaluated (2^players).
	Evaluations int
}

// Row is one sub-district's change (or the totals'), split over the
// players: for every column, Σ_i Parts[i][col] = New[col] − Base[col]
// exactly.
type Row struct {
	ID, Name  string
	Base, New [Columns]decimal.Decimal
	Parts     [][Columns]*big.Rat // per player
}

// Change is the change of a column, New − Base.
func (r *Row) Change(col int) decimal.Decimal { return r.New[col].Sub(r.Base[col]) }

// Rounded gives the players' parts of a column in 分 (two decimal
// places) so that they still sum exactly to the change: each part is
// rounded down, then the parts with the largest remainders get one 分
// more until the sum is reached (ties: the earlier player).
func (r *Row) Rounded(col int) []decimal.Decimal {
	const places = 2
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(places), nil)
	out := make([]decimal.Decimal, len(r.Parts))
	rem := make([]*big.Rat, len(r.Parts))
	sum := new(big.Int)
	for i, p := range r.Parts {
		x := new(big.Rat).Mul(p[col], new(big.Rat).SetInt(scale))
		q := new(big.Int).Div(x.Num(), x.Denom()) // Euclidean: floor for a positive denominator
		rem[i] = new(big.Rat).Sub(x, new(big.Rat).SetInt(q))
		out[i] = decimal.NewFromBigInt(q, -places)
		sum.Add(sum, q)
	}
	change := r.Change(col).Shift(places).BigInt()
	missing := new(big.Int).Sub(change, sum).Int64() // 0 ≤ missing < players
	order := make([]int, len(r.Parts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rem[b].Cmp(rem[a]) })
	cent := decimal.New(1, -places)
	for _, i := range order[:missing] {
		out[i] = out[i].Add(cent)
	}
	return out
}

// Index is the row of a sub-district by id.
func (a *Attribution) Index(id string) (*Row, bool) {
	for i := range a.Rows {
		if a.Rows[i].ID == id {
			return &a.Rows[i], true
		}
	}
	return nil, false
}

// CoalitionError is a coalition whose plan could not be evaluated (the
// rules reject it, or it is not a valid plan): its Shapley values are then
// not defined. It names the players of the coalition.
type CoalitionError struct {
	Players []string // the coalition's players; empty: the base
	Err     error
}

func (e *CoalitionError) Error() string {
	who := "none (the base)"
	if len(e.Players) > 0 {
		who = strings.Join(e.Players, ", ")
	}
	return fmt.Sprintf(errCoalition, who, who, e.Err)
}

func (e *CoalitionError) Unwrap() error { return e.Err }

// Evaluator evaluates the plan of a coalition, without lines.
type Evaluator func(c Coalition) (*formula.Result, error)

// Attribute runs the game of the players over eval and builds the
// attribution; grouped says the players are groups. It is the common
// ground of Plans and of package whatif (overrides of a document). A
// coalition eval cannot evaluate is a *CoalitionError. The base's
// sub-districts, in order, are the rows; every coalition's result must
// have the same sub-districts. The parts are checked to sum exactly to
// the change (Check).
func Attribute(players []Player, grouped bool, eval Evaluator) (*Attribution, error) {
	var base *formula.Result
	var newRes *formula.Result
	full := Coalition(1)<<len(players) - 1
	v := func(c Coalition) ([]*big.Int, error) {
		res, err := eval(c)
		if err != nil {
			return nil, &CoalitionError{Players: playerNames(players, c), Err: err}
		}
		if c == 0 {
			base = res
		}
		if c == full {
			newRes = res
		}
		return vector(base, res)
	}
	g, err := Shapley(len(players), v)
	if err != nil {
		var ce *CoalitionError
		if errors.As(err, &ce) {
			return nil, ce
		}
		return nil, err
	}
	a := build(players, grouped, g, base, newRes)
	return a, a.Check()
}

func playerNames(players []Player, c Coalition) []string {
	var out []string
	for i, p := range players {
		if c.Has(i) {
			out = append(out, p.Name)
		}
	}
	return out
}

// vector is a result's amounts in 分, per sub-district of the base (in
// its order) and column. A result with other sub-districts than the
// base's, or an amount finer than 分, is an error.
func vector(base, res *formula.Result) ([]*big.Int, error) {
	if len(res.Subdistricts) != len(base.Subdistricts) {
		return nil, fmt.Errorf("%d sub-districts, the base has %d", len(res.Subdistricts), len(base.Subdistricts))
	}
	out := make([]*big.Int, 0, len(base.Subdistricts)*Columns)
	for i := range base.Subdistricts {
		a := &res.Subdistricts[i]
		if a.ID != base.Subdistricts[i].ID {
			var ok bool
			if a, ok = res.Find(base.Subdistricts[i].ID); !ok {
				return nil, fmt.Errorf("no sub-district %q", base.Subdistricts[i].ID)
			}
		}
		for _, x := range columns(a) {
			c := x.Shift(2)
			if !c.IsInteger() {
				return nil, fmt.Errorf("amount %s of %s is finer than 0.01", x, a.ID)
			}
			out = append(out, c.BigInt())
		}
	}
	return out, nil
}

func columns(a *formula.Allocation) [Columns]decimal.Decimal {
	c := a.Components()
	return [Columns]decimal.Decimal{c[0], c[1], c[2], c[3], c[4], c[5], a.Total}
}

// build lays the game's values out as rows.
func build(players []Player, grouped bool, g *Game, base, newRes *formula.Result) *Attribution {
	a := &Attribution{Players: players, Grouped: grouped, Evaluations: g.Evaluations}
	a.Totals = Row{ID: "total", Name: wordTotal, Parts: newParts(len(players))}
	for i := range base.Subdistricts {
		b := &base.Subdistricts[i]
		n, _ := newRes.Find(b.ID)
		r := Row{ID: b.ID, Name: n.Name, Base: columns(b), New: columns(n), Parts: newParts(len(players))}
		for p := range players {
			for col := range Columns {
				x := new(big.Rat).Quo(g.Phi[p][i*Columns+col], big.NewRat(100, 1))
				r.Parts[p][col] = x
				a.Totals.Parts[p][col].Add(a.Totals.Parts[p][col], x)
			}
		}
		for col := range Columns {
			a.Totals.Base[col] = a.Totals.Base[col].Add(r.Base[col])
			a.Totals.New[col] = a.Totals.New[col].Add(r.New[col])
		}
		a.Rows = append(a.Rows, r)
	}
	return a
}

func newParts(k int) [][Columns]*big.Rat {
	p := make([][Columns]*big.Rat, k)
	for i := range p {
		for c := range Columns {
			p[i][c] = new(big.Rat)
		}
	}
	return p
}

// Check verifies that in every row and column the parts sum exactly to
// the change. It is run on every attribution made; an error would be a
// defect of this package.
func (a *Attribution) Check() error {
	for _, r := range append(slices.Clip(a.Rows), a.Totals) {
		for col := range Columns {
			sum := new(big.Rat)
			for _, p := range r.Parts {
				sum.Add(sum, p[col])
			}
			if sum.Cmp(r.Change(col).Rat()) != 0 {
				return fmt.Errorf("%s column %d: parts sum to %s, change %s: %w", r.ID, col, sum.RatString(), r.Change(col), ErrNotEfficient)
			}
		}
	}
	return nil
}

// Reorder puts the players (and their parts) back in the order they had
// before perm (perm[new] = old).
func (a *Attribution) Reorder(perm []int) {
	inv := make([]int, len(perm))
	for n, old := range perm {
		inv[old] = n
	}
	a.Players = permute(a.Players, inv)
	for i := range a.Rows {
		a.Rows[i].Parts = permute(a.Rows[i].Parts, inv)
	}
	a.Totals.Parts = permute(a.Totals.Parts, inv)
}

func permute[T any](s []T, perm []int) []T {
	out := make([]T, len(s))
	for n, old := range perm {
		out[n] = s[old]
	}
	return out
}
