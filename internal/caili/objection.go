package caili

import "time"

// Objections (数据更正与异议, docs/records.md): a 街道 files a note and
// proposed corrections of its own data — quantities, headcounts (staff)
// and payroll — against the latest published version of a plan. The
// planner sees what the corrections would do to every 街道 and accepts
// the objection (a new draft version with the corrected data) or rejects
// it with a reason. Nothing is applied without a planner's action; every
// step is in the audit log.

// Objection states.
const (
	ObjectionPending  = "pending"
	ObjectionAccepted = "accepted"
	ObjectionRejected = "rejected"
	// ObjectionCorrected: accepted as corrected in the data by hand (已在
	// 数据中更正), without a new version made from it.
	ObjectionCorrected = "corrected"
)

// NewObjection is an objection to record: Corrections map a key below the
// 街道 (quantities.X, staff.X, payroll.X) to its proposed value; Hash is
// the hex SHA-256 of the JSON of the note and corrections.
type NewObjection struct {
	Plan        string
	Version     int
	Subdistrict string
	Note        string
	Corrections map[string]string
	Hash        string
}

// Objection is a recorded objection.
type Objection struct {
	Plan        string
	N           int
	Version     int // the published version it was filed against
	Subdistrict string
	Note        string
	Corrections map[string]string
	Hash        string
	FiledAt     time.Time
	FiledBy     string
	Status      string
	ResolvedAt  *time.Time
	ResolvedBy  string
	Reason      string // why it was rejected, or the note of a correction made by hand
	NewVersion  int    // the draft made when it was accepted
}

// StatusWords is the objection's state as an argument of a message, in
// words of the message's language: pending, accepted or rejected.
func (o *Objection) StatusWords() Text {
	switch o.Status {
	case ObjectionAccepted:
		return TextObjectionAccepted
	case ObjectionRejected:
		return TextObjectionRejected
	case ObjectionCorrected:
		return TextObjectionCorrected
	}
	return TextObjectionPending
}
