// Package archtest holds the architecture test: a table of rules about
// which of the module's packages may import which (formula is pure
// computation, standards and internal/report do not know the server,
// only internal/report/xlsx, internal/report/checkxlsx and standards/workbook
// use excelize, only one file of server/chart
// uses go-chart, only server and cmd/caili use Gin, …), checked against
// the import graph that go list reports. The package has no code outside
// its test; run it with go test ./internal/archtest.
//
// It must not be imported: it holds tests only.
package archtest
