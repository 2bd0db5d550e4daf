package sqlite

import (
	"context"

	"github.com/caili/caili/internal/caili"
)

// PublishedYear returns the latest publication of those of a plan's
// versions whose fiscal year is year, without its result: the
// publication a damping baseline `@published:YEAR` reads (docs/dated.md),
// one 街道 at a time through PublishedResult (at 10,000 街道 the result
// is 469 MB).
func (s *Store) PublishedYear(ctx context.Context, plan string, year int64) (*caili.Publication, error) {
	return s.publication(ctx, "sqlite.PublishedYear", `p.plan = ? AND v.fiscal_year = ?`, plan, year)
}
