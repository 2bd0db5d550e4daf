package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/server"
	"github.com/caili/caili/standards"
)

const tokenUsage = `  caili token create --role planner|approver|reader|subdistrict [--subdistrict ID|NAME [--plan F]] [--note TEXT] [--data DIR]
  caili token list   [--data DIR]
  caili token revoke ID [--data DIR]`

// cmdToken dispatches caili token <sub>.
func cmdToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && isHelp(args[0]) {
		subUsage(stdout, tokenUsage)
		return nil
	}
	if len(args) == 0 {
		subUsage(stderr, tokenUsage)
		return usagef(msg.CmdWhich, "token", "create, list, revoke")
	}
	fs := newFlagSet("token "+args[0], stderr)
	switch args[0] {
	case "create":
		role := fs.String("role", "", msg.FlagRole)
		sd := fs.String("subdistrict", "", msg.FlagTokenSub)
		plan := fs.String("plan", "", msg.FlagTokenPlan)
		note := fs.String("note", "", msg.FlagTokenNote)
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error {
			if *role == "" {
				return usagef(msg.CmdRequired, "--role")
			}
			id, err := tokenSubdistrict(*sd, *plan)
			if err != nil {
				return err
			}
			secret, rec, err := app.CreateToken(ctx, st, cliActor(), domain.Role(*role), id, *note)
			if err != nil {
				return err
			}
			return say(stdout, msg.OutTokenCreated, rec.ID, rec.Role, subOf(rec), secret)
		})
	case "list":
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error {
			ts, err := st.Tokens(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
			l := langOf(stdout)
			fmt.Fprintln(tw, msg.OutTokenListHead.In(l))
			for _, t := range ts {
				state := msg.OutTokenValid.In(l)
				if t.RevokedAt != nil {
					state = msg.OutTokenRevokedAt.In(l, t.RevokedAt.Local().Format("2006-01-02 15:04"))
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Role, t.Subdistrict, t.CreatedAt.Local().Format("2006-01-02 15:04"), state, t.Note)
			}
			return tw.Flush()
		})
	case "revoke":
		return withStore(ctx, fs, args[1:], 1, func(st *sqlite.Store, a []string) error {
			if err := st.RevokeToken(ctx, cliActor(), a[0]); err != nil {
				return err
			}
			return say(stdout, msg.OutTokenRevoked, a[0])
		})
	}
	subUsage(stderr, tokenUsage)
	return usagef(msg.CmdUnknownSub, "token", args[0])
}

// tokenSubdistrict is the id of the 街道 a 街道 token is for: ref is its id
// or its name in the plan (the built-in sample when plan is empty); a
// 街道 the plan does not have is refused, with the nearest suggested.
func tokenSubdistrict(ref, plan string) (string, error) {
	if ref == "" {
		return "", nil
	}
	pf := planFlags{plan: plan}
	doc, err := pf.load()
	if err != nil {
		return "", err
	}
	return app.ResolveRef(doc, "", standards.TableSubdistrict, ref)
}

func subOf(t *domain.TokenRecord) string {
	if t.Subdistrict == "" {
		return ""
	}
	return " " + t.Subdistrict
}

// cmdAudit prints the audit log, newest first.
func cmdAudit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("audit", stderr)
	limit := fs.Int("limit", 100, msg.FlagLimit)
	return withStore(ctx, fs, args, 0, func(st *sqlite.Store, _ []string) error {
		es, err := st.Audit(ctx, *limit)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, msg.OutAuditHead.In(langOf(stdout)))
		for _, e := range es {
			h := e.Hash
			if len(h) > 8 {
				h = h[:8]
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Seq, e.At.Local().Format("2006-01-02 15:04:05"),
				e.Actor, e.Role, e.Action, e.Plan, e.Subject, h, e.Detail)
		}
		return tw.Flush()
	})
}

// cmdBackup writes a consistent copy of the database (VACUUM INTO) while
// the server may go on running; an existing file is never overwritten.
func cmdBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("backup", stderr)
	out := fs.String("out", "", msg.FlagBackupOut)
	return withStore(ctx, fs, args, 0, func(st *sqlite.Store, _ []string) error {
		if *out == "" {
			return usagef(msg.CmdRequired, "--out")
		}
		if err := st.Backup(ctx, *out); err != nil {
			return err
		}
		return say(stdout, msg.OutBackedUp, st.Path(), *out)
	})
}

// cmdRestore puts a backup in place as the data folder's database. Stop
// the server first.
func cmdRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("restore", stderr)
	data := dataFlag(fs)
	replace := fs.Bool("replace", false, msg.FlagReplace)
	if err := fs.parseFlags(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef(msg.CmdRestoreArg)
	}
	dir := *data
	if dir == "" {
		dir = server.DefaultDataDir()
	}
	kept, err := sqlite.Restore(ctx, fs.Arg(0), dir, *replace)
	if err != nil {
		return err
	}
	if err := say(stdout, msg.OutRestored, fs.Arg(0), dir); err != nil || kept == "" {
		return err
	}
	return say(stdout, msg.OutRestoreKept, kept)
}
