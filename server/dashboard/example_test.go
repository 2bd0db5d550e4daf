package dashboard_test

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/server/dashboard"
	"github.com/caili/caili/standards"
)

// A handler of /plans/{plan} parses the page's what-if, computes the base
// and the what-if results, builds the view and renders it with the status
// the view says.
func Example() {
	r, err := dashboard.New() // once, at start-up
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := standards.LoadFile("testdata/plan.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	eval := func(ovs []standards.Override) (*formula.Result, error) {
		d, err := doc.Apply(ovs...)
		if err != nil {
			return nil, err
		}
		m, err := d.Compile()
		if err != nil {
			return nil, err
		}
		return m.Evaluate()
	}
	base, err := eval(nil)
	if err != nil {
		fmt.Println(err)
		return
	}

	// GET /plans/tiny?set.plan.capacity=59000000&set.factor.area.weight=
	query, _ := url.ParseQuery("set.plan.capacity=59000000&set.factor.area.weight=")
	w, problems := dashboard.ParseWhatIf(query)
	in := dashboard.PlanInput{PlanID: "tiny", Base: base, WhatIf: w, Problems: problems}
	if w.Active() && len(problems) == 0 {
		if in.Result, err = eval(w.Overrides()); err != nil {
			fmt.Println(err)
			return
		}
	}
	v, err := dashboard.NewPlanView(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	var page bytes.Buffer
	if err := r.Plan(&page, v); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("status:", v.Status)
	fmt.Println("permalink:", v.Permalink)
	fmt.Println("east:", v.Compare.Rows[0].Base.Text, "→", v.Compare.Rows[0].Scenario.Text, v.Compare.Rows[0].Pct)
	fmt.Println("identity:", v.Identity.Sum.Text, "=", v.Identity.Capacity.Text, v.Identity.OK)
	fmt.Println("table:", strings.Contains(page.String(), `id="allocations"`))
	// Output:
	// status: 200
	// permalink: /plans/tiny?set.plan.capacity=59000000
	// east: 22,659,200 → 22,287,368 -1.64%
	// identity: 59,000,000 = 59,000,000 true
	// table: true
}
