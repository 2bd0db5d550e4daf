package formula

import (
	"errors"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/msg"
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
	words msg.Message
}{
	CapacityShortfall: {"capacity shortfall", msg.CapacityShortfall},
	MandatoryUnfunded: {"mandatory projects unfunded", msg.MandatoryUnfunded},
	NoBlockEligible:   {"nobody eligible for the block grant", msg.NoBlockEligible},
	FloorsInfeasible:  {"damping floors cannot be funded", msg.FloorsInfeasible},
}

// String names the kind: a stable English name ("capacity shortfall")
// that programs may show or compare; In says it in a language.
func (k RejectionKind) String() string {
	if s, ok := rejectionNames[k]; ok {
		return s.name
	}
	return "rejected"
}

// In says the kind in words in language l.
func (k RejectionKind) In(l msg.Lang) string {
	if s, ok := rejectionNames[k]; ok {
		return s.words.In(l)
	}
	return msg.RejectedAny.In(l)
}

// RejectedError is a valid plan that the rules cannot fund. Gap is the
// amount missing (元). Detail says why in Chinese, DetailEnglish in
// English; Error says it all in Chinese and In in either language.
type RejectedError struct {
	Kind          RejectionKind
	Gap           decimal.Decimal
	Detail        string // why, in Chinese (the default language); may be empty
	DetailEnglish string // the same in English, when the detail came from the message table
}

// rejected makes the rejection of kind with the gap, its detail taken
// from the message table in both languages.
func rejected(kind RejectionKind, gap decimal.Decimal, m msg.Message, args ...any) *RejectedError {
	zh, en := m.Both(args...)
	return &RejectedError{Kind: kind, Gap: gap, Detail: zh, DetailEnglish: en}
}

// Error says what was rejected and by how much, in Chinese.
func (e *RejectedError) Error() string { return e.In(msg.Zh) }

// In says what was rejected and by how much, in language l (the English
// detail only when there is one).
func (e *RejectedError) In(l msg.Lang) string {
	s := msg.Rejected.In(l, e.Kind.In(l), e.Gap.String())
	detail := e.Detail
	if l == msg.En && e.DetailEnglish != "" {
		detail = e.DetailEnglish
	}
	if detail != "" {
		s += msg.RejectedDetail.In(l, detail)
	}
	return s
}

// ErrIdentity means a result broke the accounting identity. It is a bug in
// the engine, never the plan's fault, and is checked on every result.
var ErrIdentity = errors.New("accounting identity violated")
