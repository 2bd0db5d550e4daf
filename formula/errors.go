package formula

import (
	"errors"

	"github.com/shopspring/decimal"
)

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
