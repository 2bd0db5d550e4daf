package caili

import (
	"errors"
	"fmt"
	"strings"
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
	// KindNotFound: an unknown plan, sub-district, column, scenario,
	// version, objection, token or route.
	KindNotFound
	// KindMethodNotAllowed: a route that exists, with another method.
	KindMethodNotAllowed
	// KindConflict: a write to a built-in (read-only) scenario; a version
	// not in the state the action needs (approving what is not a draft,
	// publishing what is not approved); a backup or restore that would
	// overwrite a file.
	KindConflict
	// KindTooLarge: a request body over the limit.
	KindTooLarge
	// KindUnprocessable: a plan the rules reject: a stage rejection
	// (capacity shortfall, unfunded mandatory projects, infeasible floors,
	// nobody eligible for the block grant), a plan that does not parse or
	// validate, or a plan file that has never loaded.
	KindUnprocessable
	// KindInternal: a fault of caili or its machine (a disk that cannot be
	// written, a broken accounting identity); never caused by what a
	// client sends.
	KindInternal
	// KindTimeout: a request abandoned because its deadline passed
	// before it finished; a write was rolled back, nothing was kept.
	KindTimeout
)

// kindCodes are the stable codes of the kinds, for programs (the API's
// top-level "code"); they compare codes, not messages.
var kindCodes = map[Kind]string{
	KindBadRequest: "bad_request", KindUnauthorized: "unauthorized", KindForbidden: "forbidden",
	KindNotFound: "not_found", KindMethodNotAllowed: "method_not_allowed", KindConflict: "conflict",
	KindTooLarge: "too_large", KindUnprocessable: "unprocessable", KindInternal: "internal", KindTimeout: "timeout",
}

// Code is the kind's stable code, such as "not_found"; "internal" for a
// kind without one.
func (k Kind) Code() string {
	if c, ok := kindCodes[k]; ok {
		return c
	}
	return "internal"
}

// Text names a message of caili's one message table (internal/msg, whose
// keys these are): a layer says what is wrong by naming a message, and
// the edge renders it in the language asked for.
type Text string

// Words is a text of the message table and its arguments, as the
// arguments of fmt.Sprintf. An argument that is itself a Text or Words
// (of this package or of formula) is rendered in the same language.
//
// formula, which imports only the standard library and decimal, has its
// own Words of the same shape for its problems.
type Words struct {
	Text Text
	Args []any
}

// Say is the words of text t with args.
func Say(t Text, args ...any) Words { return Words{Text: t, Args: args} }

// Error is caili's one error type: what was being done (Op), what kind
// of failure it is, what to tell the person who asked (Says, rendered in
// their language at the edge) and the cause. The cause is either more of
// the same story (another *Error), what the edge lists under the
// message (a plan's problems, formula.InvalidPlanError; a rejection,
// formula.RejectedError), or a fault kept for the log and never shown.
type Error struct {
	Op   string  // what was being done, such as "version.approve"; may be empty
	Kind Kind    // what went wrong
	Says []Words // what to tell the person who asked, one after another
	Err  error   // the cause; may be nil
}

// E is the error of kind that t says with args, while doing op.
func E(op string, kind Kind, t Text, args ...any) *Error {
	return &Error{Op: op, Kind: kind, Says: []Words{Say(t, args...)}}
}

// Error renders the error for developers and logs: op, kind, the texts'
// keys with their arguments, and the cause. People read it through
// internal/msg, in words.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op + ": ")
	}
	b.WriteString(e.Kind.Code())
	for _, w := range e.Says {
		fmt.Fprintf(&b, " %s%v", w.Text, w.Args)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Because sets the error's cause and returns the error.
func (e *Error) Because(err error) *Error {
	e.Err = err
	return e
}

// Also adds to what the error says what t says with args (such as what
// may have been meant) and returns the error.
func (e *Error) Also(t Text, args ...any) *Error {
	e.Says = append(e.Says[:len(e.Says):len(e.Says)], Say(t, args...))
	return e
}

// KindOf is the kind of err: that of the first *Error in its chain,
// KindInternal for any other error, 0 for nil.
func KindOf(err error) Kind {
	if err == nil {
		return 0
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}
