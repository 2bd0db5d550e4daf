package standards

import (
	"errors"
	"slices"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// invalid is the error of a plan that cannot be used, while doing op,
// with every problem found, in file and line order: a plan the rules
// reject (caili.KindUnprocessable). Its problems are a
// *formula.InvalidPlanError in its chain (formula.ProblemsOf); cause,
// when not nil, is the error of reading the plan file
// (errors.Is(err, fs.ErrNotExist) still holds).
func invalid(op string, ps []formula.Problem, cause error) *caili.Error {
	return &caili.Error{Op: op, Kind: caili.KindUnprocessable, Says: []caili.Words{msg.AppPlanInvalid.Says()},
		Err: &formula.InvalidPlanError{Problems: ps, Err: cause}}
}

// invalidOverrides is the error of overrides that cannot be applied
// (whichever way they were applied: the fast path and the general way
// give the same error): the base plan is fine and the problems come from a
// scenario or --set overrides (or from validating the plan they
// produced), so the request is at fault (caili.KindBadRequest).
func invalidOverrides(ps []formula.Problem) *caili.Error {
	return &caili.Error{Op: "standards.overrides", Kind: caili.KindBadRequest, Says: []caili.Words{msg.AppOverridesInvalid.Says()},
		Err: &formula.InvalidPlanError{Problems: ps}}
}

// ofOverrides reports whether err is invalidOverrides'.
func ofOverrides(err error) bool {
	var e *caili.Error
	return errors.As(err, &e) && e.Kind == caili.KindBadRequest
}

// Reason says why a value cannot be used, in words of the message table
// (package msg), rendered where it is shown. A value that is fine has
// none: its Reason is nil.
type Reason struct {
	Says []formula.Words
}

// because is the reason m says.
func because(m msg.Message, args ...any) *Reason {
	return &Reason{Says: []formula.Words{m.Words(args...)}}
}

// becauseKind is the reason m says of a value of the wrong TOML type; m
// takes the type's name (tomlKind), said in the same language.
func becauseKind(m msg.Message, v any) *Reason {
	return because(m, tomlKind(v))
}

// In says the reason in language l.
func (r *Reason) In(l msg.Lang) string {
	return msg.Problem(l, formula.Problem{Says: r.Says})
}

// problem is the problem of code at path (in file, at line) the reason
// gives.
func (r *Reason) problem(file string, line int, path string, code formula.Code) formula.Problem {
	return formula.Problem{File: file, Line: line, Path: path, Code: code, Says: r.Says}
}

// sayAt is the problem of code at path in file, at line, that m says.
func sayAt(file string, line int, path string, code formula.Code, m msg.Message, args ...any) formula.Problem {
	p := m.At(code, path, args...)
	p.File, p.Line = file, line
	return p
}

// also adds to a reason what m says (a suggestion, say); nil when r is.
func (r *Reason) also(m msg.Message, args ...any) *Reason {
	if r == nil {
		return nil
	}
	return &Reason{Says: append(r.Says[:len(r.Says):len(r.Says)], m.Words(args...))}
}

// alsoSay adds to a problem's message what m says.
func alsoSay(p *formula.Problem, m msg.Message, args ...any) {
	p.Says = append(p.Says[:len(p.Says):len(p.Says)], m.Words(args...))
}

// fatal reports whether a problem stops loading: a file that cannot be
// read or parsed, or a plan that may not name a standards file. Nothing
// more can be checked after one.
func fatal(p formula.Problem) bool {
	switch p.Code {
	case formula.CodeSyntax, formula.CodeUnreadable, formula.CodeStandardsNotAllowed:
		return true
	}
	return false
}

// stops reports whether any of ps is fatal.
func stops(ps []formula.Problem) bool {
	return slices.ContainsFunc(ps, fatal)
}
