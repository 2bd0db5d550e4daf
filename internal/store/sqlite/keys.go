package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/caili/caili/internal/caili"
)

// Idempotency keys (caili.Keys): the first answer to a POST with an
// Idempotency-Key is kept, by actor and key, so that a retry is given
// it instead of filing twice. Keys are bookkeeping, not the record: they
// have no audit entry. They are kept KeyMaxAge, at most KeyMaxCount in
// all; the oldest go first when a key is reserved.

// KeyMaxAge is how long an idempotency key and its answer are kept.
const KeyMaxAge = 24 * time.Hour

// KeyMaxCount bounds how many idempotency keys are kept in all.
const KeyMaxCount = 10000

// ReserveKey reserves key for a request, or reports where it stands.
func (s *Store) ReserveKey(ctx context.Context, actor, key, request string) (state caili.KeyState, ans *caili.KeyAnswer, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := pruneKeys(ctx, tx); err != nil {
			return err
		}
		var req, created string
		var answered sql.NullString
		var a caili.KeyAnswer
		err := tx.QueryRowContext(ctx, `SELECT request, created_at, answered_at, status, type, body FROM idempotency
			WHERE actor = ? AND key = ?`, actor, key).Scan(&req, &created, &answered, &a.Status, &a.Type, &a.Body)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			state = caili.KeyNew
			_, err = tx.ExecContext(ctx, `INSERT INTO idempotency (actor, key, request, created_at) VALUES (?, ?, ?, ?)`,
				actor, key, request, now())
			return err
		case err != nil:
			return err
		case req != request:
			state = caili.KeyMismatch
		case !answered.Valid:
			state = caili.KeyPending
		default:
			state, ans = caili.KeyAnswered, &a
			a.At = parseTime(answered.String)
		}
		return nil
	})
	if err != nil {
		return 0, nil, internal("reserve idempotency key", err)
	}
	return state, ans, nil
}

// pruneKeys forgets keys older than KeyMaxAge and the oldest beyond
// KeyMaxCount.
func pruneKeys(ctx context.Context, tx *sql.Tx) error {
	cutoff := time.Now().Add(-KeyMaxAge).UTC().Format(timeFormat)
	if _, err := tx.ExecContext(ctx, `DELETE FROM idempotency WHERE created_at < ?`, cutoff); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM idempotency WHERE rowid IN
		(SELECT rowid FROM idempotency ORDER BY created_at DESC LIMIT -1 OFFSET ?)`, KeyMaxCount-1)
	return err
}

// AnswerKey keeps a reserved key's answer.
func (s *Store) AnswerKey(ctx context.Context, actor, key string, a caili.KeyAnswer) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE idempotency SET answered_at = ?, status = ?, type = ?, body = ?
			WHERE actor = ? AND key = ? AND answered_at IS NULL`, now(), a.Status, a.Type, a.Body, actor, key)
		return err
	})
	if err != nil {
		return internal("keep an idempotent answer", err)
	}
	return nil
}

// ReleaseKey forgets a reserved key that has no answer.
func (s *Store) ReleaseKey(ctx context.Context, actor, key string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM idempotency WHERE actor = ? AND key = ? AND answered_at IS NULL`, actor, key)
		return err
	})
	if err != nil {
		return internal("release an idempotency key", err)
	}
	return nil
}
