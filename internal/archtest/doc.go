// Package archtest holds the architecture tests. A table of rules says
// which of the module's packages may import which (formula is pure
// computation, standards and internal/report do not know the server,
// only internal/report/xlsx, internal/report/checkxlsx and standards/workbook
// use excelize, only one file of server/chart
// uses go-chart, only server and cmd/caili use Gin, …), checked against
// the import graph that go list reports; a rule that constrains no
// package fails. A second table bounds what a package links, its
// transitive imports (go list -deps): formula links the standard library
// and decimal only. A size guard bounds files and functions, literals
// included, in code and, more loosely, in tests. Each check is itself
// tested on a planted module with the faults it must catch.
//
// The package has no code outside its tests; run them with
// go test ./internal/archtest. It must not be imported.
package archtest
