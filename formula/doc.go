// Package formula is caili's allocation engine: it turns a plan (a district's
// fiscal capacity, its expenditure standards and each sub-district's factor
// data) into every sub-district's disposable funds.
//
// # What it owns
//
// The package owns the rules and nothing else: the plan as data ([Plan]),
// its validation ([Plan.Validate], reporting [Problem]s with stable
// [Code]s), the stages of the calculation (reserve, personnel at actual,
// public costs at quota, projects by priority tier, tax-growth incentive,
// the block grant by factor scores, year-on-year damping), the rounding
// and largest-remainder arithmetic they use, and the [Result] with its
// [Line]s, whose formulas say in words a sub-district office can check by
// hand how each amount was reached. [ComponentNames] is the one list of the
// six components an allocation is made of. Reading plan files, scenarios,
// reports and serving belong to other packages.
//
// The rules it implements are written down in docs/rules.md; comments cite
// them by section, as "rules §3". Where the code and that document differ,
// it is a bug, and both change together.
//
// # Purity
//
// The package is pure. It does no I/O, reads no clock, draws no random
// numbers and keeps no state in globals (its package-level values are
// fixed tables); the same plan always gives the same result, byte for byte. Money never passes through floating point: inputs
// are decimals, products are exact, and shares are split with exact integer
// or rational arithmetic by the largest-remainder method. Rounding happens
// only where the rules round.
//
// So that it stays that way, formula imports nothing of caili (not
// standards, not internal/..., not server, not cmd: they import it) and no
// package that does I/O or reads the clock (os, io, net, time, log and the
// like); only the standard library's arithmetic, strings and sorting, and
// github.com/shopspring/decimal. It says nothing in words: a problem or a
// rejection names a message of the table (a [Text] with its arguments,
// [Words]), and the edge (internal/msg) renders it in the language asked
// for. internal/archtest's TestArchitecture holds it to this, and its
// allowlist of formula's transitive imports (the standard library and
// decimal) to the letter.
//
// # Use
//
// Use it in two steps, compile once and evaluate:
//
//	model, err := formula.Compile(plan) // validates, resolves quantity names
//	result, err := model.Evaluate()      // runs the stages
//
// [Model.EvaluateTotals] runs the same stages without keeping the lines,
// for outputs that show only components and totals.
package formula
