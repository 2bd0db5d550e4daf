package analysis_test

import (
	"context"
	"fmt"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/internal/analysis"
	"github.com/caili/caili/standards"
)

// The highest unit cost of 病媒生物防制 (vector control) that keeps tier A
// within its cap, on the sample plan, and the check one cent above it.
func ExampleSolve() {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		panic(err)
	}
	s, err := analysis.Solve(context.Background(), doc, analysis.SolveRequest{
		Target: "tier.A.demand<=cap", Vary: "project.vector_control.unit_cost"})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Find, s.Answer.Value, s.Answer.Holds)
	fmt.Println(s.Beyond.Value, s.Beyond.Holds)
	// Output:
	// max 16.75 true
	// 16.76 false
}

// The smallest capacity the sample plan is accepted with: floors
// fundable, 三保 paid.
func ExampleSolve_minCapacity() {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		panic(err)
	}
	s, err := analysis.Solve(context.Background(), doc, analysis.SolveRequest{Target: "min_capacity"})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Answer.Value, s.Beyond.Value, s.Beyond.Holds)
	// Output:
	// 2540855639 2540855638 false
}

// The levers that move the sample district's totals most at ±10%.
func ExampleSensitivity() {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		panic(err)
	}
	r, err := analysis.Sensitivity(context.Background(), doc, analysis.SensitivityRequest{})
	if err != nil {
		panic(err)
	}
	for _, l := range r.Levers[:3] {
		fmt.Println(l.Path, l.MaxChange)
	}
	// Output:
	// damping.ceiling 7438890
	// damping.floor 6014536
	// staff.community_worker.annual_pay 5037120
}
