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
	first := e.Problems[0].In(l).String()
	if len(e.Problems) == 1 {
		return one.In(l, first)
	}
	return many.In(l, len(e.Problems), first)
}

// Reason says why a value cannot be used, in Chinese and in English,
// from the message table (package msg). A value that is fine has none:
// its Problem is nil.
type Reason struct {
	Message string // in Chinese, the default language
	English string // in English
}

// because is the reason m says, in both languages.
func because(m msg.Message, args ...any) *Reason {
	zh, en := m.Both(args...)
	return &Reason{Message: zh, English: en}
}

// becauseKind is the reason m says of a value of the wrong TOML type; m
// takes the type's name (tomlKind), said in each language.
func becauseKind(m msg.Message, v any) *Reason {
	k := tomlKind(v)
	return &Reason{Message: m.In(msg.Zh, k.In(msg.Zh)), English: m.In(msg.En, k.In(msg.En))}
}

// problem is the problem of code at path (in file, at line) the reason
// gives.
func (r *Reason) problem(file string, line int, path string, code formula.Code) formula.Problem {
	return formula.Problem{File: file, Line: line, Path: path, Code: code, Message: r.Message, English: r.English}
}

// sayAt is the problem of code at path in file, at line, that m says.
func sayAt(file string, line int, path string, code formula.Code, m msg.Message, args ...any) formula.Problem {
	p := formula.Say(code, path, m, args...)
	p.File, p.Line = file, line
	return p
}

// also adds to a reason what m says, in both languages (a suggestion,
// say); nil when r is.
func (r *Reason) also(m msg.Message, args ...any) *Reason {
	if r == nil {
		return nil
	}
	zh, en := m.Both(args...)
	return &Reason{Message: r.Message + zh, English: r.English + en}
}

// alsoSay adds to a problem's message what m says, in both languages.
func alsoSay(p *formula.Problem, m msg.Message, args ...any) {
	zh, en := m.Both(args...)
	p.Message += zh
	if p.English != "" {
		p.English += en
	}
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
