package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// Objections lists a plan's objections: all of them to planners and
// approvers, its own to a 街道 token.
func (e *App) Objections(ctx context.Context, who caili.Actor, plan string) ([]caili.Objection, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	return ObjectionsIn(ctx, st, who, plan)
}

// ObjectionsIn is Objections on a store (the command line).
func ObjectionsIn(ctx context.Context, st caili.Store, who caili.Actor, plan string) ([]caili.Objection, error) {
	if who.Role != caili.RoleSubdistrict {
		if err := need(who, caili.RolePlanner, caili.RoleApprover); err != nil {
			return nil, err
		}
	}
	list, err := st.Objections(ctx, plan)
	if err != nil || who.Role != caili.RoleSubdistrict {
		return list, err
	}
	own := list[:0]
	for _, o := range list {
		if o.Subdistrict == who.Subdistrict {
			own = append(own, o)
		}
	}
	return own, nil
}

// EffectRow is one 街道's total before and after an objection's
// corrections.
type EffectRow struct {
	ID, Name              string
	Before, After, Change decimal.Decimal
}

// Effect is what an objection's corrections would do to the version it
// was filed against: every 街道's total, or why the rules reject the plan
// with them.
type Effect struct {
	Rows     []EffectRow
	Rejected error
}

// ObjectionView is an objection with, for planners and approvers, its
// effect as a what-if.
type ObjectionView struct {
	Objection *caili.Objection
	Effect    *Effect // nil for a 街道 token
}

// Objection returns one objection: to planners and approvers with its
// effect on every 街道, to a 街道 token its own without.
func (e *App) Objection(ctx context.Context, who caili.Actor, plan string, n int) (v *ObjectionView, err error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	e.limit(func() { v, err = ObjectionIn(ctx, st, who, plan, n) })
	return v, err
}

// ObjectionIn is Objection on a store (the command line).
func ObjectionIn(ctx context.Context, st caili.Store, who caili.Actor, plan string, n int) (*ObjectionView, error) {
	if who.Role != caili.RoleSubdistrict {
		if err := need(who, caili.RolePlanner, caili.RoleApprover); err != nil {
			return nil, err
		}
	}
	o, err := st.Objection(ctx, plan, n)
	if err != nil {
		return nil, err
	}
	if who.Role == caili.RoleSubdistrict {
		if o.Subdistrict != who.Subdistrict {
			return nil, Say(caili.KindForbidden, msg.AppOwnObjections)
		}
		return &ObjectionView{Objection: o}, nil
	}
	vv, err := LoadVersion(ctx, st, plan, o.Version)
	if err != nil {
		return nil, err
	}
	eff, err := effectOf(vv.Plan, o)
	if err != nil {
		return nil, err
	}
	return &ObjectionView{Objection: o, Effect: eff}, nil
}

// effectOf evaluates the version with the objection's corrections and
// compares every 街道's total with the version's own result.
func effectOf(pv *PlanVersion, o *caili.Objection) (*Effect, error) {
	if pv.Base.Err != nil {
		return nil, Classify(pv.Base.Err)
	}
	m, err := pv.Doc.Model(ObjectionOverrides(o)...)
	if err != nil {
		return nil, Classify(err)
	}
	after, err := m.EvaluateTotals()
	var re *formula.RejectedError
	if errors.As(err, &re) {
		return &Effect{Rejected: err}, nil
	}
	if err != nil {
		return nil, Classify(err)
	}
	totals := map[string]decimal.Decimal{}
	for _, a := range after.Subdistricts {
		totals[a.ID] = a.Total
	}
	eff := &Effect{}
	for _, b := range pv.Base.Res.Subdistricts {
		a := totals[b.ID]
		eff.Rows = append(eff.Rows, EffectRow{ID: b.ID, Name: b.Name, Before: b.Total, After: a, Change: a.Sub(b.Total)})
	}
	return eff, nil
}

// AcceptObjection accepts a pending objection (planner): the plan's
// latest recorded version with the corrections applied to the 街道's
// [[subdistrict]] table is saved as a new draft, in the same transaction
// as the objection's new status. A plan whose sub-districts come from a
// data workbook has the corrected cells written into the version's
// workbook, and into the workbook of the plans folder served
// (objection_data.go).
func (e *App) AcceptObjection(ctx context.Context, who caili.Actor, plan string, n int) (o *caili.Objection, v *caili.VersionRecord, err error) {
	st, err := e.records()
	if err != nil {
		return nil, nil, err
	}
	file := e.planFile(plan)
	e.limit(func() { o, v, err = AcceptObjectionFile(ctx, st, who, plan, n, file) })
	return o, v, err
}

// AcceptObjectionIn is AcceptObjection on a store (the command line),
// writing the record only.
func AcceptObjectionIn(ctx context.Context, st caili.Store, who caili.Actor, plan string, n int) (*caili.Objection, *caili.VersionRecord, error) {
	return AcceptObjectionFile(ctx, st, who, plan, n, "")
}

// AcceptObjectionFile is AcceptObjectionIn that also writes the corrected
// cells into the data workbook beside planFile, the plan's file on disk
// ("": none), keeping a copy of the old workbook beside it.
func AcceptObjectionFile(ctx context.Context, st caili.Store, who caili.Actor, plan string, n int, planFile string) (*caili.Objection, *caili.VersionRecord, error) {
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, nil, err
	}
	o, err := st.Objection(ctx, plan, n)
	if err != nil {
		return nil, nil, err
	}
	if o.Status != caili.ObjectionPending {
		return nil, nil, Say(caili.KindConflict, msg.AppObjectionDecided, n, o.StatusWords())
	}
	vs, err := st.Versions(ctx, plan)
	if err != nil {
		return nil, nil, err
	}
	vv, err := LoadVersion(ctx, st, plan, vs[len(vs)-1].N)
	if err != nil {
		return nil, nil, err
	}
	nv, dw, err := corrected(vv, o, st)
	if err != nil {
		return nil, nil, err
	}
	if dw == nil || planFile == "" {
		return st.AcceptObjection(ctx, who, plan, n, *nv)
	}
	return dw.acceptOnDisk(ctx, st, who, plan, n, *nv, planFile)
}

// corrected writes the version's files with the objection's corrections
// in the plan file's [[subdistrict]] tables and loads them again (with st,
// the record a published baseline is read from).
func corrected(vv *VersionView, o *caili.Objection, st caili.Store) (*caili.NewVersion, *dataWrite, error) {
	doc := vv.Plan.Doc
	if f := doc.DataFile(); f != "" {
		return correctedData(vv, o, st, f)
	}
	files := vv.Record.Files
	if !bytes.Contains(files[0].Data, []byte("[[subdistrict]]")) {
		return nil, nil, Say(caili.KindConflict, msg.AppObjectionNoTables, files[0].Name)
	}
	p, err := doc.Plan()
	if err != nil {
		return nil, nil, err
	}
	nd, err := doc.Apply(ObjectionOverrides(o)...)
	if err != nil {
		return nil, nil, Classify(err)
	}
	np, err := nd.Plan()
	if err != nil {
		return nil, nil, err
	}
	out := make([]caili.File, len(files))
	copy(out, files)
	out[0].Data = workbook.ReplaceSubdistricts(files[0].Data, p, np.Subdistricts)
	pv, err := loadFiles(vv.Record.Plan, out, publishedOptions(st, vv.Record.Plan)...)
	if err != nil {
		return nil, nil, Internal(msg.AppCorrectedNotLoad, err)
	}
	if got, _ := pv.Doc.Plan(); got == nil || !sameSubdistrict(got, np, o.Subdistrict) {
		return nil, nil, Internal(msg.AppCorrectedLost, fmt.Errorf("%s objection %d", o.Plan, o.N))
	}
	return &caili.NewVersion{Plan: pv.ID, Hash: pv.Hash, Name: pv.Name, FiscalYear: pv.FiscalYear, Files: pv.Sources,
		Note: msg.AppAcceptedNote.In(msg.Zh, o.N, o.Subdistrict)}, nil, nil // a note of the record, in the record's language
}

// sameSubdistrict reports whether sub-district id has the same data in
// plans a and b.
func sameSubdistrict(a, b *formula.Plan, id string) bool {
	find := func(p *formula.Plan) *formula.Subdistrict {
		for i := range p.Subdistricts {
			if p.Subdistricts[i].ID == id {
				return &p.Subdistricts[i]
			}
		}
		return nil
	}
	x, y := find(a), find(b)
	if x == nil || y == nil {
		return false
	}
	return x.Quantities.Equal(y.Quantities) && x.Staff.Equal(y.Staff) && x.Payroll.Equal(y.Payroll)
}

// loadFiles loads a plan from files held in memory (the first is the
// plan file).
func loadFiles(plan string, files []caili.File, opts ...standards.Option) (*PlanVersion, error) {
	byName := map[string][]byte{}
	for _, f := range files {
		if _, ok := byName[f.Name]; !ok {
			byName[f.Name] = f.Data
		}
	}
	pv, _, err := loadPlan(plan, files[0].Name, func(name string) ([]byte, stamp, error) {
		b, ok := byName[name]
		if !ok {
			return nil, stamp{}, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
		}
		return b, stamp{size: int64(len(b)), exists: true}, nil
	}, opts...)
	return pv, err
}

// RejectObjection rejects a pending objection with a reason (planner).
func (e *App) RejectObjection(ctx context.Context, who caili.Actor, plan string, n int, reason string) (*caili.Objection, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	return RejectObjectionIn(ctx, st, who, plan, n, reason)
}

// RejectObjectionIn is RejectObjection on a store (the command line).
func RejectObjectionIn(ctx context.Context, st caili.Store, who caili.Actor, plan string, n int, reason string) (*caili.Objection, error) {
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, Say(caili.KindBadRequest, msg.AppRejectNeedsReason)
	}
	if len([]rune(reason)) > maxNoteRunes {
		return nil, Say(caili.KindBadRequest, msg.AppReasonTooLong, maxNoteRunes)
	}
	return st.RejectObjection(ctx, who, plan, n, reason)
}
