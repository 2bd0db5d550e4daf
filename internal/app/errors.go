package app

import (
	"errors"
	"fmt"

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
	Message   string // in Chinese, the default language
	English   string // the same in English, when the message came from the table (package msg); see In
	Problems  []formula.Problem
	Rejection *formula.RejectedError
	Err       error
}

// Error renders the message, and the cause when there is one.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Say makes an Error of a kind with a message from the one message table
// (package msg), in both languages, and no problems.
func Say(k Kind, m msg.Message, args ...any) *Error {
	zh, en := m.Both(args...)
	return &Error{Kind: k, Message: zh, English: en}
}

// In returns a copy of the error with its message and problems in
// language l (Chinese stays as it is; a message with no English keeps
// its Chinese).
func (e *Error) In(l msg.Lang) *Error {
	if l == msg.Zh {
		return e
	}
	c := *e
	if c.English != "" {
		c.Message = c.English
	}
	c.Problems = formula.ProblemsIn(c.Problems, l)
	return &c
}

// Errorf makes an Error of a kind with a message and no problems.
func Errorf(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps a fault of the machine (a disk that cannot be read or
// written) with what was being done.
func Internal(msg string, err error) *Error {
	return &Error{Kind: KindInternal, Message: msg, Err: err}
}

// QueryError is a bad request parameter, with the parameter as the
// problem's path so that a client can show which one.
func QueryError(param, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{Kind: KindBadRequest, Message: msg,
		Problems: []formula.Problem{{File: "query", Path: param, Code: formula.CodeBadQuery, Message: msg}}}
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
			return &Error{Kind: KindBadRequest, Message: "the overrides cannot be applied to the plan", Problems: se.Problems}
		}
		return &Error{Kind: KindUnprocessable, Message: "the plan is invalid", Problems: se.Problems}
	case errors.As(err, &fe):
		return &Error{Kind: KindUnprocessable, Message: "the plan is invalid", Problems: fe.Problems}
	case errors.As(err, &re):
		return &Error{Kind: KindUnprocessable, Message: re.Error(),
			Problems: []formula.Problem{{Code: formula.CodeRejected, Message: re.Error()}}, Rejection: re}
	}
	return &Error{Kind: KindInternal, Message: "internal error", Err: err}
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
