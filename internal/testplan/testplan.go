// Package testplan evaluates plan files for tests, the way the
// application does: the loader's compiled model (standards.Document.Model),
// then the engine. It is imported by tests only; the loader itself never
// evaluates.
package testplan

import (
	"testing"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// Evaluate applies overrides to a document and evaluates it, returning
// the error (bad overrides, a rejection) rather than failing.
func Evaluate(doc *standards.Document, ovs ...standards.Override) (*formula.Result, error) {
	m, err := doc.Model(ovs...)
	if err != nil {
		return nil, err
	}
	return m.Evaluate()
}

// Sets is Evaluate with command-line overrides ("path=value"); a
// malformed override fails the test.
func Sets(tb testing.TB, doc *standards.Document, sets ...string) (*formula.Result, error) {
	tb.Helper()
	ovs, err := standards.ParseSets(sets...)
	if err != nil {
		tb.Fatal(err)
	}
	return Evaluate(doc, ovs...)
}

// File loads a plan file and evaluates it with command-line overrides;
// any error fails the test.
func File(tb testing.TB, path string, sets ...string) *formula.Result {
	tb.Helper()
	doc, err := standards.LoadFile(path, standards.WithData(workbook.Read))
	if err != nil {
		tb.Fatal(err)
	}
	res, err := Sets(tb, doc, sets...)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// Sample loads the embedded sample plan (configs) and converts it; any
// error fails the test.
func Sample(tb testing.TB) (*standards.Document, *formula.Plan) {
	tb.Helper()
	doc, err := standards.LoadFS(configs.FS, configs.PlanPath)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := doc.Plan()
	if err != nil {
		tb.Fatal(err)
	}
	return doc, p
}
