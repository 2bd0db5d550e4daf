package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/server"
)

const tokenUsage = `usage:
  caili token create --role planner|approver|subdistrict [--subdistrict ID] [--note TEXT] [--data DIR]
  caili token list   [--data DIR]
  caili token revoke [--data DIR] ID`

// cmdToken dispatches caili token <sub>.
func cmdToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, tokenUsage)
		return usagef(msg.CmdWhich, "token", "create, list, revoke")
	}
	fs := newFlagSet("token "+args[0], stderr)
	switch args[0] {
	case "create":
		role := fs.String("role", "", "planner (规划员), approver (审批人) or subdistrict (街道)")
		sd := fs.String("subdistrict", "", "the 街道's id, for --role subdistrict")
		note := fs.String("note", "", "who holds it, e.g. 德胜街道财务科")
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error {
			if *role == "" {
				return usagef(msg.CmdRequired, "--role")
			}
			secret, rec, err := app.CreateToken(ctx, st, cliActor(), app.Role(*role), *sd, *note)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(stdout, "令牌 token %s (%s%s) — 只显示这一次，请妥善保存 (shown once):\n%s\n", rec.ID, rec.Role, subOf(rec), secret)
			return err
		})
	case "list":
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error {
			ts, err := st.Tokens(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\t角色\t街道\t创建于\t状态\t备注")
			for _, t := range ts {
				state := "有效"
				if t.RevokedAt != nil {
					state = "已吊销 " + t.RevokedAt.Local().Format("2006-01-02 15:04")
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
			_, err := fmt.Fprintf(stdout, "已吊销 revoked %s\n", a[0])
			return err
		})
	}
	fmt.Fprintln(stderr, tokenUsage)
	return usagef(msg.CmdUnknownSub, "token", args[0])
}

func subOf(t *app.TokenRecord) string {
	if t.Subdistrict == "" {
		return ""
	}
	return " " + t.Subdistrict
}

// cmdAudit prints the audit log, newest first.
func cmdAudit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("audit", stderr)
	limit := fs.Int("limit", 100, "how many entries, newest first")
	return withStore(ctx, fs, args, 0, func(st *sqlite.Store, _ []string) error {
		es, err := st.Audit(ctx, *limit)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "#\t时间\t操作人\t角色\t操作\t方案\t对象\tsha256\t说明")
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
	out := fs.String("out", "", "the backup file to write (must not exist)")
	return withStore(ctx, fs, args, 0, func(st *sqlite.Store, _ []string) error {
		if *out == "" {
			return usagef(msg.CmdRequired, "--out")
		}
		if err := st.Backup(ctx, *out); err != nil {
			return err
		}
		_, err := fmt.Fprintf(stdout, "已备份 backed up %s → %s\n", st.Path(), *out)
		return err
	})
}

// cmdRestore puts a backup in place as the data folder's database. Stop
// the server first.
func cmdRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("restore", stderr)
	data := dataFlag(fs)
	replace := fs.Bool("replace", false, "replace an existing database (kept beside as caili.db.replaced-<time>)")
	if err := fs.Parse(args); err != nil {
		return &usageError{msg: err.Error(), quiet: true}
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
	fmt.Fprintf(stdout, "已恢复 restored %s → %s\n", fs.Arg(0), dir)
	if kept != "" {
		fmt.Fprintf(stdout, "原数据库保存在 the replaced database is kept as %s\n", kept)
	}
	return nil
}
