package app

import (
	"errors"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
)

// The application's errors are caili's one error type, *caili.Error: a
// kind (the server maps it to a status in one table), the words that say
// what went wrong (rendered at the edge in the language asked for), and a
// cause: the problems to list (a *formula.InvalidPlanError: see
// Problems), the rejection of a valid plan the rules cannot fund (see
// Rejection), or a fault kept for the log of an internal error, never
// shown.

// Say makes the error of a kind that m, a message of the one message
// table (package msg), says with args.
func Say(k caili.Kind, m msg.Message, args ...any) *caili.Error { return m.Err(k, args...) }

// Internal wraps a fault of the machine (a disk that cannot be read or
// written) with what was being done, from the table; the cause is for
// the log, never shown.
func Internal(m msg.Message, err error) *caili.Error {
	return Say(caili.KindInternal, m).Because(err)
}

// withProblems sets the problems of an error that has no other cause.
func withProblems(e *caili.Error, ps []formula.Problem) *caili.Error { return msg.WithProblems(e, ps) }

// also adds to what an error says what m says with args (such as what
// may have been meant).
func also(e *caili.Error, m msg.Message, args ...any) {
	e.Says = append(e.Says[:len(e.Says):len(e.Says)], m.Says(args...))
}

// Classify is the one place that turns any error into a *caili.Error:
//
//   - a *caili.Error stays as it is (the loader's say themselves: a plan
//     that cannot be used is unprocessable, overrides that cannot be
//     applied a bad request);
//   - a *formula.InvalidPlanError is a plan the rules reject
//     (unprocessable), and a *formula.RejectedError a valid plan they
//     cannot fund (Rejected);
//   - anything else is internal.
func Classify(err error) *caili.Error {
	var ae *caili.Error
	var fe *formula.InvalidPlanError
	var re *formula.RejectedError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &fe):
		return Say(caili.KindUnprocessable, msg.AppPlanInvalid).Because(fe)
	case errors.As(err, &re):
		return Rejected(re)
	}
	return Internal(msg.AppInternal, err)
}

// rejectionWords are the stages that reject a plan, in words, and what to
// change so that the calculation holds.
var rejectionWords = map[formula.RejectionKind][2]msg.Message{
	formula.CapacityShortfall: {msg.AppRejectCapacity, msg.AppFixCapacity},
	formula.MandatoryUnfunded: {msg.AppRejectMandatory, msg.AppFixMandatory},
	formula.NoBlockEligible:   {msg.AppRejectNoBlock, msg.AppFixNoBlock},
	formula.FloorsInfeasible:  {msg.AppRejectFloors, msg.AppFixFloors},
}

// Rejected is the error of a valid plan the rules cannot fund (测算不成立):
// which stage, the gap in 元 and 万元 and what to change, as the message; the rejection is its cause (see
// Rejection), and its one problem (code rejected) says the message (see
// Problems).
func Rejected(re *formula.RejectedError) *caili.Error {
	words, ok := rejectionWords[re.Kind]
	if !ok {
		words = [2]msg.Message{msg.AppRejectOther, msg.AppFixOther}
	}
	wan := re.Gap.Div(decimal.NewFromInt(10000)).StringFixed(2)
	return Say(caili.KindUnprocessable, msg.AppRejected, words[0], numfmt.Group(re.Gap.String()), numfmt.Group(wan), words[1]).Because(re)
}
