package caili

import (
	"context"
	"io"
	"time"
)

// Store keeps the governed record of an office: saved scenarios, plan
// versions with their files' bytes, approvals, publications, access
// tokens (hashed) and an append-only audit log. Every write of a Store
// appends its audit entry in the same transaction, so that there is no
// write without its record. The SQLite implementation is
// internal/store/sqlite; another database can implement the same
// interface. Errors are *Error with a kind (KindNotFound for a missing
// record, KindConflict for a state that forbids the write).
type Store interface {
	// Scenario returns a saved scenario (KindNotFound when there is none).
	Scenario(ctx context.Context, plan, name string) (*StoredScenario, error)
	// Scenarios lists the saved scenarios of a plan, by name.
	Scenarios(ctx context.Context, plan string) ([]StoredScenario, error)
	// PutScenario saves a scenario; created is false when it replaced one.
	PutScenario(ctx context.Context, who Actor, sc StoredScenario) (created bool, err error)
	// DeleteScenario removes a saved scenario (KindNotFound when none).
	DeleteScenario(ctx context.Context, who Actor, plan, name string) error
	// ImportScenarios saves the scenarios found as files under the data
	// folder, once in the database's life: the second call imports
	// nothing and returns done false. Existing records are kept.
	ImportScenarios(ctx context.Context, who Actor, scs []StoredScenario) (n int, done bool, err error)

	// SaveVersion records a plan's files as a new draft version, unless
	// the plan's latest version has the same hash (then that one is
	// returned with created false).
	SaveVersion(ctx context.Context, who Actor, v NewVersion) (rec *VersionRecord, created bool, err error)
	// Versions lists a plan's versions, oldest first, without files,
	// with the publication of each published one.
	Versions(ctx context.Context, plan string) ([]VersionRecord, error)
	// Version returns one version with its files.
	Version(ctx context.Context, plan string, n int) (*VersionRecord, error)
	// Approve marks a draft approved and records what the approval
	// pinned (KindConflict unless it is a draft).
	Approve(ctx context.Context, who Actor, a NewApproval) (*VersionRecord, error)
	// Approval returns the latest approval of a version (KindNotFound
	// when it has none).
	Approval(ctx context.Context, plan string, n int) (*Approval, error)
	// ApprovalPins is Approval without the approved result and totals
	// (Result and Totals nil).
	ApprovalPins(ctx context.Context, plan string, n int) (*Approval, error)
	// Unapprove returns an approved version to draft, saying why in the
	// audit log (KindConflict unless it is approved).
	Unapprove(ctx context.Context, who Actor, plan string, n int, why string) error
	// Publish freezes an approved version's result (KindConflict unless
	// the version is approved with that result, or when it is older
	// than the plan's current publication and p.Supersedes gives no
	// reason). The publication returned carries p.Result (nil when
	// p.WriteResult wrote it).
	Publish(ctx context.Context, who Actor, p NewPublication) (*Publication, error)
	// PublicationOf returns the publication of version n (KindNotFound
	// when it is not published).
	PublicationOf(ctx context.Context, plan string, n int) (*Publication, error)
	// PublicationHeadOf is PublicationOf without the result (Result nil):
	// what a caller that needs the publication's hash, date or author
	// reads, without the whole result of a large plan.
	PublicationHeadOf(ctx context.Context, plan string, n int) (*Publication, error)
	// Published returns the latest publication of a plan (KindNotFound
	// when none).
	Published(ctx context.Context, plan string) (*Publication, error)
	// PublishedYear returns the latest publication of those of a plan's
	// versions whose fiscal year is year, without its result (Result nil;
	// KindNotFound when none): what a damping baseline `@published:YEAR`
	// reads (docs/dated.md), through PublishedResult.
	PublishedYear(ctx context.Context, plan string, year int64) (*Publication, error)
	// PublishedHead returns the latest publication of a plan without its
	// result (Result nil; KindNotFound when none).
	PublishedHead(ctx context.Context, plan string) (*Publication, error)
	// PublishedIndex returns the latest publication of a plan without its
	// result, and its 街道 in the result's order (KindNotFound when none).
	PublishedIndex(ctx context.Context, plan string) (*Publication, []PublishedEntry, error)
	// PublishedIndexOf is PublishedIndex of the publication of version n.
	PublishedIndexOf(ctx context.Context, plan string, n int) (*Publication, []PublishedEntry, error)
	// PublishedSubdistrict returns one 街道's object of a publication's
	// result JSON, read alone (KindNotFound when it has none).
	PublishedSubdistrict(ctx context.Context, plan string, n int, id string) ([]byte, error)
	// PublishedResult writes the frozen result of publication (plan, n)
	// to w, byte for byte as published, without holding it whole
	// (KindNotFound when version n is not published).
	PublishedResult(ctx context.Context, plan string, n int, w io.Writer) error

	// CreateToken records a token by its hash.
	CreateToken(ctx context.Context, who Actor, t TokenRecord) error
	// TokenByHash finds a token that is not revoked by its hash
	// (KindNotFound when none).
	TokenByHash(ctx context.Context, hash string) (*TokenRecord, error)
	// RevokeToken revokes a token (KindNotFound when none).
	RevokeToken(ctx context.Context, who Actor, id string) error
	// Tokens lists every token, revoked ones too, without secrets.
	Tokens(ctx context.Context) ([]TokenRecord, error)

	// FileObjection records a 街道's objection against a published
	// version as pending (KindConflict unless the version is published).
	FileObjection(ctx context.Context, who Actor, o NewObjection) (*Objection, error)
	// Objections lists a plan's objections, oldest first.
	Objections(ctx context.Context, plan string) ([]Objection, error)
	// Objection returns one objection (KindNotFound when none).
	Objection(ctx context.Context, plan string, n int) (*Objection, error)
	// AcceptObjection saves v as a new draft version and marks the
	// objection accepted with it, in one transaction (KindConflict
	// unless the objection is pending).
	AcceptObjection(ctx context.Context, who Actor, plan string, n int, v NewVersion) (*Objection, *VersionRecord, error)
	// RejectObjection marks a pending objection rejected with a reason.
	RejectObjection(ctx context.Context, who Actor, plan string, n int, reason string) (*Objection, error)
	// CorrectedObjection marks a pending objection corrected in the data
	// by hand (ObjectionCorrected), with a note.
	CorrectedObjection(ctx context.Context, who Actor, plan string, n int, note string) (*Objection, error)

	// Audit returns the audit log, newest first, at most limit entries.
	Audit(ctx context.Context, limit int) ([]AuditEntry, error)
	// Backup writes a consistent copy of the database to a new file.
	Backup(ctx context.Context, path string) error
	// Close closes the database.
	Close() error

	Keys
	Year
	Execution // execution.go
}

// Role is what a token may do.
type Role string

// The roles.
const (
	// RolePlanner writes drafts and scenarios (规划员).
	RolePlanner Role = "planner"
	// RoleApprover approves and publishes versions, reads the audit log
	// (审批人).
	RoleApprover Role = "approver"
	// RoleSubdistrict reads the published statement of one 街道 only.
	RoleSubdistrict Role = "subdistrict"
	// RoleReader reads results, published and draft (a spreadsheet's
	// WEBSERVICE), and writes nothing.
	RoleReader Role = "reader"
	// RoleAdmin is the server's own --token (CAILI_TOKEN) and the
	// command line on the database file: planner and approver at once.
	RoleAdmin Role = "admin"
)

// ValidRole reports whether r is a role a token can be created with.
func ValidRole(r Role) bool {
	return r == RolePlanner || r == RoleApprover || r == RoleSubdistrict || r == RoleReader
}

// Actor is who makes a request: a token's id and role, and for a 街道
// token its sub-district.
type Actor struct {
	ID          string
	Role        Role
	Subdistrict string
}

// Can reports whether the actor holds role r (admin holds planner and
// approver).
func (a Actor) Can(r Role) bool {
	if a.Role == RoleAdmin {
		return r == RolePlanner || r == RoleApprover || r == RoleAdmin
	}
	return a.Role == r
}

// StoredScenario is a saved scenario file as the store keeps it.
type StoredScenario struct {
	Plan, Name string
	Data       []byte
	Hash       string // hex SHA-256 of Data
	Modified   time.Time
}

// File is one file of a plan version: its name relative to the plan
// file, as the plan names it, and its bytes.
type File struct {
	Name string
	Data []byte
}

// NewVersion is a plan version to record: the files read to load it, in
// the order read (the first is the plan file), and their hash as
// internal/app computes it when loading.
type NewVersion struct {
	Plan       string
	Hash       string
	Name       string
	FiscalYear int64
	Note       string
	Files      []File
}

// Version states.
const (
	StatusDraft     = "draft"
	StatusApproved  = "approved"
	StatusPublished = "published"
)

// VersionRecord is a recorded plan version.
type VersionRecord struct {
	Plan       string
	N          int
	Hash       string
	Name       string
	FiscalYear int64
	Note       string
	Status     string
	CreatedAt  time.Time
	CreatedBy  string
	ApprovedAt *time.Time
	ApprovedBy string
	Files      []File // only from Store.Version
	// PublishedAt and ResultHash are the version's publication, when it
	// has one (only from Store.Versions).
	PublishedAt *time.Time
	ResultHash  string
}

// NewPublication is the frozen result of an approved version.
// Supersedes, when not empty, is why a version older than the plan's
// current publication is published over it (recorded in the audit log);
// SingleUser says that the four-eyes rule was waived.
//
// The result is either Result, whole, or written by WriteResult into the
// store as it is made (a large result is never held whole: issue 25 §5):
// WriteResult writes the allocations JSON to w and returns the hex
// SHA-256 of what it wrote. ResultHash is the hash the result must have
// (the approved one): the store refuses, writing nothing, when the
// approval is not of that hash or when WriteResult returns another.
type NewPublication struct {
	Plan        string
	N           int
	Result      []byte // the allocations JSON (rules §5); nil with WriteResult
	WriteResult func(w io.Writer) (hash string, err error)
	ResultHash  string // hex SHA-256 of the result
	Supersedes  string
	SingleUser  bool
}

// Publication is a published version with its frozen result (Result
// nil where a method says it is left out: Store.PublishedResult writes
// it without holding it).
type Publication struct {
	Plan        string
	N           int
	VersionHash string
	PublishedAt time.Time
	PublishedBy string
	Result      []byte
	ResultHash  string
}

// PublishedEntry is one 街道 of a publication: its id and its name.
type PublishedEntry struct {
	ID, Name string
}

// TokenRecord is an access token as stored: its hash, never the secret.
type TokenRecord struct {
	ID          string
	Hash        string // hex SHA-256 of the secret
	Role        Role
	Subdistrict string
	Note        string
	CreatedAt   time.Time
	RevokedAt   *time.Time
}

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	Seq     int64
	At      time.Time
	Actor   string
	Role    Role
	Action  string
	Plan    string
	Subject string
	Hash    string
	Detail  string
}

// statusWords are the states of a version in words of the message table.
var statusWords = map[string]Text{StatusDraft: TextStatusDraft, StatusApproved: TextStatusApproved, StatusPublished: TextStatusPublished}

// StatusWords is a version's state as an argument of a message: in words
// of the message's language (a Text), or as it is when unknown.
func StatusWords(st string) any {
	if w, ok := statusWords[st]; ok {
		return w
	}
	return st
}
