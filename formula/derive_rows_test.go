package formula

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// rowWhatIf copies p as the loader's patch does for overrides of a few
// sub-districts' values: the list of sub-districts copied, the maps of
// the rows written copied, every other row sharing its maps. It changes
// one to three values of one or two rows: a quantity scaled (sometimes
// negative, a problem), a headcount (sometimes not whole, a problem), an
// adjustment; or, now and then, sets q0 to zero in every row (a problem
// when an indicator reads it).
func rowWhatIf(r *rand.Rand, p *Plan) *Plan {
	c := *p
	c.Subdistricts = slices.Clone(p.Subdistricts)
	if r.IntN(8) == 0 { // a quantity zero everywhere: an indicator on it has nothing to share by
		for i := range c.Subdistricts {
			s := &c.Subdistricts[i]
			s.Quantities = s.Quantities.Clone()
			s.Quantities.Set("q0", decimal.Zero)
		}
		return &c
	}
	for range 1 + r.IntN(2) {
		i := r.IntN(len(c.Subdistricts))
		s := &c.Subdistricts[i]
		s.Quantities, s.Staff = s.Quantities.Clone(), s.Staff.Clone()
		for range 1 + r.IntN(3) {
			switch r.IntN(4) {
			case 0, 1:
				keys := s.Quantities.Names()
				k := keys[r.IntN(len(keys))]
				f := decimal.New(int64(r.IntN(300))-10, -2) // −0.10 to 2.89
				s.Quantities.Set(k, s.Quantities.Value(k).Mul(f).Round(1))
			case 2:
				keys := s.Staff.Names()
				k := keys[r.IntN(len(keys))]
				s.Staff.Set(k, decimal.New(int64(r.IntN(80)*10+r.IntN(12)/10), -1)) // whole, or now and then not
			default:
				a := decimal.New(70+r.Int64N(60), -2)
				s.Adjustment = &a
			}
		}
	}
	return &c
}

// resultText is what a result says: every allocation's components and
// lines, the tiers, the reserves and the warnings, or the error.
func resultText(r *Result, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	for _, a := range r.Subdistricts {
		fmt.Fprintln(&b, a.ID, a.Components(), a.Total, a.Transfers, a.Managed)
		for _, l := range a.Lines {
			fmt.Fprintln(&b, " ", l.Stage, l.Item, l.Amount, l.Formula())
		}
	}
	fmt.Fprintln(&b, r.Totals(), r.Tiers, r.DampingReserve, r.Warnings())
	return b.String()
}

// TestDeriveRowsMatchesCompile: a what-if of a few sub-districts' values
// derived from the base model (deriveRows) gives what compiling the
// same plan gives, with and without lines, and the same errors, on
// random plans; and it did take the incremental way, sharing the rows
// that did not change with the base model.
func TestDeriveRowsMatchesCompile(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 60
	}
	incremental := 0
	for seed := range uint64(n) {
		p := randomPlan(seed)
		base, err := Compile(p)
		if err != nil {
			continue
		}
		r := rand.New(rand.NewPCG(seed, 25))
		for k := range 3 {
			w := rowWhatIf(r, p)
			d, derr := base.Derive(w)
			c, cerr := Compile(w)
			if (derr == nil) != (cerr == nil) || (derr != nil && derr.Error() != cerr.Error()) {
				t.Fatalf("seed %d, what-if %d: Derive error %v, Compile error %v", seed, k, derr, cerr)
			}
			if derr != nil {
				continue
			}
			got, want := resultText(d.Evaluate()), resultText(c.Evaluate())
			if got != want {
				t.Fatalf("seed %d, what-if %d: Derive differs from Compile:\n got %.600s\nwant %.600s", seed, k, got, want)
			}
			gotT, wantT := resultText(d.EvaluateTotals()), resultText(c.EvaluateTotals())
			if gotT != wantT {
				t.Fatalf("seed %d, what-if %d: Derive's totals differ from Compile's:\n got %.600s\nwant %.600s", seed, k, gotT, wantT)
			}
			if shared := sharedRows(d, base); shared > 0 {
				incremental++
			}
		}
	}
	if incremental == 0 {
		t.Fatal("no what-if took the incremental way")
	}
}

// sharedRows counts the rows of d that are base's rows themselves.
func sharedRows(d, base *Model) int {
	n := 0
	for i := range d.x {
		if len(d.x[i]) > 0 && &d.x[i][0] == &base.x[i][0] {
			n++
		}
	}
	return n
}

// TestChangedRowsRefuses: a what-if that adds a key, renames a
// sub-district, reorders them or changes more rows than maxChangedRows
// allows is not taken row by row.
func TestChangedRowsRefuses(t *testing.T) {
	p := randomPlan(3)
	for len(p.Subdistricts) < 3 {
		p = randomPlan(uint64(len(p.Subdistricts)) + 100)
	}
	base, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(c *Plan)) *Plan {
		c := *p
		c.Subdistricts = slices.Clone(p.Subdistricts)
		f(&c)
		return &c
	}
	for name, w := range map[string]*Plan{
		"added key": edit(func(c *Plan) {
			c.Subdistricts[0].Quantities = c.Subdistricts[0].Quantities.Clone()
			c.Subdistricts[0].Quantities.Set("new", decimal.NewFromInt(1))
		}),
		"renamed": edit(func(c *Plan) { c.Subdistricts[1].Name = "别的街道" }),
		"reordered": edit(func(c *Plan) {
			c.Subdistricts[0], c.Subdistricts[1] = c.Subdistricts[1], c.Subdistricts[0]
		}),
	} {
		if _, ok := base.changedRows(w); ok {
			t.Errorf("%s: taken row by row", name)
		}
	}
	if rows, ok := base.changedRows(edit(func(*Plan) {})); !ok || len(rows) != 0 {
		t.Errorf("a copy with no row changed: rows %v, %v", rows, ok)
	}
	if maxChangedRows(10_000) != 625 || maxChangedRows(20) != 8 {
		t.Errorf("maxChangedRows: %d, %d", maxChangedRows(10_000), maxChangedRows(20))
	}
}
