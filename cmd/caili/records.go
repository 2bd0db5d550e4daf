package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/server"
)

// The record commands (docs/records.md) work on the database file of a
// data folder directly: caili plan save|list|show|diff|approve|publish,
// caili token create|list|revoke, caili audit, caili backup, caili
// restore. Whoever can open the database file is the office's admin:
// each write is recorded in the audit log as cli:<user name>.

// dataFlag registers --data.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", "数据目录 data folder holding caili.db (default: "+server.DefaultDataDir()+")")
}

// openData opens the database of a data folder.
func openData(ctx context.Context, dir string) (*sqlite.Store, error) {
	if dir == "" {
		dir = server.DefaultDataDir()
	}
	return sqlite.OpenDir(ctx, dir)
}

// cliActor is who the command line acts as.
func cliActor() app.Actor {
	name := "unknown"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return app.Actor{ID: "cli:" + name, Role: app.RoleAdmin}
}

// withStore parses a record command's flags (with --data) and runs fn on
// the opened database.
func withStore(ctx context.Context, fs *flag.FlagSet, args []string, nargs int, fn func(st *sqlite.Store, args []string) error) error {
	data := dataFlag(fs)
	if err := fs.Parse(args); err != nil {
		return &usageError{msg: err.Error(), quiet: true}
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

const planUsage = `usage:
  caili plan save    [--plan F] [--id ID] [--note TEXT] [--data DIR]
  caili plan list    --id ID [--data DIR]
  caili plan show    --id ID [--data DIR] N
  caili plan diff    --id ID [--data DIR] FROM TO
  caili plan approve --id ID [--data DIR] N
  caili plan publish --id ID [--data DIR] N`

// cmdPlan dispatches caili plan <sub>.
func cmdPlan(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, planUsage)
		return usagef(msg.CmdWhich, "plan", "save, list, show, diff, approve, publish")
	}
	fs := newFlagSet("plan "+args[0], stderr)
	id := fs.String("id", "", "plan id (default: the plan file's name without .toml; sample for the built-in plan)")
	who := cliActor()
	switch args[0] {
	case "save":
		file := fs.String("plan", "", "plan file (default: the built-in sample district)")
		note := fs.String("note", "", "a note kept with the version")
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error {
			return planSave(ctx, st, who, *file, *id, *note, stdout)
		})
	case "list":
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error { return planList(ctx, st, *id, stdout) })
	case "show", "approve", "publish":
		return withStore(ctx, fs, args[1:], 1, func(st *sqlite.Store, a []string) error {
			n, err := versionArg(a[0])
			if err != nil {
				return err
			}
			return planOne(ctx, st, who, args[0], *id, n, stdout)
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
	fmt.Fprintln(stderr, planUsage)
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

func planSave(ctx context.Context, st *sqlite.Store, who app.Actor, file, id, note string, stdout io.Writer) error {
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
	what := "已保存草案 saved draft"
	if !created {
		what = "未改变，仍为 unchanged: still"
	}
	_, err = fmt.Fprintf(stdout, "%s %s 第 %d 版 (version %d) sha256 %s, %d file(s)\n", what, rec.Plan, rec.N, rec.N, rec.Hash[:16], len(v.Sources))
	return err
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
	fmt.Fprintln(tw, "版本\t状态\tsha256\t保存于\t保存人\t审批人\t备注")
	for _, v := range vs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", v.N, app.StatusText(v.Status), v.Hash[:8],
			v.CreatedAt.Local().Format("2006-01-02 15:04"), v.CreatedBy, v.ApprovedBy, v.Note)
	}
	return tw.Flush()
}

// planOne shows, approves or publishes version n.
func planOne(ctx context.Context, st *sqlite.Store, who app.Actor, sub, id string, n int, stdout io.Writer) error {
	if err := needID(id); err != nil {
		return err
	}
	switch sub {
	case "approve":
		rec, err := st.Approve(ctx, who, id, n)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "已审批 approved %s 第 %d 版 sha256 %s\n", id, rec.N, rec.Hash[:16])
		return err
	case "publish":
		p, err := app.PublishIn(ctx, st, who, id, n)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s — %s 第 %d 版 (result sha256 %s)\n", server.PublishedLabel(p), id, p.N, p.ResultHash)
		return err
	}
	vv, err := app.LoadVersion(ctx, st, id, n)
	if err != nil {
		return err
	}
	r := vv.Record
	fmt.Fprintf(stdout, "%s 第 %d 版 %s — %s (%d)\nsha256 %s\n保存 %s %s", id, r.N, app.StatusText(r.Status), r.Name, r.FiscalYear,
		r.Hash, r.CreatedAt.Local().Format("2006-01-02 15:04"), r.CreatedBy)
	if r.ApprovedAt != nil {
		fmt.Fprintf(stdout, "；审批 %s %s", r.ApprovedAt.Local().Format("2006-01-02 15:04"), r.ApprovedBy)
	}
	fmt.Fprintln(stdout)
	for _, f := range r.Files {
		fmt.Fprintf(stdout, "  文件 %s (%d bytes)\n", f.Name, len(f.Data))
	}
	if err := vv.Plan.Base.Err; err != nil {
		_, err = fmt.Fprintf(stdout, "结果: %v\n", app.Classify(err).Message)
		return err
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
	fmt.Fprintf(stdout, "%s 第 %d 版 → 第 %d 版: %d 处改动 change(s)\n", id, from, to, len(d.Changes))
	for _, c := range d.Changes {
		fmt.Fprintf(stdout, "  %s %s: %s → %s\n", c.File, c.Path, orNone(c.Old), orNone(c.New))
	}
	if d.Error != "" {
		fmt.Fprintf(stdout, "结果: %s\n", d.Error)
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "街道\t\t原合计\t新合计\t变化\t")
	for _, t := range d.Totals {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", t.ID, t.Name, t.Old, t.New, t.Delta)
	}
	return tw.Flush()
}

func orNone(s string) string {
	if s == "" {
		return "(无)"
	}
	return s
}
