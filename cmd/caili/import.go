package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/atomicfile"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// cmdImport reads a filled workbook or CSV file into a plan file's
// [[subdistrict]] tables (see docs/workbooks.md). The new plan text goes
// to --out (atomically; it may be the plan itself) or to standard output;
// what changed, sub-district by sub-district and value by value, goes to
// standard error. A full import replaces every sub-district with the
// file's; --merge changes only the cells the file fills in.
func cmdImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", stderr)
	var plan, out string
	var merge bool
	fs.StringVar(&plan, "plan", "", msg.FlagImportPlan)
	fs.StringVar(&out, "out", "", msg.FlagImportOut)
	fs.BoolVar(&merge, "merge", false, msg.FlagMerge)
	file, err := parseOneArg(fs, args, msg.CmdImportNeedsFile)
	if err != nil {
		return err
	}
	if plan == "" {
		return usagef(msg.CmdImportNeedsPlan)
	}
	src, p, err := loadPlanText(plan)
	if err != nil {
		return err
	}
	data, err := readInput(file)
	if err != nil {
		return err
	}
	subs, changes, err := importData(file, data, p, merge)
	if err != nil {
		return err
	}
	text := workbook.ReplaceSubdistricts(src, p, subs)
	if err := checkImported(plan, text, p, subs); err != nil {
		return err
	}
	if out == "" {
		if _, err := stdout.Write(text); err != nil {
			return err
		}
	} else if err := atomicfile.Replace(out, text, 0o644); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return reportChanges(stderr, file, out, len(subs), changes, merge)
}

// parseOneArg parses flags that may come before or after the one
// argument (caili import FILE --plan F, or --plan F FILE).
func parseOneArg(fs *flagSet, args []string, missing msg.Message) (string, error) {
	var pos []string
	for {
		if err := fs.parseFlags(args); err != nil {
			return "", err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch len(pos) {
	case 0:
		return "", usagef(missing)
	case 1:
		return pos[0], nil
	}
	return "", usagef(msg.CmdUnexpectedArg, pos[1])
}

// loadPlanText reads the plan file's text and its plan. The plan must
// load as it is: its tables give the workbook's columns.
func loadPlanText(name string) ([]byte, *formula.Plan, error) {
	src, _, err := safefile.Read(name, safefile.MaxInput)
	if err != nil {
		return nil, nil, app.Say(domain.KindBadRequest, msg.CmdReadPlan, name).Because(err)
	}
	doc, err := standards.Parse(filepath.Base(name), src, planDirReader(name), standards.WithData(workbook.Read))
	if err != nil {
		return nil, nil, err
	}
	if f := doc.DataFile(); f != "" {
		return nil, nil, app.Say(domain.KindBadRequest, msg.CmdPlanHasData, name, f)
	}
	p, err := doc.Plan()
	if err != nil {
		return nil, nil, err
	}
	return src, p, nil
}

// planDirReader reads the files a plan names, relative to its folder.
func planDirReader(plan string) standards.ReadFunc {
	dir := filepath.Dir(plan)
	return func(n string) ([]byte, error) {
		b, _, err := safefile.ReadInside(dir, n, safefile.MaxInput)
		return b, err
	}
}

// readInput reads the workbook or CSV file, within the workbook's limit.
func readInput(name string) ([]byte, error) {
	data, _, err := safefile.Read(name, workbook.MaxFileBytes)
	if errors.Is(err, safefile.ErrTooLarge) {
		return nil, app.Say(domain.KindTooLarge, msg.CmdTooLarge, name, workbook.MaxFileBytes>>20)
	}
	if err != nil {
		return nil, app.Say(domain.KindBadRequest, msg.CmdRead, name).Because(err)
	}
	return data, nil
}

// importData reads the file for plan p: every sub-district, or (merge)
// p's sub-districts with the file's cells filled in. Problems come back
// as an *InvalidPlanError, each at its cell.
func importData(file string, data []byte, p *formula.Plan, merge bool) ([]formula.Subdistrict, []workbook.Change, error) {
	subs, changes, ps := workbook.Import(file, data, p, merge)
	if len(ps) > 0 {
		return nil, nil, &formula.InvalidPlanError{Problems: ps}
	}
	return subs, changes, nil
}

// checkImported loads the new plan text as caili will and checks it gives
// the sub-districts imported, so that what is written is what was read.
func checkImported(plan string, text []byte, p *formula.Plan, subs []formula.Subdistrict) error {
	doc, err := standards.Parse(filepath.Base(plan), text, planDirReader(plan))
	if err != nil {
		return err
	}
	q, err := doc.Plan()
	if err != nil {
		return err
	}
	if d := workbook.Diff(p, subs, q.Subdistricts); len(d) > 0 {
		return app.Say(domain.KindInternal, msg.CmdImportDiffers, d[0])
	}
	return nil
}

// reportChanges writes what the import changed, one line a change, and a
// summary line.
func reportChanges(w io.Writer, file, out string, n int, changes []workbook.Change, merge bool) error {
	for _, c := range changes {
		if _, err := fmt.Fprintf(w, "  %s\n", c); err != nil {
			return err
		}
	}
	var to any = msg.OutStdout
	if out != "" {
		to = out
	}
	if merge {
		return say(w, msg.OutImportMerged, file, len(changes), to)
	}
	return say(w, msg.OutImported, file, n, len(changes), to)
}
