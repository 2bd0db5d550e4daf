package server

import (
	"bytes"
	"cmp"
	"errors"
	"io"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/checkxlsx"
	"github.com/caili/caili/server/chart"
)

// view is one representation of a result that a result route serves.
type view struct {
	// name identifies the representation among those of one result, for
	// its ETag and its render memo: "allocations.csv;nobom",
	// "cell/east/total", "chart/components.svg?per=…".
	name        string
	contentType string
	// filename, when not "", is the file a browser or spreadsheet saves
	// the body as.
	filename string
	// render draws the body from the job's result; its errors are the
	// client's (an unknown sub-district, a base that cannot be compared).
	render func(j *app.Job, res *formula.Result) ([]byte, error)
	// stream, when not nil, writes the same body as render to w as it
	// goes, without holding it: a what-if's is streamed (streamed.go),
	// never memoised.
	stream func(w io.Writer, j *app.Job, res *formula.Result) error
	// totals says the body shows only components and totals (CSV, XML,
	// a cell): a what-if is then evaluated without its lines
	// (app.ComputeTotals).
	totals bool
}

// viewFunc makes a route's view from its plan id and parsed query; an
// error refuses the request before anything is computed.
type viewFunc func(plan string, q app.Query) (view, error)

// resultRoute is the common path of every result route: parse the query,
// make the view, find the plan and scenario, answer 304 when the client
// has this representation, else compute (or take from the cache) and
// render.
func (s *Server) resultRoute(c *gin.Context, allow app.Params, vf viewFunc) {
	q, err := app.ParseQuery(c.Request.URL.RawQuery, allow)
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := vf(c.Param("plan"), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	j, err := s.app.Resolve(c.Param("plan"), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	key := s.app.Key(j)
	tag := s.app.JobETag(j, v.name)
	st := s.app.Stamp(j)
	c.Header("X-Caili-Stamp", s.app.StampHeader(j))
	c.Header("ETag", tag)
	c.Header("Cache-Control", "no-cache")
	if notModified(c.Request, tag) {
		c.Status(http.StatusNotModified)
		return
	}
	comp, ckey := s.compute(j, key, v.totals)
	if comp.Err != nil {
		s.fail(c, comp.Err)
		return
	}
	if v.stream != nil && j.WhatIf() {
		s.streamView(c, v, st, j, comp.Res)
		return
	}
	data, fresh, err := comp.Render(v.name, func() ([]byte, error) { return v.render(j, comp.Res) })
	if err != nil {
		s.fail(c, err)
		return
	}
	if fresh && j.WhatIf() {
		s.app.Cache.Grow(ckey, int64(len(data)))
	}
	if v.filename != "" && !j.WhatIf() {
		// The plan's own result: its file name made once per version.
		c.Header("Content-Disposition", comp.Text(v.name, func() string { return dispositionOf(v, st) }))
	} else {
		s.disposition(c, v, st)
	}
	c.Header("Content-Length", strconv.Itoa(len(data))) // as the fast path says it (fastpath.go), HEAD too
	c.Data(http.StatusOK, v.contentType, data)
}

// disposition sets the Content-Disposition of a view saved as a file.
func (s *Server) disposition(c *gin.Context, v view, st *report.Stamp) {
	if v.filename != "" {
		c.Header("Content-Disposition", dispositionOf(v, st))
	}
}

// dispositionOf is the Content-Disposition of a view saved as a file.
func dispositionOf(v view, st *report.Stamp) string {
	ext := path.Ext(v.filename)
	return attachment(st.FileName(strings.TrimSuffix(v.filename, ext), ext))
}

// allocationsType is the content type of each format of allocations.
var allocationsType = map[string]string{"json": typeJSON, "csv": typeCSV, "xml": typeXML, "xlsx": typeXLSX}

// csvName names a representation that may leave out the BOM or be
// encoded in GB18030.
func csvName(base string, q app.Query) string {
	if q.NoBOM {
		base += ";nobom"
	}
	if q.GB18030 {
		base += ";gb18030"
	}
	if q.HeaderZH {
		base += ";zh"
	}
	if q.Wan {
		base += ";wan"
	}
	return base
}

// allocations serves allocations.{json,csv,xml,xlsx}.
func (s *Server) allocations(format string) gin.HandlerFunc {
	allow, vf := allocationsParams(format), s.allocationsView(format)
	return func(c *gin.Context) { s.resultRoute(c, allow, vf) }
}

// allocationsParams are the query parameters allocations.<format> takes.
func allocationsParams(format string) app.Params {
	allow := app.ParamSet | app.ParamScenario
	if format == "csv" {
		allow |= app.ParamBOM | app.ParamUnit
	}
	return allow
}

// allocationsView is the view of allocations.<format> (also the fast
// path's, fastpath.go).
func (s *Server) allocationsView(format string) viewFunc {
	return func(plan string, q app.Query) (view, error) {
		v := view{name: csvName("allocations."+format, q), contentType: typeOf(format, q),
			render: func(j *app.Job, res *formula.Result) ([]byte, error) {
				if q.Wan {
					return renderCSVWan(res, csvOptions(q))
				}
				return renderAllocations(res, format, csvOptions(q), s.app.Stamp(j))
			}}
		v.totals = format == "csv" || format == "xml"
		if format == "json" {
			v.stream = func(w io.Writer, j *app.Job, res *formula.Result) error {
				return report.WriteJSONStamped(w, res, s.app.Stamp(j))
			}
		}
		if format == "csv" || format == "xlsx" {
			v.filename = plan + "." + format
		}
		return v, nil
	}
}

// allocationsCheck serves allocations-check.xlsx: the 复核 workbook of
// the result (inputs and every stage as live formulas beside caili's
// figures, docs/check-workbook.md), with the same query as
// allocations.xlsx. A plan too large for it is 422.
func (s *Server) allocationsCheck(c *gin.Context) {
	s.resultRoute(c, app.ParamSet|app.ParamScenario, func(plan string, _ app.Query) (view, error) {
		return view{name: "allocations-check.xlsx", contentType: typeXLSX, filename: plan + "-check.xlsx",
			render: func(_ *app.Job, res *formula.Result) ([]byte, error) {
				var buf bytes.Buffer
				if err := checkxlsx.Write(&buf, res); err != nil {
					if errors.Is(err, checkxlsx.ErrTooLarge) {
						return nil, app.Say(caili.KindUnprocessable, msg.ServerCheckTooLarge).Because(err)
					}
					return nil, err
				}
				return buf.Bytes(), nil
			}}, nil
	})
}

// subdistrict serves subdistricts/{id}.json.
func (s *Server) subdistrict(c *gin.Context) {
	// Trimmed here, so that the representations memoised per result are
	// one per id or name, however many spaces a client sends.
	id, ok := strings.CutSuffix(c.Param("id"), ".json")
	id = strings.TrimSpace(id)
	if !ok {
		s.fail(c, app.Say(caili.KindNotFound, msg.ServerNoSubRoute, msg.Clip(c.Request.URL.Path)))
		return
	}
	s.resultRoute(c, app.ParamSet|app.ParamScenario, func(string, app.Query) (view, error) {
		return view{name: "subdistrict/" + id, contentType: typeJSON,
			render: func(j *app.Job, res *formula.Result) ([]byte, error) {
				a, err := find(j, res, id)
				if err != nil {
					return nil, err
				}
				return renderSubdistrict(res, a)
			}}, nil
	})
}

// cell serves cell/{subdistrict}/{column}: one bare number.
func (s *Server) cell(c *gin.Context) {
	id, column := strings.TrimSpace(c.Param("subdistrict")), c.Param("column") // trimmed: see subdistrict
	s.resultRoute(c, app.ParamSet|app.ParamScenario, func(string, app.Query) (view, error) {
		if !slices.Contains(cellColumns, column) {
			return view{}, app.Say(caili.KindNotFound, msg.ServerNoColumn, msg.Clip(column), strings.Join(cellColumns, ", "))
		}
		return view{name: "cell/" + id + "/" + column, contentType: typeText, totals: true,
			render: func(j *app.Job, res *formula.Result) ([]byte, error) {
				a, err := find(j, res, id)
				if err != nil {
					return nil, err
				}
				v, _ := cell(res, a, column)
				return []byte(v), nil
			}}, nil
	})
}

// find is a sub-district of a result by its id or name (docs/names.md);
// an unknown one is not found, a name two share a bad request.
func find(j *app.Job, res *formula.Result, ref string) (*formula.Allocation, error) {
	return app.FindSubdistrict(j.PlanID, res, ref)
}

// baseOf is the result of the plan as written, to compare a what-if
// with; a base the rules reject cannot be compared with.
func baseOf(j *app.Job) (*formula.Result, error) {
	base := j.Plan.Base
	if base.Err != nil {
		ae := *app.Classify(base.Err)
		ae.Says = []caili.Words{msg.ServerBaseRejected.Says(ae.Says)}
		return nil, &ae
	}
	return base.Res, nil
}

// needWhatIf refuses a comparison without anything to compare with.
func needWhatIf(what string, q app.Query) error {
	if !q.WhatIf() {
		return app.Say(caili.KindBadRequest, msg.ServerNeedsWhatIf, what)
	}
	return nil
}

// compare serves compare.{json,csv}: a what-if against the plan as written.
func (s *Server) compare(format string) gin.HandlerFunc {
	allow := app.ParamSet | app.ParamScenario | app.ParamAttribute
	if format == "csv" {
		allow |= app.ParamBOM | app.ParamUnit
	}
	vf := func(plan string, q app.Query) (view, error) {
		if err := needWhatIf("compare", q); err != nil {
			return view{}, err
		}
		if q.By != "" && q.By != "auto" && !q.Attribute {
			return view{}, msg.ServerByNeedsAttribute.Query("by")
		}
		name := csvName("compare."+format, q)
		if q.Attribute {
			name += ";attribute=" + cmp.Or(q.By, "auto")
		}
		v := view{name: name, contentType: typeOf(format, q),
			render: func(j *app.Job, res *formula.Result) ([]byte, error) {
				base, err := baseOf(j)
				if err != nil {
					return nil, err
				}
				attr, err := s.attribution(j, q)
				if err != nil {
					return nil, err
				}
				if q.Wan {
					return renderCompareWan(base, res, attr, csvOptions(q))
				}
				return renderCompare(base, res, attr, format, csvOptions(q))
			}}
		if format == "csv" {
			v.filename = plan + "-compare.csv"
		}
		return v, nil
	}
	return func(c *gin.Context) { s.resultRoute(c, allow, vf) }
}

// chart serves GET /api/v1/plans/{plan}/charts/{kind}.{png,svg,csv}: a
// chart of the plan's result, or of a what-if (`set.<path>=<value>`,
// `scenario=<name>`), drawn by package chart; .csv serves the numbers the
// chart draws (chart.Data), with the same parameters and `bom`.
//
//   - An unknown kind or format, or a name without an extension, is 404.
//   - `per=<quantity>` names what a per_capita or lorenz chart divides by
//     (default chart.DefaultPer of the result, or the plan's population
//     quantity for lorenz); a quantity the result's sub-districts do not
//     all have, or that is zero in one, is 400, and so is `per` on any
//     other kind, or a lorenz chart of a plan with no population quantity.
//   - compare draws the what-if against the plan as written; without
//     overrides it draws this year's damping measure against last year's
//     baseline ([damping] baseline), and is 400 when the plan has none (a
//     chart of nothing but zeros would only look like an answer). A base
//     the rules reject cannot be compared with (422).
//   - A plan or what-if the rules reject is 422; bad overrides are 400.
//
// The chart is rendered once per result and representation and kept with
// the result (so a cached what-if keeps its charts); it carries a strong
// ETag over the result's key, the kind, the format and per, and answers
// If-None-Match with 304 before anything is computed.
func (s *Server) chart(c *gin.Context) {
	k, f, err := parseChartName(c.Param("kind"))
	if err != nil {
		s.fail(c, err)
		return
	}
	if k == chart.KindTornado {
		s.tornado(c, f) // drawn from a sensitivity sweep, not a result (analysis.go)
		return
	}
	allow := app.ParamSet | app.ParamScenario | app.ParamPer
	if f == chart.CSV {
		allow |= app.ParamBOM
	}
	s.resultRoute(c, allow, func(plan string, q app.Query) (view, error) {
		if q.Per != "" && k != chart.KindPerCapita && k != chart.KindLorenz {
			return view{}, msg.ServerPerOnly.Query("per", k.String())
		}
		v := view{name: csvName(chartName(k, f, q.Per), q), contentType: f.ContentType(),
			render: func(j *app.Job, res *formula.Result) ([]byte, error) {
				in := chart.Input{Result: res, Per: app.QuantityRef(res.Plan, q.Per), NoBOM: q.NoBOM}
				if k == chart.KindCompare && q.WhatIf() {
					base, err := baseOf(j)
					if err != nil {
						return nil, err
					}
					in.Base = base
				}
				return chart.Render(k, f, in)
			}}
		if f == chart.CSV {
			v.filename = plan + "-" + k.String() + ".csv"
		}
		return v, nil
	})
}

// parseChartName reads the last segment of a chart's URL, such as
// "components.svg". Anything else is not found.
func parseChartName(name string) (chart.Kind, chart.Format, error) {
	kind, ext, ok := strings.Cut(name, ".")
	if !ok {
		return 0, 0, app.Say(caili.KindNotFound, msg.ServerNoChart, msg.Clip(name))
	}
	k, err := chart.ParseKind(kind)
	if err != nil {
		return 0, 0, err
	}
	f, err := chart.ParseFormat(ext)
	if err != nil {
		return 0, 0, err
	}
	return k, f, nil
}

// chartName names a chart's representation for its ETag and its memo:
// "chart/<kind>.<format>", then "?per=…" when a quantity is named.
func chartName(k chart.Kind, f chart.Format, per string) string {
	rep := "chart/" + k.String() + "." + f.String()
	if per != "" {
		rep += "?per=" + url.QueryEscape(per)
	}
	return rep
}
