package server

import (
	"bytes"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/xlsx"
	"github.com/caili/caili/standards"
)

// The 预算管理一体化 export (issue 24 §2, docs/classification.md):
// export.csv and export.xlsx, one row per 街道 × line laid out by a
// built-in export profile (profile=, default yitihua), as caili export
// writes them. A profile file of one's own is the command line's; the
// server offers the built-in ones only.

// exportFormats are the export's formats, the routes' extensions.
var exportFormats = []string{"csv", "xlsx"}

// exportRoutes registers the export's routes on the working plans' group.
func (s *Server) exportRoutes(live router) {
	for _, f := range exportFormats {
		live.get("/export."+f, s.export(f))
	}
}

// exportAccess adds the export's rules to the access table (p: the
// plans' prefix): the working plans' results, as allocations.csv.
func exportAccess(t map[string]rule, p string) {
	for _, f := range exportFormats {
		t["GET "+p+"/export."+f] = ruleLive
	}
}

// export serves export.{csv,xlsx}: the what-if parameters of allocations,
// profile= and, for CSV, bom=0 and encoding=gb18030.
func (s *Server) export(format string) gin.HandlerFunc {
	allow := app.ParamSet | app.ParamScenario
	if format == "csv" {
		allow |= app.ParamBOM
	}
	return func(c *gin.Context) {
		ps, rest, err := takeParams(c.Request.URL.RawQuery, []string{"profile"})
		if err != nil {
			s.fail(c, err)
			return
		}
		name := ps["profile"]
		if name == "" {
			name = "yitihua"
		}
		prof, ok, err := standards.BuiltinProfile(name)
		switch {
		case !ok:
			s.fail(c, msg.ExportProfileUnknown.Query("profile", name, strings.Join(standards.ProfileNames(), ", ")))
			return
		case err != nil:
			s.fail(c, err)
			return
		}
		c.Request.URL.RawQuery = rest // what resultRoute parses: the what-if and the CSV's bytes
		s.resultRoute(c, allow, func(plan string, q app.Query) (view, error) {
			v := view{name: "export." + format + ";" + name, contentType: typeXLSX, filename: plan + "-" + name + "." + format,
				render: func(_ *app.Job, res *formula.Result) ([]byte, error) {
					var buf bytes.Buffer
					var err error
					if format == "xlsx" {
						err = xlsx.WriteExport(&buf, res, prof)
					} else {
						err = report.WriteExportCSV(&buf, res, prof, csvOptions(q))
					}
					return buf.Bytes(), err
				}}
			if format == "csv" {
				v.name = csvName(v.name, q)
				v.contentType = typeOf("csv", q)
			}
			return v, nil
		})
	}
}
