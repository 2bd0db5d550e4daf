package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"io"

	"github.com/caili/caili/internal/caili"
)

// A publication keeps its result once, as parts (migration 0008, issue 25
// §5): storeResult splits the result JSON as it is written, inside the
// publishing transaction (publication_split.go); PublishedIndex lists the
// latest publication's 街道 without reading a result, PublishedSubdistrict
// reads one, and PublishedResult writes the result back from its parts.

// querier is what reads: the database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// storeResult keeps the result of publication np as parts, inside tx,
// and returns its hash: np.ResultHash for np.Result, what WriteResult
// returns when it writes it.
func storeResult(ctx context.Context, tx *sql.Tx, np caili.NewPublication) (string, error) {
	rows, err := tx.PrepareContext(ctx, `INSERT INTO publication_rows (plan, n, pos, id, name) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	parts, err := tx.PrepareContext(ctx, `INSERT INTO publication_parts (plan, n, pos, gap, body) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return "", err
	}
	defer parts.Close()
	pos := 0
	sp := &splitter{part: func(gap, body []byte) error {
		id, name := idName(body)
		if _, err := rows.ExecContext(ctx, np.Plan, np.N, pos, id, name); err != nil {
			return err
		}
		if _, err := parts.ExecContext(ctx, np.Plan, np.N, pos, nonNil(gap), body); err != nil {
			return err
		}
		pos++
		return ctx.Err()
	}}
	hash := np.ResultHash
	if np.WriteResult != nil {
		// Whole parts are handed on: the result's writer gathers its own
		// chunks, and the splitter copies what it keeps.
		hash, err = np.WriteResult(sp)
	} else {
		_, err = sp.Write(np.Result)
	}
	if err != nil {
		return "", err
	}
	sp.finish()
	if _, err := tx.ExecContext(ctx, `INSERT INTO publication_frames (plan, n, head, tail) VALUES (?, ?, ?, ?)`,
		np.Plan, np.N, nonNil(sp.head), nonNil(sp.tail)); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO publication_hashes (plan, n, result_hash) VALUES (?, ?, ?)`,
		np.Plan, np.N, hash); err != nil {
		return "", err
	}
	return hash, nil
}

// nonNil is b, or an empty blob for nil (a NOT NULL column).
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// PublishedResult writes the frozen result of publication (plan, n) to
// w: its head, each 街道's part in order and its tail, read a row at a
// time; a publication made before migration 0008 writes the result it
// keeps whole.
func (s *Store) PublishedResult(ctx context.Context, plan string, n int, w io.Writer) error {
	if err := writeResult(ctx, s.db, plan, n, w); err != nil {
		return internal("read publication", err)
	}
	return nil
}

// writeResult is PublishedResult on q.
func writeResult(ctx context.Context, q querier, plan string, n int, w io.Writer) error {
	var head, tail []byte
	err := q.QueryRowContext(ctx, `SELECT head, tail FROM publication_frames WHERE plan = ? AND n = ?`, plan, n).Scan(&head, &tail)
	if errors.Is(err, sql.ErrNoRows) {
		var whole []byte
		err = q.QueryRowContext(ctx, `SELECT result FROM publications WHERE plan = ? AND n = ?`, plan, n).Scan(&whole)
		if errors.Is(err, sql.ErrNoRows) {
			return caili.E("sqlite.PublishedResult", caili.KindNotFound, caili.TextNotPublished, plan)
		}
		if err != nil {
			return err
		}
		_, err = w.Write(whole)
		return err
	}
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	bw.Write(head)
	rows, err := q.QueryContext(ctx, `SELECT gap, body FROM publication_parts WHERE plan = ? AND n = ? ORDER BY pos`, plan, n)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var gap, body sql.RawBytes
		if err := rows.Scan(&gap, &body); err != nil {
			return err
		}
		bw.Write(gap)
		if _, err := bw.Write(body); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	bw.Write(tail)
	return bw.Flush()
}

// resultBytes is the result of publication (plan, n), whole.
func resultBytes(ctx context.Context, q querier, plan string, n int) ([]byte, error) {
	var b bytesWriter
	if err := writeResult(ctx, q, plan, n, &b); err != nil {
		return nil, err
	}
	return b, nil
}

// bytesWriter collects what is written.
type bytesWriter []byte

func (b *bytesWriter) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}

// PublishedHead returns the latest publication of a plan without its
// result (Result nil; KindNotFound when none).
func (s *Store) PublishedHead(ctx context.Context, plan string) (*caili.Publication, error) {
	return s.publication(ctx, "sqlite.PublishedHead", `p.plan = ?`, plan)
}

// publication reads the latest publication of plan whose row meets
// where (on publications p and versions v; args after plan), without its
// result: the hash is read from beside it (in publications it comes
// after the result of a publication made before migration 0008, which
// reading would walk).
func (s *Store) publication(ctx context.Context, op, where string, plan string, args ...any) (*caili.Publication, error) {
	p := caili.Publication{Plan: plan}
	var at string
	err := s.db.QueryRowContext(ctx, `SELECT p.n, v.hash, p.published_at, p.published_by, h.result_hash
		FROM publications p JOIN versions v ON v.plan = p.plan AND v.n = p.n
		JOIN publication_hashes h ON h.plan = p.plan AND h.n = p.n
		WHERE `+where+` ORDER BY p.seq DESC LIMIT 1`, append([]any{plan}, args...)...).Scan(&p.N, &p.VersionHash, &at, &p.PublishedBy, &p.ResultHash)
	if errors.Is(err, sql.ErrNoRows) {
		if op == "sqlite.PublishedYear" {
			return nil, caili.E(op, caili.KindNotFound, caili.TextNoYear, plan, args[0])
		}
		return nil, caili.E(op, caili.KindNotFound, caili.TextNotPublished, plan)
	}
	if err != nil {
		return nil, internal("read publication", err)
	}
	p.PublishedAt = parseTime(at)
	return &p, nil
}

// withResult reads, after a publication read without its result, the
// result whole (PublicationOf, Published, PublishedYear).
func (s *Store) withResult(ctx context.Context) func(*caili.Publication, error) (*caili.Publication, error) {
	return func(p *caili.Publication, err error) (*caili.Publication, error) {
		if err != nil {
			return nil, err
		}
		if p.Result, err = resultBytes(ctx, s.db, p.Plan, p.N); err != nil {
			return nil, internal("read publication", err)
		}
		return p, nil
	}
}

// PublishedSubdistrict returns one 街道's object of the result of
// publication (plan, n), as JSON (KindNotFound when it has none).
func (s *Store) PublishedSubdistrict(ctx context.Context, plan string, n int, id string) ([]byte, error) {
	var body []byte
	err := s.db.QueryRowContext(ctx, `SELECT body FROM publication_parts WHERE plan = ? AND n = ? AND pos =
		(SELECT pos FROM publication_rows WHERE plan = ? AND n = ? AND id = ? ORDER BY pos LIMIT 1)`,
		plan, n, plan, n, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, caili.E("sqlite.PublishedSubdistrict", caili.KindNotFound, caili.TextNotPublished, plan)
	}
	if err != nil {
		return nil, internal("read published sub-districts", err)
	}
	return body, nil
}
