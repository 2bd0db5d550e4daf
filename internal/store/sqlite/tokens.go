package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"

	"github.com/caili/caili/internal/caili"
)

// CreateToken records a token by its hash.
func (s *Store) CreateToken(ctx context.Context, who caili.Actor, t caili.TokenRecord) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO tokens (id, hash, role, subdistrict, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			t.ID, t.Hash, string(t.Role), t.Subdistrict, t.Note, now()); err != nil {
			return err
		}
		return audit(ctx, tx, who, "token.create", "", t.ID, "", string(t.Role)+" "+t.Subdistrict)
	})
	if err != nil {
		return internal("create token", err)
	}
	return nil
}

const tokenCols = `id, hash, role, subdistrict, note, created_at, revoked_at`

func scanToken(r scanner) (*caili.TokenRecord, error) {
	var t caili.TokenRecord
	var role, created string
	var revoked sql.NullString
	if err := r.Scan(&t.ID, &t.Hash, &role, &t.Subdistrict, &t.Note, &created, &revoked); err != nil {
		return nil, err
	}
	t.Role, t.CreatedAt, t.RevokedAt = caili.Role(role), parseTime(created), parseTimePtr(revoked)
	return &t, nil
}

// TokenByHash finds a live token by its hash.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*caili.TokenRecord, error) {
	t, err := scanToken(s.db.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM tokens WHERE hash = ? AND revoked_at IS NULL`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, caili.E("sqlite.TokenByHash", caili.KindNotFound, caili.TextUnknownToken)
	}
	if err != nil {
		return nil, internal("read token", err)
	}
	return t, nil
}

// RevokeToken revokes a token.
func (s *Store) RevokeToken(ctx context.Context, who caili.Actor, id string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, now(), id)
		if err != nil {
			return err
		}
		if k, _ := r.RowsAffected(); k == 0 {
			return caili.E("sqlite.RevokeToken", caili.KindNotFound, caili.TextNoLiveToken, id)
		}
		return audit(ctx, tx, who, "token.revoke", "", id, "", "")
	})
	if err != nil {
		return internal("revoke token", err)
	}
	return nil
}

// Tokens lists every token.
func (s *Store) Tokens(ctx context.Context) ([]caili.TokenRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+tokenCols+` FROM tokens ORDER BY created_at, id`)
	if err != nil {
		return nil, internal("list tokens", err)
	}
	defer rows.Close()
	var out []caili.TokenRecord
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, internal("list tokens", err)
		}
		out = append(out, *t)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("list tokens", err)
	}
	return out, nil
}

// Audit returns the audit log, newest first.
func (s *Store) Audit(ctx context.Context, limit int) ([]caili.AuditEntry, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.db.QueryContext(ctx, `SELECT seq, at, actor, role, action, plan, subject, hash, detail
		FROM audit ORDER BY seq DESC LIMIT ?`, limit)
	if err != nil {
		return nil, internal("read audit log", err)
	}
	defer rows.Close()
	var out []caili.AuditEntry
	for rows.Next() {
		var e caili.AuditEntry
		var at, role string
		if err := rows.Scan(&e.Seq, &at, &e.Actor, &role, &e.Action, &e.Plan, &e.Subject, &e.Hash, &e.Detail); err != nil {
			return nil, internal("read audit log", err)
		}
		e.At, e.Role = parseTime(at), caili.Role(role)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("read audit log", err)
	}
	return out, nil
}

// Backup writes a consistent copy of the database to path (VACUUM INTO),
// while the database stays in use. It refuses a path that exists: the
// copy is made beside it under a temporary name and linked into place,
// which fails rather than replace a file.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Lstat(path); err == nil {
		return caili.E("sqlite.Backup", caili.KindConflict, caili.TextBackupExists, path)
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-"+strconv.Itoa(os.Getpid()))
	removeDB(tmp)
	defer removeDB(tmp) // a failed backup leaves nothing behind: the copy, its journal
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return internal("backup", err)
	}
	if err := syncFile(tmp); err != nil {
		return internal("backup", err)
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return caili.E("sqlite.Backup", caili.KindConflict, caili.TextBackupExists, path)
		}
		return internal("backup", err)
	}
	return syncDir(filepath.Dir(path))
}
