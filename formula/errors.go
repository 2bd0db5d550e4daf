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

// rejectionNames are the kinds' stable names, and their words.
var rejectionNames = map[RejectionKind]struct {
	name  string
	words Text
}{
	CapacityShortfall: {"capacity shortfall", textCapacityShortfall},
	MandatoryUnfunded: {"mandatory projects unfunded", textMandatoryUnfunded},
	NoBlockEligible:   {"nobody eligible for the block grant", textNoBlockEligible},
	FloorsInfeasible:  {"damping floors cannot be funded", textFloorsInfeasible},
}

// String names the kind: a stable English name ("capacity shortfall")
// that programs may show or compare; Words says it in words.
func (k RejectionKind) String() string {
	if s, ok := rejectionNames[k]; ok {
		return s.name
	}
	return "rejected"
}

// Words names the kind in words of the message table; the empty text
// for a kind without words.
func (k RejectionKind) Words() Text {
	return rejectionNames[k].words
}

// RejectedError is a valid plan that the rules cannot fund. Gap is the
// amount missing (元); Detail says why, in words of the message table
// (its Text is empty when there is nothing to add). Error says it for
// logs; the edge says it in words (package internal/msg).
type RejectedError struct {
	Kind   RejectionKind
	Gap    decimal.Decimal
	Detail Words
}

// rejected makes the rejection of kind with the gap, its detail said by t.
func rejected(kind RejectionKind, gap decimal.Decimal, t Text, args ...any) *RejectedError {
	return &RejectedError{Kind: kind, Gap: gap, Detail: Say(t, args...)}
}

// Error says what was rejected and by how much, by the kind's stable
// name, for logs.
func (e *RejectedError) Error() string {
	return "rejected: " + e.Kind.String() + ", short by " + e.Gap.String()
}

// ErrIdentity means a result broke the accounting identity. It is a bug in
// the engine, never the plan's fault, and is checked on every result.
var ErrIdentity = errors.New("accounting identity violated")
