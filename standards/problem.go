package standards

import (
	"fmt"
	"slices"

	"github.com/caili/caili/formula"
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
}

// Error summarises the problems.
func (e *Error) Error() string {
	what := "plan"
	if e.Overrides {
		what = "overrides"
	}
	if len(e.Problems) == 1 {
		return what + " rejected: " + e.Problems[0].String()
	}
	return fmt.Sprintf("%s rejected: %d problems, first: %s", what, len(e.Problems), e.Problems[0])
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
