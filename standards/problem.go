package standards

import (
	"slices"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// Error is a plan that cannot be used, with every problem found. It is
// returned by [Load], [Plan.Apply] and friends; use errors.As to get it.
type Error struct {
	// Problems lists every problem found, in file and line order.
	Problems []formula.Problem
	// Overrides is true when the base plan is fine and the problems come
	// from a scenario or --set overrides (or from validating the plan
	// they produced).
	Overrides bool
	// cause is the error of reading the plan file, when that is the
	// problem (errors.Is(err, fs.ErrNotExist) still holds).
	cause error
}

// Unwrap returns the error of reading the plan file, if that was the
// problem.
func (e *Error) Unwrap() error { return e.cause }

// Error summarises the problems, in Chinese.
func (e *Error) Error() string { return e.In(msg.Zh) }

// In summarises the problems in language l.
func (e *Error) In(l msg.Lang) string {
	one, many := msg.StdPlanRejected, msg.StdPlanRejectedMany
	if e.Overrides {
		one, many = msg.StdOverridesRejected, msg.StdOverridesRejectedMany
	}
	if len(e.Problems) == 0 {
		return one.In(l, "")
	}
	first := msg.ProblemLine(l, e.Problems[0])
	if len(e.Problems) == 1 {
		return one.In(l, first)
	}
	return many.In(l, len(e.Problems), first)
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
