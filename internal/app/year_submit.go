package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/atomicfile"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// 一上 (docs/year.md): a 街道 uploads its filled copy of the data template
// (its own row). The file is read against the plan's latest recorded
// version as `caili import --merge` reads one: each problem at its sheet
// and cell; a row of another 街道, or a value the bureau sets (name,
// rating, adjustment, project ratings), is a problem naming the cell.
// Every upload is recorded — with its problems (有问题) or without (已提交,
// replacing the 街道's earlier one still waiting) — so that the planner
// sees where each 街道 stands. The planner accepts submissions into a
// new draft version: the plan's latest version with the submitted values
// written into its [[subdistrict]] tables.

// dataKeys are the groups of a 街道's own data it may submit.
var dataKeys = []string{"quantities.", "staff.", "payroll."}

// SubmitData records a 街道's data file (name says xlsx or csv). A file
// with problems is recorded and refused (422, each problem at its cell).
func (e *App) SubmitData(ctx context.Context, who caili.Actor, plan, name string, data []byte) (s *caili.Submission, err error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	e.limitUpload(func() { s, err = SubmitDataIn(ctx, st, who, plan, name, data) })
	return s, err
}

// SubmitDataIn is SubmitData on a store.
func SubmitDataIn(ctx context.Context, st caili.Store, who caili.Actor, plan, name string, data []byte) (*caili.Submission, error) {
	if who.Role != caili.RoleSubdistrict || who.Subdistrict == "" {
		return nil, Say(caili.KindForbidden, msg.YearOnlySubdistrict)
	}
	v, err := latest(ctx, st, plan)
	if err != nil {
		return nil, err
	}
	if err := collecting(ctx, st, plan, v.FiscalYear); err != nil {
		return nil, err
	}
	p, err := versionPlan(ctx, st, plan, v.N)
	if err != nil {
		return nil, err
	}
	if !hasSubdistrict(p, who.Subdistrict) {
		return nil, Say(caili.KindForbidden, msg.AppObjectionNoSub, plan, who.Subdistrict)
	}
	_, changes, ps := workbook.Import(name, data, p, true)
	cs := map[string]string{}
	if len(ps) == 0 {
		ps = ownChanges(name, who.Subdistrict, p, changes, cs)
	}
	sum := sha256.Sum256(data)
	ns := caili.NewSubmission{Plan: plan, Year: v.FiscalYear, Version: v.N, Subdistrict: who.Subdistrict, FileName: name,
		Data: data, Hash: hex.EncodeToString(sum[:]), Problems: fileProblems(ps), Changes: cs}
	sb, err := st.Submit(ctx, who, false, ns)
	if err != nil {
		return nil, err
	}
	if len(ps) > 0 {
		return sb, withProblems(Say(caili.KindUnprocessable, msg.YearSubmissionProblems, sb.N), ps)
	}
	return sb, nil
}

// collecting refuses data once the year's 控制数 is published: 一上 is
// over (KindConflict, saying when and how the planner still merges data).
func collecting(ctx context.Context, st caili.Store, plan string, year int64) error {
	kps, err := st.KindPublications(ctx, plan)
	if err != nil {
		return err
	}
	for _, k := range kps {
		if k.Year == year && k.Kind == caili.KindControl {
			return Say(caili.KindConflict, msg.YearCollectClosed, plan, year, k.Wenhao, k.IssuedOn)
		}
	}
	return nil
}

// ownChanges keeps in cs the changes of the 街道's own data and returns
// a problem for each change of another 街道's row (naming both) or of a
// value the bureau sets.
func ownChanges(file, sd string, p *formula.Plan, changes []workbook.Change, cs map[string]string) []formula.Problem {
	var ps []formula.Problem
	names := map[string]string{}
	for _, s := range p.Subdistricts {
		names[s.ID] = s.Name
	}
	for _, ch := range changes {
		at := ch.Cell
		switch {
		case ch.Kind != workbook.ChangeValue || ch.ID != sd:
			ps = append(ps, formula.Problem{File: file, Path: at, Code: formula.CodeUnknownRef,
				Says: []formula.Words{msg.YearOtherRow.Words(names[ch.ID], ch.ID, names[sd], sd)}})
		case !ownKey(ch.Key):
			ps = append(ps, formula.Problem{File: file, Path: at, Code: formula.CodeBadValue,
				Says: []formula.Words{msg.YearBureauValue.Words(ch.Label)}})
		default:
			cs[ch.Key] = ch.New
		}
	}
	return ps
}

func ownKey(k string) bool {
	for _, p := range dataKeys {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// fileProblems are problems as the record keeps them, in Chinese.
func fileProblems(ps []formula.Problem) []caili.FileProblem {
	out := make([]caili.FileProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, caili.FileProblem{Where: p.Path, Code: string(p.Code), Says: msg.Problem(msg.Zh, p)})
	}
	return out
}

// DataTemplate is the data template of a 街道 token's own row (a 街道),
// pre-filled from the plan's latest recorded version.
func (e *App) DataTemplate(ctx context.Context, who caili.Actor, plan string) ([]byte, error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	if who.Role != caili.RoleSubdistrict || who.Subdistrict == "" {
		return nil, Say(caili.KindForbidden, msg.YearOnlySubdistrict)
	}
	v, err := latest(ctx, st, plan)
	if err != nil {
		return nil, err
	}
	p, err := versionPlan(ctx, st, plan, v.N)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := workbook.Template(&buf, p, workbook.TemplateOptions{Subdistrict: who.Subdistrict}); err != nil {
		return nil, Internal(msg.AppTemplateFailed, err)
	}
	return buf.Bytes(), nil
}

// AcceptData accepts submitted data files into a new draft (planner):
// ns, or every one waiting when ns is empty.
func (e *App) AcceptData(ctx context.Context, who caili.Actor, plan string, ns []int) (v *caili.VersionRecord, err error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	file := e.planFile(plan)
	e.limit(func() { v, err = AcceptDataFile(ctx, st, who, plan, ns, file) })
	return v, err
}

// AcceptDataIn is AcceptData on a store (the command line), writing the
// record only.
func AcceptDataIn(ctx context.Context, st caili.Store, who caili.Actor, plan string, ns []int) (*caili.VersionRecord, error) {
	return AcceptDataFile(ctx, st, who, plan, ns, "")
}

// AcceptDataFile is AcceptDataIn that also writes the new plan text to
// planFile, the plan's file served ("": none), when that file is still
// the text of the version the submissions were merged into (a planner's
// later edits are never overwritten: the record keeps the new version
// either way), keeping a copy of the old file beside it.
func AcceptDataFile(ctx context.Context, st caili.Store, who caili.Actor, plan string, ns []int, planFile string) (*caili.VersionRecord, error) {
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, err
	}
	v, err := latest(ctx, st, plan)
	if err != nil {
		return nil, err
	}
	var subs []*caili.Submission
	if len(ns) == 0 {
		all, err := st.Submissions(ctx, plan, v.FiscalYear, false)
		if err != nil {
			return nil, err
		}
		for i := range all {
			if all[i].Status == caili.SubSubmitted {
				subs = append(subs, &all[i])
				ns = append(ns, all[i].N)
			}
		}
	} else {
		for _, n := range ns {
			s, err := st.Submission(ctx, plan, false, n)
			if err != nil {
				return nil, err
			}
			subs = append(subs, s)
		}
	}
	if len(subs) == 0 {
		return nil, Say(caili.KindConflict, msg.YearNothingToAccept)
	}
	vv, err := LoadVersion(ctx, st, plan, v.N)
	if err != nil {
		return nil, err
	}
	nv, err := merged(vv, subs, st)
	if err != nil {
		return nil, err
	}
	rec, err := st.AcceptSubmissions(ctx, who, plan, ns, *nv)
	if err != nil || planFile == "" {
		return rec, err
	}
	diskMu.Lock()
	defer diskMu.Unlock()
	old, fi, rerr := safefile.Read(planFile, safefile.MaxInput)
	if rerr != nil || !bytes.Equal(old, vv.Record.Files[0].Data) {
		return rec, nil // edited since: the planner's file is left alone
	}
	if err := atomicfile.Replace(BackupName(planFile, time.Now()), old, fi.Mode().Perm()); err != nil {
		return nil, Internal(msg.AppObjectionDiskWrite, err)
	}
	if err := atomicfile.Replace(planFile, nv.Files[0].Data, fi.Mode().Perm()); err != nil {
		return nil, Internal(msg.AppObjectionDiskWrite, err)
	}
	return rec, nil
}

// merged writes the submissions' values into the version's [[subdistrict]]
// tables (later submissions over earlier ones) and loads them again.
func merged(vv *VersionView, subs []*caili.Submission, st caili.Store) (*caili.NewVersion, error) {
	doc := vv.Plan.Doc
	files := vv.Record.Files
	if doc.DataFile() != "" || !bytes.Contains(files[0].Data, []byte("[[subdistrict]]")) {
		return nil, Say(caili.KindConflict, msg.YearNoTables, files[0].Name)
	}
	p, err := doc.Plan()
	if err != nil {
		return nil, err
	}
	var ovs []standards.Override
	var list []string
	for _, s := range subs {
		for _, k := range sortedKeys(s.Changes) {
			ovs = append(ovs, standards.Override{Path: "subdistrict." + s.Subdistrict + "." + k, Value: s.Changes[k], File: "submission"})
		}
		list = append(list, strconv.Itoa(s.N)+" "+s.Subdistrict)
	}
	nd, err := doc.Apply(ovs...)
	if err != nil {
		return nil, Classify(err)
	}
	np, err := nd.Plan()
	if err != nil {
		return nil, err
	}
	out := make([]caili.File, len(files))
	copy(out, files)
	out[0].Data = workbook.ReplaceSubdistricts(files[0].Data, p, np.Subdistricts)
	pv, err := loadFiles(vv.Record.Plan, out, publishedOptions(st, vv.Record.Plan)...)
	if err != nil {
		return nil, Internal(msg.AppCorrectedNotLoad, err)
	}
	return &caili.NewVersion{Plan: pv.ID, Hash: pv.Hash, Name: pv.Name, FiscalYear: pv.FiscalYear, Files: pv.Sources,
		Note: msg.YearAcceptedNote.In(msg.Zh, strings.Join(list, "、"))}, nil
}
