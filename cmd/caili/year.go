package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/store/sqlite"
)

// caili year (docs/year.md): the planner's and approver's side of the
// budget year, on the database file of a data folder. The 街道 submit
// their data and breakdowns through the server with their tokens.

const yearUsage = `  caili year open        --id ID [--note TEXT] [--data DIR]
  caili year status      --id ID [--data DIR]
  caili year submissions --id ID [--data DIR]
  caili year accept      --id ID [--plans DIR] [--data DIR] [N...]
  caili year breakdowns  --id ID [--data DIR]
  caili year breakdown   accept|return --id ID [--reason TEXT] [--data DIR] N
  caili year publish     --id ID --kind control|approval|adjust --wenhao NO [--date YYYY-MM-DD] [--reason TEXT] [--single-user] [--data DIR] N
  caili year diff        --id ID [--data DIR] SEQ
  (accept with no N accepts every submission waiting; --plans DIR also writes the plans folder's file)`

// cmdYear dispatches caili year <sub>.
func cmdYear(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && isHelp(args[0]) {
		subUsage(stdout, yearUsage)
		return nil
	}
	if len(args) == 0 {
		subUsage(stderr, yearUsage)
		return usagef(msg.CmdWhich, "year", "open, status, submissions, accept, breakdowns, breakdown, publish, diff")
	}
	sub, rest := args[0], args[1:]
	if sub == "breakdown" && len(rest) > 0 && !isHelp(rest[0]) {
		sub, rest = "breakdown "+rest[0], rest[1:]
	}
	fs := newFlagSet("year "+sub, stderr)
	id := fs.String("id", "", msg.FlagPlanID)
	who := cliActor()
	run := yearRunner(ctx, fs, rest, id)
	switch sub {
	case "open":
		note := fs.String("note", "", msg.FlagYearNote)
		return run(0, func(st *sqlite.Store, _ []string) error { return yearOpen(ctx, st, who, *id, *note, stdout) })
	case "status":
		return run(0, func(st *sqlite.Store, _ []string) error { return yearStatus(ctx, st, who, *id, stdout) })
	case "submissions", "breakdowns":
		return run(0, func(st *sqlite.Store, _ []string) error {
			return yearList(ctx, st, *id, sub == "breakdowns", stdout)
		})
	case "accept":
		plans := fs.String("plans", "", msg.FlagObjectionPlans)
		return run(-1, func(st *sqlite.Store, a []string) error {
			ns, err := numbers(a)
			if err != nil {
				return err
			}
			file := ""
			if *plans != "" {
				file = filepath.Join(*plans, *id+".toml")
			}
			v, err := app.AcceptDataFile(ctx, st, who, *id, ns, file)
			if err != nil {
				return err
			}
			return say(stdout, msg.OutYearAccepted, *id, v.N, v.Hash[:16])
		})
	case "breakdown accept", "breakdown return":
		reason := fs.String("reason", "", msg.FlagYearReason)
		return run(1, func(st *sqlite.Store, a []string) error {
			n, err := versionArg(a[0])
			if err != nil {
				return err
			}
			b, err := app.DecideBreakdownIn(ctx, st, who, *id, n, sub == "breakdown accept", *reason)
			if err != nil {
				return err
			}
			return say(stdout, msg.OutYearDecided, *id, b.N, b.Subdistrict, app.SubStatusText(b))
		})
	case "publish":
		return yearPublish(ctx, fs, id, run, stdout)
	case "diff":
		return run(1, func(st *sqlite.Store, a []string) error {
			seq, err := versionArg(a[0])
			if err != nil {
				return err
			}
			return yearDiff(ctx, st, *id, int64(seq), stdout)
		})
	}
	subUsage(stderr, yearUsage)
	return usagef(msg.CmdUnknownSub, "year", args[0])
}

// yearPublish is caili year publish: a version as 控制数, 批复 or 调整.
func yearPublish(ctx context.Context, fs *flagSet, id *string, run func(int, func(*sqlite.Store, []string) error) error, stdout io.Writer) error {
	var r app.KindRequest
	var single bool
	fs.StringVar(&r.Kind, "kind", "", msg.FlagYearKind)
	fs.StringVar(&r.Wenhao, "wenhao", "", msg.FlagYearWenhao)
	fs.StringVar(&r.IssuedOn, "date", "", msg.FlagYearDate)
	fs.StringVar(&r.Reason, "reason", "", msg.FlagYearReason)
	fs.BoolVar(&single, "single-user", false, msg.FlagCLISingle)
	return run(1, func(st *sqlite.Store, a []string) error {
		n, err := versionArg(a[0])
		if err != nil {
			return err
		}
		r.N = n
		k, err := app.PublishKindIn(ctx, st, cliActor(), *id, r, single)
		if err != nil {
			return err
		}
		return say(stdout, msg.OutYearPublished, *id, k.N, domain.PubKindWords(k.Kind), k.Wenhao, k.IssuedOn, k.Seq)
	})
}

// yearRunner runs a year command's work on the opened database once its
// flags are parsed (nargs arguments, or any number when negative) and
// --id is given.
func yearRunner(ctx context.Context, fs *flagSet, rest []string, id *string) func(int, func(*sqlite.Store, []string) error) error {
	return func(nargs int, fn func(st *sqlite.Store, a []string) error) error {
		if nargs >= 0 {
			return withStore(ctx, fs, rest, nargs, func(st *sqlite.Store, a []string) error {
				if err := needID(*id); err != nil {
					return err
				}
				return fn(st, a)
			})
		}
		data := dataFlag(fs)
		if err := fs.parseFlags(rest); err != nil {
			return err
		}
		if err := needID(*id); err != nil {
			return err
		}
		st, err := openData(ctx, *data)
		if err != nil {
			return err
		}
		defer st.Close()
		return fn(st, fs.Args())
	}
}

// yearOpen records that 一上 of the plan's year began, with a note (a
// deadline, the notice sent to the 街道): once; later it says when it
// began.
func yearOpen(ctx context.Context, st *sqlite.Store, who domain.Actor, id, note string, stdout io.Writer) error {
	ys, err := app.YearStatusIn(ctx, st, who, id)
	if err != nil {
		return err
	}
	created, err := st.EnterStage(ctx, who, domain.StageRecord{Plan: id, Year: ys.Year, Stage: domain.StageCollect, What: note})
	if err != nil {
		return err
	}
	if !created {
		return say(stdout, msg.OutYearOpenAlready, id, ys.Year, ys.Stages[0].At.Local().Format("2006-01-02 15:04"), ys.Stages[0].By)
	}
	return say(stdout, msg.OutYearOpened, id, ys.Year)
}

// numbers reads submission numbers.
func numbers(a []string) ([]int, error) {
	out := make([]int, 0, len(a))
	for _, s := range a {
		n, err := versionArg(s)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// yearStatus prints the year's stage, its stages, publications and each
// 街道's data and breakdown.
func yearStatus(ctx context.Context, st *sqlite.Store, who domain.Actor, id string, stdout io.Writer) error {
	ys, err := app.YearStatusIn(ctx, st, who, id)
	if err != nil {
		return err
	}
	l := langOf(stdout)
	say(stdout, msg.OutYearHead, id, ys.Year, app.StageText(ys.Stage))
	for _, s := range ys.Stages {
		say(stdout, msg.OutYearStage, app.StageText(s.Stage), s.At.Local().Format("2006-01-02 15:04"), s.By, s.What)
	}
	for _, k := range ys.Publications {
		say(stdout, msg.OutYearPublication, k.Seq, domain.PubKindWords(k.Kind), k.Wenhao, k.IssuedOn, k.N, k.Reason)
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, msg.OutYearRowsHead.In(l))
	for _, r := range ys.Subdistricts {
		ex := r.Execution
		if r.Warnings > 0 {
			ex += msg.OutYearExecWarnings.In(l, r.Warnings)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Name, app.SubStatusText(r.Data), app.SubStatusText(r.Breakdown), ex)
	}
	return tw.Flush()
}

// yearList prints the year's data submissions or breakdowns, each with
// its problems.
func yearList(ctx context.Context, st *sqlite.Store, id string, breakdown bool, stdout io.Writer) error {
	ys, err := app.YearStatusIn(ctx, st, domain.Actor{Role: domain.RoleAdmin}, id)
	if err != nil {
		return err
	}
	list, err := st.Submissions(ctx, id, ys.Year, breakdown)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, msg.OutYearListHead.In(langOf(stdout)))
	for _, s := range list {
		what := strconv.Itoa(len(s.Changes))
		if breakdown {
			what = s.Total
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", s.N, s.Subdistrict, s.FiledAt.Local().Format("2006-01-02 15:04"), s.FileName,
			what, app.SubStatusText(&s))
		for _, p := range s.Problems {
			fmt.Fprintf(tw, "\t\t%s\t%s\t\t%s\n", p.Where, p.Code, p.Says)
		}
	}
	return tw.Flush()
}

// yearDiff prints what an adjustment changed against the 批复: each
// 街道's total, then the changed values.
func yearDiff(ctx context.Context, st *sqlite.Store, id string, seq int64, stdout io.Writer) error {
	d, err := app.AdjustmentDiffIn(ctx, st, id, seq)
	if err != nil {
		return err
	}
	say(stdout, msg.OutYearDiffHead, id, d.From, d.To)
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', tabwriter.AlignRight)
	for _, t := range d.Totals {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", t.ID, t.Name, t.Old, t.New, t.Delta)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, c := range d.Changes {
		fmt.Fprintf(stdout, "  %s %s: %s → %s\n", c.File, c.Path, c.Old, c.New)
	}
	return nil
}
