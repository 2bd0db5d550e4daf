package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/caili/caili/internal/caili"
)

// ApprovalPins is Approval without the approved result (Result nil): what
// publishing needs first (the pins and the hash), without reading a
// result of hundreds of megabytes into memory (issue 25 §5).
func (s *Store) ApprovalPins(ctx context.Context, plan string, n int) (*caili.Approval, error) {
	return s.approval(ctx, "sqlite.ApprovalPins", plan, n, false)
}

// approval reads the latest approval of a version, with its totals when
// withResult is set (and its result, for an approval made before
// migration 0008, which kept the result instead).
func (s *Store) approval(ctx context.Context, op, plan string, n int, withResult bool) (*caili.Approval, error) {
	a := caili.Approval{Plan: plan, N: n}
	var at, pins string
	var totals sql.NullString
	query := `SELECT approved_at, approved_by, result_hash, baselines FROM approvals
		WHERE plan = ? AND n = ? ORDER BY seq DESC LIMIT 1`
	dest := []any{&at, &a.ApprovedBy, &a.ResultHash, &pins}
	if withResult {
		// The result is read only when there are no totals (CASE): an
		// approval made since keeps an empty result.
		query = `SELECT approved_at, approved_by, result_hash, baselines, totals,
		CASE WHEN totals IS NULL THEN result ELSE x'' END FROM approvals
		WHERE plan = ? AND n = ? ORDER BY seq DESC LIMIT 1`
		dest = append(dest, &totals, &a.Result)
	}
	err := s.db.QueryRowContext(ctx, query, plan, n).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, caili.E(op, caili.KindNotFound, caili.TextNoApproval, plan, n)
	}
	if err != nil {
		return nil, internal("read approval", err)
	}
	if err := json.Unmarshal([]byte(pins), &a.Baselines); err != nil {
		return nil, internal("read approval", err)
	}
	if totals.Valid {
		a.Result = nil
		if err := json.Unmarshal([]byte(totals.String), &a.Totals); err != nil {
			return nil, internal("read approval", err)
		}
	}
	a.ApprovedAt = parseTime(at)
	return &a, nil
}
