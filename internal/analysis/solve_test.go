package analysis

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

func sample(t testing.TB) *standards.Document {
	t.Helper()
	d, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkExact holds a solution to its promise: the target holds at the
// answer and not one unit beyond it, on the side find says.
func checkExact(t *testing.T, s *Solution) {
	t.Helper()
	if !s.Answer.Holds || s.Beyond.Holds {
		t.Fatalf("%s: answer %+v, beyond %+v", s.Target, s.Answer, s.Beyond)
	}
	want := s.Answer.Value.Sub(s.Unit)
	if s.Find == FindMax {
		want = s.Answer.Value.Add(s.Unit)
	}
	if !s.Beyond.Value.Equal(want) {
		t.Errorf("%s: beyond %s, want %s", s.Target, s.Beyond.Value, want)
	}
	if !s.Monotone {
		t.Errorf("%s: not monotone at the answer", s.Target)
	}
	if s.Evaluations > MaxEvaluations {
		t.Errorf("%s: %d evaluations", s.Target, s.Evaluations)
	}
}

// TestSolveTargets runs each kind of target on the sample plan.
func TestSolveTargets(t *testing.T) {
	d := sample(t)
	tests := []struct {
		req  SolveRequest
		find Find
		want string // the answer, when known
	}{
		{SolveRequest{Target: "min_capacity"}, FindMin, "2540855639"},
		{SolveRequest{Target: "accepted", Find: FindMin}, FindMin, "2540855639"},
		{SolveRequest{Target: "tier.A.demand<=cap", Vary: "project.vector_control.unit_cost"}, FindMax, "16.75"},
		{SolveRequest{Target: "tier.A.shortfall==0", Vary: "project.vector_control.unit_cost"}, FindMax, "16.75"},
		{SolveRequest{Target: "subdistrict.desheng.total>=200000000"}, FindMin, ""},
		{SolveRequest{Target: "subdistrict.德胜街道.total>=200000000"}, FindMin, ""},
		// holds at 12: auto finds the nearer boundary (rejection above); min the one below
		{SolveRequest{Target: "subdistrict.desheng.projects>=30000000", Vary: "project.road_cleaning.unit_cost"}, FindMax, "77.78"},
		{SolveRequest{Target: "subdistrict.desheng.projects>=40000000", Vary: "project.road_cleaning.unit_cost", Find: FindMin}, FindMin, ""},
		{SolveRequest{Target: "district.reserve>=60000000", Unit: decimal.NewFromInt(1000)}, FindMin, ""},
		{SolveRequest{Target: "tier.B.budget>=tier.B.demand", Vary: "tiers.B.max_share", Unit: decimal.New(1, -4)}, FindMin, ""},
	}
	for _, tt := range tests {
		t.Run(tt.req.Target, func(t *testing.T) {
			s, err := Solve(context.Background(), d, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			checkExact(t, s)
			if s.Find != tt.find {
				t.Errorf("find %s, want %s", s.Find, tt.find)
			}
			if tt.want != "" && s.Answer.Value.String() != tt.want {
				t.Errorf("answer %s, want %s", s.Answer.Value, tt.want)
			}
		})
	}
}

// TestSolveErrors: bad requests are bad requests on their parameter; a
// target out of reach is unprocessable.
func TestSolveErrors(t *testing.T) {
	d := sample(t)
	tests := []struct {
		req   SolveRequest
		kind  caili.Kind
		param string
	}{
		{SolveRequest{Target: ""}, caili.KindBadRequest, "target"},
		{SolveRequest{Target: "subdistrict.nowhere.total>=1"}, caili.KindBadRequest, "target"},
		{SolveRequest{Target: "subdistrict.desheng.salary>=1"}, caili.KindBadRequest, "target"},
		{SolveRequest{Target: "tier.Z.demand<=cap"}, caili.KindBadRequest, "target"},
		{SolveRequest{Target: "tier.A.demand"}, caili.KindBadRequest, "target"},
		{SolveRequest{Target: "tier.A.demand<=lots"}, caili.KindBadRequest, "target"},
		{SolveRequest{Target: "tier.mandatory.demand<=cap"}, caili.KindBadRequest, "target"},
		{SolveRequest{Target: "min_capacity", Vary: "plan.reserve_rate"}, caili.KindBadRequest, "vary"},
		{SolveRequest{Target: "accepted", Vary: "plan.name"}, caili.KindBadRequest, "vary"},
		{SolveRequest{Target: "accepted", Vary: "factor.workload.weight"}, caili.KindBadRequest, "vary"},
		{SolveRequest{Target: "accepted", Find: "middle"}, caili.KindBadRequest, "find"},
		{SolveRequest{Target: "accepted", Unit: decimal.NewFromInt(-1)}, caili.KindBadRequest, "precision"},
		{SolveRequest{Target: "accepted", Unit: decimal.New(5, -1)}, caili.KindBadRequest, "precision"},
		{SolveRequest{Target: "district.reserve<0"}, caili.KindUnprocessable, ""},
		{SolveRequest{Target: "accepted", Vary: "plan.reserve_rate", Find: FindMin}, caili.KindUnprocessable, ""},
	}
	for _, tt := range tests {
		t.Run(tt.req.Target+"/"+tt.req.Vary, func(t *testing.T) {
			_, err := Solve(context.Background(), d, tt.req)
			var ae *caili.Error
			if !errors.As(err, &ae) {
				t.Fatalf("error %v, want *caili.Error", err)
			}
			if ae.Kind != tt.kind {
				t.Errorf("kind %v, want %v (%v)", ae.Kind, tt.kind, err)
			}
			if tt.param != "" && (len(msg.Problems(ae)) == 0 || msg.Problems(ae)[0].Path != tt.param) {
				t.Errorf("problems %+v, want one on %s", msg.Problems(ae), tt.param)
			}
		})
	}
}

// TestSolveBruteForce compares goal-seek with a linear scan on small
// random plans: the first capacity (in steps of unit) at which the plan
// is accepted, and the first at which a sub-district's total reaches an
// amount.
func TestSolveBruteForce(t *testing.T) {
	compared := 0
	defer func() {
		if compared < 8 {
			t.Errorf("only %d of 12 searches had an answer to compare", compared)
		}
	}()
	for seed := uint64(1); seed <= 6; seed++ {
		var buf bytes.Buffer
		if err := plangen.Write(&buf, 2+int(seed%4), 6, seed); err != nil {
			t.Fatal(err)
		}
		d, err := standards.Parse("gen.toml", buf.Bytes(), nil)
		if err != nil {
			t.Fatal(err)
		}
		m, err := d.Compile()
		if err != nil {
			t.Fatal(err)
		}
		p := m.Plan()
		res, err := m.EvaluateTotals()
		if err != nil {
			t.Fatal(err)
		}
		// about 400 steps up to the capacity, a multiple of the rounding unit
		unit := decimal.New(1, int32(len(p.Capacity.Div(decimal.NewFromInt(400)).Floor().String())-1))
		unit = decimal.Max(unit, p.RoundingUnit)
		first := res.Subdistricts[0]
		for _, target := range []string{"min_capacity", "subdistrict." + first.ID + ".total>=" + first.Total.Mul(decimal.New(11, -1)).Floor().String()} {
			s, err := Solve(context.Background(), d, SolveRequest{Target: target, Unit: unit})
			var ae *caili.Error
			if errors.As(err, &ae) && ae.Kind == caili.KindUnprocessable {
				// out of reach (a total held at its ceiling): the scan must agree
				s = &Solution{Answer: Check{Value: decimal.NewFromInt(-1)}}
			} else if err != nil {
				t.Fatalf("seed %d %s: %v", seed, target, err)
			} else {
				checkExact(t, s)
			}
			tg, _ := ParseTarget(target, p)
			for k := int64(0); ; k++ {
				v := decimal.NewFromInt(k).Mul(unit)
				got, err := evaluate(d, []standards.Override{{Path: "plan.capacity", Value: v.String()}})
				if err == nil {
					if ok, _, _ := tg.Holds(got); ok {
						if !v.Equal(s.Answer.Value) {
							t.Errorf("seed %d %s: scan finds %s, solve %s", seed, target, v, s.Answer.Value)
						}
						compared++
						break
					}
				}
				if k > 4000 {
					if s.Answer.Value.IsNegative() {
						break
					}
					t.Fatalf("seed %d %s: scan found nothing up to %s (solve: %s)", seed, target, v, s.Answer.Value)
				}
			}
		}
	}
}

// TestBaseOverrides: goal-seek and the sweep start from the plan with the
// base overrides applied.
func TestBaseOverrides(t *testing.T) {
	d := sample(t)
	base := []standards.Override{{Path: "project.vector_control.unit_cost", Value: "3", File: "--set"}}
	s, err := Solve(context.Background(), d, SolveRequest{Target: "tier.A.demand<=cap", Vary: "project.vector_control.unit_cost", Base: base})
	if err != nil {
		t.Fatal(err)
	}
	if s.Original.String() != "3" || s.Answer.Value.String() != "16.75" {
		t.Errorf("original %s, answer %s", s.Original, s.Answer.Value)
	}
	r, err := Sensitivity(context.Background(), d, SensitivityRequest{Base: base})
	if err != nil {
		t.Fatal(err)
	}
	if l := leverOf(t, r, "project.vector_control.unit_cost"); l.Value.String() != "3" || l.Up.Value.String() != "3.3" {
		t.Errorf("lever from %s to %s", l.Value, l.Up.Value)
	}
}

// BenchmarkSolveSample is goal-seek's min_capacity on the sample plan.
func BenchmarkSolveSample(b *testing.B) {
	d := sample(b)
	for b.Loop() {
		if _, err := Solve(context.Background(), d, SolveRequest{Target: "min_capacity"}); err != nil {
			b.Fatal(err)
		}
	}
}
