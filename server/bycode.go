package server

import (
	"bytes"
	"fmt"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/report"
)

// codeKinds are the classifications a result is totalled by, in the
// routes /by/{kind}.{json,csv} (docs/classification.md).
var codeKinds = []formula.CodeKind{formula.FunctionCode, formula.EconomicCode}

// byCode serves by/function_code.{json,csv} and by/economic_code.{json,csv}:
// the result totalled by classification code, with the what-if parameters
// of allocations.
func (s *Server) byCode(kind formula.CodeKind, format string) gin.HandlerFunc {
	allow := app.ParamSet | app.ParamScenario
	if format == "csv" {
		allow |= app.ParamBOM
	}
	name := "by/" + string(kind) + "." + format
	vf := func(plan string, q app.Query) (view, error) {
		v := view{name: csvName(name, q), contentType: typeOf(format, q),
			render: func(j *app.Job, res *formula.Result) ([]byte, error) {
				return renderByCode(res, kind, format, csvOptions(q), s.app.Stamp(j))
			}}
		if format == "csv" {
			v.filename = plan + "-" + string(kind) + ".csv"
		}
		return v, nil
	}
	return func(c *gin.Context) { s.resultRoute(c, allow, vf) }
}

// renderByCode totals the result by code and writes it as JSON or CSV.
func renderByCode(res *formula.Result, kind formula.CodeKind, format string, opts report.CSVOptions, st *report.Stamp) ([]byte, error) {
	t, err := res.ByCode(kind)
	if err != nil {
		return nil, fmt.Errorf("total by %s: %w", kind, err)
	}
	var buf bytes.Buffer
	if format == "csv" {
		err = report.WriteCodesCSV(&buf, res, t, opts)
	} else {
		err = report.WriteCodesJSON(&buf, res, t, st)
	}
	return buf.Bytes(), err
}
