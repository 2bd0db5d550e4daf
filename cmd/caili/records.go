package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/server"
)

// The record commands (docs/records.md) work on the database file of a
// data folder directly: caili plan save|list|show|diff|approve|publish,
// caili token create|list|revoke, caili audit, caili backup, caili
// restore. Whoever can open the database file is the office's admin:
// each write is recorded in the audit log as cli:<user name>.

// dataFlag registers --data.
func dataFlag(fs *flagSet) *string {
	return fs.String("data", "", msg.FlagRecordsData, server.DefaultDataDir())
}

// openData opens the database of a data folder (the default one when
// dir is empty): the record that caili serve hands to the server and the
// record commands work on.
func openData(ctx context.Context, dir string) (*sqlite.Store, error) {
	if dir == "" {
		dir = server.DefaultDataDir()
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return nil, app.Say(domain.KindBadRequest, msg.AppNotDataDir, dir)
	}
	return sqlite.OpenDir(ctx, dir)
}

// cliActor is who the command line acts as.
func cliActor() domain.Actor {
	name := "unknown"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return domain.Actor{ID: "cli:" + name, Role: domain.RoleAdmin}
}

// withStore parses a record command's flags (with --data) and runs fn on
// the opened database.
func withStore(ctx context.Context, fs *flagSet, args []string, nargs int, fn func(st *sqlite.Store, args []string) error) error {
	data := dataFlag(fs)
	if err := fs.parseFlags(args); err != nil {
		return err
	}
	if fs.NArg() != nargs {
		return usagef(msg.CmdArgCount, fs.Name(), nargs, fs.NArg())
	}
	st, err := openData(ctx, *data)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st, fs.Args())
}

const planUsage = `  caili plan save    [--plan F] [--id ID] [--note TEXT] [--data DIR]
  caili plan list    --id ID [--data DIR]
  caili plan show    --id ID [--data DIR] N
  caili plan diff    --id ID [--data DIR] FROM TO
  caili plan approve --id ID [--data DIR] [--single-user] N
  caili plan publish --id ID [--data DIR] [--single-user] [--supersedes REASON] N
  caili plan next    --plan F --out NEXT.toml [--id ID] [--data DIR] [--force]`

// cmdPlan dispatches caili plan <sub>.
func cmdPlan(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && isHelp(args[0]) {
		subUsage(stdout, planUsage)
		return nil
	}
	if len(args) == 0 {
		subUsage(stderr, planUsage)
		return usagef(msg.CmdWhich, "plan", "save, list, show, diff, approve, publish, next")
	}
	fs := newFlagSet("plan "+args[0], stderr)
	id := fs.String("id", "", msg.FlagPlanID)
	who := cliActor()
	switch args[0] {
	case "save":
		file := fs.String("plan", "", msg.FlagPlan)
		note := fs.String("note", "", msg.FlagNote)
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error {
			return planSave(ctx, st, who, *file, *id, *note, stdout)
		})
	case "list":
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error { return planList(ctx, st, *id, stdout) })
	case "next":
		return planNext(ctx, fs, args[1:], *id, who, stdout) // next.go
	case "show", "approve", "publish":
		var o app.PublishOptions
		if args[0] != "show" {
			fs.BoolVar(&o.SingleUser, "single-user", false, msg.FlagCLISingle)
		}
		if args[0] == "publish" {
			fs.StringVar(&o.Supersedes, "supersedes", "", msg.FlagSupersedes)
		}
		return withStore(ctx, fs, args[1:], 1, func(st *sqlite.Store, a []string) error {
			n, err := versionArg(a[0])
			if err != nil {
				return err
			}
			return planOne(ctx, st, who, args[0], *id, n, o, stdout)
		})
	case "diff":
		return withStore(ctx, fs, args[1:], 2, func(st *sqlite.Store, a []string) error {
			from, err := versionArg(a[0])
			if err != nil {
				return err
			}
			to, err := versionArg(a[1])
			if err != nil {
				return err
			}
			return planDiff(ctx, st, *id, from, to, stdout)
		})
	}
	subUsage(stderr, planUsage)
	return usagef(msg.CmdUnknownSub, "plan", args[0])
}

func versionArg(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, usagef(msg.CmdVersionNumber, s)
	}
	return n, nil
}

func planID(id, file string) string {
	switch {
	case id != "":
		return id
	case file == "":
		return app.SampleID
	}
	return strings.TrimSuffix(filepath.Base(file), ".toml")
}

func planSave(ctx context.Context, st *sqlite.Store, who domain.Actor, file, id, note string, stdout io.Writer) error {
	id = planID(id, file)
	if !app.ValidName(id) {
		return usagef(msg.CmdPlanID, id, app.NameRE)
	}
	v, err := app.LoadPlanFile(id, file, st)
	if err != nil {
		return err
	}
	rec, created, err := app.SaveVersionOf(ctx, st, who, v, note)
	if err != nil {
		return err
	}
	what := msg.OutPlanSaved
	if !created {
		what = msg.OutPlanUnchanged
	}
	return say(stdout, what, rec.Plan, rec.N, rec.Hash[:16], len(v.Sources))
}

func needID(id string) error {
	if id == "" {
		return usagef(msg.CmdRequired, "--id")
	}
	return nil
}

func planList(ctx context.Context, st *sqlite.Store, id string, stdout io.Writer) error {
	if err := needID(id); err != nil {
		return err
	}
	vs, err := st.Versions(ctx, id)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
	l := langOf(stdout)
	fmt.Fprintln(tw, msg.OutPlanListHead.In(l))
	for _, v := range vs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", v.N, inWords(l, domain.StatusWords(v.Status)), v.Hash[:8],
			v.CreatedAt.Local().Format("2006-01-02 15:04"), v.CreatedBy, v.ApprovedBy, v.Note)
	}
	return tw.Flush()
}

// planOne shows, approves or publishes version n.
func planOne(ctx context.Context, st *sqlite.Store, who domain.Actor, sub, id string, n int, o app.PublishOptions, stdout io.Writer) error {
	if err := needID(id); err != nil {
		return err
	}
	switch sub {
	case "approve":
		rec, err := app.ApproveIn(ctx, st, who, id, n, o.SingleUser)
		if err != nil {
			return err
		}
		return say(stdout, msg.OutPlanApproved, id, rec.N, rec.Hash[:16])
	case "publish":
		// The result is written into the record as it is made, its lines
		// garbage as soon as written: collected sooner, as calc does
		// while writing JSON (streamGCPercent).
		defer debug.SetGCPercent(debug.SetGCPercent(streamGCPercent))
		p, err := app.PublishIn(ctx, st, who, id, n, o)
		if err != nil {
			return err
		}
		return say(stdout, msg.OutPlanPublished, p.PublishedAt.Local().Format("2006-01-02"), p.ResultHash[:8], id, p.N, p.ResultHash)
	}
	vv, err := app.LoadVersion(ctx, st, id, n)
	if err != nil {
		return err
	}
	r, l := vv.Record, langOf(stdout)
	fmt.Fprint(stdout, msg.OutPlanShow.In(l, id, r.N, domain.StatusWords(r.Status), r.Name, r.FiscalYear,
		r.Hash, r.CreatedAt.Local().Format("2006-01-02 15:04"), r.CreatedBy))
	if r.ApprovedAt != nil {
		fmt.Fprint(stdout, msg.OutPlanShowAppr.In(l, r.ApprovedAt.Local().Format("2006-01-02 15:04"), r.ApprovedBy))
	}
	fmt.Fprintln(stdout)
	for _, f := range r.Files {
		say(stdout, msg.OutPlanFile, f.Name, len(f.Data))
	}
	if err := vv.Plan.Base.Err; err != nil {
		return say(stdout, msg.OutResult, msg.ErrorWords(l, app.Classify(err)))
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', tabwriter.AlignRight)
	for _, s := range vv.Plan.Base.Res.Subdistricts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", s.ID, s.Name, s.Total.String())
	}
	return tw.Flush()
}

func planDiff(ctx context.Context, st *sqlite.Store, id string, from, to int, stdout io.Writer) error {
	if err := needID(id); err != nil {
		return err
	}
	d, err := app.DiffIn(ctx, st, id, from, to)
	if err != nil {
		return err
	}
	say(stdout, msg.OutPlanDiff, id, from, to, len(d.Changes))
	l := langOf(stdout)
	for _, c := range d.Changes {
		fmt.Fprintf(stdout, "  %s %s: %s → %s\n", c.File, c.Path, orNone(c.Old, l), orNone(c.New, l))
	}
	if d.Error != "" {
		say(stdout, msg.OutResult, d.Error)
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, msg.OutDiffHeader.In(msg.Zh))
	for _, t := range d.Totals {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", t.ID, t.Name, t.Old, t.New, t.Delta)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, t := range d.Totals {
		if t.Note != "" { // a successor of merged or split 街道 (docs/year-data.md)
			fmt.Fprintf(stdout, "  %s %s:%s\n", t.ID, t.Name, t.Note)
		}
	}
	if d.AttributionError != "" {
		say(stdout, msg.OutNoAttribution, d.AttributionError)
	}
	if d.Attribution == nil {
		return nil
	}
	return report.WriteAttribution(stdout, d.Attribution)
}

// orNone is s, or (无) in language l when s is empty.
func orNone(s string, l msg.Lang) string {
	if s == "" {
		return msg.OutNone.In(l)
	}
	return s
}
