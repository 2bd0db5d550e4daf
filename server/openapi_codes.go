package server

import "github.com/caili/caili/formula"

// codeOperations are the routes of a result totalled by classification
// code (bycode.go; docs/classification.md): one per classification and
// format.
func codeOperations() []operation {
	desc := "One row a code (the amounts of the staff categories, quotas and projects carrying it), the uncoded amounts " +
		"(incentive, block grant, damping and uncoded items) last as `uncoded`; columns: total, the six components and one per sub-district. " +
		"Σ rows + reserves = capacity exactly, checked before anything is written. Takes the `set.`/`scenario=` overrides of allocations."
	var ops []operation
	for _, k := range codeKinds {
		label, id := "支出功能分类 function classification", "byFunction"
		if k == formula.EconomicCode {
			label, id = "支出经济分类 economic classification", "byEconomic"
		}
		base := "/api/v1/plans/{plan}/by/" + string(k)
		ops = append(ops,
			operation{method: "GET", path: base + ".json", id: id + "JSON", summary: "the result totalled by " + label + " code, as JSON", desc: desc,
				params: whatIf(), ok: map[string]obj{"200": withETag(resp("the totals by code", content("application/json", obj{"type": "object"})))},
				errors: []int{400, 404, 422}},
			operation{method: "GET", path: base + ".csv", id: id + "CSV", summary: "the result totalled by " + label + " code, as CSV", desc: desc,
				params: whatIf(pBOM, pEncoding, pHeader), ok: map[string]obj{"200": withETag(resp("the totals by code, as an attachment <plan>-"+string(k)+".csv", content("text/csv", textSchema)))},
				errors: []int{400, 404, 422}},
		)
	}
	return ops
}
