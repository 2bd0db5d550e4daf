package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/atomicfile"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/standards/workbook"
)

// Objections on a plan whose sub-districts come from a data workbook
// ([plan] data, issue 21 §2): accepting one writes the corrected cells
// into the version's workbook (workbook.Correct: nothing else of the file
// changes) and saves the new draft with it, as for [[subdistrict]]
// tables. When the plan is served from a plans folder, the workbook there
// is corrected too, after a copy of it is kept beside it
// (subdistricts.xlsx.bak-20250301-101500.000), so that the next version
// saved from the folder keeps the correction.

// dataWrite is the correction of a version's data file, for the copy of
// it in the plans folder.
type dataWrite struct {
	name     string        // the data file, relative to the plan file
	plan     *formula.Plan // the plan that reads it (its layout)
	sub      string
	values   map[string]string
	old, new []byte // the version's data file, before and after
}

// correctedData is corrected for a plan whose data file is f.
func correctedData(vv *VersionView, o *caili.Objection, st caili.Store, f string) (*caili.NewVersion, *dataWrite, error) {
	doc := vv.Plan.Doc
	files := vv.Record.Files
	i := slices.IndexFunc(files, func(x caili.File) bool { return path.Clean(x.Name) == path.Clean(f) })
	if i < 0 {
		return nil, nil, Say(caili.KindConflict, msg.AppObjectionDataFile, f)
	}
	p, err := doc.Plan()
	if err != nil {
		return nil, nil, err
	}
	data, _, err := workbook.Correct(f, files[i].Data, p, o.Subdistrict, o.Corrections)
	if err != nil {
		return nil, nil, cellError(err)
	}
	nd, err := doc.Apply(ObjectionOverrides(o)...)
	if err != nil {
		return nil, nil, Classify(err)
	}
	np, err := nd.Plan()
	if err != nil {
		return nil, nil, err
	}
	out := slices.Clone(files)
	out[i].Data = data
	pv, err := loadFiles(vv.Record.Plan, out, publishedOptions(st, vv.Record.Plan)...)
	if err != nil {
		return nil, nil, Internal(msg.AppCorrectedNotLoad, err)
	}
	if got, _ := pv.Doc.Plan(); got == nil || !sameSubdistrict(got, np, o.Subdistrict) {
		return nil, nil, Internal(msg.AppCorrectedLost, fmt.Errorf("%s objection %d", o.Plan, o.N))
	}
	nv := &caili.NewVersion{Plan: pv.ID, Hash: pv.Hash, Name: pv.Name, FiscalYear: pv.FiscalYear, Files: pv.Sources,
		Note: msg.AppAcceptedNote.In(msg.Zh, o.N, o.Subdistrict)}
	return nv, &dataWrite{name: f, plan: p, sub: o.Subdistrict, values: o.Corrections, old: files[i].Data, new: data}, nil
}

// cellError is the error of a correction workbook.Correct refuses.
func cellError(err error) error {
	var ce *workbook.CellError
	if errors.As(err, &ce) {
		return Say(caili.KindConflict, ce.M, ce.Args...)
	}
	return Internal(msg.AppCorrectedNotLoad, err)
}

// diskMu keeps two accepted objections from writing the same workbook at
// once (each would write the file it read).
var diskMu sync.Mutex

// acceptOnDisk corrects the data file beside planFile, keeping a copy of
// it, and records the accepted objection; when the record refuses, the
// file is put back as it was (the copy stays).
func (dw *dataWrite) acceptOnDisk(ctx context.Context, st caili.Store, who caili.Actor, plan string, n int, nv caili.NewVersion, planFile string) (*caili.Objection, *caili.VersionRecord, error) {
	diskMu.Lock()
	defer diskMu.Unlock()
	dir := filepath.Dir(planFile)
	old, fi, err := safefile.ReadInside(dir, dw.name, workbook.MaxFileBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return st.AcceptObjection(ctx, who, plan, n, nv) // no copy in the folder to correct
	}
	if err != nil {
		return nil, nil, Internal(msg.AppObjectionDiskWrite, err)
	}
	data := dw.new
	if !bytes.Equal(old, dw.old) { // edited since the version was saved: correct the folder's own
		if data, _, err = workbook.Correct(dw.name, old, dw.plan, dw.sub, dw.values); err != nil {
			e, ok := cellError(err).(*caili.Error)
			if !ok || e.Kind != caili.KindConflict {
				return nil, nil, err
			}
			return nil, nil, &caili.Error{Kind: caili.KindConflict, Says: append([]caili.Words{msg.AppObjectionDiskDiffers.Says(dw.name)}, e.Says...)}
		}
	}
	name := filepath.Join(dir, filepath.FromSlash(dw.name))
	perm := fi.Mode().Perm()
	if err := atomicfile.Replace(BackupName(name, time.Now()), old, perm); err != nil {
		return nil, nil, Internal(msg.AppObjectionDiskWrite, err)
	}
	if err := atomicfile.Replace(name, data, perm); err != nil {
		return nil, nil, Internal(msg.AppObjectionDiskWrite, err)
	}
	o, v, err := st.AcceptObjection(ctx, who, plan, n, nv)
	if err != nil {
		if rerr := atomicfile.Replace(name, old, perm); rerr != nil {
			return nil, nil, errors.Join(err, Internal(msg.AppObjectionDiskWrite, rerr))
		}
		return nil, nil, err
	}
	return o, v, nil
}

// BackupName is the copy of data file name kept when an accepted
// objection corrects it at t.
func BackupName(name string, t time.Time) string {
	return name + ".bak-" + t.Format("20060102-150405.000")
}

// planFile is plan id's file in the plans folder served, or "".
func (e *App) planFile(id string) string {
	if e.Plans == nil {
		return ""
	}
	if st, ok := e.Plans.Get(id); ok {
		return st.file
	}
	return ""
}

// CorrectedObjection marks a pending objection corrected in the data by
// hand (planner): the planner made the correction (in the workbook, the
// plan file) and says so, with a note, so that the 街道 reads
// 已在数据中更正 rather than 已驳回. No version is made.
func (e *App) CorrectedObjection(ctx context.Context, who caili.Actor, plan string, n int, note string) (*caili.Objection, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	return CorrectedObjectionIn(ctx, st, who, plan, n, note)
}

// CorrectedObjectionIn is CorrectedObjection on a store (the command line).
func CorrectedObjectionIn(ctx context.Context, st caili.Store, who caili.Actor, plan string, n int, note string) (*caili.Objection, error) {
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, err
	}
	note = strings.TrimSpace(note)
	if len([]rune(note)) > maxNoteRunes {
		return nil, Say(caili.KindBadRequest, msg.AppReasonTooLong, maxNoteRunes)
	}
	return st.CorrectedObjection(ctx, who, plan, n, note)
}
