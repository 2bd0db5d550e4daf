package msg

import (
	"errors"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/textutil"
)

// This file builds caili's one error (*caili.Error) from messages of the
// table, and finds what the edge lists under an error's message: its
// problems and the rejection it reports.

// Query is the error of a bad request parameter that m says with args: a
// bad request whose one problem is at the parameter (file "query", code
// bad_query), so that a client can show which one.
func (m Message) Query(param string, args ...any) *caili.Error {
	e := m.Err(caili.KindBadRequest, args...)
	return WithProblems(e, []formula.Problem{{File: "query", Path: param, Code: formula.CodeBadQuery, Says: ProblemWords(e.Says)}})
}

// Choice is the error of a request parameter outside its values: the
// parameter's name, the values it takes and the value given.
func Choice(param string, values []string, got string) *caili.Error {
	return AppQueryChoice.Query(param, param, strings.Join(values, ", "), Clip(got))
}

// Clip shortens a value a person sent to quote it back in a message.
func Clip(s string) string { return textutil.Clip(s, 80) }

// WithProblems sets the problems of an error that has no other cause:
// what the edge lists under its message (Problems).
func WithProblems(e *caili.Error, ps []formula.Problem) *caili.Error {
	return e.Because(&formula.InvalidPlanError{Problems: ps})
}

// ProblemWords are an error's words as the words of a problem.
func ProblemWords(ws []caili.Words) []formula.Words {
	out := make([]formula.Words, len(ws))
	for i, w := range ws {
		out[i] = formula.Words{Text: formula.Text(w.Text), Args: w.Args}
	}
	return out
}

// Problems are the problems an error lists under its message: those of
// the plan, the scenario or the request, or the one problem of a
// rejection (code rejected, saying the error's words); none for an
// error without any.
func Problems(err error) []formula.Problem {
	if ps := formula.ProblemsOf(err); ps != nil {
		return ps
	}
	var ce *caili.Error
	if Rejection(err) != nil && errors.As(err, &ce) {
		return []formula.Problem{{Code: formula.CodeRejected, Says: ProblemWords(ce.Says)}}
	}
	return nil
}

// Rejection is the rejection of a valid plan the rules cannot fund that
// err reports, or nil.
func Rejection(err error) *formula.RejectedError {
	var re *formula.RejectedError
	if errors.As(err, &re) {
		return re
	}
	return nil
}
