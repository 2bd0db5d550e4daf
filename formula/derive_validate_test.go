package formula

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestDeriveValidationRemembered: once a plan's tables passed, what-ifs
// of its capacity and reserve rate, valid or not, and of another table,
// fail as Compile fails, problem for problem, and pass as it passes.
func TestDeriveValidationRemembered(t *testing.T) {
	d := decimal.RequireFromString
	for seed := uint64(1); seed <= 100; seed++ {
		p := randomMoneyPlan(seed)
		m, err := Compile(p)
		if err != nil {
			continue
		}
		u, _ := p.unit()
		changes := []func(q *Plan){
			func(q *Plan) { q.Capacity = q.Capacity.Add(u.d) },
			func(q *Plan) { q.Capacity = d("-1").Mul(u.d) },
			func(q *Plan) { q.Capacity = q.Capacity.Add(u.d.Div(d("2"))) },
			func(q *Plan) { q.ReserveRate = d("1") },
			func(q *Plan) { q.ReserveRate, q.Capacity = d("-0.1"), d("-1").Mul(u.d) },
			func(q *Plan) { q.Name = " " },
			func(q *Plan) {
				q.Staff = append([]Staff{}, q.Staff...)
				q.Staff[0].AnnualPay = d("-1")
				q.Capacity = q.Capacity.Add(u.d)
			},
		}
		for round := range 2 { // the second round finds the tables remembered
			for k, change := range changes {
				q := *p
				change(&q)
				_, want := Compile(&q)
				_, got := m.Derive(&q)
				if (got == nil) != (want == nil) || (got != nil && got.Error() != want.Error()) {
					t.Fatalf("seed %d round %d change %d: Derive %v, Compile %v", seed, round, k, got, want)
				}
			}
		}
	}
}
