package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// Objections (数据更正与异议, docs/records.md): a 街道 files a note and
// proposed corrections of its own data — quantities, headcounts (staff)
// and payroll — against the latest published version of a plan. The
// planner sees what the corrections would do to every 街道 and accepts
// the objection (a new draft version with the corrected data) or rejects
// it with a reason. Nothing is applied without a planner's action; every
// step is in the audit log.

// Limits of what a 街道 may file.
const (
	maxCorrections = 500
	maxNoteRunes   = 2000
)

// ObjectionStatusText is an objection's status as a 街道 reads it:
// 待处理, 已采纳（第 n 版）, 已驳回：reason or 已在数据中更正：note.
func ObjectionStatusText(o *caili.Objection) string {
	switch o.Status {
	case caili.ObjectionAccepted:
		return msg.ObjectionAcceptedAs.In(msg.Zh, o.NewVersion)
	case caili.ObjectionRejected:
		return msg.ObjectionRejectedWhy.In(msg.Zh, o.Reason)
	case caili.ObjectionCorrected:
		if o.Reason == "" {
			return msg.AppObjectionCorrected.In(msg.Zh)
		}
		return msg.ObjectionCorrectedNote.In(msg.Zh, o.Reason)
	}
	return msg.AppObjectionPending.In(msg.Zh)
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

// Overrides are the objection's corrections as overrides of its 街道's
// data (subdistrict.<id>.<key>), in key order.
func ObjectionOverrides(o *caili.Objection) []standards.Override {
	keys := make([]string, 0, len(o.Corrections))
	for k := range o.Corrections {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ovs := make([]standards.Override, len(keys))
	for i, k := range keys {
		ovs[i] = standards.Override{Path: "subdistrict." + o.Subdistrict + "." + k, Value: o.Corrections[k], File: "objection"}
	}
	return ovs
}

// FileObjection records a 街道's objection against the plan's latest
// publication: only a 街道 token, for its own 街道. The corrections are
// checked against the published version (known quantities, numbers).
func (e *App) FileObjection(ctx context.Context, who caili.Actor, plan, note string, corrections map[string]string) (o *caili.Objection, err error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	e.limit(func() { o, err = FileObjectionIn(ctx, st, who, plan, note, corrections) })
	return o, err
}

// FileObjectionIn is FileObjection on a store.
func FileObjectionIn(ctx context.Context, st caili.Store, who caili.Actor, plan, note string, corrections map[string]string) (*caili.Objection, error) {
	if who.Role != caili.RoleSubdistrict || who.Subdistrict == "" {
		return nil, Say(caili.KindForbidden, msg.AppOnlySubdistrictObjects)
	}
	pub, err := st.PublishedHead(ctx, plan) // its number only, not its result
	if err != nil {
		return nil, err
	}
	cs, err := normalize(who.Subdistrict, note, corrections)
	if err != nil {
		return nil, err
	}
	vv, err := LoadVersion(ctx, st, plan, pub.N)
	if err != nil {
		return nil, err
	}
	if p, err := vv.Plan.Doc.Plan(); err != nil || !hasSubdistrict(p, who.Subdistrict) {
		return nil, Say(caili.KindForbidden, msg.AppObjectionNoSub, plan, who.Subdistrict)
	}
	o := &caili.Objection{Plan: plan, Version: pub.N, Subdistrict: who.Subdistrict, Note: note, Corrections: cs}
	if err := checkCorrections(vv.Plan, o); err != nil {
		return nil, err
	}
	b, _ := json.Marshal(struct {
		Note        string            `json:"note"`
		Corrections map[string]string `json:"corrections"`
	}{note, cs})
	sum := sha256.Sum256(b)
	return st.FileObjection(ctx, who, caili.NewObjection{Plan: plan, Version: pub.N, Subdistrict: who.Subdistrict, Note: note,
		Corrections: cs, Hash: hex.EncodeToString(sum[:])})
}

// normalize checks the size and keys of an objection and returns its
// corrections keyed below the 街道: quantities.X, staff.X or payroll.X
// (headcounts.X is staff.X; subdistrict.<own id>. may lead).
func normalize(sd, note string, corrections map[string]string) (map[string]string, error) {
	if utf8.RuneCountInString(note) > maxNoteRunes {
		return nil, Say(caili.KindBadRequest, msg.AppNoteTooLong, maxNoteRunes)
	}
	if len(corrections) > maxCorrections {
		return nil, Say(caili.KindBadRequest, msg.AppTooManyCorrections, maxCorrections)
	}
	if strings.TrimSpace(note) == "" && len(corrections) == 0 {
		return nil, Say(caili.KindBadRequest, msg.AppObjectionEmpty)
	}
	out := make(map[string]string, len(corrections))
	for k, v := range corrections {
		key := strings.TrimSpace(k)
		if rest, ok := strings.CutPrefix(key, "subdistrict."); ok {
			id, tail, _ := strings.Cut(rest, ".")
			if id != sd {
				return nil, Say(caili.KindForbidden, msg.AppCorrectOwnOnly, msg.Clip(k))
			}
			key = tail
		}
		if rest, ok := strings.CutPrefix(key, "headcounts."); ok {
			key = "staff." + rest
		}
		group, name, _ := strings.Cut(key, ".")
		if (group != "quantities" && group != "staff" && group != "payroll") || name == "" {
			return nil, Say(caili.KindBadRequest, msg.AppCorrectionKey, msg.Clip(k))
		}
		if _, err := decimal.NewFromString(strings.TrimSpace(v)); err != nil {
			return nil, Say(caili.KindBadRequest, msg.AppCorrectionValue, msg.Clip(k), msg.Clip(v))
		}
		out[key] = strings.TrimSpace(v)
	}
	return out, nil
}

// checkCorrections applies the corrections to the plan version: an
// unknown 街道, quantity or category, or a value the field refuses, is a
// bad request.
func checkCorrections(pv *PlanVersion, o *caili.Objection) error {
	if len(o.Corrections) == 0 {
		return nil
	}
	if _, err := pv.Doc.Apply(ObjectionOverrides(o)...); err != nil {
		ae := Classify(err)
		if ae.Kind != caili.KindInternal {
			ae.Kind = caili.KindBadRequest
		}
		return ae
	}
	return nil
}

// FileObjectionWorkbook files an objection whose corrections are read
// from the 街道's filled copy of the data workbook (or CSV; name says
// which): the cells of its own quantities, headcounts and payroll that
// differ from the published version.
func (e *App) FileObjectionWorkbook(ctx context.Context, who caili.Actor, plan, note, name string, data []byte) (*caili.Objection, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	if who.Role != caili.RoleSubdistrict || who.Subdistrict == "" {
		return nil, Say(caili.KindForbidden, msg.AppOnlySubdistrictObjects)
	}
	pub, err := st.PublishedHead(ctx, plan) // its number only, not its result
	if err != nil {
		return nil, err
	}
	vv, err := LoadVersion(ctx, st, plan, pub.N)
	if err != nil {
		return nil, err
	}
	p, err := vv.Plan.Doc.Plan()
	if err != nil {
		return nil, err
	}
	var changes []workbook.Change
	e.limitUpload(func() {
		var ps []formula.Problem
		_, changes, ps = workbook.Import(name, data, p, true)
		if len(ps) > 0 {
			err = withProblems(Say(caili.KindUnprocessable, msg.AppDataProblems), ps)
		}
	})
	if err != nil {
		return nil, err
	}
	cs := map[string]string{}
	for _, ch := range changes {
		if ch.Kind != workbook.ChangeValue || ch.ID != who.Subdistrict {
			return nil, Say(caili.KindForbidden, msg.AppWorkbookOtherSub, ch.String())
		}
		cs[ch.Key] = ch.New
	}
	return FileObjectionIn(ctx, st, who, plan, note, cs)
}

// hasSubdistrict reports whether plan p has sub-district id.
func hasSubdistrict(p *formula.Plan, id string) bool {
	for _, s := range p.Subdistricts {
		if s.ID == id {
			return true
		}
	}
	return false
}
