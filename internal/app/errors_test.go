package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
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
		err  *caili.Error
		kind caili.Kind
		code formula.Code // of the one problem, "" for none
		en   string       // in the English message
	}{
		{"say", Say(caili.KindNotFound, msg.AppNoPlan, "x"), caili.KindNotFound, "", `no plan "x"`},
		{"query", msg.AppQueryTwice.Query("bom", "bom"), caili.KindBadRequest, formula.CodeBadQuery, `"bom" given twice`},
		{"choice", msg.Choice("by", []string{"auto", "group"}, "magic"), caili.KindBadRequest, formula.CodeBadQuery, `by must be one of: auto, group (got "magic")`},
		{"rejected", Rejected(&formula.RejectedError{Kind: formula.CapacityShortfall, Gap: decimal.NewFromInt(5)}), caili.KindUnprocessable, formula.CodeRejected, "exceed what is available, short by 5 元 (0.00 万元); raise the capacity"},
		{"internal", Classify(errors.New("disk on fire")), caili.KindInternal, "", "internal error"},
		{"overrides", Classify(msg.WithProblems(msg.AppOverridesInvalid.Err(caili.KindBadRequest), []formula.Problem{msg.Negative.At(formula.CodeOutOfRange, "plan.capacity", "-1")})),
			caili.KindBadRequest, formula.CodeOutOfRange, "cannot be applied"},
		{"ref", standards.QueryRef("subdistrict", &standards.RefError{Table: "subdistrict", Ref: "东", Near: []string{"east / 东街道"}}).(*caili.Error),
			caili.KindBadRequest, formula.CodeBadQuery, `nothing has the id or name "东" among the sub-districts; did you mean east / 东街道?`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, zh, en := tt.err, msg.ErrorWords(msg.Zh, tt.err), msg.ErrorWords(msg.En, tt.err)
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
			if len(msg.Problems(e)) != 1 || msg.Problems(e)[0].Code != tt.code ||
				msg.Problem(msg.En, msg.Problems(e)[0]) == msg.Problem(msg.Zh, msg.Problems(e)[0]) {
				t.Errorf("problems %+v; want one %s in each language", msg.Problems(e), tt.code)
			}
		})
	}
	outer := Say(caili.KindBadRequest, msg.AppScenarioNoStore).Because(Say(caili.KindNotFound, msg.AppNoPlan, "x"))
	if got := msg.Error(msg.En, outer); got != `no record store: scenarios cannot be saved: no plan "x"` {
		t.Errorf("a wrapped error in English: %q", got)
	}
	if zh := msg.Error(msg.Zh, outer); !strings.Contains(zh, "没有") || !strings.Contains(outer.Error(), "bad_request") {
		t.Errorf("in Chinese %q; for the log %q", zh, outer.Error())
	}
}
