package main

import (
	"io"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// calcByCode is `caili calc --by function_code|economic_code`: the result
// totalled by classification code (docs/classification.md), as a table,
// CSV or JSON.
func calcByCode(pf *planFlags, of *outFlags, by string, stdout io.Writer) error {
	kind, ok := formula.ParseCodeKind(by)
	if !ok {
		return usageChoice("--by", []string{"function_code", "economic_code"}, by)
	}
	if of.format == formatCheckXLSX {
		return usagef(msg.CmdByCodeFormat)
	}
	res, err := pf.compute()
	if err != nil {
		return err
	}
	t, err := res.ByCode(kind)
	if err != nil {
		return app.Say(domain.KindInternal, msg.CmdByCode, by).Because(err)
	}
	return of.emit(stdout, func(w io.Writer) error {
		switch of.format {
		case "csv":
			return report.WriteCodesCSV(w, res, t, of.csvOf(res.Plan, pf.stamp))
		case "json":
			return report.WriteCodesJSON(w, res, t, pf.stamp)
		}
		return report.WriteCodesTable(w, res, t, pf.stamp)
	})
}
