package server

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report/notice"
	"github.com/caili/caili/internal/report/xlsx"
	"github.com/caili/caili/server/dashboard"
)

// Downloads of the documents issue 24 built (§4–6): the notices to the
// 街道 as PDF, the 人大 table, and scenarios side by side
// (compare_scenarios.go). Their routes, rules (access.go) and OpenAPI
// operations (openapi_downloads.go) are registered from here.

// typePDF is the content type of a PDF.
const typePDF = "application/pdf"

// downloadRoutes registers the routes of this file and of
// compare_scenarios.go on the working plans' group, and the page of
// scenarios side by side on the root.
func (s *Server) downloadRoutes(root, live router) {
	root.get("/plans/:plan/compare", s.scenariosPage)
	for _, f := range sideBySideFormats {
		live.get("/compare-scenarios."+f, s.compareScenarios(f))
	}
	live.get("/notices.pdf", s.notices)
	live.get("/renda.xlsx", s.renda)
}

// downloadAccess adds the rules of those routes to the access table (p:
// the plans' prefix): the working plans' results.
func downloadAccess(t map[string]rule, p string) {
	for _, f := range sideBySideFormats {
		t["GET "+p+"/compare-scenarios."+f] = ruleLive
	}
	t["GET "+p+"/notices.pdf"] = ruleLive
	t["GET "+p+"/renda.xlsx"] = ruleLive
	t["GET /plans/:plan/compare"] = ruleLive
}

// renda serves renda.xlsx: the 人大 table (街道财力安排表) of the plan, or of
// a what-if, as caili report renda writes it.
func (s *Server) renda(c *gin.Context) {
	s.resultRoute(c, app.ParamSet|app.ParamScenario, func(plan string, q app.Query) (view, error) {
		return view{name: "renda.xlsx", contentType: typeXLSX, filename: plan + "-renda.xlsx",
			render: func(j *app.Job, res *formula.Result) ([]byte, error) {
				var buf bytes.Buffer
				err := xlsx.WriteRenda(&buf, res, s.app.Stamp(j))
				return buf.Bytes(), err
			}}, nil
	})
}

// noticeParams are notices.pdf's own parameters, beside a what-if's.
var noticeParams = []string{"subdistrict", "kind", "doc_no", "date"}

// maxNoticeParam is the longest value of a notice's parameter.
const maxNoticeParam = 100

// takeParams takes the named parameters out of a raw query (each at most
// once, unescaped) and returns them with the rest of the query.
func takeParams(raw string, names []string) (map[string]string, string, error) {
	got := map[string]string{}
	var keep []string
	for part := range strings.SplitSeq(raw, "&") {
		rk, rv, _ := strings.Cut(part, "=")
		k, err := url.QueryUnescape(rk)
		if err != nil || !slices.Contains(names, k) {
			if part != "" {
				keep = append(keep, part)
			}
			continue
		}
		if _, twice := got[k]; twice {
			return nil, "", msg.AppQueryTwice.Query(k, k)
		}
		v, err := url.QueryUnescape(rv)
		if err != nil || !utf8.ValidString(v) {
			return nil, "", msg.AppQueryBadName.Query(k, msg.Clip(rv))
		}
		if utf8.RuneCountInString(v) > maxNoticeParam {
			return nil, "", msg.ServerParamTooLong.Query(k, k, maxNoticeParam)
		}
		got[k] = strings.TrimSpace(v)
	}
	return got, strings.Join(keep, "&"), nil
}

// notices serves notices.pdf: the notices to the 街道 as one PDF, as
// caili notice writes them (issue 24 §4): of one 街道 (subdistrict=, id
// or name) or of every one; kind=测算|控制数|批复, doc_no= the 文号,
// date=YYYY-MM-DD. When the plan's files are those of its latest
// publication and no what-if applies, the notice is not a draft and is
// dated the publication's day (unless date= says otherwise); otherwise it
// says 草案.
func (s *Server) notices(c *gin.Context) {
	ps, rest, err := takeParams(c.Request.URL.RawQuery, noticeParams)
	if err != nil {
		s.fail(c, err)
		return
	}
	q, err := app.ParseQuery(rest, app.ParamSet|app.ParamScenario)
	if err != nil {
		s.fail(c, err)
		return
	}
	o := notice.Options{DocNo: ps["doc_no"], Draft: true}
	var ok bool
	if o.Kind, ok = notice.ParseKind(ps["kind"]); !ok {
		s.fail(c, msg.Choice("kind", notice.KindWords(), ps["kind"]))
		return
	}
	if d := ps["date"]; d != "" {
		if o.Date, err = time.Parse(time.DateOnly, d); err != nil {
			s.fail(c, msg.ServerNoticeDate.Query("date", d))
			return
		}
	}
	j, err := s.app.Resolve(c.Param("plan"), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	comp := s.app.Compute(j, s.app.Key(j))
	if comp.Err != nil {
		s.fail(c, comp.Err)
		return
	}
	res := comp.Res
	var which []int
	if ref := ps["subdistrict"]; ref != "" {
		a, err := app.FindSubdistrict(j.PlanID, res, ref)
		if err != nil {
			s.fail(c, err)
			return
		}
		for i := range res.Subdistricts {
			if res.Subdistricts[i].ID == a.ID {
				which = []int{i}
			}
		}
	}
	o.Stamp = s.app.Stamp(j)
	if !j.WhatIf() && s.app.Records != nil {
		if p, err := s.app.Records.PublishedHead(c.Request.Context(), j.Plan.ID); err == nil && p.VersionHash == j.Plan.Hash {
			o.Draft = false
			if o.Date.IsZero() {
				o.Date = p.PublishedAt.Local()
			}
		}
	}
	var buf bytes.Buffer
	if err := notice.Write(&buf, res, which, o); err != nil {
		s.fail(c, err)
		return
	}
	name := j.PlanID + "-notices"
	if len(which) == 1 {
		name += "-" + res.Subdistricts[which[0]].ID
	}
	c.Header("Cache-Control", "no-cache")
	c.Header("X-Caili-Stamp", o.Stamp.Header())
	c.Header("Content-Disposition", attachment(o.Stamp.FileName(name, ".pdf")))
	c.Data(http.StatusOK, typePDF, buf.Bytes())
}

// scenariosPage shows scenarios side by side (dashboard.ScenariosView):
// the scenarios the query names, or every one of the plan; unit=万元 and
// set.… as compare-scenarios.csv takes them. An unknown scenario is the
// 404 page, a bad parameter 400.
func (s *Server) scenariosPage(c *gin.Context) {
	v, ok := s.pagePlan(c)
	if !ok {
		return
	}
	all, err := s.scenarioNames(v.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	doc, _, err := s.sideBySide(v.ID, c.Request.URL.RawQuery, app.ParamSet|app.ParamUnit)
	if err != nil {
		s.failPage(c, err)
		return
	}
	view := dashboard.NewScenariosView(v.ID, v.Name, all, doc)
	s.sendPage(c, http.StatusOK, "", func(w io.Writer) error { return s.pages.Scenarios(w, view) })
}

// wanTag is what a page's validator adds for the 万元 switch: nothing in
// 元, so that a page's tag stays what it was.
func wanTag(wan bool) string {
	if wan {
		return "#unit=wan"
	}
	return ""
}
