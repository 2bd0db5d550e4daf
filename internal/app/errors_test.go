package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
	"github.com/shopspring/decimal"
)

// TestErrorsInBothLanguages: every way of making an *Error carries its
// message in both languages; In(msg.En) renders the message, the
// problems and a wrapped *Error in English, keeping kind and codes; an
// internal error's cause never reaches the message.
func TestErrorsInBothLanguages(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  *Error
		kind Kind
		code formula.Code // of the one problem, "" for none
		en   string       // in the English message
	}{
		{"say", Say(KindNotFound, msg.AppNoPlan, "x"), KindNotFound, "", `no plan "x"`},
		{"query", QueryError("bom", msg.AppQueryTwice, "bom"), KindBadRequest, formula.CodeBadQuery, `"bom" given twice`},
		{"choice", QueryChoice("by", []string{"auto", "group"}, "magic"), KindBadRequest, formula.CodeBadQuery, `by must be one of: auto, group (got "magic")`},
		{"rejected", Rejected(&formula.RejectedError{Kind: formula.CapacityShortfall, Gap: decimal.NewFromInt(5)}), KindUnprocessable, formula.CodeRejected, "capacity shortfall, gap 5"},
		{"internal", Classify(errors.New("disk on fire")), KindInternal, "", "internal error"},
		{"overrides", Classify(&standards.Error{Overrides: true, Problems: []formula.Problem{formula.Say(formula.CodeOutOfRange, "plan.capacity", msg.Negative, "-1")}}),
			KindBadRequest, formula.CodeOutOfRange, "cannot be applied"},
		{"ref", QueryRef("subdistrict", &standards.RefError{Table: "subdistrict", Ref: "东", Near: []string{"east / 东街道"}}).(*Error),
			KindBadRequest, formula.CodeBadQuery, `nothing has the id or name "东" among the sub-districts; did you mean east / 东街道?`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, en := tt.err, tt.err.In(msg.En)
			if e.Message == "" || e.English == "" || e.Message == e.English {
				t.Errorf("not in both languages: %q / %q", e.Message, e.English)
			}
			if e.Kind != tt.kind || en.Kind != tt.kind || !strings.Contains(en.Message, tt.en) {
				t.Errorf("kind %d, English %q; want kind %d saying %q", e.Kind, en.Message, tt.kind, tt.en)
			}
			if strings.Contains(e.Message, "fire") || strings.Contains(en.Message, "fire") {
				t.Errorf("the cause leaks into the message: %q", en.Message)
			}
			if tt.code == "" {
				return
			}
			if len(e.Problems) != 1 || e.Problems[0].Code != tt.code || en.Problems[0].Code != tt.code ||
				en.Problems[0].Message == e.Problems[0].Message {
				t.Errorf("problems %+v / %+v; want one %s in each language", e.Problems, en.Problems, tt.code)
			}
		})
	}
	outer := Say(KindBadRequest, msg.AppScenarioNoStore).Because(Say(KindNotFound, msg.AppNoPlan, "x"))
	if got := outer.In(msg.En).Error(); got != `no record store: scenarios cannot be saved: no plan "x"` {
		t.Errorf("a wrapped error in English: %q", got)
	}
	if outer.In(msg.Zh) != outer {
		t.Error("In(Zh) copies")
	}
}
