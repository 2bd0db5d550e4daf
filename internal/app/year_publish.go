package app

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// 一下, 二下 and 调整 (docs/year.md) are publications of a kind: an approved
// version is published by the approver (not whoever saved it) as any
// version is, with its 文号 and date; a 批复 may also be of the version
// the 控制数 published, whose result is then frozen already. A 批复
// carries the accepted breakdowns (every 街道's latest accepted one); an
// 调整 needs a reason, and its diff against the 批复 says what changed.

// maxWenhaoRunes bounds a 文号.
const maxWenhaoRunes = 100

// KindRequest is what an approver asks to publish.
type KindRequest struct {
	N        int
	Kind     string // caili.KindControl, KindApproval or KindAdjust
	Wenhao   string
	IssuedOn string // YYYY-MM-DD; "" for today
	Reason   string
}

// PublishKind publishes version r.N as a kind (approver).
func (e *App) PublishKind(ctx context.Context, who caili.Actor, plan string, r KindRequest) (*caili.KindPublication, error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RoleApprover); err != nil {
		return nil, err
	}
	var kp *caili.KindPublication
	e.limit(func() { kp, err = PublishKindIn(ctx, st, who, plan, r, e.singleUser) })
	if err == nil {
		e.Plans.refreshPublished()
	}
	return kp, err
}

// PublishKindIn is PublishKind on a store; single waives four eyes.
func PublishKindIn(ctx context.Context, st caili.Store, who caili.Actor, plan string, r KindRequest, single bool) (*caili.KindPublication, error) {
	if err := need(who, caili.RoleApprover); err != nil {
		return nil, err
	}
	kp, err := kindOf(r)
	if err != nil {
		return nil, err
	}
	rec, err := st.Version(ctx, plan, r.N)
	if err != nil {
		return nil, err
	}
	kp.Plan, kp.Year = plan, rec.FiscalYear
	if kp.Kind == caili.KindApproval {
		if kp.Breakdowns, err = acceptedBreakdowns(ctx, st, plan, rec.FiscalYear); err != nil {
			return nil, err
		}
	}
	switch rec.Status {
	case caili.StatusApproved:
		o := PublishOptions{SingleUser: single, As: kp}
		if _, err := PublishIn(ctx, st, who, plan, r.N, o); err != nil {
			return nil, err
		}
		return lastKind(ctx, st, plan)
	case caili.StatusPublished:
		if rec.CreatedBy == who.ID && !single {
			return nil, Say(caili.KindForbidden, msg.AppFourEyesPublish, r.N, who.ID)
		}
		pub, err := st.PublicationHeadOf(ctx, plan, r.N) // its hash, not its result
		if err != nil {
			return nil, err
		}
		kp.ResultHash = pub.ResultHash
		return st.PublishKind(ctx, who, *kp)
	}
	return nil, Say(caili.KindConflict, msg.AppNotApproved, r.N, StatusText(rec.Status))
}

// kindOf checks a request: a known kind, a 文号, a date, and a reason for
// an adjustment.
func kindOf(r KindRequest) (*caili.NewKindPublication, error) {
	kind := kindAlias(r.Kind)
	if !caili.ValidPubKind(kind) {
		return nil, Say(caili.KindBadRequest, msg.YearBadKind, msg.Clip(r.Kind))
	}
	wenhao, reason := strings.TrimSpace(r.Wenhao), strings.TrimSpace(r.Reason)
	switch {
	case wenhao == "":
		return nil, Say(caili.KindBadRequest, msg.YearNeedsWenhao)
	case utf8.RuneCountInString(wenhao) > maxWenhaoRunes:
		return nil, Say(caili.KindBadRequest, msg.YearWenhaoTooLong, maxWenhaoRunes)
	case kind == caili.KindAdjust && reason == "":
		return nil, Say(caili.KindBadRequest, msg.YearAdjustNeedsReason)
	case utf8.RuneCountInString(reason) > maxNoteRunes:
		return nil, Say(caili.KindBadRequest, msg.AppReasonTooLong, maxNoteRunes)
	}
	date := strings.TrimSpace(r.IssuedOn)
	if date == "" {
		date = time.Now().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, date); err != nil {
		return nil, Say(caili.KindBadRequest, msg.YearBadDate, msg.Clip(date))
	}
	return &caili.NewKindPublication{N: r.N, Kind: kind, Wenhao: wenhao, IssuedOn: date, Reason: reason}, nil
}

// kindAlias reads a kind as people name it: 控制数, 批复, 调整 (in
// either language of the message table), or its id.
func kindAlias(k string) string {
	k = strings.TrimSpace(k)
	for _, id := range []string{caili.KindControl, caili.KindApproval, caili.KindAdjust} {
		w := caili.PubKindWords(id).(caili.Text)
		if k == id || k == msg.Text(msg.Zh, w) || strings.EqualFold(k, msg.Text(msg.En, w)) {
			return id
		}
	}
	return k
}

// acceptedBreakdowns are each 街道's latest accepted breakdown of a year.
func acceptedBreakdowns(ctx context.Context, st caili.Store, plan string, year int64) ([]int, error) {
	subs, err := st.Submissions(ctx, plan, year, true)
	if err != nil {
		return nil, err
	}
	by := map[string]int{}
	for _, s := range subs {
		if s.Status == caili.SubAccepted {
			by[s.Subdistrict] = s.N
		}
	}
	out := []int{}
	for _, k := range sortedKeys(by) {
		out = append(out, by[k])
	}
	return out, nil
}

// lastKind is the plan's latest kind publication.
func lastKind(ctx context.Context, st caili.Store, plan string) (*caili.KindPublication, error) {
	kps, err := st.KindPublications(ctx, plan)
	if err != nil {
		return nil, err
	}
	if len(kps) == 0 {
		return nil, Say(caili.KindNotFound, msg.AppNotPublished, plan)
	}
	return &kps[len(kps)-1], nil
}

// KindPublications lists a plan's kind publications (any token: a 街道
// reads its own figure in each with KindStatement).
func (e *App) KindPublications(ctx context.Context, who caili.Actor, plan string) ([]caili.KindPublication, error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover, caili.RoleReader, caili.RoleSubdistrict); err != nil {
		return nil, err
	}
	return st.KindPublications(ctx, plan)
}

// KindStatement is one 街道's row in a kind publication, with the
// breakdown lines a 批复 carries for it.
type KindStatement struct {
	Publication caili.KindPublication
	Row         report.SubdistrictJSON
	Breakdown   *caili.Submission // nil: none carried
}

// KindStatementOf is 街道 sd's row in kind publication seq (a 街道 token:
// its own only).
func (e *App) KindStatementOf(ctx context.Context, who caili.Actor, plan string, seq int64, sd string) (*KindStatement, error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover, caili.RoleReader, caili.RoleSubdistrict); err != nil {
		return nil, err
	}
	kps, err := st.KindPublications(ctx, plan)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(kps, func(k caili.KindPublication) bool { return k.Seq == seq })
	if i < 0 {
		return nil, Say(caili.KindNotFound, msg.YearNoPublication, plan, seq)
	}
	_, entries, err := st.PublishedIndexOf(ctx, plan, kps[i].N)
	if err != nil {
		return nil, err
	}
	j, err := publishedSubdistrict(entries, plan, sd)
	if err != nil {
		return nil, err
	}
	if who.Role == caili.RoleSubdistrict && who.Subdistrict != entries[j].ID {
		return nil, Say(caili.KindForbidden, msg.AppOwnStatementOf, who.Subdistrict, entries[j].Name)
	}
	row, err := publishedRowOf(ctx, st, plan, kps[i].N, entries[j].ID, msg.YearPublishedUnreadable) // published_stream.go
	if err != nil {
		return nil, err
	}
	out := &KindStatement{Publication: kps[i], Row: *row}
	for _, n := range kps[i].Breakdowns {
		b, err := st.Submission(ctx, plan, true, n)
		if err != nil {
			return nil, err
		}
		if b.Subdistrict == row.ID {
			b.Data = nil
			out.Breakdown = b
		}
	}
	return out, nil
}

// AdjustmentDiff is what an adjustment (kind publication seq) changed
// against the year's 批复: the versions' diff, with its attribution
// (planner or approver).
func (e *App) AdjustmentDiff(ctx context.Context, who caili.Actor, plan string, seq int64) (d *VersionDiff, err error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover); err != nil {
		return nil, err
	}
	e.limit(func() { d, err = AdjustmentDiffIn(ctx, st, plan, seq) })
	return d, err
}

// AdjustmentDiffIn is AdjustmentDiff on a store (the command line).
func AdjustmentDiffIn(ctx context.Context, st caili.Store, plan string, seq int64) (*VersionDiff, error) {
	kps, err := st.KindPublications(ctx, plan)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(kps, func(k caili.KindPublication) bool { return k.Seq == seq })
	if i < 0 {
		return nil, Say(caili.KindNotFound, msg.YearNoPublication, plan, seq)
	}
	j := slices.IndexFunc(kps, func(k caili.KindPublication) bool { return k.Kind == caili.KindApproval && k.Year == kps[i].Year })
	if j < 0 {
		return nil, Say(caili.KindNotFound, msg.YearNoApproval, plan, kps[i].Year)
	}
	return DiffIn(ctx, st, plan, kps[j].N, kps[i].N)
}

// publishAs publishes np as the kind kp, in one transaction.
func publishAs(ctx context.Context, st caili.Store, who caili.Actor, np caili.NewPublication, kp caili.NewKindPublication) (*caili.Publication, error) {
	kp.ResultHash, kp.Pub = np.ResultHash, &np
	if _, err := st.PublishKind(ctx, who, kp); err != nil {
		return nil, err
	}
	// The publication just made, without reading its result back (the
	// plan's latest: publishing as a kind supersedes nothing).
	if pub, err := st.PublishedHead(ctx, np.Plan); err != nil || pub.N == np.N {
		return pub, err
	}
	return st.PublicationHeadOf(ctx, np.Plan, np.N)
}
