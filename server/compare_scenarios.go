package server

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/xlsx"
)

// Scenarios side by side (issue 24 §6): GET
// /api/v1/plans/{plan}/compare-scenarios.{json,csv,xlsx}?scenario=A&scenario=B
// compares each scenario (saved or built-in, by file name or [scenario]
// name) with the plan as written, exactly as compare.json?scenario=A does,
// and sets the comparisons side by side (report.NewScenarios). Without a
// scenario it sets every scenario of the plan that parses side by side
// (none: the base alone). set.… overrides apply to every scenario; unit=万元
// on CSV and xlsx; bom, header and encoding on CSV.

// maxSideBySide is the most scenarios set side by side.
const maxSideBySide = 8

// sideBySideFormats are the formats of compare-scenarios.
var sideBySideFormats = []string{"json", "csv", "xlsx"}

// takeScenarios takes the scenario= parameters out of a raw query, each
// checked as a scenario parameter is, and returns them with the rest.
func takeScenarios(raw string) (names []string, rest string, err error) {
	var keep []string
	for part := range strings.SplitSeq(raw, "&") {
		k, _, _ := strings.Cut(part, "=")
		if uk, e := url.QueryUnescape(k); e != nil || uk != "scenario" {
			if part != "" {
				keep = append(keep, part)
			}
			continue
		}
		q, err := app.ParseQuery(part, app.ParamScenario)
		if err != nil {
			return nil, "", err
		}
		names = append(names, q.Scenario)
	}
	return names, strings.Join(keep, "&"), nil
}

// compareScenarios serves compare-scenarios.<format>.
func (s *Server) compareScenarios(format string) gin.HandlerFunc {
	allow := app.ParamSet
	switch format {
	case "csv":
		allow |= app.ParamBOM | app.ParamUnit
	case "xlsx":
		allow |= app.ParamUnit
	}
	return func(c *gin.Context) {
		doc, st, err := s.sideBySide(c.Param("plan"), c.Request.URL.RawQuery, allow)
		if err != nil {
			s.fail(c, err)
			return
		}
		c.Header("Cache-Control", "no-cache")
		var buf bytes.Buffer
		q, _ := app.ParseQuery(st, allow) // parsed once already in sideBySide
		switch format {
		case "json":
			s.writeJSON(c, http.StatusOK, doc)
			return
		case "csv":
			err = report.WriteScenariosCSV(&buf, doc, csvOptions(q))
		case "xlsx":
			err = xlsx.WriteScenarios(&buf, doc, nil)
		}
		if err != nil {
			s.fail(c, err)
			return
		}
		c.Header("Content-Disposition", attachment(c.Param("plan")+"-compare-scenarios."+format))
		c.Data(http.StatusOK, typeOf(format, q), buf.Bytes())
	}
}

// sideBySide computes the document of scenarios side by side of a plan
// and a raw query; rest is the query without its scenarios.
func (s *Server) sideBySide(plan, raw string, allow app.Params) (doc *report.ScenariosJSON, rest string, err error) {
	names, rest, err := takeScenarios(raw)
	if err != nil {
		return nil, "", err
	}
	q, err := app.ParseQuery(rest, allow)
	if err != nil {
		return nil, "", err
	}
	v, err := s.app.Plan(plan)
	if err != nil {
		return nil, "", err
	}
	if len(names) == 0 {
		all, err := s.app.Scenarios.List(v.ID)
		if err != nil {
			return nil, "", err
		}
		for _, sc := range all {
			if sc.Parsed != nil && len(names) < maxSideBySide {
				names = append(names, sc.Name)
			}
		}
	}
	if len(names) > maxSideBySide {
		return nil, "", app.Say(caili.KindBadRequest, msg.ServerScenariosNeeded, maxSideBySide)
	}
	bj, err := s.app.JobFor(v, app.Query{})
	if err != nil {
		return nil, "", err
	}
	base, err := baseOf(bj)
	if err != nil {
		return nil, "", err
	}
	compare := func(c report.Comparison) (*report.CompareJSON, error) {
		if q.Wan {
			return report.NewCompareWan(c)
		}
		return report.NewCompare(c), nil
	}
	if len(names) == 0 {
		d, err := compare(report.Comparison{Base: base, Scenario: base})
		if err != nil {
			return nil, "", err
		}
		return report.BaseOnly(d), rest, nil
	}
	docs := make([]*report.CompareJSON, len(names))
	for i, name := range names {
		sq := q
		sq.Scenario = name
		j, err := s.app.JobFor(v, sq)
		if err != nil {
			return nil, "", err
		}
		comp := s.app.Compute(j, s.app.Key(j))
		if comp.Err != nil {
			return nil, "", comp.Err
		}
		if docs[i], err = compare(report.Comparison{Base: base, Scenario: comp.Res}); err != nil {
			return nil, "", err
		}
	}
	doc, err = report.NewScenarios(names, docs)
	return doc, rest, err
}
