package caili

import (
	"context"
	"time"
)

// The budget year (docs/year.md): a plan's year runs through stages —
// 一上 (the 街道 submit their data), 一下 (the 控制数 are published), 二上
// (each 街道 breaks its figure down into projects), 二下 (the 批复 is
// published), 执行 and 调整 — each kept in the record with when, who and
// what started it. 控制数, 批复 and 调整 are publications of a kind: a
// version published as the others are, with its 文号 and date.

// Stage is a stage of a plan's year.
type Stage string

// The stages, in their order.
const (
	StageCollect   Stage = "collect"   // 一上: the 街道 submit their data
	StageControl   Stage = "control"   // 一下: 控制数 published
	StageBreakdown Stage = "breakdown" // 二上: breakdowns submitted
	StageApproved  Stage = "approved"  // 二下: 批复 published
	StageExecute   Stage = "execute"   // 执行: execution recorded
	StageAdjust    Stage = "adjust"    // 调整: an adjustment published
)

// Stages are the stages in their order.
var Stages = []Stage{StageCollect, StageControl, StageBreakdown, StageApproved, StageExecute, StageAdjust}

// ValidStage reports whether s is a stage.
func ValidStage(s Stage) bool {
	for _, x := range Stages {
		if x == s {
			return true
		}
	}
	return false
}

// StageRecord is when a stage of a plan's year began, who began it and
// with what.
type StageRecord struct {
	Plan  string
	Year  int64
	Stage Stage
	At    time.Time
	By    string
	What  string
}

// Publication kinds: a plain publication has none.
const (
	KindControl  = "control"  // 控制数 (一下)
	KindApproval = "approval" // 批复 (二下)
	KindAdjust   = "adjust"   // 调整 (年中调整/追加)
)

// ValidPubKind reports whether k is a kind of publication.
func ValidPubKind(k string) bool {
	return k == KindControl || k == KindApproval || k == KindAdjust
}

// NewKindPublication publishes a version as a kind of publication: with
// Pub, the version (approved) is published by it as Store.Publish would;
// without, the version is already published with ResultHash and only
// the kind is added (a 批复 of the figures the 控制数 published).
// Breakdowns are the accepted breakdowns a 批复 carries.
type NewKindPublication struct {
	Plan       string
	N          int
	Year       int64
	Kind       string
	Wenhao     string // 文号
	IssuedOn   string // the document's date, YYYY-MM-DD
	Reason     string // why (an adjustment)
	ResultHash string
	Breakdowns []int
	Pub        *NewPublication
}

// KindPublication is a version published as a kind.
type KindPublication struct {
	Seq         int64
	Plan        string
	N           int
	Year        int64
	Kind        string
	Wenhao      string
	IssuedOn    string
	Reason      string
	ResultHash  string
	Breakdowns  []int
	PublishedAt time.Time
	PublishedBy string
}

// Submission and breakdown states.
const (
	SubProblems  = "problems"  // 有问题: the file was refused, with its problems
	SubSubmitted = "submitted" // 已提交: waiting for the planner
	SubAccepted  = "accepted"  // 已采纳
	SubReturned  = "returned"  // 已退回 with a reason
	SubReplaced  = "replaced"  // 已被新报送替代: a later submission of the 街道 replaced it
)

// FileProblem is one problem of a submitted file, as the 街道 read it:
// where (sheet and cell), its stable code and what it says (Chinese).
type FileProblem struct {
	Where string `json:"where"`
	Code  string `json:"code"`
	Says  string `json:"says"`
}

// NewSubmission is a 街道's file to record: its data (一上) or its
// breakdown (二上). Changes are a data file's values for the 街道
// (key below the 街道 → value); Lines a breakdown's lines (JSON).
type NewSubmission struct {
	Plan        string
	Year        int64
	Version     int // the version the file was checked against
	Subdistrict string
	FileName    string
	Data        []byte
	Hash        string
	Problems    []FileProblem // none: submitted
	Changes     map[string]string
	Lines       []byte
	Total       string
}

// Submission is a recorded 一上 data file or 二上 breakdown.
type Submission struct {
	Plan        string
	N           int
	Year        int64
	Version     int
	Subdistrict string
	FileName    string
	Hash        string
	Status      string
	Problems    []FileProblem
	Changes     map[string]string
	Lines       []byte
	Total       string
	FiledAt     time.Time
	FiledBy     string
	DecidedAt   *time.Time
	DecidedBy   string
	Reason      string
	NewVersion  int
	Data        []byte // only from Year.Submission
}

// Year keeps the budget year of a plan; the SQLite store implements it
// beside Store. Every write appends its audit entry in the same
// transaction and records the stage it begins.
type Year interface {
	// EnterStage records that a stage of a plan's year began (the first
	// time only; created false when it had).
	EnterStage(ctx context.Context, who Actor, r StageRecord) (created bool, err error)
	// YearStages lists the stages a plan's year has entered, in order.
	YearStages(ctx context.Context, plan string, year int64) ([]StageRecord, error)

	// Submit records a 街道's data file (breakdown false) or breakdown;
	// its earlier submissions still waiting are replaced.
	Submit(ctx context.Context, who Actor, breakdown bool, s NewSubmission) (*Submission, error)
	// Submissions lists a plan's data files (breakdown false) or
	// breakdowns of a year, oldest first, without their bytes.
	Submissions(ctx context.Context, plan string, year int64, breakdown bool) ([]Submission, error)
	// Submission returns one, with its bytes (KindNotFound when none).
	Submission(ctx context.Context, plan string, breakdown bool, n int) (*Submission, error)
	// AcceptSubmissions saves v as a new draft and marks the data files
	// ns accepted with it, in one transaction (KindConflict unless each
	// is submitted).
	AcceptSubmissions(ctx context.Context, who Actor, plan string, ns []int, v NewVersion) (*VersionRecord, error)
	// DecideBreakdown accepts or returns (with a reason) a submitted
	// breakdown (KindConflict unless it is submitted).
	DecideBreakdown(ctx context.Context, who Actor, plan string, n int, accept bool, reason string) (*Submission, error)

	// PublishKind publishes a version as a kind (控制数, 批复, 调整).
	PublishKind(ctx context.Context, who Actor, p NewKindPublication) (*KindPublication, error)
	// KindPublications lists a plan's kind publications, oldest first.
	KindPublications(ctx context.Context, plan string) ([]KindPublication, error)

	// NoteNextYear records in the audit log that next year's plan of a
	// plan's year was written (file, and its sha256).
	NoteNextYear(ctx context.Context, who Actor, plan string, year int64, file, hash string) error
}

// Text keys of the budget year's refusals (internal/msg/year.go).
const (
	TextNoSubmission      Text = "YearNoSubmission"      // plan, n: an unknown submission
	TextSubmissionDecided Text = "YearSubmissionDecided" // n, state: deciding a submission twice
	TextKindTwice         Text = "YearKindTwice"         // kind, year, n: a second 控制数 or 批复 of a year
	TextKindOrder         Text = "YearKindOrder"         // kind, before: a kind published before the one it follows
	TextKindNotPublished  Text = "YearKindNotPublished"  // n, state: a version neither approved nor published with that result
	TextBreakdownPending  Text = "YearBreakdownPending"  // n: a 批复 carrying a breakdown not accepted
)

// Submission states in words of the message table.
var subWords = map[string]Text{SubProblems: "YearSubProblems", SubSubmitted: "YearSubSubmitted", SubAccepted: "YearSubAccepted",
	SubReturned: "YearSubReturned", SubReplaced: "YearSubReplaced"}

// SubStatusWords is a submission's state as an argument of a message.
func SubStatusWords(st string) any {
	if w, ok := subWords[st]; ok {
		return w
	}
	return st
}

// Kinds of publication in words of the message table.
var kindWords = map[string]Text{KindControl: "YearKindControl", KindApproval: "YearKindApproval", KindAdjust: "YearKindAdjust"}

// PubKindWords is a kind of publication as an argument of a message.
func PubKindWords(k string) any {
	if w, ok := kindWords[k]; ok {
		return w
	}
	return k
}
