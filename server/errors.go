package server

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/server/chart"
	"github.com/caili/caili/server/dashboard"
	"github.com/caili/caili/standards"
)

// kind is what went wrong with a request, independent of HTTP. The one
// table that turns a kind into a status is statusOf.
type kind int

const (
	// kindBadRequest: the request itself is wrong: a malformed or unknown
	// query parameter, an override (`set.<path>`, or one in a saved or
	// uploaded scenario) with an unknown path or a bad value, or overrides
	// that leave the plan invalid (weights that no longer sum to 1), an
	// invalid scenario or plan name.
	kindBadRequest kind = iota + 1
	// kindUnauthorized: a write without the right bearer token, on a
	// server that has one (CAILI_TOKEN is set).
	kindUnauthorized
	// kindForbidden: a write on a server that has no token configured:
	// writes are switched off, whatever the client sends.
	kindForbidden
	// kindNotFound: an unknown plan, sub-district, column, scenario or
	// route.
	kindNotFound
	// kindMethodNotAllowed: a route that exists, with another method.
	kindMethodNotAllowed
	// kindConflict: a write to a built-in (read-only) scenario.
	kindConflict
	// kindTooLarge: a request body over the limit (1 MiB).
	kindTooLarge
	// kindUnprocessable: a plan the rules reject: a stage rejection
	// (capacity shortfall, unfunded mandatory projects, infeasible floors,
	// nobody eligible for the block grant), a posted plan that does not
	// parse or validate, or a plan file that has never loaded.
	kindUnprocessable
	// kindInternal: a fault of the server (a disk that cannot be written,
	// a broken accounting identity); never caused by what a client sends.
	kindInternal
)

// statusOf is the single place where error kinds become HTTP statuses.
var statusOf = map[kind]int{
	kindBadRequest:       http.StatusBadRequest,
	kindUnauthorized:     http.StatusUnauthorized,
	kindForbidden:        http.StatusForbidden,
	kindNotFound:         http.StatusNotFound,
	kindMethodNotAllowed: http.StatusMethodNotAllowed,
	kindConflict:         http.StatusConflict,
	kindTooLarge:         http.StatusRequestEntityTooLarge,
	kindUnprocessable:    http.StatusUnprocessableEntity,
	kindInternal:         http.StatusInternalServerError,
}

// status returns the HTTP status of an error kind.
func (k kind) status() int {
	if s, ok := statusOf[k]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// apiError is an error with its kind and the problems to show the client.
type apiError struct {
	kind      kind
	msg       string
	problems  []formula.Problem
	rejection *formula.RejectedError
	cause     error // logged for kindInternal, never shown
}

func (e *apiError) Error() string {
	if e.cause != nil {
		return e.msg + ": " + e.cause.Error()
	}
	return e.msg
}

func (e *apiError) Unwrap() error { return e.cause }

// errorf makes an apiError of a kind with a message and no problems.
func errorf(k kind, format string, args ...any) *apiError {
	return &apiError{kind: k, msg: fmt.Sprintf(format, args...)}
}

// queryError is a bad query parameter (400), with the parameter as the
// problem's path so that a client can show which one.
func queryError(param, format string, args ...any) *apiError {
	msg := fmt.Sprintf(format, args...)
	return &apiError{kind: kindBadRequest, msg: msg, problems: []formula.Problem{{File: "query", Path: param, Message: msg}}}
}

// problemJSON is one problem in an error response.
type problemJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Path    string `json:"path"`
	Message string `json:"message"`
}

// rejectionJSON says which stage rejected a valid plan and by how much.
type rejectionJSON struct {
	Kind   string `json:"kind"`
	Gap    string `json:"gap"`
	Detail string `json:"detail"`
}

// errorJSON is the body of every error response:
// {"error": …, "problems": [{"file", "line", "path", "message"}]}.
type errorJSON struct {
	Error     string         `json:"error"`
	Problems  []problemJSON  `json:"problems"`
	Rejection *rejectionJSON `json:"rejection,omitempty"`
}

// body renders the error for the client. Internal errors say nothing of
// their cause.
func (e *apiError) body() errorJSON {
	out := errorJSON{Error: e.msg, Problems: make([]problemJSON, 0, len(e.problems))}
	for _, p := range e.problems {
		out.Problems = append(out.Problems, problemJSON{File: p.File, Line: p.Line, Path: p.Path, Message: p.Message})
	}
	if r := e.rejection; r != nil {
		out.Rejection = &rejectionJSON{Kind: r.Kind.String(), Gap: r.Gap.String(), Detail: r.Detail}
	}
	return out
}

// classify turns any error from the domain code into an apiError:
//
//   - an *apiError stays as it is;
//   - a *standards.Error from overrides (query, saved or uploaded scenario)
//     is a bad request (400);
//   - a *standards.Error of the plan itself, a *formula.InvalidPlanError and
//     a *formula.RejectedError are a plan the rules reject (422);
//   - an unknown chart kind or format (chart.ErrUnknownKind,
//     chart.ErrUnknownFormat) and an unknown sub-district of a statement
//     (dashboard.ErrUnknownSubdistrict) are not found (404);
//   - a per-capita quantity a chart cannot divide by (chart.ErrBadQuantity)
//     is a bad query parameter `per` (400);
//   - anything else, chart.ErrNoResult included, is an internal error (500).
func classify(err error) *apiError {
	var ae *apiError
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
			return &apiError{kind: kindBadRequest, msg: "the overrides cannot be applied to the plan", problems: se.Problems}
		}
		return &apiError{kind: kindUnprocessable, msg: "the plan is invalid", problems: se.Problems}
	case errors.As(err, &fe):
		ps := make([]formula.Problem, len(fe.Problems))
		for i, p := range fe.Problems {
			ps[i] = formula.Problem{Path: p.Path, Message: p.Message}
		}
		return &apiError{kind: kindUnprocessable, msg: "the plan is invalid", problems: ps}
	case errors.As(err, &re):
		return &apiError{kind: kindUnprocessable, msg: re.Error(),
			problems: []formula.Problem{{Message: re.Error()}}, rejection: re}
	case errors.Is(err, chart.ErrUnknownKind), errors.Is(err, chart.ErrUnknownFormat),
		errors.Is(err, dashboard.ErrUnknownSubdistrict):
		return &apiError{kind: kindNotFound, msg: err.Error()}
	case errors.Is(err, chart.ErrBadQuantity):
		return queryError("per", "%s", err.Error())
	}
	return &apiError{kind: kindInternal, msg: "internal error", cause: err}
}
