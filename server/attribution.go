package server

import (
	"encoding/json"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// attribution is the attribution of a compare route's what-if when the
// query asks for it (attribute=1), else nil: the change of every
// sub-district split over the overrides, or their groups (by=), by
// Shapley value (docs/attribution.md).
func (s *Server) attribution(j *app.Job, q app.Query) (*report.AttributionJSON, error) {
	if !q.Attribute {
		return nil, nil
	}
	a, err := s.app.Attribute(j, q.By)
	if err != nil {
		return nil, err
	}
	return report.NewAttribution(a, msg.AgainstBase.In(msg.Zh)), nil
}

// The compare routes' attribution parameters, in the OpenAPI document.
var (
	pAttribute = obj{"name": "attribute", "in": "query",
		"description": "`1` adds `attribution`: each sub-district's change of total split over the overrides (or their groups) by Shapley value, " +
			"exactly; the parts sum to the change. In CSV, one column `attr:<player>` per player. See docs/attribution.md.",
		"schema": obj{"type": "string", "enum": []string{"0", "1", "false", "true"}}}
	pBy = obj{"name": "by", "in": "query",
		"description": "with attribute=1: `override` (each override a player; weights that must sum to 1 together; at most 12, else 400), " +
			"`group` (capacity, standards, data, ratings) or `auto` (default: override up to 12, else group). A combination of the overrides " +
			"the rules reject makes the attribution undefined: 422 (400 if it is not a valid plan), naming the combination. Without attribute=1, by is 400.",
		"schema": obj{"type": "string", "enum": []string{"auto", "override", "group"}}}
)

// statementSentences is what a what-if's statements say of its change:
// one sentence per sub-district, or why there are none.
type statementSentences struct {
	Sentences map[string]string `json:"sentences,omitempty"`
	Note      string            `json:"note,omitempty"`
}

// statementAttribution is the sentence of a sub-district's change under
// a what-if, split by group (or a note saying why the split is not
// defined). The split is computed once per what-if, in a computing slot,
// and kept with its result (the cache accounts for it), so that every
// statement of the what-if reuses it.
func (s *Server) statementAttribution(j *app.Job, comp *app.Computed, id string) (sentence, note string) {
	data, fresh, err := comp.Render("statement/attribution", func() ([]byte, error) {
		var out statementSentences
		a, err := s.app.Attribute(j, "group")
		if err != nil {
			out.Note = msg.AttributionUndefined.In(msg.Zh, msg.ErrorWords(msg.Zh, app.Classify(err)))
		} else {
			out.Sentences = map[string]string{}
			for i := range a.Rows {
				out.Sentences[a.Rows[i].ID] = a.Sentence(&a.Rows[i], msg.AgainstBase.In(msg.Zh))
			}
		}
		return json.Marshal(out)
	})
	if err != nil {
		return "", ""
	}
	if fresh && j.WhatIf() {
		s.app.Cache.Grow(s.app.Key(j), int64(len(data)))
	}
	var st statementSentences
	if json.Unmarshal(data, &st) != nil {
		return "", ""
	}
	return st.Sentences[id], st.Note
}
