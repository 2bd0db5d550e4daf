package whatif_test

import (
	"fmt"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/internal/attribution/whatif"
	"github.com/caili/caili/standards"
)

// A what-if of the sample plan, attributed by group: how much of each
// sub-district's change is the capacity's, and how much the standards'.
func ExampleAttribute() {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		fmt.Println(err)
		return
	}
	ovs, err := standards.ParseSets("plan.capacity=2700000000", "project.vector_control.unit_cost=2")
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := whatif.Attribute(doc, ovs, attribution.ByGroup)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := a.Index("xinjiekou")
	fmt.Println(a.Sentence(r, "原方案"))
	fmt.Println(a.Evaluations, "plans evaluated")
	// Output:
	// 比原方案减少 861,745 元:标准调整 −861,745 元
	// 4 plans evaluated
}
