package formula

import (
	"fmt"
	"strings"

	"github.com/caili/caili/internal/msg"
)

// Problem is one thing wrong with a plan, a standards file, a scenario, an
// override or a request: the one type every layer uses to say what is
// wrong and where. The engine fills Path, Code and Message; the loader
// adds the File and Line it found the key at.
type Problem struct {
	File    string // the file it was found in ("--set" for command-line overrides, "query" for a request); may be empty
	Line    int    // 1-based line, 0 when not known
	Path    string // key path in the plan file's terms, e.g. subdistrict[west].quantities.hotline_tickets; may be empty
	Code    Code   // what kind of problem, stable across versions and languages
	Message string // the problem in words, in Chinese (the default language)
	English string // the same in English, when the message came from the table (package msg); see In
}

// Say makes the problem of code at path, its message taken from the one
// message table in both languages.
func Say(code Code, path string, m msg.Message, args ...any) Problem {
	zh, en := m.Both(args...)
	return Problem{Path: path, Code: code, Message: zh, English: en}
}

// In returns the problem with its Message in language l: the English
// text for msg.En when there is one, the Chinese otherwise.
func (p Problem) In(l msg.Lang) Problem {
	if l == msg.En && p.English != "" {
		p.Message = p.English
	}
	return p
}

// ProblemsIn returns ps with every message in language l (ps itself when
// l is Chinese).
func ProblemsIn(ps []Problem, l msg.Lang) []Problem {
	if l == msg.Zh || len(ps) == 0 {
		return ps
	}
	out := make([]Problem, len(ps))
	for i, p := range ps {
		out[i] = p.In(l)
	}
	return out
}

// Code names a kind of problem. Codes are stable: programs may compare
// them, while messages may be reworded or translated.
type Code string

// The problem codes.
const (
	// CodeSyntax: a file that is not valid TOML.
	CodeSyntax Code = "syntax"
	// CodeUnreadable: a file that cannot be read.
	CodeUnreadable Code = "unreadable"
	// CodeUnknownKey: a key the plan file does not define.
	CodeUnknownKey Code = "unknown_key"
	// CodeDuplicateKey: a top-level table in both the plan and its
	// standards file.
	CodeDuplicateKey Code = "duplicate_key"
	// CodeStandardsNotAllowed: a plan sent on its own names a standards file.
	CodeStandardsNotAllowed Code = "standards_not_allowed"
	// CodeBadValue: a value of the wrong type or form.
	CodeBadValue Code = "bad_value"
	// CodeMissing: a required key or entry is absent, or a required text
	// or list is empty.
	CodeMissing Code = "missing"
	// CodeDuplicateID: an id used twice.
	CodeDuplicateID Code = "duplicate_id"
	// CodeBadID: an id of the wrong form.
	CodeBadID Code = "bad_id"
	// CodeUnknownRef: a reference (quantity, tier, staff category, rating,
	// basis) to something the plan does not define.
	CodeUnknownRef Code = "unknown_ref"
	// CodeOutOfRange: a number outside what the rules allow, such as a
	// negative amount, a rate of 1 or more, or a floor above its ceiling.
	CodeOutOfRange Code = "out_of_range"
	// CodeNotMultiple: an amount that is not a whole number of rounding
	// units, such as a capacity of 1500.5 with a rounding unit of 1.
	CodeNotMultiple Code = "not_multiple"
	// CodeNotInteger: a headcount that is not a whole number.
	CodeNotInteger Code = "not_integer"
	// CodeWeightsNotOne: weights that do not sum to 1.
	CodeWeightsNotOne Code = "weights_not_one"
	// CodeMissingQuantity: a sub-district lacks a quantity a standard reads.
	CodeMissingQuantity Code = "missing_quantity"
	// CodeZeroIndicator: an indicator whose quantity is zero in every
	// sub-district, so that it has nothing to share out by.
	CodeZeroIndicator Code = "zero_indicator"
	// CodeRepeated: a list that names the same thing twice, such as a
	// component in [damping] exclude.
	CodeRepeated Code = "repeated"
	// CodeRatedMandatory: a rating given to a mandatory (三保) project,
	// which is funded in full and cannot be rated.
	CodeRatedMandatory Code = "rated_mandatory"
	// CodeDataConflict: a plan that names a data file ([plan] data) and
	// has [[subdistrict]] tables too; its sub-districts come from one place.
	CodeDataConflict Code = "data_conflict"
	// CodeDataNotRead: a data file left unread because the plan's own
	// tables, which say what to read, have problems.
	CodeDataNotRead Code = "data_not_read"
	// CodeNoEffect: an override that sets a key nothing in the plan reads
	// (a quantity no standard uses, a coefficient for a rating no one
	// has), which would silently give the base figures.
	CodeNoEffect Code = "no_effect"
	// CodeUnknownPath: an override path that names nothing.
	CodeUnknownPath Code = "unknown_path"
	// CodeBadQuery: a malformed, unknown or repeated request parameter.
	CodeBadQuery Code = "bad_query"
	// CodeRejected: a valid plan the rules cannot fund (see RejectedError).
	CodeRejected Code = "rejected"
	// CodeNoValueForYear: a dated standards value (docs/dated.md) with
	// no entry in force for the plan's fiscal year: every entry starts
	// later.
	CodeNoValueForYear Code = "no_value_for_year"
	// CodeDuplicateYear: two entries of a dated standards value with the
	// same `from` year, so that the value in force is ambiguous.
	CodeDuplicateYear Code = "duplicate_year"
	// CodePublishedMissing: a damping baseline `@published:YEAR` with no
	// published version of that fiscal year to read (or no record store
	// to read it from).
	CodePublishedMissing Code = "published_missing"
	// CodePublishedIncomplete: a damping baseline `@published:YEAR` whose
	// published result lacks some of the plan's sub-districts.
	CodePublishedIncomplete Code = "published_incomplete"
	// CodeInvalid: a rule broken that no other code names. Validation
	// gives every problem one of the codes above; this one stays for
	// programs that compare with it.
	CodeInvalid Code = "invalid"
)

// String renders the problem as "file:line: path: message", leaving out
// the parts that are not known.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Where renders the problem's file and line, such as "plan.toml:17"; it
// is empty when neither is known.
func (p Problem) Where() string {
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	case p.Line > 0:
		return fmt.Sprintf("line %d", p.Line)
	}
	return p.File
}

// InvalidPlanError reports every problem found in a plan at once.
type InvalidPlanError struct {
	Problems []Problem
}

// Error summarises the problems in Chinese; callers that show them list
// Problems.
func (e *InvalidPlanError) Error() string { return e.In(msg.Zh) }

// In summarises the problems in language l.
func (e *InvalidPlanError) In(l msg.Lang) string {
	var b strings.Builder
	b.WriteString(msg.InvalidPlan.In(l, len(e.Problems)))
	for i, p := range e.Problems {
		if i == 3 {
			b.WriteString("; …")
			break
		}
		b.WriteString("; ")
		b.WriteString(p.In(l).String())
	}
	return b.String()
}

// problems collects Problems while validating.
type problems []Problem

// say records a problem of the given code at path, its message taken
// from the message table.
func (ps *problems) say(code Code, path string, m msg.Message, args ...any) {
	*ps = append(*ps, Say(code, path, m, args...))
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &InvalidPlanError{Problems: ps}
}
