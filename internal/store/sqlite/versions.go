package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/caili/caili/internal/caili"
)

const versionCols = `plan, n, hash, name, fiscal_year, note, status, created_at, created_by, approved_at, approved_by`

type scanner interface{ Scan(dest ...any) error }

// rowWith scans a row's version columns and then more.
type rowWith struct {
	scanner
	more []any
}

func (r rowWith) Scan(dest ...any) error { return r.scanner.Scan(append(dest, r.more...)...) }

func scanVersion(r scanner) (*caili.VersionRecord, error) {
	var v caili.VersionRecord
	var created string
	var approved sql.NullString
	if err := r.Scan(&v.Plan, &v.N, &v.Hash, &v.Name, &v.FiscalYear, &v.Note, &v.Status, &created, &v.CreatedBy,
		&approved, &v.ApprovedBy); err != nil {
		return nil, err
	}
	v.CreatedAt, v.ApprovedAt = parseTime(created), parseTimePtr(approved)
	return &v, nil
}

func noVersion(plan string, n int) error {
	return caili.E("sqlite.noVersion", caili.KindNotFound, caili.TextNoVersion, plan, n)
}

// SaveVersion records a plan's files as a draft, unless the latest
// version has the same content.
func (s *Store) SaveVersion(ctx context.Context, who caili.Actor, nv caili.NewVersion) (rec *caili.VersionRecord, created bool, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		rec, created, err = saveVersion(ctx, tx, who, nv)
		return err
	})
	if err != nil {
		return nil, false, internal("save version", err)
	}
	return rec, created, nil
}

// saveVersion is SaveVersion inside tx.
func saveVersion(ctx context.Context, tx *sql.Tx, who caili.Actor, nv caili.NewVersion) (*caili.VersionRecord, bool, error) {
	last, err := scanVersion(tx.QueryRowContext(ctx, `SELECT `+versionCols+` FROM versions WHERE plan = ? ORDER BY n DESC LIMIT 1`, nv.Plan))
	switch {
	case err == nil && last.Hash == nv.Hash:
		return last, false, nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return nil, false, err
	}
	n := 1
	if last != nil {
		n = last.N + 1
	}
	if err := putContent(ctx, tx, nv); err != nil {
		return nil, false, err
	}
	at := now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO versions (plan, n, hash, name, fiscal_year, note, status, created_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, nv.Plan, n, nv.Hash, nv.Name, nv.FiscalYear, nv.Note, caili.StatusDraft, at, who.ID); err != nil {
		return nil, false, err
	}
	rec := &caili.VersionRecord{Plan: nv.Plan, N: n, Hash: nv.Hash, Name: nv.Name, FiscalYear: nv.FiscalYear, Note: nv.Note,
		Status: caili.StatusDraft, CreatedAt: parseTime(at), CreatedBy: who.ID}
	return rec, true, audit(ctx, tx, who, "version.save", nv.Plan, strconv.Itoa(n), nv.Hash, nv.Note)
}

// putContent stores a plan's files under their hash, once.
func putContent(ctx context.Context, tx *sql.Tx, nv caili.NewVersion) error {
	r, err := tx.ExecContext(ctx, `INSERT INTO contents (hash, created_at) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING`, nv.Hash, now())
	if err != nil {
		return err
	}
	if k, _ := r.RowsAffected(); k == 0 {
		return nil // the same bytes are already kept
	}
	for i, f := range nv.Files {
		if _, err := tx.ExecContext(ctx, `INSERT INTO content_files (hash, seq, name, data) VALUES (?, ?, ?, ?)`,
			nv.Hash, i, f.Name, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// Versions lists a plan's versions, oldest first, each published one
// with its publication's time and result hash.
func (s *Store) Versions(ctx context.Context, plan string) ([]caili.VersionRecord, error) {
	// The hash from beside the publication: in publications it follows
	// the whole result of one made before migration 0008.
	rows, err := s.db.QueryContext(ctx, `SELECT v.`+strings.ReplaceAll(versionCols, ", ", ", v.")+`, p.published_at, h.result_hash
		FROM versions v LEFT JOIN publications p ON p.plan = v.plan AND p.n = v.n
		LEFT JOIN publication_hashes h ON h.plan = v.plan AND h.n = v.n
		WHERE v.plan = ? ORDER BY v.n`, plan)
	if err != nil {
		return nil, internal("list versions", err)
	}
	defer rows.Close()
	var out []caili.VersionRecord
	for rows.Next() {
		var at, hash sql.NullString
		v, err := scanVersion(rowWith{rows, []any{&at, &hash}})
		if err != nil {
			return nil, internal("list versions", err)
		}
		v.PublishedAt, v.ResultHash = parseTimePtr(at), hash.String
		out = append(out, *v)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("list versions", err)
	}
	return out, nil
}

// Version returns one version with its files.
func (s *Store) Version(ctx context.Context, plan string, n int) (*caili.VersionRecord, error) {
	v, err := scanVersion(s.db.QueryRowContext(ctx, `SELECT `+versionCols+` FROM versions WHERE plan = ? AND n = ?`, plan, n))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noVersion(plan, n)
	}
	if err != nil {
		return nil, internal("read version", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name, data FROM content_files WHERE hash = ? ORDER BY seq`, v.Hash)
	if err != nil {
		return nil, internal("read version", err)
	}
	defer rows.Close()
	for rows.Next() {
		var f caili.File
		if err := rows.Scan(&f.Name, &f.Data); err != nil {
			return nil, internal("read version", err)
		}
		v.Files = append(v.Files, f)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("read version", err)
	}
	return v, nil
}

// Published returns a plan's latest publication.
func (s *Store) Published(ctx context.Context, plan string) (*caili.Publication, error) {
	return s.withResult(ctx)(s.publication(ctx, "sqlite.Published", `p.plan = ?`, plan))
}
