package standards

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a plan, a standards file or an override.
type Problem struct {
	File    string // the file it was found in ("--set" for command-line overrides)
	Line    int    // 1-based line, 0 when not known
	Path    string // key path, e.g. subdistrict[west].quantities.hotline_tickets
	Message string

	unknown bool // an unknown key, still to be located
	fatal   bool // the file could not be read or parsed: nothing more can be checked
}

// String renders the problem as "file:line: path: message".
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

// Error is a plan that cannot be used, with every problem found. It is
// returned by [Load], [Plan.Apply] and friends; use errors.As to get it.
type Error struct {
	Problems []Problem
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
