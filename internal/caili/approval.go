package caili

import (
	"context"
	"time"
)

// What approval pins and what publication checks (docs/records.md): a
// version's files are its own (its hash covers the plan, its standards
// and data files), but a damping baseline `@published:YEAR` reads
// another publication, which a later publication of that year would
// change. Approval therefore records the exact publications the
// version's baselines read and the result it approved; publication
// computes again with those publications and refuses when the result
// is not the approved one.

// Baseline is one publication a version's damping baseline read when
// it was approved: the plan and fiscal year it asked for, and the
// version number and result hash of the publication it found.
type Baseline struct {
	Plan       string `json:"plan"`
	Year       int64  `json:"year"`
	N          int    `json:"n"`
	ResultHash string `json:"result_hash"`
}

// NewApproval is an approval to record: the result approved (the hex
// SHA-256 of its allocations JSON, and each 街道's total in it, which say
// what changed when publishing finds another result) and the
// publications it read. The result itself is not kept twice: the
// publication keeps it (issue 25 §5). SingleUser says that the four-eyes
// rule was waived (caili serve --single-user on a loopback address); the
// audit log says so.
type NewApproval struct {
	Plan       string
	N          int
	ResultHash string
	Totals     []SubdistrictTotal
	Baselines  []Baseline
	SingleUser bool
}

// SubdistrictTotal is one 街道's total in a result, as its allocations
// JSON writes it.
type SubdistrictTotal struct {
	ID    string `json:"id"`
	Total string `json:"total"`
}

// Approval is a recorded approval of a version: what it pinned. Totals
// are each 街道's approved total; an approval recorded before they were
// kept (schema 0008) has none and carries its whole approved result in
// Result instead (from Store.Approval only).
type Approval struct {
	Plan       string
	N          int
	ApprovedAt time.Time
	ApprovedBy string
	Result     []byte
	ResultHash string
	Totals     []SubdistrictTotal
	Baselines  []Baseline
}

// Idempotent answers (an HTTP POST with an Idempotency-Key): the first
// answer to a key is kept with it, so that a retry gets that answer
// instead of filing twice. A key is scoped by its actor, kept a bounded
// time and count.

// KeyState is where a request with an idempotency key stands.
type KeyState int

// The states of a key.
const (
	// KeyNew: the key was not known; it is now reserved for this request.
	KeyNew KeyState = iota
	// KeyPending: a request with the key is running, or ended without
	// an answer being kept (a crash between its commit and its answer).
	KeyPending
	// KeyAnswered: the key's first answer is kept (Answer).
	KeyAnswered
	// KeyMismatch: the key was used for another request.
	KeyMismatch
)

// KeyAnswer is the answer kept for an idempotency key.
type KeyAnswer struct {
	Status int
	Body   []byte
	Type   string // the answer's Content-Type
	At     time.Time
}

// Keys keeps the answers of requests by idempotency key; the SQLite
// store implements it beside Store.
type Keys interface {
	// ReserveKey reserves key of actor for a request (request is a hash
	// of its method, path and body), or reports where the key stands:
	// answered (with its answer), pending or used for another request.
	ReserveKey(ctx context.Context, actor, key, request string) (KeyState, *KeyAnswer, error)
	// AnswerKey keeps a reserved key's answer.
	AnswerKey(ctx context.Context, actor, key string, a KeyAnswer) error
	// ReleaseKey forgets a reserved key whose request kept nothing, so
	// that a retry runs again.
	ReleaseKey(ctx context.Context, actor, key string) error
}
