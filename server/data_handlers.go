package server

import (
	"bytes"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards/workbook"
)

// template serves GET /api/v1/plans/{plan}/template.{xlsx,csv}: the
// data-collection workbook of the plan, pre-filled with its current
// sub-district data, for a bureau to send to its 街道. It carries a strong
// ETag over the plan's bytes.
func (s *Server) template(format workbook.Format, ext, contentType string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := app.ParseQuery(c.Request.URL.RawQuery, 0); err != nil {
			s.fail(c, err)
			return
		}
		v, err := s.app.Plan(c.Param("plan"))
		if err != nil {
			s.fail(c, err)
			return
		}
		tag := app.ETag("template."+ext, s.app.Key(&app.Job{PlanID: v.ID, Plan: v}))
		c.Header("ETag", tag)
		c.Header("Cache-Control", "no-cache")
		if notModified(c.Request, tag) {
			c.Status(http.StatusNotModified)
			return
		}
		data, err := s.app.Template(v, format)
		if err != nil {
			s.fail(c, err)
			return
		}
		c.Header("Content-Disposition", `attachment; filename="`+v.ID+`-subdistricts.`+ext+`"`)
		c.Data(http.StatusOK, contentType, data)
	}
}

// changeJSON is one change a data file makes to a plan's sub-districts.
type changeJSON struct {
	Kind  string `json:"kind"` // value, added or removed
	ID    string `json:"id"`
	Name  string `json:"name"`
	Key   string `json:"key"`
	Label string `json:"label"`
	Old   string `json:"old"`
	New   string `json:"new"`
	Cell  string `json:"cell"`
	Text  string `json:"text"` // the change as a person reads it
}

// previewJSON is the answer of POST …/data: the changes, and the result
// the plan would give with the new data (or the rejection).
type previewJSON struct {
	Changes   []changeJSON        `json:"changes"`
	Result    *report.Allocations `json:"result"`
	Rejection *errorJSON          `json:"rejection,omitempty"`
}

var changeKinds = map[workbook.ChangeKind]string{
	workbook.ChangeValue: "value", workbook.ChangeAdded: "added", workbook.ChangeRemoved: "removed",
}

// previewData serves POST /api/v1/plans/{plan}/data (token required): a
// dry run of a filled data workbook (xlsx) or CSV sent as the body, up to
// workbook.MaxUploadBytes. It answers with the problems of the file (422,
// each at its sheet and cell), or the changes against the plan's current
// data and the result the plan would give with them. `merge=1` reads one
// 街道's returned copy: only the cells present change. Nothing is saved:
// replacing the plan's data comes with plan versions.
func (s *Server) previewData(c *gin.Context) {
	q, err := app.ParseQuery(c.Request.URL.RawQuery, app.ParamMerge)
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.app.Plan(c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	data, done, ok := s.readUpload(c)
	if !ok {
		return
	}
	defer done()
	name := "body.csv"
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		name = "body.xlsx"
	}
	pv, err := s.app.PreviewData(v, name, data, q.Merge)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := previewJSON{Changes: make([]changeJSON, 0, len(pv.Changes))}
	for _, ch := range pv.Changes {
		out.Changes = append(out.Changes, changeJSON{Kind: changeKinds[ch.Kind], ID: ch.ID, Name: ch.Name, Key: ch.Key,
			Label: ch.Label, Old: ch.Old, New: ch.New, Cell: ch.Cell, Text: ch.String()})
	}
	if pv.Result != nil {
		out.Result = report.NewAllocations(pv.Result, false)
	} else {
		b := body(c, app.Classify(pv.Rejected))
		out.Rejection = &b
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, out)
}
