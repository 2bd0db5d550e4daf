// Package configs holds the illustrative sample district plan: a
// Xicheng-like district with 15 sub-districts (plan.toml), its shared
// standards (standards.toml) and five what-if scenarios (scenarios/*.toml).
//
// Every figure in these files is made up to demonstrate the allocation
// method; none of it is official data or an official standard.
//
// It holds data only and must not import any package of caili.
package configs

import "embed"

// FS holds plan.toml, standards.toml and scenarios/*.toml, so the sample can
// be computed without the source tree (plan.toml names standards.toml by a
// path relative to itself, which resolves inside FS as well).
//
//go:embed plan.toml standards.toml scenarios/*.toml kemu-2025.toml export/*.toml
var FS embed.FS

const (
	// PlanPath is the sample plan's path inside FS.
	PlanPath = "plan.toml"
	// ScenarioDir is the directory inside FS holding the sample scenarios.
	ScenarioDir = "scenarios"
	// ExportDir is the directory inside FS holding the built-in export
	// profiles (export/<name>.toml, docs/classification.md).
	ExportDir = "export"
	// CataloguePath is the built-in 科目 table's path inside FS: the
	// names of the codes the sample uses, in force when a plan names
	// none (docs/classification.md).
	CataloguePath = "kemu-2025.toml"
)
