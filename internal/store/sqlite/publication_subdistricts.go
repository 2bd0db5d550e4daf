package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/caili/caili/internal/caili"
)

// A publication's 街道 are kept apart beside its result (migration 0007,
// issue 25 §5): storeSubdistricts splits the result JSON inside the
// publishing transaction, PublishedIndex lists the latest publication's
// 街道 without reading its result, and PublishedSubdistrict reads one.

// storeSubdistricts keeps each 街道's object of publication (plan, n)'s
// result JSON as a row of its own, with the result's hash beside. The
// result is split here in one pass without copying it (splitSubdistricts);
// one that is not an allocations document keeps no rows, as before.
func storeSubdistricts(ctx context.Context, tx *sql.Tx, plan string, n int, result []byte, hash string) error {
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO publication_hashes (plan, n, result_hash) VALUES (?, ?, ?)`,
		plan, n, hash); err != nil {
		return err
	}
	rows := splitSubdistricts(result)
	if len(rows) == 0 {
		return nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO publication_subdistricts (plan, n, pos, id, name, body) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for i, r := range rows {
		if _, err := ins.ExecContext(ctx, plan, n, i, r.ID, r.Name, string(r.body)); err != nil {
			return err
		}
	}
	return nil
}

// publishedRow is one 街道 of a result: its id, its name and its object's
// text, a slice of the result.
type publishedRow struct {
	ID, Name string
	body     []byte
}

// splitSubdistricts finds the objects of a result JSON's "subdistricts"
// list; none when the text is not such a document.
func splitSubdistricts(result []byte) []publishedRow {
	dec := json.NewDecoder(bytes.NewReader(result))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil
		}
		if key != "subdistricts" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return nil
		}
		var out []publishedRow
		for dec.More() {
			start := dec.InputOffset()
			var r publishedRow
			if dec.Decode(&r) != nil {
				return nil
			}
			r.body = bytes.TrimLeft(result[start:dec.InputOffset()], " \t\r\n,")
			out = append(out, r)
		}
		return out
	}
	return nil
}

// PublishedIndex returns the latest publication of a plan without its
// result (Result nil), and its 街道 in the result's order (KindNotFound
// when the plan has none).
func (s *Store) PublishedIndex(ctx context.Context, plan string) (*caili.Publication, []caili.PublishedEntry, error) {
	p := caili.Publication{Plan: plan}
	var at string
	// The columns before the result, and the hash from beside it: reading
	// publications.result_hash would walk the whole result.
	err := s.db.QueryRowContext(ctx, `SELECT p.n, v.hash, p.published_at, p.published_by, h.result_hash
		FROM publications p JOIN versions v ON v.plan = p.plan AND v.n = p.n
		JOIN publication_hashes h ON h.plan = p.plan AND h.n = p.n
		WHERE p.plan = ? ORDER BY p.seq DESC LIMIT 1`, plan).Scan(&p.N, &p.VersionHash, &at, &p.PublishedBy, &p.ResultHash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, caili.E("sqlite.PublishedIndex", caili.KindNotFound, caili.TextNotPublished, plan)
	}
	if err != nil {
		return nil, nil, internal("read publication", err)
	}
	p.PublishedAt = parseTime(at)
	rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM publication_subdistricts WHERE plan = ? AND n = ? ORDER BY pos`, plan, p.N)
	if err != nil {
		return nil, nil, internal("read published sub-districts", err)
	}
	defer rows.Close()
	var out []caili.PublishedEntry
	for rows.Next() {
		var e caili.PublishedEntry
		if err := rows.Scan(&e.ID, &e.Name); err != nil {
			return nil, nil, internal("read published sub-districts", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, internal("read published sub-districts", err)
	}
	return &p, out, nil
}

// PublishedSubdistrict returns one 街道's object of the result of
// publication (plan, n), as JSON (KindNotFound when it has none).
func (s *Store) PublishedSubdistrict(ctx context.Context, plan string, n int, id string) ([]byte, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM publication_subdistricts WHERE plan = ? AND n = ? AND id = ?`,
		plan, n, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, caili.E("sqlite.PublishedSubdistrict", caili.KindNotFound, caili.TextNotPublished, plan)
	}
	if err != nil {
		return nil, internal("read published sub-districts", err)
	}
	return []byte(body), nil
}
