package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/store/sqlite"
)

// caili objection list|show|accept|reject (申诉, docs/records.md): the
// planner's side of objections, on the database file of a data folder.
// A 街道 files objections through the server with its token.

const objectionUsage = `usage:
  caili objection list   --id ID [--data DIR]
  caili objection show   --id ID [--data DIR] N
  caili objection accept --id ID [--data DIR] N
  caili objection reject --id ID --reason TEXT [--data DIR] N`

// cmdObjection dispatches caili objection <sub>.
func cmdObjection(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, objectionUsage)
		return usagef(msg.CmdWhich, "objection", "list, show, accept, reject")
	}
	fs := newFlagSet("objection "+args[0], stderr)
	id := fs.String("id", "", "plan id")
	who := cliActor()
	switch args[0] {
	case "list":
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error {
			return objectionList(ctx, st, who, *id, stdout)
		})
	case "show", "accept", "reject":
		reason := fs.String("reason", "", "驳回理由 why it is rejected (reject)")
		return withStore(ctx, fs, args[1:], 1, func(st *sqlite.Store, a []string) error {
			if err := needID(*id); err != nil {
				return err
			}
			n, err := versionArg(a[0])
			if err != nil {
				return err
			}
			return objectionOne(ctx, st, who, args[0], *id, n, *reason, stdout)
		})
	}
	fmt.Fprintln(stderr, objectionUsage)
	return usagef(msg.CmdUnknownSub, "objection", args[0])
}

func objectionList(ctx context.Context, st *sqlite.Store, who app.Actor, id string, stdout io.Writer) error {
	if err := needID(id); err != nil {
		return err
	}
	list, err := app.ObjectionsIn(ctx, st, who, id)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "编号\t街道\t针对版本\t提出于\t更正项\t状态\t说明")
	for _, o := range list {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%d\t%s\t%s\n", o.N, o.Subdistrict, o.Version,
			o.FiledAt.Local().Format("2006-01-02 15:04"), len(o.Corrections), o.StatusText(), o.Note)
	}
	return tw.Flush()
}

// objectionOne shows, accepts or rejects objection n.
func objectionOne(ctx context.Context, st *sqlite.Store, who app.Actor, sub, id string, n int, reason string, stdout io.Writer) error {
	switch sub {
	case "accept":
		o, v, err := app.AcceptObjectionIn(ctx, st, who, id, n)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "已采纳 accepted %s 申诉 %d（%s）→ 草案第 %d 版 (draft version %d) sha256 %s\n",
			id, o.N, o.Subdistrict, v.N, v.N, v.Hash[:16])
		return err
	case "reject":
		o, err := app.RejectObjectionIn(ctx, st, who, id, n, reason)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "已驳回 rejected %s 申诉 %d（%s）：%s\n", id, o.N, o.Subdistrict, o.Reason)
		return err
	}
	v, err := app.ObjectionIn(ctx, st, who, id, n)
	if err != nil {
		return err
	}
	o := v.Objection
	fmt.Fprintf(stdout, "%s 申诉 %d — 街道 %s，针对第 %d 版，%s 由 %s 提出\n状态 %s\n说明 %s\n", id, o.N, o.Subdistrict, o.Version,
		o.FiledAt.Local().Format("2006-01-02 15:04"), o.FiledBy, o.StatusText(), orNone(o.Note))
	keys := make([]string, 0, len(o.Corrections))
	for k := range o.Corrections {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(stdout, "  更正 %s = %s\n", k, o.Corrections[k])
	}
	if v.Effect == nil {
		return nil
	}
	if v.Effect.Rejected != nil {
		_, err = fmt.Fprintf(stdout, "按更正测算: %s\n", app.Classify(v.Effect.Rejected).Message)
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "街道\t\t原合计\t更正后\t变化\t")
	for _, r := range v.Effect.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", r.ID, r.Name, r.Before, r.After, r.Change)
	}
	return tw.Flush()
}
