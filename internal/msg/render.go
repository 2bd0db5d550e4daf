package msg

import (
	"errors"
	"fmt"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
)

// This file renders what the layers below the edge say by naming a
// message (formula.Text, formula.Words, formula.Problem and formula's
// errors) in the language asked for: the edge (the command line, the
// API, the pages, the workbooks) calls these, and nothing below it
// renders words.

// Text renders the message whose key is t (a formula.Text, a caili.Text)
// in l with args. A key the table lacks (a bug, which the table's test
// catches) is rendered as the key and its arguments, so that nothing is
// silently lost.
func Text[T ~string](l Lang, t T, args ...any) string {
	m, ok := byKey[string(t)]
	if !ok {
		if len(args) == 0 {
			return string(t)
		}
		return string(t) + fmt.Sprint(args...)
	}
	return m.In(l, args...)
}

// Say renders words of the table in l.
func Say(l Lang, w formula.Words) string { return Text(l, w.Text, w.Args...) }

// Words is m with args as the words of a problem: a message of the table
// named by its key, for the layers that build problems.
func (m Message) Words(args ...any) formula.Words {
	return formula.Words{Text: formula.Text(m.key), Args: args}
}

// Says is m with args as the words of an error (caili.Words).
func (m Message) Says(args ...any) caili.Words {
	return caili.Words{Text: caili.Text(m.key), Args: args}
}

// Err is the error of kind that m says with args.
func (m Message) Err(kind caili.Kind, args ...any) *caili.Error {
	return &caili.Error{Kind: kind, Says: []caili.Words{m.Says(args...)}}
}

// ErrorWords renders what an error says in l: its words one after
// another, without its cause.
func ErrorWords(l Lang, e *caili.Error) string {
	if len(e.Says) == 1 {
		return Text(l, e.Says[0].Text, e.Says[0].Args...)
	}
	var b strings.Builder
	for _, w := range e.Says {
		b.WriteString(Text(l, w.Text, w.Args...))
	}
	return b.String()
}

// Problem renders what a problem says in l: its words, one after another.
func Problem(l Lang, p formula.Problem) string {
	if len(p.Says) == 1 {
		return Say(l, p.Says[0])
	}
	var b strings.Builder
	for _, w := range p.Says {
		b.WriteString(Say(l, w))
	}
	return b.String()
}

// ProblemLine renders a problem in l as "file:line: path: message",
// leaving out the parts that are not known.
func ProblemLine(l Lang, p formula.Problem) string {
	return p.Place() + Problem(l, p)
}

// InvalidPlanText summarises an invalid plan's problems in l: how many,
// and the first three.
func InvalidPlanText(l Lang, e *formula.InvalidPlanError) string {
	var b strings.Builder
	b.WriteString(InvalidPlan.In(l, len(e.Problems)))
	for i, p := range e.Problems {
		if i == 3 {
			b.WriteString("; …")
			break
		}
		b.WriteString("; ")
		b.WriteString(ProblemLine(l, p))
	}
	return b.String()
}

// RejectionKind says the stage that rejected a plan in l.
func RejectionKind(l Lang, k formula.RejectionKind) string {
	if t := k.Words(); t != "" {
		return Text(l, t)
	}
	return RejectedAny.In(l)
}

// RejectionDetail says why a plan was rejected in l; empty when the
// rejection says nothing more.
func RejectionDetail(l Lang, e *formula.RejectedError) string {
	if e.Detail.Text == "" {
		return ""
	}
	return Say(l, e.Detail)
}

// RejectionText says what was rejected and by how much in l, with why.
func RejectionText(l Lang, e *formula.RejectedError) string {
	s := Rejected.In(l, RejectionKind(l, e.Kind), e.Gap.String())
	if d := RejectionDetail(l, e); d != "" {
		s += RejectedDetail.In(l, d)
	}
	return s
}

// Error renders an error in l: caili's error as its words and then its
// cause (a cause that is a fault of the machine as it says itself), one
// that says itself (a Sayer), a plan's problems or a rejection in words of
// the table, anything else as it says itself.
func Error(l Lang, err error) string {
	var ce *caili.Error
	var s Sayer
	var ip *formula.InvalidPlanError
	var re *formula.RejectedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ce):
		if ce.Err == nil {
			return ErrorWords(l, ce)
		}
		return ErrorWords(l, ce) + ": " + Error(l, ce.Err)
	case errors.As(err, &s):
		return s.In(l)
	case errors.As(err, &ip):
		return InvalidPlanText(l, ip)
	case errors.As(err, &re):
		return RejectionText(l, re)
	}
	return err.Error()
}

// At is the problem of code at path that m says with args.
func (m Message) At(code formula.Code, path string, args ...any) formula.Problem {
	return formula.Problem{Path: path, Code: code, Says: []formula.Words{m.Words(args...)}}
}

// Bilingual says m in Chinese and then, in brackets, in English, for the
// few places that speak to both at once (the log, a note on the plans
// page): "文件已修改但无法载入 (serving the last good version)".
func (m Message) Bilingual(args ...any) string {
	zh, en := m.Both(args...)
	return zh + " (" + en + ")"
}
