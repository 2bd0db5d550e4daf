package main

import (
	"context"
	"io"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/store/sqlite"
)

// planNext is caili plan next (docs/year-data.md): next year's plan
// written from this year's, with the record of --data (its publication,
// its execution imports) when the folder has a database.
func planNext(ctx context.Context, fs *flagSet, args []string, id string, who domain.Actor, stdout io.Writer) error {
	file := fs.String("plan", "", msg.FlagPlan)
	out := fs.String("out", "", msg.FlagNextOut)
	force := fs.Bool("force", false, msg.FlagNextForce)
	return withStore(ctx, fs, args, 0, func(st *sqlite.Store, _ []string) error {
		if *file == "" {
			return usagef(msg.CmdRequired, "--plan")
		}
		if *out == "" {
			return usagef(msg.CmdRequired, "--out")
		}
		v, err := app.LoadPlanFile(planID(id, *file), *file, st)
		if err != nil {
			return err
		}
		n, err := app.NextYear(ctx, st, who, v, *file, app.NextOptions{Out: *out, Force: *force})
		if err != nil {
			return err
		}
		for _, f := range n.Files {
			if err := say(stdout, msg.NextWritten, f, n.Year); err != nil {
				return err
			}
		}
		for _, note := range n.Notes {
			if _, err := io.WriteString(stdout, "  "+note+"\n"); err != nil {
				return err
			}
		}
		return nil
	})
}
