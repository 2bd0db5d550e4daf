package server

// The tornado chart's parameters (charts/tornado.png|svg).
var (
	pChartStep = obj{"name": "step", "in": "query", "schema": obj{"type": "string"},
		"description": "tornado only: the relative step, `10%` (default) or `0.1`"}
	pChartSub = obj{"name": "subdistrict", "in": "query", "schema": obj{"type": "string"},
		"description": "tornado only: rank the levers by this sub-district's total (id or name)"}
)

// analysisOperations are the routes of goal-seek and sensitivity
// (analysis.go; docs/analysis.md).
func analysisOperations() []operation {
	str := obj{"type": "string"}
	pTarget := obj{"name": "target", "in": "query", "required": true, "schema": str,
		"description": "what to reach: `min_capacity` (smallest capacity the plan is accepted with), `accepted`, or " +
			"`<metric> <op> <number|metric>` with metric `subdistrict.<id or name>.<total|personnel|public|projects|incentive|block|damping>`, " +
			"`tier.<mandatory|A|B|C|D>.<demand|budget|cap|shortfall|demoted>` or `district.<total|reserve|pool|block_pool|incentive_pool>`, " +
			"op one of >= <= == > <; a bare field on the right is the left metric's own (`tier.A.demand<=cap`)"}
	pVary := obj{"name": "vary", "in": "query", "schema": str,
		"description": "the numeric rules §4 path varied (default plan.capacity), e.g. project.vector_control.unit_cost; entries may be named by name (project.病媒生物防制.unit_cost, docs/names.md)"}
	pFind := obj{"name": "find", "in": "query", "schema": obj{"type": "string", "enum": []string{"min", "max"}},
		"description": "which end of the values meeting the target; default: the boundary nearest the plan's value"}
	pPrecision := obj{"name": "precision", "in": "query", "schema": str,
		"description": "the step of the answer (default: the rounding unit for plan.capacity, else 0.01)"}
	pStep := obj{"name": "step", "in": "query", "schema": str, "description": "relative step, `10%` (default) or `0.1`; above 0, below 100%"}
	pSub := obj{"name": "subdistrict", "in": "query", "schema": str,
		"description": "rank and mask the levers by this sub-district's total (id or name) instead of the largest change over all"}
	plain := []obj{pPlan, pSets, pScenario}
	sens := "Every numeric standard, weight, coefficient and the capacity (the plan's numeric rules §4 paths, not sub-district data) " +
		"moved by −step and +step alone; a weight's siblings are rescaled to keep the sum 1. Levers are ranked by the largest absolute " +
		"change of a sub-district's total; those that move no total are `masked` (无效调节项); a move the rules reject carries `rejected`."
	return []operation{
		{method: "GET", path: "/api/v1/plans/{plan}/solve.json", id: "solve", summary: "goal-seek: the smallest or largest value of a path meeting a target, with the one-unit-beyond check",
			desc: "Exponential bracketing from the plan's value, then bisection over whole units (at most a few hundred evaluations, in one " +
				"computing slot, 30 s at most). The answer holds and one unit beyond it does not; `monotone` is false when one unit inside fails.",
			params: append(plain, pTarget, pVary, pFind, pPrecision),
			ok:     map[string]obj{"200": resp("the answer and its checks", content("application/json", obj{"type": "object"}))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/sensitivity.json", id: "sensitivityJSON", summary: "sensitivity of each sub-district's total to every lever at ±step",
			desc: sens, params: append(plain, pStep, pSub),
			ok:     map[string]obj{"200": resp("the levers, ranked", content("application/json", obj{"type": "object"}))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/api/v1/plans/{plan}/sensitivity.csv", id: "sensitivityCSV", summary: "the same as CSV: one row per lever, direction and sub-district",
			desc: sens, params: append(plain, pStep, pSub, pBOM),
			ok:     map[string]obj{"200": resp("the levers", content("text/csv", textSchema))},
			errors: []int{400, 404, 422}},
		{method: "GET", path: "/plans/{plan}/solve", id: "solvePage", page: true,
			summary: "dashboard: the goal-seek form (目标求解) and its answer with the one-unit-beyond check",
			params:  []obj{pPlan, pTarget, pVary, pFind, pPrecision},
			ok:      map[string]obj{"200": resp("HTML page", content("text/html", textSchema))},
			errors:  []int{400, 404, 422}},
	}
}
