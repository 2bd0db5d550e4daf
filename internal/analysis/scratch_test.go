package analysis

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/standards"
)

func TestScratch(t *testing.T) {
	d, _ := standards.LoadFS(configs.FS, configs.PlanPath)
	for _, tg := range []SolveRequest{{Target: "min_capacity"}, {Target: "tier.A.demand<=cap", Vary: "project.vector_control.unit_cost"}, {Target: "subdistrict.desheng.total>=200000000"}} {
		t0 := time.Now()
		s, err := Solve(context.Background(), d, tg)
		if err != nil {
			t.Log(err)
			continue
		}
		fmt.Printf("%v %+v %+v %+v %v %d\n", time.Since(t0), s.Answer, s.Beyond, s.Inside, s.Find, s.Evaluations)
	}
}

func TestScratchSens(t *testing.T) {
	d, _ := standards.LoadFS(configs.FS, configs.PlanPath)
	t0 := time.Now()
	r, err := Sensitivity(context.Background(), d, SensitivityRequest{})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(time.Since(t0), len(r.Levers))
	for _, l := range r.Levers {
		c1, _ := r.Change(l.Down)
		c2, _ := r.Change(l.Up)
		fmt.Println(l.Path, l.Label, l.MaxChange, l.Masked, c1, c2, l.Down.Rejected, l.Up.Rejected, l.Note)
	}
}
