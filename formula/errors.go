package formula

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Problem is one thing wrong with a plan, located by its key path in the
// plan file's terms, such as `subdistrict[west].quantities.hotline_tickets`.
type Problem struct {
	Path    string
	Message string
}

// String renders the problem as "path: message".
func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// InvalidPlanError reports every problem found in a plan at once.
type InvalidPlanError struct {
	Problems []Problem
}

// Error summarises the problems; callers that show them list Problems.
func (e *InvalidPlanError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "plan is invalid: %d problem(s)", len(e.Problems))
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

// RejectionKind says which stage of the rules refused a valid plan.
type RejectionKind int

// The ways a valid plan can be rejected by the stages.
const (
	// CapacityShortfall: personnel and public costs exceed what is available.
	CapacityShortfall RejectionKind = iota + 1
	// MandatoryUnfunded: mandatory (三保) projects exceed what is left.
	MandatoryUnfunded
	// NoBlockEligible: money is left for the block grant but nobody's
	// adjusted score is above zero.
	NoBlockEligible
	// FloorsInfeasible: the damping floors cannot be funded.
	FloorsInfeasible
)

var rejectionNames = map[RejectionKind]string{
	CapacityShortfall: "capacity shortfall",
	MandatoryUnfunded: "mandatory projects unfunded",
	NoBlockEligible:   "nobody eligible for the block grant",
	FloorsInfeasible:  "damping floors cannot be funded",
}

// String names the kind in words.
func (k RejectionKind) String() string {
	if s, ok := rejectionNames[k]; ok {
		return s
	}
	return "rejected"
}

// RejectedError is a valid plan that the rules cannot fund. Gap is the
// amount missing (元).
type RejectedError struct {
	Kind   RejectionKind
	Gap    decimal.Decimal
	Detail string
}

// Error says what was rejected and by how much.
func (e *RejectedError) Error() string {
	s := "plan rejected: " + e.Kind.String() + ", gap " + e.Gap.String() + " 元"
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

// ErrIdentity means a result broke the accounting identity. It is a bug in
// the engine, never the plan's fault, and is checked on every result.
var ErrIdentity = errors.New("accounting identity violated")

// problems collects Problems while validating.
type problems []Problem

func (ps *problems) add(path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &InvalidPlanError{Problems: ps}
}
