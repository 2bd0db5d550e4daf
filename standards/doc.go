// Package standards is the plan file's side of caili: TOML in, a checked
// [formula.Plan] out. It owns
//
//   - TOML ↔ formula.Plan: decoding a plan file and the standards file it
//     names into engine types, strictly, reporting every problem at once
//     (rules §2). Numbers are decoded through [toml.Unmarshaler], so a
//     float means the decimal a person typed and money never passes
//     through binary floating point.
//   - locating keys by file and line: each problem carries its file, its
//     line where the TOML text shows it, and its key path
//     (`subdistrict[west].quantities.hotline_tickets: missing`).
//   - overrides and scenarios (rules §4): scenario files and
//     `--set path=value` overrides, applied without touching the plan
//     file, the overridden plan validated again in full. Every path an
//     override may name is one entry of one path table (paths.go), which
//     both the general way (override.go) and the what-if fast path for
//     numeric overrides (patch.go) use.
//
// It builds on formula, the TOML decoder and shopspring/decimal (and
// forwards the deprecated file writer to internal/atomicfile). It must not
// import the layers above it: internal/app, internal/report, server, cmd,
// gin or excelize; internal/archtest's TestArchitecture holds it to that
// (its tests may use internal/report to compare results).
package standards
