package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
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
		{"overrides", Classify(&standards.Error{Overrides: true, Problems: []formula.Problem{msg.Negative.At(formula.CodeOutOfRange, "plan.capacity", "-1")}}),
			KindBadRequest, formula.CodeOutOfRange, "cannot be applied"},
		{"ref", QueryRef("subdistrict", &standards.RefError{Table: "subdistrict", Ref: "东", Near: []string{"east / 东街道"}}).(*Error),
			KindBadRequest, formula.CodeBadQuery, `nothing has the id or name "东" among the sub-districts; did you mean east / 东街道?`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, zh, en := tt.err, tt.err.In(msg.Zh), tt.err.In(msg.En)
			if zh == "" || en == "" || zh == en {
				t.Errorf("not in both languages: %q / %q", zh, en)
			}
			if e.Kind != tt.kind || !strings.Contains(en, tt.en) {
				t.Errorf("kind %d, English %q; want kind %d saying %q", e.Kind, en, tt.kind, tt.en)
			}
			if strings.Contains(zh, "fire") || strings.Contains(en, "fire") {
				t.Errorf("the cause leaks into the message: %q", en)
			}
			if tt.code == "" {
				return
			}
			if len(e.Problems) != 1 || e.Problems[0].Code != tt.code ||
				msg.Problem(msg.En, e.Problems[0]) == msg.Problem(msg.Zh, e.Problems[0]) {
				t.Errorf("problems %+v; want one %s in each language", e.Problems, tt.code)
			}
		})
	}
	outer := Say(KindBadRequest, msg.AppScenarioNoStore).Because(Say(KindNotFound, msg.AppNoPlan, "x"))
	if got := outer.ErrorIn(msg.En); got != `no record store: scenarios cannot be saved: no plan "x"` {
		t.Errorf("a wrapped error in English: %q", got)
	}
	if outer.ErrorIn(msg.Zh) != outer.Error() {
		t.Error("Error is not the Chinese")
	}
}
