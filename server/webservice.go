package server

import (
	"bytes"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/report/xlsx"
)

// webservice.xlsx: a workbook whose cells pull the plan's figures live
// from this server with WEBSERVICE (docs/api.md), one row a 街道 and one
// column a component, pointing at the address the request came to.

// webServiceRoutes registers the route on the working plans' group.
func (s *Server) webServiceRoutes(live router) { live.get("/webservice.xlsx", s.webService) }

// webServiceAccess adds its rule to the access table (p: the plans'
// prefix): the working plans' results.
func webServiceAccess(t map[string]rule, p string) { t["GET "+p+"/webservice.xlsx"] = ruleLive }

// webService serves webservice.xlsx: the plan as written (its cells ask
// for the plan as written too).
func (s *Server) webService(c *gin.Context) {
	base := requestBase(c.Request)
	s.resultRoute(c, 0, func(plan string, _ app.Query) (view, error) {
		return view{name: "webservice.xlsx;" + base, contentType: typeXLSX, filename: plan + "-webservice.xlsx",
			render: func(_ *app.Job, res *formula.Result) ([]byte, error) {
				var buf bytes.Buffer
				err := xlsx.WriteWebService(&buf, res, base, plan)
				return buf.Bytes(), err
			}}, nil
	})
}

// requestBase is the address a request came to: its scheme and host.
func requestBase(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}
