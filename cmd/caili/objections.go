package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/store/sqlite"
)

// caili objection list|show|accept|reject|corrected (异议, docs/records.md): the
// planner's side of objections, on the database file of a data folder.
// A 街道 files objections through the server with its token.

const objectionUsage = `  caili objection list   --id ID [--data DIR]
  caili objection show   --id ID [--data DIR] N
  caili objection accept --id ID [--data DIR] N
  caili objection reject --id ID --reason TEXT [--data DIR] N
  caili objection corrected --id ID [--note TEXT] [--data DIR] N
  (accept --plans DIR also corrects the data workbook of the plans folder)`

// cmdObjection dispatches caili objection <sub>.
func cmdObjection(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && isHelp(args[0]) {
		subUsage(stdout, objectionUsage)
		return nil
	}
	if len(args) == 0 {
		subUsage(stderr, objectionUsage)
		return usagef(msg.CmdWhich, "objection", "list, show, accept, reject, corrected")
	}
	fs := newFlagSet("objection "+args[0], stderr)
	id := fs.String("id", "", msg.FlagObjectionID)
	who := cliActor()
	switch args[0] {
	case "list":
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error {
			return objectionList(ctx, st, who, *id, stdout)
		})
	case "show", "accept", "reject", "corrected":
		reason := fs.String("reason", "", msg.FlagReason)
		note := fs.String("note", "", msg.FlagCorrectedNote)
		plans := fs.String("plans", "", msg.FlagObjectionPlans)
		return withStore(ctx, fs, args[1:], 1, func(st *sqlite.Store, a []string) error {
			if err := needID(*id); err != nil {
				return err
			}
			n, err := versionArg(a[0])
			if err != nil {
				return err
			}
			if args[0] == "corrected" {
				o, err := app.CorrectedObjectionIn(ctx, st, who, *id, n, *note)
				if err != nil {
					return err
				}
				return say(stdout, msg.OutObjectionCorrected, *id, o.N, o.Subdistrict)
			}
			if args[0] == "accept" && *plans != "" {
				o, v, err := app.AcceptObjectionFile(ctx, st, who, *id, n, filepath.Join(*plans, *id+".toml"))
				if err != nil {
					return err
				}
				return say(stdout, msg.OutObjectionAccepted, *id, o.N, o.Subdistrict, v.N, v.Hash[:16])
			}
			return objectionOne(ctx, st, who, args[0], *id, n, *reason, stdout)
		})
	}
	subUsage(stderr, objectionUsage)
	return usagef(msg.CmdUnknownSub, "objection", args[0])
}

func objectionList(ctx context.Context, st *sqlite.Store, who domain.Actor, id string, stdout io.Writer) error {
	if err := needID(id); err != nil {
		return err
	}
	list, err := app.ObjectionsIn(ctx, st, who, id)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, msg.OutObjectionListHead.In(langOf(stdout)))
	for _, o := range list {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%d\t%s\t%s\n", o.N, o.Subdistrict, o.Version,
			o.FiledAt.Local().Format("2006-01-02 15:04"), len(o.Corrections), app.ObjectionStatusText(&o), o.Note)
	}
	return tw.Flush()
}

// objectionOne shows, accepts or rejects objection n.
func objectionOne(ctx context.Context, st *sqlite.Store, who domain.Actor, sub, id string, n int, reason string, stdout io.Writer) error {
	switch sub {
	case "accept":
		o, v, err := app.AcceptObjectionIn(ctx, st, who, id, n)
		if err != nil {
			return err
		}
		return say(stdout, msg.OutObjectionAccepted, id, o.N, o.Subdistrict, v.N, v.Hash[:16])
	case "reject":
		o, err := app.RejectObjectionIn(ctx, st, who, id, n, reason)
		if err != nil {
			return err
		}
		return say(stdout, msg.OutObjectionRejected, id, o.N, o.Subdistrict, o.Reason)
	}
	v, err := app.ObjectionIn(ctx, st, who, id, n)
	if err != nil {
		return err
	}
	o, l := v.Objection, langOf(stdout)
	say(stdout, msg.OutObjectionShow, id, o.N, o.Subdistrict, o.Version,
		o.FiledAt.Local().Format("2006-01-02 15:04"), o.FiledBy, app.ObjectionStatusText(o), orNone(o.Note, l))
	keys := make([]string, 0, len(o.Corrections))
	for k := range o.Corrections {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		say(stdout, msg.OutObjectionFix, k, o.Corrections[k])
	}
	if v.Effect == nil {
		return nil
	}
	if v.Effect.Rejected != nil {
		return say(stdout, msg.OutObjectionEffect, msg.ErrorWords(l, app.Classify(v.Effect.Rejected)))
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, msg.OutEffectHeader.In(msg.Zh))
	for _, r := range v.Effect.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", r.ID, r.Name, r.Before, r.After, r.Change)
	}
	return tw.Flush()
}
