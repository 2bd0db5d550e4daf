// Package formula is caili's allocation engine: it turns a plan (a district's
// fiscal capacity, its expenditure standards and each sub-district's factor
// data) into every sub-district's disposable funds, following the stages of
// SPEC.md: reserve, personnel at actual, public costs at quota, projects by
// priority tier, tax-growth incentive, the block grant by factor scores and
// year-on-year damping.
//
// The package is pure. It does no I/O, reads no clock and keeps no globals;
// the same plan always gives the same result. Money never passes through
// floating point: inputs are decimals, products are exact, and shares are
// split with exact integer or rational arithmetic by the largest-remainder
// method. Rounding happens only where the specification rounds.
//
// Use it in two steps, compile once and evaluate:
//
//	model, err := formula.Compile(plan) // validates, resolves quantity names
//	result, err := model.Evaluate()      // runs the stages
//
// Every amount in a [Result] carries [Line]s that say how it was reached in
// words a sub-district office can check by hand.
package formula
