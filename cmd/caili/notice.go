package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/atomicfile"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report/notice"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/internal/store/sqlite"
)

// cmdNotice writes the notices to the 街道 as one PDF (issue 24 §4,
// docs/guide.md): of one 街道 (--subdistrict) or of every one, each on
// new pages. The date is the publication's when the plan as it is now
// is the published version of the record --data names; otherwise
// --date, and the notice says 草案.
func cmdNotice(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("notice", stderr)
	var pf planFlags
	pf.register(fs, true)
	sub := fs.String("subdistrict", "", msg.FlagNoticeSub)
	kind := fs.String("kind", "", msg.FlagNoticeKind)
	docNo := fs.String("doc-no", "", msg.FlagNoticeDocNo)
	date := fs.String("date", "", msg.FlagNoticeDate)
	tmpl := fs.String("template", "", msg.FlagNoticeTemplate)
	out := fs.String("out", "", msg.FlagNoticeOut)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef(msg.CmdNoticeNeedsOut)
	}
	o := notice.Options{DocNo: *docNo, Draft: true}
	var ok bool
	if o.Kind, ok = notice.ParseKind(*kind); !ok {
		return usageChoice("--kind", notice.KindWords(), *kind)
	}
	if *date != "" {
		d, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			return usagef(msg.CmdNoticeDate, *date)
		}
		o.Date = d
	}
	if *tmpl != "" {
		b, _, err := safefile.Read(*tmpl, safefile.MaxInput)
		if err != nil {
			return fmt.Errorf("--template: %w", err)
		}
		o.Template = string(b)
	}
	res, err := pf.computeTotals()
	if err != nil {
		return err
	}
	o.Stamp = pf.stamp
	which, err := noticeWhich(res, *sub)
	if err != nil {
		return err
	}
	if at, ok, err := pf.publishedAt(); err != nil {
		return err
	} else if ok {
		o.Draft = false
		if o.Date.IsZero() {
			o.Date = at
		}
	}
	var buf bytes.Buffer
	if err := notice.Write(&buf, res, which, o); err != nil {
		return err
	}
	if err := atomicfile.Replace(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

// noticeWhich is the 街道 a notice is for: the one ref names (id or
// name), or nil for every one.
func noticeWhich(res *formula.Result, ref string) ([]int, error) {
	if ref == "" {
		return nil, nil
	}
	a, err := app.FindSubdistrict("", res, ref)
	if err != nil {
		return nil, err
	}
	for i := range res.Subdistricts {
		if res.Subdistricts[i].ID == a.ID {
			return []int{i}, nil
		}
	}
	return nil, nil
}

// publishedAt is when the plan as it is now was published in the record
// --data names: its files are those of the plan's latest publication
// (the same hash). A what-if, no --data, no record or no publication is
// not published.
func (pf *planFlags) publishedAt() (time.Time, bool, error) {
	if pf.data == "" || pf.stamp.WhatIf() {
		return time.Time{}, false, nil
	}
	if _, err := os.Stat(filepath.Join(pf.data, sqlite.FileName)); errors.Is(err, fs.ErrNotExist) {
		return time.Time{}, false, nil
	}
	ctx := context.Background()
	st, err := sqlite.OpenDir(ctx, pf.data)
	if err != nil {
		return time.Time{}, false, err
	}
	defer st.Close()
	id := planID("", pf.plan)
	pub, err := st.PublishedHead(ctx, id) // not its result
	if err != nil {
		if app.Classify(err).Kind == domain.KindNotFound {
			return time.Time{}, false, nil
		}
		return time.Time{}, false, err
	}
	v, err := app.LoadPlanFile(id, pf.plan, st)
	if err != nil {
		return time.Time{}, false, err
	}
	return pub.PublishedAt.Local(), pub.VersionHash == v.Hash, nil
}
