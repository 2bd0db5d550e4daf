package formula

import (
	"errors"
	"fmt"
	"strings"
)

// Problem is one thing wrong with a plan, a standards file, a scenario, an
// override or a request: the one type every layer uses to say what is
// wrong and where. The engine fills Path, Code and Says; the loader adds
// the File and Line it found the key at. What a problem says is named,
// not written: the edge renders Says in the language the person asked
// for (package internal/msg).
type Problem struct {
	File string  // the file it was found in ("--set" for command-line overrides, "query" for a request); may be empty
	Line int     // 1-based line, 0 when not known
	Path string  // key path in the plan file's terms, e.g. subdistrict[west].quantities.hotline_tickets; may be empty
	Code Code    // what kind of problem, stable across versions and languages
	Says []Words // what is wrong, in words of the message table: the first says it, any more follow it (such as what may have been meant)
}

// Text names a message of caili's one message table: formula, and every
// layer below the edge, says what is wrong by naming a message, and the
// edge renders it in the language asked for (package internal/msg,
// whose keys these are).
type Text string

// Words is a text of the message table and its arguments, as the
// arguments of fmt.Sprintf. An argument that is itself a Text or Words
// is rendered in the same language.
type Words struct {
	Text Text
	Args []any
}

// Say is the words of text t with args.
func Say(t Text, args ...any) Words { return Words{Text: t, Args: args} }

// NewProblem is the problem of code at path that t says with args.
func NewProblem(code Code, path string, t Text, args ...any) Problem {
	return Problem{Path: path, Code: code, Says: []Words{Say(t, args...)}}
}

// Also adds to what the problem says what t says with args (a
// suggestion, say).
func (p *Problem) Also(t Text, args ...any) {
	p.Says = append(p.Says[:len(p.Says):len(p.Says)], Say(t, args...))
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
	// CodeExecutionMandatory: an execution rate of a mandatory (三保)
	// project (rules §6).
	CodeExecutionMandatory Code = "execution_mandatory"
	// CodeBandsOrder: execution bands whose below does not strictly
	// increase (rules §6).
	CodeBandsOrder Code = "bands_order"
	// CodeZeroBasis: a transfer of an amount above zero on a basis that
	// is zero in every sub-district (rules §6).
	CodeZeroBasis Code = "zero_basis"
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
	// CodeBadSuccession: a [[succession]] that cannot be: many sub-districts
	// into many, or a former sub-district still in the plan that does not
	// succeed itself (docs/succession.md).
	CodeBadSuccession Code = "bad_succession"
	// CodeInvalid: a rule broken that no other code names. Validation
	// gives every problem one of the codes above; this one stays for
	// programs that compare with it.
	CodeInvalid Code = "invalid"
)

// String renders the problem for logs and test failures as
// "file:line: path: code text args", leaving out the parts that are not
// known; the edge says it in words (package internal/msg).
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Place())
	b.WriteString(string(p.Code))
	for _, w := range p.Says {
		fmt.Fprintf(&b, " %s%v", w.Text, w.Args)
	}
	return b.String()
}

// Place renders where the problem is as the start of its line:
// "file:line: path: ", leaving out the parts that are not known (empty
// when none is).
func (p Problem) Place() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path + ": ")
	}
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

// InvalidPlanError reports every problem found in a plan at once (or in
// a request, a scenario or overrides: problems with their place).
type InvalidPlanError struct {
	Problems []Problem
	// Err is the error behind the problems, when there is one: that of
	// reading a plan file (errors.Is(err, fs.ErrNotExist) still holds),
	// or a sentinel of the package that found them; nil otherwise.
	Err error
}

// Unwrap returns the error behind the problems, if any.
func (e *InvalidPlanError) Unwrap() error { return e.Err }

// ProblemsOf returns the problems of the first *InvalidPlanError in err's
// chain; none when there is none.
func ProblemsOf(err error) []Problem {
	var e *InvalidPlanError
	if errors.As(err, &e) {
		return e.Problems
	}
	return nil
}

// Error summarises the problems by their places, codes and texts, for
// logs; the edge says them in words (package internal/msg).
func (e *InvalidPlanError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "invalid plan: %d problem(s)", len(e.Problems))
	for i, p := range e.Problems {
		if i == 3 {
			b.WriteString("; …")
			break
		}
		b.WriteString("; ")
		b.WriteString(p.String())
	}
	return b.String()
}

// problems collects Problems while validating.
type problems []Problem

// say records a problem of the given code at path, that t says.
func (ps *problems) say(code Code, path string, t Text, args ...any) {
	*ps = append(*ps, NewProblem(code, path, t, args...))
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &InvalidPlanError{Problems: ps}
}
