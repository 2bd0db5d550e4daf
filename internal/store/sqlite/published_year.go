package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/caili/caili/internal/caili"
)

// PublishedYear returns the latest publication of those of a plan's
// versions whose fiscal year is year: the result a damping baseline
// `@published:YEAR` reads (docs/dated.md).
func (s *Store) PublishedYear(ctx context.Context, plan string, year int64) (*caili.Publication, error) {
	p := caili.Publication{Plan: plan}
	var at string
	err := s.db.QueryRowContext(ctx, `SELECT p.n, v.hash, p.published_at, p.published_by, p.result, p.result_hash
		FROM publications p JOIN versions v ON v.plan = p.plan AND v.n = p.n
		WHERE p.plan = ? AND v.fiscal_year = ? ORDER BY p.seq DESC LIMIT 1`, plan, year).Scan(&p.N, &p.VersionHash, &at, &p.PublishedBy, &p.Result, &p.ResultHash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, caili.E("sqlite.PublishedYear", caili.KindNotFound, caili.TextNoYear, plan, year)
	}
	if err != nil {
		return nil, internal("read publication", err)
	}
	p.PublishedAt = parseTime(at)
	return &p, nil
}
