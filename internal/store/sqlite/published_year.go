package sqlite

import (
	"context"

	"github.com/caili/caili/internal/caili"
)

// PublishedYear returns the latest publication of those of a plan's
// versions whose fiscal year is year: the result a damping baseline
// `@published:YEAR` reads (docs/dated.md).
func (s *Store) PublishedYear(ctx context.Context, plan string, year int64) (*caili.Publication, error) {
	return s.withResult(ctx)(s.publication(ctx, "sqlite.PublishedYear", `p.plan = ? AND v.fiscal_year = ?`, plan, year))
}
