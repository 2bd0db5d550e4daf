package app

import (
	"context"
	"sort"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// The budget year (docs/year.md): a plan's year is the fiscal year of its
// latest recorded version. Its stages are kept in the record as the
// actions that begin them happen (the first 街道's data begins 一上, the
// 控制数 一下, the first breakdown 二上, the 批复 二下, an adjustment 调整;
// 执行 begins with the execution the other half of the year records);
// the status shows each 街道's data and breakdown where they stand.

// yearStore is the store's budget year.
func (e *App) yearStore() (caili.Store, error) { return e.records() }

// latest is a plan's latest recorded version (KindConflict when the plan
// has none: the planner saves one to open the year).
func latest(ctx context.Context, st caili.Store, plan string) (*caili.VersionRecord, error) {
	vs, err := st.Versions(ctx, plan)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, Say(caili.KindConflict, msg.YearNoVersion, plan)
	}
	return &vs[len(vs)-1], nil
}

// SubdistrictYear is where one 街道 stands in the year: its latest data
// file and breakdown (nil: none).
type SubdistrictYear struct {
	ID, Name  string
	Data      *caili.Submission
	Breakdown *caili.Submission
	// Execution is its execution as people read it: the rate at the
	// latest month imported and its warnings, or 未导入.
	Execution string
	Warnings  int // execution warnings
}

// YearStatus is a plan's year: its stages, kinds of publication and each
// 街道's submissions.
type YearStatus struct {
	Plan         string
	Year         int64
	Stage        caili.Stage // the latest stage entered; "" before 一上
	Stages       []caili.StageRecord
	Publications []caili.KindPublication
	Subdistricts []SubdistrictYear
}

// YearStatusOf is the year of a plan (planner, approver or reader; a
// 街道 sees its own row only).
func (e *App) YearStatusOf(ctx context.Context, who caili.Actor, plan string) (*YearStatus, error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover, caili.RoleReader, caili.RoleSubdistrict); err != nil {
		return nil, err
	}
	return YearStatusIn(ctx, st, who, plan)
}

// YearStatusIn is YearStatusOf on a store (the command line).
func YearStatusIn(ctx context.Context, st caili.Store, who caili.Actor, plan string) (*YearStatus, error) {
	v, err := latest(ctx, st, plan)
	if err != nil {
		return nil, err
	}
	ys := &YearStatus{Plan: plan, Year: v.FiscalYear}
	if ys.Stages, err = st.YearStages(ctx, plan, v.FiscalYear); err != nil {
		return nil, err
	}
	if n := len(ys.Stages); n > 0 {
		ys.Stage = ys.Stages[n-1].Stage
	}
	if ys.Publications, err = st.KindPublications(ctx, plan); err != nil {
		return nil, err
	}
	p, err := versionPlan(ctx, st, plan, v.N)
	if err != nil {
		return nil, err
	}
	rows := map[string]*SubdistrictYear{}
	for _, s := range p.Subdistricts {
		if who.Role == caili.RoleSubdistrict && s.ID != who.Subdistrict {
			continue
		}
		ys.Subdistricts = append(ys.Subdistricts, SubdistrictYear{ID: s.ID, Name: s.Name})
	}
	for i := range ys.Subdistricts {
		rows[ys.Subdistricts[i].ID] = &ys.Subdistricts[i]
	}
	for _, bd := range []bool{false, true} {
		subs, err := st.Submissions(ctx, plan, v.FiscalYear, bd)
		if err != nil {
			return nil, err
		}
		for i := range subs {
			r := rows[subs[i].Subdistrict]
			if r == nil {
				continue
			}
			if bd {
				r.Breakdown = &subs[i]
			} else {
				r.Data = &subs[i]
			}
		}
	}
	return ys, executionStatus(ctx, st, who, plan, p, rows)
}

// executionStatus puts each 街道's execution into its row.
func executionStatus(ctx context.Context, st caili.Store, who caili.Actor, plan string, p *formula.Plan, rows map[string]*SubdistrictYear) error {
	r, err := ExecutionOf(ctx, st, who, plan, p, nil)
	if err != nil {
		return err
	}
	for _, row := range rows {
		row.Execution = msg.YearExecNone.In(msg.Zh)
	}
	if r.Last == 0 {
		return nil
	}
	for _, t := range r.Subdistricts {
		if row := rows[t.Subdistrict]; row != nil {
			if rate, ok := t.Months[r.Last-1].Rate(); ok {
				row.Execution = msg.YearExecAt.In(msg.Zh, r.Last, rate.Shift(2).StringFixed(2))
			}
		}
	}
	for _, w := range r.Warnings {
		if row := rows[w.Line.Subdistrict]; row != nil {
			row.Warnings++
		}
	}
	return nil
}

// SubStatusText is a submission's state as people read it (未提交 for
// none): 有问题, 已提交, 已采纳（第 n 版）, 已退回：reason, 已被替代.
func SubStatusText(s *caili.Submission) string {
	if s == nil {
		return msg.YearSubNone.In(msg.Zh)
	}
	switch s.Status {
	case caili.SubAccepted:
		if s.NewVersion > 0 {
			return msg.YearSubAcceptedAs.In(msg.Zh, s.NewVersion)
		}
	case caili.SubReturned:
		return msg.YearSubReturnedWhy.In(msg.Zh, s.Reason)
	}
	return msg.Text(msg.Zh, caili.SubStatusWords(s.Status).(caili.Text))
}

// StageText is a stage as people read it: 一上, 一下, 二上, 二下, 执行, 调整.
func StageText(s caili.Stage) string {
	m, ok := map[caili.Stage]msg.Message{caili.StageCollect: msg.YearStageCollect, caili.StageControl: msg.YearStageControl,
		caili.StageBreakdown: msg.YearStageBreakdown, caili.StageApproved: msg.YearStageApproved, caili.StageExecute: msg.YearStageExecute,
		caili.StageAdjust: msg.YearStageAdjust}[s]
	if !ok {
		return msg.YearStageNone.In(msg.Zh)
	}
	return m.In(msg.Zh)
}

// InForce is the budget in force of a plan's year: its latest 批复 or
// 调整, and each 街道's total in it (the amounts execution is measured
// against). KindNotFound before a 批复.
type InForce struct {
	Publication caili.KindPublication
	Totals      map[string]string // 街道 id → total, 元
}

// InForceIn returns the budget in force of a plan's year.
func InForceIn(ctx context.Context, st caili.Store, plan string, year int64) (*InForce, error) {
	kps, err := st.KindPublications(ctx, plan)
	if err != nil {
		return nil, err
	}
	var in *caili.KindPublication
	for i := range kps {
		if kps[i].Year == year && (kps[i].Kind == caili.KindApproval || kps[i].Kind == caili.KindAdjust) {
			in = &kps[i]
		}
	}
	if in == nil {
		return nil, Say(caili.KindNotFound, msg.YearNoApproval, plan, year)
	}
	out := &InForce{Publication: *in, Totals: map[string]string{}}
	err = eachPublishedOf(ctx, st, plan, in.N, func(s *publishedTotal) error {
		out.Totals[s.ID] = s.Total
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// publishedTotal is what the figures in force read of a published 街道.
type publishedTotal struct {
	ID    string `json:"id"`
	Total string `json:"total"`
}

// InForceOf is InForceIn for the plan's current year (planner, approver
// or reader).
func (e *App) InForceOf(ctx context.Context, who caili.Actor, plan string) (*InForce, error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover, caili.RoleReader); err != nil {
		return nil, err
	}
	v, err := latest(ctx, st, plan)
	if err != nil {
		return nil, err
	}
	return InForceIn(ctx, st, plan, v.FiscalYear)
}

// eachPublishedOf hands the 街道 of the publication of version n to f
// one at a time (eachPublished), never holding its result whole; a
// result that does not decode is an internal error.
func eachPublishedOf[T any](ctx context.Context, st caili.Store, plan string, n int, f func(*T) error) error {
	pub, err := st.PublicationHeadOf(ctx, plan, n)
	if err != nil {
		return err
	}
	if err := eachPublished(ctx, st, pub, f); err != nil {
		return Internal(msg.YearPublishedUnreadable, err)
	}
	return nil
}

// sortedKeys are a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// versionPlan is the plan of version n, loaded (the year's pages and
// uploads read its 街道, projects and uses).
func versionPlan(ctx context.Context, st caili.Store, plan string, n int) (*formula.Plan, error) {
	vv, err := LoadVersion(ctx, st, plan, n)
	if err != nil {
		return nil, err
	}
	return vv.Plan.Doc.Plan()
}
