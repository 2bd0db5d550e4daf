package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/standards"
)

// published lets the plan take a damping baseline `@published:YEAR` from
// the record of the data folder --data names (docs/dated.md): the latest
// publication of the plan's versions of that fiscal year, the plan being
// known by the id `caili plan save` gives it (the file's name without
// .toml; the sample's id for the built-in plan). The database is opened
// only if the plan asks, read, and closed; a folder without one has no
// publication, and is not created.
func (pf *planFlags) published() standards.Option {
	id := planID("", pf.plan)
	dir := pf.data
	return standards.WithPublished(func(plan string, year int64) (*standards.Published, error) {
		if plan == "" {
			plan = id
		}
		if _, err := os.Stat(filepath.Join(dir, sqlite.FileName)); errors.Is(err, fs.ErrNotExist) {
			return nil, &standards.NotPublishedError{Plan: plan, Year: year}
		}
		ctx := context.Background()
		st, err := sqlite.OpenDir(ctx, dir)
		if err != nil {
			return nil, err
		}
		defer st.Close()
		return app.ReadPublished(ctx, st, plan, year)
	})
}
