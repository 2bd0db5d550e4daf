// Package standards reads plan files: it decodes the TOML of a plan and the
// standards file it names into engine types ([formula.Plan]), validates them
// strictly and reports every problem at once, each with its file, its line
// where the TOML text shows it, and its key path
// (`subdistrict[west].quantities.hotline_tickets: missing`).
//
// It also reads scenario files and `--set path=value` overrides (SPEC §4)
// and applies them to a plan without touching the plan file; the overridden
// plan is validated again in full.
//
// Numbers are decoded through [toml.Unmarshaler], so a float means the
// decimal a person typed and money never passes through binary floating
// point.
package standards
