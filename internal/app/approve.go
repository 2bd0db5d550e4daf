package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
)

// Approval and publication (docs/records.md). Four eyes: the approver of
// a version and its publisher are not whoever saved it (compared by
// actor id, the admin token included), unless the application runs for
// one person (Config.SingleUser), which the audit log records. What was
// approved is what is published: approval pins the result and the
// publications its damping baselines read; publication computes again
// with those same publications and refuses, returning the version to
// draft, when the result is not the approved one. Publications of a plan
// are serialised, and a version older than the current publication is
// published only with a reason.

// maxVersionNoteRunes caps a version's note as an objection's note is.
const maxVersionNoteRunes = maxNoteRunes

// checkVersionNote refuses a version's note over the cap.
func checkVersionNote(note string) error {
	if utf8.RuneCountInString(note) > maxVersionNoteRunes {
		return Say(caili.KindBadRequest, msg.AppVersionNoteTooLong, maxVersionNoteRunes)
	}
	return nil
}

// Approve approves a draft (approver; not whoever saved it).
func (e *App) Approve(ctx context.Context, who caili.Actor, plan string, n int) (*caili.VersionRecord, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RoleApprover); err != nil {
		return nil, err
	}
	return ApproveIn(ctx, st, who, plan, n, e.singleUser)
}

// ApproveIn approves draft n of plan in st, pinning its result and the
// publications its baselines read. single waives four eyes.
func ApproveIn(ctx context.Context, st caili.Store, who caili.Actor, plan string, n int, single bool) (*caili.VersionRecord, error) {
	var read []caili.Baseline
	vv, err := loadVersion(ctx, st, plan, n, pinnedOptions(ctx, st, plan, nil, &read))
	if err != nil {
		return nil, err
	}
	if vv.Record.Status != caili.StatusDraft {
		return nil, caili.E("app.Approve", caili.KindConflict, caili.TextApproveNotDraft, n, caili.StatusWords(vv.Record.Status))
	}
	if vv.Record.CreatedBy == who.ID && !single {
		return nil, Say(caili.KindForbidden, msg.AppFourEyesApprove, n, who.ID)
	}
	if err := vv.Plan.Base.Err; err != nil {
		return nil, Classify(err)
	}
	hash, err := writeResult(vv.Plan.Base.Res, io.Discard)
	if err != nil {
		return nil, err
	}
	return st.Approve(ctx, who, caili.NewApproval{Plan: plan, N: n, ResultHash: hash, Totals: totalsOf(vv.Plan.Base.Res),
		Baselines: read, SingleUser: single && vv.Record.CreatedBy == who.ID})
}

// writeResult writes a result as published (the allocations JSON) to w,
// and returns its hex SHA-256, never holding it whole (issue 25 §5).
func writeResult(res *formula.Result, w io.Writer) (string, error) {
	h := sha256.New()
	if err := report.WriteJSON(io.MultiWriter(h, w), res); err != nil {
		return "", Internal(msg.AppEncodeResult, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// totalsOf is each 街道's total in a result, as its allocations JSON
// writes it: what an approval keeps to say what changed (changes).
func totalsOf(res *formula.Result) []caili.SubdistrictTotal {
	f := numfmt.NewFmt(res)
	out := make([]caili.SubdistrictTotal, len(res.Subdistricts))
	for i := range res.Subdistricts {
		out[i] = caili.SubdistrictTotal{ID: res.Subdistricts[i].ID, Total: f.Amount(res.Subdistricts[i].Total)}
	}
	return out
}

// pinnedOptions read a version's damping baselines: with pins, the
// pinned publications (a baseline not pinned reads the latest); without,
// the latest of the year. Each publication read is appended to *read
// when read is not nil.
func pinnedOptions(ctx context.Context, st caili.Store, id string, pins []caili.Baseline, read *[]caili.Baseline) []standards.Option {
	var mu sync.Mutex
	return []standards.Option{standards.WithPublished(func(plan string, year int64) (*standards.Published, error) {
		if plan == "" {
			plan = id
		}
		pub, err := pinnedOrLatest(ctx, st, plan, year, pins)
		if err != nil {
			return nil, err
		}
		if read != nil {
			mu.Lock()
			*read = append(*read, caili.Baseline{Plan: plan, Year: year, N: pub.N, ResultHash: pub.ResultHash})
			mu.Unlock()
		}
		return baselineOf(ctx, st, pub)
	})}
}

// pinnedOrLatest is the publication pinned for plan's year, or the
// latest of the year when none is pinned.
func pinnedOrLatest(ctx context.Context, st caili.Store, plan string, year int64, pins []caili.Baseline) (*caili.Publication, error) {
	for _, p := range pins {
		if p.Plan == plan && p.Year == year {
			return st.PublicationHeadOf(ctx, plan, p.N) // baselineOf reads it a 街道 at a time
		}
	}
	return latestOfYear(ctx, st, plan, year)
}

// PublishOptions are the choices of a publication: Supersedes is why a
// version older than the current publication replaces it; SingleUser
// waives four eyes.
type PublishOptions struct {
	Supersedes string
	SingleUser bool
	// As publishes the version as a kind (控制数, 批复, 调整: year_publish.go).
	As *caili.NewKindPublication
}

// Publish publishes an approved version (approver; not whoever saved
// it). supersedes is why an older version replaces the current one.
func (e *App) Publish(ctx context.Context, who caili.Actor, plan string, n int, supersedes string) (*caili.Publication, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RoleApprover); err != nil {
		return nil, err
	}
	pub, err := PublishIn(ctx, st, who, plan, n, PublishOptions{Supersedes: supersedes, SingleUser: e.singleUser})
	if err == nil {
		e.Plans.refreshPublished() // plans whose baseline is this year's publication (published.go)
	}
	return pub, err
}

// publishing serialises the publications of each plan in this process.
var publishing sync.Map // plan → *sync.Mutex

// PublishIn publishes an approved version of a store: its result,
// computed again from the stored files with the publications its
// approval pinned, is frozen as the allocations JSON (rules §5) with its
// SHA-256, when it is the approved result.
func PublishIn(ctx context.Context, st caili.Store, who caili.Actor, plan string, n int, o PublishOptions) (*caili.Publication, error) {
	if utf8.RuneCountInString(o.Supersedes) > maxNoteRunes {
		return nil, Say(caili.KindBadRequest, msg.AppSupersedesTooLong, maxNoteRunes)
	}
	mu, _ := publishing.LoadOrStore(plan, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	rec, err := st.Version(ctx, plan, n)
	if err != nil {
		return nil, err
	}
	if rec.Status != caili.StatusApproved {
		return nil, Say(caili.KindConflict, msg.AppNotApproved, n, StatusText(rec.Status))
	}
	if rec.CreatedBy == who.ID && !o.SingleUser {
		return nil, Say(caili.KindForbidden, msg.AppFourEyesPublish, n, who.ID)
	}
	o.SingleUser = o.SingleUser && rec.CreatedBy == who.ID
	ap, err := st.ApprovalPins(ctx, plan, n) // the approved result only if it differs (below)
	if err != nil && Classify(err).Kind != caili.KindNotFound {
		return nil, err
	}
	if ap == nil {
		ap = &caili.Approval{Plan: plan, N: n} // approved before approvals pinned anything
	}
	vv, err := loadVersion(ctx, st, plan, n, pinnedOptions(ctx, st, plan, ap.Baselines, nil))
	if err != nil {
		return nil, err
	}
	if err := vv.Plan.Base.Err; err != nil {
		return nil, Classify(err)
	}
	// The result is written into the store as it is made, hashed on the
	// way; the store refuses it, writing nothing, unless its hash is the
	// approved one.
	res, hash := vv.Plan.Base.Res, ""
	np := caili.NewPublication{Plan: plan, N: n, ResultHash: ap.ResultHash, Supersedes: o.Supersedes, SingleUser: o.SingleUser,
		WriteResult: func(w io.Writer) (string, error) {
			var err error
			hash, err = writeResult(res, w)
			return hash, err
		}}
	var pub *caili.Publication
	if o.As != nil {
		pub, err = publishAs(ctx, st, who, np, *o.As) // year_publish.go
	} else {
		pub, err = st.Publish(ctx, who, np)
	}
	if err != nil && hash != "" && hash != ap.ResultHash {
		if full, err := st.Approval(ctx, plan, n); err == nil {
			ap = full
		}
		return nil, refuseChanged(ctx, st, who, ap, totalsOf(res), hash)
	}
	return pub, err
}

// refuseChanged returns a version whose result is not the approved one
// (now: each 街道's total and the result's hash) to draft and says what
// changed (409).
func refuseChanged(ctx context.Context, st caili.Store, who caili.Actor, ap *caili.Approval, now []caili.SubdistrictTotal, hash string) error {
	what := changes(ap, now, hash)
	if err := st.Unapprove(ctx, who, ap.Plan, ap.N, msg.AppApprovalDiffers.In(msg.En, ap.N, what.In(msg.En))); err != nil {
		return err
	}
	return Say(caili.KindConflict, msg.AppApprovalDiffers, ap.N, what)
}

// changeList is what changed between the approved result and now, in
// words of either language.
type changeList []msgArgs

type msgArgs struct {
	m    msg.Message
	args []any
}

// In renders the changes in language l.
func (c changeList) In(l msg.Lang) string {
	parts := make([]string, len(c))
	for i, x := range c {
		parts[i] = x.m.In(l, x.args...)
	}
	sep := "; "
	if l == msg.Zh {
		sep = ";"
	}
	return strings.Join(parts, sep)
}

// changes lists the 街道 whose totals differ (at most five), and the
// result's hash. The approved totals are the approval's, or read from
// the result an approval made before migration 0008 kept.
func changes(ap *caili.Approval, now []caili.SubdistrictTotal, hash string) changeList {
	old := map[string]string{}
	for _, s := range ap.Totals {
		old[s.ID] = s.Total
	}
	if ap.Totals == nil {
		var was report.Allocations
		_ = json.Unmarshal(ap.Result, &was) // none: an approval before pins
		for _, s := range was.Subdistricts {
			old[s.ID] = s.Columns.Total
		}
	}
	var out changeList
	for _, s := range now {
		if o := old[s.ID]; o != s.Total && len(out) < 5 {
			out = append(out, msgArgs{msg.AppChangedTotal, []any{s.ID, orDash(o), s.Total}})
		}
	}
	return append(out, msgArgs{msg.AppChangedHash, []any{short(ap.ResultHash), short(hash)}})
}

func short(h string) string {
	if len(h) > 8 {
		return h[:8]
	}
	return orDash(h)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
