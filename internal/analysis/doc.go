// Package analysis answers the questions a single run of the plan cannot:
//
//   - goal-seek ([Solve]): the smallest (or largest) value of one numeric
//     standard or of the capacity for which a target holds — the capacity
//     that keeps every 街道 at its floor with 三保 paid
//     (`min_capacity`), the capacity that lifts one sub-district's total
//     to an amount, the unit cost that keeps a tier within its cap;
//   - sensitivity ([Sensitivity]): how much each sub-district's total
//     moves when every numeric standard, weight, coefficient and the
//     capacity moves by ±step, which levers move it most (the tornado
//     chart) and which cannot move it at all (masked levers, 无效调节项).
//
// Both vary a plan through its override paths (standards.Document.Model
// with [standards.Override]s, which takes the fast what-if path for
// numbers) and evaluate without lines (formula.Model.EvaluateTotals).
// Every search and every sweep is bounded ([MaxEvaluations], the number
// of levers of a plan).
//
// The package is application-level: it may import formula, standards,
// the error vocabulary internal/caili (its errors are *caili.Error, so
// every front end maps them the same way) and the message table, never
// internal/app, the server, the commands, net/http or Gin
// (internal/archtest holds it to that). The target grammar and the
// commands are described in docs/analysis.md.
package analysis
