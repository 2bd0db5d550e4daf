package whatif

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

func sample(t testing.TB) *standards.Document {
	t.Helper()
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func sets(t testing.TB, s ...string) []standards.Override {
	t.Helper()
	ovs, err := standards.ParseSets(s...)
	if err != nil {
		t.Fatal(err)
	}
	return ovs
}

func totals(t testing.TB, doc *standards.Document, ovs []standards.Override) *formula.Result {
	t.Helper()
	m, err := doc.Model(ovs...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.EvaluateTotals()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// checkAgainst checks an attribution's sides against the base and the
// what-if evaluated directly, and that its parts sum to the change.
func checkAgainst(t *testing.T, a *attribution.Attribution, base, whatIf *formula.Result) {
	t.Helper()
	if err := a.Check(); err != nil {
		t.Fatal(err)
	}
	for i, r := range a.Rows {
		b, s := &base.Subdistricts[i], &whatIf.Subdistricts[i]
		if r.ID != b.ID || !r.Base[attribution.ColTotal].Equal(b.Total) || !r.New[attribution.ColTotal].Equal(s.Total) {
			t.Fatalf("row %s: %s → %s, want %s %s → %s", r.ID, r.Base[attribution.ColTotal], r.New[attribution.ColTotal], b.ID, b.Total, s.Total)
		}
		sum := new(big.Rat)
		for _, p := range r.Rounded(attribution.ColTotal) {
			sum.Add(sum, p.Rat())
		}
		if sum.Cmp(r.Change(attribution.ColTotal).Rat()) != 0 {
			t.Fatalf("row %s: rounded parts sum to %s, change %s", r.ID, sum.RatString(), r.Change(attribution.ColTotal))
		}
	}
}

// TestOverridesSampleScenarios attributes every sample scenario.
func TestOverridesSampleScenarios(t *testing.T) {
	doc := sample(t)
	base := totals(t, doc, nil)
	entries, err := configs.FS.ReadDir(configs.ScenarioDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			data, err := configs.FS.ReadFile(configs.ScenarioDir + "/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			sc, err := standards.ParseScenario(e.Name(), data)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Attribute(doc, sc.Set, attribution.ByAuto)
			if err != nil {
				t.Fatal(err)
			}
			checkAgainst(t, a, base, totals(t, doc, sc.Set))
			if len(sc.Set) > attribution.MaxPlayers != a.Grouped {
				t.Errorf("%d overrides, grouped %v", len(sc.Set), a.Grouped)
			}
		})
	}
}

// TestFactorWeightsMoveTogether: two weights that must sum to 1 are one
// player (either alone is not a valid plan).
func TestFactorWeightsMoveTogether(t *testing.T) {
	doc := sample(t)
	a, err := Attribute(doc, sets(t, "factor.workload.weight=0.5", "factor.area.weight=0.1", "plan.capacity=2700000000"), attribution.ByPlayer)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Players) != 2 || a.Players[0].Name != "factor.*.weight" || len(a.Players[0].Paths) != 2 {
		t.Fatalf("players %+v", a.Players)
	}
}

// TestGroupsBeyondTwelve: 13 players are attributed by group, and the
// groups' parts equal what a forced grouping gives.
func TestGroupsBeyondTwelve(t *testing.T) {
	doc := sample(t)
	var s []string
	ids := []string{"xichangan", "xinjiekou", "yuetan", "zhanlanlu", "desheng", "jinrongjie", "shichahai", "dashilan", "tianqiao", "chunshu", "taoranting"}
	for i, id := range ids {
		s = append(s, fmt.Sprintf("subdistrict.%s.quantities.resident_population=%d", id, 50000+1000*i))
	}
	s = append(s, "plan.capacity=2700000000", "project.vector_control.unit_cost=2", "subdistrict.niujie.performance=中")
	ovs := sets(t, s...)
	if _, err := Attribute(doc, ovs, attribution.ByPlayer); !errors.Is(err, attribution.ErrTooManyPlayers) {
		t.Fatalf("14 players one by one: %v, want attribution.ErrTooManyPlayers", err)
	}
	a, err := Attribute(doc, ovs, attribution.ByAuto)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Grouped || len(a.Players) != 4 || a.Evaluations != 16 {
		t.Fatalf("grouped %v, %d players, %d evaluations", a.Grouped, len(a.Players), a.Evaluations)
	}
	for i, g := range attribution.Groups {
		if a.Players[i].Group != g {
			t.Errorf("player %d is %v, want %v", i, a.Players[i].Group, g)
		}
	}
	if n := len(a.Players[0].Paths); n != len(ids) {
		t.Errorf("data group has %d paths", n)
	}
	checkAgainst(t, a, totals(t, doc, nil), totals(t, doc, ovs))
}

// TestPlansMatchOverrides: the plan-vs-plan attribution of a plan and the
// same plan with overrides applied is the overrides' attribution.
func TestPlansMatchOverrides(t *testing.T) {
	doc := sample(t)
	ovs := sets(t, "plan.capacity=2700000000", "project.vector_control.unit_cost=1.5",
		"subdistrict.desheng.quantities.resident_population=120000", "subdistrict.desheng.performance=良",
		"factor.workload.weight=0.5", "factor.area.weight=0.1", "damping.floor=0.9")
	want, err := Attribute(doc, ovs, attribution.ByPlayer)
	if err != nil {
		t.Fatal(err)
	}
	got := plansOf(t, doc, ovs, attribution.ByPlayer)
	if len(got.Players) != len(want.Players) {
		t.Fatalf("%d players, want %d", len(got.Players), len(want.Players))
	}
	same := func(a, b *attribution.Attribution, by func(p attribution.Player) string) {
		t.Helper()
		for i := range a.Players {
			j := -1
			for k := range b.Players {
				if by(b.Players[k]) == by(a.Players[i]) {
					j = k
				}
			}
			if j < 0 {
				t.Fatalf("no player %s", by(a.Players[i]))
			}
			for r := range a.Rows {
				for c := range attribution.Columns {
					if a.Rows[r].Parts[i][c].Cmp(b.Rows[r].Parts[j][c]) != 0 {
						t.Fatalf("%s %s col %d: %s vs %s", a.Rows[r].ID, by(a.Players[i]), c, a.Rows[r].Parts[i][c].RatString(), b.Rows[r].Parts[j][c].RatString())
					}
				}
			}
		}
	}
	same(got, want, func(p attribution.Player) string { return p.Name })
	gg := plansOf(t, doc, ovs, attribution.ByGroup)
	wg, err := Attribute(doc, ovs, attribution.ByGroup)
	if err != nil {
		t.Fatal(err)
	}
	same(gg, wg, func(p attribution.Player) string { return p.Name })
}

func plansOf(t *testing.T, doc *standards.Document, ovs []standards.Override, by attribution.By) *attribution.Attribution {
	t.Helper()
	nd, err := doc.Apply(ovs...)
	if err != nil {
		t.Fatal(err)
	}
	op, err := doc.Plan()
	if err != nil {
		t.Fatal(err)
	}
	np, err := nd.Plan()
	if err != nil {
		t.Fatal(err)
	}
	a, err := attribution.Plans(op, np, by, standards.PathLabel)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestRejectedCoalition: a pay rise the capacity alone cannot fund makes
// the coalition without the capacity rise rejected; the error names it.
func TestRejectedCoalition(t *testing.T) {
	doc := sample(t)
	ovs := sets(t, "staff.civil_servant.annual_pay=2000000", "plan.capacity=9000000000")
	if _, err := doc.Model(ovs...); err != nil {
		t.Fatalf("the overrides alone must compile: %v", err)
	}
	_, err := Attribute(doc, ovs, attribution.ByPlayer)
	var ce *attribution.CoalitionError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v, want a CoalitionError", err)
	}
	var re *formula.RejectedError
	if !errors.As(err, &re) || len(ce.Players) != 1 || ce.Players[0] != "staff.civil_servant.annual_pay" {
		t.Fatalf("error %v: players %v", err, ce.Players)
	}
}

// TestRandomPlans: on random plans and overrides the parts sum exactly to
// the change, and agree with the average over all orders.
func TestRandomPlans(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	done := 0
	for trial := range 16 {
		var buf bytes.Buffer
		if err := plangen.Write(&buf, 3+trial%4, 12, uint64(trial+1)); err != nil {
			t.Fatal(err)
		}
		doc, err := standards.Parse("gen.toml", buf.Bytes(), nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := doc.Plan()
		if err != nil {
			t.Fatal(err)
		}
		ovs := randomOverrides(r, p, 1+trial%6)
		if _, err := doc.Model(ovs...); err != nil {
			continue
		}
		if m, _ := doc.Model(ovs...); m != nil {
			if _, err := m.EvaluateTotals(); err != nil {
				continue
			}
		}
		a, err := Attribute(doc, ovs, attribution.ByPlayer)
		var ce *attribution.CoalitionError
		if errors.As(err, &ce) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		checkAgainst(t, a, totals(t, doc, nil), totals(t, doc, ovs))
		compareBruteForce(t, doc, ovs, a)
		samePlayers(t, plansOf(t, doc, ovs, attribution.ByPlayer), a)
		done++
	}
	t.Logf("%d random plans attributed", done)
	if done < 6 {
		t.Fatalf("only %d random cases could be attributed", done)
	}
}

func randomOverrides(r *rand.Rand, p *formula.Plan, k int) []standards.Override {
	var s []string
	sd := p.Subdistricts[r.IntN(len(p.Subdistricts))]
	cands := []func() string{
		func() string {
			return fmt.Sprintf("plan.capacity=%s", p.Capacity.Mul(pct(r, 97, 104)).Div(p.RoundingUnit).Floor().Mul(p.RoundingUnit))
		},
		func() string {
			st := p.Staff[r.IntN(len(p.Staff))]
			return fmt.Sprintf("staff.%s.annual_pay=%s", st.ID, st.AnnualPay.Mul(pct(r, 90, 110)).Round(0))
		},
		func() string {
			pr := p.Projects[r.IntN(len(p.Projects))]
			return fmt.Sprintf("project.%s.unit_cost=%s", pr.ID, pr.UnitCost.Mul(pct(r, 50, 150)).Round(2))
		},
		func() string {
			for q, v := range sd.Quantities.All() {
				return fmt.Sprintf("subdistrict.%s.quantities.%s=%s", sd.ID, q, v.Mul(pct(r, 80, 130)).Round(0))
			}
			return "plan.reserve_rate=0.02"
		},
		func() string { return fmt.Sprintf("plan.reserve_rate=0.0%d", 1+r.IntN(4)) },
		func() string { // a rating: text, off the fast path
			if p.Performance == nil {
				return "plan.reserve_rate=0.03"
			}
			for rating := range p.Performance.Coefficients {
				return fmt.Sprintf("subdistrict.%s.performance=%s", sd.ID, rating)
			}
			return "plan.reserve_rate=0.03"
		},
	}
	seen := map[int]bool{}
	for len(s) < k {
		i := r.IntN(len(cands))
		if !seen[i] {
			seen[i] = true
			s = append(s, cands[i]())
		}
	}
	ovs, _ := standards.ParseSets(s...)
	return ovs
}

func pct(r *rand.Rand, lo, hi int) decimalT { return decimalFromPct(lo + r.IntN(hi-lo+1)) }

// compareBruteForce checks an attribution of single overrides against the
// average over all orders of applying them.
func compareBruteForce(t *testing.T, doc *standards.Document, ovs []standards.Override, a *attribution.Attribution) {
	t.Helper()
	k := len(ovs)
	memo := map[attribution.Coalition][]*big.Int{}
	v := func(c attribution.Coalition) []*big.Int {
		if m, ok := memo[c]; ok {
			return m
		}
		var sub []standards.Override
		for i, o := range ovs {
			if c.Has(i) {
				sub = append(sub, o)
			}
		}
		res := totals(t, doc, sub)
		out := make([]*big.Int, len(res.Subdistricts))
		for i := range res.Subdistricts {
			out[i] = res.Subdistricts[i].Total.Shift(2).BigInt()
		}
		memo[c] = out
		return out
	}
	want := bruteForce(k, v)
	for i := range k {
		for r := range a.Rows {
			w := new(big.Rat).Quo(want[i][r], big.NewRat(100, 1))
			if a.Rows[r].Parts[i][attribution.ColTotal].Cmp(w) != 0 {
				t.Fatalf("%s, %s: %s, permutations give %s", a.Rows[r].ID, ovs[i].Path, a.Rows[r].Parts[i][attribution.ColTotal].RatString(), w.RatString())
			}
		}
	}
}

// samePlayers checks that the plan-vs-plan attribution got (of the plan
// and the plan with the overrides applied) gives every player the parts
// the overrides' attribution want gives it; an override that changed
// nothing is no difference between the plans, and must have no part.
func samePlayers(t *testing.T, got, want *attribution.Attribution) {
	t.Helper()
	for j, wp := range want.Players {
		i := slices.IndexFunc(got.Players, func(p attribution.Player) bool { return p.Name == wp.Name })
		for r := range want.Rows {
			for c := range attribution.Columns {
				w := want.Rows[r].Parts[j][c]
				if i < 0 {
					if w.Sign() != 0 {
						t.Fatalf("%s: no difference %s, but the override has part %s", want.Rows[r].ID, wp.Name, w.RatString())
					}
					continue
				}
				if g := got.Rows[r].Parts[i][c]; g.Cmp(w) != 0 {
					t.Fatalf("%s %s col %d: plans give %s, overrides %s", want.Rows[r].ID, wp.Name, c, g.RatString(), w.RatString())
				}
			}
		}
	}
}
