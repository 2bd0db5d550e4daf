package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/atomicfile"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// Next year's plan (docs/year-data.md): written from this year's plan
// file, with the fiscal year one later, the damping baseline taken from
// this year's publication, each project's execution rate of this year in
// [subdistrict.execution], the dated standards as they are (the value in
// force moves with the year), this year's [[succession]] tables left
// out (they join this year to the last), and notes for the planner —
// among them the lines unused two years running — at its head. The
// written plan is loaded, validated and calculated before anything is
// written; nothing is written over an existing file without force.

// NextOptions say where next year's plan goes.
type NextOptions struct {
	Out   string // the plan file to write
	Force bool   // write over existing files
	// Budgets are the budgets execution is measured against (nil: the
	// imported budget column).
	Budgets execution.Budgets
}

// Next is next year's plan as written.
type Next struct {
	Year      int64  // next year's fiscal year
	Plan      []byte // the plan file's text
	Standards string // the standards file written beside it ("" when none was needed)
	StdText   []byte // its text
	Baseline  string // the damping baseline written ("" when unchanged)
	Rates     int    // execution rates written
	Unused    []execution.UnusedTwice
	Notes     []string // what the planner should know, in Chinese (also at the head of the plan)
	Files     []string // the files written
}

// NextYear writes next year's plan from this year's plan v (loaded from
// planFile) and the record st (nil: none — no baseline from a
// publication, no execution rates). The planner role is needed.
func NextYear(ctx context.Context, st caili.Store, who caili.Actor, v *PlanVersion, planFile string, o NextOptions) (*Next, error) {
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, err
	}
	p, err := v.Doc.Plan()
	if err != nil {
		return nil, err
	}
	if err := nextTarget(planFile, o, len(v.Sources) > 1); err != nil {
		return nil, err
	}
	n := &Next{Year: p.FiscalYear + 1}
	text := string(v.Sources[0].Data)
	text, _ = setKey(text, "plan", "fiscal_year", strconv.FormatInt(n.Year, 10))
	text = nextName(text, p)
	text = removeArray(text, "succession")
	stdName, stdText := "", ""
	if f := v.Doc.FileOf("damping"); p.Damping != nil && f != v.Sources[0].Name {
		stdName, stdText = nextStandardsName(f, n.Year), string(source(v, f))
		text, _ = setKey(text, "plan", "standards", strconv.Quote(stdName))
	}
	nextID := strings.TrimSuffix(filepath.Base(o.Out), filepath.Ext(o.Out))
	if p.Damping != nil {
		if b, note := nextBaseline(ctx, st, v.ID, nextID, p.FiscalYear); b != "" {
			if stdName != "" {
				stdText, _ = setKey(stdText, "damping", "baseline", strconv.Quote(b))
			} else {
				text, _ = setKey(text, "damping", "baseline", strconv.Quote(b))
			}
			n.Baseline = b
			n.Notes = append(n.Notes, msg.NextBaseline.In(msg.Zh, b))
		} else {
			n.Notes = append(n.Notes, note)
		}
	}
	text, err = n.rates(ctx, st, v, p, text, o.Budgets)
	if err != nil {
		return nil, err
	}
	if err := n.unused(ctx, st, v, p, o.Budgets); err != nil {
		return nil, err
	}
	n.Plan = []byte(text)
	if stdName != "" {
		n.Standards, n.StdText = stdName, []byte(stdText)
	}
	if err := n.check(v, filepath.Base(o.Out), nextID, st); err != nil {
		return nil, err
	}
	n.Plan = []byte(noteHead(n, filepath.Base(planFile), p.FiscalYear) + text)
	if err := n.write(filepath.Dir(o.Out), o); err != nil {
		return nil, err
	}
	if st == nil {
		return n, nil
	}
	sum := sha256.Sum256(n.Plan)
	return n, st.NoteNextYear(ctx, who, v.ID, p.FiscalYear, filepath.Base(o.Out), hex.EncodeToString(sum[:]))
}

// source is the bytes of the file of v named name.
func source(v *PlanVersion, name string) []byte {
	for _, f := range v.Sources {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// nextTarget refuses a target that exists (without force) or, for a plan
// that names other files, a folder other than the plan's (the names are
// relative to it and must stay inside it).
func nextTarget(planFile string, o NextOptions, others bool) error {
	if o.Out == "" || filepath.Ext(o.Out) != ".toml" {
		return Say(caili.KindBadRequest, msg.NextOutToml)
	}
	if _, err := os.Stat(o.Out); err == nil && !o.Force {
		return Say(caili.KindConflict, msg.NextExists, o.Out)
	}
	if others && planFile != "" {
		a, err1 := filepath.Abs(filepath.Dir(planFile))
		b, err2 := filepath.Abs(filepath.Dir(o.Out))
		if err1 != nil || err2 != nil || a != b {
			return Say(caili.KindBadRequest, msg.NextSameFolder)
		}
	}
	return nil
}

// nextName puts next year in [plan] name where it names this year.
func nextName(text string, p *formula.Plan) string {
	this := strconv.FormatInt(p.FiscalYear, 10)
	if !strings.Contains(p.Name, this) {
		return text
	}
	name := strings.ReplaceAll(p.Name, this, strconv.FormatInt(p.FiscalYear+1, 10))
	out, _ := setKey(text, "plan", "name", strconv.Quote(name))
	return out
}

// yearEnd is a year ending a file's name: standards-2025.
var yearEnd = regexp.MustCompile(`[-_]?[12][0-9]{3}$`)

// nextStandardsName is the standards file of next year: its name with
// the year ending it replaced, or the year added (standards.toml →
// standards-2026.toml).
func nextStandardsName(name string, year int64) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if m := yearEnd.FindString(stem); m != "" {
		stem = strings.TrimSuffix(stem, m)
	}
	return stem + "-" + strconv.FormatInt(year, 10) + ext
}

// nextBaseline is the baseline next year's plan reads — this year's
// publication, as `@published:YEAR` when next year's plan keeps this
// plan's id and `@published:ID:YEAR` otherwise — or "" and a note saying
// why the baseline is left as it is.
func nextBaseline(ctx context.Context, st caili.Store, id, nextID string, year int64) (string, string) {
	if st == nil {
		return "", msg.NextNoStore.In(msg.Zh, year)
	}
	if _, err := st.PublishedYear(ctx, id, year); err != nil {
		return "", msg.NextNotPublished.In(msg.Zh, year)
	}
	if nextID == id {
		return standards.PublishedPrefix + strconv.FormatInt(year, 10), ""
	}
	return standards.PublishedPrefix + id + ":" + strconv.FormatInt(year, 10), ""
}

// rates writes this year's execution rate of each project into the
// sub-districts' [subdistrict.execution] — of the projects the rules let
// it (a non-mandatory [[project]], with [project_execution] in the plan).
func (n *Next) rates(ctx context.Context, st caili.Store, v *PlanVersion, p *formula.Plan, text string, b execution.Budgets) (string, error) {
	if st == nil {
		return text, nil
	}
	rows, err := storedRows(ctx, st, v.ID, p.FiscalYear)
	if err != nil {
		return "", err
	}
	r := execution.Build(p, rows, b)
	rates := r.Rates()
	switch {
	case len(rates) == 0:
		n.Notes = append(n.Notes, msg.NextNoExecution.In(msg.Zh, p.FiscalYear))
		return text, nil
	case p.ProjectExecution == nil:
		n.Notes = append(n.Notes, msg.NextNoBands.In(msg.Zh))
		return text, nil
	case v.Doc.DataFile() != "":
		n.Notes = append(n.Notes, msg.NextDataFile.In(msg.Zh, v.Doc.DataFile()))
		return text, nil
	}
	mandatory := map[string]bool{}
	for _, pr := range p.Projects {
		mandatory[pr.ID] = pr.Tier == formula.TierMandatory
	}
	subs := make([]formula.Subdistrict, len(p.Subdistricts))
	for i, s := range p.Subdistricts {
		subs[i] = s
		ex := map[string]decimal.Decimal{}
		for proj, rate := range rates[s.ID] {
			if known, ok := mandatory[proj]; ok && !known {
				ex[proj] = rate
				n.Rates++
			}
		}
		subs[i].Execution = ex // none: last year's rates are dropped
	}
	if r.Last < 12 {
		n.Notes = append(n.Notes, msg.NextPartYear.In(msg.Zh, n.Rates, p.FiscalYear, r.Last))
	} else {
		n.Notes = append(n.Notes, msg.NextRates.In(msg.Zh, n.Rates, p.FiscalYear))
	}
	return string(workbook.ReplaceSubdistricts([]byte(text), p, subs)), nil
}

// unused lists the lines unused this year and the year before (last
// year's 街道 read through this plan's successions).
func (n *Next) unused(ctx context.Context, st caili.Store, v *PlanVersion, p *formula.Plan, b execution.Budgets) error {
	if st == nil {
		return nil
	}
	rows, err := storedRows(ctx, st, v.ID, p.FiscalYear)
	if err != nil {
		return err
	}
	prevID := v.ID
	if p.Damping != nil && p.Damping.Published != nil && p.Damping.Published.Plan != "" {
		prevID = p.Damping.Published.Plan
	}
	before, err := storedRows(ctx, st, prevID, p.FiscalYear-1)
	if err != nil {
		return err
	}
	prev := &formula.Plan{FiscalYear: p.FiscalYear - 1}
	seen := map[string]bool{}
	for _, r := range before {
		if !seen[r.Subdistrict] {
			seen[r.Subdistrict] = true
			prev.Subdistricts = append(prev.Subdistricts, formula.Subdistrict{ID: r.Subdistrict, Name: r.Subdistrict})
		}
	}
	n.Unused = execution.UnusedTwoYears(execution.Build(p, rows, b).Unused(), execution.Build(prev, before, nil).Unused(), p.Successions)
	if len(n.Unused) > 0 {
		n.Notes = append(n.Notes, msg.NextUnusedHead.In(msg.Zh, len(n.Unused)))
		for _, u := range n.Unused {
			n.Notes = append(n.Notes, msg.NextUnusedLine.In(msg.Zh, u.Name, u.Item, u.Balance.String(), u.Before.String()))
		}
	}
	return nil
}

// noteHead is the comment block at the head of next year's plan.
func noteHead(n *Next, from string, year int64) string {
	var b strings.Builder
	b.WriteString("# " + msg.NextHead.In(msg.Zh, from, year, n.Year) + "\n")
	for _, note := range n.Notes {
		b.WriteString("# " + note + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

// check loads the written files as a plan would be loaded — the other
// files as this year's plan read them — and validates them: problems
// refuse the plan; a calculation the rules reject is a note.
func (n *Next) check(v *PlanVersion, outName, nextID string, st caili.Store) error {
	files := map[string][]byte{outName: n.Plan}
	for _, f := range v.Sources[1:] {
		files[f.Name] = f.Data
	}
	if n.Standards != "" {
		files[n.Standards] = n.StdText
	}
	doc, err := standards.Load(outName, func(name string) ([]byte, error) {
		if b, ok := files[name]; ok {
			return b, nil
		}
		return nil, fs.ErrNotExist
	}, append([]standards.Option{standards.WithData(workbook.Read)}, publishedOptions(st, nextID)...)...)
	var m *formula.Model
	if err == nil {
		m, err = doc.Compile()
	}
	if err == nil {
		// A valid plan the rules cannot fund with this year's capacity is
		// written all the same, with a note: next year's capacity is the
		// planner's to set.
		if _, rej := m.Evaluate(); rej != nil {
			n.Notes = append(n.Notes, msg.NextRejected.In(msg.Zh, msg.Error(msg.Zh, rej)))
		}
		return nil
	}
	e := Say(caili.KindUnprocessable, msg.NextInvalid, n.Year)
	return withProblems(e, formula.ProblemsOf(err)).Because(err)
}

// write writes the standards file (if any), then the plan, each all or
// nothing, never over an existing file without force.
func (n *Next) write(dir string, o NextOptions) error {
	if n.Standards != "" {
		path := filepath.Join(dir, n.Standards)
		if _, err := os.Stat(path); err == nil && !o.Force {
			return Say(caili.KindConflict, msg.NextExists, path)
		}
		if err := atomicfile.Replace(path, n.StdText, 0o644); err != nil {
			return nextWriteError(path, err)
		}
		n.Files = append(n.Files, path)
	}
	if err := atomicfile.Replace(o.Out, n.Plan, 0o644); err != nil {
		return nextWriteError(o.Out, err)
	}
	n.Files = append(n.Files, o.Out)
	return nil
}

// nextWriteError says which file could not be written.
func nextWriteError(path string, err error) error {
	if errors.Is(err, atomicfile.ErrNoDir) || errors.Is(err, atomicfile.ErrNotRegular) {
		return Say(caili.KindBadRequest, msg.NextCannotWrite, path).Because(err)
	}
	return Internal(msg.NextCannotWrite, err)
}
