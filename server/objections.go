package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// The objection routes (数据更正与异议, docs/records.md): a 街道 files a
// note and corrections of its own data against the latest publication;
// planners see each with its effect on every 街道 and accept or reject
// it. Every one needs a token (signedIn); the application decides what
// its role may do.

// objectionJSON describes one objection.
type objectionJSON struct {
	Plan        string            `json:"plan"`
	N           int               `json:"n"`
	Version     int               `json:"version"`
	Subdistrict string            `json:"subdistrict"`
	Note        string            `json:"note"`
	Corrections map[string]string `json:"corrections"`
	Hash        string            `json:"hash"`
	FiledAt     time.Time         `json:"filed_at"`
	FiledBy     string            `json:"filed_by"`
	Status      string            `json:"status"`      // pending, accepted or rejected
	StatusText  string            `json:"status_text"` // 待处理, 已采纳（第 n 版）, 已驳回：理由
	ResolvedAt  *time.Time        `json:"resolved_at,omitempty"`
	ResolvedBy  string            `json:"resolved_by,omitempty"`
	Reason      string            `json:"reason,omitempty"`
	NewVersion  int               `json:"new_version,omitempty"`
	URL         string            `json:"url"`
}

func objectionOf(o *caili.Objection) objectionJSON {
	cs := o.Corrections
	if cs == nil {
		cs = map[string]string{}
	}
	return objectionJSON{Plan: o.Plan, N: o.N, Version: o.Version, Subdistrict: o.Subdistrict, Note: o.Note, Corrections: cs,
		Hash: o.Hash, FiledAt: o.FiledAt, FiledBy: o.FiledBy, Status: o.Status, StatusText: app.ObjectionStatusText(o),
		ResolvedAt: o.ResolvedAt, ResolvedBy: o.ResolvedBy, Reason: o.Reason, NewVersion: o.NewVersion,
		URL: "/api/v1/plans/" + o.Plan + "/objections/" + strconv.Itoa(o.N)}
}

// effectJSON is an objection's what-if: each 街道's total before and
// after its corrections, or the rules' rejection of the plan with them.
type effectJSON struct {
	Subdistricts []effectRowJSON `json:"subdistricts"`
	Rejection    *errorJSON      `json:"rejection,omitempty"`
}

type effectRowJSON struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Before string `json:"before"`
	After  string `json:"after"`
	Change string `json:"change"`
}

// fileObjection files an objection of the token's 街道: a JSON body
// {"note": …, "corrections": {"quantities.X": "v", …}}, or the 街道's
// filled data workbook (xlsx, or CSV) with the note in ?note=.
func (s *Server) fileObjection(c *gin.Context) {
	plan, ok := s.planExists(c)
	if !ok {
		return
	}
	data, done, ok := s.readUpload(c)
	if !ok {
		return
	}
	defer done()
	var o *caili.Objection
	var err error
	who, ctx := actorOf(c), c.Request.Context()
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		o, err = s.app.FileObjectionWorkbook(ctx, who, plan, c.Query("note"), "body.xlsx", data)
	case len(bytes.TrimSpace(data)) > 0 && bytes.TrimSpace(data)[0] != '{':
		o, err = s.app.FileObjectionWorkbook(ctx, who, plan, c.Query("note"), "body.csv", data)
	default:
		var req struct {
			Note        string            `json:"note"`
			Corrections map[string]string `json:"corrections"`
		}
		if err := json.Unmarshal(data, &req); err != nil {
			s.fail(c, app.Say(caili.KindBadRequest, msg.ServerObjectionBody).Because(err))
			return
		}
		o, err = s.app.FileObjection(ctx, who, plan, req.Note, req.Corrections)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.log.Info("objection filed", "plan", o.Plan, "n", o.N, "subdistrict", o.Subdistrict)
	c.Header("Location", objectionOf(o).URL)
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusCreated, objectionOf(o))
}

// listObjections lists a plan's objections (a 街道 token: its own).
func (s *Server) listObjections(c *gin.Context) {
	list, err := s.app.Objections(c.Request.Context(), actorOf(c), c.Param("plan"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"plan": c.Param("plan"), "objections": jsonList(list, objectionOf)})
}

// getObjection returns one objection; to planners and approvers with its
// effect on every 街道.
func (s *Server) getObjection(c *gin.Context) {
	n, err := objectionN(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.app.Objection(c.Request.Context(), actorOf(c), c.Param("plan"), n)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := struct {
		objectionJSON
		Effect *effectJSON `json:"effect,omitempty"`
	}{objectionJSON: objectionOf(v.Objection)}
	if e := v.Effect; e != nil {
		out.Effect = &effectJSON{Subdistricts: make([]effectRowJSON, 0, len(e.Rows))}
		if e.Rejected != nil {
			b := body(c, app.Classify(e.Rejected))
			out.Effect.Rejection = &b
		}
		for _, r := range e.Rows {
			out.Effect.Subdistricts = append(out.Effect.Subdistricts, effectRowJSON{ID: r.ID, Name: r.Name,
				Before: r.Before.String(), After: r.After.String(), Change: r.Change.String()})
		}
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, out)
}

// acceptObjection accepts a pending objection: a new draft version with
// the corrected data.
func (s *Server) acceptObjection(c *gin.Context) {
	n, err := objectionN(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	o, rec, err := s.app.AcceptObjection(c.Request.Context(), actorOf(c), c.Param("plan"), n)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.log.Info("objection accepted", "plan", o.Plan, "n", o.N, "version", rec.N)
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, gin.H{"objection": objectionOf(o), "version": versionOf(rec)})
}

// rejectObjection rejects a pending objection: the body is {"reason": …}.
func (s *Server) rejectObjection(c *gin.Context) {
	n, err := objectionN(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	var req struct {
		Reason string `json:"reason"`
	}
	if err := readOptionalJSON(c, &req, `{"reason": …}`); err != nil {
		s.fail(c, err)
		return
	}
	o, err := s.app.RejectObjection(c.Request.Context(), actorOf(c), c.Param("plan"), n, req.Reason)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, objectionOf(o))
}

// objectionN is the {n} of an objection route (400 when not a number).
func objectionN(c *gin.Context) (int, error) {
	n, err := strconv.Atoi(c.Param("n"))
	if err != nil || n < 1 {
		return 0, app.Say(caili.KindBadRequest, msg.ServerObjectionNumber, msg.Clip(c.Param("n")))
	}
	return n, nil
}

// correctedObjection marks a pending objection corrected in the data by
// hand: the body, optional, is {"note": …}.
func (s *Server) correctedObjection(c *gin.Context) {
	n, err := objectionN(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	var req struct {
		Note string `json:"note"`
	}
	if err := readOptionalJSON(c, &req, `{"note": …}`); err != nil {
		s.fail(c, err)
		return
	}
	o, err := s.app.CorrectedObjection(c.Request.Context(), actorOf(c), c.Param("plan"), n, req.Note)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, http.StatusOK, objectionOf(o))
}
