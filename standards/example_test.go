package standards_test

import (
	"fmt"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// Load the sample plan, apply a what-if and compute it.
func Example() {
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		fmt.Println(err)
		return
	}
	o, _ := standards.ParseSet("project.vector_control.unit_cost=1.5")
	m, err := doc.Model(o)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := m.Evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Plan.Name, len(res.Subdistricts), res.Capacity)
	// Output: 西城区（示例）2025年街道可支配财力测算 15 2680000000
}

// Every problem of a plan is reported at once, with file, line and path.
func ExampleError() {
	plan := `[plan]
name = "例"
fiscal_year = 2025
capacity = "-5"
colour = "red"
`
	doc, err := standards.Parse("plan.toml", []byte(plan), nil)
	if err == nil {
		_, err = doc.Plan()
	}
	if ps := formula.ProblemsOf(err); ps != nil {
		for _, p := range ps {
			fmt.Println(msg.ProblemLine(msg.Zh, p))
		}
		fmt.Println(msg.ProblemLine(msg.En, ps[0])) // in English on request
	}
	// Output:
	// plan.toml:4: plan.capacity: 不能为负数（实为 -5）
	// plan.toml:5: plan.colour: 未知的键
	// plan.toml: factor: 至少要有一个 [[factor]] 因素
	// plan.toml: subdistrict: 至少要有一个 [[subdistrict]] 街道
	// plan.toml:4: plan.capacity: must not be negative (got -5)
}
