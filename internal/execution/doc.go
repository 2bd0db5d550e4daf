// Package execution reads and measures a year's budget execution (预算执行,
// 资兴's 双监控): the monthly rows a budget system (预算管理一体化) exports —
// 街道, project or breakdown line, budget, spent, month — read from CSV or
// xlsx through a column mapping kept in the plan's folder; the execution
// rate of each line and 街道 by month; the warnings of the rules the plan
// states ([[execution_rule]]); the year's counts 西城 reports (projects
// executed as approved, adjusted); and what next year's plan takes from
// it (each project's rate, the lines unused two years running).
//
// It is pure: it reads bytes it is given and returns values; the record
// store keeps the imports (internal/store/sqlite) and internal/app joins
// the two. docs/year-data.md describes it for the planner.
package execution
