package app

import (
	"errors"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// Kind is what went wrong with a request, independent of any protocol.
// The server turns a kind into an HTTP status in one table.
type Kind int

// The kinds of error.
const (
	// KindBadRequest: the request itself is wrong: a malformed or unknown
	// query parameter, an override (`set.<path>`, or one in a saved or
	// uploaded scenario) with an unknown path or a bad value, or overrides
	// that leave the plan invalid (weights that no longer sum to 1), an
	// invalid scenario or plan name.
	KindBadRequest Kind = iota + 1
	// KindUnauthorized: a write without the right token, where one is
	// configured.
	KindUnauthorized
	// KindForbidden: a write where no token is configured: writes are
	// switched off, whatever the client sends; or a token whose role may
	// not do what is asked (a 街道 token reading another 街道, a planner
	// publishing).
	KindForbidden
	// KindNotFound: an unknown plan, sub-district, column, scenario or
	// route.
	KindNotFound
	// KindMethodNotAllowed: a route that exists, with another method.
	KindMethodNotAllowed
	// KindConflict: a write to a built-in (read-only) scenario; a version
	// not in the state the action needs (approving what is not a draft,
	// publishing what is not approved); a backup or restore that would
	// overwrite a file.
	KindConflict
	// KindTooLarge: a request body over the limit (MaxBody).
	KindTooLarge
	// KindUnprocessable: a plan the rules reject: a stage rejection
	// (capacity shortfall, unfunded mandatory projects, infeasible floors,
	// nobody eligible for the block grant), a posted plan that does not
	// parse or validate, or a plan file that has never loaded.
	KindUnprocessable
	// KindInternal: a fault of caili or its machine (a disk that cannot be
	// written, a broken accounting identity); never caused by what a
	// client sends.
	KindInternal
)

// Error is the application's one error type: a kind, a message for the
// person who asked, the problems to list, the rejection of a valid plan
// the rules cannot fund, and the cause (kept for the log of an internal
// error, never shown).
type Error struct {
	Kind      Kind
	Says      []formula.Words // what went wrong, in words of the message table (package msg), rendered where it is shown; see In
	Problems  []formula.Problem
	Rejection *formula.RejectedError
	Err       error
}

// Error renders the message in Chinese, and the cause when there is one.
func (e *Error) Error() string { return e.ErrorIn(msg.Zh) }

// ErrorIn renders the message in language l, and the cause when there is
// one (an *Error of its own said in l too).
func (e *Error) ErrorIn(l msg.Lang) string {
	if e.Err == nil {
		return e.In(l)
	}
	var inner *Error
	if errors.As(e.Err, &inner) {
		return e.In(l) + ": " + inner.ErrorIn(l)
	}
	return e.In(l) + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Say makes an Error of a kind with a message from the one message table
// (package msg), and no problems.
func Say(k Kind, m msg.Message, args ...any) *Error {
	return &Error{Kind: k, Says: []formula.Words{m.Words(args...)}}
}

// In says the error's message in language l: what msg says of Says.
func (e *Error) In(l msg.Lang) string {
	return msg.Problem(l, formula.Problem{Says: e.Says})
}

// append adds a message to the error's (such as what may have been
// meant).
func (e *Error) append(m msg.Message, args ...any) {
	e.Says = append(e.Says[:len(e.Says):len(e.Says)], m.Words(args...))
}

// Because sets the error's cause (for the log; never shown to a client)
// and returns the error.
func (e *Error) Because(err error) *Error {
	e.Err = err
	return e
}

// QueryRef is a reference in a request parameter that names no single
// entry (a *standards.RefError, see RefError) as a bad request of that
// parameter; other errors are returned as they are.
func QueryRef(param string, err error) error {
	var ae *Error
	if !errors.As(RefError("", err), &ae) || ae.Err != nil || len(ae.Problems) != 1 || ae.Problems[0].Code != formula.CodeUnknownRef {
		return err
	}
	e := *ae
	e.Kind = KindBadRequest
	e.Problems = []formula.Problem{{File: "query", Path: param, Code: formula.CodeBadQuery, Says: e.Says}}
	return &e
}

// Internal wraps a fault of the machine (a disk that cannot be read or
// written) with what was being done, from the table; the cause is for
// the log, never shown.
func Internal(m msg.Message, err error) *Error {
	e := Say(KindInternal, m)
	e.Err = err
	return e
}

// QueryError is a bad request parameter, with the parameter as the
// problem's path so that a client can show which one.
func QueryError(param string, m msg.Message, args ...any) *Error {
	e := Say(KindBadRequest, m, args...)
	e.Problems = []formula.Problem{{File: "query", Path: param, Code: formula.CodeBadQuery, Says: e.Says}}
	return e
}

// choice is the message of a parameter outside its values: the
// parameter's name, the values it takes and the value given.
func choice(name string, values []string, got string) (msg.Message, []any) {
	return msg.AppQueryChoice, []any{name, strings.Join(values, ", "), Clip(got)}
}

// QueryChoice is a bad request parameter outside its values.
func QueryChoice(param string, values []string, got string) *Error {
	m, args := choice(param, values, got)
	return QueryError(param, m, args...)
}

// Classify is the one place that turns any error of the domain into an
// *Error:
//
//   - an *Error stays as it is;
//   - a *standards.Error from overrides (query, saved or uploaded
//     scenario) is a bad request;
//   - a *standards.Error of the plan itself, a *formula.InvalidPlanError
//     and a *formula.RejectedError are a plan the rules reject
//     (unprocessable);
//   - anything else is internal.
func Classify(err error) *Error {
	var ae *Error
	var se *standards.Error
	var fe *formula.InvalidPlanError
	var re *formula.RejectedError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &se):
		if se.Overrides {
			return withProblems(Say(KindBadRequest, msg.AppOverridesInvalid), se.Problems)
		}
		return withProblems(Say(KindUnprocessable, msg.AppPlanInvalid), se.Problems)
	case errors.As(err, &fe):
		return withProblems(Say(KindUnprocessable, msg.AppPlanInvalid), fe.Problems)
	case errors.As(err, &re):
		return Rejected(re)
	}
	return Internal(msg.AppInternal, err)
}

// withProblems sets an error's problems.
func withProblems(e *Error, ps []formula.Problem) *Error {
	e.Problems = ps
	return e
}

// rejectionWords are the stages that reject a plan, in words.
var rejectionWords = map[formula.RejectionKind]msg.Message{
	formula.CapacityShortfall: msg.AppRejectCapacity, formula.MandatoryUnfunded: msg.AppRejectMandatory,
	formula.NoBlockEligible: msg.AppRejectNoBlock, formula.FloorsInfeasible: msg.AppRejectFloors,
}

// Rejected is the error of a valid plan the rules cannot fund: which
// stage, and the gap, as the message and as the one problem (code
// rejected).
func Rejected(re *formula.RejectedError) *Error {
	words, ok := rejectionWords[re.Kind]
	if !ok {
		words = msg.AppRejectOther
	}
	e := Say(KindUnprocessable, msg.AppRejected, words, re.Gap.String())
	e.Problems = []formula.Problem{{Code: formula.CodeRejected, Says: e.Says}}
	e.Rejection = re
	return e
}

// kindCodes are the stable codes of the kinds, for programs (the API's
// top-level "code"); they compare codes, not messages.
var kindCodes = map[Kind]string{
	KindBadRequest: "bad_request", KindUnauthorized: "unauthorized", KindForbidden: "forbidden",
	KindNotFound: "not_found", KindMethodNotAllowed: "method_not_allowed", KindConflict: "conflict",
	KindTooLarge: "too_large", KindUnprocessable: "unprocessable", KindInternal: "internal",
}

// Code is the kind's stable code, such as "not_found"; "internal" for a
// kind without one.
func (k Kind) Code() string {
	if c, ok := kindCodes[k]; ok {
		return c
	}
	return "internal"
}
